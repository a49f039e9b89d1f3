/// The paper a workbook prints on.
public enum Paper: String, Hashable, Sendable, CaseIterable {
    case a4, letter

    /// Width and height in points, portrait.
    public var size: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.3, 841.9)
        case .letter: return (612, 792)
        }
    }
}

/// How a sheet prints.
public struct PrintSetup: Hashable, Sendable {
    public var paper: Paper = .a4
    public var landscape: Bool
    /// The print scale in percent (75...100): the page width fitted only within a legible scale.
    public var scale: Int = 100
    /// The page header's text (right), e.g. what the sheet shows; the left part names the event(s).
    public var header: String
    /// The page header's left part: the event(s).
    public var headerLeft: String = ""
    /// The page footer's text (centred); `&P of &N` prints page numbers.
    public var footer: String
    /// The page footer's left part: the prepared date.
    public var footerLeft: String = ""
    /// Rows printed at the top of every page (the table header), as 0-based first and last row.
    public var repeatRows: ClosedRange<Int>?
    /// Columns printed at the left of every page across (the participant's id), as 0-based first and last column.
    public var repeatColumns: ClosedRange<Int>?
    /// Rows a new page starts at (so that a chart never straddles a page break); ``Sheet/layOutForPrint(paper:headerLeft:footerLeft:)``
    /// adds every other page's first row where ``breaksPages``.
    public var pageBreaks: [Int] = []
    /// Whether the layout chooses every page's first row (keeping headings with their tables); false for a sheet whose
    /// rows are not known when it is set up (a roster written as a stream): the program breaks its pages.
    public var breaksPages = true
    /// Whether the sheet's frozen header rows print again at the top of every page (not on a page of charts).
    public var repeatsHeader = true
    /// Columns a new page across starts at (the first column of each page after the first, left to right).
    public var columnBreaks: [Int] = []

    public init(landscape: Bool = true, header: String, footer: String = "Page &P of &N") {
        self.landscape = landscape
        self.header = header
        self.footer = footer
    }
}

/// A chart drawn on a sheet from ranges of the workbook.
public struct Chart: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case clusteredColumns
        case stackedColumns
        case pie
    }

    /// One series: its name and the formula ranges of its categories and values (`=Caps!$A$2:$A$20`).
    public struct Series: Hashable, Sendable {
        public var name: String
        public var categories: String
        public var values: String

        public init(name: String, categories: String, values: String) {
            self.name = name
            self.categories = categories
            self.values = values
        }
    }

    public var kind: Kind
    public var title: String
    public var series: [Series]
    /// The top-left cell it is drawn at.
    public var anchor: CellAddress
    /// Axis titles (ignored by pies).
    public var categoryAxis: String
    public var valueAxis: String

    public init(kind: Kind, title: String, series: [Series], anchor: CellAddress, categoryAxis: String = "", valueAxis: String = "") {
        self.kind = kind
        self.title = title
        self.series = series
        self.anchor = anchor
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
    }
}

/// One worksheet: cells by address, column widths, frozen header, filter, print setup and charts.
public struct Sheet: Hashable, Sendable {
    public var name: String
    /// Cells by address; written row by row, left to right.
    public private(set) var cells: [CellAddress: Cell] = [:]
    /// Column widths in characters, by column index.
    public var columnWidths: [Int: Double] = [:]
    /// Rows kept on screen when scrolling (the header rows).
    public var frozenRows: Int = 0
    /// Columns kept on screen when scrolling.
    public var frozenColumns: Int = 0
    /// The range with filter buttons on its first row.
    public var autofilter: CellRange?
    public var printSetup: PrintSetup?
    public var charts: [Chart] = []
    /// Row heights in points, by row index (rows with wrapped text; others keep the default).
    public var rowHeights: [Int: Double] = [:]
    /// Ranges merged into one cell (a note spanning a table's width); the first cell holds the text.
    public var merges: [CellRange] = []
    /// Rows that print on one page (a small table with its heading), beside the headings kept with their first rows.
    public var keepTogether: [ClosedRange<Int>] = []
    /// Input checks on ranges of cells.
    public var validations: [Validation] = []
    /// Marks on ranges of cells that need a look.
    public var conditionalFormats: [ConditionalFormat] = []
    /// Protected: only input cells can be changed (no password; sorting and filtering allowed).
    public var protected = false
    /// Hidden: kept for whoever opens the file (Format › Sheet › Show), never printed (the preparer's notes).
    public var hidden = false

    public init(name: String) { self.name = name }

    /// Puts a cell at a row and column (0-based).
    public mutating func set(_ row: Int, _ column: Int, _ cell: Cell) {
        cells[CellAddress(row: row, column: column)] = cell
    }

    /// The cell at a row and column, if any.
    public func cell(_ row: Int, _ column: Int) -> Cell? { cells[CellAddress(row: row, column: column)] }

    /// Cells in writing order: by row, then column.
    public var orderedCells: [(CellAddress, Cell)] {
        cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// This sheet's name as a formula writes it, with `!`: `'Roster jeju-2018'!`.
    public var reference: String { quotedSheetName(name) + "!" }
}

/// A name for a range that formulas use instead of its address (`Caps_jeju_2018`).
public struct DefinedName: Hashable, Sendable {
    public var name: String
    /// What it refers to, e.g. `=Caps!$B$3:$C$20`.
    public var formula: String

    public init(name: String, formula: String) {
        self.name = name
        self.formula = formula
    }
}

/// The document properties a spreadsheet program shows under File › Properties.
public struct DocumentProperties: Hashable, Sendable {
    public var title: String
    public var subject: String
    public var author: String
    public var company: String
    public var comments: String
    /// Creation time in seconds since 1970-01-01 UTC: from the inputs, never the clock, so the bytes repeat.
    public var created: Int64

    public init(title: String, subject: String, author: String, company: String, comments: String, created: Int64) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.comments = comments
        self.created = created
    }
}

/// A whole workbook as values: what a writer turns into a file.
public struct Workbook: Hashable, Sendable {
    public var sheets: [Sheet]
    public var definedNames: [DefinedName]
    public var properties: DocumentProperties

    public init(sheets: [Sheet], definedNames: [DefinedName], properties: DocumentProperties) {
        self.sheets = sheets
        self.definedNames = definedNames
        self.properties = properties
    }

    /// The sheet with a name.
    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
}

/// Where a sheet's rows go as they are made: into a ``Sheet`` kept in memory, or straight to a file (the xlsx writer in
/// constant-memory mode), for a sheet too big to keep.
public protocol RowSink {
    /// One row's cells (0-based row; a stream takes the rows of a sheet in increasing order).
    mutating func write(row: Int, _ cells: [(column: Int, cell: Cell)]) throws
}

extension Sheet: RowSink {
    /// Keeps the row's cells in the sheet.
    public mutating func write(row: Int, _ cells: [(column: Int, cell: Cell)]) {
        for (column, cell) in cells { set(row, column, cell) }
    }
}
