import Foundation
import Testing

/// `compare` prices one mix under several events.
@Suite struct CompareCommandTests {
    @Test func aShippedScenarioComparesBothEvents() throws {
        let run = try Run(["compare", "--scenario", "Tables/scenarios/six-southern-asia-four-pacific.toml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("COMPARE  jeju-2018 vs jeju-2023"))
        #expect(run.stdout.contains("India                        800.00     900.00    +100.00  +12.5%\n"))
    }

    @Test func aRosterCanStandInForTheMix() throws {
        let run = try Run(["compare", "--roster", "Tables/rosters/jeju-2023.csv", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        // All 18 on the roster are priced under both events, like for like.
        #expect(run.stdout.contains("mix,All regions,participants,18,18,0,,"))
    }

    @Test func theWorkbookGetsACompareSheet() throws {
        let out = try temporaryFolder()
        let path = out.appendingPathComponent("c.xlsx").path
        let run = try Run(["compare", "--scenario", "Tables/scenarios/regional-mix-80-percent-fares.toml", "--real", "--xlsx", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aMixIsNeeded_andOnlyOne() throws {
        #expect(try Run(["compare"]).status == 64)
        #expect(try Run(["compare", "--scenario", "a.toml", "--roster", "b.csv"]).status == 64)
        #expect(try Run(["compare", "--scenario", "Tables/scenarios/six-southern-asia-four-pacific.toml", "--event", "jeju-2023"]).status == 64)
    }
}
