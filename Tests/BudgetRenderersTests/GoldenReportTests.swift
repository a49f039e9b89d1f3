import BudgetCore
import BudgetReaders
import BudgetRenderers
import TestSupport
import Testing

/// The JSON and CSV reports, byte for byte, against golden files (`RECORD_SNAPSHOTS=1` re-records them): a roster's lines
/// when the budget keeps them, its summary when it keeps only running totals.
@Suite struct GoldenReportTests {
    @Test(arguments: ["jeju-2018", "jeju-2023"])
    func theJSONReportIsItsGoldenFile(id: String) throws {
        expectSnapshot(try JSONReport(try Repo.sampleBudget(id)).render(), named: "\(id).json")
    }

    @Test(arguments: ["jeju-2018", "jeju-2023"])
    func theCSVReportIsItsGoldenFile(id: String) throws {
        expectSnapshot(CSVReport(try Repo.sampleBudget(id)).render(), named: "\(id).csv")
    }

    /// The sample roster kept as running totals only, as a very large roster is.
    func totalsOnly(_ id: String) throws -> Budget {
        let budget = try Repo.sampleBudget(id)
        var tally = BudgetTally(event: budget.event, rosterName: budget.rosterName, rosterRows: 100)
        for line in budget.lines { _ = tally.add(line.participant) }
        return Budget(tally)
    }

    @Test(arguments: ["jeju-2018", "jeju-2023"])
    func aSummaryInEveryFormatIsItsGoldenFile(id: String) throws {
        let budget = try totalsOnly(id)
        expectSnapshot(BudgetReport.csv(budget, linesAt: "Reports/\(id).xlsx"), named: "\(id)-summary.csv")
        expectSnapshot(try BudgetReport.json(budget, linesAt: "Reports/\(id).xlsx"), named: "\(id)-summary.json")
        expectSnapshot(BudgetReport.text(budget, linesAt: "Reports/\(id).xlsx"), named: "\(id)-summary.txt")
    }

    @Test(arguments: ["jeju-2018", "jeju-2023"])
    func aSummaryHasTheSameTotalsRegionsAndOfficesRowsAsTheFullCSV(id: String) throws {
        let full = CSVReport(try Repo.sampleBudget(id)).render().split(separator: "\r\n")
        let summary = BudgetReport.csv(try totalsOnly(id), linesAt: "x.xlsx").split(separator: "\r\n")
        let figures = { (rows: [Substring]) in rows.filter { row in ["region,", "total,", "office,", "ceiling,"].contains { row.hasPrefix($0) } } }
        #expect(!figures(full).isEmpty)
        #expect(figures(summary) == figures(full))
        #expect(summary.contains { $0.hasPrefix("note,,Summary: the participant lines are not listed here; they are in x.xlsx") })
        #expect(!summary.contains { $0.hasPrefix("participant,") })
    }

    /// The worked planning example (Tables/examples): every line in every format, whole and as a summary, and an office's part.
    @Test func theWholeBudgetExampleInEveryFormatIsItsGoldenFile() throws {
        let tables = try Repo.shippedTables()
        let event = try tables.event(atPath: Repo.path("Tables/examples/full-budget-example.toml"))
        let people = try RosterReader(countries: tables.countries, event: event)
            .readRoster(bytes: try InputFile.bytes(Repo.path("Tables/examples/full-budget-example.csv")), file: "full-budget-example.csv").participants
        let budget = Budget(event: event, participants: people, rosterName: "Tables/examples/full-budget-example.csv")
        expectSnapshot(TextReport(budget).render(), named: "full-budget-example.txt")
        expectSnapshot(try JSONReport(budget).render(), named: "full-budget-example.json")
        expectSnapshot(CSVReport(budget).render(), named: "full-budget-example.csv")
        let office = try #require(OfficeReport.office(named: "RSO", in: budget))
        expectSnapshot(OfficeReport(budget, office: office).text(), named: "full-budget-example-rso.txt")
        var tally = BudgetTally(event: event, rosterName: budget.rosterName, rosterRows: 100)
        for line in budget.lines { _ = tally.add(line.participant) }
        let summary = Budget(tally)
        expectSnapshot(BudgetReport.text(summary, linesAt: "example.xlsx"), named: "full-budget-example-summary.txt")
        #expect(summary.grandTotal == budget.grandTotal)
        #expect(summary.offices.map(\.grandTotal) == budget.offices.map(\.grandTotal))
    }

    /// The worked example after the workshop: each declared line's actual read from its column (`Visa fee actual`,
    /// `insurance_actual_usd`), the plan standing where a line has none; the event costs planned.
    @Test func theWholeBudgetExamplesReconciliationIsItsGoldenFile() throws {
        let tables = try Repo.shippedTables()
        let event = try tables.event(atPath: Repo.path("Tables/examples/full-budget-example.toml"))
        let roster = try RosterReader(countries: tables.countries, event: event)
            .readRoster(bytes: try InputFile.bytes(Repo.path("Tables/examples/full-budget-example-actuals.csv")), file: "full-budget-example-actuals.csv")
        #expect(roster.participants.first?.actual.lines == ["visa-fee": Money(dollars: 60), "insurance": Money(cents: 3_550)])
        #expect(!roster.unusedColumns.contains("Visa fee actual"))
        let r = Reconciliation(event: event, participants: roster.participants, rosterName: "Tables/examples/full-budget-example-actuals.csv")
        #expect(r.varianceSum == r.totals.total.variance)
        expectSnapshot(ReconcileTextReport(r).render(), named: "full-budget-example-actuals.txt")
        expectSnapshot(ReconcileCSVReport(r).render(), named: "full-budget-example-actuals.csv")
    }

    @Test func oneReportPerFormat_printsTheLinesWhenTheBudgetKeepsThem() throws {
        let budget = try Repo.sampleBudget("jeju-2023")
        #expect(BudgetReport.text(budget, linesAt: nil) == TextReport(budget).render())
        #expect(try BudgetReport.json(budget, linesAt: nil) == (try JSONReport(budget).render()))
        #expect(BudgetReport.csv(budget, linesAt: nil) == CSVReport(budget).render())
    }
}
