import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import TestSupport
import Testing

/// Compares with `Snapshots/NAME`; `RECORD_SNAPSHOTS=1` rewrites the file instead.
func expectSnapshot(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let path = Repo.path("Tests/BudgetRenderersTests/Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = first < a.count ? String(a[first]) : "(end)"
        let want = first < e.count ? String(e[first]) : "(end)"
        Issue.record("\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n(RECORD_SNAPSHOTS=1 re-records)",
                     sourceLocation: sourceLocation)
    }
}

@Suite struct TextReportTests {
    @Test(arguments: ["jeju-2018", "jeju-2023"])
    func theSampleBudgetReadsAsPinned(event: String) throws {
        expectSnapshot(TextReport(try Repo.sampleBudget(event)).render(), named: "\(event).txt")
    }

    @Test(arguments: ["jeju-2018", "jeju-2023"])
    func everyLineFits100Columns(event: String) throws {
        let text = TextReport(try Repo.sampleBudget(event)).render()
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
    }

    @Test func longIdsLargeAmountsAndLongPathsStillFit100Columns_andNoIdIsCut() throws {
        let tables = try Repo.shippedTables()
        let event = try #require(tables.event("jeju-2023"))
        let countries = ["India", "Hong Kong", "Papua New Guinea", "Vietnam", "Lao PDR"]
        let people = (1...400).map { n in
            Participant(id: "JEJU2023-PARTICIPANT-\(n)", name: String(repeating: "Long Name ", count: 12),
                        organization: "An-organization-name-without-any-spaces-at-all-that-goes-on-and-on-for-ever",
                        country: tables.countries.country(named: countries[n % countries.count])!,
                        fare: Money(cents: 99_999_999), funding: n % 7 == 0 ? .selfFunded : .assisted)
        }
        let path = "/a/very/long/folder/name/that/nobody/would/type/by/hand/but/a/script/might/write/roster.csv"
        let text = TextReport(Budget(event: event, participants: people, rosterName: path)).render()
        for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line.count): \(line)") }
        for person in people { #expect(text.contains(person.id + "\n") || text.contains(person.id + " ")) }
    }

    @Test func everyFlagThatOccursIsExplainedInWords_andTheAssumptionsAreStated() throws {
        let budget = try Repo.sampleBudget("jeju-2023")
        // Lines are wrapped: compare with runs of white space folded to one space.
        let text = TextReport(budget).render().split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for (flag, _) in budget.flagCounts { #expect(text.contains(flag.explanation(under: budget.event))) }
        #expect(text.contains("PLANNING ASSUMPTIONS"))
        #expect(text.contains("RSO of the Bali Process"))
    }

    @Test func aRedactedReportNamesNobody() throws {
        let budget = try Repo.sampleBudget("jeju-2018")
        let text = TextReport(budget, options: RenderOptions(redact: true)).render()
        for line in budget.lines {
            #expect(!text.contains(line.participant.name))
            #expect(line.participant.organization.isEmpty || !text.contains(line.participant.organization))
        }
    }
}

@Suite struct JSONReportTests {
    func parsed(_ id: String, redact: Bool = false) throws -> [String: Any] {
        let text = try JSONReport(try Repo.sampleBudget(id), options: RenderOptions(redact: redact)).render()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func hasTheAgreedKeys_withMoneyAsTwoDecimalStrings() throws {
        let json = try parsed("jeju-2023")
        #expect(json["event"] as? String == "jeju-2023")
        #expect(json["currency"] as? String == "USD")
        let participants = try #require(json["participants"] as? [[String: Any]])
        let keys = ["id", "country", "cap", "fare", "assisted_airfare", "participant_share", "local_expenses", "total", "flags"]
        for p in participants {
            for key in keys { #expect(p.keys.contains(key), "participant lacks \(key)") }
            for key in ["assisted_airfare", "participant_share", "local_expenses", "total"] {
                let value = try #require(p[key] as? String)
                #expect(value.wholeMatch(of: /-?[0-9]+\.[0-9]{2}/) != nil, "\(key) = \(value)")
            }
        }
        let totals = try #require(json["totals"] as? [String: Any])
        for key in ["participants", "assisted_airfare", "participant_share", "local_expenses", "total"] {
            #expect(totals.keys.contains(key))
        }
    }

    @Test func capAndFareAreNullWhereThereIsNone() throws {
        let participants = try #require(try parsed("jeju-2023")["participants"] as? [[String: Any]])
        let hongKong = try #require(participants.first { $0["country"] as? String == "Hong Kong" })
        #expect(hongKong["cap"] is NSNull)
        let estimate = try #require(participants.first { ($0["flags"] as? [String])?.contains("estimate") == true })
        #expect(estimate["fare"] is NSNull)
        #expect(estimate["cap"] as? String == estimate["assisted_airfare"] as? String)
        let awaiting = try #require(try parsed("jeju-2023")["awaiting_cap"] as? [String: Any])
        #expect(awaiting["participants"] as? [String] == [hongKong["id"] as? String ?? ""])
        #expect(awaiting["fares"] as? String == "520.00")
    }

    @Test func totalsEqualTheSumOfTheLines() throws {
        let json = try parsed("jeju-2018")
        let participants = try #require(json["participants"] as? [[String: Any]])
        let totals = try #require(json["totals"] as? [String: Any])
        func cents(_ s: Any?) -> Int64 { Int64((s as? String ?? "").filter(\.isNumber)) ?? -1 }
        for key in ["assisted_airfare", "participant_share", "local_expenses", "total"] {
            #expect(participants.map { cents($0[key]) }.reduce(0, +) == cents(totals[key]), "\(key)")
        }
    }

}

@Suite struct CSVReportTests {
    @Test func oneRowPerParticipant_thenRegionSubtotals_thenTheTotal_whichFoots_thenEachOffice() throws {
        let budget = try Repo.sampleBudget("jeju-2023")
        let rows = CSVReport(budget).render().split(separator: "\r\n").map(String.init)
        let figures = rows.filter { !$0.hasPrefix("note,") && !$0.hasPrefix("office,") }
        #expect(figures.count == 1 + budget.lines.count + budget.regions.count + 1)
        #expect(figures.last?.hasPrefix("total,") == true)
        #expect(figures.last?.contains(budget.totals.total.plain) == true)
        let offices = rows.filter { $0.hasPrefix("office,") }
        #expect(offices == ["office,,,,,UNITAR CIFAL Jeju/JITC,,,4627.50,,,,3676.15,8303.65,\"airfare 50%, local expenses 50%\"",
                            "office,,,,,RSO of the Bali Process,,,4627.50,,,,3676.14,8303.64,\"airfare 50%, local expenses 50%\""])
        // The notes carry the assumptions and every flag's meaning.
        #expect(rows.contains { $0.contains("PLANNING ASSUMPTIONS") })
        #expect(rows.filter { $0.hasPrefix("note,") }.count == budget.flagCounts.count + AssumptionText.all(budget.event).count + 1 + EligibilityReport.budgetSentences(budget).count)
    }

