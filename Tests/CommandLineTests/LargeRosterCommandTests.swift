import Foundation
import TestSupport
import Testing

/// A large roster is costed straight into its workbook, row by row, and reported as a summary.
@Suite(.cleansUpTemporaryFolders) struct LargeRosterCommandTests {
    let roster = "Tables/rosters/jeju-2023.csv"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aStreamedRosterHasTheSameTotalsAsTheWholeOne_andTheWorkbookHasEverySheet() throws {
        let out = try temporaryFolder()
        let path = out.appendingPathComponent("big.xlsx").path
        let streamed = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--xlsx", path, "--stream", "--format", "json"])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(streamed.stderr.isEmpty)   // no progress line when stderr is not a terminal
        let whole = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--format", "json"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try json(streamed.stdout)["totals"] as? NSDictionary == json(whole.stdout)["totals"] as? NSDictionary)
        #expect(try json(streamed.stdout)["participant_lines"] as? String == path)
        let xml = try XLSXParts(path).text("xl/workbook.xml")
        for sheet in ["Summary", "Roster jeju-2023", "jeju-2023 UNITAR", "jeju-2023 RSO", "Caps", "Rates", "Charts"] {
            #expect(xml.contains("<sheet name=\"\(sheet)\""), "\(sheet)")
        }
    }

    @Test func aRosterOverTheThresholdIsStreamedWithoutBeingAsked() throws {
        let out = try temporaryFolder()
        let big = out.appendingPathComponent("big.csv")
        var text = "id,name,country,fare_usd\n"
        for n in 0..<20_000 { text += "P\(n),Participant number \(n) of a long roster,\(n % 3 == 0 ? "India" : "Viet Nam"),\(400 + n % 700).50\n" }
        try text.write(to: big, atomically: true, encoding: .utf8)
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", big.path, "--xlsx", out.appendingPathComponent("big.xlsx").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("TRAVEL BUDGET  jeju-2023  (summary)"))
        #expect(run.stdout.contains("TOTAL                               20000"))
    }

    @Test func aStreamedRosterWithAProblemWritesNothing() throws {
        let out = try temporaryFolder()
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tests/BudgetReadersTests/Fixtures/roster-errors/duplicate-id.csv",
                           "--xlsx", out.appendingPathComponent("b.xlsx").path, "--stream"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("is used again"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func streamingNeedsAWorkbook() throws {
        #expect(try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--stream"]).status == 64)
    }

    @Test func aStreamedRosterReportsInCSVToo_withTheSameSummaryRowsAndANoteOnWhereTheLinesAre() throws {
        let out = try temporaryFolder()
        let xlsx = out.appendingPathComponent("b.xlsx").path
        let streamed = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--stream", "--format", "csv", "--xlsx", xlsx])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        let whole = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--format", "csv"])
        #expect(whole.status == 0)
        let figures = { (text: String) in text.split(separator: "\r\n").filter { $0.hasPrefix("region,") || $0.hasPrefix("total,") || $0.hasPrefix("office,") } }
        #expect(!figures(whole.stdout).isEmpty)
        #expect(figures(streamed.stdout) == figures(whole.stdout))
        #expect(streamed.stdout.contains("Summary: the participant lines are not listed here; they are in \(xlsx)"))
    }

    @Test func aStreamedRosterInWindows1252IsReadAsTheWholeFileIs() throws {
        let out = try temporaryFolder()
        let path = "Tests/BudgetReadersTests/Fixtures/rosters/windows-1252.csv"
        let streamed = try Run(["cost", "--event", "jeju-2023", "--roster", path, "--stream", "--format", "json",
                                "--xlsx", out.appendingPathComponent("w.xlsx").path])
        let whole = try Run(["cost", "--event", "jeju-2023", "--roster", path, "--format", "json"])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(streamed.stderr == whole.stderr)   // the same note on how the file was read
        #expect(streamed.stderr.contains("read as Windows-1252"))
        #expect(try json(streamed.stdout)["totals"] as? NSDictionary == json(whole.stdout)["totals"] as? NSDictionary)
    }
}
