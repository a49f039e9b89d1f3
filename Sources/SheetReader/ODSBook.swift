import Foundation

/// An OpenDocument spreadsheet (.ods, LibreOffice): content.xml's tables, rows and cells, with repeated rows and
/// columns expanded only where they hold values.
struct ODSBook {
    let archive: WorkbookArchive
    let limits: SheetLimits
    var file: String { archive.file }

    func read(sheet asked: String?) throws(SheetError) -> SheetGrid {
        guard let content = try archive.xml("content.xml") else {
            throw SheetError([SheetProblem(file: file, "this zip file is not a workbook", hint: "give the roster as an .xlsx or .ods workbook, or as CSV")])
        }
        guard let spreadsheet = content.child("body")?.child("spreadsheet") else {
            throw SheetError([SheetProblem(file: file, "this OpenDocument file is not a spreadsheet (a text document or a presentation?)",
                                           hint: "give the roster as an .ods or .xlsx workbook, or as CSV")])
        }
        var hiddenStyles = Set<String>()
        for style in content.child("automatic-styles")?.children("style") ?? [] where style.attributes["family"] == "table" {
            if style.child("table-properties")?.attributes["display"] == "false", let name = style.attributes["name"] { hiddenStyles.insert(name) }
        }
        let tables = spreadsheet.children("table")
        let listed = tables.map { table in
            SheetChoosing.Listed(name: table.attributes["name"] ?? "", isHidden: table.attributes["style-name"].map(hiddenStyles.contains) ?? false, hasCells: true)
        }
        let (chosen, choice) = try SheetChoosing.choose(listed, asked: asked, file: file)
        let table = tables[listed.firstIndex { $0.name == chosen.name }!]
        var reader = ODSTable(file: file, sheet: chosen.name, limits: limits)
        let (rows, filled) = try reader.read(table)
        return SheetGrid(file: file, sheet: chosen.name, choice: choice, sheets: listed.map(\.name), rows: rows, filledMerges: filled, uses1904Dates: false)
    }
}

/// One ODS table's rows.
struct ODSTable {
    let file: String
    let sheet: String
    let limits: SheetLimits
    private var rows: [SheetRow] = []
    private var rowNumber = 0
    private var cellCount = 0
    /// Cells spanning several rows: (column, first row, last row, the cell).
    private var spans: [(Int, Int, Int, SheetCell)] = []

    init(file: String, sheet: String, limits: SheetLimits) {
        self.file = file
        self.sheet = sheet
        self.limits = limits
    }

    mutating func read(_ table: XMLNode) throws(SheetError) -> ([SheetRow], [String]) {
        try walk(table)
        var byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        var filled: [String] = []
        for (column, first, last, cell) in spans {
            var any = false
            for r in (first + 1)...last where byNumber[r]?.cells.contains(where: { $0.column == column }) != true {
                cellCount += 1
                if cellCount > limits.cells { throw tooMany() }
                let copy = cell.moved(row: r)
                let existing = byNumber[r]
                byNumber[r] = SheetRow(number: r, isHidden: existing?.isHidden ?? false, cells: ((existing?.cells ?? []) + [copy]).sorted { $0.column < $1.column })
                any = true
            }
            if any { filled.append(CellReference.name(column: column, row: first) + ":" + CellReference.name(column: column, row: last)) }
        }
        return (byNumber.keys.sorted().map { byNumber[$0]! }, filled)
    }

    private func tooMany() -> SheetError {
        SheetError([SheetProblem(file: file, sheet: sheet, "the sheet has more than \(limits.cells) cells, far more than any roster",
                                 hint: "is this the right sheet? Give the roster's sheet with --sheet NAME")])
    }

    /// Rows, in row groups and header rows too.
    private mutating func walk(_ node: XMLNode) throws(SheetError) {
        for child in node.children {
            switch child.name {
            case "table-row": try row(child)
            case "table-header-rows", "table-row-group", "table-rows": try walk(child)
            default: break
            }
            if rowNumber >= CellReference.maximumRow { return }
        }
    }