    @Test func textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        #expect(CSVReport.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVReport.field("+1") == "'+1")
        #expect(CSVReport.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReport.field("Nguyen, Mai") == "\"Nguyen, Mai\"")
    }
}

/// The awaiting-a-cap exposure counts a participant with no fare quoted as an unknown amount, and says so (fixture
/// `awaiting-cap/no-fare-quoted.csv`: one quoted fare, one without, under jeju-2023).
@Suite struct AwaitingCapTests {
    let budget: Budget

    init() throws {
        let path = "Tests/BudgetReadersTests/Fixtures/awaiting-cap/no-fare-quoted.csv"
        let people = try RosterReader(countries: try Repo.shippedTables().countries).read(text: try InputFile.read(Repo.path(path)), file: path)
        budget = Budget(event: try Repo.shippedEvent("jeju-2023"), participants: people, rosterName: path)
    }

    static func folded(_ text: String) -> String { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }

    @Test func theCoreCountsTheParticipantWithNoFare() {
        #expect(budget.awaitingCap.map(\.participant.id) == ["A1", "A2"])
        #expect(budget.awaitingCapFares == Money(dollars: 520))
        #expect(budget.awaitingCapWithoutFare == 1)
    }

    @Test func theTextReportSaysSo() {
        let text = Self.folded(TextReport(budget).render())
        #expect(text.contains("Awaiting a cap: participants A1 and A2: 1 with a quoted fare of US$ 520.00 and 1 participant with no fare quoted."))
        #expect(text.contains("the total rises by up to US$ 520.00 plus the fare, not known yet, of 1 participant with no fare quoted."))
    }

    @Test func theJSONListsWhoHasNoFare() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReport(budget).render().utf8)) as? [String: Any])
        let awaiting = try #require(json["awaiting_cap"] as? [String: Any])
        #expect(awaiting["participants"] as? [String] == ["A1", "A2"])
        #expect(awaiting["fares"] as? String == "520.00")
        #expect(awaiting["no_fare_quoted"] as? [String] == ["A2"])
        // Without such a participant the key is left out, as before.
        let shipped = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReport(try Repo.sampleBudget("jeju-2023")).render().utf8)) as? [String: Any])
        #expect((shipped["awaiting_cap"] as? [String: Any])?.keys.contains("no_fare_quoted") == false)
    }

    @Test func theSummaryOfALargeRosterSaysSoToo() throws {
        // A large roster's report is the summary: its lines are in the workbook.
        var summarised = BudgetTally(event: budget.event, rosterName: "x", rosterRows: 3)
        for p in budget.lines.map(\.participant) { _ = summarised.add(p) }
        #expect(Self.folded(BudgetReport.text(Budget(summarised), linesAt: "x.xlsx")).contains("Awaiting a cap: 2 participants: 1 with a quoted fare of US$ 520.00 and 1 participant with no fare quoted;"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try BudgetReport.json(Budget(summarised), linesAt: "x.xlsx").utf8)) as? [String: Any])
        #expect((json["awaiting_cap"] as? [String: Any])?["no_fare_quoted"] as? Int == 1)
        var tally = BudgetTally(event: budget.event, rosterName: "x", rosterRows: 3)
        for p in budget.lines.map(\.participant) { _ = tally.add(p) }
        #expect(tally.awaitingCapWithoutFare == 1)
    }
}
