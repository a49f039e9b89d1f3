import BudgetCore
import BudgetReaders
import BudgetRenderers
import XLSXWriter

/// What to compare: a mix (a scenario, or a roster) priced under several events.
public struct CompareRequest: Sendable {
    /// The mix: a scenario file's path, or a roster.
    public enum Mix: Sendable {
        case scenario(String)
        case roster(RosterInput)
    }

    public var mix: Mix
    /// The event whose dates a roster's stays are (default: the one event every dated stay falls in).
    public var rosterEvent: String?
    /// The events to price the mix under (default: the scenario's, else every event), oldest first.
    public var events: [String] = []
    /// Also restate the first event's figures in the last event's dollars.
    public var real = false
    public var format: ReportFormat = .text
    public var columns = ColumnMapping()
    public var workbook: WorkbookRequest?

    public init(mix: Mix) { self.mix = mix }
}

/// The comparison's report.
public struct CompareResult: Sendable {
    public let report: CompareReport
    public let text: String
}

extension Planner {
    /// Prices the same mix under several events, side by side; the workbook with a Compare sheet when asked.
    public func compare(_ request: CompareRequest, say: Say) throws(PlannerError) -> CompareResult {
        if request.real && tables.priceIndex == nil {
            throw .usage("--real needs \(tables.directory)/price-index.toml (a price index by year)")
        }
        var scenarioPath: String?, rosterInput: RosterInput?
        switch request.mix {
        case .scenario(let path): scenarioPath = path
        case .roster(let input): rosterInput = input
        }
        if request.rosterEvent != nil && rosterInput == nil { throw .usage("--roster-event names the event of a --roster's dates") }
        let mix: Scenario? = try scenarioPath.map { path throws(PlannerError) in
            try planned { try ScenarioReader.read(text: try InputFile.read(path), file: path, countries: tables.countries, events: tables.events) }
        }
        let ids = !request.events.isEmpty ? request.events : mix?.eventIDs ?? tables.events.map(\.id)
        var named: [(event: Event, asked: String)] = []
        for id in ids { named.append((try event(id), id)) }
        named.sort { ($0.event.start, $0.event.id) < ($1.event.start, $1.event.id) }
        let events = named.map(\.event)
        guard events.count >= 2 else { throw .usage("a comparison needs at least two events; got \(events.map(\.id))") }
        var people: [Participant] = []
        var restating: StayRestating?
        if let rosterInput {
            let given = try request.rosterEvent.map { name throws(PlannerError) in try event(name) }
            // The roster's fares in other currencies are converted at the --rate given, else at its own event's rates.
            var mapping = request.columns
            mapping.rates += (given?.fareRates ?? []).filter { rate in !mapping.rates.contains { $0.currency == rate.currency } }
            people = try roster(rosterInput, event: nil, columns: mapping, say: say).participants
            // A roster's dates are its own event's: each stay is read relative to each event compared.
            do {
                restating = try StayRestating.source(of: people, in: tables.events, given: given).map(StayRestating.init)
            } catch {
                throw .refused("\(rosterInput.name): error: \(error.message)", exitCode: 65)
            }
        }
        let source = scenarioPath ?? rosterInput?.name ?? ""
        let budgets = events.map { event -> Budget in
            let adjusted = mix?.adjust(event) ?? event
            let restated = restating.map { r in people.map { r.participant($0, under: event) } } ?? people
            return Budget(event: adjusted, participants: mix?.participants(under: adjusted) ?? restated, rosterName: source, who: .all)
        }
        let comparison = Comparison(events: budgets.map(\.event), budgets: budgets, index: tables.priceIndex)
        let compared = CompareReport(comparison, mixName: mix.map { "\($0.title) (\($0.headCount) participants)" } ?? "roster \(source)",
                                     mixSource: source, fareWords: Planner.fareWords(mix), real: request.real,
                                     stays: rosterInput == nil ? nil : restating.map { StayError.rule(source: $0.source) }
                                         ?? "No participant on the roster has arrive/leave dates: every stay is whole in every event.")
        let text: String
        switch request.format {
        case .text: text = compared.text()
        case .json: text = try planned { try compared.json() }
        case .csv: text = compared.csv()
        }
        if let workbook = request.workbook {
            try planned {
                let model = try CompareWorkbook(report: compared, options: workbook.applied(to: RenderOptions()),
                                                inputs: named.map { eventFile($0.event, asked: $0.asked) } + [source],
                                                created: workbook.created).make()
                try XLSXFile.write(model, to: workbook.path)
            }
        }
        return CompareResult(report: compared, text: text)
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
