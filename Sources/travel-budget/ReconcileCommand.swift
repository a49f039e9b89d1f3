import ArgumentParser
import BudgetCore
import Planner

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
        var request = ReconcileRequest(event: options.event, roster: options.rosterInput)
        request.workbook = try options.workbookOptions.request(options.xlsx)   // the prepared day, before anything is read
        let planner = try Console.planner(options.tablesOption)
        request.format = options.format
        request.columns = try options.columns.mapping()
        request.pricing = options.pricing.value
        request.ceilings = options.ceilingOptions.budget
        let result = try Console.run { () throws(PlannerError) in try planner.reconcile(request, say: Console.error) }
        try options.report.write(result.report)
        Console.warn(result.warnings)
    }
}
