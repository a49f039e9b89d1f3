import BudgetCore

/// A roster's records read as columns, whatever their source: the header's names, then each row's fields by name.
struct RosterRecords {
    /// Where the records come from: their excerpts and locations in messages.
    let source: RecordSource
    let delimiter: Character
    var problems: [Diagnostic] = []
    /// Which of day and month comes first in `12/11/2023`, when the officer said (`--date-order`).
    var dateOrder: DateOrder?
    /// Which mark separates the cents in the roster's amounts.
    var decimalMark: MoneyText.DecimalMark = .dot
    /// Where the fares are: the fare column's header says US$ or not, and the fare columns named with another currency.
    var fares = FareColumns()
    /// The first date read in each form that is not ISO, for a note saying how dates were read.
    var dateForms: [DateText.Form: (line: Int, column: Int, text: String, date: CivilDate, excerpt: String?)] = [:]
    /// Which of day and month comes first in each date column, learnt from its own dates when `--date-order` does not say.
    var dateColumns: DateColumns?
    /// The header's names as written, by place (for messages).
    var headerNames: [String] = []

    init(source: RecordSource, delimiter: Character) {
        self.source = source
        self.delimiter = delimiter
    }

    /// The text of a line of the current record, for an excerpt.
    func excerpt(_ line: Int) -> String? { source.excerpt(line: line) }

    /// A message's place.
    func location(_ line: Int, _ column: Int) -> SourceLocation { source.location(line: line, column: column) }

    /// A record's place in a report's words: `line 14` of a CSV file, `row 14` of a sheet.
    func rowName(_ line: Int) -> String { "\(source is SheetRecords ? "row" : "line") \(line)" }

    /// A run of records in a report's words: `lines 2–13`, `row 5`.
    func rowsName(_ first: Int, _ last: Int) -> String {
        first == last ? rowName(first) : "\(source is SheetRecords ? "rows" : "lines") \(first)–\(last)"
    }

    mutating func problem(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
        problems.append(Diagnostic(location(line, column), message, excerpt: excerpt(line), hint: hint))
    }

    /// The header as read: each roster column's index, and the headers no rule reads.
    struct Header {
        var columns: [String: Int] = [:]
        /// Headers travel-budget does not read (unknown ones that resemble no column, known unused ones, ignored ones).
        var unused: [SourceField] = []
        /// Headers read by what their cells hold (their names could be several columns): said in a note and in the report.
        var byContent: [(field: SourceField, position: Int, column: String, candidates: [String], evidence: String)] = []
        /// Where the fares are (a column named with another currency, `Fare (THB)`, holds fares in it).
        var fares = FareColumns()
        /// The headers of the fare columns named with another currency, for messages at them.
        var quotedFareFields: [SourceField] = []
        /// Headers read as a column by another of its names (`Full Name` as `name`): said in the report.
        var synonyms: [(position: Int, header: String, column: String)] = []
    }

    /// What a column's cells say about which of some columns it is: one of them, with the evidence (`each of its 5 filled
    /// cells is a date`), or none, with the reason (`they are all empty`).
    enum Settlement {
        case column(String, evidence: String)
        case unsettled(String)
    }

