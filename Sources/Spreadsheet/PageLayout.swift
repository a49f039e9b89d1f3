/// An input check on a range of cells, with the messages a reader sees in plain words.
public struct Validation: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        /// One of these values, from a dropdown.
        case list([String])
        /// A number between two bounds.
        case decimal(ClosedRange<Double>)
        /// A whole number between two bounds.
        case whole(ClosedRange<Int>)
    }

    public var range: CellRange
    public var rule: Rule
    public var inputTitle: String
    public var inputMessage: String
    public var errorMessage: String

    public init(range: CellRange, rule: Rule, inputTitle: String, inputMessage: String, errorMessage: String) {
        self.range = range
        self.rule = rule
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorMessage = errorMessage
    }
}

/// A mark on the cells of a range where a formula (written for the range's first cell) is true.
public struct ConditionalFormat: Hashable, Sendable {
    public enum Mark: Hashable, Sendable {
        /// Amber ground: worth a look.
        case attention
        /// Red text on a pink ground: a problem.
        case problem
    }

    public var range: CellRange
    /// The condition for the range's first cell, without `=` (e.g. `J2>0`).
    public var formula: String
    public var mark: Mark

    public init(range: CellRange, formula: String, mark: Mark) {
        self.range = range
        self.formula = formula
        self.mark = mark
    }
}

/// Widths and heights as a spreadsheet program lays them out: widths in characters of the default font (Calibri 11: a digit is
/// 7 pixels), the text itself in 10 point (titles 14), so that a long table fits its page at a legible scale.
public enum PageMetrics {
    /// The default column width in characters.
    public static let defaultWidth = 8.43
    /// The size of body text, in points (at least 8, and at least 6 on paper at the smallest scale, 75 %).
    public static let bodySize = 10.0
    /// The size of a sheet's title, in points.
    public static let titleSize = 14.0
    /// The height of a line of body text, and the default row height, in points.
    public static let rowHeight = 12.75
    /// Left and right margins in inches; top and bottom leave room for the header and footer.
    public static let margins = (left: 0.5, right: 0.5, top: 0.6, bottom: 0.6)

    /// A column width in characters as points.
    public static func points(width: Double) -> Double {
        let pixels = width < 1 ? width * 12 : width * 7 + 5
        return pixels * 0.75
    }

    /// How many lines a text takes in a column of a width (characters), wrapped at spaces.
    public static func lines(_ text: String, width: Double, bold: Bool = false) -> Int {
        // Ordinary text averages a little less than a digit's width, bold about a digit's; a character's slack for the padding.
        let capacity = max(1, Int(((width - 1) * (bold ? 1.0 : 1.15)).rounded(.down)))
        var text = text
        // Most texts are ASCII without a carriage return: one character a byte, so the bytes give the same count, quicker.
        if let lines = text.withUTF8({ bytes in
            bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? wrappedLines(bytes, capacity: capacity, newline: 0x0A, space: 0x20) : nil
        }) { return lines }
        return wrappedLines(text, capacity: capacity, newline: "\n", space: " ")
    }

    /// The lines of a text given as characters (or as bytes, one a character): paragraphs at each newline, each wrapped at
    /// spaces within `capacity` characters, a word longer than a line broken where it must.
    static func wrappedLines<Text: Collection>(_ text: Text, capacity: Int, newline: Text.Element, space: Text.Element) -> Int
    where Text.Element: Equatable {
        var count = 1, line = 0, word = 0
        func endWord() {
            guard word > 0 else { return }
            if line == 0 {
                line = word
            } else if line + 1 + word <= capacity {
                line += 1 + word
            } else {
                count += 1
                line = word
            }
            while line > capacity {
                count += 1
                line -= capacity
            }
            word = 0
        }
        for unit in text {
            if unit == newline {
                endWord()
                count += 1
                line = 0
            } else if unit == space {
                endWord()
            } else {
                word += 1
            }
        }
        endWord()
        return count
    }
}

extension Sheet {
    /// A column's width in characters (the default where none is set).
    public func width(_ column: Int) -> Double { columnWidths[column] ?? PageMetrics.defaultWidth }

    /// The last column with a cell (or -1).
    public var lastColumn: Int { max(cells.keys.map(\.column).max() ?? -1, columnWidths.keys.max() ?? -1) }

