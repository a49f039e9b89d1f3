/// toml++ (inside TOMLKit 0.6.0) stops the whole process on an assertion, instead of reporting an error, on
/// some invalid TOML that fuzzing found: a table name starting with a character no key starts with
/// (`[école]`, a control character, the end of the line), a `}` or a Unicode line separator inside a list,
/// and a date followed by a lone digit. These are refused here first, with their line and column.
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
            if let (column, message, hint) = scanner.scan(Array(line)) {
                return Problem(line: index + 1, column: column, message: message, hint: hint)
            }
        }
        return nil
    }

    /// Where the text is at the end of a line: inside a multi-line string, and inside which brackets.
    private struct Scanner {
        var openString: String?
        var brackets: [Character] = []

        /// The column, message and hint of a problem on this line, if any.
        mutating func scan(_ chars: [Character]) -> (Int, String, String)? {
            var k = 0
            func skipSpaces() { while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 } }
            func opens(_ delimiter: String) -> Bool { String(chars[k..<min(k + 3, chars.count)]) == delimiter }
            if openString == nil && brackets.isEmpty {
                skipSpaces()
                if k < chars.count, chars[k] == "[" {
                    k += 1
                    skipSpaces()
                    if k < chars.count, chars[k] == "[" { k += 1; skipSpaces() }
                    guard k < chars.count else { return (k + 1, "a table name is missing after `[`", TOMLGuard.nameHint) }
                    if !TOMLGuard.canStartKey(chars[k]) {
                        return (k + 1, "a table name cannot start with \(String(chars[k]).quoted)", TOMLGuard.nameHint)
                    }
                    brackets = []
                    return nil
                }
            }
            while k < chars.count {
                if let delimiter = openString {
                    if delimiter == "\"\"\"" && chars[k] == "\\" { k += 2; continue }
                    if opens(delimiter) { openString = nil; k += 3 } else { k += 1 }
                    continue
                }
                let c = chars[k]
                switch c {
                case "#": return nil
                case "\"" where opens("\"\"\""), "'" where opens("'''"):
                    openString = String(chars[k..<k + 3])
                    k += 3
                    continue
                case "\"", "'":
                    k += 1
                    while k < chars.count, chars[k] != c { k += c == "\"" && chars[k] == "\\" ? 2 : 1 }
                case "[", "{": brackets.append(c)
                case "]", "}":
                    if c == "}" && brackets.last == "[" {
                        return (k + 1, "a `}` inside a list, which `]` closes", "close the list with `]`; texts in it go in double quotes")
                    }
                    if !brackets.isEmpty { brackets.removeLast() }
                case _ where TOMLGuard.dateThenLoneDigit(chars, at: k) != nil:
                    return (TOMLGuard.dateThenLoneDigit(chars, at: k) ?? k + 1, "a date followed by a lone digit",
                            "write the date alone, e.g. 2023-12-15")
                case "\u{2028}" where brackets.last == "[", "\u{2029}" where brackets.last == "[",
                     "\u{0085}" where brackets.last == "[":
                    return (k + 1, "a Unicode line separator inside a list", "break the list with ordinary line breaks")
                default: break
                }
                k += 1
            }
            return nil
        }
    }

    /// The column of the lone digit in `2023-12-12 9`: toml++'s test for a date-time with a space asserts
    /// when the time is one digit. Its test takes any 10 code points (leaving out `_`) for a date when they
    /// begin with a digit, have `-` fifth and eighth, and give it no trait but digits and minus.
    static func dateThenLoneDigit(_ chars: [Character], at k: Int) -> Int? {
        guard k == 0 || " \t=[,{".contains(chars[k - 1]) else { return nil }
        var i = k
        while i < chars.count, !isTerminator(chars[i]) { i += 1 }
        let kept = String(chars[k..<i]).unicodeScalars.filter { $0 != "_" }.map(\.value)
        guard kept.count == 10, kept[4] == 0x2D, kept[7] == 0x2D, onlyDigitsAndMinus(kept),
              i + 1 < chars.count, chars[i] == " ", chars[i + 1].isASCII, chars[i + 1].isNumber,
              i + 2 == chars.count || isTerminator(chars[i + 2]) else { return nil }
        return i + 2
    }

    /// toml++'s value traits for code points that begin with a digit: true when only digits and `-` give one.
    private static func onlyDigitsAndMinus(_ points: [UInt32]) -> Bool {
        func digit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
        guard let first = points.first, digit(first) else { return false }
        let beginsZero = first == 0x30
        var traits: Set<Character> = []
        for (n, c) in points.enumerated() {
            let count = n + 1
            if digit(c) { continue }
            if (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) {
                switch Character(Unicode.Scalar(c | 0x20) ?? "a") {
                case "b" where count == 2 && beginsZero: traits.insert("b")
                case "e" where count > 1 && traits.isDisjoint(with: "boptxz:") && traits.isDisjoint(with: "+-"): traits.insert("e")
                case "o" where count == 2 && beginsZero: traits.insert("o")
                case "p" where traits.contains("x"): traits.insert("p")
                case "x" where count == 2 && beginsZero: traits.insert("x")
                case "t": traits.insert("t")
                case "z": traits.insert("z")
                default: break
                }
            } else if c <= 0x3A, let scalar = Unicode.Scalar(c), "+-.:".unicodeScalars.contains(scalar) {
                traits.insert(Character(scalar))
            }
        }
        return traits == ["-"]
    }

    /// What ends a value for toml++: white space, `]`, `}`, `,` or `#`.
    private static func isTerminator(_ c: Character) -> Bool { c.isWhitespace || "],}#".contains(c) }

    static let nameHint = "start the name with a letter a–z, a digit, `_` or `-`, or put it in double quotes"

    /// A bare key's character (ASCII letter, digit, `_`, `-`), a quote, or the `]` toml++ itself reports.
    static func canStartKey(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || "_-\"']".contains(c)
    }
}
