import Foundation
import OutputFiles
import Spreadsheet
import TestSupport
import Testing
@testable import XLSXWriter

/// The xlsx writer on a few cells: what it writes, what it refuses, and that a failure leaves nothing behind.
@Suite(.cleansUpTemporaryFolders) struct XLSXWriterTests {
    let folder: String

    init() throws {
        folder = try temporaryFolder("xlsx-writer").path
    }

    func workbook(_ cells: [(Int, Int, Cell)], sheet name: String = "Sheet") -> Workbook {
        var sheet = Sheet(name: name)
        for (row, column, cell) in cells { sheet.set(row, column, cell) }
        return Workbook(sheets: [sheet], definedNames: [],
                        properties: DocumentProperties(title: "t", subject: "s", author: "a", company: "c", comments: "m", created: 0))
    }

    /// The unzipped text of one part of an .xlsx file.
    func part(_ path: String, _ name: String) throws -> String { try XLSXParts(path).text(name) }

    @Test func formulaIsWrittenWithItsCachedResult() throws {
        let path = folder + "/f.xlsx"
        try XLSXFile.write(workbook([(0, 0, .number(2)), (0, 1, .formula("A1*3", 6))]), to: path)
        let xml = try part(path, "xl/worksheets/sheet1.xml")
        #expect(xml.contains("<f>A1*3</f><v>6</v>"))
    }

    @Test func textThatLooksLikeAFormulaIsAStringWithTheTextFormat() throws {
        let path = folder + "/t.xlsx"
        try XLSXFile.write(workbook([(0, 0, .text("=HYPERLINK(\"http://x\",\"y\")")), (1, 0, .text("plain"))]), to: path)
        let sheet = try part(path, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("t=\"s\""))
        #expect(!sheet.contains("<f>"))
        let styles = try part(path, "xl/styles.xml")
        #expect(styles.contains("formatCode=\"@\"") || styles.contains("numFmtId=\"49\""))
    }

    @Test func aCellOverTheLimitIsAnErrorAndLeavesNoFile() throws {
        let path = folder + "/long.xlsx"
        let error = #expect(throws: XLSXError.self) {
            try XLSXFile.write(workbook([(0, 0, .text(String(repeating: "x", count: 32_768)))]), to: path)
        }
        #expect(error?.description.contains("Sheet!A1") == true)
        #expect(error?.description.contains("at most 32767") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func controlCharactersAreRefused() throws {
        let error = #expect(throws: XLSXError.self) {
            try XLSXFile.write(workbook([(2, 1, .text("a\u{1}b"))]), to: folder + "/c.xlsx")
        }
        #expect(error?.description.contains("Sheet!B3") == true)
        #expect(error?.description.contains("U+0001") == true)
    }

    @Test func theDeleteCharacterIsRefusedLikeEveryOtherControlCharacter() throws {
        let error = #expect(throws: XLSXError.self) {
            try XLSXFile.write(workbook([(0, 0, .text("a\u{7F}b"))]), to: folder + "/d.xlsx")
        }
        #expect(error?.description.contains("U+007F") == true)
        #expect(CellText.isControl(Unicode.Scalar(0x7F)) && !CellText.isControl("\t") && !CellText.isControl("\n") && !CellText.isControl("é"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aSheetWrittenRowByRowInConstantMemoryHoldsEveryRowAndTheRestOfTheModel() throws {
        let path = folder + "/rows.xlsx"
        let file = try XLSXFile(path: path, sheets: ["Rows", "Other"], memory: .constant)
        var setup = Sheet(name: "Rows")
        setup.frozenRows = 1
        try file.prepare(setup, at: 0)
        for row in 0..<3 { try file.write(row: row, [(0, .number(Double(row))), (1, .text("r\(row)"))], sheet: 0) }
        #expect(!FileManager.default.fileExists(atPath: path))   // nothing is visible before finish
        var rest = Sheet(name: "Rows")
        rest.set(4, 0, .formula("SUM(A1:A3)", 3))
        try file.finish(Workbook(sheets: [rest, workbook([(0, 0, .number(7))], sheet: "Other").sheets[0]], definedNames: [],
                                 properties: workbook([]).properties))
        let rows = try part(path, "xl/worksheets/sheet1.xml")
        #expect(rows.contains("<f>SUM(A1:A3)</f><v>3</v>") && rows.contains("r2"))
        #expect(try part(path, "xl/worksheets/sheet2.xml").contains("<v>7</v>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["rows.xlsx"])
    }

    @Test func aWorkbookDroppedBeforeItIsFinishedLeavesNothing() throws {
        do {
            let file = try XLSXFile(path: folder + "/dropped.xlsx", sheets: ["S"], memory: .constant)
            try file.write(row: 0, [(0, .number(1))], sheet: 0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func theAtomicWriterReplacesAFileWhole_andSaysWhyItCannot() throws {
        let path = folder + "/report.txt"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        try AtomicFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.txt"])
        let error = #expect(throws: OutputError.self) { try AtomicFile.write("x", to: path + "/inside.txt") }
        #expect(error?.description == "\(path)/inside.txt: error: cannot write: \(path) is a file, not a folder\n"
                + "    hint: write the report somewhere else, or move that file away")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    }

    @Test func aBadSheetNameIsLibxlsxwritersErrorNotACrash() throws {
        let error = #expect(throws: XLSXError.self) {
            try XLSXFile.write(workbook([(0, 0, .number(1))], sheet: "a/b"), to: folder + "/s.xlsx")
        }
        #expect(error?.description.contains("sheet name") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func anUnwritableFolderIsAnErrorAndKeepsTheOldFile() throws {
        let blocker = folder + "/not-a-folder"
        FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        #expect(throws: XLSXError.self) { try XLSXFile.write(workbook([(0, 0, .number(1))]), to: blocker + "/out.xlsx") }
        let path = folder + "/kept.xlsx"
        FileManager.default.createFile(atPath: path, contents: Data("old".utf8))
        #expect(throws: XLSXError.self) {
            try XLSXFile.write(workbook([(0, 0, .text(String(repeating: "x", count: 40_000)))]), to: path)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
    }

    @Test func theSameWorkbookGivesTheSameBytes() throws {
        let model = workbook([(0, 0, .text("a")), (0, 1, .formula("1+1", 2))])
        try XLSXFile.write(model, to: folder + "/1.xlsx")
        try XLSXFile.write(model, to: folder + "/2.xlsx")
        #expect(FileManager.default.contents(atPath: folder + "/1.xlsx") == FileManager.default.contents(atPath: folder + "/2.xlsx"))
    }

    @Test func columnLettersGoPastZ() {
        #expect(CellAddress.letters(0) == "A")
        #expect(CellAddress.letters(25) == "Z")
        #expect(CellAddress.letters(26) == "AA")
        #expect(CellAddress(row: 4, column: 27).absolute == "$AB$5")
        #expect(quotedSheetName("Roster jeju-2018") == "'Roster jeju-2018'")
        #expect(quotedSheetName("Caps") == "Caps")
    }
}
