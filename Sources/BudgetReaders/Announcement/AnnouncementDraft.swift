import BudgetCore
import Foundation

/// An event drafted from an announcement's text: what the notice gives, each part with the words and lines it came from.
/// What the notice does not give is nil (or empty) here and becomes a marked placeholder in the event file.
public struct AnnouncementDraft: Sendable {
    /// A value and the notice's words for it.
    public struct Quoted<Value: Sendable>: Sendable {
        public let value: Value
        public let quote: NoticeQuote
    }

    /// The announcement as named on the command line.
    public var file: String
    public var title: Quoted<String>?
    public var start: CivilDate
    public var end: CivilDate
    public var dates: NoticeQuote
    /// A postponement or other change of dates, quoted.
    public var datesNote: Quoted<String>?
    public var venue: Quoted<String>?
    public var payingOffices: Quoted<[String]>?
    public var localExpenses: DraftLocalExpenses?
    public var deadlines: [DraftDeadline] = []
    public var documents: [DraftDocument] = []
    /// How many documents the notice says it lists ("the following 7 documents").
    public var statedDocumentCount: Int?
    /// The application rules' sentences ("Send the following…", "Late application…"), quoted.
    public var eligibilityQuote: NoticeQuote?
    /// The countries the event is open to, as canonical names (a country not in the table as printed).
    public var openTo: Quoted<[String]>?
    public var caps: [DraftCapRow]
    /// The notice's words for points of departure that no cap row names; nil when it says nothing of them.
    public var otherPoints: NoticeQuote?
    /// The rule drafted for them: what `otherPoints` says, else the default, `contact-organisers` (listed in `checks`).
    public var otherPointsRule: OtherPointsRule = .contactOrganisers
    /// Whether `otherPoints` says no rule in so many words, so the rule drafted is an inference.
    public var otherPointsRuleInferred = false
    /// Names the country table does not know, with the region the cap table gives them.
    public var newCountries: [NewCountry] = []
    /// The notice's own date ("2018.01.26"), when its heading has one.
    public var issued: String?
    /// What the officer must look at: counts that disagree, weekdays that do not match, parts not found.
    public var checks: [String] = []
}

/// What local expenses cover and who pays what, in the notice's words.
public struct DraftLocalExpenses: Sendable {
    public let covers: String?
    public let coveredBy: String?
    public let participantsPay: String?
    public let quote: NoticeQuote
}

/// An application deadline; `yearInferred` when the notice leaves the year out.
public struct DraftDeadline: Sendable {
    public let passport: String?
    public let date: CivilDate
    public let quote: NoticeQuote
    public let yearInferred: Bool
    /// The weekday the notice gives with the date (0 = Sunday), if any.
    public let weekday: Int?
}

/// A required document: the short name a roster writes and the notice's name for it.
public struct DraftDocument: Sendable {
    public let short: String
    public let name: String
    public let quote: NoticeQuote
}

/// One row of the drafted cap table.
public struct DraftCapRow: Sendable {
    public enum Label: String, Sendable { case printed, unlabelled }
    public let region: String
    /// The points of departure as the notice prints them.
    public let printed: [String]
    /// The same, as the country table names them (a name it does not know stays as printed).
    public var pointsOfDeparture: [String]
    public let cap: Money
    public let label: Label
    public let quote: NoticeQuote

    init(region: String, printed: [String], cap: Money, label: Label, quote: NoticeQuote) {
        self.region = region
        self.printed = printed
        self.pointsOfDeparture = printed
        self.cap = cap
        self.label = label
        self.quote = quote
    }
}

/// A point of departure the country table does not have: its name as printed and the region the cap table puts it in.
public struct NewCountry: Hashable, Sendable {
    public let name: String
    /// Nil when only the list of countries the event is open to names it (no region given).
    public let region: String?
    public let line: Int
}

