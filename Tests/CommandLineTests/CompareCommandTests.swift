import Foundation
import TestSupport
import Testing

/// `compare` prices one mix under several events.
@Suite(.cleansUpTemporaryFolders) struct CompareCommandTests {
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

/// `compare --roster` reads each stay relative to each event; a roster whose dates fit no event is refused.
@Suite(.cleansUpTemporaryFolders) struct CompareRosterStaysTests {
    @Test func the2023RosterUnder2018GivesEveryWholeStayThe2018LocalExpenses_andSaysSo() throws {
        let run = try Run(["compare", "--roster", "Tables/rosters/jeju-2023.csv", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        // 2018 funds only its 11 countries: the 7 whole stays from them × 472.73; 2023 as `cost` gives it.
        #expect(run.stdout.contains("mix,All regions,local_expenses,3309.11,8847.67,5538.56,167.4,\r\n"))
        #expect(run.stdout.contains("note,,,,,,,\"Stays are read relative to each event: the roster's dates are those of jeju-2023"))
        let text = try Run(["compare", "--roster", "Tables/rosters/jeju-2023.csv"])
        #expect(text.stdout.contains("A participant present for the whole workshop there is present for the whole workshop\n  in every event"))
    }

    @Test func aRosterWhoseDatesFitNoEventIsRefusedWithTheFix() throws {
        let run = try Run(["compare", "--roster", "Tests/BudgetReadersTests/Fixtures/stays/outside-every-event.csv"])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("outside-every-event.csv: error: the roster's dates fit no one event"))
        #expect(run.stderr.contains("X1 (arrives 2020-12-12, leaves 2020-12-16)"))
        let named = try Run(["compare", "--roster", "Tables/rosters/jeju-2023.csv", "--roster-event", "jeju-2018"])
        #expect(named.status == 65)
        #expect(named.stderr.contains("P23-01 (arrives 2023-12-11, leaves 2023-12-16)"))
    }
}

/// An event with `other_points_of_departure = "not-funded"` (the fixture `listed-only`) through every command that shows it.
@Suite(.cleansUpTemporaryFolders) struct NotFundedCommandTests {
    static let fixtures = "Tests/BudgetReadersTests/Fixtures/not-funded"

    /// The shipped tables with the fixture event added.
    func tables() throws -> String {
        let tables = try temporaryFolder().appendingPathComponent("Tables")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables"), to: tables)
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("\(Self.fixtures)/listed-only.toml"),
                                         to: tables.appendingPathComponent("events/listed-only.toml"))
        return tables.path
    }

    @Test func capsStatesTheRuleAndItsWords() throws {
        let run = try Run(["caps", "listed-only", "--tables", try tables()])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Any other point of departure is not funded: the participant is flagged not-funded, gets no"))
        #expect(run.stdout.contains("source: \"This training is open to ... 11 Asia Pacific countries"))
    }

    @Test func checkFindsTheUnlistedNotEligible() throws {
        let run = try Run(["check", "--event", "listed-only", "--roster", "\(Self.fixtures)/roster.csv", "--format", "json", "--tables", try tables()])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let people = try #require(json["participants"] as? [[String: Any]])
        let eligible = Dictionary(uniqueKeysWithValues: people.map { ($0["id"] as? String ?? "", $0["eligible"] as? Bool) })
        #expect(eligible == ["N01": true, "N02": false, "N03": false, "N04": false, "N05": true])
    }

    @Test func costLeavesThemOutByDefault_andPricesThemAtZeroWhenAsked() throws {
        let folder = try tables()
        let run = try Run(["cost", "--event", "listed-only", "--roster", "\(Self.fixtures)/roster.csv", "--format", "csv", "--tables", folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("participant,N02"))
        let all = try Run(["cost", "--event", "listed-only", "--roster", "\(Self.fixtures)/roster.csv", "--format", "csv", "--who", "all",
                           "--tables", folder])
        #expect(all.stdout.contains("participant,N02,Tavita Faleolo,Samoa Ministry of Police,Samoa,Pacific Islands,1450.00,,0.00,1450.00,0,0,0.00,0.00,not-funded\r\n"))
        #expect(all.stdout.contains("not-funded (3): no row of the event's cap table names this point of departure and listed-only funds no other"))
    }

    @Test func fitSaysAnUnlistedCountryIsNotFunded() throws {
        let run = try Run(["fit", "--event", "listed-only", "--budget", "5000", "--min", "Samoa=1", "--tables", try tables()])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no row of listed-only's cap table names Samoa (listed-only funds no other point of departure: \"This training"))
    }

    @Test func compareGivesNoLocalExpensesUnderTheNotFundedEventOnly() throws {
        let run = try Run(["compare", "--roster", "\(Self.fixtures)/roster.csv", "--event", "listed-only", "--event", "jeju-2023",
                           "--format", "csv", "--tables", try tables()])
        #expect(run.status == 0, "\(run.stderr)")
        // N02-N05 are Pacific Islands: under listed-only only N05 (a cap agreed) has local expenses; under jeju-2023 (which
        // funds the Pacific) all four: 3 × 498.46 for the whole stays, 373.85 for N03, who arrives on the second day.
        #expect(run.stdout.contains("mix,Pacific Islands,local_expenses,472.73,1869.23,"))
        let text = try Run(["compare", "--roster", "\(Self.fixtures)/roster.csv", "--event", "listed-only", "--event", "jeju-2023",
                            "--tables", try tables()])
        let folded = text.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(folded.contains("listed-only not-funded, no assisted airfare and no local expenses (\"This training is open to"))
    }
}
