/// Where something is written: a line (from 1) and a column (from 1, counted in Unicode code points).
public struct TOMLPosition: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A calendar date as written, `YYYY-MM-DD`.
public struct TOMLDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
}

/// A time of day, `HH:MM:SS` with an optional fraction of a second (kept to the nanosecond).
public struct TOMLTime: Hashable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let nanosecond: Int

    public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// `HH:MM:SS`, then the fraction without trailing zeros when there is one.
    public var description: String {
        var text = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if nanosecond > 0 {
            var fraction = pad(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// One value of a TOML document, with where it is written.
public struct TOMLValue: Sendable {
    /// What the value is.
    public indirect enum Kind: Sendable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        /// A date and time with an offset from UTC, in minutes (`Z` is 0).
        case offsetDateTime(TOMLDate, TOMLTime, offsetMinutes: Int)
        case localDateTime(TOMLDate, TOMLTime)
        case localDate(TOMLDate)
        case localTime(TOMLTime)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    public let kind: Kind
    /// Where the value starts: its first character (a quote, `[`, `{`, a digit…); for a table made by a
    /// header, the header's `[`; for an array of tables, its first `[[`.
    public let position: TOMLPosition
    /// The value exactly as written, for scalars (a number's digits and underscores, a string with its
    /// quotes); nil for arrays and tables. A float's text lets a reader take its digits exactly.
    public let text: String?

    public init(_ kind: Kind, at position: TOMLPosition, text: String? = nil) {
        self.kind = kind
        self.position = position
        self.text = text
    }

    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    public var integer: Int64? { if case .integer(let n) = kind { n } else { nil } }
    public var float: Double? { if case .float(let x) = kind { x } else { nil } }
    public var bool: Bool? { if case .boolean(let b) = kind { b } else { nil } }
    /// A local date (`2023-12-12`); nil for a date-time.
    public var localDate: TOMLDate? { if case .localDate(let d) = kind { d } else { nil } }
    public var array: [TOMLValue]? { if case .array(let items) = kind { items } else { nil } }
    public var table: TOMLTable? { if case .table(let t) = kind { t } else { nil } }
}

/// A table: its keys in the order written, each with where the key is written and its value.
public struct TOMLTable: Sendable {
    /// How a key came to be in its table.
    public enum Form: Sendable, Hashable {
        /// `key = value`, the last part of a dotted key included.
        case keyValue
        /// A table made by the leading parts of a dotted key (`a` and `b` in `a.b.c = 1`).
        case dottedKey
        /// A `[table]` or `[[array]]` header, or a table a header names on its way (`a` in `[a.b]`).
        case header
    }

    /// One key of the table.
    public struct Entry: Sendable {
        public let key: String
        /// Where the key (this part of a dotted key, or of a header's name) is written.
        public let keyPosition: TOMLPosition
        public let form: Form
        public let value: TOMLValue

        public init(key: String, keyPosition: TOMLPosition, form: Form, value: TOMLValue) {
            self.key = key
            self.keyPosition = keyPosition
            self.form = form
            self.value = value
        }
    }

    /// The keys in the order first written.
    public let entries: [Entry]
    private let index: [[UInt8]: Int]

    public init(entries: [Entry]) {
        self.entries = entries
        var index: [[UInt8]: Int] = [:]
        for (i, entry) in entries.enumerated() { index[Array(entry.key.utf8)] = i }
        self.index = index
    }

    /// The keys in the order written.
    public var keys: [String] { entries.map(\.key) }

    /// The entry of a key, compared code point by code point (not by Unicode equivalence).
    public func entry(_ key: String) -> Entry? { index[Array(key.utf8)].map { entries[$0] } }

    public subscript(key: String) -> TOMLValue? { entry(key)?.value }
}
