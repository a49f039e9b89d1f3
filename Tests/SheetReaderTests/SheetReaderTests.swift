import Foundation
@testable import SheetReader
import TestSupport
import Testing

/// The fixtures: workbooks written by LibreOffice, openpyxl and travel-budget itself.
enum Workbooks {
    static let folder = Fixtures(of: "SheetReaderTests").path("xlsx")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name)))
    }

    static func read(_ name: String, sheet: String? = nil) throws -> SheetGrid {
        try SheetFile.read(bytes(name), file: name, sheet: sheet)
    }

    /// The problems a file gives, one per line as `place: message`.
    static func problems(_ name: String, sheet: String? = nil) throws -> [String] {
        let bytes = try bytes(name)
        do throws(SheetError) {
            let grid = try SheetFile.read(bytes, file: name, sheet: sheet)
            return grid.rows.flatMap(\.cells).compactMap { cell in cell.problem.map { "\(grid.place(cell.reference)): \($0.message)" } }
        } catch {
            return error.problems.map { "\($0.place): \($0.message)" }
        }
    }
}

extension SheetGrid {
    /// `C7=text` of every cell of a row.
    func row(_ number: Int) -> [String] {
        rows.first { $0.number == number }?.cells.map { "\($0.reference)=\($0.text)" } ?? []
    }

    func cell(_ reference: String) -> SheetCell? {
        guard let (column, row) = CellReference.parse(Substring(reference)) else { return nil }
        return rows.first { $0.number == row }?.cells.first { $0.column == column }
    }
}

@Suite("A sheet is read into cells as the roster reader should see them")
struct SheetGridTests {
    @Test("LibreOffice's .xlsx of a CSV roster: the first sheet, text, whole numbers without .0, ISO dates from date cells")
    func libreOfficeXLSX() throws {
        let grid = try Workbooks.read("libreoffice-jeju-2023.xlsx")
        #expect(grid.sheet == "jeju-2023")
        #expect(grid.choice == .firstVisible)
        #expect(grid.row(1).prefix(5) == ["A1=id", "B1=name", "C1=organization", "D1=country", "E1=fare_usd"])
        #expect(grid.row(2).prefix(7) == ["A2=P23-01", "B2=Li Wei", "C2=Guangxi Public Security Department", "D2=China", "E2=380", "F2=2023-12-11", "G2=2023-12-16"])
        #expect(grid.cell("E2")?.kind == .number)
        #expect(grid.cell("F2")?.kind == .date)
    }

    @Test("LibreOffice's .ods of the same roster reads the same cells")
    func libreOfficeODS() throws {
        let xlsx = try Workbooks.read("libreoffice-jeju-2023.xlsx"), ods = try Workbooks.read("libreoffice-jeju-2023.ods")
        #expect(ods.sheet == "jeju-2023")
        #expect(ods.rows.map(\.number) == xlsx.rows.map(\.number))
        for (a, b) in zip(ods.rows, xlsx.rows) {
            #expect(a.cells.map { "\($0.reference)=\($0.text)" } == b.cells.map { "\($0.reference)=\($0.text)" })
        }
    }
}

@Suite("Numbers and dates from cells, exactly")
struct CellValueTests {
    @Test("A float within 1e-6 of a whole cent is that cent; any other keeps every digit")
    func cents() {
        #expect(CellNumber.text(1120.5) == ("1120.5", false))
        #expect(CellNumber.text(380) == ("380", false))
        #expect(CellNumber.text(1120.07) == ("1120.07", false))
        #expect(CellNumber.text(0.1 + 0.2) == ("0.3", false))
        #expect(CellNumber.text(1120.0699999999999) == ("1120.07", false))
        #expect(CellNumber.text(1120.505) == ("1120.505", true))
        #expect(CellNumber.text(0.0015) == ("0.0015", true))
        #expect(CellNumber.text(0.00000015) == ("0", false))
        #expect(CellNumber.text(1e-7 + 5e-3) == ("0.0050001", true))
        #expect(CellNumber.text(-7) == ("-7", false))
        #expect(CellNumber.text(12345678901) == ("12345678901", false))
    }

