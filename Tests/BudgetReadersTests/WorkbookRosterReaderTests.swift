import BudgetCore
@testable import BudgetReaders
import Testing

/// Workbook rosters refused: every message names the cell (`roster.xlsx [Roster]!C7`) and the fix.
@Suite struct WorkbookRosterReaderTests {
    let reader = RosterReader(countries: Paths.shippedTables.countries)

    @Test(arguments: Paths.files(in: "workbook-errors", ending: ".xlsx") + Paths.files(in: "workbook-errors", ending: ".xls"))
    func everyBadWorkbookGetsItsExactMessageAndExitStatus(name: String) {
        let path = Paths.fixture("workbook-errors/\(name)")
        let said = outcome(relativeTo: Paths.fixture("workbook-errors")) { () throws(InputError) -> [Diagnostic] in
            try reader.readRoster(workbook: try InputFile.bytes(path), file: name).notes
        }
        #expect(said.contains("error:"))
        expectMessage(said, matches: path.replacingOccurrences(of: ".xlsx", with: ".expected").replacingOccurrences(of: ".xls", with: ".expected"))
    }

    @Test("A location in a sheet prints as the cell: roster.xlsx [Roster]!C7, AB12; a row or the sheet without a cell")
    func cellLocations() {
        let file = BudgetCore.SourceLocation.cells(of: "roster.xlsx", sheet: "Roster")
        #expect(BudgetCore.SourceLocation(file: file, line: 7, column: 3).description == "roster.xlsx [Roster]!C7")
        #expect(BudgetCore.SourceLocation(file: file, line: 12, column: 28).description == "roster.xlsx [Roster]!AB12")
        #expect(BudgetCore.SourceLocation(file: file, line: 5, column: 0).description == "roster.xlsx [Roster] row 5")
        #expect(BudgetCore.SourceLocation(file: file, line: 0, column: 0).description == "roster.xlsx [Roster]")
        #expect(BudgetCore.SourceLocation(file: "roster.csv", line: 7, column: 3).description == "roster.csv:7:3")
    }
}
