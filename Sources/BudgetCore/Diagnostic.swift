/// One problem found in an input (or a note about how it was read), with where it is and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether the input was refused (`error`), read with something that looks wrong in it (`warning`, e.g. a sheet's total
    /// that is not the sum of its rows), or read with something the reader must know (`note`).
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    public let location: SourceLocation
    public let message: String
    /// The offending line of input, shown with a caret under the column.
    public let excerpt: String?
    public let hint: String?
    public let severity: Severity
    /// What makes this problem the same as others whose words differ (each ambiguous date names its own date): problems
    /// with the same cause have the same fix and are told once (``DiagnosticGroups``). Nil: only a problem with the very
    /// same message and hint is the same.
    public let cause: Cause?
    /// The other rows with the same problem, when this diagnostic is the first of a group.
    public internal(set) var repeats: Repeats?

    public init(_ location: SourceLocation, _ message: String, excerpt: String? = nil, hint: String? = nil,
                severity: Severity = .error, cause: Cause? = nil) {
        self.location = location
        self.message = message
        self.excerpt = excerpt
        self.hint = hint
        self.severity = severity
        self.cause = cause
    }

    /// What problems with different words have in common, and what they are in a message (`dates`).
    public struct Cause: Hashable, Sendable {
        /// Problems with the same key have the same cause and the same fix.
        public let key: String
        /// What each problem is about, in the plural: `dates`, `amounts`.
        public let things: String

        public init(_ key: String, things: String) {
            self.key = key
            self.things = things
        }
    }

    /// How many problems a group holds and on which lines (a sheet's rows).
    public struct Repeats: Hashable, Sendable {
        /// The problems in the group, the first one included.
        public internal(set) var count = 1
        /// The lines they are on, the first one included.
        public internal(set) var lines: LineRanges
        /// Whether every problem in the group has the first one's message.
        public internal(set) var sameMessage = true
    }

    /// The message as printed: a group's says on how many rows, and which.
    public var fullMessage: String {
        guard let repeats, repeats.count > 1 else { return message }
        let lines = repeats.lines.described(sheet: location.sheet != nil)
        if repeats.sameMessage {
            let rows = counted(repeats.lines.count, "row")
            return message.contains(": ") || message.contains("?") ? "\(message); the same on \(rows): \(lines)" : "\(message) on \(rows) (\(lines))"
        }
        return "\(message); \(repeats.count) \(cause?.things ?? "problems") alike, on \(lines)"
    }

    /// `FILE:LINE:COL: error: message`, then the line with a caret, then the hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(fullMessage)"
        if let excerpt, location.line > 0 {
            let (shown, column) = Diagnostic.window(excerpt, column: location.column)
            text += "\n    \(shown)"
            if column > 0 {
                let pad = String(shown.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
                text += "\n    \(pad)^"
            }
        }
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }

    /// How many characters of a line an excerpt shows at most.
    static let excerptWidth = 100

    /// The part of a long line around a column, with `…` where it is cut, and the column within that part.
    static func window(_ line: String, column: Int) -> (String, Int) {
        let characters = Array(line)
        guard characters.count > excerptWidth else { return (line, column) }
        let start = max(0, min(column - 1 - excerptWidth / 2, characters.count - excerptWidth))
        let end = min(characters.count, start + excerptWidth)
        let head = start > 0 ? "…" : "", tail = end < characters.count ? "…" : ""
        let shown = head + String(characters[start..<end]) + tail
        return (shown, column > 0 ? column - start + head.count : 0)
    }
}

/// Lines (a sheet's rows) kept as ranges (`3–7, 9–14`), a few of them: a group of problems on 200,000 rows keeps a handful
/// of numbers, not one a row.
public struct LineRanges: Hashable, Sendable {
    private var ranges: [ClosedRange<Int>] = []
    /// Lines met beyond the ranges kept: counted, and the last one kept.
    private var beyond = 0
    private var last = 0
    /// How many different lines.
    public private(set) var count = 0
    /// How many ranges are kept before the rest are only counted.
    static let kept = 8

    public init() {}

    public init(_ line: Int) { add(line) }

