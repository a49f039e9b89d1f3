import BudgetCore
@testable import BudgetReaders
import TestSupport
import Testing

/// Workbook rosters refused: every message names the cell (`roster.xlsx:[Roster]!C7`) and the fix.
@Suite struct WorkbookRosterReaderTests {
    let reader: RosterReader

    init() throws { reader = RosterReader(countries: try Repo.shippedTables().countries) }

    @Test(arguments: fixtures.files(in: "workbook-errors", ending: ".xlsx") + fixtures.files(in: "workbook-errors", ending: ".xls"))
    func everyBadWorkbookGetsItsExactMessageAndExitStatus(name: String) {
        let path = fixtures.path("workbook-errors/\(name)")
        let said = outcome(relativeTo: fixtures.path("workbook-errors")) { () throws(InputError) -> [Diagnostic] in
            try reader.readRoster(workbook: try InputFile.bytes(path), file: name).notes
        }
        #expect(said.contains("error:"))
        expectMessage(said, matches: path.replacingOccurrences(of: ".xlsx", with: ".expected").replacingOccurrences(of: ".xls", with: ".expected"))
    }

    @Test(arguments: fixtures.files(in: "workbook-rosters", ending: ".xlsx") + fixtures.files(in: "workbook-rosters", ending: ".ods"))
    func everyReadableWorkbookIsReadWithItsNotes(name: String) {
        let path = fixtures.path("workbook-rosters/\(name)")
        let said = outcome(relativeTo: fixtures.path("workbook-rosters")) { () throws(InputError) -> [Diagnostic] in
            try reader.readRoster(workbook: try InputFile.bytes(path), file: name).notes
        }
        #expect(said.hasSuffix("exit status: 0\n"))
        expectMessage(said, matches: path.replacingOccurrences(of: ".xlsx", with: ".expected").replacingOccurrences(of: ".ods", with: ".expected"))
    }

    @Test("Ids typed as numbers are read without .0; a merged organization is read in both its rows; a hidden row is read")
    func numberIDs() throws {
        let roster = try reader.readRoster(workbook: try InputFile.bytes(fixtures.path("workbook-rosters/number-ids-merged-hidden.xlsx")), file: "r.xlsx")
        #expect(roster.participants.map(\.id) == ["7", "8", "9"])
        #expect(roster.participants.map(\.organization) == ["Ministry of Justice", "Ministry of Justice", "Police"])
        #expect(roster.participants.map { $0.fare?.cents } == [61_040, 112_007, 38_000])
        #expect(roster.participants[0].arrive == CivilDate(year: 2023, month: 12, day: 11))
        #expect(roster.participants[0].location?.description == "r.xlsx:[Participants]!A2")
        #expect(roster.sheet == "Participants")
    }

    @Test("A location in a sheet prints as the cell: roster.xlsx:[Roster]!C7, AB12; a row or the sheet without a cell")
    func cellLocations() {
        func cell(_ row: Int, _ column: Int) -> String {
            BudgetCore.SourceLocation(file: "roster.xlsx", sheet: "Roster", row: row, column: column).description
        }
        #expect(cell(7, 3) == "roster.xlsx:[Roster]!C7")
        #expect(cell(12, 28) == "roster.xlsx:[Roster]!AB12")
        #expect(cell(5, 0) == "roster.xlsx:[Roster] row 5")
        #expect(cell(0, 0) == "roster.xlsx:[Roster]")
        #expect(BudgetCore.SourceLocation(file: "roster.csv", line: 7, column: 3).description == "roster.csv:7:3")
    }
}
