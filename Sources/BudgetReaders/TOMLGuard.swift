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
                case _ where TOMLGuard.isDateThenLoneDigit(chars, at: k):
                    return (k + 12, "a date followed by a lone digit", "write the date alone, e.g. 2023-12-15")
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

    /// `2023-12-12 9` followed by the end of the value: a date, one space and a single digit.
    static func isDateThenLoneDigit(_ chars: [Character], at k: Int) -> Bool {
        let shape = Array("dddd-dd-dd d")
        guard k + shape.count <= chars.count, k == 0 || !(chars[k - 1].isNumber || chars[k - 1].isLetter) else { return false }
        for (offset, expected) in shape.enumerated() {
            let c = chars[k + offset]
            guard expected == "d" ? (c.isASCII && c.isNumber) : c == expected else { return false }
        }
        return k + shape.count == chars.count || " \t],}#".contains(chars[k + shape.count])
    }

    static let nameHint = "start the name with a letter a–z, a digit, `_` or `-`, or put it in double quotes"

    /// A bare key's character (ASCII letter, digit, `_`, `-`), a quote, or the `]` toml++ itself reports.
    static func canStartKey(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || "_-\"']".contains(c)
    }
}
