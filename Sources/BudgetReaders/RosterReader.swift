import BudgetCore

/// Reads a roster CSV into participants, reporting every problem with file, line and column.
public struct RosterReader: Sendable {
    public let countries: CountryDirectory
    /// The event the roster is for, to check the `documents` and `paid_by` columns and the dates; nil accepts any value.
    public let event: Event?
    /// Headers mapped by hand (`--columns`).
    public let mapping: ColumnMapping
    /// The other events of the tables: a roster whose dates are most of them another event's is said to be that event's.
    public let otherEvents: [Event]

    /// A reader of rosters for `event` (nil accepts any dates), knowing `events`, the tables' events.
    public init(countries: CountryDirectory, event: Event? = nil, mapping: ColumnMapping = ColumnMapping(), events: [Event] = []) {
        self.countries = countries
        self.event = event
        var mapping = mapping
        mapping.lineActuals = (event?.personLines.dropFirst(2) ?? []).map { ColumnMapping.LineActual(key: $0.key, name: $0.name) }
        self.mapping = mapping
        otherEvents = events.filter { $0.id != event?.id }
    }

    /// The columns a roster must have.
    public static var requiredColumns: [String] { RosterColumns.required }
    /// The most hotel nights one participant's stay can have.
    public static let maximumNights = 366

    /// A roster as read: its participants, the header's columns that the reader does not use, and how it was read.
    public struct Roster: Sendable {
        public let participants: [Participant]
        /// Headers no rule reads (unknown ones that resemble no column, known unused ones, `--columns ignore=`): said in
        /// every report.
        public let unusedColumns: [String]
        /// What the reader must know about how the file was read (its encoding, its delimiter, unused columns, total rows).
        public let notes: [Diagnostic]
        /// What every report says about how the roster was read, in its own words: total rows left out (with their rows and
        /// any total that is not the sum of its rows).
        public var reportNotes: [String] = []
        /// The sheet read, for a workbook roster.
        public internal(set) var sheet: String? = nil

        /// The roster's name in a report: its path, and for a workbook the sheet read (`roster.xlsx [Roster]`).
        public func name(_ path: String) -> String { sheet.map { "\(path) [\($0)]" } ?? path }
    }

    /// Reads roster text; `file` names it in messages.
    public func read(text: String, file: String) throws(InputError) -> [Participant] {
        try readRoster(text: text, file: file).participants
    }

    /// Reads a roster file's bytes: UTF-8, or Windows-1252 when that reading is unambiguous (and said in a note). The roster
    /// is the one stream of participants (``RosterStream``), collected.
    public func readRoster(bytes: [UInt8], file: String) throws(InputError) -> Roster {
        try RosterStream(reader: self, source: ByteSource(bytes: bytes), file: file, ids: .exact([:]), problemLimit: .max).collect()
    }

    /// The longest line a roster may have: far more than any participant's row.
    public static let maximumLineLength = 10_000

    /// Reads roster text with what it ignored; `file` names it in messages.
    public func readRoster(text: String, file: String) throws(InputError) -> Roster {
        try RosterStream(reader: self, source: ByteSource(bytes: Array(text.utf8)), file: file, checksText: false,
                         ids: .exact([:]), problemLimit: .max).collect()
    }

    /// A note that amounts were read with a decimal comma, when they were.
    static func decimalNote(_ records: RosterRecords) -> [Diagnostic] {
        records.decimalMark == .comma
            ? [Diagnostic(records.location(0, 0), "amounts were read with a decimal comma (1.050,50 is 1050.50)", severity: .note)] : []
    }

    /// Notes on how dates not written ISO were read, each with its first example (known once the rows are read).
    static func dateNotes(_ records: RosterRecords) -> [Diagnostic] {
        records.dateForms.sorted(by: { $0.key < $1.key }).map { form, first in
            let why = form == .monthInWords ? "" : records.dateOrder.map { " (--date-order \($0.rawValue))" } ?? " (only that reading is a date)"
            return Diagnostic(records.location(first.line, first.column),
                              "dates written \(form.rawValue) were read as such\(why): \(first.text.quoted) is \(first.date.long)",
                              excerpt: first.excerpt, hint: "check that the dates read right; ISO dates (YYYY-MM-DD) need no reading", severity: .note)
        }
    }

    /// The header's columns that no rule reads, and the notes on how the roster was read (its delimiter, those columns).
    static func notes(unused: [SourceField], delimiter: RosterDelimiter, records: RosterRecords) -> (unused: [String], notes: [Diagnostic]) {
        var notes = delimiter.note.map { [$0] } ?? []
        if let first = unused.first {
            notes.append(Diagnostic(records.location(first.line, first.column),
                                    "column\(unused.count == 1 ? "" : "s") not used: \(unused.map { $0.text.trimmingWhitespace().quoted }.joined(separator: ", "))",
                                    excerpt: records.excerpt(first.line), severity: .note))
        }
        return (unused.map { $0.text.trimmingWhitespace() }, notes)
    }

