import BudgetCore

/// A roster's CSV table read as columns: the header's names, then each row's fields by name.
struct RosterSheet {
    /// The text of a line, for excerpts in messages.
    let excerpt: (Int) -> String?
    let file: String
    let delimiter: Character
    var problems: [Diagnostic] = []

    init(excerpt: @escaping (Int) -> String?, file: String, delimiter: Character) {
        self.excerpt = excerpt
        self.file = file
        self.delimiter = delimiter
    }

    mutating func problem(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
        problems.append(Diagnostic(SourceLocation(file: file, line: line, column: column), message,
                                   excerpt: excerpt(line), hint: hint))
    }

    /// Column name (lowercased) to its index; a repeated column or a missing required one is a problem.
    mutating func readHeader(_ header: CSVRecord) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (i, field) in header.fields.enumerated() {
            let name = field.text.trimmingWhitespace().lowercased()
            if let first = columns[name] {
                problem(field.line, field.column, "column \(name.quoted) appears twice (columns \(first + 1) and \(i + 1))",
                        "keep one of them")
            } else if !name.isEmpty {
                columns[name] = i
            }
        }
        let found = header.fields.map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        let shown = found.prefix(12).map { $0.quoted }.joined(separator: ", ") + (found.count > 12 ? ", …" : "")
        let known = Set(RosterReader.requiredColumns + RosterReader.optionalColumns)
        let titleRow = !found.contains { known.contains($0.lowercased()) }
            ? " The first row that is not empty must name the columns: is there a title row above them?" : ""
        let missing = RosterReader.requiredColumns.filter { columns[$0] == nil }
        guard !missing.isEmpty else { return columns }
        let renames = missing.compactMap { required in
            found.first { editDistance(CountryDirectory.key($0), CountryDirectory.key(required), atMost: 2) != nil }
                .map { " Rename \($0.quoted) to `\(required)`?" }
        }.joined()
        let end = (excerpt(header.line)?.count ?? 0) + 1
        let names = missing.map { "`\($0)`" }.joined(separator: ", ")
        problem(header.line, end, "the header has no \(names) column\(missing.count == 1 ? "" : "s")",
                "found: \(shown.isEmpty ? "nothing" : shown); required: \(RosterReader.requiredColumns.joined(separator: ", ")).\(renames)\(titleRow)")
        return columns
    }

    /// A record as a participant's row, or nil (with a problem) when its fields do not match the header's.
    mutating func row(_ record: CSVRecord, header: CSVRecord, columns: [String: Int]) -> RosterRow? {
        let name = RosterDelimiter.names[delimiter] ?? "\(delimiter)"
        let extra = record.fields.dropFirst(header.fields.count)
        if let first = extra.first, !extra.allSatisfy({ $0.text.trimmingWhitespace().isEmpty }) {
            problem(first.line, first.column, "this row has \(record.fields.count) fields but the header has \(header.fields.count)",
                    "the columns are separated by \(name); a field that holds one must be in double quotes")
            return nil
        }
        let missing = RosterReader.requiredColumns.filter { (columns[$0] ?? 0) >= record.fields.count }
        if !missing.isEmpty, let last = record.fields.last {
            let other = RosterDelimiter.names.keys.sorted().first { $0 != delimiter && record.fields.count == 1 && last.text.contains($0) }
            let hint = other.map { "this row seems separated by \(RosterDelimiter.names[$0] ?? "") but the header by \(name); use one separator throughout" }
                ?? "give every column a field, even an empty one (two separators in a row)"
            problem(last.line, last.column + last.text.count,
                    "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") but the header has \(header.fields.count): no \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                    hint)
            return nil
        }
        return RosterRow(record: record, columns: columns, sheet: self)
    }
}
