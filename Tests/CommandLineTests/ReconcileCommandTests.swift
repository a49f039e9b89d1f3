import Foundation
import TestSupport
import Testing

/// `reconcile`, and `--budget` on every command that costs: exit codes, warnings on stderr, files written whole.
@Suite(.cleansUpTemporaryFolders) struct ReconcileCommandTests {
    let sample = ["reconcile", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023-actuals.csv"]

    @Test func reconcileTheSample_listsEachGroupApart_andExits0() throws {
        let run = try Run(sample)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("PLAN AGAINST ACTUAL  jeju-2023"))
        #expect(run.stdout.contains("Planned, did not travel (no actual figures) (1)"))
        #expect(run.stdout.contains("Not planned, travelled (planned = no, or left out of the plan) (1)"))
        #expect(run.stdout.contains("so in no group: participants P23-16, P23-17 and P23-18"))
        #expect(run.stderr.isEmpty)
    }

    @Test func aCeilingPassedIsAWarningOnStderrAndInTheReport_andTheExitStatusStays0() throws {
        let run = try Run(sample + ["--budget", "16620", "--budget", "rso=8000"])
        #expect(run.status == 0)
        #expect(run.stderr == """
            warning: jeju-2023: the plan passes the budget ceiling for RSO of the Bali Process by US$ 303.64 (planned US$ 8,303.64, ceiling US$ 8,000.00)
            warning: jeju-2023: the actuals pass the budget ceiling for the event total by US$ 40.89 (actual US$ 16,660.89, ceiling US$ 16,620.00)
            warning: jeju-2023: the actuals pass the budget ceiling for RSO of the Bali Process by US$ 330.44 (actual US$ 8,330.44, ceiling US$ 8,000.00)

            """)
        #expect(run.stdout.contains("WARNING: the actuals pass the budget ceiling for the event total by US$ 40.89"))
    }

    @Test func aCeilingNotPassedPrintsTheHeadroomAndNoWarning() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--budget", "$17,000"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("  Event total   17,000.00  16,607.29     392.71\n"))
    }

    @Test func reportChecksEveryEventAgainstTheCeilings_andWarnsPerEvent() throws {
        let out = try temporaryFolder()
        let run = try Run(["report", "--output-dir", out.path, "--budget", "10000", "--budget", "RSO=9000"])
        #expect(run.status == 0)
        #expect(run.stderr == """
            warning: jeju-2018: the plan passes the budget ceiling for the event total by US$ 1,591.85 (planned US$ 11,591.85, ceiling US$ 10,000.00)
            warning: jeju-2023: the plan passes the budget ceiling for the event total by US$ 6,607.29 (planned US$ 16,607.29, ceiling US$ 10,000.00)

            """)
        let text = try String(contentsOf: out.appendingPathComponent("jeju-2023.txt"), encoding: .utf8)
        #expect(text.contains("RSO of the Bali Process   9,000.00   8,303.64     696.36"))
    }

    @Test func aBadCeilingOrAnOfficeThatDoesNotPayIsExit64() throws {
        let bad = try Run(sample + ["--budget", "lots"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--budget `lots`: not an amount"))
        let unknown = try Run(sample + ["--budget", "UNICEF=500"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("`UNICEF` is not a paying office; the paying offices are: RSO of the Bali Process; UNITAR CIFAL Jeju/JITC"))
        let nowhere = try Run(["report", "--output-dir", try temporaryFolder().path, "--budget", "RSO=1"])
        #expect(nowhere.status == 0, "RSO pays in 2023, so its ceiling applies there")
        #expect(try Run(["report", "--budget", "UNICEF=1"]).status == 64)
    }

    @Test func aBadActualIsExit65_withItsFileLineAndColumn_andNothingWritten() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("out.txt")
        let roster = Repo.root.appendingPathComponent("Tests/BudgetReadersTests/Fixtures/roster-errors/bad-actual-amounts.csv").path
        let run = try Run(["reconcile", "--event", "jeju-2023", "--roster", roster, "--output", output.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad-actual-amounts.csv:2:18: error: `ticket_usd` is `N/A`: not an amount"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try Run(["reconcile", "--event", "jeju-2023", "--roster", "no/such.csv"]).status == 66)
    }

    @Test func aRosterWithNoActualsSaysSo_andListsEveryoneAsNotTravelled() throws {
        let run = try Run(["reconcile", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("note: no participant has actual figures"))
        #expect(run.stdout.contains("Planned, did not travel (no actual figures) (15)"))
    }

    @Test func costLeavesRowsNotPlannedOutOfTheBudget_andSaysSo() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023-actuals.csv", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("1 row(s) marked planned = no are not in the plan: P23-19"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["totals"] as? [String: Any])?["total"] as? String == "16607.29")
    }

    @Test func everyFormatFoots_andTheSameInputGivesTheSameBytes() throws {
        for format in ["text", "json", "csv"] {
            let first = try Run(sample + ["--format", format])
            #expect(first.status == 0)
            #expect(first.stdout == (try Run(sample + ["--format", format])).stdout)
            #expect(first.stdout.contains("53.60"), "\(format) states the footing")
        }
    }

    @Test func reconcileWritesTheWorkbookWithAPlanVsActualSheet() throws {
        let out = try temporaryFolder()
        let path = out.appendingPathComponent("r.xlsx").path
        let run = try Run(sample + ["--xlsx", path, "--output", out.appendingPathComponent("r.txt").path])
        #expect(run.status == 0, "\(run.stderr)")
        let workbook = try unzip(["-p", path, "xl/workbook.xml"])
        #expect(workbook.contains("name=\"Plan vs actual\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["r.txt", "r.xlsx"])
    }
}
