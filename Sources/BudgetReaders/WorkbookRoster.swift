import BudgetCore
import SheetReader

/// A workbook's sheet as a source of roster records: one record a row (from the header down), its cells as fields, each
/// field's line the cell's row and its column the cell's column; a place prints as a cell (`roster.xlsx:[Roster]!C7`).
final class SheetRecords: RecordSource {
    private let records: [SourceRecord]
    private var index = 0
    let file: String
    let sheet: String

    init(_ records: [SourceRecord], file: String, sheet: String) {
        self.records = records
        self.file = file
        self.sheet = sheet
    }

    /// The same records read again from the first.
    func again() -> SheetRecords { SheetRecords(records, file: file, sheet: sheet) }

    func next() throws(InputError) -> SourceRecord? {
        guard index < records.count else { return nil }
        defer { index += 1 }
        return records[index]
    }

    /// A sheet has no line of text to show under a message: the cell reference says where.
    func excerpt(line: Int) -> String? { nil }

    func location(line: Int, column: Int) -> SourceLocation { SourceLocation(file: file, sheet: sheet, row: line, column: column) }
}

/// A workbook roster (.xlsx, .ods): one sheet's cells made into roster records (``SheetRecords``), so that every check,
/// message and report applies unchanged.
enum WorkbookRoster {
    /// The columns read as amounts: a cell there must hold whole cents.
    static let amountColumns = Set(RosterColumns.amounts)

    /// The sheet's records from the header down, the problems of the cells read, and the notes on how the sheet was read.
    static func records(_ grid: SheetGrid, mapping: ColumnMapping) -> (records: [SourceRecord], problems: [Diagnostic], notes: [Diagnostic]) {
        func column(of text: String) -> String? {
            let header = text.trimmingWhitespace()
            return mapping.ignores(header) ? nil : mapping.column(forHeader: header) ?? RosterColumns.column(forHeader: header)
        }
        // The header: the first row naming two roster columns (a title above it is skipped), else the first row.
        let headerIndex = grid.rows.firstIndex { row in row.cells.filter { column(of: $0.text) != nil }.count >= 2 } ?? 0
        var notes = [sheetNote(grid)]
        guard grid.rows.indices.contains(headerIndex) else { return ([], [], notes) }
        let above = grid.rows[..<headerIndex]
        if let first = above.first {
            let shown = above.flatMap(\.cells).prefix(3).map { $0.text.quoted }.joined(separator: ", ")
            notes.append(Diagnostic(grid.location(first.number, 0),
                                    "row\(above.count == 1 ? " \(first.number) is" : "s \(above.map { String($0.number) }.joined(separator: ", ")) are") above the header "
                                    + "(row \(grid.rows[headerIndex].number)) and \(above.count == 1 ? "was" : "were") skipped: \(shown)", severity: .note))
        }
        let header = grid.rows[headerIndex]
        // The columns read: those the header names, and those whose name could be several columns (read by their cells).
        let readColumns = Set(header.cells.filter { cell in
            column(of: cell.text) != nil || RosterColumns.resemblances(cell.text.trimmingWhitespace()).count >= 2
        }.map(\.column))
        let columnName = Dictionary(header.cells.compactMap { cell in column(of: cell.text).map { (cell.column, $0) } }, uniquingKeysWith: { a, _ in a })
        var problems: [Diagnostic] = []
        var records: [SourceRecord] = []
        var numberIDs: [SheetCell] = []
        for row in grid.rows[headerIndex...] {
            records.append(record(row, header: header, grid: grid, readColumns: readColumns, columnName: columnName,
                                  problems: &problems, numberIDs: &numberIDs))
        }
        notes += cellNotes(grid, from: headerIndex, numberIDs: numberIDs)
        return (records, problems, notes)
    }

    /// Which sheet was read, and why: named with `--sheet`, named like a roster, or the first.
    private static func sheetNote(_ grid: SheetGrid) -> Diagnostic {
        let choice: String
        switch grid.choice {
        case .named: choice = "named with --sheet"
        case .namedLikeRoster: choice = "its name is like \"Roster\" or \"Participants\""
        case .firstVisible: choice = "the first sheet; none is named like \"Roster\" or \"Participants\""
        }
        let others = grid.sheets.count > 1 ? "; the workbook's sheets: " + grid.sheets.map(\.quoted).joined(separator: ", ") : ""
        return Diagnostic(grid.location(0, 0), "read sheet \(grid.sheet.quoted) (\(choice)\(others))" + (grid.uses1904Dates ? "; dates counted from 1904" : ""),
                          hint: grid.sheets.count > 1 ? "to read another sheet: --sheet NAME" : nil, severity: .note)
    }