    /// Reads the header through the names table (and `--columns`): a repeated column, a header that resembles a column
    /// but is not one, a `--columns` header that is not there, or a missing required column is a problem. A header whose
    /// name could be several columns that cells tell apart (`Departure`: `country` or `leave`) is read as the one `settle`
    /// finds in its cells (given the column's place and the candidates), and is a problem when they do not settle it.
    mutating func readHeader(_ header: SourceRecord, mapping: ColumnMapping = ColumnMapping(),
                             settle: ((Int, [String]) -> Settlement)? = nil) -> Header {
        var result = Header()
        headerNames = header.fields.map { $0.text.trimmingWhitespace() }
        var headerOf: [String: SourceField] = [:]
        var ambiguous: [DoubtfulHeader] = []
        for (i, field) in header.fields.enumerated() {
            let text = field.text.trimmingWhitespace()
            if text.isEmpty { continue }
            if mapping.ignores(text) {
                result.unused.append(field)
                continue
            }
            let mapped = mapping.column(forHeader: text)
            if mapped == nil || mapped == "fare_usd", let currency = RosterColumns.otherCurrency(text).flatMap(FareCurrency.code),
               mapped != nil || RosterColumns.quotedFareCurrency(text) != nil {
                readQuotedFareColumn(field, at: i, text: text, currency: currency, into: &result)
                continue
            }
            if let mapped, RosterColumns.amounts.contains(mapped), let currency = RosterColumns.otherCurrency(text) {
                problem(field.line, field.column, "--columns \(mapped)=\(text): \(text.quoted) names \(currency), but `\(mapped)` is read in US$ only",
                        "give the amounts in US$ in that column; only fares may be quoted in another currency (a `Fare (\(currency))` column)")
                continue
            }
            guard let name = mapped ?? mapping.lineActualColumn(forHeader: text) ?? RosterColumns.column(forHeader: text) else {
                readUnknownHeader(field, at: i, text: text, canSettle: settle != nil, into: &result, doubtful: &ambiguous)
                continue
            }
            if let first = headerOf[name], let index = result.columns[name] {
                let same = first.text.trimmingWhitespace() == text
                problem(field.line, field.column,
                        same ? "column \(text.quoted) appears twice (columns \(index + 1) and \(i + 1))"
                             : "columns \(first.text.trimmingWhitespace().quoted) (column \(index + 1)) and \(text.quoted) (column \(i + 1)) both name `\(name)`",
                        "keep one of them" + (same ? "" : ", or say which: --columns \"ignore=\(text)\""))
            } else {
                result.columns[name] = i
                headerOf[name] = field
                if name == "fare_usd" { result.fares.namesDollars = RosterColumns.namesDollars(text) }
                if mapped == nil, RosterColumns.key(text) != RosterColumns.key(name) { result.synonyms.append((i + 1, text, name)) }
            }
        }
        if let settle { settleByCells(ambiguous, settle: settle, into: &result, headerOf: &headerOf) }
        checkMappedHeaders(header, mapping: mapping, headerOf: headerOf, result: result)
        checkRequiredColumns(header, result: result)
        return result
    }

    /// A header whose name could be several columns, left for its cells to settle: its field, place, text and candidates.
    private typealias DoubtfulHeader = (field: SourceField, position: Int, text: String, candidates: [String])

    /// A fare column named with its currency (`Fare (THB)`): fares in that currency, converted at its rate; a second
    /// column for the same currency is a problem.
    private mutating func readQuotedFareColumn(_ field: SourceField, at i: Int, text: String, currency: String, into result: inout Header) {
        if let other = result.fares.quoted.first(where: { $0.currency == currency }) {
            problem(field.line, field.column, "columns \(other.header.quoted) (column \(other.place + 1)) and \(text.quoted) (column \(i + 1)) both hold fares in \(currency)",
                    "keep one of them, or say which: --columns \"ignore=\(text)\"")
        } else {
            result.fares.quoted.append((i, currency, text))
            result.quotedFareFields.append(field)
        }
    }

    /// A header that names no column: left for its cells to settle when it could be several columns they tell apart, a
    /// problem when it resembles a column (with how to rename or map it), else not used.
    private mutating func readUnknownHeader(_ field: SourceField, at i: Int, text: String, canSettle: Bool,
                                            into result: inout Header, doubtful: inout [DoubtfulHeader]) {
        let candidates = RosterColumns.isKnownUnused(text) ? [] : RosterColumns.resemblances(text)
        if canSettle, candidates.count >= 2, RosterColumns.otherCurrency(text) == nil,
           candidates.allSatisfy(RosterColumns.readableByContent.contains) {
            doubtful.append((field, i, text, candidates))
        } else if let near = candidates.first {
            let ignore = "--columns \"ignore=\(text)\" to leave it out (Tables/rosters/README.md lists every name read)"
            let choices = candidates.map { name in
                "if it holds \(RosterColumns.meaning(of: name)), rename it to `\(name)` or map it: --columns \"\(name)=\(text)\"; "
            }.joined()
            problem(field.line, field.column, unknownHeaderMessage(text, position: i + 1, near: candidates),
                    RosterColumns.otherCurrency(text) != nil
                        ? "give the amounts in US$ in a column named `\(near)`, or \(ignore)"
                        : choices + "otherwise \(ignore)")
        } else {
            result.unused.append(field)
        }
    }

