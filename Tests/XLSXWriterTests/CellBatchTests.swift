import Foundation
@testable import Spreadsheet
import TestSupport
import Testing
@testable import XLSXWriter

/// A batch of packed rows (how a large roster's rows reach the writer) writes the very bytes the same cells written one
/// row at a time do, by the same rules for text.
@Suite(.cleansUpTemporaryFolders) struct CellBatchTests {
    let folder: String

    init() throws { folder = try temporaryFolder("cell-batch").path }

    /// A few rows of every kind of cell, into any row sink.
    func rows(into out: inout some RowCells) {
        let share = RowFormula("IF(G\(RowFormula.row)=\"\",0,ROUND(G\(RowFormula.row)-I\(RowFormula.row),2))")
        let cap = RowFormula("IFERROR(VLOOKUP(D\(RowFormula.row),Caps,2,0),\"\")")
        for row in 1 ... 3 {
            out.startRow(row)
            out.text(0, "P\(row)", CellStyle(.item, .text))
            out.text(1, row == 2 ? "=HYPERLINK(\"x\")" : "Zoë Ng", .item)
            out.number(6, Double(row) * 100.25, CellStyle(.input, .usd))
            out.formula(7, cap, cached: row == 3 ? .text("") : .number(900), CellStyle(.item, .usd))
            out.formula(9, share, cached: .number(0), CellStyle(.item, .usd))
            out.blank(17, CellStyle(.input))
        }
    }

    func written(_ name: String, _ write: (XLSXFile) throws -> Void) throws -> Data {
        let path = folder + "/" + name
        let file = try XLSXFile(path: path, sheets: ["Roster"], memory: .constant)
        try write(file)
        try file.finish(Workbook(sheets: [Sheet(name: "Roster")], definedNames: [],
                                 properties: DocumentProperties(title: "t", subject: "s", author: "a", company: "c", comments: "m", created: 0)))
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func aBatchWritesTheSameBytesAsTheSameCellsRowByRow() throws {
        var batch = CellBatch(capacity: 16)   // small: the batch must grow
        rows(into: &batch)
        #expect(batch.rows == 3)
        let packed = try written("batch.xlsx") { try $0.write(batch, sheet: 0) }
        let listed = try written("list.xlsx") { file in
            var sink = RowsOfCells()
            rows(into: &sink)
            for (row, cells) in sink.rows { try file.write(row: row, cells, sheet: 0) }
        }
        #expect(RowFormula("IF(G\(RowFormula.row)=\"\",0,G\(RowFormula.row))").text(rowNumber: 12) == "IF(G12=\"\",0,G12)")
        #expect(packed == listed)
        let xml = try XLSXParts(folder + "/batch.xlsx").text("xl/worksheets/sheet1.xml")
        #expect(xml.contains("<f>IF(G3=\"\",0,ROUND(G3-I3,2))</f>"))
        #expect(xml.contains("HYPERLINK") && !xml.contains("<f>HYPERLINK"))   // user text stays text
    }

    @Test func aBatchRefusesTextNoCellMayHold() throws {
        var batch = CellBatch()
        batch.startRow(1)
        batch.text(0, "bad\u{7}bell", .item)
        #expect(throws: XLSXError.self) { _ = try written("refused.xlsx") { try $0.write(batch, sheet: 0) } }
        #expect(!FileManager.default.fileExists(atPath: folder + "/refused.xlsx"))
    }

    @Test func anEmptiedBatchHoldsNothing() {
        var batch = CellBatch()
        rows(into: &batch)
        batch.removeAll()
        var count = 0
        batch.forEach { _ in count += 1 }
        #expect(count == 0 && batch.rows == 0 && batch.byteCount == 0)
    }
}

/// Rows of cells as lists, one per row, for comparison.
struct RowsOfCells: RowCells {
    var rows: [(row: Int, cells: [(column: Int, cell: Cell)])] = []
    private var list = CellList()

    mutating func startRow(_ row: Int) {
        list.startRow(row)
        rows.append((row, []))
    }
    private mutating func keep() { rows[rows.count - 1].cells = list.cells }
    mutating func text(_ column: Int, _ text: String, _ style: CellStyle) { list.text(column, text, style); keep() }
    mutating func number(_ column: Int, _ number: Double, _ style: CellStyle) { list.number(column, number, style); keep() }
    mutating func formula(_ column: Int, _ formula: RowFormula, cached: CachedResult, _ style: CellStyle) {
        list.formula(column, formula, cached: cached, style); keep()
    }
    mutating func blank(_ column: Int, _ style: CellStyle) { list.blank(column, style); keep() }
}

/// A printed row's lines are counted on the bytes of an ASCII text exactly as on its characters, and as the rule says in
/// words: paragraphs at each newline, each split into words at spaces, words filling lines of `capacity` characters.
@Suite(.cleansUpTemporaryFolders) struct PrintedLinesTests {
    /// The rule, written with splits.
    func linesByWords(_ text: String, capacity: Int) -> Int {
        var count = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = 0
            count += 1
            for word in paragraph.split(separator: " ") {
                let length = word.count
                if line == 0 {
                    line = length
                } else if line + 1 + length <= capacity {
                    line += 1 + length
                } else {
                    count += 1
                    line = length
                }
                while line > capacity {
                    count += 1
                    line -= capacity
                }
            }
        }
        return max(count, 1)
    }

    @Test func asciiTextsCountTheSameLinesOnBytesAsOnCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "word", " ", "  ", "\n", "averyveryverylongwordthatbreaks", "x,y", "12.50", "-", "é", "Zoë", "\r\n"]
        for _ in 0 ..< 2_000 {
            let text = (0 ..< Int.random(in: 0 ... 30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Double(Int.random(in: 1 ... 40, using: &generator))
            let capacity = max(1, Int(((width - 1) * 1.15).rounded(.down)))
            #expect(PageMetrics.lines(text, width: width) == linesByWords(text, capacity: capacity), "\(text.debugDescription) at \(width)")
        }
        #expect(PageMetrics.lines("", width: 10) == 1)
    }
}
