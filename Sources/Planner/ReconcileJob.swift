import BudgetCore
import BudgetReaders
import BudgetRenderers

/// What to reconcile: a roster's plan against its actual figures.
public struct ReconcileRequest: Sendable {
    public var event: String
    public var roster: RosterInput
    public var format: ReportFormat = .text
    public var columns = ColumnMapping()
    public var pricing = Pricing()
    public var ceilings: [String] = []
    public var workbook: WorkbookRequest?

    public init(event: String, roster: RosterInput) {
        self.event = event
        self.roster = roster
    }
}

/// A roster's plan against its actuals: the report, and the warnings to give after it is written.
public struct ReconcileResult: Sendable {
    public let reconciliation: Reconciliation
    public let report: String
    public let warnings: [String]
}

extension Planner {
    /// Sets a roster's plan against what was actually spent; the workbook (with its Plan vs actual sheet) when asked.
    public func reconcile(_ request: ReconcileRequest, say: Say) throws(PlannerError) -> ReconcileResult {
        let event = try self.event(request.event)
        let roster = try self.roster(request.roster, event: event, columns: request.columns, say: say)
        let participants = roster.participants
        let reconciliation = Reconciliation(event: event, participants: participants, rosterName: request.roster.name,
                                            who: request.pricing.who, ceilings: try ceilings(request.ceilings, for: event),
                                            unusedColumns: roster.unusedColumns, rosterNotes: roster.reportNotes)
        if participants.allSatisfy(\.actual.isEmpty) {
            say("\(request.roster.name): note: no participant has actual figures (ticket_usd, nights_actual, local_actual_usd); "
                + "every one is listed as planned, did not travel")
        }
        let options = request.pricing.renderOptions
        let report: String
        switch request.format {
        case .text: report = ReconcileTextReport(reconciliation, options: options).render()
        case .json: report = try planned { try ReconcileJSONReport(reconciliation, options: options).render() }
        case .csv: report = ReconcileCSVReport(reconciliation, options: options).render()
        }
        if let workbook = request.workbook {
            try writeWorkbook(workbook, budgets: [reconciliation.plan], reconciliations: [reconciliation], events: [event],
                              inputs: [eventFile(event, asked: request.event), request.roster.name], options: options)
        }
        return ReconcileResult(reconciliation: reconciliation, report: report,
                               warnings: HeadroomText.warnings(event: event, plan: reconciliation.plan.headroom,
                                                               actual: reconciliation.actualHeadroom))
    }
}