    /// Headers whose name leaves a doubt: each one's cells settle it among the columns no other header names, or it is a
    /// problem saying why they do not.
    private mutating func settleByCells(_ doubtful: [DoubtfulHeader], settle: (Int, [String]) -> Settlement,
                                        into result: inout Header, headerOf: inout [String: SourceField]) {
        for (field, i, text, candidates) in doubtful {
            let open = candidates.filter { result.columns[$0] == nil }
            let settlement = open.isEmpty ? .unsettled("every column it could be is named by another header") : settle(i, open)
            if case .column(let name, let evidence) = settlement, result.columns[name] == nil {
                result.columns[name] = i
                headerOf[name] = field
                result.byContent.append((field, i + 1, name, candidates, evidence))
            } else {
                let why: String
                if case .unsettled(let reason) = settlement { why = reason } else { why = "" }
                let ignore = "--columns \"ignore=\(text)\" to leave it out (Tables/rosters/README.md lists every name read)"
                let choices = candidates.map { name in
                    "if it holds \(RosterColumns.meaning(of: name)), rename it to `\(name)` or map it: --columns \"\(name)=\(text)\"; "
                }.joined()
                problem(field.line, field.column, unknownHeaderMessage(text, position: i + 1, near: candidates)
                        + (why.isEmpty ? "" : " Its cells do not settle it: \(why)."),
                        choices + "otherwise \(ignore)")
            }
        }
    }

    /// Each header `--columns` names must be in the header (under that name, or as a fare column named with its
    /// currency): one that is not is a problem listing the headers there.
    private mutating func checkMappedHeaders(_ header: SourceRecord, mapping: ColumnMapping, headerOf: [String: SourceField], result: Header) {
        let found = header.fields.map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        for (column, wanted) in mapping.headers.sorted(by: { $0.key < $1.key }) where (headerOf[column] == nil
            || RosterColumns.key(headerOf[column]!.text) != RosterColumns.key(wanted))
            && !result.fares.quoted.contains(where: { RosterColumns.key($0.header) == RosterColumns.key(wanted) }) {
            let end = (excerpt(header.line)?.count ?? 0) + 1
            problem(header.line, end, "--columns \(column)=\(wanted): the header has no column \(wanted.quoted)",
                    "the headers are: \(found.prefix(20).map(\.quoted).joined(separator: ", "))")
        }
    }

    /// A required column the header does not name is a problem, with the names it goes by, a header that may be it
    /// misspelt, a title row above the header, or a ticket column read as the ticket bought.
    private mutating func checkRequiredColumns(_ header: SourceRecord, result: Header) {
        let found = header.fields.map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        let shown = found.prefix(12).map { $0.quoted }.joined(separator: ", ") + (found.count > 12 ? ", …" : "")
        let titleRow = result.columns.isEmpty
            ? " The first row that is not empty must name the columns: is there a title row above them?" : ""
        // A fare column named with its currency stands for the fare column.
        let missing = RosterColumns.required.filter { result.columns[$0] == nil && !($0 == "fare_usd" && !result.fares.quoted.isEmpty) }
        guard !missing.isEmpty else { return }
        let end = (excerpt(header.line)?.count ?? 0) + 1
        let names = missing.map { "`\($0)`" }.joined(separator: ", ")
        let examples = missing.map { name in
            "`\(name)` (also: \(RosterColumns.all.first { $0.name == name }!.otherNames.prefix(3).joined(separator: ", ")))"
        }.joined(separator: "; ")
        let unread = result.unused.map { $0.text.trimmingWhitespace() }
        let renames = missing.compactMap { required in
            unread.first { editDistance(RosterColumns.key($0), RosterColumns.key(required), atMost: 2) != nil }
                .map { " Rename \($0.quoted) to `\(required)`?" }
        }.joined()
        // A ticket column but no fare column: the tickets are what was bought, read by `reconcile`; `cost` plans from quotes.
        let tickets = missing.contains("fare_usd") ? result.columns["ticket_usd"].map { header.fields[$0].text.trimmingWhitespace() } : nil
        let ticketHint = tickets.map { ticket in
            " \(ticket.quoted) is read as `ticket_usd`, the ticket actually bought, which `travel-budget reconcile` sets against the plan; "
                + "`cost` plans from the quoted fare: add an empty `fare_usd` column to estimate each fare at the cap, or plan with the "
                + "tickets: --columns \"fare_usd=\(ticket)\"."
        } ?? ""
        problem(header.line, end, "the header has no \(names) column\(missing.count == 1 ? "" : "s")",
                "found: \(shown.isEmpty ? "nothing" : shown); required: \(examples); or name the header that holds it: "
                + "--columns \"\(missing[0])=YOUR HEADER\".\(renames)\(titleRow)\(ticketHint)")
    }

