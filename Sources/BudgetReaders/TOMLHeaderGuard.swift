/// toml++ (inside TOMLKit 0.6.0) stops the whole process on an assertion when a table header's name starts
/// with a character that cannot start a key (`[école]`, a control character, the end of the line); such
/// headers are refused first.
enum TOMLHeaderGuard {
    /// The first table header whose name starts with such a character (nil where the line ends after the `[`).
    static func firstBadHeader(_ lines: [Substring]) -> (line: Int, column: Int, character: Character?)? {
        var openString: String?   // a """ or ''' string left open on an earlier line
        var depth = 0             // brackets and braces of a value left open on an earlier line
        for (index, line) in lines.enumerated() {
            let chars = Array(line)
            var k = 0
            func skipSpaces() { while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 } }
            if openString == nil && depth == 0 {
                skipSpaces()
                if k < chars.count, chars[k] == "[" {
                    k += 1
                    skipSpaces()
                    if k < chars.count, chars[k] == "[" { k += 1; skipSpaces() }
                    guard k < chars.count else { return (index + 1, k + 1, nil) }
                    if !canStartKey(chars[k]) { return (index + 1, k + 1, chars[k]) }
                }
            }
            scan(chars, from: k, openString: &openString, depth: &depth)
        }
        return nil
    }

    /// A bare key's character (ASCII letter, digit, `_`, `-`), a quote, or the `]` toml++ itself reports.
    private static func canStartKey(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || "_-\"']".contains(c)
    }

    /// Follows strings, comments and brackets to the end of a line.
    private static func scan(_ chars: [Character], from start: Int, openString: inout String?, depth: inout Int) {
        var k = start
        func opens(_ delimiter: String) -> Bool { String(chars[k..<min(k + 3, chars.count)]) == delimiter }
        while k < chars.count {
            if let delimiter = openString {
                if delimiter == "\"\"\"" && chars[k] == "\\" { k += 2; continue }
                if opens(delimiter) { openString = nil; k += 3 } else { k += 1 }
                continue
            }
            switch chars[k] {
            case "#": return
            case "\"" where opens("\"\"\""), "'" where opens("'''"):
                openString = String(chars[k..<k + 3])
                k += 3
                continue
            case "\"", "'":
                let quote = chars[k]
                k += 1
                while k < chars.count, chars[k] != quote { k += quote == "\"" && chars[k] == "\\" ? 2 : 1 }
            case "[", "{": depth += 1
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
            k += 1
        }
    }
}