    @Test("Serial day numbers in the 1900 system (with its 29 February 1900) and the 1904 system")
    func serials() {
        func iso(_ serial: Double, _ uses1904: Bool = false) -> String {
            switch SerialDate.iso(serial: serial, uses1904: uses1904) {
            case .success(let text): return text
            case .failure(let reason): return "refused: " + reason.text
            }
        }
        #expect(iso(45271) == "2023-12-11")
        #expect(iso(45271.75) == "2023-12-11")
        #expect(iso(1) == "1900-01-01")
        #expect(iso(59) == "1900-02-28")
        #expect(iso(61) == "1900-03-01")
        #expect(iso(60).hasPrefix("refused"))
        #expect(iso(0).hasPrefix("refused"))
        #expect(iso(43809, true) == "2023-12-11")
        #expect(iso(0, true) == "1904-01-01")
    }

    @Test("Date formats: built-in ids 14-22 and 45-47, codes with a day, month or year; not General, times or quoted text")
    func dateFormats() {
        #expect(SerialDate.isDateFormat(id: 14, code: nil))
        #expect(SerialDate.isDateFormat(id: 22, code: nil))
        #expect(!SerialDate.isDateFormat(id: 0, code: nil))
        #expect(!SerialDate.isDateFormat(id: 4, code: nil))
        #expect(SerialDate.isDateFormat(id: 165, code: "yyyy\\-mm\\-dd"))
        #expect(SerialDate.isDateFormat(id: 166, code: "[$-409]d mmmm yyyy;@"))
        #expect(SerialDate.isDateFormat(id: 167, code: "dd/mm/yyyy"))
        #expect(!SerialDate.isDateFormat(id: 164, code: "General"))
        #expect(!SerialDate.isDateFormat(id: 168, code: "#,##0.00 \"days\""))
        #expect(!SerialDate.isDateFormat(id: 169, code: "h:mm"))
        #expect(!SerialDate.isDateFormat(id: 170, code: "[$USD] #,##0.00"))
    }

    @Test("Escaped characters in strings: _x000D_ is a carriage return, _x005F_ an underscore")
    func escapes() {
        #expect(XLSXBook.decodeEscapes("a_x000D_b") == "a\rb")
        #expect(XLSXBook.decodeEscapes("_x005F_x0041_") == "_x0041_")
        #expect(XLSXBook.decodeEscapes("P_x0031_") == "P1")
        #expect(XLSXBook.decodeEscapes("_xZZZZ_") == "_xZZZZ_")
    }

    @Test("Cell references")
    func references() {
        #expect(CellReference.parse("C7")! == (3, 7))
        #expect(CellReference.parse("$AB$12")! == (28, 12))
        #expect(CellReference.parse("XFD1048576")! == (16384, 1_048_576))
        #expect(CellReference.parse("XFE1") == nil)
        #expect(CellReference.parse("7C") == nil)
        #expect(CellReference.columnName(28) == "AB")
        #expect(CellReference.columnName(16384) == "XFD")
    }
}

@Suite("Workbooks written by openpyxl: styles, dates, formulas, hidden rows, merged cells")
struct OpenpyxlTests {
    @Test("The sheet named Roster is read, not the notes sheet before it; its title row and hidden row are there to be said")
    func officerRoster() throws {
        let grid = try Workbooks.read("openpyxl-jeju-2023.xlsx")
        #expect(grid.sheets == ["Notes", "Roster"])
        #expect(grid.sheet == "Roster")
        #expect(grid.choice == .namedLikeRoster)
        #expect(grid.rows.first?.number == 1)
        #expect(grid.row(1) == ["A1=Jeju 2023 workshop: participants"])
        #expect(grid.hiddenRows == [6])
        #expect(grid.row(4).prefix(7) == ["A4=P23-01", "B4=Li Wei", "C4=Guangxi Public Security Department", "D4=China", "E4=380", "F4=2023-12-11", "G4=2023-12-16"])
        #expect(grid.cell("K4")?.text == "2023-10-20")   // applied_on, `d mmmm yyyy`
        #expect(grid.cell("E10")?.text == "812.3")
    }

