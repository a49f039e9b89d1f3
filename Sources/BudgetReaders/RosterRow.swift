import BudgetCore

/// Where each column the header names is, looked up by name: a handful of names, so a search of a short list (names are
/// short strings, compared without hashing) is quicker than a dictionary for the dozen lookups of every row.
struct ColumnPlaces {
    private let names: [String]
    private let places: [Int]
    /// Each name's length and first and last bytes, compared before the names themselves (most lookups miss).
    private let signatures: [Int]

    init(_ columns: [String: Int]) {
        let sorted = columns.sorted { $0.value < $1.value }
        names = sorted.map(\.key)
        places = sorted.map(\.value)
        signatures = names.map(ColumnPlaces.signature)
    }

    private static func signature(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in bytes.count << 16 | Int(bytes.first ?? 0) << 8 | Int(bytes.last ?? 0) }
    }

    /// The 0-based place of a column, nil when the header does not name it.
    subscript(name: String) -> Int? {
        let signature = ColumnPlaces.signature(name)
        for i in names.indices where signatures[i] == signature && names[i] == name { return places[i] }
        return nil
    }
}

/// One participant's row: its fields by column name, read into values, with the problems found in them.
struct RosterRow {
    let record: SourceRecord
    let columns: ColumnPlaces
    let records: RosterRecords
    var problems: [Diagnostic] = []
    /// The place of the column the fare was read from (for a total row's check of the fares above it).
    var farePlace: Int?
    /// The first date read in each form that is not ISO (its line, column, text and reading), for the roster's notes.
    var dateForms: [DateText.Form: (line: Int, column: Int, text: String, date: CivilDate, excerpt: String?)] = [:]
    /// The stay's dates read (`arrive`, `leave`), and those of them far from the workshop that fall in another event's, by
    /// its id: the roster may be meant for that event.
    var staysRead = 0
    var elsewhere: [String: Int] = [:]
    /// A stay's date allowed but more than a week from the workshop (a day and month swapped by a spreadsheet?), for a note.
    var earlyArrival: CivilDate?
    var lateLeave: CivilDate?
    /// A `funding` word read by its common meaning (`Funded`), for a note.
    var fundingWord: (text: String, funding: Funding)?

    init(record: SourceRecord, columns: ColumnPlaces, records: RosterRecords) {
        self.record = record
        self.columns = columns
        self.records = records
    }

    func field(_ column: String) -> SourceField? {
        columns[column].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
    }

    /// The field's text without surrounding spaces, every space-like character inside read as one space; empty when the
    /// column or the field is absent.
    func text(_ column: String) -> String { field(column).map { RosterRow.plain($0.text) } ?? "" }

