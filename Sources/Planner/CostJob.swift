import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import WorkbookOutput

/// What to cost: one roster under one event, and what to make of it.
public struct CostRequest: Sendable {
    /// The event's id, or the path of an event file.
    public var event: String
    public var roster: RosterInput
    public var format: ReportFormat = .text
    /// Only this paying office's budget (its full name or first word).
    public var office: String?
    public var columns = ColumnMapping()
    public var pricing = Pricing()
    /// Budget ceilings as typed: `AMOUNT` or `OFFICE=AMOUNT`, over the event file's.
    public var ceilings: [String] = []
    /// The workbook to write too.
    public var workbook: WorkbookRequest?
    /// Cost a CSV roster straight into its workbook row by row, whatever its size (``Planner/streams(_:)``).
    public var stream = false

    public init(event: String, roster: RosterInput) {
        self.event = event
        self.roster = roster
    }

    /// What is wrong with the request before anything is read: `stream` without a workbook, or for a workbook roster.
    public func validate() throws(PlannerError) {
        if let problem = CostRequest.streamProblem(stream: stream, withWorkbook: workbook != nil, roster: roster) { throw .usage(problem) }
    }

    /// Why `stream` cannot be: without a workbook, or for a workbook roster (read whole); nil when it can, or is not asked.
    public static func streamProblem(stream: Bool, withWorkbook: Bool, roster: RosterInput) -> String? {
        guard stream else { return nil }
        if !withWorkbook { return "--stream writes the workbook row by row: give --xlsx FILE" }
        if roster.isWorkbook { return "--stream reads a CSV roster as a stream; a workbook roster is read whole: leave out --stream" }
        return nil
    }
}

/// A costed roster: the report in the asked format, the budget it shows, and the warnings to give after it is written.
public struct CostResult: Sendable {
    public let budget: Budget
    public let report: String
    /// A ceiling the plan passes, one line each: said after the report.
    public let warnings: [String]
}

extension Planner {
    /// Rosters above this size are costed straight into their workbook when one is asked for. At about 80 bytes a row it is
    /// some 3,000 participants: the whole-roster path keeps every cell in the spreadsheet model and in libxlsxwriter's
    /// normal mode, measured at 173 MB and 1.5 s for 10,000 rows (against 32 MB and 0.24 s streamed), and growing.
    public static let streamingThreshold = 250_000

    /// Whether a cost is made in the large-roster mode: a CSV roster costed row by row straight into its workbook, its lines
    /// not kept, the report its summary. Asked for (`stream`), or chosen for a roster over ``streamingThreshold`` bytes when
    /// a workbook is written; never for one office's budget or a workbook roster (read whole).
    public func streams(_ request: CostRequest) -> Bool {
        guard request.workbook != nil, request.office == nil, !request.roster.isWorkbook, case .file(let path) = request.roster else { return false }
        if request.stream { return true }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber
        return (size?.intValue ?? 0) > Planner.streamingThreshold
    }

    /// Costs a roster under an event: the report in the asked format (or one office's), and the workbook when asked.
    public func cost(_ request: CostRequest, say: Say) throws(PlannerError) -> CostResult {
        try request.validate()
        if streams(request), let workbook = request.workbook { return try costLarge(request, workbook: workbook, say: say) }
        let event = try self.event(request.event)
        let roster = try self.roster(request.roster, event: event, columns: request.columns, say: say)
        let budget = Budget(event: event, participants: roster.participants, rosterName: roster.name(request.roster.name),
                            who: request.pricing.who, ceilings: try ceilings(request.ceilings, for: event),
                            unusedColumns: roster.unusedColumns, rosterNotes: roster.reportNotes)
        if !budget.notPlanned.isEmpty {
            say("\(request.roster.name): note: \(budget.notPlanned.count) row(s) marked planned = no are not in the plan: "
                + budget.notPlanned.map(\.id).joined(separator: ", ") + " (see `travel-budget reconcile`)")
        }
        var options = request.pricing.renderOptions
        var report = try render(budget, request.format, options: options)
        if let name = request.office {
            guard let office = OfficeReport.office(named: name, in: budget) else {
                throw .usage("`\(name)` is not one of \(event.id)'s paying offices: \(event.payingOffices.joined(separator: "; "))")
            }
            // The workbook is the office's own: its part first (``RenderOptions/partner``).
            options.partner = office.office
            let officeReport = OfficeReport(budget, office: office, options: options)
            report = request.format == .json ? try planned { try officeReport.json() }
                : request.format == .csv ? officeReport.csv() : officeReport.text()
        }
        if let workbook = request.workbook {
            // A workbook of this event carries only its caps and rates.
            try writeWorkbook(workbook, budgets: [budget], events: [event], inputs: [eventFile(event, asked: request.event), request.roster.name],
                              options: options)
        }
        return CostResult(budget: budget, report: report, warnings: HeadroomText.warnings(event: event, plan: budget.headroom))
    }