    @Test("openpyxl stores no formula results: the cell is named, and the fix is to save the workbook again")
    func formulaWithoutResult() throws {
        #expect(try Workbooks.problems("openpyxl-jeju-2023.xlsx") == [
            "openpyxl-jeju-2023.xlsx [Roster]!E5: cell E5 holds a formula (`=360+100`) whose result the file does not store"])
    }

    @Test("The same workbook saved again by LibreOffice has the formula's result, and the 1904 date system reads the same dates")
    func resavedAnd1904() throws {
        let resaved = try Workbooks.read("libreoffice-resaved-openpyxl-jeju-2023.xlsx")
        #expect(resaved.cell("E5")?.text == "460")
        #expect(resaved.cell("E5")?.isFormula == true)
        let mac = try Workbooks.read("openpyxl-jeju-2023-1904.xlsx", sheet: "roster")
        #expect(mac.uses1904Dates)
        #expect(mac.cell("F4")?.text == "2023-12-11")
        let ods = try Workbooks.read("libreoffice-resaved-openpyxl-jeju-2023.ods")
        #expect(ods.sheet == "Roster")
        #expect(ods.hiddenRows == [6])
        for (a, b) in zip(ods.rows, resaved.rows) {
            #expect(a.cells.map { "\($0.reference)=\($0.text)" } == b.cells.map { "\($0.reference)=\($0.text)" })
        }
    }

    @Test("Each kind of cell: number ids without .0, numbers stored as text kept, TRUE/FALSE, dates, escapes, merged cells filled down")
    func kinds() throws {
        let grid = try Workbooks.read("openpyxl-cells.xlsx")
        #expect(grid.row(2) == ["A2=1001", "B2=00123", "C2=1120.07", "D2=1120.505", "E2=TRUE", "F2=2023-12-11", "G2=2023-12-13", "H2=0.6041666666666666", "I2=group A"])
        #expect(grid.cell("H2")?.kind == .unusable)
        #expect(grid.cell("H2")?.problem?.message == "cell H2 is formatted as a date but holds day number 0.6041666666666666, a time of day (or day 0) rather than a date")
        #expect(grid.cell("A2")?.kind == .number)
        #expect(grid.cell("B2")?.kind == .text)
        #expect(grid.cell("D2")?.isBetweenCents == true)
        #expect(grid.cell("C3")?.text == "0.3")
        #expect(grid.cell("I3")?.text == "group A")
        #expect(grid.filledMerges == ["I2:I3"])
        #expect(grid.hiddenRows == [3])
        #expect(grid.cell("A4")?.text == "123456789012")
        #expect(grid.cell("B4")?.text == "xAy")   // openpyxl writes `x_x0041_y` unescaped, which Excel reads as xAy too
    }

    @Test("A formula's text is kept without its `=`: as written, a shared formula's from its first cell, an .ods one without `of:=`")
    func formulaText() throws {
        let folder = URL(fileURLWithPath: Fixtures(of: "BudgetReadersTests").path("workbook-rosters"))
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("excel-shared-sums.xlsx")))
        let shared = try SheetFile.read(bytes, file: "s.xlsx", sheet: nil)
        #expect(shared.cell("D4")?.formula == "SUM(D2:D3)")
        #expect(shared.cell("E4")?.formula == "SUM(D2:D3)")
        #expect(shared.cell("E4")?.text == "1400" && shared.cell("E4")?.isFormula == true)
        #expect(shared.cell("D3")?.formula == nil)
        #expect(try Workbooks.read("libreoffice-resaved-openpyxl-jeju-2023.xlsx").cell("E5")?.formula == "360+100")
        #expect(try Workbooks.read("libreoffice-resaved-openpyxl-jeju-2023.ods").cell("E5")?.formula == "360+100")
        #expect(ODSTable.formulaText("of:=SUM([.E2:.E12])") == "SUM([.E2:.E12])")
    }

    @Test("A formula without a result, an error value: each cell is named")
    func errors() throws {
        #expect(try Workbooks.problems("openpyxl-errors.xlsx") == [
            "openpyxl-errors.xlsx [Roster]!D2: cell D2 holds a formula (`=400+60`) whose result the file does not store",
            "openpyxl-errors.xlsx [Roster]!C3: cell C3 holds the error `#N/A`",
        ])
    }
}

