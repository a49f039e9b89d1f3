import ArgumentParser
import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import XLSXWriter

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Price the same participant mix under several events, side by side (caps by point of departure, costs by region).",
        discussion: """
            The mix is a scenario file (head counts by region or country, and the assumptions to price it with) or a roster.
            A roster's stays are read relative to each event: a whole stay is whole in every event; a partial stay keeps its
            days after the first workshop day and before the last (the roster's dates are its own event's: --roster-event,
            else the one event every dated stay falls in).
            Events default to the scenario's `events`, else every event in the tables, oldest first.

            Examples:
              travel-budget compare --scenario Tables/scenarios/six-southern-asia-four-pacific.toml
              travel-budget compare --scenario Tables/scenarios/six-southern-asia-four-pacific.toml --real
              travel-budget compare --roster Tables/rosters/jeju-2023.csv --format csv --output Reports/compare.csv
              travel-budget compare --roster R.csv --roster-event jeju-2023 --event jeju-2018 --event jeju-2023
              travel-budget compare --scenario S.toml --xlsx Reports/compare.xlsx
            """)

    @Option(help: ArgumentHelp("A scenario file (Tables/scenarios/*.toml).", valueName: "FILE"))
    var scenario: String?

    @Option(help: ArgumentHelp("A roster CSV to use as the mix instead of a scenario.", valueName: "FILE"))
    var roster: String?

    @Option(name: .customLong("roster-event"),
            help: ArgumentHelp("The event whose dates the roster's arrive/leave are (default: the one event every dated stay falls in).",
                               valueName: "EVENT"))
    var rosterEventID: String?

    @Option(name: .customLong("event"), help: ArgumentHelp("An event to price the mix under (repeat for several).", valueName: "EVENT"))
    var eventIDs: [String] = []

    @ArgumentParser.Flag(help: "Also restate the first event's figures in the last event's dollars (Tables/price-index.toml).")
    var real = false

    @OptionGroup var report: ReportOutputOptions
    var format: Format { report.format }
    var output: String? { report.output }

    @Option(help: ArgumentHelp("Also write the workbook (.xlsx) with a Compare sheet to this file.", valueName: "FILE"))
    var xlsx: String?

    @OptionGroup var columns: ColumnsOption
    @OptionGroup var workbookOptions: WorkbookOptions
    @OptionGroup var tablesOption: TablesOption

    func validate() throws {
        guard (scenario == nil) != (roster == nil) else { throw ValidationError("give either --scenario FILE or --roster FILE") }
        if rosterEventID != nil && roster == nil { throw ValidationError("--roster-event names the event of a --roster's dates") }
    }

    func run() throws {
        let tables = try Console.tables(tablesOption)
        if real && tables.priceIndex == nil {
            throw ValidationError("--real needs \(tables.directory)/price-index.toml (a price index by year)")
        }
        let mix: Scenario?
        if let scenario {
            mix = try Console.guarded {
                try ScenarioReader.read(text: try InputFile.read(scenario), file: scenario, countries: tables.countries, events: tables.events)
            }
        } else {
            mix = nil
        }
        let ids = !eventIDs.isEmpty ? eventIDs : mix?.eventIDs ?? tables.events.map(\.id)
        let events = try ids.map { try Console.event($0, in: tables) }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        guard events.count >= 2 else { throw ValidationError("a comparison needs at least two events; got \(events.map(\.id))") }
        var people: [Participant] = []
        var restating: StayRestating?
        if let roster {
            let given = try rosterEventID.map { try Console.event($0, in: tables) }
            // The roster's fares in other currencies are converted at the --rate given, else at its own event's rates.
            var mapping = try columns.mapping()
            mapping.rates += (given?.fareRates ?? []).filter { rate in !mapping.rates.contains { $0.currency == rate.currency } }
            people = try Console.roster(roster, tables: tables, event: nil, columns: mapping).participants
            // A roster's dates are its own event's: each stay is read relative to each event compared.
            do {
                restating = try StayRestating.source(of: people, in: tables.events, given: given).map(StayRestating.init)
            } catch {
                Console.error("\(roster): error: \(error.message)")
                throw ExitCode(65)
            }
        }
        let budgets = events.map { event -> Budget in
            let adjusted = mix?.adjust(event) ?? event
            let restated = restating.map { r in people.map { r.participant($0, under: event) } } ?? people
            return Budget(event: adjusted, participants: mix?.participants(under: adjusted) ?? restated,
                          rosterName: scenario ?? roster ?? "", who: .all)
        }
        let comparison = Comparison(events: budgets.map(\.event), budgets: budgets, index: tables.priceIndex)
        let compared = CompareReport(comparison, mixName: mix.map { "\($0.title) (\($0.headCount) participants)" } ?? "roster \(roster ?? "")",
                                   mixSource: scenario ?? roster ?? "", fareWords: Compare.fareWords(mix), real: real,
                                   stays: roster == nil ? nil : restating.map { StayError.rule(source: $0.source) }
                                       ?? "No participant on the roster has arrive/leave dates: every stay is whole in every event.")
        let text = format == .json ? try Console.guarded { try compared.json() } : format == .csv ? compared.csv() : compared.text()
        if let xlsx {
            let created = try workbookOptions.createdTime()
            try Console.guarded {
                let model = try CompareWorkbook(report: compared, options: workbookOptions.applied(to: RenderOptions()),
                                                inputs: events.map { tables.eventFile($0) } + [scenario ?? roster ?? ""],
                                                created: created).make()
                try XLSXFile.write(model, to: xlsx)
            }
        }
        try report.write(text)
    }

    /// The fare assumption in words.
    static func fareWords(_ scenario: Scenario?) -> String {
        guard let scenario else { return "as quoted in the roster; an empty fare is estimated at the cap" }
        switch scenario.fare {
        case .cap: return "at the cap, the worst case (no fare is quoted, so the cap is the planning estimate)"
        case .fraction(let bp): return "at \(bp / 100).\(bp % 100 < 10 ? "0" : "")\(bp % 100)% of the cap, rounded half up to the cent"
        case .quoted(let quotes):
            return "quoted: " + quotes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.grouped)" }.joined(separator: ", ")
                + "; any other at the cap"
        }
    }
}
