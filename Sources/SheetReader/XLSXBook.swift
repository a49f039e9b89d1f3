import Foundation

/// An Office Open XML workbook (.xlsx, .xlsm): the workbook's sheet list, its shared strings and number formats, and
/// one sheet's cells.
struct XLSXBook {
    let archive: WorkbookArchive
    let limits: SheetLimits
    var file: String { archive.file }

    private static let damaged = "open it in Excel or LibreOffice and save it again, or ask for a new copy"

    func read(sheet asked: String?) throws(SheetError) -> SheetGrid {
        // The workbook part, named by the package's relationships (almost always xl/workbook.xml).
        let packageRels = try archive.xml("_rels/.rels").map(relationships) ?? [:]
        let workbookPath = packageRels.values.first { $0.type.hasSuffix("/officeDocument") }
            .map { WorkbookArchive.resolve($0.target, from: "") } ?? "xl/workbook.xml"
        guard let workbook = try archive.xml(workbookPath) else {
            throw SheetError([SheetProblem(file: file, archive.has("word/document.xml") || archive.has("ppt/presentation.xml")
                                               ? "this is a Word or PowerPoint file, not a workbook" : "this zip file is not an Excel workbook (it has no \(workbookPath))",
                                           hint: "give the roster as an .xlsx workbook (or .ods, or CSV)")])
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml"
        let rels = try archive.xml((folder.isEmpty ? "" : folder + "/") + "_rels/\(fileName).rels").map(relationships) ?? [:]
        let uses1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attributes["date1904"]?.lowercased() ?? "")

        let listed = (workbook.child("sheets")?.children("sheet") ?? []).map { sheet -> (SheetChoosing.Listed, String?) in
            let rel = sheet.attributes["id"].flatMap { rels[$0] }
            let isWorksheet = rel.map { $0.type.hasSuffix("/worksheet") } ?? false
            return (SheetChoosing.Listed(name: sheet.attributes["name"] ?? "", isHidden: ["hidden", "veryHidden"].contains(sheet.attributes["state"] ?? ""),
                                         hasCells: isWorksheet),
                    rel.map { WorkbookArchive.resolve($0.target, from: folder) })
        }
        let (chosen, choice) = try SheetChoosing.choose(listed.map(\.0), asked: asked, file: file)
        guard let path = listed.first(where: { $0.0.name == chosen.name })?.1, let sheetXML = try archive.xml(path) else {
            throw SheetError([SheetProblem(file: file, "the workbook lists sheet `\(chosen.name)` but does not hold it", hint: XLSXBook.damaged)])
        }
        let sharedPath = rels.values.first { $0.type.hasSuffix("/sharedStrings") }.map { WorkbookArchive.resolve($0.target, from: folder) }
            ?? (folder.isEmpty ? "" : folder + "/") + "sharedStrings.xml"
        let shared = try archive.xml(sharedPath).map { $0.children("si").map(XLSXBook.stringItem) } ?? []
        let stylesPath = rels.values.first { $0.type.hasSuffix("/styles") }.map { WorkbookArchive.resolve($0.target, from: folder) }
            ?? (folder.isEmpty ? "" : folder + "/") + "styles.xml"
        let dateStyles = try archive.xml(stylesPath).map(XLSXBook.dateStyles) ?? []

        var reader = CellReader(file: file, sheet: chosen.name, shared: shared, dateStyles: dateStyles, uses1904: uses1904, limits: limits)
        let rows = try reader.rows(sheetXML)
        return SheetGrid(file: file, sheet: chosen.name, choice: choice, sheets: listed.map(\.0.name), rows: rows.rows,
                         filledMerges: rows.filled, uses1904Dates: uses1904)
    }

    /// A relationships part: id → target and type.
    private func relationships(_ root: XMLNode) -> [String: (target: String, type: String)] {
        var result: [String: (target: String, type: String)] = [:]
        for rel in root.children("Relationship") {
            guard let id = rel.attributes["Id"], let target = rel.attributes["Target"], rel.attributes["TargetMode"] != "External" else { continue }
            result[id] = (target, rel.attributes["Type"] ?? "")
        }
        return result
    }

