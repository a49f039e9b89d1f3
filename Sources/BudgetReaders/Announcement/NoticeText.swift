import BudgetCore
import Foundation

/// Words of an announcement and the lines they are on, for a drafted figure's `source`.
public struct NoticeQuote: Hashable, Sendable {
    /// 1-based line numbers in the announcement, in order.
    public let lines: [Int]
    /// The pieces quoted, one per place, as the notice writes them (white space tidied).
    public let pieces: [String]

    public init(lines: [Int], pieces: [String]) {
        self.lines = lines
        self.pieces = pieces
    }

    /// The pieces joined by " / ", as the shipped event files quote.
    public var text: String { pieces.joined(separator: " / ") }

    /// "line 12" or "lines 214, 216, 218".
    public var lineReference: String {
        let numbers = lines.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        return (numbers.count == 1 ? "line " : "lines ") + numbers.map(String.init).joined(separator: ", ")
    }

    /// Two quotes as one, in order.
    static func + (a: NoticeQuote, b: NoticeQuote) -> NoticeQuote {
        NoticeQuote(lines: a.lines + b.lines, pieces: a.pieces + b.pieces)
    }
}

/// One line of an announcement saved from a web page, tidied: bullets and stray symbols off the front,
/// non-breaking spaces as spaces, runs of white space as one space; `cells` splits it where a table's columns were.
struct NoticeLine {
    /// 1-based.
    let number: Int
    /// The line as the file has it.
    let raw: String
    /// The tidied line (empty for a blank or symbols-only line).
    let text: String
    /// The parts separated by a tab, two or more spaces, or `|`, each tidied.
    let cells: [String]

    init(number: Int, raw: String) {
        self.number = number
        self.raw = raw
        let spaced = String(raw.map { NoticeLine.isSpace($0) && $0 != "\t" ? " " : $0 })
        self.text = NoticeLine.tidy(spaced)
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for c in spaced {
            if c == "\t" || c == "|" || (c == " " && spaces >= 1) {
                cells.append(current)
                current = ""
                spaces = 0
                continue
            }
            if c == " " { spaces += 1 } else {
                if spaces > 0 { current += " " }
                spaces = 0
                current.append(c)
            }
        }
        cells.append(current)
        self.cells = cells.map(NoticeLine.tidy).filter { !$0.isEmpty }
    }

    var isBlank: Bool { text.isEmpty }

    /// White space of any kind, including the non-breaking spaces web pages use.
    static func isSpace(_ c: Character) -> Bool {
        c == "\t" || c == " " || c.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" }
    }

    /// Bullets and symbols that web pages put before an item (Wingdings letters such as `ž` and `Ø` included).
    private static let bulletLetters: Set<Character> = ["ž", "Ø", "ü", "§", "Ÿ"]

    /// Without leading bullets and symbols, with single spaces, trimmed.
    static func tidy(_ s: String) -> String {
        var chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if isSpace(c) { i += 1; continue }
            if bulletLetters.contains(c), i + 1 < chars.count, isSpace(chars[i + 1]) { i += 2; continue }
            if c.isLetter || c.isNumber || "([\"'“‘$€£¥".contains(c) { break }
            i += 1
        }
        chars.removeFirst(i)
        var out = ""
        var space = false
        for c in chars {
            if isSpace(c) { space = true; continue }
            if space && !out.isEmpty { out += " " }
            space = false
            out.append(c)
        }
        return out
    }

    /// The lines of a text (LF, CRLF or CR), numbered from 1.
    static func lines(_ text: String) -> [NoticeLine] {
        var lines = text.sourceLines()
        if lines.last?.isEmpty == true { lines.removeLast() }   // the line break that ends the text starts no line
        return lines.enumerated().map { NoticeLine(number: $0.offset + 1, raw: String($0.element)) }
    }
}

/// Regular expressions over a notice's tidied text.
enum NoticePattern {
    static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are fixed in this file; a bad one is a programming error caught by every test.
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// The first match's groups (nil for a group that did not take part), or nil when nothing matches.
    static func groups(_ regex: NSRegularExpression, in text: String) -> [String?]? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } }
    }

    /// The text with every match replaced.
    static func regexReplacing(_ regex: NSRegularExpression, in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// Every match: its range in the text and its groups.
    static func matches(_ regex: NSRegularExpression, in text: String) -> [(range: Range<String.Index>, groups: [String?])] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard let range = Range(m.range, in: text) else { return nil }
            return (range, (0..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } })
        }
    }

    static let monthNames = "january|february|march|april|may|june|july|august|september|october|november|december"
        + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
    static let month = "(\(monthNames))\\.?"
    static let weekdayNames = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    static let dash = "\\s*(?:[-–—~]|\\bto\\b|\\buntil\\b)\\s*"

    /// The weekday's number (0 = Sunday) from its name or abbreviation.
    static func weekdayNumber(_ name: String) -> Int? {
        let key = name.lowercased().prefix(3)
        return ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].firstIndex(of: String(key))
    }

    /// A US$ amount as a notice prints a cap: `US$ 400`, `US $400`, `USD 400`, `$1,050`, `400 USD`, `400 US$`.
    static let amount = regex(
        "(?:\\bU\\.?S\\.?\\s*\\$|\\bUSD\\b|(?<![A-Za-z])\\$)\\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.([0-9]{1,2}))?(?![0-9])"
        + "|(?<![0-9.,])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.([0-9]{1,2}))?\\s*(?:USD\\b|US\\s*\\$|US dollars?\\b)")

    /// The amounts in a text: where each is, as printed, and in cents (nil when too large to be a cap).
    static func amounts(in text: String) -> [(range: Range<String.Index>, printed: String, cents: Int64?)] {
        matches(amount, in: text).map { m in
            let whole = (m.groups[1] ?? m.groups[3] ?? "0").filter(\.isNumber)
            let fraction = m.groups[2] ?? m.groups[4] ?? ""
            let cents = fraction.isEmpty ? 0 : Int64(fraction.count == 1 ? fraction + "0" : fraction) ?? 0
            let dollars = whole.count <= 7 ? Int64(whole) : nil
            let value = dollars.flatMap { $0 <= 1_000_000 ? $0 * 100 + cents : nil }
            return (m.range, String(text[m.range]), value)
        }
    }
}

extension CivilDate {
    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int { ((dayNumber % 7) + 7 + 4) % 7 }

    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
}
