import ArgumentParser
import BudgetCore
import BudgetReaders
import Foundation
import Planner

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
    var format: ReportFormat { report.format }
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
        var request = CompareRequest(mix: scenario.map(CompareRequest.Mix.scenario) ?? .roster(.file(roster ?? "")))
        request.workbook = try workbookOptions.request(xlsx)   // the prepared day, before anything is read
        let planner = try Console.planner(tablesOption)
        request.rosterEvent = rosterEventID
        request.events = eventIDs
        request.real = real
        request.format = format
        request.columns = try columns.mapping()
        let result = try Console.run { () throws(PlannerError) in try planner.compare(request, say: Console.error) }
        try report.write(result.text)
    }
}
