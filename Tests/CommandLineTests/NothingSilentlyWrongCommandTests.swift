import Foundation
import TestSupport
import Testing

/// One problem does not hide the rest, and what the tool does not read is said in the report itself.
@Suite(.cleansUpTemporaryFolders) struct NothingSilentlyWrongCommandTests {
    static let officer = "Tests/BudgetReadersTests/Fixtures/officer/officer-roster-jeju-2023.csv"

    /// A copy of the shipped tables with one more, broken, event file.
    func tablesWithABrokenEvent() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
        for name in ["countries.toml", "events/jeju-2018.toml", "events/jeju-2023.toml"] {
            try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables/\(name)"), to: folder.appendingPathComponent(name))
        }
        try "id = \"jeju-2030\"\ntitle = \"Broken\"\nstart = 2030-13-01\n"
            .write(to: folder.appendingPathComponent("events/jeju-2030.toml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aBrokenEventFileIsListedAsBroken_andTheOtherEventsStillRun() throws {
        let tables = try tablesWithABrokenEvent()
        defer { try? FileManager.default.removeItem(at: tables) }
        let events = try Run(["events", "--tables", tables.path])
        #expect(events.status == 65)
        #expect(events.stdout.contains("jeju-2023") && events.stdout.contains("jeju-2030  BROKEN"))
        #expect(events.stderr.contains("jeju-2030.toml: warning: this event file has"))

        let cost = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--tables", tables.path])
        #expect(cost.status == 0)
        #expect(cost.stdout.contains("TOTAL (15 participants)"))
        #expect(cost.stderr.contains("jeju-2030.toml: warning"))

        let broken = try Run(["caps", "jeju-2030", "--tables", tables.path])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("jeju-2030.toml:3:"))
    }

    @Test func reportCostsTheEventsThatHaveARoster_andNamesTheOthers() throws {
        let rosters = try temporaryFolder(), out = try temporaryFolder()
        defer { [rosters, out].forEach { try? FileManager.default.removeItem(at: $0) } }
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables/rosters/jeju-2023.csv"),
                                         to: rosters.appendingPathComponent("jeju-2023.csv"))
        let run = try Run(["report", "--rosters", rosters.path, "--output-dir", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("jeju-2018: no roster (\(rosters.path)/jeju-2018.csv is not there): not costed"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("jeju-2023.txt").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("jeju-2018.txt").path))

        let empty = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try Run(["report", "--rosters", empty.path, "--output-dir", out.path])
        #expect(none.status == 66)
        #expect(none.stderr.contains("no event has a roster here"))
    }

    @Test func columnsNotReadAreInTheReportItself_inEveryFormat() throws {
        let text = try Run(["cost", "--event", "jeju-2023", "--roster", Self.officer])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Not read:       columns `No.`, `Nationality`, `Remarks`"))
        let json = try Run(["cost", "--event", "jeju-2023", "--roster", Self.officer, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["unused_columns"] as? [String] == ["No.", "Nationality", "Remarks"])
        let csv = try Run(["cost", "--event", "jeju-2023", "--roster", Self.officer, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("Not read: columns `No.`, `Nationality`, `Remarks`"))
    }

    @Test func columnsMapsAHeaderOnTheCommandLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("r.csv")
        try "id,name,country,Fare paid\nA1,Ann,India,875.50\n".write(to: roster, atomically: true, encoding: .utf8)
        let refused = try Run(["cost", "--event", "jeju-2023", "--roster", roster.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("it looks like `fare_usd`"))
        let mapped = try Run(["cost", "--event", "jeju-2023", "--roster", roster.path, "--columns", "fare_usd=Fare paid"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("875.50"))
        let wrong = try Run(["cost", "--event", "jeju-2023", "--roster", roster.path, "--columns", "fair=Fare paid"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("`fair` is not a roster column; did you mean `fare_usd`?"))
    }

    @Test func aParticipantsCountsAreWrittenAsPeopleWriteThem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("r.csv")
        try "id,name,country,fare_usd,arrive,leave\nA1,Ann,India,900,2023-12-15,2023-12-15\nA2,Bo,India,900,2023-12-14,2023-12-15\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("A1 Ann — 0 nights, 1 day\n"))
        #expect(run.stdout.contains("A2 Bo — 1 night, 2 days\n"))
    }
}
