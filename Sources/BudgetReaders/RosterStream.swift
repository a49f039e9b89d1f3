import BudgetCore
import Foundation

/// The one roster reader: participants one at a time, with every check and message of the roster rules. Reading a roster
/// whole (``RosterReader/readRoster(bytes:file:)``) is collecting this stream; a roster too large to hold (a million rows)
/// is read from its file in constant memory. The size chooses only the memory mode: ids checked exactly or by their
/// hashes, and a report's worth of problems kept.
public final class RosterStream: Sequence, IteratorProtocol {
    private let reader: RosterReader
    private let file: String
    private let records: RecordSource
    private var layout: RosterRecords
    private let header: SourceRecord
    private let columns: ColumnPlaces
    private var ids: IDRegister
    private let countries = CountryCache()
    /// The sheet's total and subtotal rows, left out of the participants and checked against the rows above them.
    private var totals: RosterTotals
    /// Currencies met without a stated rate (their fares are refused once), and the fares converted at each rate.
    private var missingRates: Set<String> = []
    private var quotedFares: [FareRate: Int] = [:]
    private let problemLimit: Int
    /// Problems found so far, those with the same cause and fix as one group; reading stops once there are as many groups
    /// as a report lists (a file read as a stream).
    private var found = DiagnosticGroups()
    public var problems: [Diagnostic] { found.groups }
    /// What the rows read so far tell, for the notes at the end (``RosterReadingTally``).
    private var tally = RosterReadingTally()
    /// How the file was read (its encoding, its delimiter, columns not used), for the user.
    public let notes: [Diagnostic]
    /// Headers no rule reads, said in the report.
    public let unusedColumns: [String]
    /// What the report says about the header (columns read by what their cells hold, headers read by another name).
    private let headerSentences: [String]
    /// The header's ticket column and its fare column, if any, for the note on tickets with no fare.
    private let ticketHeader: (place: Int, header: String)?
    private let fareHeader: String?
    /// The header's line as written, for a message at it once the rows are read.
    private let headerExcerpt: String?
    /// The file's lines (line feeds + 1): a bound on its participants.
    public let lines: Int
    /// Whether a fare may be quoted in another currency, known from the header and the rates stated: a fare column named
    /// with a currency, a `fare_currency` column, or a fare column naming no currency while a rate is stated.
    public let mayQuoteFares: Bool
    static let problemLimit = 50

    /// How repeated ids are found: exactly (a roster held whole), or by 64-bit hashes (a stream of any size).
    enum IDRegister {
        case exact([String: Int])
        case hashed(IDSet)

        /// Registers an id first met on `line`; the line it was first met on when it is there already.
        mutating func firstLine(of id: String, line: Int) -> Int? {
            switch self {
            case .exact(var seen):
                if let first = seen[id] { return first }
                self = .exact([:])   // lets `seen` be changed in place (an empty dictionary allocates nothing)
                seen[id] = line
                self = .exact(seen)
                return nil
            case .hashed(var set):
                self = .exact([:])
                let first = set.firstLine(of: id, line: line)
                self = .hashed(set)
                return first
            }
        }
    }

    /// Opens a roster file to read as a stream, in constant memory: a bad header, or a file that is not text, is an error
    /// at once. The check for repeated ids is sized once, for the file's lines (or `expectedRows` if more).
    public convenience init(reader: RosterReader, path: String, file: String, expectedRows: Int = 0) throws(InputError) {
        try self.init(reader: reader, source: try ByteSource(path: path), file: file,
                      ids: .hashed(IDSet(expected: 0)), expectedRows: expectedRows, problemLimit: RosterStream.problemLimit)
    }