    /// Why a header that resembles a column is not read as it.
    private func unknownHeaderMessage(_ text: String, position: Int, near: [String]) -> String {
        let currency = RosterColumns.otherCurrency(text).map { " It names \($0): travel-budget reads amounts in US$ only, so convert the column to US$ first." } ?? ""
        return "column \(position), \(text.quoted), is not a column travel-budget reads, but it looks like "
            + near.map { "`\($0)`" }.joined(separator: " or ") + "; it was not guessed.\(currency)"
    }

    /// Where a roster's fares are.
    struct FareColumns {
        /// Whether the fare column's header says US$ (`fare_usd`, `Fare (USD)`): its cells may not name another currency. A
        /// header that says no currency (`Fare`) may hold fares in any, each cell naming its own (`THB 12,500`) or the
        /// `fare_currency` column giving it.
        var namesDollars = false
        /// The fare columns named with another currency (`Fare (THB)`): their place, currency and header.
        var quoted: [(place: Int, currency: String, header: String)] = []
    }

    /// A record as a participant's row, or nil (with a problem) when its fields do not match the header's: more fields or
    /// fewer is always said, with both counts and the likely cause (a field holding the separator without quotes), and
    /// the row is not read one column off. `isKnownCountry` tells a point of departure, to find where the row went off.
    mutating func row(_ record: SourceRecord, header: SourceRecord, columns: ColumnPlaces, isKnownCountry: (String) -> Bool = { _ in false }) -> RosterRow? {
        let name = RosterDelimiter.names[delimiter] ?? "\(delimiter)"
        let count = record.fields.count, expected = header.fields.count
        if count > expected {
            let extra = record.fields.dropFirst(expected)
            let said = "this row has \(counted(count, "field")) but the header has \(expected)"
            if let join = likelyJoin(record, expected: expected, columns: columns, isKnownCountry: isKnownCountry) {
                let first = record.fields[join.start]
                let what = join.column.map { "`\($0)`" + (join.header.map { " (\($0.quoted))" } ?? "") } ?? join.header.map(\.quoted) ?? "one column"
                let amount = join.isAmount ? ", or write the amount without a thousands separator: \(join.text.filter { $0 != delimiter })" : ""
                problem(first.line, first.column,
                        "\(said): \(join.text.quoted) looks like one field, \(what), holding \(singular) without quotes",
                        "put a field that holds \(singular) in double quotes: \"\(join.text.replacingOccurrences(of: "\"", with: "\"\""))\"\(amount); "
                        + "otherwise every value after it is read one column to the right")
            } else if let first = extra.first(where: { !$0.text.trimmingWhitespace().isEmpty }) {
                problem(first.line, first.column, said, "the columns are separated by \(name); a field that holds one must be in double quotes")
            } else {
                let first = extra.first!
                problem(first.line, first.column, "\(said) (the \(counted(extra.count, "field")) past the header's last column \(extra.count == 1 ? "is" : "are") empty)",
                        "the columns are separated by \(name); a field that holds one must be in double quotes, or the values after it are "
                        + "read one column to the right; if no field does, remove the separators at the end of the row")
            }
            return nil
        }
        if count < expected, let last = record.fields.last {
            let missing = RosterColumns.required.filter { (columns[$0] ?? 0) >= count }
            let other = RosterDelimiter.names.keys.sorted().first { $0 != delimiter && count == 1 && last.text.contains($0) }
            if !missing.isEmpty {
                let hint = other.map { "this row seems separated by \(RosterDelimiter.names[$0] ?? "") but the header by \(name); use one separator throughout" }
                    ?? "give every column a field, even an empty one (two separators in a row)"
                problem(last.line, last.column + last.text.count,
                        "this row has \(counted(count, "field")) but the header has \(expected): no \(missing.map { "`\($0)`" }.joined(separator: ", "))", hint)
                return nil
            }
            let absent = header.fields[count...].map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
            problem(last.line, last.column + last.text.count,
                    "this row has \(counted(count, "field")) but the header has \(expected): nothing for "
                    + (absent.isEmpty ? "its last \(counted(expected - count, "column"))" : absent.prefix(4).map(\.quoted).joined(separator: ", ") + (absent.count > 4 ? ", …" : "")),
                    "give every column a field, even an empty one (two separators in a row); if a field was left out before the end, "
                    + "every value after it is read one column to the left")
            return nil
        }
        return RosterRow(record: record, columns: columns, records: self)
    }

    /// The separator in words, singular: `a comma`.
    private var singular: String { delimiter == ";" ? "a semicolon" : delimiter == "\t" ? "a tab" : "a comma" }

    /// Where a row with more fields than the header most likely went off: the fields that, joined back with the separator
    /// into one, give every checked column a value it can hold (a known point of departure, amounts, dates, a funding
    /// word); of several such places, the one where a field went on after a space (`Dela Cruz, Jose`) or an amount whose
    /// thousands separator was taken for the separator (`1,120.50`). Nil when no one place stands out.
    func likelyJoin(_ record: SourceRecord, expected: Int, columns: ColumnPlaces, isKnownCountry: (String) -> Bool)
        -> (start: Int, text: String, column: String?, header: String?, isAmount: Bool)? {
        let extra = record.fields.count - expected
        let checked = RosterColumns.amounts + ["country", "arrive", "leave", "applied_on", "funding"]
        let places = checked.compactMap { name in columns[name].map { (name, $0) } }
        func holds(_ name: String, _ raw: String) -> Bool {
            let text = RosterRow.plain(raw)
            switch name {
            case "country": return isKnownCountry(text)
            case "arrive", "leave", "applied_on": return text.isEmpty || DateText.looksLikeDate(text, order: dateOrder)
            case "funding": return text.isEmpty || RosterRow.fundingWords[text.lowercased()] != nil
            default:
                if text.isEmpty { return true }
                switch MoneyText.parse(text, mark: decimalMark) {
                case .success: return true
                case .failure(let refusal): return refusal.cause == "ambiguous-thousands"
                }
            }
        }
        var best: (start: Int, score: Int)?
        var tied = false
        for start in 0..<expected {
            let joined = record.fields[start...(start + extra)].map(\.text).joined(separator: String(delimiter))
            func text(_ place: Int) -> String { place < start ? record.fields[place].text : place == start ? joined : record.fields[place + extra].text }
            guard places.allSatisfy({ holds($0.0, text($0.1)) }) else { continue }
            let isAmount = places.contains { $0.1 == start && RosterColumns.amounts.contains($0.0) }
            let afterSpace = record.fields[(start + 1)...(start + extra)].allSatisfy { $0.text.first == " " }
            let score = (afterSpace ? 2 : 0) + (isAmount ? 1 : 0)
            if let best, best.score == score { tied = true }
            if score > best?.score ?? -1 {
                best = (start, score)
                tied = false
            }
        }
        guard let best, !tied, best.score > 0 else { return nil }
        let text = record.fields[best.start...(best.start + extra)].map(\.text).joined(separator: String(delimiter))
        let column = places.first { $0.1 == best.start }?.0 ?? ["id", "name", "organization", "paid_by"].first { columns[$0] == best.start }
        let header = best.start < headerNames.count ? headerNames[best.start] : nil
        return (best.start, text.trimmingWhitespace(), column, header.flatMap { column.map(RosterColumns.key) == RosterColumns.key($0) ? nil : $0 },
                RosterColumns.amounts.contains(column ?? ""))
    }
}