    /// A shared or inline string: its text, or its rich-text runs joined; phonetic runs (rPh) left out; `_xHHHH_` decoded.
    static func stringItem(_ node: XMLNode) -> String {
        var text = ""
        for child in node.children {
            switch child.name {
            case "t": text += child.text
            case "r": text += child.child("t")?.text ?? ""
            default: break   // rPh (phonetic reading), phoneticPr
            }
        }
        return decodeEscapes(text)
    }

    /// `_x000D_` → a carriage return, `_x005F_` → `_`: how OOXML writes characters XML cannot hold.
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first {
            if first == "_", scalars.count >= 7 {
                let candidate = scalars.prefix(7)
                let chars = Array(candidate)
                if chars[1] == "x", chars[6] == "_", let code = UInt32(String(String.UnicodeScalarView(chars[2...5])), radix: 16),
                   chars[2...5].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                    out.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    scalars = scalars.dropFirst(7)
                    continue
                }
            }
            out.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        return out
    }

    /// The cell styles (indexes into cellXfs) whose number format shows a date.
    static func dateStyles(_ styles: XMLNode) -> Set<Int> {
        var codes: [Int: String] = [:]
        for format in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format.attributes["numFmtId"].flatMap({ Int($0) }) { codes[id] = format.attributes["formatCode"] ?? "" }
        }
        var result = Set<Int>()
        for (index, xf) in (styles.child("cellXfs")?.children("xf") ?? []).enumerated() {
            let id = xf.attributes["numFmtId"].flatMap { Int($0) } ?? 0
            if SerialDate.isDateFormat(id: id, code: codes[id]) { result.insert(index) }
        }
        return result
    }
}

/// Reads a worksheet's rows of cells.
struct CellReader {
    /// The most rows one merged range may cover: a value merged over more is not one participant's.
    static let longestMerge = 10_000

    let file: String
    let sheet: String
    let shared: [String]
    let dateStyles: Set<Int>
    let uses1904: Bool
    let limits: SheetLimits
    init(file: String, sheet: String, shared: [String], dateStyles: Set<Int>, uses1904: Bool, limits: SheetLimits) {
        self.file = file
        self.sheet = sheet
        self.shared = shared
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
        self.limits = limits
    }

    /// The cell being read, when its value cannot be used: why, and how to fix it.
    private var unusable: (message: String, hint: String)?

    private mutating func problem(_ row: Int, _ column: Int, _ message: String, _ hint: String) {
        unusable = (message, hint)
    }

    /// The texts of the shared formulas met so far, by their index (`si`): a cell that shares one gives no text of its own.
    private var sharedFormulas: [String: String] = [:]

    /// A cell's formula text (`SUM(E2:E12)`), its shared formula's when it has none of its own; nil without a formula.
    private mutating func formulaText(_ f: XMLNode?) -> String? {
        guard let f else { return nil }
        let text = f.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if f.attributes["t"] == "shared", let index = f.attributes["si"] {
            if text.isEmpty { return sharedFormulas[index] }
            if sharedFormulas.count < 10_000 { sharedFormulas[index] = text }
        }
        return text.isEmpty ? nil : text
    }

    /// The sheet's rows with values, and the merged ranges filled down; every problem cell is reported together.
    mutating func rows(_ worksheet: XMLNode) throws(SheetError) -> (rows: [SheetRow], filled: [String]) {
        var rows: [Int: SheetRow] = [:]
        var previousRow = 0, cellCount = 0
        for row in worksheet.child("sheetData")?.children("row") ?? [] {
            let number = try rowNumber(row, after: previousRow)
            guard number <= CellReference.maximumRow else { break }
            previousRow = number
            let hidden = ["1", "true"].contains(row.attributes["hidden"]?.lowercased() ?? "")
            let cells = try cells(of: row, number: number, cellCount: &cellCount)
            guard !cells.isEmpty else { continue }
            let sorted = cells.keys.sorted().map { cells[$0]! }
            if let earlier = rows[number] {
                let merged = Dictionary((earlier.cells + sorted).map { ($0.column, $0) }, uniquingKeysWith: { _, b in b })
                rows[number] = SheetRow(number: number, isHidden: hidden || earlier.isHidden, cells: merged.keys.sorted().map { merged[$0]! })
            } else {
                rows[number] = SheetRow(number: number, isHidden: hidden, cells: sorted)
            }
        }
        let filled = try fillMerges(worksheet, into: &rows, cellCount: cellCount)
        return (rows.keys.sorted().map { rows[$0]! }, filled)
    }

