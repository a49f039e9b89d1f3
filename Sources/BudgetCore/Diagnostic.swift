/// One problem found in an input, with where it is and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String
    /// The offending line of input, shown with a caret under the column.
    public let excerpt: String?
    public let hint: String?

    public init(_ location: SourceLocation, _ message: String, excerpt: String? = nil, hint: String? = nil) {
        self.location = location
        self.message = message
        self.excerpt = excerpt
        self.hint = hint
    }

    /// `FILE:LINE:COL: error: message`, then the line with a caret, then the hint.
    public var description: String {
        var text = "\(location): error: \(message)"
        if let excerpt, location.line > 0 {
            text += "\n    \(excerpt)"
            if location.column > 0 {
                let pad = String(excerpt.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " })
                text += "\n    \(pad)^"
            }
        }
        if let hint { text += "\n    hint: \(hint)" }
        return text
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
