import ArgumentParser
import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation

/// Output formats for a budget.
enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    func render(_ budget: Budget, _ options: RenderOptions) -> String {
        switch self {
        case .text: return TextReport(budget, options: options).render()
        case .json: return JSONReport(budget, options: options).render()
        case .csv: return CSVReport(budget, options: options).render()
        }
    }

    func render(_ reconciliation: Reconciliation, _ options: RenderOptions) -> String {
        switch self {
        case .text: return ReconcileTextReport(reconciliation, options: options).render()
        case .json: return ReconcileJSONReport(reconciliation, options: options).render()
        case .csv: return ReconcileCSVReport(reconciliation, options: options).render()
        }
    }
}

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the events in the tables.",
        discussion: "Example:\n  travel-budget events")

    @OptionGroup var tablesOption: TablesOption

    func run() throws {
        let tables = try Console.tables(tablesOption)
        print(TablesText.events(tables.events), terminator: "")
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
        let tables = try Console.tables(tablesOption)
        print(TablesText.caps(try Console.event(event, in: tables)), terminator: "")
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

    func run() throws {
        let (tables, event, participants) = try options.read()
        let budget = Budget(event: event, participants: participants, rosterName: options.roster,
                            ceilings: try options.ceilingOptions.ceilings(for: event))
        if !budget.notPlanned.isEmpty {
            Console.error("\(options.roster): note: \(budget.notPlanned.count) row(s) marked planned = no are not in the plan: "
                          + budget.notPlanned.map(\.id).joined(separator: ", ") + " (see `travel-budget reconcile`)")
        }
        try options.write(options.format.render(budget, options.renderOptions), budgets: [budget], tables: tables)
        Console.warn(event: event, plan: budget.headroom)
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cost each event's roster and write the text reports (defaults: the shipped samples, into Reports/).",
        discussion: """
            For every event in the tables, reads ROSTERS/<event id>.csv and writes OUTPUT-DIR/<event id>.txt, then one
            workbook for all events, OUTPUT-DIR/travel-budget.xlsx.

            Examples:
              travel-budget report
              travel-budget report --rosters my-rosters --output-dir out --redact
              travel-budget report --budget 17000 --budget RSO=8500
            """)

    @Option(help: ArgumentHelp("Folder of rosters named <event id>.csv (default: <tables>/rosters).", valueName: "DIR"))
    var rosters: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Folder for the reports.", valueName: "DIR"))
    var outputDir: String = "Reports"

    @ArgumentParser.Flag(help: "Replace names and organizations with ids (for a report sent to another office).")
    var redact = false

    @OptionGroup var ceilingOptions: CeilingOptions
    @OptionGroup var workbookOptions: WorkbookOptions
    @OptionGroup var tablesOption: TablesOption

    func run() throws {
        let tables = try Console.tables(tablesOption)
        let ceilings = try ceilingOptions.ceilings(for: tables.events)
        let rosterFolder = rosters ?? (tables.directory as NSString).appendingPathComponent("rosters")
        var budgets: [Budget] = []
        var failures: [InputError] = []
        for event in tables.events {
            let path = (rosterFolder as NSString).appendingPathComponent("\(event.id).csv")
            do {
                budgets.append(Budget(event: event, participants: try Console.readRoster(path, tables: tables), rosterName: path,
                                      ceilings: ceilings[event.id]))
            } catch {
                failures.append(error)   // every roster's problems are told, not just the first roster's
            }
        }
        if !failures.isEmpty {
            failures.forEach { Console.error($0.description) }
            throw ExitCode(failures.map(\.exitCode).max() ?? 65)
        }
        // Every roster is read before anything is written: a bad roster leaves the reports as they were.
        for budget in budgets {
            let path = (outputDir as NSString).appendingPathComponent("\(budget.event.id).txt")
            try OutputFile.write(TextReport(budget, options: RenderOptions(redact: redact)).render(), to: path)
            let t = budget.totals
            print("\(budget.event.id): \(t.participants) participants, assisted airfare US$ \(t.assistedAirfare.grouped), "
                  + "local expenses US$ \(t.localExpenses.grouped), total US$ \(t.total.grouped) -> \(path)")
        }
        let workbook = (outputDir as NSString).appendingPathComponent("travel-budget.xlsx")
        let inputs = budgets.flatMap { [tables.eventFile($0.event), $0.rosterName] }
        try WorkbookFile.write(budgets, events: tables.events, inputs: inputs, options: RenderOptions(redact: redact),
                               created: workbookOptions.created, to: workbook)
        let sheets = budgets.count == 1 ? "1 event" : "\(budgets.count) events"
        print("workbook: \(sheets), every figure a live formula -> \(workbook)")
        budgets.forEach { Console.warn(event: $0.event, plan: $0.headroom) }
    }
}