    /// Reads a CSV roster's bytes from `source`: checks it is text and chooses its encoding and delimiter (one pass),
    /// then reads its header.
    convenience init(reader: RosterReader, source: ByteSource, file: String, checksText: Bool = true, ids: IDRegister,
                     expectedRows: Int = 0, problemLimit: Int) throws(InputError) {
        let scan = try RosterScan(source, file: file, checksText: checksText)
        var ids = ids
        if case .hashed = ids { ids = .hashed(IDSet(expected: Swift.max(expectedRows, scan.lines))) }
        var start = source.read(at: 0, count: 65_536)
        if start.count == 65_536, let end = start.lastIndex(of: 0x0A) { start.removeSubrange((end + 1)...) }
        let delimiter = RosterDelimiter(text: scan.encoding.decode(start), file: file)
        let csv = CSVStream(source: source, file: file, delimiter: delimiter.character, encoding: scan.encoding)
        try self.init(reader: reader, records: csv, file: file, delimiter: delimiter, ids: ids, problemLimit: problemLimit,
                      notes: scan.note.map { [$0] } ?? [], lines: scan.lines,
                      again: { CSVStream(source: source, file: file, delimiter: delimiter.character, encoding: scan.encoding) })
    }

    /// Reads the header from any source of records (a CSV file, a workbook's sheet). `again` reads the same records once
    /// more, from the start, to learn how the amounts write their cents (``MoneyText/mark(of:delimiter:forced:)``) before
    /// the first participant is read; without it amounts use a dot unless `--decimal-comma` says otherwise.
    init(reader: RosterReader, records: RecordSource, file: String, delimiter: RosterDelimiter, ids: IDRegister,
         problemLimit: Int, notes: [Diagnostic], lines: Int, again: (() -> RecordSource)? = nil) throws(InputError) {
        self.reader = reader
        self.file = file
        self.records = records
        self.ids = ids
        self.problemLimit = problemLimit
        self.lines = lines
        layout = RosterRecords(source: records, delimiter: delimiter.character)
        layout.dateOrder = reader.mapping.dateOrder
        var found: SourceRecord?
        while let record = try records.next() {
            if !record.isBlank && record.line != delimiter.separatorLine { found = record; break }
        }
        guard let header = found else {
            throw .badData([Diagnostic(records.location(line: 1, column: 1), "the roster is empty",
                                       hint: "the first row names the columns: " + RosterReader.requiredColumns.joined(separator: ","))])
        }
        self.header = header
        // A header whose name leaves a doubt (`Departure`) is settled by its cells, read once more from the start.
        let settle = again.map { again in
            { (place: Int, candidates: [String]) in
                RosterStream.settle(again(), header: header, place: place, candidates: candidates, countries: reader.countries,
                                    dateOrder: reader.mapping.dateOrder)
            }
        }
        let read = layout.readHeader(header, mapping: reader.mapping, settle: settle)
        columns = ColumnPlaces(read.columns)
        // A date column's ambiguous dates (`11/12/2023`) are read in the order its other dates settle (`16/12/2023`), looked
        // at once, when the first ambiguous date is met.
        let datePlaces = RosterColumns.dates.sorted().compactMap { name in read.columns[name].map { (name: name, place: $0) } }
        if reader.mapping.dateOrder == nil, let again, !datePlaces.isEmpty {
            layout.dateColumns = DateColumns(look: { DateColumns.evidence(of: again(), header: header, places: datePlaces) },
                                             rowName: { [layout] in layout.rowName($0) })
        }
        let names = layout.headerNames
        ticketHeader = read.columns["ticket_usd"].map { ($0, names[$0]) }
        fareHeader = read.columns["fare_usd"].map { names[$0] }
        headerExcerpt = layout.excerpt(header.line)
        layout.fares = read.fares
        totals = RosterTotals(columns: columns, fares: read.fares)
        // A fare column named with a currency that has no stated rate: refused once, at its header; the rows are still read,
        // so that every other problem (another currency without a rate) is found in the same run.
        var missingRates: [Diagnostic] = []
        for (column, field) in zip(read.fares.quoted, read.quotedFareFields) where reader.fareRate(column.currency) == nil {
            missingRates.append(Diagnostic(layout.location(field.line, field.column),
                                           "column \(column.place + 1), \(column.header.quoted), holds fares in \(column.currency), and no rate for \(column.currency) is stated",
                                           excerpt: layout.excerpt(field.line), hint: FareCurrency.missingRateHint(column.currency)))
        }
        if !layout.problems.isEmpty { throw .badData(layout.problems + missingRates) }
        layout.decimalMark = reader.mapping.decimalComma ? .comma
            : again.map { RosterStream.decimalMark(of: $0(), header: header, places: RosterColumns.amounts.compactMap { read.columns[$0] } + read.fares.quoted.map(\.place),
                                                   delimiter: delimiter.character) } ?? .dot
        let said = RosterReader.notes(unused: read.unused, delimiter: delimiter, records: layout)
        let byContent = RosterReader.notes(byContent: read.byContent, records: layout)
        unusedColumns = said.unused
        headerSentences = byContent.sentences + (RosterReader.synonymSentence(read.synonyms).map { [$0] } ?? [])
        self.notes = notes + said.notes + byContent.notes + RosterReader.decimalNote(layout)
        self.found = DiagnosticGroups(missingRates)
        let ratesStated = !reader.mapping.rates.isEmpty || !(reader.event?.fareRates.isEmpty ?? true)
        mayQuoteFares = !read.fares.quoted.isEmpty || read.columns["fare_currency"] != nil
            || (read.columns["fare_usd"] != nil && !read.fares.namesDollars && ratesStated)
    }

