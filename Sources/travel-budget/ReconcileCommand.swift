import ArgumentParser
import BudgetCore
import BudgetRenderers

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set a roster's plan against what was actually spent: per participant, per paying office and in total.",
        discussion: """
            The roster is a planning roster with the optional columns ticket_usd (the ticket bought), nights_actual (hotel \
            nights paid), local_actual_usd (local expenses paid, US$) and planned (no: added after the plan). Participants \
            planned but with no actual figure, and rows not planned, are listed apart, never netted away.

            Examples:
              travel-budget reconcile --event jeju-2023 --roster Tables/rosters/jeju-2023-actuals.csv
              travel-budget reconcile --event jeju-2023 --roster my.csv --budget 16000 --budget RSO=8000
              travel-budget reconcile --event jeju-2023 --roster my.csv --format csv --output Reports/actuals.csv
              travel-budget reconcile --event jeju-2023 --roster my.csv --xlsx Reports/jeju-2023-actuals.xlsx
            """)

    @OptionGroup var options: RosterOptions

    func run() throws {
        let (tables, event, roster) = try options.read()
        let participants = roster.participants
        let reconciliation = Reconciliation(event: event, participants: participants, rosterName: options.roster, who: options.who,
                                            ceilings: try options.ceilingOptions.ceilings(for: event), unusedColumns: roster.unusedColumns,
                                            rosterNotes: roster.reportNotes)
        if participants.allSatisfy(\.actual.isEmpty) {
            Console.error("\(options.roster): note: no participant has actual figures (ticket_usd, nights_actual, local_actual_usd); "
                          + "every one is listed as planned, did not travel")
        }
        try options.write(try options.format.render(reconciliation, options.renderOptions), budgets: [reconciliation.plan],
                          reconciliations: [reconciliation], tables: tables)
        Console.warn(event: event, plan: reconciliation.plan.headroom, actual: reconciliation.actualHeadroom)
    }
}