    /// A field's text trimmed, with every space-like character inside read as one space. Most fields are plain ASCII with
    /// single spaces inside and none around: one look at the bytes tells, and the text is kept as it is.
    static func plain(_ text: String) -> String {
        var text = text
        let isPlain = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            if first == 0x20 || last == 0x20 { return false }
            var previousSpace = false
            for byte in bytes {
                if byte >= 0x80 || byte == 0x09 || (byte == 0x20 && previousSpace) { return false }
                previousSpace = byte == 0x20
            }
            return true
        }
        return isPlain ? text : text.withPlainSpaces().trimmingWhitespace()
    }

    /// Records a problem at a column's field (or at the row when the field is absent); `cause` joins it to the same problem
    /// on other rows when its words name its own value.
    mutating func refuse(_ column: String, _ message: String, _ hint: String, cause: Diagnostic.Cause? = nil) {
        let (line, col) = field(column).map { ($0.line, $0.column) } ?? (record.line, 1)
        problems.append(Diagnostic(records.location(line, col), message, excerpt: records.excerpt(line), hint: hint, cause: cause))
    }

    /// The point of departure; an unknown or empty one is refused, with the nearest names.
    mutating func country(_ countries: CountryDirectory, cache: CountryCache? = nil) -> Country? {
        let raw = text("country")
        if let country = cache.map({ $0.country(named: raw, in: countries) }) ?? countries.country(named: raw) { return country }
        let near = raw.count <= 60 ? countries.suggestions(for: raw) : []
        let hint = near.isEmpty
            ? "add the country or an alias to Tables/countries.toml"
            : "did you mean \(near.map { "`\($0)`" }.joined(separator: ", "))? Otherwise add it to Tables/countries.toml"
        refuse("country", raw.isEmpty ? "the `country` (point of departure) is empty" : "unknown point of departure \(raw.quoted)", hint)
        return nil
    }

    /// An amount: `.some(nil)` when empty, nil when refused; `zeroMeans` refuses zero with that reason.
    mutating func money(_ column: String, zeroMeans: String? = nil) -> Money?? {
        money(column, raw: text(column), zeroMeans: zeroMeans)
    }

    /// The same, from the field's text already read.
    mutating func money(_ column: String, raw: String, zeroMeans: String? = nil) -> Money?? {
        if raw.isEmpty { return .some(nil) }
        switch MoneyText.parse(raw, mark: records.decimalMark) {
        case .success(let money):
            if money == .zero, let zeroMeans {
                refuse(column, "`\(column)` is \(raw.quoted): \(zeroMeans)",
                       "leave the field empty if no fare is quoted yet (the cap is then the planning estimate)")
                return nil
            }
            return .some(money)
        case .failure(let refusal):
            // Text where an amount goes (`N/A`, `TBC`): empty is the way to say it is not known, in the column's own words.
            let hint = refusal.hasNoDigits
                ? "leave the field empty if \(column == "fare_usd" ? "no fare is quoted yet" : "it is not known yet"); otherwise " + refusal.hint
                : refusal.hint
            refuse(column, "`\(column)` is \(raw.quoted): \(refusal.reason)", hint,
                   cause: Diagnostic.Cause("amount:\(column):" + (refusal.cause ?? refusal.reason + "|" + refusal.hint), things: "amounts"))
            return nil
        }
    }

    /// A date: `.some(nil)` when empty, nil when refused.
    mutating func date(_ column: String) -> CivilDate?? {
        let raw = text(column)
        if raw.isEmpty { return .some(nil) }
        switch DateText.parse(raw, order: records.dateOrder) {
        case .success(let read):
            // Only the roster's first date of each form is kept (its excerpt is made only then).
            if let form = read.form, records.dateForms[form] == nil, dateForms[form] == nil, let field = field(column) {
                dateForms[form] = (field.line, field.column, raw, read.date, records.excerpt(field.line))
            }
            return .some(read.date)
        case .failure(let refusal):
            if refusal.cause == DateText.ambiguousOrder, records.dateOrder == nil, let columns = records.dateColumns {
                switch columns.reading(of: column) {
                case .settled(let order, let witness):
                    if case .success(let read) = DateText.parse(raw, order: order), let field = field(column) {
                        columns.didRead(column, text: raw, line: field.line, place: field.column, date: read.date, by: witness,
                                        excerpt: { records.excerpt(field.line) })
                        return .some(read.date)
                    }
                case .unsettled(let why):
                    refuse(column, "`\(column)` is \(raw.quoted): \(refusal.reason)" + (why.map { "; \($0)" } ?? ""), refusal.hint,
                           cause: Diagnostic.Cause(DateText.ambiguousOrder, things: "dates"))
                    return nil
                }
            }
            refuse(column, "`\(column)` is \(raw.quoted): \(refusal.reason)", refusal.hint,
                   cause: Diagnostic.Cause("date:" + (refusal.cause ?? refusal.reason + "|" + refusal.hint), things: "dates"))
            return nil
        }
    }

    /// The words officers write in a `funding` column, and what each means (`Tables/rosters/README.md` lists them).
    static let fundingWords: [String: Funding] = [
        "assisted": .assisted, "funded": .assisted, "sponsored": .assisted, "full": .assisted, "yes": .assisted,
        "self-funded": .selfFunded, "self funded": .selfFunded, "selffunded": .selfFunded, "self": .selfFunded,
        "own funds": .selfFunded, "no": .selfFunded,
    ]

    /// `assisted` (the default, also when empty) or `self-funded`, or a common word for one of them (`Funded`, `Self`),
    /// which is noted.
    mutating func funding() -> Funding? {
        let raw = text("funding")
        if raw.isEmpty { return .assisted }
        let lowered = raw.lowercased()
        if let funding = RosterRow.fundingWords[lowered] {
            if lowered != funding.rawValue && lowered != "self funded" && lowered != "selffunded" { fundingWord = (raw, funding) }
            return funding
        }
        refuse("funding", "`funding` is \(raw.quoted)", "write `assisted` (the default) or `self-funded`")
        return nil
    }

    /// How far from the workshop a stay's date can be before it cannot be right (a wrong year, a wrong month).
    static let datesWithinDays = 30

    /// How far before the workshop an arrival (after it, a departure) is allowed but said in a note: a spreadsheet that
    /// opened the CSV in another locale may have made 11 December of `11/12/2023` 12 November.
    static let plausibleDays = 7

    /// Refuses a stay that cannot be right for the event: a date more than 30 days from the workshop, or a stay that does
    /// not overlap it. A stay that covers part of the workshop is kept (and flagged when costed). A far date that falls in
    /// one of `others`' workshops is counted for it (the roster may be that event's). A date more than a week from the
    /// workshop is kept, and noted.
    mutating func checkStay(arrive: CivilDate?, leave: CivilDate?, event: Event, others: [Event] = []) {
        var window: String { "the workshop is \(event.start.long) to \(event.end.long)" }   // said only when a date is refused
        var far = false
        for (column, date) in [("arrive", arrive), ("leave", leave)] {
            guard let date else { continue }
            staysRead += 1
            let before = event.start.dayNumber - date.dayNumber, after = date.dayNumber - event.end.dayNumber
            guard before > RosterRow.datesWithinDays || after > RosterRow.datesWithinDays else { continue }
            far = true
            let distance = before > 0 ? "\(days(before)) before the workshop starts" : "\(days(after)) after the workshop ends"
            let year = date.year != event.start.year ? "check the year: " : "check the date: "
            let other = others.first { $0.id != event.id && $0.start.dayNumber - RosterRow.plausibleDays <= date.dayNumber
                && date.dayNumber <= $0.end.dayNumber + RosterRow.plausibleDays }
            if let other { elsewhere[other.id, default: 0] += 1 }
            refuse(column, "`\(column)` \(date) is \(distance), more than \(RosterRow.datesWithinDays) days away: it cannot be right",
                   year + window + " (leave it empty for a participant present throughout)"
                       + (other.map { "; it falls in the workshop of \($0.id) (\(CivilDate.span($0.start, $0.end))): is the roster \($0.id)'s?" } ?? ""),
                   cause: Diagnostic.Cause("far-date:\(year):\(other?.id ?? "")", things: "dates"))
        }
        guard !far else { return }
        if let arrive, event.start.dayNumber - arrive.dayNumber > RosterRow.plausibleDays { earlyArrival = arrive }
        if let leave, leave.dayNumber - event.end.dayNumber > RosterRow.plausibleDays { lateLeave = leave }
        if let arrive, arrive > event.end {
            refuse("arrive", "`arrive` \(arrive) is after the workshop ends (\(event.end.long)): the stay does not overlap the workshop",
                   "correct the date (\(window)), or remove the participant if they do not attend")
        } else if let leave, leave < event.start {
            refuse("leave", "`leave` \(leave) is before the workshop starts (\(event.start.long)): the stay does not overlap the workshop",
                   "correct the date (\(window)), or remove the participant if they do not attend")
        }
    }

    private func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }
}
