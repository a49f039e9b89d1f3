import BudgetCore

/// What separates a roster's columns: a comma, or the semicolon (or tab) that Excel writes in some settings.
struct RosterDelimiter {
    let character: Character
    /// The line of Excel's `sep=;` line, which names the delimiter and is not the header (0 when absent).
    let separatorLine: Int
    /// Said when the columns are not separated by commas.
    let note: Diagnostic?

    static let names: [Character: String] = [",": "commas (,)", ";": "semicolons (;)", "\t": "tabs"]

    /// Chooses the delimiter under which the first line names the most roster columns; commas when none does better.
    init(text: String, file: String) {
        let lines = text.sourceLines()
        guard let index = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty && $0 != "\u{FEFF}" }) else {
            self.init(",", separatorLine: 0, note: nil)
            return
        }
        var first = lines[index]
        if first.first == "\u{FEFF}" { first = first.dropFirst() }
        if first.count == 5, first.lowercased().hasPrefix("sep="), let named = first.last, RosterDelimiter.names[named] != nil {
            let note = named == "," ? nil : Diagnostic(
                SourceLocation(file: file, line: index + 1, column: 1),
                "the first line names \(RosterDelimiter.names[named] ?? "") as the separator; the columns were read that way",
                excerpt: String(lines[index]), severity: .note)
            self.init(named, separatorLine: index + 1, note: note)
            return
        }
        func score(_ d: Character) -> Int {
            first.split(separator: d).filter { RosterColumns.column(forHeader: $0.replacingOccurrences(of: "\"", with: "")) != nil }.count
        }
        let best = [",", ";", "\t"].max { score($0) < score($1) } ?? ","
        guard best != ",", score(best) > score(",") else {
            self.init(",", separatorLine: 0, note: nil)
            return
        }
        self.init(best, separatorLine: 0, note: Diagnostic(
            SourceLocation(file: file, line: index + 1, column: 1),
            "the columns are separated by \(RosterDelimiter.names[best] ?? ""), as Excel writes CSV in some settings; they were read that way",
            excerpt: String(lines[index]),
            hint: "amounts such as 380,00 are read with a decimal comma, unless an amount has a dot before its cents", severity: .note))
    }

    /// Commas, said by nothing: a workbook's cells, which have no delimiter.
    static let cells = RosterDelimiter(",", separatorLine: 0, note: nil)

    private init(_ character: Character, separatorLine: Int, note: Diagnostic?) {
        self.character = character
        self.separatorLine = separatorLine
        self.note = note
    }
}
