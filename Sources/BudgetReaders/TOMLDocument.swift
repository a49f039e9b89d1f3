import BudgetCore
import TOML

/// A parsed TOML file (read by our own TOML reader), with the line and column of every key and value for messages.
struct TOMLDocument {
    let root: TOMLTable
    let file: String
    let lines: [Substring]

    /// What a message points at: the key's name, or its value.
    enum Target { case key, value }

    init(text: String, file: String) throws(InputError) {
        self.file = file
        let lines = text.sourceLines()
        self.lines = lines
        do {
            root = try TOMLReader.parse(text)
        } catch {
            let line = error.line >= 1 && error.line <= lines.count ? String(lines[error.line - 1]) : nil
            throw .badData([Diagnostic(SourceLocation(file: file, line: error.line, column: Self.column(error.column, in: line)),
                                       "TOML syntax: \(error.message)", excerpt: line,
                                       hint: error.hint ?? "see https://toml.io for the syntax; text values go in double quotes")])
        }
    }

    /// A column counted in code points (the TOML reader's) as the characters a caret counts.
    private static func column(_ codePoints: Int, in line: String?) -> Int {
        guard let line, codePoints > 1 else { return codePoints }
        let scalars = line.unicodeScalars
        guard codePoints - 1 <= scalars.count else { return line.count + codePoints - scalars.count }
        return String(String.UnicodeScalarView(scalars.prefix(codePoints - 1))).count + 1
    }

    private func location(_ position: TOMLPosition) -> SourceLocation {
        let line = position.line >= 1 && position.line <= lines.count ? String(lines[position.line - 1]) : nil
        return SourceLocation(file: file, line: position.line, column: Self.column(position.column, in: line))
    }

    /// What a key path ("caps[2].cap_usd", "local_expenses.planning") names in the document: the value, and the
    /// entry when the last step is a key (not an index). Keys are matched longest first, so a key may hold dots.
    private func find(_ path: String) -> (value: TOMLValue, entry: TOMLTable.Entry?)? {
        var table = root
        var rest = Substring(path)
        while true {
            let matches = table.entries.filter { entry in
                rest.hasPrefix(entry.key) && (rest.count == entry.key.count || [".", "["].contains(rest.dropFirst(entry.key.count).first))
            }
            guard let entry = matches.max(by: { $0.key.count < $1.key.count }) else { return nil }
            rest = rest.dropFirst(entry.key.count)
            var value = entry.value
            var named: TOMLTable.Entry? = entry
            while rest.first == "[", let close = rest.firstIndex(of: "]"), let n = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                guard let items = value.array, n >= 0, n < items.count else { return nil }
                value = items[n]
                named = nil
                rest = rest[rest.index(after: close)...]
            }
            if rest.isEmpty { return (value, named) }
            guard rest.first == ".", let next = value.table else { return nil }
            rest = rest.dropFirst()
            table = next
        }
    }

    /// Where a key path is written (its key or its value), else its nearest written table, else the file's first line.
    func location(_ path: String, at target: Target = .value) -> SourceLocation {
        if let (value, entry) = find(path) {
            return location(target == .key && entry?.form == .keyValue ? entry!.keyPosition : value.position)
        }
        var table = path
        while let cut = table.lastIndex(where: { $0 == "." || $0 == "[" }) {
            table = String(table[..<cut])
            if let (value, _) = find(table) { return location(value.position) }
        }
        // A key of the top-level table that is not written: point at the file's first line.
        return SourceLocation(file: file, line: 1, column: 1)
    }

    /// A diagnostic at a key path (at the quoted `item` of its list when given), with its line as excerpt;
    /// a top-level key or table that is not written as `key = value` has no excerpt.
    func diagnostic(_ path: String, _ message: String, hint: String, at target: Target = .value, item: String? = nil) -> Diagnostic {
        var location = location(path, at: target)
        let found = find(path)
        let written = (found != nil && found?.entry?.form != .header) || path.contains(".") || path.contains("[")
        if let item, let element = found?.value.array?.first(where: { $0.string == item }) {
            // The text of the item, after its opening quote (one, or three).
            let quote = element.text?.hasPrefix("\"\"\"") == true || element.text?.hasPrefix("'''") == true ? 3 : 1
            location = self.location(TOMLPosition(line: element.position.line, column: element.position.column + quote))
        }
        let line = location.line >= 1 && location.line <= lines.count ? String(lines[location.line - 1]) : nil
        return Diagnostic(location, message, excerpt: written ? line : nil, hint: hint)
    }
}