    /// Notes on the headers read by what their cells hold: on stderr at the header, and the same in the report's words.
    static func notes(byContent: [(field: SourceField, position: Int, column: String, candidates: [String], evidence: String)],
                      records: RosterRecords) -> (notes: [Diagnostic], sentences: [String]) {
        var notes: [Diagnostic] = [], sentences: [String] = []
        for (field, position, column, candidates, evidence) in byContent {
            let header = field.text.trimmingWhitespace()
            let meaning = RosterColumns.meaning(of: column).components(separatedBy: " (")[0]
            let names = candidates.map { "`\($0)`" }.joined(separator: " or ")
            let said = "column \(position), \(header.quoted), was read as `\(column)` (\(meaning)) by what it holds: its name could be \(names), "
                + "and \(evidence)"
            let others = candidates.filter { $0 != column }.map { "--columns \"\($0)=\(header)\"" }.joined(separator: " or ")
            notes.append(Diagnostic(records.location(field.line, field.column), said, excerpt: records.excerpt(field.line),
                                    hint: "if it holds something else, say which: \(others), or rename the header `\(column)`", severity: .note))
            sentences.append(said.firstLetterCapitalized + ".")
        }
        return (notes, sentences)
    }

    /// The report's sentence on the headers read as a column by another of its names (`Full Name` as `name`); nil when
    /// every header read is its column's own name.
    static func synonymSentence(_ synonyms: [(position: Int, header: String, column: String)]) -> String? {
        guard !synonyms.isEmpty else { return nil }
        return "Headers read by another name: " + synonyms.map { "\($0.header.quoted) as `\($0.column)`" }.joined(separator: ", ")
            + " (Tables/rosters/README.md lists the names read; --columns NAME=HEADER reads a header as another column)."
    }

    /// Whether an id is new, or used before (on a known line, when the reader keeps lines).
    enum IDCheck {
        case new
        case repeated(firstLine: Int?)
    }

    /// The rate a currency's fares are converted at: the command line's (`--rate`), else the event file's (`[[fare_rates]]`).
    public func fareRate(_ currency: String) -> FareRate? {
        mapping.rates.first { $0.currency == currency } ?? event?.fareRates.first { $0.currency == currency }
    }

    /// One row's participant, or nil with the row's problems recorded in it. `firstMissingRate` says whether a currency
    /// without a stated rate is met for the first time (its fares are refused once).
    func participant(_ row: inout RosterRow, file: String, cache: CountryCache? = nil, check: (String) -> IDCheck,
                     firstMissingRate: (String) -> Bool = { _ in true }) -> Participant? {
        let record = row.record
        let id = row.text("id")
        if id.isEmpty {
            row.refuse("id", "the `id` is empty", "give every participant an id")
        } else if case .repeated(let first) = check(id) {
            row.refuse("id", "id \(id.quoted) is used again" + (first.map { " (first on line \($0))" } ?? " (an earlier row has it)"),
                       "ids must be unique")
        }
        let name = row.text("name")
        if name.isEmpty { row.refuse("name", "the `name` is empty", "give the participant's name, or a placeholder such as TBC-1") }
        let country = row.country(countries, cache: cache)
        let fare = row.fare(rate: fareRate, firstMissing: firstMissingRate)
        row.farePlace = fare?.place
        let capOverride = row.money("cap_override_usd")
        let arrive = row.date("arrive"), leave = row.date("leave")
        if case let (a??, l??) = (arrive, leave), l < a {
            row.refuse("leave", "`leave` \(l) is before `arrive` \(a)", "swap the dates or correct one of them")
        } else if let event {
            row.checkStay(arrive: arrive ?? nil, leave: leave ?? nil, event: event, others: otherEvents)
        }
        let funding = row.funding()
        let paidBy = row.paidBy(event)
        let application = row.application(documents: event?.eligibility.map { $0.documents.map(\.short) })
        let actual = row.actualSpend(lines: mapping.lineActuals.map(\.key))
        let planned = row.planned()
        let role = row.role()
        if planned == false, let actual, actual.isEmpty {
            row.refuse("planned", "`\(id)` is not planned (`planned` is `no`) and has no actual figures",
                       "fill in ticket_usd, nights_actual or local_actual_usd, or remove the row")
        }
        guard row.problems.isEmpty, let country, let fare, let capOverride, let arrive, let leave, let funding,
              let paidBy, let application, let actual, let planned, let role else { return nil }
        return Participant(
            id: id, name: name, organization: row.text("organization"), country: country, fare: fare.usd,
            arrive: arrive, leave: leave, capOverride: capOverride, funding: funding, application: application, paidBy: paidBy,
            isPlanned: planned, actual: actual,
            location: row.records.location(record.line, 1), quotedFare: fare.quoted, role: role)
    }
}
