/// What a cell is for; a writer turns each style into one format (bold headers, money, inputs…).
public struct CellStyle: Hashable, Sendable {
    /// The cell's part in a table.
    public enum Role: String, Hashable, Sendable, CaseIterable {
        /// A sheet's title line.
        case title
        /// A column header: bold, shaded.
        case head
        /// An ordinary line.
        case item
        /// A subtotal or total: bold, ruled above.
        case total
        /// A value the reader may change (a planning assumption, a fare): shaded as an input.
        case input
        /// Explanatory text in italics.
        case note
    }

    /// How the cell's number reads.
    public enum Number: Hashable, Sendable {
        /// Text, or a number shown as is.
        case general
        /// US dollars: `$#,##0.00`.
        case usd
        /// Whole units of a local currency: `₩#,##0` for KRW.
        case local(currency: String)
        /// An amount in another currency with two decimals and its code: `#,##0.00 "THB"` (a fare as quoted).
        case quoted(currency: String)
        /// A whole count: `#,##0`.
        case count
        /// An exchange rate with up to four decimals.
        case rate
        /// A share: `0.00%`.
        case percent
        /// A variance in percent of the plan, as a number with one decimal and a sign: `+3.3`, `-100.0`.
        case percentagePoints
        /// Text that must stay text when edited (the text number format `@`).
        case text
    }

    public var role: Role
    public var number: Number
    /// Long text wraps within the column (headers and notes always wrap).
    public var wrap: Bool
    /// Centred in its column (a flag's letters, set apart from the figures beside them).
    public var centered: Bool

    public init(_ role: Role, _ number: Number = .general, wrap: Bool = false, centered: Bool = false) {
        self.role = role
        self.number = number
        self.wrap = wrap
        self.centered = centered
    }

    /// Whether the text wraps within its cell.
    public var wraps: Bool { wrap || role == .head || role == .note }

    public static let title = CellStyle(.title)
    public static let head = CellStyle(.head)
    public static let item = CellStyle(.item)
    public static let note = CellStyle(.note)
}

/// A formula's result as the writing program computed it, stored beside the formula for viewers that do not recalculate.
public enum CachedResult: Hashable, Sendable {
    case number(Double)
    case text(String)
}

/// The content of one cell.
public enum CellValue: Hashable, Sendable {
    /// Text, always written as a string, never read as a formula.
    case text(String)
    case number(Double)
    /// A formula without the leading `=`, with its cached result.
    case formula(String, cached: CachedResult)
    /// A styled cell with nothing in it.
    case blank
}

/// One cell: its value and style.
public struct Cell: Hashable, Sendable {
    public var value: CellValue
    public var style: CellStyle

    public init(_ value: CellValue, _ style: CellStyle = .item) {
        self.value = value
        self.style = style
    }

    /// Text in a cell.
    public static func text(_ text: String, _ style: CellStyle = .item) -> Cell { Cell(.text(text), style) }

    /// A number in a cell.
    public static func number(_ number: Double, _ style: CellStyle = .item) -> Cell { Cell(.number(number), style) }

    /// A formula (without `=`) and its cached number.
    public static func formula(_ formula: String, _ cached: Double, _ style: CellStyle = .item) -> Cell {
        Cell(.formula(formula, cached: .number(cached)), style)
    }
}
