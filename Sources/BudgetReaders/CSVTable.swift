import BudgetCore

/// One field of a CSV record with where it began.
struct CSVField: Sendable {
    let text: String
    let line: Int
    let column: Int
}

/// One record (row) of a CSV file.
struct CSVRecord: Sendable {
    let fields: [CSVField]
    /// The line the record began on.
    let line: Int
    var isBlank: Bool { fields.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
}

/// RFC 4180 CSV: quoted fields may hold delimiters, quotes (doubled) and line breaks; LF or CRLF;
/// a UTF-8 byte-order mark is skipped. Every field keeps its line and column.
struct CSVTable: Sendable {
    let records: [CSVRecord]
    /// The source lines, for excerpts in messages.
    let lines: [Substring]

    /// Parses text; an unbalanced quote is reported at the line and column where its field began.
    init(text: String, file: String, delimiter: Character = ",") throws(InputError) {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var field = ""
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false
        var index = text.startIndex

        func endField() {
            fields.append(CSVField(text: field, line: fieldLine, column: fieldColumn))
            field = ""
            wasQuoted = false
        }
        while index < text.endIndex {
            let c = text[index]
            index = text.index(after: index)
            if inQuotes {
                if c == "\"" {
                    if index < text.endIndex, text[index] == "\"" {
                        field.append("\"")
                        index = text.index(after: index)
                        column += 2
                        continue
                    }
                    inQuotes = false
                    column += 1
                } else if c == "\n" || c == "\r\n" {
                    field.append("\n")
                    line += 1
                    column = 1
                } else {
                    field.append(c)
                    column += 1
                }
                continue
            }
            switch c {
            case delimiter:
                endField()
                column += 1
                fieldLine = line
                fieldColumn = column
            case "\n", "\r\n", "\r":
                endField()
                records.append(CSVRecord(fields: fields, line: recordLine))
                fields = []
                line += 1
                column = 1
                fieldLine = line
                fieldColumn = 1
                recordLine = line
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                column += 1
            default:
                field.append(c)
                column += 1
            }
        }
        let allLines = text.sourceLines()
        if inQuotes {
            throw .badData([Diagnostic(
                SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                "a quoted field is never closed",
                excerpt: fieldLine <= allLines.count ? String(allLines[fieldLine - 1]) : nil,
                hint: "close the field with a double quote; a quote inside a quoted field is written twice (\"\")")])
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            records.append(CSVRecord(fields: fields, line: recordLine))
        }
        self.records = records
        self.lines = allLines
    }

    /// The text of a line, for an excerpt.
    func excerpt(_ line: Int) -> String? {
        line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
    }
}

extension StringProtocol {
    /// The text's lines, broken at LF, CRLF or CR (Swift reads CRLF as one character), without the breaks.
    func sourceLines() -> [SubSequence] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The text without leading and trailing spaces and tabs (and no-break spaces).
    func trimmingWhitespace() -> String {
        let ws: Set<Character> = [" ", "\t", "\u{00A0}"]
        var s = Substring(self)
        while let f = s.first, ws.contains(f) { s = s.dropFirst() }
        while let l = s.last, ws.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and no-break spaces; most fields have none, which the first
    /// and last bytes tell at once.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, first != 0x20, first != 0x09, first != 0xC2, last != 0x20, last != 0x09, last != 0xA0 {
            return self
        }
        return Substring(self).trimmingWhitespace()
    }
}