@Suite("Files that are not workbooks, or that would cost too much to read, are refused with their own message")
struct RefusedWorkbookTests {
    @Test("A zip bomb is refused before it is unpacked")
    func zipBomb() throws {
        let problems = try Workbooks.problems("zip-bomb.xlsx")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains("unpacks to more than 200 MB") == true, "\(problems)")
    }

    @Test("An old .xls (written by LibreOffice) and an encrypted workbook each get their own message")
    func compoundFiles() throws {
        #expect(try Workbooks.problems("libreoffice-jeju-2023.xls") == [
            "libreoffice-jeju-2023.xls: this is an old Excel workbook (.xls, Excel 97-2003), which travel-budget does not read"])
        // An encrypted workbook is a compound file whose streams include EncryptionInfo (names in UTF-16LE).
        var encrypted: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        encrypted += "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: SheetError.self) { try SheetFile.read(encrypted, file: "locked.xlsx") }
        do { _ = try SheetFile.read(encrypted, file: "locked.xlsx") } catch {
            #expect(error.problems.first?.message == "the workbook is protected by a password (encrypted), so it cannot be read")
        }
    }

    @Test("A zip whose central directory points past its end is damaged, not a crash (found by fuzz-sheet)")
    func centralDirectoryPastTheEnd() throws {
        #expect(try Workbooks.problems("fuzz-crash-central-directory-past-end.xlsx") == [
            "fuzz-crash-central-directory-past-end.xlsx: the workbook cannot be opened: its zip archive is damaged or cut short"])
    }

    @Test("A part whose local header puts its bytes past the end is damaged, refused at once (ZIPFoundation would read on for ever; found by fuzz-sheet)")
    func partPastTheEnd() throws {
        #expect(try Workbooks.problems("fuzz-timeout-part-past-end.xlsx") == [
            "fuzz-timeout-part-past-end.xlsx: the workbook cannot be opened: its zip archive is damaged or cut short"])
    }

    @Test("A sheet that is not there is named with the sheets there are; a cut-short file is damaged")
    func missingSheetAndDamage() throws {
        #expect(try Workbooks.problems("openpyxl-cells.xlsx", sheet: "Budget") == ["openpyxl-cells.xlsx: the workbook has no sheet `Budget`"])
        let bytes = try Workbooks.bytes("openpyxl-cells.xlsx")
        #expect(throws: SheetError.self) { try SheetFile.read(Array(bytes.prefix(bytes.count / 2)), file: "cut.xlsx") }
        #expect(throws: SheetError.self) { try SheetFile.read(Array("id,name\n".utf8), file: "roster.xlsx") }
    }
}

@Suite("travel-budget's own workbook, written row by row by libxlsxwriter (inline strings)")
struct OwnWorkbookTests {
    @Test("The roster sheet's inline strings, numbers and formulas' stored results")
    func streamed() throws {
        let grid = try Workbooks.read("travel-budget-streamed-jeju-2023.xlsx", sheet: "Roster jeju-2023")
        #expect(grid.choice == .named)
        #expect(grid.cell("A1")?.text == "ID")
        #expect(grid.row(2).prefix(5) == ["A2=P23-01", "B2=Li Wei", "C2=Guangxi Public Security Department", "D2=China", "E2=Eastern Asia"])
        #expect(grid.cell("G2")?.text == "380")
        #expect(grid.cell("H2")?.isFormula == true)
        #expect(grid.cell("H2")?.text == "400")
        #expect(grid.cell("N2")?.text == "498.46")
    }

    @Test("Without --sheet, its roster sheet is the one named like a roster, not the Summary before it")
    func chosen() throws {
        let grid = try Workbooks.read("travel-budget-streamed-jeju-2023.xlsx")
        #expect(grid.sheet == "Roster jeju-2023")
        #expect(grid.choice == .namedLikeRoster)
    }
}