    /// A large roster: costed straight into the workbook as it is read (constant memory), with its summary as the report.
    private func costLarge(_ request: CostRequest, workbook: WorkbookRequest, say: Say) throws(PlannerError) -> CostResult {
        let event = try self.event(request.event)
        let ceilings = try ceilings(request.ceilings, for: event)
        let roster = try planned {
            try RosterStream(reader: RosterReader(countries: tables.countries, event: event, mapping: request.columns, events: tables.events),
                             path: request.roster.name, file: request.roster.name)
        }
        let bound = max(roster.lines - 1, 1)   // counted by the reader's one scan of the file: the rows set aside
        let options = request.pricing.renderOptions
        let budget = try planned {
            var tally = BudgetTally(event: event, rosterName: request.roster.name, who: request.pricing.who, ceilings: ceilings, rosterRows: bound)
            tally.unusedColumns = roster.unusedColumns
            tally.mayQuoteFares = roster.mayQuoteFares
            let book = StreamedWorkbook(event: event, events: [event], options: workbook.applied(to: options),
                                        inputs: [eventFile(event, asked: request.event), request.roster.name],
                                        created: workbook.created, quotesFares: roster.mayQuoteFares)
            _ = try book.write(roster, rows: bound, to: workbook.path, add: { tally.add($0) }, totals: {
                try roster.finish()
                tally.rosterNotes = roster.reportNotes
                return Budget(tally)
            })
            return Budget(tally)
        }
        // Said once every row is read, as for a roster read whole: a roster refused for its rows prints only its problems.
        roster.notes.forEach { say($0.description) }
        roster.closingNotes.forEach { say($0.description) }
        let report = try render(budget, request.format, linesAt: workbook.path, options: options)
        return CostResult(budget: budget, report: report, warnings: HeadroomText.warnings(event: event, plan: budget.headroom))
    }

    /// A budget's report in a format: its lines when it kept them, else its summary saying they are at `linesAt`.
    func render(_ budget: Budget, _ format: ReportFormat, linesAt: String? = nil, options: RenderOptions) throws(PlannerError) -> String {
        switch format {
        case .text: return BudgetReport.text(budget, linesAt: linesAt, options: options)
        case .json: return try planned { try BudgetReport.json(budget, linesAt: linesAt, options: options) }
        case .csv: return BudgetReport.csv(budget, linesAt: linesAt, options: options)
        }
    }

    /// One event's ceilings: the event file's with the typed ones over them; a bad amount or an office that does not pay is
    /// a usage error.
    public func ceilings(_ typed: [String], for event: Event) throws(PlannerError) -> BudgetCeilings {
        let (given, unknown) = CeilingText.ceilings(try Planner.ceilingTexts(typed), for: event)
        if let office = unknown.first { throw Planner.unknownOffice(office, [event]) }
        return event.ceilings.overridden(by: given)
    }

    /// Each event's ceilings by id, for a job that costs several events: an amount alone is each event's ceiling, an office's
    /// applies wherever it pays; an office that pays in none of them is a usage error.
    func ceilings(_ typed: [String], for events: [Event]) throws(PlannerError) -> [String: BudgetCeilings] {
        let texts = try Planner.ceilingTexts(typed)
        let resolved = events.map { ($0, CeilingText.ceilings(texts, for: $0)) }
        let everywhereUnknown = Set(resolved.flatMap(\.1.unknownOffices)).filter { office in
            resolved.allSatisfy { $0.1.unknownOffices.contains(office) }
        }
        if let office = everywhereUnknown.sorted().first { throw Planner.unknownOffice(office, events) }
        return Dictionary(uniqueKeysWithValues: resolved.map { ($0.0.id, $0.0.ceilings.overridden(by: $0.1.ceilings)) })
    }

    /// The typed ceilings read; a bad one is a usage error saying what is wrong.
    public static func ceilingTexts(_ typed: [String]) throws(PlannerError) -> [CeilingText] {
        var texts: [CeilingText] = []
        for text in typed {
            do { texts.append(try CeilingText(parsing: text)) } catch { throw .usage("--budget \(error)") }
        }
        return texts
    }

    private static func unknownOffice(_ office: String, _ events: [Event]) -> PlannerError {
        let offices = Set(events.flatMap { $0.costSharing.offices.map(\.office) }).sorted()
        return .usage("--budget: `\(office)` is not a paying office; the paying offices are: \(offices.joined(separator: "; "))")
    }
}