    /// A row's number: its `r`, else the one after the row before it.
    private func rowNumber(_ row: XMLNode, after previousRow: Int) throws(SheetError) -> Int {
        guard let r = row.attributes["r"] else { return previousRow + 1 }
        guard let n = Int(r.trimmingCharacters(in: .whitespaces)), (1...CellReference.maximumRow).contains(n) else {
            throw SheetError([SheetProblem(file: file, sheet: sheet, "a row is numbered `\(r.prefix(20))`, which no sheet has", hint: "open the workbook in Excel or LibreOffice and save it again")])
        }
        return n
    }

    /// A row's cells with a value or a problem, by column, counted against the sheet's limit.
    private mutating func cells(of row: XMLNode, number: Int, cellCount: inout Int) throws(SheetError) -> [Int: SheetCell] {
        var cells: [Int: SheetCell] = [:]
        var column = 0
        for c in row.children("c") {
            if let r = c.attributes["r"] {
                guard let (col, rowOfCell) = CellReference.parse(Substring(r)), rowOfCell == number else {
                    throw SheetError([SheetProblem(file: file, sheet: sheet, row: number, column: 0, "row \(number) has a cell named `\(r.prefix(20))`, which is not in that row",
                                                   hint: "open the workbook in Excel or LibreOffice and save it again")])
                }
                column = col
            } else {
                column += 1
            }
            guard column <= CellReference.maximumColumn else { break }
            cellCount += 1
            if cellCount > limits.cells {
                throw SheetError([SheetProblem(file: file, sheet: sheet, "the sheet has more than \(limits.cells) cells, far more than any roster",
                                               hint: "is this the right sheet? Give the roster's sheet with --sheet NAME")])
            }
            unusable = nil
            let formula = formulaText(c.child("f"))
            if let cell = self.cell(c, row: number, column: column, formula: formula) {
                cells[column] = cell
            } else if let unusable {
                let shown = c.child("v")?.text.trimmingCharacters(in: .whitespaces) ?? ""
                cells[column] = SheetCell(column: column, row: number, text: shown, kind: .unusable, isFormula: c.child("f") != nil,
                                          formula: formula, problem: unusable)
            }
        }
        return cells
    }

    /// Merged ranges filled down: the value of each range's first cell copied into every row it covers that has none in
    /// its column; the ranges filled.
    private func fillMerges(_ worksheet: XMLNode, into rows: inout [Int: SheetRow], cellCount: Int) throws(SheetError) -> [String] {
        let merges = (worksheet.child("mergeCells")?.children("mergeCell") ?? []).compactMap { $0.attributes["ref"] }
        var filled: [String] = []
        var copies = 0
        for range in merges {
            let ends = range.split(separator: ":")
            guard ends.count == 2, let (c1, r1) = CellReference.parse(ends[0]), let (c2, r2) = CellReference.parse(ends[1]),
                  r2 > r1, c2 >= c1, let top = rows[r1]?.cells.first(where: { $0.column == c1 }) else { continue }
            if r2 - r1 >= CellReader.longestMerge {
                throw SheetError([SheetProblem(file: file, sheet: sheet, "cells \(range.prefix(30)) are merged over more than \(CellReader.longestMerge) rows, which no roster's cells are",
                                               hint: "unmerge the cells (select them, then Merge and Center again), or give the roster's sheet with --sheet NAME")])
            }
            var any = false
            for r in (r1 + 1)...r2 {
                let existing = rows[r]
                if existing?.cells.contains(where: { $0.column == c1 }) == true { continue }
                copies += 1
                if cellCount + copies > limits.cells {
                    throw SheetError([SheetProblem(file: file, sheet: sheet, "the sheet's merged cells cover more than \(limits.cells) cells, far more than any roster",
                                                   hint: "is this the right sheet? Give the roster's sheet with --sheet NAME")])
                }
                let copy = top.moved(row: r)
                let cells = ((existing?.cells ?? []) + [copy]).sorted { $0.column < $1.column }
                rows[r] = SheetRow(number: r, isHidden: existing?.isHidden ?? false, cells: cells)
                any = true
            }
            if any { filled.append(range) }
        }
        return filled
    }

