import BudgetCore

/// The report of a budget in each format, whatever the roster's size: the participant lines when the budget kept them,
/// otherwise its summary, which says so and where the lines are (the workbook).
public enum BudgetReport {
    /// The text report.
    public static func text(_ budget: any BudgetSummary, linesAt: String?, options: RenderOptions = RenderOptions()) -> String {
        if let full = budget as? Budget { return TextReport(full, options: options).render() }
        return SummaryReport(budget, linesAt: linesAt ?? "the workbook").text()
    }

    /// The JSON report.
    public static func json(_ budget: any BudgetSummary, linesAt: String?, options: RenderOptions = RenderOptions()) -> String {
        if let full = budget as? Budget { return JSONReport(full, options: options).render() }
        return SummaryReport(budget, linesAt: linesAt ?? "the workbook").json()
    }

    /// The CSV report: one report for both, with summary rows and a note in place of the lines.
    public static func csv(_ budget: any BudgetSummary, linesAt: String?, options: RenderOptions = RenderOptions()) -> String {
        CSVReport(budget, linesAt: linesAt, options: options).render()
    }
}