    /// The next participant; nil at the end of the file, or once a report's worth of problems is found.
    public func next() -> Participant? {
        while found.count < problemLimit {
            let record: SourceRecord
            do {
                guard let next = try records.next() else { return nil }
                record = next
            } catch {
                if case .badData(let problems) = error { found.add(problems) } else { found.add(error.asDiagnostic) }
                return nil
            }
            if record.isBlank {
                found.add(record.cellProblems)
                continue
            }
            if let label = RosterTotals.label(of: record, columns: columns) {
                totals.total(record, label: label, records: layout)
                continue
            }
            found.add(record.cellProblems)
            guard var row = layout.row(record, header: header, columns: columns,
                                       isKnownCountry: { self.countries.country(named: $0, in: self.reader.countries) != nil }) else {
                // A quote not written twice is the likely cause of a row's fields not matching the header: said once.
                if record.cellProblems.isEmpty { found.add(layout.problems) }
                layout.problems = []
                continue
            }
            let participant = reader.participant(&row, file: file, cache: countries, check: { [self] id in
                ids.firstLine(of: id, line: record.line).map { .repeated(firstLine: $0) } ?? .new
            }, firstMissingRate: { [self] currency in missingRates.insert(currency).inserted })
            // A cell refused for its own problem (`#N/A`) is not refused again as empty.
            found.add(record.cellProblems.isEmpty ? row.problems : row.problems.filter { problem in
                !record.cellProblems.contains { $0.location.line == problem.location.line && $0.location.column == problem.location.column }
            })
            layout.dateForms.merge(row.dateForms) { first, _ in first }
            tally.add(row)
            if let participant {
                totals.add(participant, farePlace: row.farePlace, line: record.line)
                tally.add(participant, row: row, line: record.line)
                if let quoted = participant.quotedFare { quotedFares[quoted.rate, default: 0] += 1 }
                if found.isEmpty { return participant }
            }
        }
        return nil
    }

    /// How the dates not written ISO were read, each with its first example: the rest of the notes, known once the
    /// participants are read.
    public var dateNotes: [Diagnostic] { RosterReader.dateNotes(layout) }

    /// The total rows left out, and any whose amounts are not the sum of the rows (warnings): known once the participants
    /// are read.
    public var totalNotes: [Diagnostic] {
        finishTotals()
        return totals.notes
    }

    /// The fares converted from other currencies, a note for each rate: known once the participants are read.
    public var fareNotes: [Diagnostic] {
        quotedFares.sorted { $0.key.currency < $1.key.currency }.map { rate, count in
            Diagnostic(layout.location(0, 0), "\(counted(count, "fare")) quoted in \(rate.currency) \(count == 1 ? "was" : "were") converted to US$ at "
                       + "\(rate.statement), each rounded half up to the cent before the cap", severity: .note)
        }
    }

