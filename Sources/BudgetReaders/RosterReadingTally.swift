import BudgetCore

/// What a roster's rows tell beyond each participant, gathered as they are read, in a few numbers that do not grow with
/// the rows (counts, line ranges, a few examples): the participants read, the stay's dates and those that fall in another
/// event's workshop, `funding` words read by their meaning, tickets with no fare, and stays more than a week from the
/// workshop. Said at the end in notes, and in the report.
struct RosterReadingTally {
    /// Participants read.
    private(set) var participants = 0
    /// The stay's dates read (`arrive`, `leave`), and those far from the workshop that fall in another event's, by its id.
    private(set) var staysRead = 0
    private(set) var elsewhere: [String: Int] = [:]
    /// `funding` words read by their meaning (`Funded` as `assisted`), as written, in the order met.
    private var fundingWords: [(text: String, funding: Funding, lines: LineRanges)] = []
    /// Participants with no fare (estimated at the cap) but a ticket price, and whether any participant has a fare.
    private var ticketsWithoutFare = Rows()
    private var anyFare = false
    /// Arrivals more than a week before the workshop, departures more than a week after it.
    private var early = Rows(), late = Rows()

    /// Rows of one kind: how many, where, and the first few (their id and date).
    struct Rows {
        var lines = LineRanges()
        var examples: [(id: String, date: CivilDate?, line: Int, column: Int, excerpt: String?)] = []
        var count: Int { lines.count }

        /// Adds a row; its field (the column of its date) and excerpt are kept for the first row only.
        mutating func add(id: String, date: CivilDate? = nil, line: Int, field: SourceField? = nil, excerpt: () -> String? = { nil }) {
            lines.add(line)
            if examples.count < RosterReadingTally.examples {
                examples.append((id, date, line, field?.column ?? 0, examples.isEmpty ? excerpt() : nil))
            }
        }
    }

    /// How many rows a note names one by one.
    static let examples = 5

    /// Adds what a row told, read or refused (its stay's dates).
    mutating func add(_ row: RosterRow) {
        staysRead += row.staysRead
        if !row.elsewhere.isEmpty { elsewhere.merge(row.elsewhere, uniquingKeysWith: +) }
    }

    /// Adds a participant read from its row, on a line.
    mutating func add(_ participant: Participant, row: RosterRow, line: Int) {
        participants += 1
        if let word = row.fundingWord {
            if let i = fundingWords.firstIndex(where: { $0.text == word.text }) {
                fundingWords[i].lines.add(line)
            } else {
                fundingWords.append((word.text, word.funding, LineRanges(line)))
            }
        }
        if participant.fare != nil || participant.quotedFare != nil {
            anyFare = true
        } else if participant.actual.ticket != nil {
            ticketsWithoutFare.add(id: participant.id, line: line)
        }
        if let date = row.earlyArrival {
            early.add(id: participant.id, date: date, line: line, field: row.field("arrive"), excerpt: { row.records.excerpt(line) })
        }
        if let date = row.lateLeave {
            late.add(id: participant.id, date: date, line: line, field: row.field("leave"), excerpt: { row.records.excerpt(line) })
        }
    }

    /// The notes on stderr, each with the report's sentence where the report says it too.
    func notes(records: RosterRecords, event: Event?, header: SourceRecord, headerExcerpt: String?, ticket: (place: Int, header: String)?, fare: String?)
        -> [(note: Diagnostic, sentence: String?)] {
        var said: [(note: Diagnostic, sentence: String?)] = []
        let sheet = records.source is SheetRecords
        if !fundingWords.isEmpty {
            let words = fundingWords.map { "\($0.text.quoted) as `\($0.funding.rawValue)` (\($0.lines.described(sheet: sheet)))" }
            said.append((Diagnostic(records.location(0, 0), "`funding` was read by its words' meaning: " + words.joined(separator: ", "),
                                    hint: "Tables/rosters/README.md lists the words read; write `assisted` or `self-funded` to leave no doubt",
                                    severity: .note), nil))
        }
        // A roster whose fares are all empty but whose tickets are given: its officer may think the tickets are costed.
        if let ticket, ticketsWithoutFare.count > 0, !anyFare {
            let n = ticketsWithoutFare.count
            let who = n == 1 ? "1 participant (\(records.rowsDescribed(ticketsWithoutFare.lines))) has" : "\(n) participants (\(records.rowsDescribed(ticketsWithoutFare.lines))) have"
            let fareSaid = fare.map { " (\($0.quoted) is empty)" } ?? ""
            let said1 = "\(who) a ticket price but no quoted fare\(fareSaid): \(n == 1 ? "the fare is" : "their fares are") estimated at the cap"
            let named = RosterColumns.key(ticket.header) == RosterColumns.key("ticket_usd") ? "the column \(ticket.header.quoted) holds"
                : "the column \(ticket.header.quoted) is read as `ticket_usd`,"
            let said2 = "\(named) the ticket actually bought, which `travel-budget reconcile` sets "
                + "against the plan (plan against actual); `cost` plans from the quoted fare"
            let mapping = "--columns \"fare_usd=\(ticket.header)\"" + (fare.map { " --columns \"ignore=\($0)\"" } ?? "")
            let field = header.fields[ticket.place]
            said.append((Diagnostic(records.location(field.line, field.column), "\(said1); \(said2)", excerpt: headerExcerpt,
                                    hint: "to plan with the tickets as the fares: \(mapping); to set them against the plan: travel-budget reconcile",
                                    severity: .note), "\(said1). \(said2.firstLetterCapitalized)."))
        }
        if let event {
            for (rows, arrivals) in [(early, true), (late, false)] where rows.count > 0 {
                let what = arrivals ? (rows.count == 1 ? "an arrival" : "\(rows.count) arrivals") : (rows.count == 1 ? "a departure" : "\(rows.count) departures")
                let when = arrivals ? "before the workshop starts (\(event.start.long))" : "after the workshop ends (\(event.end.long))"
                let listed = rows.examples.map { "\($0.id) \(arrivals ? "arrives" : "leaves") \($0.date?.long ?? "") (\(records.rowName($0.line)))" }
                let more = rows.count > rows.examples.count ? ", and \(rows.count - rows.examples.count) more (\(records.rowsDescribed(rows.lines)))" : ""
                let stay = "\(what) more than \(RosterRow.plausibleDays) days \(when): \(listed.joined(separator: ", "))\(more)"
                let why = "a spreadsheet set to another locale can read 11/12/2023 as 12 November instead of 11 December"
                let first = rows.examples[0]
                said.append((Diagnostic(records.location(first.line, first.column), stay + "; kept and costed", excerpt: first.excerpt,
                                        hint: "check \(rows.count == 1 ? "the date" : "the dates"): \(why)", severity: .note),
                             "\(stay.firstLetterCapitalized). \(rows.count == 1 ? "It is" : "They are") kept and costed; check \(rows.count == 1 ? "it" : "them"): \(why)."))
            }
        }
        return said
    }
}

extension RosterRecords {
    /// Lines in a report's words: `lines 2–13`, `row 5`.
    func rowsDescribed(_ lines: LineRanges) -> String { lines.described(sheet: source is SheetRecords) }
}
