import Foundation
import TestSupport
import Testing

/// Every roster fixture through the built tool: stderr and exit status exactly as its `.expected` file says.
@Suite(.cleansUpTemporaryFolders) struct RosterFixtureTests {
    static let fixtures = Fixtures(of: "BudgetReadersTests")

    static func rosters(in folder: String) -> [String] {
        fixtures.files(in: folder, ending: ".csv").map { "\(folder)/\($0)" }
    }

    @Test(arguments: rosters(in: "roster-errors") + rosters(in: "rosters"))
    func theToolSaysWhatTheFixtureExpects(fixture: String) throws {
        let folder = URL(fileURLWithPath: RosterFixtureTests.fixtures.path(fixture)).deletingLastPathComponent()
        let name = URL(fileURLWithPath: fixture).lastPathComponent
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", name, "--format", "csv",
                           "--tables", Repo.tablesPath], in: folder)
        let expected = try String(contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".csv", with: ".expected")),
                                  encoding: .utf8)
        #expect(run.stderr + "exit status: \(run.status)\n" == expected)
        #expect(run.stdout.isEmpty == (run.status != 0))
    }

    /// The same fixtures read as a stream (`--stream`, as a large roster is) say exactly the same on stderr.
    @Test(arguments: rosters(in: "roster-errors") + rosters(in: "rosters"))
    func aStreamedRosterSaysWhatTheFixtureExpects(fixture: String) throws {
        let folder = URL(fileURLWithPath: RosterFixtureTests.fixtures.path(fixture)).deletingLastPathComponent()
        let name = URL(fileURLWithPath: fixture).lastPathComponent
        let out = try temporaryFolder()
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", name, "--format", "csv", "--stream",
                           "--xlsx", out.appendingPathComponent("r.xlsx").path,
                           "--tables", Repo.tablesPath], in: folder)
        let expected = try String(contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".csv", with: ".expected")),
                                  encoding: .utf8)
        #expect(run.stderr + "exit status: \(run.status)\n" == expected)
        #expect(run.stdout.isEmpty == (run.status != 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty == (run.status != 0))
    }

    @Test func aCountryMissingFromTheEventsTableIsFlagged_notRefused() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster",
                           "Tests/BudgetReadersTests/Fixtures/rosters/country-not-in-event.csv", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("participant,P1,Wong Siu Fung,,Hong Kong,Eastern Asia,520.00,,0.00,520.00,4,4,498.46,498.46,contact-organisers\r\n"))
    }
}