    /// Lays a sheet out for print: a note or title alone at the end of its row spans the table's width (merged, wrapped);
    /// every row with wrapped text gets the height its lines need; the page is portrait when the table fits its width,
    /// landscape otherwise, at the largest scale from 100 % down to 75 % that fits the width (wider tables print on further
    /// pages across, still legible); the header rows repeat on every page.
    public mutating func layOutForPrint(paper: Paper, headerLeft: String, footerLeft: String) {
        guard var setup = printSetup else { return }
        let last = lastColumn
        let byRow = Dictionary(grouping: cells.keys, by: \.row)
        let chartWidth = charts.isEmpty ? 0 : ChartSize.width * 0.75
        var tableWidth = (0...max(last, 0)).reduce(0.0) { $0 + PageMetrics.points(width: width($1)) }
        // Six percent to spare: a spreadsheet program pads a column's width and measures the font a little differently.
        tableWidth = max(tableWidth * 1.06, chartWidth)
        let printable = { (landscape: Bool) -> Double in
            (landscape ? paper.size.height : paper.size.width) - (PageMetrics.margins.left + PageMetrics.margins.right) * 72
        }
        setup.paper = paper
        setup.landscape = tableWidth > printable(false)
        setup.scale = max(75, min(100, Int((printable(setup.landscape) / max(tableWidth, 1) * 100).rounded(.down))))
        // Notes and titles alone at the end of their rows span the table (at most a printed page's width).
        // (A tenth to spare: a spreadsheet program's widths differ a little from these.)
        let pageWidth = printable(setup.landscape) * 100 / Double(setup.scale) * 0.9
        for (row, addresses) in byRow.sorted(by: { $0.key < $1.key }) {
            guard let first = addresses.min(by: { $0.column < $1.column }), addresses.count == 1,
                  let cell = cells[first], cell.style.role == .note || cell.style.role == .title,
                  case .text(let text) = cell.value, first.column < last,
                  !merges.contains(where: { $0.first.row <= row && row <= $0.last.row }) else { continue }
            var end = first.column
            var span = PageMetrics.points(width: width(end))
            while end < last, span + PageMetrics.points(width: width(end + 1)) <= pageWidth {
                end += 1
                span += PageMetrics.points(width: width(end))
            }
            let chars = (0...(end - first.column)).reduce(0.0) { $0 + width(first.column + $1) } + Double(end - first.column)
            // A title's characters are wider than the body's the widths are counted in.
            let needed = Double(text.count) * (cell.style.role == .title ? PageMetrics.titleSize / PageMetrics.bodySize : 1)
            if end > first.column, PageMetrics.lines(text, width: width(first.column)) > 1 || needed > chars {
                merges.append(CellRange(first, CellAddress(row: row, column: end)))
                // The merged cell wraps: a text longer than the page's width goes on to a second line, never cut.
                if !cell.style.wraps {
                    var wrapped = cell
                    wrapped.style.wrap = true
                    set(row, first.column, wrapped)
                }
            }
        }
        // Text too long for its column with a neighbour on its right would be cut: it wraps instead.
        for (address, cell) in cells {
            guard case .text(let text) = cell.value, !cell.style.wraps, cell.style.role != .title,
                  cells[CellAddress(row: address.row, column: address.column + 1)] != nil,
                  !merges.contains(where: { $0.first == address }),
                  PageMetrics.lines(text, width: width(address.column), bold: cell.style.role == .total) > 1 else { continue }
            var wrapped = cell
            wrapped.style.wrap = true
            set(address.row, address.column, wrapped)
        }
        // Heights of rows with wrapped text: the most lines of any of its cells.
        for (row, addresses) in byRow {
            var height = 0.0
            for address in addresses {
                guard let cell = cells[address], case .text(let text) = cell.value else { continue }
                let size = cell.style.role == .title ? PageMetrics.titleSize : PageMetrics.bodySize
                let lineHeight = size * PageMetrics.rowHeight / PageMetrics.bodySize
                var chars = width(address.column)
                // A cell merged over several rows is as high as those rows: the sheet gave it as many as its lines need.
                if merges.contains(where: { $0.first == address && $0.last.row > $0.first.row }) { continue }
                if let merge = merges.first(where: { $0.first == address }) {
                    chars = (merge.first.column...merge.last.column).reduce(0.0) { $0 + width($1) } + Double(merge.last.column - merge.first.column)
                }
                let wraps = cell.style.wraps || merges.contains { $0.first == address }
                let lines = wraps ? PageMetrics.lines(text, width: chars * 11 / size, bold: cell.style.role == .head || cell.style.role == .total) : 1
                height = max(height, Double(lines) * lineHeight)
            }
            if height > PageMetrics.rowHeight { rowHeights[row] = rowHeights[row].map { max($0, height) } ?? height }
        }
        if frozenRows > 0, setup.repeatRows == nil { setup.repeatRows = 0...(frozenRows - 1) }
        if frozenColumns > 0, tableWidth * Double(setup.scale) / 100 > printable(setup.landscape), setup.repeatColumns == nil {
            setup.repeatColumns = 0...(frozenColumns - 1)
        }
        if !setup.repeatsHeader { setup.repeatRows = nil }
        setup.headerLeft = headerLeft
        setup.footerLeft = footerLeft
        if setup.breaksPages, let breaks = pageBreaks(setup) { setup.pageBreaks = breaks }
        printSetup = setup
    }