    /// A cell's value, nil when it has none; a problem cell is recorded and gives nil.
    private mutating func cell(_ c: XMLNode, row: Int, column: Int, formula formulaText: String?) -> SheetCell? {
        let type = c.attributes["t"] ?? "n"
        let value = c.child("v")?.text
        let formula = c.child("f")
        let isFormula = formula != nil
        let reference = CellReference.name(column: column, row: row)
        let shownFormula = formula.map { "=" + $0.text.prefix(60) } ?? ""
        if isFormula, type != "inlineStr", value == nil || (value!.isEmpty && type != "str") {
            problem(row, column, "cell \(reference) holds a formula (\(shownFormula.isEmpty ? "shared" : "`\(shownFormula)`")) whose result the file does not store",
                    "open the workbook in Excel or LibreOffice and save it again (that works the formulas out and stores them), or type the value")
            return nil
        }
        func make(_ text: String, _ kind: SheetCell.Kind, betweenCents: Bool = false) -> SheetCell? {
            text.isEmpty ? nil : SheetCell(column: column, row: row, text: text, kind: kind, isFormula: isFormula, formula: formulaText,
                                           isBetweenCents: betweenCents)
        }
        switch type {
        case "s":
            guard let value else { return nil }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                problem(row, column, "cell \(reference) refers to shared text number \(value.prefix(20)), which the workbook does not have",
                        "open the workbook in Excel or LibreOffice and save it again")
                return nil
            }
            return make(shared[index], .text)
        case "inlineStr":
            return make(c.child("is").map(XLSXBook.stringItem) ?? XLSXBook.decodeEscapes(value ?? ""), .text)
        case "str":
            return make(XLSXBook.decodeEscapes(value ?? ""), .text)
        case "b":
            switch value?.trimmingCharacters(in: .whitespaces) {
            case nil, "": return nil
            case "1", "true": return make("TRUE", .boolean)
            case "0", "false": return make("FALSE", .boolean)
            default:
                problem(row, column, "cell \(reference) is marked TRUE/FALSE but holds `\(value!.prefix(20))`", "type TRUE or FALSE in it")
                return nil
            }
        case "e":
            let error = (value ?? "").trimmingCharacters(in: .whitespaces)
            problem(row, column, "cell \(reference) holds the error `\(error.prefix(20))`" + (isFormula ? " (its formula \(shownFormula.isEmpty ? "" : "`\(shownFormula)` ")cannot be worked out)" : ""),
                    isFormula ? "correct the formula, or type the value in the cell" : "type the value in the cell")
            return nil
        case "d":
            guard let value, !value.isEmpty else { return nil }
            guard let iso = SerialDate.isoPrefix(value.trimmingCharacters(in: .whitespaces)) else {
                problem(row, column, "cell \(reference) is marked as a date but holds `\(value.prefix(30))`", "type the date again, e.g. 2023-12-11")
                return nil
            }
            return make(iso, .date)
        case "n":
            guard let raw = value?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            guard let number = Double(raw), number.isFinite else {
                problem(row, column, "cell \(reference) is marked as a number but holds `\(raw.prefix(30))`", "type the number again")
                return nil
            }
            let style = Int(c.attributes["s"] ?? "0") ?? 0
            if dateStyles.contains(style) {
                switch SerialDate.iso(serial: number, uses1904: uses1904) {
                case .success(let iso): return make(iso, .date)
                case .failure(let reason):
            let why = reason.text
                    problem(row, column, "cell \(reference) is formatted as a date but holds \(why)", "type the date, e.g. 2023-12-11, or clear the cell's date format")
                    return nil
                }
            }
            let (text, between) = CellNumber.text(number)
            return make(text, .number, betweenCents: between)
        default:
            problem(row, column, "cell \(reference) has a type `\(type.prefix(20))` that no spreadsheet writes", "open the workbook in Excel or LibreOffice and save it again")
            return nil
        }
    }
}
