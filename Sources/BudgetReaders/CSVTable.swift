import BudgetCore

/// A CSV text's records, all at once: the one CSV reader (``CSVStream``) collected, with the text's lines for excerpts.
struct CSVTable: Sendable {
    let records: [SourceRecord]
    /// The source lines, for excerpts in messages.
    let lines: [Substring]

    /// Parses text; an unbalanced quote is reported at the line and column where its field began.
    init(text: String, file: String, delimiter: Character = ",") throws(InputError) {
        let csv = CSVStream(source: ByteSource(bytes: Array(text.utf8)), file: file, delimiter: delimiter)
        var records: [SourceRecord] = []
        while let record = try csv.next() { records.append(record) }
        self.records = records
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        lines = text.sourceLines()
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
        var text = self
        let trimmed = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return first != 0x20 && first != 0x09 && first != 0xC2 && last != 0x20 && last != 0x09 && last != 0xA0
        }
        return trimmed ? self : Substring(self).trimmingWhitespace()
    }
}
