import Foundation
import TestSupport
import Testing

/// Issue 25 through the tool: the officer's twelve-person roster gets few messages, each she can act on at once, and what
/// the tool read for her (the date order a column settles, tickets with no fare, stays far from the workshop, headers read
/// by another name) is said in every report.
@Suite(.cleansUpTemporaryFolders) struct ActionableMessagesCommandTests {
    static let officer = "Tests/BudgetReadersTests/Fixtures/officer"

    func expected(_ name: String) throws -> String {
        try String(contentsOfFile: Repo.path("\(Self.officer)/\(name)"), encoding: .utf8)
    }

    @Test func theOfficersRosterWithItsMistakes_getsThreeMessages_eachWithItsFix() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "officer-twelve.csv", "--tables", Repo.tablesPath],
                          in: URL(fileURLWithPath: Repo.path(Self.officer)))
        #expect(run.stderr + "exit status: \(run.status)\n" == (try expected("officer-twelve.expected")))
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.components(separatedBy: ": error: ").count - 1 == 3)
    }

    @Test func theCorrectedRoster_isCosted_andTheReportSaysWhatWasReadForHer() throws {
        let folder = URL(fileURLWithPath: Repo.path(Self.officer))
        let text = try Run(["cost", "--event", "jeju-2023", "--roster", "officer-twelve-corrected.csv", "--tables", Repo.tablesPath], in: folder)
        #expect(text.stderr + "exit status: \(text.status)\n" == (try expected("officer-twelve-corrected.expected")))
        #expect(text.stdout.contains("Reading notes:  Headers read by another name: `Ref` as `id`, `Full Name` as `name`,"))
        for said in ["11 dates in `arrive` (lines 2–5, 7–13) could be read day first or month first; they", "12 participants (lines 2–13) have a ticket price but no quoted fare (`Airfare` is",
                     "An arrival more than 7 days before the workshop starts (12 December 2023): RSO-07", "Line 15 is a total row (`Total`), not a participant: left out;"] {
            #expect(text.stdout.contains(said), "\(said)")
        }
        #expect(text.stdout.contains("TOTAL (12 participants)"))

        let json = try Run(["cost", "--event", "jeju-2023", "--roster", "officer-twelve-corrected.csv", "--format", "json", "--tables", Repo.tablesPath], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let notes = try #require(object?["roster_notes"] as? [String])
        #expect(notes.count == 6 && notes[5].hasPrefix("A departure more than 7 days after the workshop ends (15 December 2023): RSO-11 leaves 23 December 2023 (line 12)."))

        let csv = try Run(["cost", "--event", "jeju-2023", "--roster", "officer-twelve-corrected.csv", "--format", "csv", "--tables", Repo.tablesPath], in: folder)
        #expect(csv.stdout.contains("note,,\"12 participants (lines 2–13) have a ticket price but no quoted fare (`Airfare` is empty): their fares are estimated at the cap."))
    }

    @Test func theOfficersWorkbook_isReadAsHerCSV_withTheSameNotesInItsCells() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tests/BudgetReadersTests/Fixtures/workbook-rosters/officer-twelve.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("officer-twelve.xlsx:[Participants]!I8: note: an arrival more than 7 days before the workshop starts (12 December 2023): RSO-07 arrives 1 December 2023 (row 8); kept and costed"))
        #expect(run.stdout.contains("11 dates in `arrive` (rows 2–5, 7–13) could be read day first or month first; they"))
        #expect(run.stdout.contains("TOTAL (12 participants)                  5,100.00   0.00  5,856.91  10,956.91"))
    }

    @Test func aRosterOfAnotherEvent_isOneMessageNamingThatEvent() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2018.csv"])
        #expect(run.status == 65)
        #expect(run.stderr == """
            Tables/rosters/jeju-2018.csv:2:72: error: these dates are those of jeju-2018 (3–6 April 2018), not of jeju-2023 (12–15 December 2023): 4 of the roster's 4 dates of arrival and departure fall in jeju-2018's workshop (lines 2, 10)
                P18-01,Chan Wing-yee,Hong Kong Social Welfare Department,Hong Kong,420,2018-04-02,2018-04-07,,
                                                                                       ^
                hint: did you mean `--event jeju-2018`? Otherwise correct the dates: jeju-2023 is 12–15 December 2023
            1 problem found; nothing was written.

            """)
    }

    @Test func aRosterWithAHeaderAndNoParticipant_exits65() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("empty.csv")
        try "id,name,country,fare_usd\n".write(to: roster, atomically: true, encoding: .utf8)
        for format in ["text", "json", "csv"] {
            let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster.path, "--format", format])
            #expect(run.status == 65 && run.stdout.isEmpty)
            #expect(run.stderr.contains("empty.csv:1:1: error: no participants: the roster has its header and no participant row under it"))
        }
    }

    @Test func aRegionIsNamedByItsShortForm_inFitBounds() throws {
        let run = try Run(["fit", "--event", "jeju-2023", "--budget", "20000", "--min", "Pacific=2", "--max", "South East Asia=3"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Bounds:         South-Eastern Asia at most 3; Pacific Islands at least 2"))
        let ambiguous = try Run(["fit", "--event", "jeju-2023", "--budget", "20000", "--min", "South=2"])
        #expect(ambiguous.status == 64 && ambiguous.stderr.contains("no region or country is called `South`; did you mean `South-Eastern Asia` or `Southern Asia`"))
    }
}