extension AnnouncementDraft {
    /// Drafts an event from an announcement's text. Errors: no event dates, or a cap table that cannot be read (with its line).
    public static func read(text: String, file: String, countries: CountryDirectory) throws(InputError) -> AnnouncementDraft {
        let lines = NoticeLine.lines(text)
        guard let (dateIndex, start, end) = eventDates(lines) else {
            throw .badData([Diagnostic(SourceLocation(file: file, line: 0, column: 0),
                "no workshop dates found: no line that is a date or a range of dates (\"3-6 April 2018\", \"12 ~ 15 December 2023\")",
                hint: "the dates must be on a line of their own; add such a line to the text, or write the event file by hand")])
        }
        let table = try NoticeCapTable.read(lines, file: file, countries: countries)
        let dateLine = lines[dateIndex]
        var draft = AnnouncementDraft(
            file: file, start: start, end: end, dates: NoticeQuote(lines: [dateLine.number], pieces: [dateLine.text]),
            caps: table.rows, otherPoints: table.otherPoints)
        draft.title = title(lines, above: dateIndex)
        draft.datesNote = lines.first { $0.text.lowercased().contains("postpone") || $0.text.lowercased().contains("rescheduled") }
            .map { Quoted(value: $0.text, quote: NoticeQuote(lines: [$0.number], pieces: [$0.text])) }
        draft.venue = venue(lines, dateIndex: dateIndex)
        draft.payingOffices = payingOffices(lines)
        draft.localExpenses = localExpenses(lines)
        draft.readApplication(lines, countries: countries)
        draft.readOpenTo(lines, countries: countries)
        draft.readOtherPoints(lines, tableLine: table.otherPoints)
        draft.resolveCountries(countries)
        draft.issued = lines.prefix(12).lazy.compactMap { NoticePattern.groups(issuedPattern, in: $0.text)?[0] }.first
        for (missing, what) in [(draft.title == nil, "title"), (draft.venue == nil, "venue"),
                                (draft.payingOffices == nil, "paying offices (\"… provides financial assistance with the airfare\")"),
                                (draft.localExpenses == nil, "local expenses (\"Local expenses (…) will be covered by …\")")] where missing {
            draft.checks.append("The \(what) was not found in the announcement: the draft has a placeholder; write it in.")
        }
        return draft
    }

    private static let issuedPattern = NoticePattern.regex("\\b\\d{4}\\.\\d{1,2}\\.\\d{1,2}\\b")

    // MARK: Dates, title, venue

    /// The first line that is nothing but the workshop's dates (a trailing "(place)" allowed), and the dates.
    static func eventDates(_ lines: [NoticeLine]) -> (Int, CivilDate, CivilDate)? {
        for (i, line) in lines.enumerated() where !line.isBlank && line.text.count < 80 {
            if let (start, end) = dateRange(line.text) { return (i, start, end) }
        }
        return nil
    }

    private static let d = "(\\d{1,2})(?:st|nd|rd|th)?"
    private static let m = NoticePattern.month
    private static let dash = NoticePattern.dash
    /// The date patterns a line may be, each with the groups of (first day, its month, its year, last day, its month, its year).
    private static let rangePatterns: [(NSRegularExpression, [Int])] = [
        // 3-6 April 2018; 12 ~ 15 December 2023
        (NoticePattern.regex("^\(d)\(dash)\(d)\\s+\(m),?\\s+(\\d{4})$"), [1, 3, 4, 2, 3, 4]),
        // 30 June - 2 July 2025
        (NoticePattern.regex("^\(d)\\s+\(m)\(dash)\(d)\\s+\(m),?\\s+(\\d{4})$"), [1, 2, 5, 3, 4, 5]),
        // December 12~15, 2023
        (NoticePattern.regex("^\(m)\\s+\(d)\(dash)\(d),?\\s+(\\d{4})$"), [2, 1, 4, 3, 1, 4]),
        // June 30 - July 2, 2025
        (NoticePattern.regex("^\(m)\\s+\(d)\(dash)\(m)\\s+\(d),?\\s+(\\d{4})$"), [2, 1, 5, 4, 3, 5]),
        // 30 December 2024 - 2 January 2025
        (NoticePattern.regex("^\(d)\\s+\(m),?\\s+(\\d{4})\(dash)\(d)\\s+\(m),?\\s+(\\d{4})$"), [1, 2, 3, 4, 5, 6]),
        // 5 June 2025 (one day)
        (NoticePattern.regex("^\(d)\\s+\(m),?\\s+(\\d{4})$"), [1, 2, 3, 1, 2, 3]),
        // June 5, 2025
        (NoticePattern.regex("^\(m)\\s+\(d),\\s+(\\d{4})$"), [2, 1, 3, 2, 1, 3]),
    ]
    private static let dateLabel = NoticePattern.regex("^(?:dates?|when)\\s*:?\\s*")
    private static let trailingPlace = NoticePattern.regex("\\s*\\(([^()]*)\\)\\s*$")

    /// The dates a text states, whole: "3-6 April 2018 (Jeju-do, Korea)" → 2018-04-03 … 2018-04-06.
    static func dateRange(_ text: String) -> (CivilDate, CivilDate)? {
        var t = text
        if let label = NoticePattern.matches(dateLabel, in: t).first { t.removeSubrange(label.range) }
        if let place = NoticePattern.matches(trailingPlace, in: t).first { t.removeSubrange(place.range) }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        for (pattern, order) in rangePatterns {
            guard let g = NoticePattern.groups(pattern, in: t) else { continue }
            let numbers = order.enumerated().map { i, group in
                g[group].flatMap { i % 3 == 1 ? DateText.monthNumber($0) : Int($0) } }
            guard let d1 = numbers[0], let m1 = numbers[1], let y1 = numbers[2], let d2 = numbers[3], let m2 = numbers[4], let y2 = numbers[5],
                  let a = CivilDate(year: y1, month: m1, day: d1), let b = CivilDate(year: y2, month: m2, day: d2), a <= b else { continue }
            return (a, b)
        }
        return nil
    }

