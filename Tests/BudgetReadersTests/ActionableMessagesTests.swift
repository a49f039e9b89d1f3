import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// Issue 25: one message per fix, not per row; what the file itself settles is read (and said); nothing misread without a word.
@Suite struct ActionableMessagesTests {
    let tables: Tables
    let event2023: Event
    /// A reader as the tool's: for jeju-2023, knowing the tables' other events.
    let reader: RosterReader

    init() throws {
        tables = try Repo.shippedTables()
        event2023 = try Repo.shippedEvent("jeju-2023")
        reader = RosterReader(countries: tables.countries, event: event2023, events: tables.events)
    }

    func read(_ text: String, mapping: ColumnMapping = ColumnMapping()) throws(InputError) -> RosterReader.Roster {
        try RosterReader(countries: tables.countries, event: event2023, mapping: mapping, events: tables.events).readRoster(text: text, file: "r.csv")
    }

    // MARK: The officer's roster

    /// The roster of the issue, typed by a colleague (`No.`, `Full Name`, `Ticket price (USD)`, `Arrival date` as `11/12/2023`,
    /// `Funding` = `Funded`, a blank line, a Total line), with three mistakes in it, and the same roster corrected: what the
    /// tool says of each, exactly.
    @Test(arguments: ["officer-twelve.csv", "officer-twelve-corrected.csv"])
    func theOfficersRosterGetsFewMessages_eachWithItsFix(name: String) {
        let path = fixtures.path("officer/\(name)")
        let said = outcome(relativeTo: fixtures.path("officer")) { () throws(InputError) -> [Diagnostic] in
            try reader.readRoster(bytes: try InputFile.bytes(path), file: name).notes
        }
        expectMessage(said, matches: path.replacingOccurrences(of: ".csv", with: ".expected"))
    }

