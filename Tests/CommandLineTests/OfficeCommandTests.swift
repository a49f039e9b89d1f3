import Foundation
import TestSupport
import Testing

/// Each paying office gets its own budget, and the offices' budgets add up to the event's to the cent.
@Suite(.cleansUpTemporaryFolders) struct OfficeCommandTests {
    let roster = "Tables/rosters/jeju-2023.csv"

    func officeTotal(_ office: String) throws -> String? {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--office", office, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return json?["total"] as? String
    }

    @Test func theOfficesBudgetsAddUpToTheEventTotal() throws {
        #expect(try officeTotal("UNITAR") == "8303.65")
        #expect(try officeTotal("RSO of the Bali Process") == "8303.64")
        let whole = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--format", "json"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any]
        #expect((json?["totals"] as? [String: Any])?["total"] as? String == "16607.29")
    }

    @Test func anOfficeBudgetAsTextListsItsPartOfEveryLine() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--office", "rso", "--redact"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("OFFICE BUDGET  jeju-2023  RSO of the Bali Process"))
        #expect(run.stdout.contains("P23-09 Myanmar                690.00     345.00     373.85     186.92        531.92  shares"))
        #expect(!run.stdout.contains("Aung Kyaw"))
    }

    @Test func anUnknownOfficeIsABadFlag() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--office", "Treasury"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("UNITAR CIFAL Jeju/JITC; RSO of the Bali Process"))
    }

    @Test func reportWritesEachOfficesBudgetWhereAnEventHasSeveral() throws {
        let out = try temporaryFolder()
        let run = try Run(["report", "--output-dir", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["jeju-2018.txt", "jeju-2023-rso.txt", "jeju-2023-unitar.txt", "jeju-2023.txt", "travel-budget.xlsx"])
    }
}
