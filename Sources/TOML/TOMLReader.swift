/// Reads TOML 1.0.0 text into a table whose every key and value knows its line and column.
///
/// The reader never stops the process: every malformed text, however odd, is refused with a `TOMLError`.
/// Nesting is bounded (`maximumDepth`) so that no input can exhaust the stack, and so is the text's size.
public enum TOMLReader {
    /// How deep tables and arrays may nest, counting every table and array on the way.
    public static let maximumDepth = 100
    /// The longest text read, in bytes of UTF-8.
    public static let maximumBytes = 16 * 1024 * 1024

    /// Reads a document from text.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        guard text.utf8.count <= maximumBytes else {
            throw TOMLError(line: 1, column: 1, "the text is longer than \(maximumBytes / 1024 / 1024) MiB",
                            hint: "split it into smaller files")
        }
        var parser = Parser(Array(text.unicodeScalars))
        return try parser.document()
    }

    /// Reads a document from bytes, which must be UTF-8.
    public static func parse(bytes: [UInt8]) throws(TOMLError) -> TOMLTable {
        guard bytes.count <= maximumBytes else {
            throw TOMLError(line: 1, column: 1, "the text is longer than \(maximumBytes / 1024 / 1024) MiB",
                            hint: "split it into smaller files")
        }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break decoding
            case .error:
                throw TOMLError(line: line, column: column, "the text is not UTF-8 here", hint: "save the file as UTF-8 text")
            }
        }
        var parser = Parser(scalars)
        return try parser.document()
    }
}

// MARK: - The document as it is built

/// A table while the document is read; frozen into a `TOMLTable` at the end.
private final class Building {
    enum Definition { case document, header, implicit, dottedKeys, inline }

    struct Entry {
        let key: String
        var keyPosition: TOMLPosition
        var form: TOMLTable.Form
        var value: Value
    }

    enum Value {
        case scalar(TOMLValue)
        case table(Building)
        case array(BuildingArray)
    }

    var entries: [Entry] = []
    var slots: [[UInt8]: Int] = [:]
    var position: TOMLPosition
    var definition: Definition
    /// The section (header, or inline table) whose dotted keys made or went through this table.
    var dottedSection: Int?
    /// An inline table, or a table inside one: nothing may be added to it later.
    var frozen = false
    let depth: Int

    init(_ definition: Definition, at position: TOMLPosition, depth: Int) {
        self.definition = definition
        self.position = position
        self.depth = depth
    }

    func slot(_ key: String) -> Int? { slots[Array(key.utf8)] }

    func add(_ key: String, at position: TOMLPosition, form: TOMLTable.Form, _ value: Value) {
        slots[Array(key.utf8)] = entries.count
        entries.append(Entry(key: key, keyPosition: position, form: form, value: value))
    }
}

private final class BuildingArray {
    var items: [Building.Value] = []
    let position: TOMLPosition
    /// Made by `[[name]]` headers (so more may be appended), not written as `[…]`.
    let ofTables: Bool

    init(at position: TOMLPosition, ofTables: Bool) {
        self.position = position
        self.ofTables = ofTables
    }
}

private func freeze(_ table: Building) -> TOMLTable {
    TOMLTable(entries: table.entries.map {
        TOMLTable.Entry(key: $0.key, keyPosition: $0.keyPosition, form: $0.form, value: freeze($0.value))
    })
}

private func freeze(_ value: Building.Value) -> TOMLValue {
    switch value {
    case .scalar(let v): return v
    case .table(let t): return TOMLValue(.table(freeze(t)), at: t.position)
    case .array(let a): return TOMLValue(.array(a.items.map(freeze)), at: a.position)
    }
}

private func markFrozen(_ table: Building) {
    table.frozen = true
    for entry in table.entries { if case .table(let t) = entry.value { markFrozen(t) } }
}

// MARK: - The parser

private struct Parser {
    typealias Key = [(name: String, position: TOMLPosition)]

    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    var lineStart = 0
    var sections = 0
    let root: Building
    var current: Building
    var section = 0

    init(_ scalars: [Unicode.Scalar]) {
        s = scalars
        root = Building(.document, at: TOMLPosition(line: 1, column: 1), depth: 0)
        current = root
    }

    static let nameHint = "start the name with a letter a–z, a digit, `_` or `-`, or put it in double quotes"
    static let valueHint = "see https://toml.io for the syntax; text values go in double quotes"

    // MARK: Positions and errors

    var position: TOMLPosition { TOMLPosition(line: line, column: i - lineStart + 1) }