    /// The lines just above the dates; a line ending with ":" continues onto the next ("Enhancing …:" / "Identification …").
    private static func title(_ lines: [NoticeLine], above index: Int) -> Quoted<String>? {
        func previous(_ i: Int) -> Int? { (0..<i).reversed().first { !lines[$0].isBlank } }
        guard let first = previous(index), lines[first].text.count <= 200, !lines[first].text.hasSuffix(".") else { return nil }
        var picked = [first]
        while let p = previous(picked[0]), lines[p].text.hasSuffix(":"), lines[p].text.count <= 200 { picked.insert(p, at: 0) }
        let texts = picked.map { lines[$0].text }
        return Quoted(value: texts.joined(separator: " "), quote: NoticeQuote(lines: picked.map { lines[$0].number }, pieces: texts))
    }

    private static let venueLabel = NoticePattern.regex("^venue\\b\\s*:?\\s*(.*)$")

    /// The "Venue" field (its value on the same line or the next, a line ending with "," continuing), or the place
    /// in brackets after the dates.
    private static func venue(_ lines: [NoticeLine], dateIndex: Int) -> Quoted<String>? {
        for (i, line) in lines.enumerated() {
            guard let g = NoticePattern.groups(venueLabel, in: line.text), let rest = g[1] else { continue }
            if !rest.isEmpty { return Quoted(value: rest, quote: NoticeQuote(lines: [line.number], pieces: [line.text])) }
            var picked: [NoticeLine] = []
            var j = i + 1
            while j < lines.count, j <= i + 4 || picked.last?.text.hasSuffix(",") == true {
                if !lines[j].isBlank {
                    picked.append(lines[j])
                    if !lines[j].text.hasSuffix(",") { break }
                }
                j += 1
            }
            guard !picked.isEmpty else { continue }
            return Quoted(value: picked.map(\.text).joined(separator: " "),
                          quote: NoticeQuote(lines: picked.map(\.number), pieces: picked.map(\.text)))
        }
        let dateLine = lines[dateIndex]
        if let place = NoticePattern.groups(trailingPlace, in: dateLine.text)?[1], !place.isEmpty {
            return Quoted(value: place, quote: NoticeQuote(lines: [dateLine.number], pieces: [dateLine.text]))
        }
        return nil
    }

    // MARK: Who pays

    private static let provider = NoticePattern.regex("^(.+?)\\s+provides?\\s+(?:an?\\s+)?(?:limited\\s+)?financial\\s+assistance")
    private static let localLine = NoticePattern.regex(
        "^local expenses\\s*(?:\\((.*)\\))?\\s*(.*?)\\s+(?:will|shall|are to|is to|are going to)\\s+be\\s+(?:covered|paid|borne)\\s+by\\s+(.+?)\\.?$")
    private static let othersLine = NoticePattern.regex(
        "^(all other expenses.*?)\\s*(?:(?:should|shall|will|must)\\s*be|\\s(?:are|is)(?:\\s+to\\s+be)?)\\s+(?:the\\s+)?(?:responsibility|covered|borne|paid)")

    /// The offices named as giving the airfare assistance ("UNITAR CIFAL Jeju/JITC and RSO of the Bali Process provides …").
    private static func payingOffices(_ lines: [NoticeLine]) -> Quoted<[String]>? {
        for line in lines {
            guard let subject = NoticePattern.groups(provider, in: line.text)?[1] else { continue }
            let offices = subject.split(separator: ",").flatMap { $0.components(separatedBy: " and ") }.flatMap { $0.components(separatedBy: " & ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !offices.isEmpty { return Quoted(value: offices, quote: NoticeQuote(lines: [line.number], pieces: [line.text])) }
        }
        return nil
    }

    /// "Local expenses (…) during the workshop will be covered by …" and "All other expenses (…) are the responsibility of …".
    private static func localExpenses(_ lines: [NoticeLine]) -> DraftLocalExpenses? {
        let local = lines.lazy.compactMap { line in NoticePattern.groups(localLine, in: line.text).map { (line, $0) } }.first
        let others = lines.lazy.compactMap { line in NoticePattern.groups(othersLine, in: line.text).map { (line, $0) } }.first
        guard local != nil || others != nil else { return nil }
        var covers: String?
        if let g = local?.1 {
            covers = [g[1], g[2]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let quoted = [local?.0, others?.0].compactMap { $0 }
        return DraftLocalExpenses(covers: covers, coveredBy: local?.1[3], participantsPay: others?.1[1],
                                  quote: NoticeQuote(lines: quoted.map(\.number), pieces: quoted.map(\.text)))
    }
}
