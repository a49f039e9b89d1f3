import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import TestSupport
import Testing

/// A roster kept in a workbook costs exactly as the same roster in CSV: the fixtures were written by LibreOffice (from the
/// shipped CSV rosters) and by openpyxl (then saved again by LibreOffice, which stores the formulas' results).
@Suite("A workbook roster gives the same report as the same roster in CSV")
struct WorkbookRosterTests {
    static let fixtures = "Tests/SheetReaderTests/Fixtures/xlsx"

    /// Every report of a roster file under its event, the roster named `roster` in each.
    static func reports(_ path: String, event id: String) throws -> [String] {
        let event = try Repo.shippedEvent(id)
        let reader = RosterReader(countries: try Repo.shippedTables().countries, event: event)
        let bytes = try InputFile.bytes(Repo.path(path))
        let roster = try RosterReader.isWorkbook(path) ? reader.readRoster(workbook: bytes, file: path) : reader.readRoster(bytes: bytes, file: path)
        let budget = Budget(event: event, participants: roster.participants, rosterName: "roster", unusedColumns: roster.unusedColumns)
        let options = RenderOptions()
        return [TextReport(budget, options: options).render(), try JSONReport(budget, options: options).render(), CSVReport(budget, options: options).render()]
    }

    @Test("jeju-2023 from LibreOffice's .xlsx and .ods, and from openpyxl's workbook (title row, notes sheet, dates in three formats, a formula, a hidden row) saved again by LibreOffice",
          arguments: ["libreoffice-jeju-2023.xlsx", "libreoffice-jeju-2023.ods",
                      "libreoffice-resaved-openpyxl-jeju-2023.xlsx", "libreoffice-resaved-openpyxl-jeju-2023.ods"])
    func jeju2023(workbook: String) throws {
        let csv = try Self.reports("Tables/rosters/jeju-2023.csv", event: "jeju-2023")
        let sheet = try Self.reports("\(Self.fixtures)/\(workbook)", event: "jeju-2023")
        #expect(sheet[0] == csv[0])
        #expect(sheet[1] == csv[1])
        #expect(sheet[2] == csv[2])
    }

    @Test("jeju-2018 from LibreOffice's .xlsx and .ods", arguments: ["libreoffice-jeju-2018.xlsx", "libreoffice-jeju-2018.ods"])
    func jeju2018(workbook: String) throws {
        #expect(try Self.reports("\(Self.fixtures)/\(workbook)", event: "jeju-2018") == Self.reports("Tables/rosters/jeju-2018.csv", event: "jeju-2018"))
    }
}