    func position(at index: Int) -> TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }

    func error(_ message: String, at position: TOMLPosition? = nil, hint: String? = Parser.valueHint) -> TOMLError {
        let p = position ?? self.position
        return TOMLError(line: p.line, column: p.column, message, hint: hint)
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    func isNewline(at k: Int) -> Bool { k < s.count && (s[k] == "\n" || (s[k] == "\r" && k + 1 < s.count && s[k + 1] == "\n")) }

    var atLineEnd: Bool { i >= s.count || isNewline(at: i) }

    mutating func skipNewline() {
        if s[i] == "\r" { i += 1 }
        i += 1
        line += 1
        lineStart = i
    }

    mutating func skipSpaces() { while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 } }

    /// Spaces, comments and line breaks, as between the values of an array.
    mutating func skipBlank() throws(TOMLError) {
        while i < s.count {
            switch s[i] {
            case " ", "\t": i += 1
            case "#": try comment()
            case "\n": skipNewline()
            case "\r":
                guard isNewline(at: i) else { throw loneCarriageReturn() }
                skipNewline()
            default: return
            }
        }
    }

    func loneCarriageReturn() -> TOMLError {
        error("a carriage return (CR) without a line feed after it", hint: "save the file with ordinary line breaks (LF or CR LF)")
    }

    func controlCharacter(_ c: Unicode.Scalar, in place: String) -> TOMLError {
        error("a control character (\(Parser.codePoint(c))) is not allowed \(place)",
              hint: "remove it; in a text in double quotes, write it as \\u" + Parser.hex4(c))
    }

    static func codePoint(_ c: Unicode.Scalar) -> String { "U+" + hex4(c) }

    static func hex4(_ c: Unicode.Scalar) -> String {
        let digits = String(c.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A character for a message, in backquotes; a control character is shown as U+FFFD.
    static func shown(_ c: Unicode.Scalar) -> String {
        let text = c.value < 0x20 || c.value == 0x7F ? "\u{FFFD}" : String(Character(c))
        return "`" + text + "`"
    }

    static func isControl(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\t") || c.value == 0x7F }

    static func isBare(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }

    static func isLineSeparator(_ c: Unicode.Scalar) -> Bool { c.value == 0x2028 || c.value == 0x2029 || c.value == 0x85 }

    func describe(_ key: Key) -> String { "`" + key.map(\.name).joined(separator: ".") + "`" }

    // MARK: Lines

    mutating func document() throws(TOMLError) -> TOMLTable {
        if s.first == "\u{FEFF}" { i = 1; lineStart = 1 }
        while i < s.count {
            skipSpaces()
            guard let c = peek() else { break }
            switch c {
            case "#", "\n", "\r": break
            case "[": try header()
            default:
                guard Parser.isBare(c) || c == "\"" || c == "'" else {
                    if c == "=" { throw error("a key is missing before `=`", hint: "write key = value") }
                    throw error("a line starts with \(Parser.shown(c)), which begins no key",
                                hint: "write key = value, a [table] header or a # comment; a key with other characters goes in double quotes")
                }
                try keyValue(into: current, section: section)
            }
            skipSpaces()
            if peek() == "#" { try comment() }
            try endOfLine()
        }
        return freeze(root)
    }

    mutating func endOfLine() throws(TOMLError) {
        guard let c = peek() else { return }
        if isNewline(at: i) { skipNewline(); return }
        if c == "\r" { throw loneCarriageReturn() }
        if Parser.isControl(c) { throw controlCharacter(c, in: "here") }
        throw error("\(Parser.shown(c)) after the end of what this line holds; only a # comment may follow",
                    hint: "put each key = value on a line of its own; text values go in double quotes")
    }

    mutating func comment() throws(TOMLError) {
        i += 1
        while i < s.count, s[i] != "\n" {
            if s[i] == "\r", isNewline(at: i) { return }
            if Parser.isControl(s[i]) {
                if s[i] == "\r" { throw loneCarriageReturn() }
                throw controlCharacter(s[i], in: "in a comment")
            }
            i += 1
        }
    }

    // MARK: Keys

    mutating func key() throws(TOMLError) -> Key {
        var parts: Key = []
        while true {
            skipSpaces()
            let start = position
            guard let c = peek() else { throw error("a key is missing at the end of the text") }
            if c == "\"" {
                if peek(1) == "\"" && peek(2) == "\"" { throw error("a key cannot be a text in triple quotes", hint: "write the key in single double quotes") }
                parts.append((try basicString(), start))
            } else if c == "'" {
                if peek(1) == "'" && peek(2) == "'" { throw error("a key cannot be a text in triple quotes", hint: "write the key in single quotes") }
                parts.append((try literalString(), start))
            } else if Parser.isBare(c) {
                let from = i
                while i < s.count, Parser.isBare(s[i]) { i += 1 }
                parts.append((String(String.UnicodeScalarView(s[from..<i])), start))
            } else if parts.isEmpty {
                throw error("a key cannot start with \(Parser.shown(c))", hint: "use letters a–z, digits, `_` and `-`, or put the key in double quotes")
            } else if atLineEnd {
                throw error("a key is missing after `.`", hint: "write the dotted key without a dot at the end")
            } else {
                throw error("a key cannot start with \(Parser.shown(c)) after `.`", hint: "use letters a–z, digits, `_` and `-`, or put the key in double quotes")
            }
            skipSpaces()
            guard peek() == "." else { return parts }
            i += 1
        }
    }

    mutating func keyValue(into table: Building, section: Int) throws(TOMLError) {
        let key = try key()
        skipSpaces()
        guard peek() == "=" else {
            if atLineEnd { throw error("\(describe(key)) has no `=` and no value", hint: "write key = value") }
            throw error("\(Parser.shown(peek()!)) after the key \(describe(key)) where `=` should be",
                        hint: "write key = value; a key with spaces or other characters goes in double quotes")
        }
        i += 1
        skipSpaces()
        let value = try value(depth: table.depth + key.count)
        try insert(key, value, into: table, section: section)
    }

    /// Puts `key = value` into a table, making the tables of a dotted key on the way.
    mutating func insert(_ key: Key, _ value: Building.Value, into table: Building, section: Int) throws(TOMLError) {
        var t = table
        for (n, part) in key.dropLast().enumerated() {
            if let slot = t.slot(part.name) {
                guard case .table(let sub) = t.entries[slot].value else {
                    throw error("\(describe(Array(key[...n]))) is already a value (line \(t.entries[slot].keyPosition.line)), so it cannot hold keys",
                                at: part.position, hint: "use another name, or make it a table")
                }
                if sub.frozen || sub.definition == .header || sub.definition == .document
                    || (sub.dottedSection != nil && sub.dottedSection != section) {
                    throw error("the table \(describe(Array(key[...n]))) is already defined (line \(sub.position.line)); a dotted key cannot add to it here",
                                at: part.position, hint: "write the key under that table's own header")
                }
                sub.dottedSection = section
                t = sub
            } else {
                let sub = try newTable(.dottedKeys, at: part.position, in: t)
                sub.dottedSection = section
                t.add(part.name, at: part.position, form: .dottedKey, .table(sub))
                t = sub
            }
        }
        let last = key[key.count - 1]
        if let slot = t.slot(last.name) {
            throw error("\(describe(key)) is defined twice (first at line \(t.entries[slot].keyPosition.line))", at: last.position,
                        hint: "keep one of them")
        }
        t.add(last.name, at: last.position, form: .keyValue, value)
    }

    func newTable(_ definition: Building.Definition, at position: TOMLPosition, in parent: Building) throws(TOMLError) -> Building {
        guard parent.depth < TOMLReader.maximumDepth else {
            throw error("tables and lists are nested more than \(TOMLReader.maximumDepth) deep", at: position, hint: "nest less deeply")
        }
        return Building(definition, at: position, depth: parent.depth + 1)
    }

    // MARK: Headers

    /// A table header, `[name]` or `[[name]]`: the table (or the array of tables' new element) keys now go into.
    mutating func header() throws(TOMLError) {
        let start = position
        let (key, ofTables) = try headerName()
        let parent = try headerParent(key, at: start)
        current = try ofTables ? arrayElement(key, in: parent, at: start) : headerTable(key, in: parent, at: start)
        sections += 1
        section = sections
    }

    /// The header's name between its brackets, and whether they are double (an array of tables).
    mutating func headerName() throws(TOMLError) -> (key: Key, ofTables: Bool) {
        i += 1
        let ofTables = peek() == "["
        if ofTables { i += 1 }
        skipSpaces()
        guard let c = peek(), !atLineEnd else {
            throw error("a table name is missing after `\(ofTables ? "[[" : "[")`", hint: Parser.nameHint)
        }
        if c == "]" { throw error("a table name is missing between `[` and `]`", hint: Parser.nameHint) }
        guard Parser.isBare(c) || c == "\"" || c == "'" else {
            throw error("a table name cannot start with \(Parser.shown(c))", hint: Parser.nameHint)
        }
        let key = try key()
        let close = ofTables ? "]]" : "]"
        guard peek() == "]", !ofTables || peek(1) == "]" else {
            throw error("the table name \(describe(key)) is not closed with `\(close)`",
                        hint: "write the name as [name] or [[name]], on a line of its own; a name with spaces goes in double quotes")
        }
        i += ofTables ? 2 : 1
        return (key, ofTables)
    }

    /// The table a header's last name goes into: each name before it is a table (made when new) or an array of tables
    /// (its last element).
    func headerParent(_ key: Key, at start: TOMLPosition) throws(TOMLError) -> Building {
        var t = root
        for (n, part) in key.dropLast().enumerated() {
            if let slot = t.slot(part.name) {
                switch t.entries[slot].value {
                case .table(let sub):
                    guard !sub.frozen else {
                        throw error("\(describe(Array(key[...n]))) is an inline table (line \(sub.position.line)), which cannot be added to",
                                    at: part.position, hint: "write all its keys inside its { }")
                    }
                    t = sub
                case .array(let array):
                    guard array.ofTables, case .table(let last)? = array.items.last else {
                        throw error("\(describe(Array(key[...n]))) is a list (line \(array.position.line)), not a table", at: part.position,
                                    hint: "use another name")
                    }
                    t = last
                case .scalar:
                    throw error("\(describe(Array(key[...n]))) is already a value (line \(t.entries[slot].keyPosition.line)), not a table",
                                at: part.position, hint: "use another name")
                }
            } else {
                let sub = try newTable(.implicit, at: start, in: t)
                t.add(part.name, at: part.position, form: .header, .table(sub))
                t = sub
            }
        }
        return t
    }

    /// `[[name]]`: a new element at the end of the array of tables `name` (the array made when new).
    func arrayElement(_ key: Key, in t: Building, at start: TOMLPosition) throws(TOMLError) -> Building {
        let last = key[key.count - 1]
        if let slot = t.slot(last.name) {
            guard case .array(let array) = t.entries[slot].value, array.ofTables else {
                throw error("\(describe(key)) is already defined (line \(t.entries[slot].keyPosition.line)) as something other than an array of tables",
                            at: last.position, hint: "use another name")
            }
            let element = try newTable(.header, at: start, in: t)
            array.items.append(.table(element))
            return element
        } else {
            let array = BuildingArray(at: start, ofTables: true)
            let element = try newTable(.header, at: start, in: t)
            array.items.append(.table(element))
            t.add(last.name, at: last.position, form: .header, .array(array))
            return element
        }
    }

    /// `[name]`: the table `name`, new, or made implicitly by an earlier header and defined now; a table defined twice is
    /// an error.
    func headerTable(_ key: Key, in t: Building, at start: TOMLPosition) throws(TOMLError) -> Building {
        let last = key[key.count - 1]
        if let slot = t.slot(last.name) {
            guard case .table(let sub) = t.entries[slot].value else {
                throw error("\(describe(key)) is already defined (line \(t.entries[slot].keyPosition.line)), not as a table",
                            at: last.position, hint: "use another name")
            }
            guard sub.definition == .implicit, sub.dottedSection == nil, !sub.frozen else {
                throw error("the table [\(key.map(\.name).joined(separator: "."))] is defined twice (first at line \(sub.position.line))",
                            at: start, hint: "keep one header and put all its keys under it")
            }
            sub.definition = .header
            sub.position = start
            t.entries[slot].keyPosition = last.position
            return sub
        } else {
            let sub = try newTable(.header, at: start, in: t)
            t.add(last.name, at: last.position, form: .header, .table(sub))
            return sub
        }
    }

    // MARK: Values

    mutating func value(depth: Int) throws(TOMLError) -> Building.Value {
        let start = position
        guard let c = peek(), !atLineEnd else { throw error("a value is missing", hint: "write a value after `=`, e.g. key = \"text\" or key = 12") }
        switch c {
        case "\"":
            let from = i
            let text = peek(1) == "\"" && peek(2) == "\"" ? try multilineBasicString() : try basicString()
            return .scalar(TOMLValue(.string(text), at: start, text: source(from)))
        case "'":
            let from = i
            let text = peek(1) == "'" && peek(2) == "'" ? try multilineLiteralString() : try literalString()
            return .scalar(TOMLValue(.string(text), at: start, text: source(from)))
        case "[":
            return try array(depth: depth + 1)
        case "{":
            return try inlineTable(depth: depth + 1)
        case "0"..."9", "+", "-":
            return .scalar(try scalar())
        case "i", "n":
            var end = i
            while end < s.count, Parser.isTokenCharacter(s[end]) { end += 1 }
            let word = String(String.UnicodeScalarView(s[i..<end]))
            guard word == "inf" || word == "nan" else { throw bareWord() }
            return .scalar(try scalar())
        case "t", "f":
            let from = i
            while i < s.count, Parser.isBare(s[i]) { i += 1 }
            let word = source(from)
            if word == "true" || word == "false" { return .scalar(TOMLValue(.boolean(word == "true"), at: start, text: word)) }
            i = from
            throw bareWord()
        case "a"..."z", "A"..."Z", "_":
            throw bareWord()
        default:
            if Parser.isControl(c) { throw controlCharacter(c, in: "here") }
            throw error("a value cannot start with \(Parser.shown(c))",
                        hint: "write a text in double quotes, a number, true or false, a date, a [list] or an { inline table }")
        }
    }

    func source(_ from: Int) -> String { String(String.UnicodeScalarView(s[from..<i])) }

    func bareWord() -> TOMLError {
        var end = i
        while end < s.count, Parser.isBare(s[end]) || s[end] == " " && end + 1 < s.count && Parser.isBare(s[end + 1]) { end += 1 }
        let word = String(String.UnicodeScalarView(s[i..<min(end, i + 40)]))
        return error("`\(word)` is not a value: a text goes in double quotes", hint: "write \"\(word)\"")
    }

    mutating func array(depth: Int) throws(TOMLError) -> Building.Value {
        let start = position
        guard depth <= TOMLReader.maximumDepth else {
            throw error("tables and lists are nested more than \(TOMLReader.maximumDepth) deep", hint: "nest less deeply")
        }
        i += 1
        let array = BuildingArray(at: start, ofTables: false)
        while true {
            try skipBlank()
            guard let c = peek() else { throw unclosedArray(start) }
            if c == "]" { i += 1; return .array(array) }
            if let problem = misplacedInArray(c) { throw problem }
            if c == "," { throw error("a `,` where a value should be", hint: "write one value between two commas; remove the extra comma") }
            array.items.append(try value(depth: depth))
            try skipBlank()
            guard let next = peek() else { throw unclosedArray(start) }
            switch next {
            case ",": i += 1
            case "]": i += 1; return .array(array)
            default:
                if let problem = misplacedInArray(next) { throw problem }
                throw error("\(Parser.shown(next)) after a value in the list, where `,` or `]` should be",
                            hint: "separate the values with commas and close the list with `]`; texts go in double quotes")
            }
        }
    }

    func misplacedInArray(_ c: Unicode.Scalar) -> TOMLError? {
        if c == "}" { return error("a `}` inside a list, which `]` closes", hint: "close the list with `]`; texts in it go in double quotes") }
        if Parser.isLineSeparator(c) { return error("a Unicode line separator inside a list", hint: "break the list with ordinary line breaks") }
        return nil
    }

    func unclosedArray(_ start: TOMLPosition) -> TOMLError {
        error("the list that opens at line \(start.line), column \(start.column) is not closed with `]`", hint: "close the list with `]`")
    }

    mutating func inlineTable(depth: Int) throws(TOMLError) -> Building.Value {
        let start = position
        guard depth <= TOMLReader.maximumDepth else {
            throw error("tables and lists are nested more than \(TOMLReader.maximumDepth) deep", hint: "nest less deeply")
        }
        i += 1
        let table = Building(.inline, at: start, depth: depth)
        sections += 1
        let inner = sections
        let oneLine = "an inline table { … } is written on one line; use a [table] header for a longer one"
        skipSpaces()
        if peek() == "}" { i += 1; markFrozen(table); return .table(table) }
        while true {
            skipSpaces()
            guard let c = peek(), !atLineEnd else {
                throw error("the inline table that opens at line \(start.line), column \(start.column) is not closed with `}` on its line", hint: oneLine)
            }
            if c == "}" { throw error("a `,` before `}`: an inline table ends without one", hint: "remove the last comma") }
            guard Parser.isBare(c) || c == "\"" || c == "'" else {
                throw error("a key cannot start with \(Parser.shown(c))", hint: "write key = value pairs separated by commas inside { }")
            }
            try keyValue(into: table, section: inner)
            skipSpaces()
            guard let next = peek(), !atLineEnd else {
                throw error("the inline table that opens at line \(start.line), column \(start.column) is not closed with `}` on its line", hint: oneLine)
            }
            if next == "," { i += 1; continue }
            if next == "}" { i += 1; markFrozen(table); return .table(table) }
            throw error("\(Parser.shown(next)) in an inline table, where `,` or `}` should be", hint: "separate the key = value pairs with commas")
        }
    }

    // MARK: Strings

    mutating func basicString() throws(TOMLError) -> String {
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw unclosedString() }
            switch c {
            case "\"": i += 1; return String(out)
            case "\\": out.append(try escape())
            case "\n", "\r": throw unclosedString()
            default:
                if Parser.isControl(c) { throw controlCharacter(c, in: "in a text") }
                out.append(c)
                i += 1
            }
        }
    }

    func unclosedString() -> TOMLError {
        error(i < s.count ? "a text in double quotes is not closed before the end of the line" : "a text in double quotes is not closed before the end of the text",
              hint: "close it with `\"` on the same line; a text of several lines goes in triple quotes (\"\"\")")
    }

    /// One escape sequence after `\` (the position is on the backslash).
    mutating func escape() throws(TOMLError) -> Unicode.Scalar {
        let at = position
        i += 1
        guard let c = peek() else { throw unclosedString() }
        i += 1
        switch c {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = c == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let d = peek(), let digit = Parser.hexValue(d) else {
                    throw error("`\\\(c)` needs \(count) hexadecimal digits", at: at, hint: "write e.g. \\u00E9 for é")
                }
                value = value &* 16 &+ digit
                i += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("`\\\(c)` names no Unicode character (\(String(value, radix: 16, uppercase: true)))", at: at,
                            hint: "write a code point up to 10FFFF that is not a surrogate")
            }
            return scalar
        default:
            throw error("`\\\(String(Character(c)))` is not an escape TOML knows", at: at,
                        hint: "write \\\\ for a backslash; the escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX")
        }
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 0x30
        case "a"..."f": return c.value - 0x61 + 10
        case "A"..."F": return c.value - 0x41 + 10
        default: return nil
        }
    }

    /// At a run of `quote` inside a text in triple quotes: appends the quotes that belong to the text and returns whether
    /// the run closes it (three closing quotes, with up to two of the text's own before them).
    mutating func quoteRun(_ quote: Unicode.Scalar, into out: inout String.UnicodeScalarView, hint: String) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == quote { run += 1 }
        guard run >= 3 else {
            for _ in 0..<run { out.append(quote) }
            i += run
            return false
        }
        guard run <= 5 else { throw error("too many quotes at the end of a text in triple quotes", hint: hint) }
        for _ in 0..<(run - 3) { out.append(quote) }
        i += run
        return true
    }

    mutating func multilineBasicString() throws(TOMLError) -> String {
        let start = position
        i += 3
        if isNewline(at: i) { skipNewline() }
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw unclosedMultiline(start, "\"\"\"") }
            switch c {
            case "\"":
                if try quoteRun("\"", into: &out, hint: "write \\\" for a quote in the text") { return String(out) }
            case "\\":
                var k = i + 1
                while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
                if isNewline(at: k) {
                    i = k
                    while i < s.count {
                        if s[i] == " " || s[i] == "\t" { i += 1 } else if isNewline(at: i) { skipNewline() } else { break }
                    }
                } else {
                    out.append(try escape())
                }
            default:
                try multilineCharacter(c, into: &out)
            }
        }
    }

    /// A character of a text in triple quotes that is neither a quote nor an escape: a line break as written (CRLF or
    /// LF), any other character but a control one as it is.
    mutating func multilineCharacter(_ c: Unicode.Scalar, into out: inout String.UnicodeScalarView) throws(TOMLError) {
        if c == "\n" || c == "\r" {
            guard isNewline(at: i) else { throw loneCarriageReturn() }
            if c == "\r" { out.append("\r") }
            out.append("\n")
            skipNewline()
        } else {
            if Parser.isControl(c) { throw controlCharacter(c, in: "in a text") }
            out.append(c)
            i += 1
        }
    }

    func unclosedMultiline(_ start: TOMLPosition, _ quotes: String) -> TOMLError {
        error("the text in \(quotes) that opens at line \(start.line), column \(start.column) is not closed", hint: "close it with \(quotes)")
    }

    mutating func literalString() throws(TOMLError) -> String {
        i += 1
        let from = i
        while true {
            guard let c = peek() else { throw unclosedLiteral() }
            if c == "'" { i += 1; return String(String.UnicodeScalarView(s[from..<(i - 1)])) }
            if c == "\n" || c == "\r" { throw unclosedLiteral() }
            if Parser.isControl(c) { throw controlCharacter(c, in: "in a text") }
            i += 1
        }
    }

    func unclosedLiteral() -> TOMLError {
        error("a text in single quotes is not closed before the end of the line",
              hint: "close it with `'` on the same line; a text of several lines goes in triple quotes (''')")
    }

    mutating func multilineLiteralString() throws(TOMLError) -> String {
        let start = position
        i += 3
        if isNewline(at: i) { skipNewline() }
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw unclosedMultiline(start, "'''") }
            switch c {
            case "'":
                if try quoteRun("'", into: &out, hint: "use a text in double quotes") { return String(out) }
            default:
                try multilineCharacter(c, into: &out)
            }
        }
    }

    // MARK: Numbers, booleans, dates and times

    static func isTokenCharacter(_ c: Unicode.Scalar) -> Bool { isBare(c) || c == "+" || c == "." || c == ":" }

    mutating func scalar() throws(TOMLError) -> TOMLValue {
        let start = position, from = i
        while i < s.count, Parser.isTokenCharacter(s[i]) { i += 1 }
        let token = Array(s[from..<i])
        // A date, a space and a time: one date-time.
        if let date = Parser.date(token), token.count == 10, peek() == " ", Parser.isDigit(peek(1)) {
            let timeStart = i + 1
            var end = timeStart
            while end < s.count, Parser.isTokenCharacter(s[end]) { end += 1 }
            let timeToken = Array(s[timeStart..<end])
            if let (time, offset) = Parser.timeWithOffset(timeToken) {
                i = end
                let text = source(from)
                if let offset { return TOMLValue(.offsetDateTime(date, time, offsetMinutes: offset), at: start, text: text) }
                return TOMLValue(.localDateTime(date, time), at: start, text: text)
            }
            if timeToken.count == 1 {
                throw error("a date followed by a lone digit", at: position(at: timeStart), hint: "write the date alone, e.g. 2023-12-15")
            }
            throw error("after the date, `\(String(String.UnicodeScalarView(timeToken.prefix(40))))` is not a time written HH:MM:SS",
                        at: position(at: timeStart), hint: "write a date-time as 2023-12-15T09:30:00, or the date alone")
        }
        let text = String(String.UnicodeScalarView(token))
        if let kind = Parser.number(token) ?? Parser.dateOrTime(token) { return TOMLValue(kind, at: start, text: text) }
        // Shown as written up to the next space or separator (`2023-12-$5`, not just `2023-12-`).
        var end = i
        while end < s.count, !" \t\r\n,]}#".unicodeScalars.contains(s[end]) { end += 1 }
        throw error(Parser.whyNotAValue(token, shown: Array(s[from..<end])), at: start,
                    hint: "write a number (12, -3, 1_000, 0.5), a date (2023-12-15) or a time (09:30:00); a text goes in double quotes")
    }

    static func whyNotAValue(_ token: [Unicode.Scalar], shown: [Unicode.Scalar]) -> String {
        let text = "`" + String(String.UnicodeScalarView(shown.prefix(40).map { isControl($0) ? "\u{FFFD}" : $0 }))
            + (shown.count > 40 ? "…" : "") + "`"
        if token.count >= 5, token[4] == "-", token.prefix(4).allSatisfy({ isDigit($0) }) {
            return "\(text) is not a date written YYYY-MM-DD (or a date-time such as 2023-12-15T09:30:00)"
        }
        if token.count >= 3, token[2] == ":" { return "\(text) is not a time written HH:MM:SS" }
        return "\(text) is not a number, a date or a time"
    }

    /// `digit (_? digit)*` from `k`, in a radix; nil when the digits or underscores are out of place.
    static func digits(_ t: [Unicode.Scalar], _ k: inout Int, radix: UInt32 = 10) -> String? {
        func isDigit(_ c: Unicode.Scalar) -> Bool { hexValue(c).map { $0 < radix } ?? false }
        guard k < t.count, isDigit(t[k]) else { return nil }
        var out = String.UnicodeScalarView()
        while k < t.count {
            if isDigit(t[k]) {
                out.append(t[k])
                k += 1
            } else if t[k] == "_", k + 1 < t.count, isDigit(t[k + 1]) {
                k += 1
            } else {
                break
            }
        }
        return String(out)
    }

    static func number(_ t: [Unicode.Scalar]) -> TOMLValue.Kind? {
        var k = 0
        var sign = ""
        if t.first == "+" || t.first == "-" { sign = t[0] == "-" ? "-" : ""; k = 1 }
        let rest = String(String.UnicodeScalarView(t[k...]))
        if rest == "inf" { return .float(sign == "-" ? -.infinity : .infinity) }
        if rest == "nan" { return .float(sign == "-" ? -Double.nan : .nan) }
        if k == 0, t.count > 2, t[0] == "0", let radix: UInt32 = ["x": 16, "o": 8, "b": 2][Character(t[1])] {
            var j = 2
            guard let digits = digits(t, &j, radix: radix), j == t.count, let n = Int64(digits, radix: Int(radix)) else { return nil }
            return .integer(n)
        }
        guard let whole = digits(t, &k) else { return nil }
        if whole.count > 1 && whole.hasPrefix("0") { return nil }
        var text = sign + whole
        var isFloat = false
        if k < t.count, t[k] == "." {
            k += 1
            guard let fraction = digits(t, &k) else { return nil }
            text += "." + fraction
            isFloat = true
        }
        if k < t.count, t[k] == "e" || t[k] == "E" {
            k += 1
            var expSign = ""
            if k < t.count, t[k] == "+" || t[k] == "-" { expSign = String(Character(t[k])); k += 1 }
            guard let exponent = digits(t, &k) else { return nil }
            text += "e" + expSign + exponent
            isFloat = true
        }
        guard k == t.count else { return nil }
        if isFloat { return Double(text).map { .float($0) } }
        return Int64(text).map { .integer($0) }
    }

    /// Exactly `n` digits from `k`, as a number.
    static func fixed(_ t: ArraySlice<Unicode.Scalar>, _ k: Int, _ n: Int) -> Int? {
        guard k + n <= t.endIndex else { return nil }
        var value = 0
        for c in t[k..<(k + n)] {
            guard isDigit(c) else { return nil }
            value = value * 10 + Int(c.value - 0x30)
        }
        return value
    }

    static func date(_ t: [Unicode.Scalar]) -> TOMLDate? {
        let t = t[...]
        guard t.count >= 10, let year = fixed(t, 0, 4), t[4] == "-", let month = fixed(t, 5, 2), t[7] == "-",
              let day = fixed(t, 8, 2), (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        return TOMLDate(year: year, month: month, day: day)
    }

    /// `HH:MM:SS(.fraction)?`; returns the time and how many code points it took.
    static func time(_ t: ArraySlice<Unicode.Scalar>) -> (TOMLTime, Int)? {
        let b = t.startIndex
        guard let hour = fixed(t, b, 2), t.count >= 8, t[b + 2] == ":", let minute = fixed(t, b + 3, 2), t[b + 5] == ":",
              let second = fixed(t, b + 6, 2), hour < 24, minute < 60, second <= 60 else { return nil }
        var k = b + 8
        var nanosecond = 0
        if k < t.endIndex, t[k] == "." {
            k += 1
            var count = 0
            while k < t.endIndex, isDigit(t[k]) {
                if count < 9 { nanosecond = nanosecond * 10 + Int(t[k].value - 0x30) }
                count += 1
                k += 1
            }
            guard count > 0 else { return nil }
            if count < 9 { for _ in count..<9 { nanosecond *= 10 } }
        }
        return (TOMLTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond), k - b)
    }

    /// A time, then `Z` or `±HH:MM` or nothing; the offset in minutes when there is one.
    static func timeWithOffset(_ t: [Unicode.Scalar]) -> (TOMLTime, Int?)? {
        guard let (time, used) = time(t[...]) else { return nil }
        let rest = t[used...]
        if rest.isEmpty { return (time, nil) }
        if rest.count == 1, rest.first == "Z" || rest.first == "z" { return (time, 0) }
        let b = rest.startIndex
        guard rest.count == 6, rest[b] == "+" || rest[b] == "-", let h = fixed(rest, b + 1, 2), rest[b + 3] == ":",
              let m = fixed(rest, b + 4, 2), h < 24, m < 60 else { return nil }
        return (time, (rest[b] == "-" ? -1 : 1) * (h * 60 + m))
    }

    static func dateOrTime(_ t: [Unicode.Scalar]) -> TOMLValue.Kind? {
        if t.count >= 3, t[2] == ":" {
            guard let (time, used) = time(t[...]), used == t.count else { return nil }
            return .localTime(time)
        }
        guard let date = date(t) else { return nil }
        if t.count == 10 { return .localDate(date) }
        guard t[10] == "T" || t[10] == "t", let (time, offset) = timeWithOffset(Array(t[11...])) else { return nil }
        if let offset { return .offsetDateTime(date, time, offsetMinutes: offset) }
        return .localDateTime(date, time)
    }
}