    @Test func theOfficersRosterWithItsThreeMistakes_isThreeMessages_notTwentyFour() {
        do {
            _ = try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("officer/officer-twelve.csv")), file: "o.csv")
            Issue.record("read a roster with three mistakes")
        } catch {
            guard case .badData(let problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.map(\.location.line) == [3, 4, 10])
            #expect(problems.map { $0.repeats?.lines.count ?? 1 } == [1, 1, 2])
        }
    }

    @Test func theCorrectedRosterReadsWhatTheOfficerMeant() throws {
        let roster = try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("officer/officer-twelve-corrected.csv")), file: "o.csv")
        let people = roster.participants
        #expect(people.count == 12)
        #expect(people[1].name == "Dela Cruz, Jose" && people[2].name == "Santos, Ana \"Annie\" R.")
        #expect(people.map(\.funding).filter { $0 == .selfFunded }.count == 1 && people[6].funding == .selfFunded)
        #expect(people[0].arrive == CivilDate(year: 2023, month: 12, day: 11))
        #expect(people[6].arrive == CivilDate(year: 2023, month: 12, day: 1))
        #expect(people.allSatisfy { $0.fare == nil } && people[10].actual.ticket == Money(dollars: 1_250))
        #expect(roster.reportNotes.count == 6)
        #expect(roster.reportNotes[0].hasPrefix("Headers read by another name: `Ref` as `id`, `Full Name` as `name`"))
        #expect(roster.reportNotes[1].hasPrefix("11 dates in `arrive` (lines 2–5, 7–13) could be read day first or month first; they were read day first"))
        #expect(roster.reportNotes[3].hasPrefix("12 participants (lines 2–13) have a ticket price but no quoted fare (`Airfare` is empty): their fares are estimated at the cap."))
        #expect(roster.reportNotes[4].hasPrefix("An arrival more than 7 days before the workshop starts (12 December 2023): RSO-07 arrives 1 December 2023 (line 8)."))
        #expect(roster.reportNotes[5].hasPrefix("A departure more than 7 days after the workshop ends (15 December 2023): RSO-11 leaves 23 December 2023 (line 12)."))
    }

    // MARK: One message per fix

    @Test func problemsWithOneCauseAndFixAreOneGroup_keepingTheFirstAndTheLines() {
        var groups = DiagnosticGroups()
        func funding(_ line: Int) -> Diagnostic {
            Diagnostic(BudgetCore.SourceLocation(file: "r.csv", line: line, column: 5), "`funding` is `Partial`", excerpt: "P\(line),…",
                       hint: "write `assisted` (the default) or `self-funded`")
        }
        for line in [3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14] { groups.add(funding(line)) }
        groups.add(Diagnostic(BudgetCore.SourceLocation(file: "r.csv", line: 8, column: 5), "`funding` is `Partial`", hint: "another fix"))
        #expect(groups.count == 2)
        let first = groups.groups[0]
        #expect(first.location.line == 3 && first.excerpt == "P3,…")
        #expect(first.fullMessage == "`funding` is `Partial` on 11 rows (lines 3–7, 9–14)")
        #expect(first.description.hasPrefix("r.csv:3:5: error: `funding` is `Partial` on 11 rows (lines 3–7, 9–14)\n    P3,…\n        ^\n    hint: write"))
    }

    @Test func problemsAlikeButForTheirValues_areOneGroupWhenTheyShareACause() {
        var groups = DiagnosticGroups()
        let cause = Diagnostic.Cause(DateText.ambiguousOrder, things: "dates")
        for (line, text) in [(2, "11/12/2023"), (3, "10/12/2023")] {
            groups.add(Diagnostic(BudgetCore.SourceLocation(file: "r.csv", line: line, column: 9), "`arrive` is `\(text)`: …", hint: "h", cause: cause))
        }
        #expect(groups.count == 1 && groups.groups[0].fullMessage == "`arrive` is `11/12/2023`: …; 2 dates alike, on lines 2–3")
    }

    @Test func aGroupKeepsAFewRanges_notOneNumberARow() {
        var lines = LineRanges()
        for line in stride(from: 2, through: 200_000, by: 2) { lines.add(line) }
        #expect(lines.count == 100_000)
        #expect(lines.described(sheet: false) == "lines 2, 4, 6, 8, 10, 12, 14, 16, … (99992 more, up to 200000)")
        var run = LineRanges()
        for line in 2...200_001 { run.add(line) }
        #expect(run.described(sheet: true) == "rows 2–200001")
    }

    @Test func aStreamOfTheSameProblemOnEveryRow_isReadToTheEnd_asOneProblem() throws {
        let rows = (1...5_000).map { "P\($0),Ana,India,700,Partial" }.joined(separator: "\n")
        let stream = try RosterStream(reader: reader, source: ByteSource(bytes: Array(("id,name,country,fare_usd,funding\n" + rows).utf8)),
                                      file: "big.csv", ids: .hashed(IDSet(expected: 5_000)), problemLimit: RosterStream.problemLimit)
        #expect(Array(stream).isEmpty)
        #expect(stream.problems.count == 1)
        #expect(stream.problems[0].fullMessage == "`funding` is `Partial` on 5000 rows (lines 2–5001)")
    }

    // MARK: What the file settles

    @Test(arguments: [("Funded", Funding.assisted), ("SPONSORED", .assisted), ("Full", .assisted), ("yes", .assisted),
                      ("Self", .selfFunded), ("Own funds", .selfFunded), ("No", .selfFunded), ("self funded", .selfFunded)])
    func fundingIsReadByItsCommonWords(word: String, funding: Funding) throws {
        let roster = try read("id,name,country,fare_usd,funding\nA1,Ann,India,700,\(word)\n")
        #expect(roster.participants[0].funding == funding)
    }

    @Test func aDateColumnSettledByOneOfItsDates_readsItsAmbiguousOnesTheSameWay() throws {
        let roster = try read("id,name,country,fare_usd,arrive,leave\nA1,Ann,India,700,11/12/2023,2023-12-16\nA2,Ben,India,700,13/12/2023,\n")
        #expect(roster.participants.map(\.arrive) == [CivilDate(year: 2023, month: 12, day: 11), CivilDate(year: 2023, month: 12, day: 13)])
        #expect(roster.reportNotes.first?.hasPrefix("1 date in `arrive` (line 2) could be read day first or month first; it was read day first") == true)
    }

    @Test func aColumnWithNoSettlingDate_orColumnsThatDisagree_stillAsk() {
        let unsettled = message { () throws(InputError) in _ = try read("id,name,country,fare_usd,arrive,leave\nA1,Ann,India,700,11/12/2023,16/12/2023\n") }
        #expect(unsettled.contains("Day and month cannot be told apart; no date in `arrive` says which, though `leave` writes its dates day first"))
        let disagreeing = message { () throws(InputError) in
            _ = try read("id,name,country,fare_usd,arrive,leave\nA1,Ann,India,700,13/12/2023,12/16/2023\nA2,Ben,India,700,11/12/2023,12/15/2023\n")
        }
        #expect(disagreeing.contains("the date columns disagree: `arrive` writes its dates day first (`13/12/2023`, line 2) but `leave` month first"))
        let bothWays = message { () throws(InputError) in
            _ = try read("id,name,country,fare_usd,arrive\nA1,Ann,India,700,13/12/2023\nA2,Ben,India,700,12/13/2023\nA3,Cy,India,700,11/12/2023\n")
        }
        #expect(bothWays.contains("`arrive` holds dates written both ways: `13/12/2023`, line 2 and `12/13/2023`, line 3"))
    }

    @Test func theDateOrderGivenOnTheCommandLineComesFirst() throws {
        var mapping = ColumnMapping()
        mapping.dateOrder = .mdy
        let said = message { () throws(InputError) in
            _ = try read("id,name,country,fare_usd,arrive\nA1,Ann,India,700,13/12/2023\nA2,Ben,India,700,12/11/2023\n", mapping: mapping)
        }
        #expect(said.contains("read month first (--date-order mdy), there is no month 13"))
    }

    @Test func aRosterOfAnotherEventsDates_isSaidToBeThatEventsOnce() {
        let said = message { () throws(InputError) in
            _ = try reader.readRoster(bytes: try InputFile.bytes(Repo.path("Tables/rosters/jeju-2018.csv")), file: "jeju-2018.csv")
        }
        #expect(said.hasPrefix("jeju-2018.csv:2:72: error: these dates are those of jeju-2018 (3–6 April 2018), not of jeju-2023 (12–15 December 2023)"))
        #expect(said.contains("hint: did you mean `--event jeju-2018`?"))
        #expect(said.hasSuffix("1 problem found; nothing was written.\nexit status: 65\n"))
    }

    @Test func aFewFarDatesAmongRightOnes_areEachTheirOwnProblem_withTheOtherEventSaid() {
        let said = message { () throws(InputError) in
            _ = try read("id,name,country,fare_usd,arrive,leave\nA1,Ann,India,700,2018-04-02,\nA2,Ben,India,700,2023-12-11,2023-12-16\n"
                         + "A3,Cy,India,700,2023-12-11,2023-12-16\n")
        }
        #expect(said.contains("error: `arrive` 2018-04-02 is 2080 days before the workshop starts"))
        #expect(said.contains("it falls in the workshop of jeju-2018 (3–6 April 2018): is the roster jeju-2018's?"))
    }

    // MARK: Nothing misread without a word

    @Test func aFieldHoldingTheSeparatorIsFound_evenWhenTheExtraFieldIsEmpty() {
        let said = message { () throws(InputError) in
            _ = try read("id,name,organization,country,fare_usd,funding\nA1,Dela Cruz, Maria,DOJ,Philippines,520,\n")
        }
        #expect(said.contains("r.csv:2:4: error: this row has 7 fields but the header has 6: `Dela Cruz, Maria` looks like one field, `name`, holding a comma"))
        #expect(said.contains("hint: put a field that holds a comma in double quotes: \"Dela Cruz, Maria\""))
    }

    @Test func aShortRowIsAlwaysSaid_withBothCounts() {
        let said = message { () throws(InputError) in _ = try read("id,name,country,fare_usd,organization,funding\nA1,Ann,India,700\n") }
        #expect(said.contains("this row has 4 fields but the header has 6: nothing for `organization`, `funding`"))
    }

    @Test func aQuoteNotWrittenTwiceInsideAQuotedField_isAnError_andTheRestOfTheRowIsRead() {
        let said = message { () throws(InputError) in
            _ = try read("id,name,country,fare_usd\nA1,\"Dela Cruz, Maria \"Mia\" S.\",Philippines,520\nA2,\"Ben \"\"Benny\"\" Tan\",Malaysia,480\n")
        }
        #expect(said.hasPrefix("r.csv:2:22: error: a quote inside the quoted field `Dela Cruz, Maria \"Mia\" S.` is not written twice"))
        #expect(said.contains("\"Dela Cruz, Maria \"\"Mia\"\" S.\""))
        #expect(said.hasSuffix("1 problem found; nothing was written.\nexit status: 65\n"))
        // A quote that ends its field before spaces and the separator is no stray quote.
        #expect((try? read("id,name,country,fare_usd\nA1,\"Ann\"  ,India,700\n"))?.participants.first?.name == "Ann")
    }

    @Test func aHeaderAndNoParticipant_isRefused() {
        let said = message { () throws(InputError) in _ = try read("id,name,country,fare_usd\n,,,\n") }
        #expect(said.hasPrefix("r.csv:1:1: error: no participants: the roster has its header and no participant row under it"))
    }

    @Test func aTicketColumnBesideFaresThatAreAllEmpty_isSaid_butNotWhenSomeFareIsGiven() throws {
        let empty = try read("id,name,country,Fare,Ticket price\nA1,Ann,India,,880\nA2,Ben,Nepal,,\n")
        #expect(empty.reportNotes.contains { $0.hasPrefix("1 participant (line 2) has a ticket price but no quoted fare (`Fare` is empty): the fare is estimated at the cap.") })
        let some = try read("id,name,country,Fare,Ticket price\nA1,Ann,India,,880\nA2,Ben,Nepal,900,910\n")
        #expect(!some.reportNotes.contains { $0.contains("ticket price but no quoted fare") })
    }

    @Test func aHeaderReadByAnotherName_isSaidInTheReport_butNotItsOwnName() throws {
        let roster = try read("Ref,Full Name,country,Fare (USD)\nA1,Ann,India,700\n")
        #expect(roster.reportNotes == ["Headers read by another name: `Ref` as `id`, `Full Name` as `name` (Tables/rosters/README.md lists the "
                                       + "names read; --columns NAME=HEADER reads a header as another column)."])
    }
}

