import Foundation
import TestSupport
import Testing

/// `cost --xlsx` and `report` write the budget workbook whole, the same bytes every time, or not at all.
@Suite struct WorkbookCommandTests {
    @Test func costWritesTheWorkbookBesideItsTextOutput() throws {
        let out = try temporaryFolder()
        let path = out.appendingPathComponent("b.xlsx").path
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("TRAVEL BUDGET  jeju-2023"))
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.starts(with: Data("PK".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["b.xlsx"])
    }

    @Test func reportWritesTheSameWorkbookBytesEveryRun() throws {
        let first = try temporaryFolder(), second = try temporaryFolder()
        #expect(try Run(["report", "--output-dir", first.path]).status == 0)
        #expect(try Run(["report", "--output-dir", second.path]).status == 0)
        let a = try #require(FileManager.default.contents(atPath: first.appendingPathComponent("travel-budget.xlsx").path))
        #expect(a == FileManager.default.contents(atPath: second.appendingPathComponent("travel-budget.xlsx").path))
    }

    @Test func theCreationDateComesFromTheOptionNotTheClock() throws {
        let out = try temporaryFolder()
        let run = try Run(["report", "--output-dir", out.path, "--created", "2024-01-31"])
        #expect(run.status == 0, "\(run.stderr)")
        let core = try unzip(["-p", out.appendingPathComponent("travel-budget.xlsx").path, "docProps/core.xml"])
        #expect(core.contains("2024-01-31T00:00:00Z"))
    }

    @Test func aWorkbookThatCannotBeWrittenExits73AndLeavesNothing() throws {
        let out = try temporaryFolder()
        let blocker = out.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv",
                           "--xlsx", blocker.appendingPathComponent("b.xlsx").path])
        #expect(run.status == 73)
        #expect(run.stderr.contains("b.xlsx: error: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["file"])
    }

    @Test func aRosterLineTooLongExits65AndKeepsTheOldWorkbook() throws {
        let out = try temporaryFolder()
        let roster = out.appendingPathComponent("long.csv")
        try "id,name,country,fare_usd\nP1,\(String(repeating: "N", count: 40_000)),India,900\n".write(to: roster, atomically: true, encoding: .utf8)
        let path = out.appendingPathComponent("b.xlsx")
        try Data("old".utf8).write(to: path)
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster.path, "--xlsx", path.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("long.csv:2:1: error: line 2 is longer than any roster row (more than 10000 characters)"))
        #expect(try Data(contentsOf: path) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["b.xlsx", "long.csv"])
    }
}
