import BudgetCore

/// Reads a roster CSV into participants, reporting every problem with file, line and column.
public struct RosterReader: Sendable {
    public let countries: CountryDirectory
    /// The event the roster is for, to check the `documents` and `paid_by` columns; nil accepts any value.
    public let event: Event?

    public init(countries: CountryDirectory, event: Event? = nil) {
        self.countries = countries
        self.event = event
    }

    /// The columns a roster must have.
    public static let requiredColumns = ["id", "name", "country", "fare_usd"]
    /// The columns a roster may have.
    public static let optionalColumns = ["organization", "arrive", "leave", "cap_override_usd", "funding"]
        + ApplicationColumns.names + ["paid_by"] + actualColumns
    /// The optional columns of what was actually spent, and whether a row is in the plan.
    public static let actualColumns = ["planned", "ticket_usd", "nights_actual", "local_actual_usd"]
    /// The most hotel nights one participant's stay can have.
    public static let maximumNights = 366

    /// A roster as read: its participants, and the header's columns that the reader does not use.
    public struct Roster: Sendable {
        public let participants: [Participant]
        /// Columns ignored (reported once, never an error).
        public let unusedColumns: [String]
    }

    /// Reads roster text; `file` names it in messages.
    public func read(text: String, file: String) throws(InputError) -> [Participant] {
        try readRoster(text: text, file: file).participants
    }