/// Reads typed values from one TOML table, collecting problems instead of stopping at the first.
struct TableFields {
    let table: TOMLTable
    /// Key path of this table in the document ("", "local_expenses", "caps[0]").
    let path: String
    let document: TOMLDocument
    var problems: [Diagnostic] = []

    init(_ table: TOMLTable, path: String, document: TOMLDocument) {
        self.table = table
        self.path = path
        self.document = document
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func fail(_ key: String, _ message: String, hint: String, at target: TOMLDocument.Target = .value, item: String? = nil) {
        problems.append(document.diagnostic(keyPath(key), message, hint: hint, at: target, item: item))
    }

    /// Reports keys that are not among `allowed`, suggesting the nearest allowed one.
    mutating func rejectUnknownKeys(_ allowed: [String]) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            let limit = max(2, key.count / 3)
            let distances = allowed.compactMap { name in editDistance(key, name, atMost: limit).map { (name, $0) } }
            let hint = distances.min { $0.1 < $1.1 }.map { "did you mean `\($0.0)`?" }
                ?? "allowed here: \(allowed.joined(separator: ", "))"
            fail(key, "unknown key \(key.quoted)" + inTable(), hint: hint, at: .key)
        }
    }

    /// The value of a key; a missing required key is reported, with a hint on how to write it.
    private mutating func value(_ key: String, required: Bool = true, hint: String) -> TOMLValue? {
        if let value = table[key] { return value }
        if required { fail(key, "missing required key `\(key)`" + inTable(), hint: hint) }
        return nil
    }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key, required: required, hint: "add `\(key) = \"…\"`") else { return nil }
        guard let s = value.string else { fail(key, "`\(key)` must be a text in double quotes", hint: "write `\(key) = \"…\"`"); return nil }
        return s
    }

    mutating func strings(_ key: String, required: Bool = true) -> [String]? {
        guard let value = value(key, required: required, hint: "add `\(key) = [\"…\"]`") else { return nil }
        guard let array = value.array else {
            fail(key, "`\(key)` must be a list of texts", hint: "write `\(key) = [\"a\", \"b\"]`"); return nil
        }
        var out: [String] = []
        for item in array {
            guard let s = item.string else {
                fail(key, "`\(key)` must hold only texts in double quotes", hint: "write `\(key) = [\"a\", \"b\"]`"); return nil
            }
            out.append(s)
        }
        return out
    }

    mutating func integer(_ key: String, required: Bool = true) -> Int? {
        guard let value = value(key, required: required, hint: "add `\(key) = ` and a whole number") else { return nil }
        guard let n = value.integer.map(Int.init) else { fail(key, "`\(key)` must be a whole number", hint: "write digits only, without quotes"); return nil }
        return n
    }

    mutating func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = value(key, required: required, hint: "add `\(key) = true` or `false`") else { return nil }
        guard let b = value.bool else { fail(key, "`\(key)` must be true or false", hint: "write true or false, without quotes"); return nil }
        return b
    }

    mutating func date(_ key: String) -> CivilDate? {
        guard let value = value(key, hint: "add `\(key) = YYYY-MM-DD`") else { return nil }
        guard let d = value.localDate, let date = CivilDate(year: d.year, month: d.month, day: d.day) else {
            fail(key, "`\(key)` must be a date written YYYY-MM-DD without quotes", hint: "write e.g. `\(key) = 2023-12-12`"); return nil
        }
        return date
    }

    /// An exact amount: a whole number, or a text such as "1120.50". A TOML float is refused (it is inexact).
    mutating func money(_ key: String, required: Bool = true, limit: MoneyText.Limit = .amount) -> Money? {
        let exact = "write a whole number (950) or a text with cents (\"950.50\")"
        guard let value = value(key, required: required, hint: "add `\(key) = ` and the amount; " + exact) else { return nil }
        if let n = value.integer.map(Int.init) {
            if n < 0 { fail(key, "`\(key)` cannot be negative", hint: "write the amount the announcement gives; " + exact); return nil }
            if n > limit.dollars {
                fail(key, "`\(key)` is more than US$ \(Money(dollars: limit.dollars).grouped), which \(limit.what) can be",
                     hint: "check the amount against the announcement")
                return nil
            }
            return Money(dollars: Int64(n))
        }
        if let s = value.string {
            switch MoneyText.parse(s, limit: limit) {
            case .success(let m): return m
            case .failure(let refusal): fail(key, "`\(key)` is \"\(s)\": \(refusal.reason)", hint: refusal.hint); return nil
            }
        }
        fail(key, "`\(key)` must be an exact amount",
             hint: "write a whole number (950) or a text with cents (\"950.50\"); a TOML decimal number is not exact")
        return nil
    }

    /// A positive decimal with up to four places, as a whole number or a text ("1306.5"), times 10,000.
    mutating func decimal4(_ key: String) -> Int64? {
        guard let value = value(key, hint: "add `\(key) = ` and a number") else { return nil }
        if let n = value.integer.map(Int.init), n > 0, n <= 1_000_000 { return Int64(n) * 10_000 }
        if let s = value.string {
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, whole <= 1_000_000,
               parts.count == 1 || (parts[1].count <= 4 && parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty) {
                var fraction = parts.count == 2 ? String(parts[1]) : ""
                while fraction.count < 4 { fraction += "0" }
                let scaled = whole * 10_000 + (Int64(fraction) ?? 0)
                if scaled > 0 { return scaled }
            }
        }
        fail(key, "`\(key)` must be a positive number up to 1,000,000 with at most four decimals",
             hint: "write a whole number (1306) or a text (\"1305.41\")")
        return nil
    }

    /// A percentage from 0 to 100 with up to two decimals, as a whole number or a text ("33.33"), in hundredths of a percent.
    mutating func percent(_ key: String) -> Int? {
        guard let value = value(key, hint: "add `\(key) = ` and a percentage, e.g. 50") else { return nil }
        if let n = value.integer.map(Int.init), (0...100).contains(n) { return n * 100 }
        if let s = value.string {
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
               let whole = Int(parts[0]), parts.count == 1 || parts[1].count <= 2 {
                let fraction = parts.count == 2 ? Int(parts[1].count == 1 ? parts[1] + "0" : parts[1]) ?? 0 : 0
                let basisPoints = whole * 100 + fraction
                if basisPoints <= 10_000 { return basisPoints }
            }
        }
        fail(key, "`\(key)` must be a percentage from 0 to 100 with at most two decimals",
             hint: "write a whole number (50) or a text (\"33.33\")")
        return nil
    }

    /// " in [caps #3]" for messages about a key of a sub-table; empty for the top level.
    private func inTable() -> String { path.isEmpty ? "" : " in [\(path.readableTablePath())]" }
}

extension String {
    /// A key path as a person counts: "caps[2]" becomes "caps #3".
    fileprivate func readableTablePath() -> String {
        guard let open = firstIndex(of: "["), let close = firstIndex(of: "]"), let n = Int(self[index(after: open)..<close]) else { return self }
        return "\(self[..<open]) #\(n + 1)\(self[index(after: close)...])"
    }
}

