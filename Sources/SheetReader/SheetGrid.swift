/// One sheet of a spreadsheet file (.xlsx or .ods) read as rows of cells, each cell with its reference and its text as a
/// roster reader should see it. Knows nothing of rosters: the columns' meaning is the reader's.
public struct SheetGrid: Sendable {
    /// The file, as messages name it.
    public let file: String
    /// The sheet that was read.
    public let sheet: String
    /// Why that sheet was read.
    public let choice: SheetChoice
    /// Every sheet of the workbook, in order, hidden ones included.
    public let sheets: [String]
    /// The rows that hold at least one value, top to bottom (empty rows are left out; their numbers tell the gaps).
    public let rows: [SheetRow]
    /// Merged ranges that cover several rows (`B5:B7`): their value was read in each row they cover.
    public let filledMerges: [String]
    /// `true` when the workbook counts dates from 1904 (old Mac Excel) rather than 1900.
    public let uses1904Dates: Bool

    /// Where a cell is, as messages give it: `roster.xlsx [Roster]!C7`.
    public func place(_ reference: String) -> String { "\(file) [\(sheet)]!\(reference)" }
    /// The rows hidden in the sheet (read all the same).
    public var hiddenRows: [Int] { rows.filter(\.isHidden).map(\.number) }
}

/// Why a sheet was read.
public enum SheetChoice: String, Sendable, Equatable {
    /// Named by the user (`--sheet NAME`).
    case named
    /// Its name is like "Roster" or "Participants".
    case namedLikeRoster
    /// No sheet is named like a roster: the first sheet that is not hidden.
    case firstVisible
}

/// One row with at least one value.
public struct SheetRow: Sendable, Equatable {
    /// The row's number in the sheet (1-based), as the spreadsheet program shows it.
    public let number: Int
    /// Hidden in the sheet (by the user or a filter); read all the same.
    public let isHidden: Bool
    /// The row's cells that hold a value, left to right.
    public let cells: [SheetCell]
}

/// One cell with a value.
public struct SheetCell: Sendable, Equatable {
    /// What the cell held in the file.
    public enum Kind: String, Sendable, Equatable {
        /// Text (shared, inline, or a formula's text result); numbers stored as text are text.
        case text
        /// A number, given as exact decimal text (`1120.5`, `42`: no `.0`, no rounding that could change a cent).
        case number
        /// A date (a serial number under a date format, or an ODS date), given as `YYYY-MM-DD`.
        case date
        /// TRUE or FALSE.
        case boolean
        /// A value no roster can use (an error such as `#N/A`, a formula without a stored result, a date that never was):
        /// `problem` says why. Only a column the reader reads makes it an error.
        case unusable
    }

    /// 1-based column (A = 1).
    public let column: Int
    /// 1-based row.
    public let row: Int
    /// The cell's text as the roster reader should see it.
    public let text: String
    public let kind: Kind
    /// The value is a formula's stored result.
    public let isFormula: Bool
    /// The formula's text without its `=` (`SUM(E2:E12)`), when the file gives it; a cell that shares another cell's formula
    /// gives that cell's text (the same functions; its references are not shifted).
    public let formula: String?
    /// A number that is not within 1e-6 of a whole cent (its text then has more than two decimals).
    public let isBetweenCents: Bool
    /// Why an unusable cell cannot be read, and how to fix it.
    public let problem: (message: String, hint: String)?

    public init(column: Int, row: Int, text: String, kind: Kind, isFormula: Bool = false, formula: String? = nil, isBetweenCents: Bool = false,
                problem: (message: String, hint: String)? = nil) {
        self.column = column
        self.row = row
        self.text = text
        self.kind = kind
        self.isFormula = isFormula || formula != nil
        self.formula = formula
        self.isBetweenCents = isBetweenCents
        self.problem = problem
    }

    /// The same cell in another row (a merged range filled down, a repeated ODS row).
    func moved(column: Int? = nil, row: Int) -> SheetCell {
        SheetCell(column: column ?? self.column, row: row, text: text, kind: kind, isFormula: isFormula, formula: formula, isBetweenCents: isBetweenCents,
                  problem: problem)
    }

    public static func == (a: SheetCell, b: SheetCell) -> Bool {
        (a.column, a.row, a.text, a.kind, a.isFormula, a.isBetweenCents) == (b.column, b.row, b.text, b.kind, b.isFormula, b.isBetweenCents)
            && a.formula == b.formula && a.problem?.message == b.problem?.message
    }

    /// `C7`.
    public var reference: String { CellReference.name(column: column, row: row) }
}

/// A problem with a spreadsheet file: where (the file, or a sheet, or a cell), what, and how to fix it.
public struct SheetProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// The sheet, when the problem is in one.
    public let sheet: String?
    /// The cell's row and column (1-based); 0 when the problem is not in one cell.
    public let row: Int
    public let column: Int
    public let message: String
    public let hint: String

    public init(file: String, sheet: String? = nil, row: Int = 0, column: Int = 0, _ message: String, hint: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `roster.xlsx [Roster]!C7`, `roster.xlsx [Roster]` or `roster.xlsx`.
    public var place: String {
        guard let sheet else { return file }
        return row > 0 && column > 0 ? "\(file) [\(sheet)]!\(CellReference.name(column: column, row: row))" : "\(file) [\(sheet)]"
    }

    public var description: String { "\(place): error: \(message)\n    hint: \(hint)" }
}

/// Why a spreadsheet file could not be read: every problem found (a damaged file stops at the first).
public struct SheetError: Error, Sendable, CustomStringConvertible {
    public let problems: [SheetProblem]

    public init(_ problems: [SheetProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The bounds within which a spreadsheet file is read: a file beyond them is refused, never read at any cost.
public struct SheetLimits: Sendable {
    /// The most parts (zip entries) a workbook may have.
    public var entries: Int
    /// The most bytes the parts read may unpack to, all together (a zip bomb unpacks to far more).
    public var unpackedBytes: Int
    /// The most cells read (an ODS row or cell can say "repeated 1,000,000 times").
    public var cells: Int

    public init(entries: Int, unpackedBytes: Int, cells: Int) {
        self.entries = entries
        self.unpackedBytes = unpackedBytes
        self.cells = cells
    }

    /// Far above a roster of 10,000 participants (about 8 MB of sheet XML, 200,000 cells).
    public static let standard = SheetLimits(entries: 10_000, unpackedBytes: 200_000_000, cells: 1_000_000)
}

/// Why a value or a part could not be read, in plain words.
struct Reason: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
