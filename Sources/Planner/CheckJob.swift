import BudgetCore
import BudgetReaders
import BudgetRenderers

extension Planner {
    /// Each participant's eligibility under an event's rules, with every reason, as text or JSON.
    public func check(event name: String, roster input: RosterInput, columns: ColumnMapping, json: Bool, say: Say) throws(PlannerError) -> String {
        let event = try self.event(name)
        let report = EligibilityReport(event: event, participants: try roster(input, event: event, columns: columns, say: say).participants,
                                       rosterName: input.name)
        return json ? try planned { try report.json() } : report.text()
    }

    /// The events with their dates and titles, and the event files left out for their problems.
    public func eventsText() -> String {
        TablesText.events(tables.events, broken: tables.broken.map { ($0.id, $0.file, $0.problems.count) })
    }

    /// An event's cap table with the announcement's words per row; inferred and unlabelled rows marked.
    public func capsText(_ name: String) throws(PlannerError) -> String { TablesText.caps(try event(name)) }
}