    private mutating func row(_ node: XMLNode) throws(SheetError) {
        let repeated = max(1, Int(node.attributes["number-rows-repeated"] ?? "1") ?? 1)
        let first = rowNumber + 1
        let hidden = ["collapse", "filter"].contains(node.attributes["visibility"] ?? "")
        var cells: [SheetCell] = []
        var column = 0
        for c in node.children where c.name == "table-cell" || c.name == "covered-table-cell" {
            let times = max(1, Int(c.attributes["number-columns-repeated"] ?? "1") ?? 1)
            guard let cell = cell(c, row: first, column: column + 1) else {
                column += min(times, CellReference.maximumColumn)
                if column >= CellReference.maximumColumn { break }
                continue
            }
            if let span = Int(c.attributes["number-rows-spanned"] ?? "1"), span > CellReader.longestMerge {
                throw SheetError([SheetProblem(file: file, sheet: sheet, "cell \(CellReference.name(column: column + 1, row: first)) is merged over more than \(CellReader.longestMerge) rows, which no roster's cells are",
                                               hint: "unmerge the cells, or give the roster's sheet with --sheet NAME")])
            }
            if let span = Int(c.attributes["number-rows-spanned"] ?? "1"), span > 1, repeated == 1 {
                spans.append((column + 1, first, min(first + span - 1, CellReference.maximumRow), cell))
            }
            for _ in 0..<min(times, CellReference.maximumColumn) {
                column += 1
                guard column <= CellReference.maximumColumn else { break }
                cellCount += repeated
                if cellCount > limits.cells { throw tooMany() }
                cells.append(cell.moved(column: column, row: first))
            }
        }
        if !cells.isEmpty {
            for r in first..<min(first + repeated, CellReference.maximumRow + 1) {
                rows.append(SheetRow(number: r, isHidden: hidden, cells: cells.map { $0.moved(row: r) }))
            }
        }
        rowNumber = min(rowNumber + repeated, CellReference.maximumRow)
    }

    /// A cell's value, nil when it has none (or a problem, recorded).
    private mutating func cell(_ c: XMLNode, row: Int, column: Int) -> SheetCell? {
        guard c.name == "table-cell" else { return nil }
        let reference = CellReference.name(column: column, row: row)
        let shown = c.children("p").map(ODSTable.paragraph).joined(separator: "\n")
        let formula = c.attributes["formula"]
        let isFormula = formula != nil
        let formulaText = formula.map(ODSTable.formulaText)
        if c.qualified["calcext:value-type"] == "error" {
            return unusable(row, column, shown, "cell \(reference) holds the error `\(shown.prefix(20))`" + (isFormula ? " (its formula cannot be worked out)" : ""),
                            hint: isFormula ? "correct the formula, or type the value in the cell" : "type the value in the cell", formula: formulaText)
        }
        func make(_ text: String, _ kind: SheetCell.Kind, betweenCents: Bool = false) -> SheetCell? {
            text.isEmpty ? nil : SheetCell(column: column, row: row, text: text, kind: kind, isFormula: isFormula, formula: formulaText,
                                           isBetweenCents: betweenCents)
        }
        switch c.attributes["value-type"] {
        case "float", "percentage", "currency":
            guard let raw = c.attributes["value"], let number = Double(raw.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                return unusable(row, column, shown, "cell \(reference) is marked as a number but holds `\((c.attributes["value"] ?? shown).prefix(30))`",
                                             hint: "type the number again")
            }
            let (text, between) = CellNumber.text(number)
            return make(text, .number, betweenCents: between)
        case "date":
            guard let iso = c.attributes["date-value"].flatMap(SerialDate.isoPrefix) else {
                return unusable(row, column, shown, "cell \(reference) is marked as a date but holds `\((c.attributes["date-value"] ?? shown).prefix(30))`",
                                             hint: "type the date again, e.g. 2023-12-11")
            }
            return make(iso, .date)
        case "boolean":
            return make(c.attributes["boolean-value"] == "true" ? "TRUE" : "FALSE", .boolean)
        case "string":
            return make(c.attributes["string-value"] ?? shown, .text)
        case nil:
            if isFormula, shown.isEmpty {
                return unusable(row, column, shown, "cell \(reference) holds a formula (`\(formula!.prefix(60))`) whose result the file does not store",
                                hint: "open the workbook in LibreOffice or Excel and save it again (that works the formulas out and stores them), or type the value",
                                formula: formulaText)
            }
            return make(shown, .text)
        default:   // time, and anything newer: the text as shown
            return make(shown, .text)
        }
    }

    private func unusable(_ row: Int, _ column: Int, _ shown: String, _ message: String, hint: String, formula: String? = nil) -> SheetCell {
        SheetCell(column: column, row: row, text: shown, kind: .unusable, formula: formula, problem: (message, hint))
    }

    /// An ODS formula's text without its namespace and `=` (`of:=SUM([.E2:.E12])` is `SUM([.E2:.E12])`).
    static func formulaText(_ formula: String) -> String {
        var text = Substring(formula)
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy(\.isLetter) { text = text[text.index(after: colon)...] }
        if text.hasPrefix("=") { text = text.dropFirst() }
        return String(text)
    }

    /// A paragraph's text: spans and links read through, `text:s` as its spaces, tabs and line breaks as themselves.
    static func paragraph(_ node: XMLNode) -> String {
        var text = ""
        for item in node.items {
            switch item {
            case .text(let t): text += t
            case .element(let e):
                switch e.name {
                case "s": text += String(repeating: " ", count: min(max(1, Int(e.attributes["c"] ?? "1") ?? 1), 1000))
                case "tab": text += "\t"
                case "line-break": text += "\n"
                case "annotation", "note": break
                default: text += paragraph(e)
                }
            }
        }
        return text
    }
}
