import ArgumentParser
import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation

/// Output formats for a budget.
enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    /// A budget's report: its lines when it kept them, else its summary saying they are at `linesAt`.
    func render(_ budget: Budget, linesAt: String? = nil, _ options: RenderOptions) -> String {
        switch self {
        case .text: return BudgetReport.text(budget, linesAt: linesAt, options: options)
        case .json: return BudgetReport.json(budget, linesAt: linesAt, options: options)
        case .csv: return BudgetReport.csv(budget, linesAt: linesAt, options: options)
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
        print(TablesText.events(tables.events, broken: tables.broken.map { ($0.id, $0.file, $0.problems.count) }), terminator: "")
        // Listing the tables is checking them: a broken file's problems are printed whole, and the exit says so.
        if !tables.broken.isEmpty {
            tables.broken.forEach { Console.error($0.error.description) }
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

    @Option(help: ArgumentHelp("Only this paying office's budget: its part of every line and its totals (full name or first word).",
                               valueName: "OFFICE"))
    var office: String?

    @ArgumentParser.Flag(help: ArgumentHelp(
        "Write the workbook row by row in constant memory and report a summary (automatic with --xlsx for a roster over 250 KB)."))
    var stream = false

    func validate() throws {
        if stream && options.xlsx == nil { throw ValidationError("--stream writes the workbook row by row: give --xlsx FILE") }
        if stream && RosterReader.isWorkbook(options.roster) { throw ValidationError("--stream reads a CSV roster as a stream; a workbook roster is read whole: leave out --stream") }
    }

    func run() throws {
        if let xlsx = options.xlsx, office == nil, !RosterReader.isWorkbook(options.roster), stream || LargeRoster.isLarge(options.roster) {
            return try runLarge(xlsx: xlsx)
        }
        let (tables, event, roster) = try options.read()
        let budget = Budget(event: event, participants: roster.participants, rosterName: roster.name(options.roster), who: options.who,
                            ceilings: try options.ceilingOptions.ceilings(for: event), unusedColumns: roster.unusedColumns,
                            rosterNotes: roster.reportNotes)
        if !budget.notPlanned.isEmpty {
            Console.error("\(options.roster): note: \(budget.notPlanned.count) row(s) marked planned = no are not in the plan: "
                          + budget.notPlanned.map(\.id).joined(separator: ", ") + " (see `travel-budget reconcile`)")
        }
        var text = options.format.render(budget, options.renderOptions)
        if let office {
            guard let chosen = OfficeReport.office(named: office, in: budget) else {
                throw ValidationError("`\(office)` is not one of \(event.id)'s paying offices: \(event.payingOffices.joined(separator: "; "))")
            }
            let report = OfficeReport(budget, office: chosen, options: options.renderOptions)
            text = options.format == .json ? report.json() : options.format == .csv ? report.csv() : report.text()
        }
        try options.write(text, budgets: [budget], tables: tables)
        Console.warn(event: event, plan: budget.headroom)
    }

    /// A large roster: costed straight into the workbook, with a summary (in any format) as the report.
    private func runLarge(xlsx: String) throws {
        let tables = try Console.tables(options.tablesOption)
        let event = try Console.event(options.event, in: tables)
        let ceilings = try options.ceilingOptions.ceilings(for: event)
        let roster = try Console.guarded {
            try RosterStream(reader: RosterReader(countries: tables.countries, event: event, mapping: try options.columns.mapping(), events: tables.events),
                             path: options.roster, file: options.roster)
        }
        let bound = max(roster.lines - 1, 1)   // counted by the reader's one scan of the file: the rows set aside
        roster.notes.forEach { Console.error($0.description) }
        let budget = try LargeRoster.cost(roster, rows: bound, event: event, tables: tables, options: options, ceilings: ceilings, xlsx: xlsx)
        roster.closingNotes.forEach { Console.error($0.description) }
        let text = options.format.render(budget, linesAt: xlsx, options.renderOptions)
        try options.report.write(text)
        Console.warn(event: event, plan: budget.headroom)
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
        let created = try workbookOptions.createdTime()   // before anything is written
        let tables = try Console.tables(tablesOption)
        let mapping = try columns.mapping()
        let ceilings = try ceilingOptions.ceilings(for: tables.events)
        let rosterFolder = rosters ?? (tables.directory as NSString).appendingPathComponent("rosters")
        var budgets: [Budget] = []
        var failures: [InputError] = []
        var withoutRoster: [(event: Event, path: String)] = []
        for event in tables.events {
            // <event id>.csv, .xlsx or .ods: two of them for one event is a question only the officer can answer.
            let candidates = ["csv", "xlsx", "ods"].map { (rosterFolder as NSString).appendingPathComponent("\(event.id).\($0)") }
            let found = candidates.filter { FileManager.default.fileExists(atPath: $0) }
            guard let path = found.first else {
                withoutRoster.append((event, candidates[0]))
                continue
            }
            if found.count > 1 {
                failures.append(.badData([Diagnostic(SourceLocation(file: found[1], line: 0, column: 0),
                                                     "\(event.id) has \(found.count) rosters: \(found.joined(separator: " and "))",
                                                     hint: "keep one roster per event in \(rosterFolder) (move the other away)")]))
                continue
            }
            do {
                let roster = try Console.readRoster(path, tables: tables, event: event, columns: mapping)
                budgets.append(Budget(event: event, participants: roster.participants, rosterName: roster.name(path), who: pricing.who,
                                      ceilings: ceilings[event.id], unusedColumns: roster.unusedColumns, rosterNotes: roster.reportNotes))
            } catch {
                failures.append(error)   // every roster's problems are told, not just the first roster's
            }
        }
        if !failures.isEmpty {
            failures.forEach { Console.error($0.description) }
            throw ExitCode(failures.map(\.exitCode).max() ?? 65)
        }
        if budgets.isEmpty {
            let looked = withoutRoster.map(\.path).joined(separator: ", ")
            try Console.guarded { throw InputError.missing(path: rosterFolder, reason: "no event has a roster here (looked for \(looked))",
                                                           hint: "name each roster after its event: <event id>.csv, e.g. \(tables.events.first?.id ?? "jeju-2023").csv") }
        }
        // Every roster is read before anything is written: a bad roster leaves the reports as they were.
        for budget in budgets {
            let path = (outputDir as NSString).appendingPathComponent("\(budget.event.id).txt")
            try OutputFile.write(TextReport(budget, options: pricing.renderOptions).render(), to: path)
            let t = budget.totals
            print("\(budget.event.id): \(t.participants) participants, assisted airfare US$ \(t.assistedAirfare.grouped), "
                  + "local expenses US$ \(t.localExpenses.grouped), total US$ \(t.total.grouped) -> \(path)")
            // An event with several paying offices: each office gets its own budget too.
            for office in budget.offices where budget.offices.count > 1 {
                let officePath = (outputDir as NSString).appendingPathComponent("\(budget.event.id)-\(OfficeReport.slug(office)).txt")
                try OutputFile.write(OfficeReport(budget, office: office, options: pricing.renderOptions).text(), to: officePath)
                print("  \(office.office): total US$ \(office.total.grouped) -> \(officePath)")
            }
        }
        for (event, path) in withoutRoster {
            print("\(event.id): no roster (\(path) is not there): not costed, no report written")
        }
        let workbook = (outputDir as NSString).appendingPathComponent("travel-budget.xlsx")
        let inputs = budgets.flatMap { [tables.eventFile($0.event), $0.rosterName] }
        try WorkbookFile.write(budgets, events: tables.events, inputs: inputs, options: workbookOptions.applied(to: pricing.renderOptions),
                               created: created, to: workbook)
        let sheets = budgets.count == 1 ? "1 event" : "\(budgets.count) events"
        print("workbook: \(sheets), every figure a live formula -> \(workbook)")
        budgets.forEach { Console.warn(event: $0.event, plan: $0.headroom) }
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
        let tables = try Console.tables(tablesOption)
        let event = try Console.event(eventRoster.event, in: tables)
        let roster = eventRoster.roster
        let report = EligibilityReport(event: event, participants: try Console.roster(roster, tables: tables, event: event, columns: try columns.mapping()).participants,
                                       rosterName: roster)
        print(format == .json ? report.json() : report.text(), terminator: "")
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