/// A region is named as officers name it, in scenarios and `fit` bounds.
@Suite struct RegionNameTests {
    let regions = ["Eastern Asia", "South-Eastern Asia", "Southern Asia", "Pacific Islands"]

    @Test(arguments: [("Pacific", "Pacific Islands"), ("pacific islands", "Pacific Islands"), ("East Asia", "Eastern Asia"),
                      ("South East Asia", "South-Eastern Asia"), ("Southeast Asia", "South-Eastern Asia"), ("South Asia", "Southern Asia"),
                      ("Southern", "Southern Asia")])
    func anUnambiguousShortFormNamesItsRegion(typed: String, region: String) {
        #expect(RegionName.region(named: typed, among: regions) == region)
    }

    @Test(arguments: ["South", "Asia", "Pac", "Oceania"])
    func anAmbiguousOrUnknownNameNamesNone(typed: String) {
        #expect(RegionName.region(named: typed, among: regions) == nil)
    }

    @Test func aScenarioMayNameAPacificMix() throws {
        let text = "title = \"t\"\n[[mix]]\nfrom = \"Pacific\"\ncount = 4\n"
        let scenario = try ScenarioReader.read(text: text, file: "s.toml", countries: try Repo.shippedTables().countries,
                                               events: try Repo.shippedTables().events)
        #expect(scenario.entries.first?.group == .region("Pacific Islands"))
    }
}