    /// Reads roster text with what it ignored; `file` names it in messages.
    public func readRoster(text: String, file: String) throws(InputError) -> Roster {
        let table = try CSVTable(text: text, file: file)
        var problems: [Diagnostic] = []
        func problem(_ line: Int, _ column: Int, _ message: String, _ hint: String?) {
            problems.append(Diagnostic(SourceLocation(file: file, line: line, column: column), message,
                                       excerpt: table.excerpt(line), hint: hint))
        }
        guard let header = table.records.first(where: { !$0.isBlank }) else {
            throw .badData([Diagnostic(SourceLocation(file: file, line: 1, column: 0),
                                       "the roster is empty",
                                       hint: "the first row names the columns: " + RosterReader.requiredColumns.joined(separator: ","))])
        }
        var columnIndex: [String: Int] = [:]
        for (i, field) in header.fields.enumerated() {
            let name = field.text.trimmingWhitespace().lowercased()
            if let first = columnIndex[name] {
                problem(field.line, field.column, "column `\(name)` appears twice (columns \(first + 1) and \(i + 1))",
                        "keep one of them")
            } else if !name.isEmpty {
                columnIndex[name] = i
            }
        }
        let found = header.fields.map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
        for required in RosterReader.requiredColumns where columnIndex[required] == nil {
            problem(header.line, 0, "the header has no `\(required)` column",
                    "found: \(found.joined(separator: ", ")); required: \(RosterReader.requiredColumns.joined(separator: ", "))")
        }
        if !problems.isEmpty { throw .badData(problems) }

        var participants: [Participant] = []
        var seenIDs: [String: Int] = [:]
        for record in table.records.drop(while: { $0.line <= header.line }) where !record.isBlank {
            func field(_ column: String) -> CSVField? {
                columnIndex[column].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
            }
            func text(_ column: String) -> String { field(column)?.text.trimmingWhitespace() ?? "" }
            func at(_ column: String) -> (Int, Int) {
                field(column).map { ($0.line, $0.column) } ?? (record.line, 0)
            }
            if record.fields.count > header.fields.count {
                let extra = record.fields[header.fields.count]
                problem(extra.line, extra.column,
                        "this row has \(record.fields.count) fields but the header has \(header.fields.count)",
                        "a field with a comma in it must be in double quotes")
                continue
            }
            let missing = RosterReader.requiredColumns.filter { (columnIndex[$0] ?? 0) >= record.fields.count }
            if !missing.isEmpty {
                let last = record.fields[record.fields.count - 1]
                problem(last.line, last.column + last.text.count,
                        "this row has \(record.fields.count) fields but the header has \(header.fields.count): no \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                        "give every column a field, even an empty one (two commas in a row)")
                continue
            }
            var ok = true
            let id = text("id")
            if id.isEmpty {
                let (l, c) = at("id"); problem(l, c, "the `id` is empty", "give every participant an id"); ok = false
            } else if let first = seenIDs[id] {
                let (l, c) = at("id"); problem(l, c, "id `\(id)` is used again (first on line \(first))", "ids must be unique"); ok = false
            } else {
                seenIDs[id] = record.line
            }
            let name = text("name")
            if name.isEmpty {
                let (l, c) = at("name"); problem(l, c, "the `name` is empty", "give the participant's name, or a placeholder such as TBC-1"); ok = false
            }
            let countryText = text("country")
            let country = countries.country(named: countryText)
            if country == nil {
                let (l, c) = at("country")
                let near = countries.suggestions(for: countryText)
                let hint = near.isEmpty
                    ? "add the country or an alias to Tables/countries.toml"
                    : "did you mean \(near.map { "`\($0)`" }.joined(separator: ", "))? Otherwise add it to Tables/countries.toml"
                problem(l, c, countryText.isEmpty ? "the `country` (point of departure) is empty" : "unknown point of departure `\(countryText)`", hint)
                ok = false
            }
            func money(_ column: String) -> Money?? {
                let raw = text(column)
                if raw.isEmpty { return .some(nil) }
                switch MoneyText.parse(raw) {
                case .success(let m): return .some(m)
                case .failure(let refusal):
                    let (l, c) = at(column)
                    problem(l, c, "`\(column)` is `\(raw)`: \(refusal.reason)", refusal.hint)
                    return nil
                }
            }
            func date(_ column: String) -> CivilDate?? {
                let raw = text(column)
                if raw.isEmpty { return .some(nil) }
                if let d = CivilDate(iso: raw) { return .some(d) }
                let (l, c) = at(column)
                problem(l, c, "`\(column)` is `\(raw)`, not a date that exists in the form YYYY-MM-DD",
                        "write dates as ISO dates, e.g. 2023-12-11")
                return nil
            }
            let fare = money("fare_usd")
            let capOverride = money("cap_override_usd")
            let arrive = date("arrive")
            let leave = date("leave")
            if case let (a??, l??) = (arrive, leave), l < a {
                let (line, c) = at("leave")
                problem(line, c, "`leave` \(l) is before `arrive` \(a)", "swap the dates or correct one of them")
                ok = false
            }
            let fundingText = text("funding").lowercased()
            let funding: Funding?
            if fundingText.isEmpty { funding = .assisted }
            else if let f = Funding(rawValue: fundingText) ?? (fundingText == "self funded" || fundingText == "selffunded" ? .selfFunded : nil) { funding = f }
            else {
                let (l, c) = at("funding")
                problem(l, c, "`funding` is `\(text("funding"))`", "write `assisted` (the default) or `self-funded`")
                funding = nil
            }
            let paidBy = PaidByColumn(event: event).read(text("paid_by"), at: at("paid_by"),
                                                         problem: { line, column, message, hint in problem(line, column, message, hint) })
            let application = ApplicationColumns(documentNames: event?.eligibility.map { $0.documents.map(\.short) }).read(
                text: text, at: at, date: date, problem: { line, column, message, hint in problem(line, column, message, hint) })
            let ticket = money("ticket_usd")
            let localActual = money("local_actual_usd")
            let nightsText = text("nights_actual")
            var nights: Int?? = .some(nil)
            if !nightsText.isEmpty {
                if nightsText.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(nightsText), (0...RosterReader.maximumNights).contains(n) {
                    nights = .some(n)
                } else {
                    let (l, c) = at("nights_actual")
                    problem(l, c, "`nights_actual` is `\(nightsText)`: not a whole number of nights from 0 to \(RosterReader.maximumNights)",
                            "write the hotel nights actually paid, e.g. 4; leave it empty if they are not known")
                    nights = nil
                }
            }
            let plannedText = text("planned").lowercased()
            let planned: Bool?
            switch plannedText {
            case "", "yes": planned = true
            case "no": planned = false
            default:
                let (l, c) = at("planned")
                problem(l, c, "`planned` is `\(text("planned"))`", "write `yes` (the default: in the plan) or `no` (added after the plan)")
                planned = nil
            }
            guard ok, let country, let fare, let capOverride, let arrive, let leave, let funding, let application, let paidBy,
                  let ticket, let localActual, let nights, let planned else { continue }
            let actual = ActualSpend(ticket: ticket, nights: nights, localExpenses: localActual)
            if !planned && actual.isEmpty {
                let (l, c) = at("planned")
                problem(l, c, "`\(id)` is not planned (`planned` is `no`) and has no actual figures",
                        "fill in ticket_usd, nights_actual or local_actual_usd, or remove the row")
                continue
            }
            participants.append(Participant(
                id: id, name: name, organization: text("organization"), country: country, fare: fare,
                arrive: arrive, leave: leave, capOverride: capOverride, funding: funding, application: application, paidBy: paidBy,
                isPlanned: planned, actual: actual,
                location: SourceLocation(file: file, line: record.line, column: 1)))
        }
        if !problems.isEmpty { throw .badData(problems) }
        let known = Set(RosterReader.requiredColumns + RosterReader.optionalColumns)
        return Roster(participants: participants, unusedColumns: found.filter { !known.contains($0.lowercased()) })
    }
}
