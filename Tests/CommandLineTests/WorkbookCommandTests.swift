import Foundation
import TestSupport
import Testing

/// `cost --xlsx` and `report` write the budget workbook whole, the same bytes every time, or not at all.
@Suite(.cleansUpTemporaryFolders) struct WorkbookCommandTests {
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
        // The prepared day fixed (by default it is the day of the run, which a run at midnight would change).
        let fixed = ["/usr/bin/env", "SOURCE_DATE_EPOCH=1702339200"]
        #expect(try Run(["report", "--output-dir", first.path], wrapper: fixed).status == 0)
        #expect(try Run(["report", "--output-dir", second.path], wrapper: fixed).status == 0)
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

    // MARK: The prepared day: --created, else SOURCE_DATE_EPOCH, else the day of the run (UTC)

    /// The day a workbook says it was prepared: its document creation date and every page's footer.
    func preparedDay(_ path: String) throws -> (created: String?, footer: String?) {
        let core = try unzip(["-p", path, "docProps/core.xml"])
        let footer = try unzip(["-p", path, "xl/worksheets/sheet1.xml"])
        // Midnight, or one second after it on 1 January 1970 (libxlsxwriter would read 0 as the clock).
        return (core.firstMatch(of: /<dcterms:created[^>]*>([0-9-]+)T00:00:0[01]Z</).map { String($0.1) },
                footer.firstMatch(of: /&amp;LPrepared ([^&]+)&amp;/).map { String($0.1) })
    }

    static let withoutEpoch = ["/usr/bin/env", "-u", "SOURCE_DATE_EPOCH"]
    static func withEpoch(_ value: String) -> [String] { ["/usr/bin/env", "SOURCE_DATE_EPOCH=\(value)"] }

    @Test func byDefaultAWorkbookIsPreparedOnTheDayOfTheRun_inUTC() throws {
        let out = try temporaryFolder()
        func today() -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let d = calendar.dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", d.year!, d.month!, d.day!)
        }
        let before = today()
        let run = try Run(["report", "--output-dir", out.path], wrapper: Self.withoutEpoch)
        let after = today()
        #expect(run.status == 0, "\(run.stderr)")
        let day = try preparedDay(out.appendingPathComponent("travel-budget.xlsx").path)
        #expect(day.created == before || day.created == after, "\(day)")
        #expect(day.created != "2023-12-12")   // no longer the latest event's first day
    }

    @Test(arguments: [("1702339200", "2023-12-12", "12 December 2023"), ("1706745599", "2024-01-31", "31 January 2024"),
                      ("1706745600", "2024-02-01", "1 February 2024"), ("0", "1970-01-01", "1 January 1970")])
    func sourceDateEpochFixesTheDay_inUTC(epoch: String, day: String, printed: String) throws {
        let out = try temporaryFolder()
        let run = try Run(["report", "--output-dir", out.path], wrapper: Self.withEpoch(epoch))
        #expect(run.status == 0, "\(run.stderr)")
        let prepared = try preparedDay(out.appendingPathComponent("travel-budget.xlsx").path)
        #expect(prepared.created == day)
        #expect(prepared.footer == printed)
    }

    @Test func createdWinsOverSourceDateEpoch_evenAMalformedOne() throws {
        let out = try temporaryFolder()
        for epoch in ["1702339200", "yesterday"] {
            let run = try Run(["report", "--output-dir", out.path, "--created", "2024-01-31"], wrapper: Self.withEpoch(epoch))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try preparedDay(out.appendingPathComponent("travel-budget.xlsx").path).created == "2024-01-31")
        }
    }

    @Test func everyCommandThatWritesAWorkbookTakesTheDayFromSourceDateEpoch() throws {
        let out = try temporaryFolder()
        let path = { (name: String) in out.appendingPathComponent(name + ".xlsx").path }
        let runs: [(String, [String])] = [
            ("cost", ["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", path("cost")]),
            ("stream", ["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", path("stream"), "--stream"]),
            ("reconcile", ["reconcile", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023-actuals.csv", "--xlsx", path("reconcile")]),
            ("compare", ["compare", "--scenario", "Tables/scenarios/regional-mix-80-percent-fares.toml", "--xlsx", path("compare")]),
        ]
        for (name, arguments) in runs {
            let run = try Run(arguments, wrapper: Self.withEpoch("1706745600"))
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let prepared = try preparedDay(path(name))
            #expect(prepared.created == "2024-02-01", "\(name)")
            #expect(prepared.footer == "1 February 2024", "\(name)")
        }
    }

    @Test(arguments: ["abc", "", "-86400", "1702339200.5", " 1702339200", "1e9", "99999999999999"])
    func aMalformedSourceDateEpochIsAnErrorNamingIt_andNothingIsWritten(epoch: String) throws {
        let out = try temporaryFolder()
        let report = out.appendingPathComponent("report")
        let run = try Run(["report", "--output-dir", report.path], wrapper: Self.withEpoch(epoch))
        #expect(run.status == 64)
        #expect(run.stderr.contains("SOURCE_DATE_EPOCH is "), "\(run.stderr)")
        #expect(run.stderr.contains("expected the seconds since 1970-01-01 00:00 UTC"))
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: report.path))
        let cost = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", out.appendingPathComponent("b.xlsx").path],
                           wrapper: Self.withEpoch(epoch))
        #expect(cost.status == 64)
        #expect(cost.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func aCommandThatWritesNoWorkbookDoesNotReadSourceDateEpoch() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv"], wrapper: Self.withEpoch("abc"))
        #expect(run.status == 0, "\(run.stderr)")
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
