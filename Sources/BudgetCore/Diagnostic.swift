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

    public init(_ location: SourceLocation, _ message: String, excerpt: String? = nil, hint: String? = nil,
                severity: Severity = .error) {
        self.location = location
        self.message = message
        self.excerpt = excerpt
        self.hint = hint
        self.severity = severity
    }

    /// `FILE:LINE:COL: error: message`, then the line with a caret, then the hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
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