    /// The notes known once the participants are read: how dates were read, the fares converted, the total rows, what the
    /// rows told (words read by their meaning, tickets with no fare, stays far from the workshop).
    public var closingNotes: [Diagnostic] { dateNotes + columnDateNotes.map(\.note) + fareNotes + totalNotes + tallyNotes.map(\.note) }

    /// What the rows told, on stderr and (most of it) in the report's words.
    private var tallyNotes: [(note: Diagnostic, sentence: String?)] {
        tally.notes(records: layout, event: reader.event, header: header, headerExcerpt: headerExcerpt, ticket: ticketHeader, fare: fareHeader)
    }

    /// How the ambiguous dates of a column were read in the order its other dates settle: a note, and the same in the
    /// report's words.
    private var columnDateNotes: [(note: Diagnostic, sentence: String)] {
        (layout.dateColumns?.read ?? [:]).sorted { $0.key < $1.key }.map { column, read in
            let words = DateColumns.words(read.by.order)
            let said = "\(counted(read.count, "date")) in `\(column)` (\(layout.rowsDescribed(read.lines))) could be read day first or month first; "
                + "\(read.count == 1 ? "it was" : "they were") read \(words), as the column's \(read.by.text.quoted) (\(layout.rowName(read.by.line))) "
                + "can only be: \(read.first.text.quoted) (\(layout.rowName(read.first.line))) is \(read.first.date.long)"
            let other = read.by.order == .dmy ? "mdy" : "dmy"
            return (Diagnostic(layout.location(read.first.line, read.first.column), said, excerpt: read.first.excerpt,
                               hint: "if they are \(read.by.order == .dmy ? "month" : "day") first, say so: --date-order \(other); ISO dates (YYYY-MM-DD) need no reading",
                               severity: .note),
                    said.firstLetterCapitalized + ".")
        }
    }

    /// What the report says about how the roster was read (headers read by another name or by what they hold, dates read
    /// in their column's order, total rows left out with their rows, tickets with no fare, stays far from the workshop):
    /// complete at the end.
    public var reportNotes: [String] {
        finishTotals()
        return headerSentences + columnDateNotes.map(\.sentence) + totals.sentences
            + tallyNotes.compactMap(\.sentence)
    }

    private var totalsFinished = false
    private func finishTotals() {
        guard !totalsFinished else { return }
        totalsFinished = true
        totals.finish(records: layout)
    }

    /// Throws the problems found, if any (call it after the last participant): far dates that are most of the roster's and
    /// fall in another event's workshop are said as that, once; a roster with a header and no participant is refused.
    public func finish() throws(InputError) {
        if let (other, count) = tally.elsewhere.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count * 2 > tally.staysRead,
           let event = reader.event, let otherEvent = reader.otherEvents.first(where: { $0.id == other }) {
            let far = found.remove { $0.cause?.key.hasPrefix("far-date:") == true && $0.cause?.key.hasSuffix(":" + other) == true }
            if let first = far.first {
                var lines = LineRanges()
                for group in far { lines.add(group.repeats?.lines ?? LineRanges(group.location.line)) }
                found.add(Diagnostic(first.location,
                                     "these dates are those of \(other) (\(CivilDate.span(otherEvent.start, otherEvent.end))), not of \(event.id) "
                                     + "(\(CivilDate.span(event.start, event.end))): \(count) of the roster's \(counted(tally.staysRead, "date")) of arrival and departure "
                                     + "fall in \(other)'s workshop (\(lines.described(sheet: layout.source is SheetRecords)))",
                                     excerpt: first.excerpt,
                                     hint: "did you mean `--event \(other)`? Otherwise correct the dates: \(event.id) is \(CivilDate.span(event.start, event.end))"))
            }
        }
        finishTotals()
        if found.isEmpty, tally.participants == 0 {
            let left = totals.sentences.isEmpty ? "" : " (a total row is not one)"
            found.add(Diagnostic(layout.location(header.line, 1), "no participants: the roster has its header and no participant row under it\(left)",
                                 excerpt: headerExcerpt,
                                 hint: "add one row per participant under the header (\(layout.rowName(header.line))); nothing is costed from an empty roster"))
        }
        if !found.isEmpty { throw .badData(found.groups) }
    }