    /// A row as a roster record, one field a header column: a header cell's problem is the sheet's, a data cell's
    /// travels with its record (a cell in a column no one reads has none), and an amount must be whole cents.
    private static func record(_ row: SheetRow, header: SheetRow, grid: SheetGrid, readColumns: Set<Int>, columnName: [Int: String],
                               problems: inout [Diagnostic], numberIDs: inout [SheetCell]) -> SourceRecord {
        let width = header.cells.last?.column ?? 0
        let isHeader = row.number == header.number
        var texts = [String](repeating: "", count: width)
        // A data row's cell problems travel with its record: a total row's are not refused (it is no participant).
        var cellProblems: [Diagnostic] = []
        var sumFields: [Int] = []
        for cell in row.cells {
            guard cell.column <= width else {
                cellProblems.append(Diagnostic(grid.location(cell.row, cell.column), "cell \(cell.reference) holds \(cell.text.quoted), but its column has no header",
                                               hint: "give column \(CellReference.columnName(cell.column)) a header in row \(header.number) (it is then listed as not used), or clear the cell"))
                continue
            }
            if !isHeader, let formula = cell.formula, RosterTotals.isSum(formula) { sumFields.append(cell.column - 1) }
            if let problem = cell.problem {
                if isHeader {
                    problems.append(Diagnostic(grid.location(cell.row, cell.column), problem.message, hint: problem.hint))
                } else if readColumns.contains(cell.column) {
                    cellProblems.append(Diagnostic(grid.location(cell.row, cell.column), problem.message, hint: problem.hint))
                }
                continue
            }
            if !isHeader, let name = columnName[cell.column] {
                if cell.isBetweenCents, amountColumns.contains(name) {
                    cellProblems.append(Diagnostic(grid.location(cell.row, cell.column),
                                                   "`\(name)` is \(cell.text.quoted), which is not a whole number of cents (a number cell is read as cents only within 0.000001 of one)",
                                                   hint: "round the amount to cents in the sheet, e.g. =ROUND(…, 2), or type it with at most two decimals"))
                    continue
                }
                if name == "id", cell.kind == .number { numberIDs.append(cell) }
            }
            texts[cell.column - 1] = cell.text
        }
        return SourceRecord(fields: texts.enumerated().map { SourceField(text: $0.element, line: row.number, column: $0.offset + 1) },
                            line: row.number, cellProblems: cellProblems, sumFields: sumFields)
    }

    /// The notes on how the cells were read: ids typed as numbers, hidden rows read, merged cells filled down.
    private static func cellNotes(_ grid: SheetGrid, from headerIndex: Int, numberIDs: [SheetCell]) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if let first = numberIDs.first {
            notes.append(Diagnostic(grid.location(first.row, first.column),
                                    "\(numberIDs.count == 1 ? "an id is" : "\(numberIDs.count) ids are") typed as numbers (\(numberIDs.prefix(3).map { "\($0.reference) \($0.text.quoted)" }.joined(separator: ", "))): "
                                    + "a number keeps no leading zeros, so an id such as 007 would read as 7",
                                    hint: "if an id had leading zeros, format the id column as Text and type the ids again", severity: .note))
        }
        let hidden = grid.rows[headerIndex...].filter(\.isHidden).map(\.number)
        if let first = hidden.first {
            notes.append(Diagnostic(grid.location(first, 0), "row\(hidden.count == 1 ? " \(first) is" : "s \(hidden.prefix(10).map(String.init).joined(separator: ", "))\(hidden.count > 10 ? ", …" : "") are") "
                                    + "hidden in the sheet; \(hidden.count == 1 ? "it was" : "they were") read like every other row",
                                    hint: "delete a row from the sheet to leave its participant out", severity: .note))
        }
        if !grid.filledMerges.isEmpty {
            notes.append(Diagnostic(grid.location(0, 0), "merged cells \(grid.filledMerges.prefix(5).joined(separator: ", ")): the value of each range's first cell was read in every row it covers",
                                    severity: .note))
        }
        return notes
    }
}

private extension SheetGrid {
    /// A cell's place in a message: `roster.xlsx:[Roster]!C7`.
    func location(_ row: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, sheet: sheet, row: row, column: column) }
}

extension RosterReader {
    /// Whether a path names a workbook roster (.xlsx, .xlsm, .ods, or an old .xls, refused with its own message) rather than CSV.
    public static func isWorkbook(_ path: String) -> Bool { SheetFile.isSpreadsheet(path) || path.lowercased().hasSuffix(".xls") }

    /// Reads a workbook roster's bytes (.xlsx, .ods): the sheet `mapping.sheet`, else one named like a roster, else the
    /// first visible one; its cells go through the same checks and messages as a CSV roster's fields.
    public func readRoster(workbook bytes: [UInt8], file: String) throws(InputError) -> Roster {
        let grid: SheetGrid
        do {
            grid = try SheetFile.read(bytes, file: file, sheet: mapping.sheet)
        } catch {
            throw .badData(error.problems.map { problem in
                let place = problem.sheet.map { SourceLocation(file: problem.file, sheet: $0, row: problem.row, column: problem.column) }
                    ?? SourceLocation(file: problem.file, line: problem.row, column: problem.column)
                return Diagnostic(place, problem.message, hint: problem.hint)
            })
        }
        let (records, problems, notes) = WorkbookRoster.records(grid, mapping: mapping)
        let sheet = SheetRecords(records, file: grid.file, sheet: grid.sheet)
        let roster: Roster
        do {
            roster = try RosterStream(reader: self, records: sheet, file: grid.file, delimiter: .cells, ids: .exact([:]), problemLimit: .max,
                                      notes: notes, lines: records.count, again: sheet.again).collect()
        } catch {
            guard case .badData(let more) = error else { throw error }
            // A cell already refused for its own problem (`#N/A`) is not refused again as empty.
            let refused = Set(problems.map { [$0.location.line, $0.location.column] })
            throw .badData(problems + more.filter { !refused.contains([$0.location.line, $0.location.column]) })
        }
        if !problems.isEmpty { throw .badData(problems) }
        var read = roster
        read.sheet = grid.sheet
        return read
    }
}