    /// The first row of every printed page but the first, chosen here rather than by the spreadsheet program so that a
    /// heading, a table's header row and the notes or title just above them stay on the page of the table's first rows
    /// (``keepTogether`` and every run of header or title rows), and the breaks a sheet asks for (a chart's page) are kept.
    /// Each page is filled to 97 % of what it holds at the sheet's scale, so the program, which measures a little
    /// differently, never breaks a page earlier than these. Nil when there would be more than 1,000 pages (a program's limit).
    func pageBreaks(_ setup: PrintSetup) -> [Int]? {
        let m = PageMetrics.margins
        let paperHeight = setup.landscape ? setup.paper.size.width : setup.paper.size.height
        let capacity = (paperHeight - (m.top + m.bottom) * 72) * 100 / Double(setup.scale) * 0.97
        func height(_ row: Int) -> Double { rowHeights[row] ?? PageMetrics.rowHeight }
        let repeated = setup.repeatRows.map { $0.reduce(0.0) { $0 + height($1) } } ?? 0
        let chartEnd = charts.map { $0.anchor.row + ChartSize.rows }.max() ?? 0
        let last = max(cells.keys.map(\.row).max() ?? 0, chartEnd)
        let keeps = keepBlocks(setup)
        let forced = Set(setup.pageBreaks)
        var breaks: [Int] = []
        var used = 0.0, pageStart = 0
        func newPage(at row: Int) {
            breaks.append(row)
            pageStart = row
            used = (setup.repeatRows.map { $0.upperBound < row } ?? false) ? repeated : 0
        }
        // The notes that end a sheet may fill its last page to the full: the program fits them there too (a page of a lone
        // note is worse than a page filled to the brim; were the program to break before them, they would be alone anyway).
        var figureRows = Set<Int>()
        for (address, cell) in cells where cell.style.role != .note { figureRows.insert(address.row) }
        var notesFrom = last + 1
        while notesFrom > 0, !figureRows.contains(notesFrom - 1), charts.allSatisfy({ $0.anchor.row + ChartSize.rows < notesFrom - 1 }) {
            notesFrom -= 1
        }
        let tail = notesFrom > last ? 0 : (notesFrom...last).reduce(0.0) { $0 + height($1) }
        var row = 0
        while row <= last {
            if row > 0, forced.contains(row), row != pageStart { newPage(at: row) }
            if row == notesFrom, !forced.contains(where: { $0 > row }), used + tail <= capacity / 0.97 * 0.995 {
                break
            }
            if let end = keeps[row], row != pageStart {
                let block = (row...end).reduce(0.0) { $0 + height($1) }
                if used + block > capacity && block + repeated <= capacity { newPage(at: row) }
            }
            let h = height(row)
            if used + h > capacity, row != pageStart { newPage(at: row) }
            used += h
            row += 1
            if breaks.count > 1_000 { return nil }
        }
        return breaks
    }

    /// Rows that print on one page, by their first row: each explicit ``keepTogether`` range, and each run of header or
    /// title rows with the title or note rows just above it and the two rows after it (a heading with its first rows).
    func keepBlocks(_ setup: PrintSetup) -> [Int: Int] {
        var byRow: [Int: [Cell]] = [:]
        for (address, cell) in cells { byRow[address.row, default: []].append(cell) }
        func isHeading(_ row: Int) -> Bool {
            guard let cells = byRow[row], !cells.isEmpty else { return false }
            return cells.allSatisfy { $0.style.role == .head || $0.style.role == .title }
        }
        func isLead(_ row: Int) -> Bool {
            guard let cells = byRow[row], !cells.isEmpty else { return false }
            return cells.allSatisfy { $0.style.role == .head || $0.style.role == .title || $0.style.role == .note }
        }
        var blocks: [Int: Int] = [:]
        func keep(_ range: ClosedRange<Int>) { blocks[range.lowerBound] = max(blocks[range.lowerBound] ?? range.upperBound, range.upperBound) }
        for range in keepTogether { keep(range) }
        // A chart's rows, never across a page break.
        for chart in charts { keep(chart.anchor.row...(chart.anchor.row + ChartSize.rows - 1)) }
        let repeatedRows = setup.repeatRows.map { $0.lowerBound ..< $0.upperBound + 1 } ?? 0 ..< 0
        for row in byRow.keys.sorted() where isHeading(row) && !isHeading(row - 1) && !repeatedRows.contains(row) {
            var start = row
            while start > 0, start > row - 4, isLead(start - 1), !repeatedRows.contains(start - 1) { start -= 1 }
            var end = row
            while isHeading(end + 1) { end += 1 }
            var following = 0
            while following < 2, byRow[end + 1] != nil { end += 1; following += 1 }
            keep(start...end)
        }
        return blocks
    }
}

/// The size a chart is drawn at, in pixels: within a landscape page's width and half its height at the smallest scale.
public enum ChartSize {
    public static let width = 720.0
    public static let height = 330.0
    /// Rows of the default height a chart covers (and one spare).
    public static var rows: Int { Int((height * 0.75 / PageMetrics.rowHeight).rounded(.up)) + 1 }
}