    /// Every participant, or every problem found.
    func collect() throws(InputError) -> RosterReader.Roster {
        var participants: [Participant] = []
        while let participant = next() { participants.append(participant) }
        try finish()
        return RosterReader.Roster(participants: participants, unusedColumns: unusedColumns, notes: notes + closingNotes,
                                   reportNotes: reportNotes)
    }

    /// Which of `candidates` the cells of a column are (0-based `place`), read from every record after the header: the
    /// one whose test every filled cell passes (a date for a date column, a known point of departure for `country`), with
    /// the evidence; else why not (empty, or mixed). A record that cannot be read ends the look; the reading proper reports it.
    static func settle(_ records: RecordSource, header: SourceRecord, place: Int, candidates: [String], countries: CountryDirectory,
                       dateOrder: DateOrder?) -> RosterRecords.Settlement {
        var filled = 0, dates = 0, places = 0
        var example: String?
        var neither: (text: String, line: Int)?
        var passing = candidates
        while let record = try? records.next() {
            guard record.line > header.line, place < record.fields.count else { continue }
            let text = RosterRow.plain(record.fields[place].text)
            if text.isEmpty { continue }
            filled += 1
            if example == nil { example = text }
            let isDate = DateText.looksLikeDate(text, order: dateOrder)
            let isPlace = !isDate && countries.country(named: text) != nil
            if isDate { dates += 1 } else if isPlace { places += 1 } else if neither == nil { neither = (text, record.line) }
            passing = passing.filter { RosterColumns.dates.contains($0) ? isDate : isPlace }
        }
        let names = candidates.map { "`\($0)`" }.joined(separator: " or ")
        guard filled > 0, let example else { return .unsettled("they are all empty") }
        if passing.count == 1 {
            let kind = RosterColumns.dates.contains(passing[0]) ? "a date" : "a known point of departure"
            return .column(passing[0], evidence: "\(filled == 1 ? "its one filled cell" : "each of its \(filled) filled cells") is \(kind) (e.g. \(example.quoted))")
        }
        if passing.count > 1 { return .unsettled("its cells are dates, which could be \(names)") }
        if let neither {
            return .unsettled("\(neither.text.quoted) (\(records is SheetRecords ? "row" : "line") \(neither.line)) is neither a date nor a known point of departure")
        }
        return .unsettled("it holds \(counted(dates, "date")) and \(counted(places, "point")) of departure")
    }

    /// The mark the roster's amounts use, read from the amount columns of every record after the header (stopping at the
    /// first amount that settles it). A record that cannot be read ends the look; the reading proper reports it.
    static func decimalMark(of records: RecordSource, header: SourceRecord, places amountColumns: [Int], delimiter: Character) -> MoneyText.DecimalMark {
        var comma = false
        while let record = try? records.next() {
            guard record.line > header.line else { continue }
            for column in amountColumns where column < record.fields.count {
                // An amount alone says what the whole roster would: a dot settles it at once.
                switch MoneyText.mark(of: [record.fields[column].text], delimiter: delimiter, forced: false) {
                case .dot: return .dot
                case .comma: comma = true
                case .unknown: break
                }
            }
        }
        return comma ? .comma : .unknown
    }
}

extension InputError {
    /// The error as one diagnostic, for a list of problems.
    var asDiagnostic: Diagnostic {
        switch self {
        case .badData(let found): return found.first ?? Diagnostic(SourceLocation(file: "", line: 0, column: 0), "bad data", hint: "")
        case .missing(let path, let reason, let hint): return Diagnostic(SourceLocation(file: path, line: 0, column: 0), reason, hint: hint)
        }
    }
}

/// Countries by the spelling a roster uses, remembered: a large roster names the same few countries over and over.
final class CountryCache {
    private var known: [String: Country] = [:]

    func country(named raw: String, in countries: CountryDirectory) -> Country? {
        if let country = known[raw] { return country }
        guard let country = countries.country(named: raw) else { return nil }
        if known.count < 10_000 { known[raw] = country }
        return country
    }
}
