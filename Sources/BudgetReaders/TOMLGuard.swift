/// toml++ (inside TOMLKit 0.6.0) stops the whole process on an assertion, instead of reporting an error, on
/// some invalid TOML that fuzzing found: a table name starting with a code point no key starts with
/// (`[école]`, a control character, the end of the line), a `}` or a line separator inside a list, and a
/// date followed by a lone digit. These are refused here first, reading code points as toml++ does.
enum TOMLGuard {
    struct Problem {
        let line: Int
        let column: Int
        let message: String
        let hint: String
    }

    /// The first such problem, following strings, comments and brackets from line to line.
    static func firstProblem(_ lines: [Substring]) -> Problem? {
        var scanner = Scanner()
        for (index, line) in lines.enumerated() {
            if let (column, message, hint) = scanner.scan(Array(line.unicodeScalars)) {
                return Problem(line: index + 1, column: column, message: message, hint: hint)
            }
        }
        return nil
    }

    static let nameHint = "start the name with a letter a–z, a digit, `_` or `-`, or put it in double quotes"

    /// Where the text is at the end of a line: inside a multi-line string, and inside which brackets.
    private struct Scanner {
        var openString: [Unicode.Scalar]?
        var brackets: [Unicode.Scalar] = []

        /// The column, message and hint of a problem on this line, if any.
        mutating func scan(_ points: [Unicode.Scalar]) -> (Int, String, String)? {
            var k = 0
            func skipSpaces() { while k < points.count, points[k] == " " || points[k] == "\t" { k += 1 } }
            func opens(_ delimiter: [Unicode.Scalar]) -> Bool { Array(points[k..<min(k + 3, points.count)]) == delimiter }
            if openString == nil && brackets.isEmpty {
                skipSpaces()
                if k < points.count, points[k] == "[" {
                    k += 1
                    skipSpaces()
                    if k < points.count, points[k] == "[" { k += 1; skipSpaces() }
                    guard k < points.count else { return (k + 1, "a table name is missing after `[`", TOMLGuard.nameHint) }
                    if !TOMLGuard.canStartKey(points[k]) {
                        return (k + 1, "a table name cannot start with \(String(Character(points[k])).quoted)", TOMLGuard.nameHint)
                    }
                    return nil
                }
            }
            while k < points.count {
                if let delimiter = openString {
                    if delimiter == ["\"", "\"", "\""] && points[k] == "\\" { k += 2; continue }
                    if opens(delimiter) { openString = nil; k += 3 } else { k += 1 }
                    continue
                }
                let c = points[k]
                if let column = TOMLGuard.dateThenLoneDigit(points, at: k) {
                    return (column, "a date followed by a lone digit", "write the date alone, e.g. 2023-12-15")
                }
                switch c {
                case "#": return nil
                case "\"" where opens(["\"", "\"", "\""]), "'" where opens(["'", "'", "'"]):
                    openString = [c, c, c]
                    k += 3
                    continue
                case "\"", "'":
                    k += 1
                    while k < points.count, points[k] != c { k += c == "\"" && points[k] == "\\" ? 2 : 1 }
                case "[", "{": brackets.append(c)
                case "]", "}":
                    if c == "}" && brackets.last == "[" {
                        return (k + 1, "a `}` inside a list, which `]` closes", "close the list with `]`; texts in it go in double quotes")
                    }
                    if !brackets.isEmpty { brackets.removeLast() }
                default:
                    if brackets.last == "[" && TOMLGuard.isLineSeparator(c) {
                        return (k + 1, "a Unicode line separator inside a list", "break the list with ordinary line breaks")
                    }
                }
                k += 1
            }
            return nil
        }
    }

    /// The column of the lone digit in `2023-12-12 9`: toml++'s test for a date-time with a space asserts
    /// when the time is one digit. Its test takes any 10 code points (leaving out `_`) for a date when they
    /// begin with a digit, have `-` fifth and eighth, and give it no trait but digits and minus.
    static func dateThenLoneDigit(_ points: [Unicode.Scalar], at k: Int) -> Int? {
        guard k == 0 || " \t=[,{".unicodeScalars.contains(points[k - 1]) else { return nil }
        var i = k
        while i < points.count, !isTerminator(points[i]) { i += 1 }
        let kept = points[k..<i].filter { $0 != "_" }.map(\.value)
        guard kept.count == 10, kept[4] == 0x2D, kept[7] == 0x2D, onlyDigitsAndMinus(kept),
              i + 1 < points.count, points[i] == " ", isDigit(points[i + 1].value),
              i + 2 == points.count || isTerminator(points[i + 2]) else { return nil }
        return i + 2
    }

    /// toml++'s value traits for code points that begin with a digit: true when only digits and `-` give one.
    private static func onlyDigitsAndMinus(_ points: [UInt32]) -> Bool {
        guard let first = points.first, isDigit(first) else { return false }
        let beginsZero = first == 0x30
        var traits: Set<Character> = []
        for (n, c) in points.enumerated() where !isDigit(c) {
            let count = n + 1
            if (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) {
                switch Character(Unicode.Scalar(UInt8(c | 0x20))) {
                case "b" where count == 2 && beginsZero: traits.insert("b")
                case "e" where count > 1 && traits.isDisjoint(with: "boptxz:+-"): traits.insert("e")
                case "o" where count == 2 && beginsZero: traits.insert("o")
                case "p" where traits.contains("x"): traits.insert("p")
                case "x" where count == 2 && beginsZero: traits.insert("x")
                case "t": traits.insert("t")
                case "z": traits.insert("z")
                default: break
                }
            } else if let scalar = Unicode.Scalar(c), "+-.:".unicodeScalars.contains(scalar) {
                traits.insert(Character(scalar))
            }
        }
        return traits == ["-"]
    }

    private static func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }

    /// What ends a value for toml++: its white space, `]`, `}`, `,` or `#`.
    private static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x20, 0x0A...0x0D, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x202F, 0x205F...0x2060, 0x3000, 0xFEFF:
            return true
        default:
            return isLineSeparator(c) || "],}#".unicodeScalars.contains(c)
        }
    }

    /// Unicode's line and paragraph separators and NEL, which toml++ reads as line breaks of no kind it accepts.
    private static func isLineSeparator(_ c: Unicode.Scalar) -> Bool { c.value == 0x2028 || c.value == 0x2029 || c.value == 0x85 }

    /// A bare key's code point (ASCII letter, digit, `_`, `-`), a quote, or the `]` toml++ itself reports.
    static func canStartKey(_ c: Unicode.Scalar) -> Bool {
        (c.isASCII && (Character(c).isLetter || Character(c).isNumber)) || "_-\"']".unicodeScalars.contains(c)
    }
}