    /// Adds a line; one already there is not counted again.
    public mutating func add(_ line: Int) {
        if count > 0 && line == last { return }
        if ranges.contains(where: { $0.contains(line) }) { return }
        count += 1
        defer { last = max(last, line) }
        if beyond > 0 {
            beyond += 1
            return
        }
        if let i = ranges.firstIndex(where: { $0.upperBound + 1 == line }) {
            ranges[i] = ranges[i].lowerBound...line
        } else if let i = ranges.firstIndex(where: { $0.lowerBound - 1 == line }) {
            ranges[i] = line...ranges[i].upperBound
        } else if ranges.count < LineRanges.kept {
            ranges.append(line...line)
            ranges.sort { $0.lowerBound < $1.lowerBound }
        } else {
            beyond = 1
            return
        }
        // Two ranges that now touch become one.
        var merged: [ClosedRange<Int>] = []
        for range in ranges {
            if let previous = merged.last, previous.upperBound + 1 >= range.lowerBound {
                merged[merged.count - 1] = previous.lowerBound...max(previous.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
    }

    /// Adds another's lines (past its ranges kept, only their count and last).
    public mutating func add(_ other: LineRanges) {
        for range in other.ranges { for line in range { add(line) } }
        if other.beyond > 0 {
            count += other.beyond
            beyond += other.beyond
            last = max(last, other.last)
        }
    }

    /// `lines 3–7, 9–14` (`rows …` for a sheet), `line 5`; past the ranges kept, `…, up to line 200001`.
    public func described(sheet: Bool) -> String {
        let word = sheet ? (count == 1 ? "row" : "rows") : (count == 1 ? "line" : "lines")
        let shown = ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: ", ")
        return "\(word) \(shown)" + (beyond > 0 ? ", … (\(beyond) more, up to \(last))" : "")
    }
}

/// Problems gathered one at a time, those with the same cause and fix told once: the first with its excerpt and caret,
/// then how many there are and on which lines. What is kept does not grow with the rows: a group is its first problem, a
/// count and a few line ranges.
public struct DiagnosticGroups: Sendable {
    /// The groups, in the order their first problems came.
    public private(set) var groups: [Diagnostic] = []
    private var index: [Key: Int] = [:]

    /// What makes two problems the same: the place's file, the severity, the cause (else the very words) and the fix.
    private struct Key: Hashable {
        let file: String
        let sheet: String?
        let severity: Diagnostic.Severity
        let what: String
        let hint: String?
    }

    public init() {}

    public init(_ diagnostics: [Diagnostic]) { add(diagnostics) }

    public var count: Int { groups.count }
    public var isEmpty: Bool { groups.isEmpty }

    /// Adds a problem: to its group when one has its cause and fix, else as a new group. A problem without a line (a whole
    /// file's) is its own group.
    public mutating func add(_ diagnostic: Diagnostic) {
        guard diagnostic.location.line > 0 else {
            groups.append(diagnostic)
            return
        }
        let key = DiagnosticGroups.key(diagnostic)
        guard let i = index[key] else {
            index[key] = groups.count
            groups.append(diagnostic)
            return
        }
        var repeats = groups[i].repeats ?? Diagnostic.Repeats(lines: LineRanges(groups[i].location.line))
        repeats.count += 1
        repeats.lines.add(diagnostic.location.line)
        if repeats.sameMessage && diagnostic.message != groups[i].message { repeats.sameMessage = false }
        groups[i].repeats = repeats
    }

    public mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// Takes out the groups a test picks, returning them.
    public mutating func remove(where picked: (Diagnostic) -> Bool) -> [Diagnostic] {
        let taken = groups.filter(picked)
        guard !taken.isEmpty else { return [] }
        groups.removeAll(where: picked)
        index = [:]
        for (i, group) in groups.enumerated() where group.location.line > 0 { index[DiagnosticGroups.key(group)] = i }
        return taken
    }

    private static func key(_ d: Diagnostic) -> Key {
        Key(file: d.location.file, sheet: d.location.sheet, severity: d.severity, what: d.cause.map { "cause:" + $0.key } ?? d.message,
            hint: d.cause == nil ? d.hint : nil)
    }
}

extension String {
    /// The text in backquotes for a message, cut to 40 characters (a message never repeats a huge field).
    public var quoted: String {
        let limit = 40
        let cut = count > limit ? prefix(limit) + "…" : Substring(self)
        // Invisible and look-alike spaces are shown by code point, so two texts never look the same in a message.
        return "`" + cut.map { c in
            if c.isASCII && (c.asciiValue ?? 0x20) < 0x20 { return "\u{FFFD}" }
            if c.isSpaceLike || c.isInvisible { return c.unicodeScalars.map { "<U+" + String($0.value, radix: 16, uppercase: true).leftPadded(4) + ">" }.joined() }
            return String(c)
        }.joined() + "`"
    }
}

/// Why an input could not be used.
public enum InputError: Error, Sendable, CustomStringConvertible {
    /// The file is there but its content is wrong: every problem found (exit 65).
    case badData([Diagnostic])
    /// The file or folder is not there or cannot be read (exit 66).
    case missing(path: String, reason: String, hint: String)

    /// The sysexits code for this error.
    public var exitCode: Int32 {
        switch self {
        case .badData: return 65
        case .missing: return 66
        }
    }

    public var description: String {
        switch self {
        case .badData(let diagnostics):
            // Stable order: by file, then line and column, as a reader would walk the file.
            let ordered = diagnostics.enumerated().sorted { a, b in
                let l = a.element.location, r = b.element.location
                return (l.file, l.line, l.column, a.offset) < (r.file, r.line, r.column, b.offset)
            }.map(\.element)
            let shown = ordered.prefix(InputError.reportLimit).map(\.description)
            let more = diagnostics.count > InputError.reportLimit
                ? ["… and \(diagnostics.count - InputError.reportLimit) more problems not shown"] : []
            let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
            return (shown + more + ["\(count) found; nothing was written."]).joined(separator: "\n")
        case .missing(let path, let reason, let hint):
            return "\(path): error: \(reason)\n    hint: \(hint)"
        }
    }

    /// How many problems are printed before the rest are counted.
    public static let reportLimit = 50
}

extension String {
    /// The text with zeros in front, to a width.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

extension Character {
    /// A character that prints as nothing (a format character such as U+2062, a separator other than the space).
    var isInvisible: Bool {
        unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .format, .lineSeparator, .paragraphSeparator: return true
            case .spaceSeparator: return scalar != " "
            default: return false
            }
        }
    }
}
