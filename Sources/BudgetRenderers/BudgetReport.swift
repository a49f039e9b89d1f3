import BudgetCore
import JSONText

/// The report of a budget in each format, whatever the roster's size: the participant lines when the budget kept them,
/// otherwise its summary, which says so and where the lines are (the workbook).
public enum BudgetReport {
    /// The text report.
    public static func text(_ budget: Budget, linesAt: String?, options: RenderOptions = RenderOptions()) -> String {
        TextReport(budget, linesAt: linesAt, options: options).render()
    }

    /// The JSON report.
    public static func json(_ budget: Budget, linesAt: String?, options: RenderOptions = RenderOptions()) throws(JSONTextError) -> String {
        try JSONReport(budget, linesAt: linesAt, options: options).render()
    }

    /// The CSV report: summary rows and a note in place of the lines when the budget kept none.
    public static func csv(_ budget: Budget, linesAt: String?, options: RenderOptions = RenderOptions()) -> String {
        CSVReport(budget, linesAt: linesAt, options: options).render()
    }
}
