import ArgumentParser
import BudgetCore
import BudgetReaders
import Foundation
import Planner

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the events in the tables.",
        discussion: "Example:\n  travel-budget events")

    @OptionGroup var tablesOption: TablesOption

    func run() throws {
        let planner = try Console.planner(tablesOption)
        print(planner.eventsText(), terminator: "")
        // Listing the tables is checking them: a broken file's problems are printed whole, and the exit says so.
        if !planner.tables.broken.isEmpty {
            planner.tables.broken.forEach { Console.error($0.error.description) }
            throw ExitCode(65)
        }
    }
}

struct Caps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an event's cap table with provenance; inferred and unlabelled rows are marked.",
        discussion: "Example:\n  travel-budget caps jeju-2018")

    @Argument(help: "The event id (see `travel-budget events`).")
    var event: String

    @OptionGroup var tablesOption: TablesOption

    func run() throws {
        let planner = try Console.planner(tablesOption)
        print(try Console.run { () throws(PlannerError) in try planner.capsText(event) }, terminator: "")
    }
}

struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cost a roster under an event's rules.",
        discussion: """
            Examples:
              travel-budget cost --event jeju-2023 --roster Tables/rosters/jeju-2023.csv
              travel-budget cost --event jeju-2018 --roster my.csv --format csv --output Reports/my.csv
              travel-budget cost --event jeju-2023 --roster my.csv --format json --redact
              travel-budget cost --event jeju-2023 --roster my.csv --xlsx Reports/jeju-2023.xlsx
              travel-budget cost --event jeju-2023 --roster my.csv --budget 16000 --budget RSO=8000
            """)

    @OptionGroup var options: RosterOptions

    @Option(help: ArgumentHelp("Only this paying office's budget: its part of every line and its totals (full name or first word).",
                               valueName: "OFFICE"))
    var office: String?

    @ArgumentParser.Flag(help: ArgumentHelp(
        "Write the workbook row by row in constant memory and report a summary (automatic with --xlsx for a roster over 250 KB)."))
    var stream = false

    func validate() throws {
        if let problem = CostRequest.streamProblem(stream: stream, withWorkbook: options.xlsx != nil, roster: options.rosterInput) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        var request = CostRequest(event: options.event, roster: options.rosterInput)
        request.workbook = try options.workbookOptions.request(options.xlsx)   // the prepared day, before anything is read
        let planner = try Console.planner(options.tablesOption)
        request.format = options.format
        request.office = office
        request.columns = try options.columns.mapping()
        request.pricing = options.pricing.value
        request.ceilings = options.ceilingOptions.budget
        request.stream = stream
        let result = try Console.run { () throws(PlannerError) in try planner.cost(request, say: Console.error) }
        try options.report.write(result.report)
        Console.warn(result.warnings)
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cost each event's roster and write the text reports (defaults: the shipped samples, into Reports/).",
        discussion: """
            For every event in the tables, reads ROSTERS/<event id>.csv (or .xlsx, or .ods) and writes OUTPUT-DIR/<event id>.txt, then one
            workbook for all events, OUTPUT-DIR/travel-budget.xlsx.

            Examples:
              travel-budget report
              travel-budget report --rosters my-rosters --output-dir out --redact
              travel-budget report --budget 17000 --budget RSO=8500
            """)

    @Option(help: ArgumentHelp("Folder of rosters named <event id>.csv, .xlsx or .ods (default: <tables>/rosters).", valueName: "DIR"))
    var rosters: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Folder for the reports.", valueName: "DIR"))
    var outputDir: String = "Reports"

    @OptionGroup var columns: ColumnsOption
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var ceilingOptions: CeilingOptions
    @OptionGroup var workbookOptions: WorkbookOptions
    @OptionGroup var tablesOption: TablesOption

    func run() throws {
        var request = ReportRequest(workbook: try workbookOptions.request("travel-budget.xlsx")!)   // before anything is written
        let planner = try Console.planner(tablesOption)
        request.rosters = rosters
        request.outputDirectory = outputDir
        request.columns = try columns.mapping()
        request.pricing = pricing.value
        request.ceilings = ceilingOptions.budget
        let result = try Console.run { () throws(PlannerError) in try planner.report(request, say: Console.error) }
        result.lines.forEach { print($0) }
        Console.warn(result.warnings)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List each participant's eligibility under an event's rules (deadlines, documents, countries, approval), with every reason.",
        discussion: """
            A missing column or an empty cell is "not known", never "eligible". Roster columns: passport (ordinary or
            official), applied_on (YYYY-MM-DD), documents (all, none, a count, or the event's short names separated by
            `;`), status (applied, approved or declined).

            Examples:
              travel-budget check --event jeju-2023 --roster Tables/rosters/jeju-2023.csv
              travel-budget check --event jeju-2018 --roster my.csv --format json
            """)

    @OptionGroup var eventRoster: EventRosterOptions

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    @OptionGroup var columns: ColumnsOption
    @OptionGroup var tablesOption: TablesOption

    func run() throws {
        let planner = try Console.planner(tablesOption)
        let mapping = try columns.mapping()
        print(try Console.run { () throws(PlannerError) in
            try planner.check(event: eventRoster.event, roster: .file(eventRoster.roster), columns: mapping, json: format == .json,
                              say: Console.error)
        }, terminator: "")
    }
}

/// Output formats for `check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Who: ExpressibleByArgument {
    static let help = ArgumentHelp(
        "Who is priced: not-excluded (default: everyone not known to be ineligible or declined), eligible, approved or all.")
}
