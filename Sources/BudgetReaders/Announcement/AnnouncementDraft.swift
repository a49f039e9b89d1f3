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
    /// Why the region is what it is when the notice names none for the row (taken from the country table): an inference.
    public let regionInferred: String?

    init(region: String, printed: [String], cap: Money, label: Label, quote: NoticeQuote, regionInferred: String? = nil) {
        self.region = region
        self.printed = printed
        self.pointsOfDeparture = printed
        self.cap = cap
        self.label = label
        self.quote = quote
        self.regionInferred = regionInferred
    }
}

/// A point of departure the country table does not have: its name as printed and the region the cap table puts it in.
public struct NewCountry: Hashable, Sendable {
    public let name: String
    /// Nil when only the list of countries the event is open to names it (no region given).
    public let region: String?
    public let line: Int
    /// Whether that region is the country table's for the row's other points of departure (the notice names none).
    public var regionInferred = false
}

extension AnnouncementDraft {
    /// Drafts an event from an announcement's text. Errors: no event dates, or a cap table that cannot be read (with its line).
    public static func read(text: String, file: String, countries: CountryDirectory) throws(InputError) -> AnnouncementDraft {
        let lines = NoticeLine.lines(text)
        guard let (dateIndex, stated) = eventDates(lines) else {
            throw .badData([Diagnostic(SourceLocation(file: file, line: 0, column: 0),
                "no workshop dates found: no line that is a date or a range of dates (\"3-6 April 2018\", \"12 ~ 15 December 2023\")",
                hint: "the dates must be on a line of their own; add such a line to the text, or write the event file by hand")])
        }
        let table = try NoticeCapTable.read(lines, file: file, countries: countries)
        let dateLine = lines[dateIndex]
        var draft = AnnouncementDraft(
            file: file, start: stated.start, end: stated.end, dates: NoticeQuote(lines: [dateLine.number], pieces: [dateLine.text]),
            caps: table.rows, otherPoints: table.otherPoints)
        draft.checks += weekdayChecks(stated, line: dateLine.number)
        let regionless = table.rows.filter { $0.regionInferred != nil }
        if !regionless.isEmpty {
            let where_ = NoticeQuote(lines: regionless.flatMap(\.quote.lines), pieces: []).lineReference
            draft.checks.append("The cap table names no region for \(regionless.count) row\(regionless.count == 1 ? "" : "s") (\(where_)): "
                                + "each one's region is taken from countries.toml and marked INFERRED in the file; check it.")
        }
        draft.title = title(lines, above: dateIndex)
        draft.datesNote = lines.first { $0.text.lowercased().contains("postpone") || $0.text.lowercased().contains("rescheduled") }
            .map { Quoted(value: $0.text, quote: NoticeQuote(lines: [$0.number], pieces: [$0.text])) }
        draft.venue = venue(lines, dateIndex: dateIndex, countries: countries)
        let abbreviations = abbreviations(lines)
        draft.payingOffices = payingOffices(lines, abbreviations: abbreviations)
        draft.localExpenses = localExpenses(lines, abbreviations: abbreviations)
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

    /// The first line that is nothing but the workshop's dates (weekdays and a trailing "(place)" allowed), and the dates.
    static func eventDates(_ lines: [NoticeLine]) -> (Int, StatedDates)? {
        for (i, line) in lines.enumerated() where !line.isBlank && line.text.count < 80 {
            if let dates = statedDates(line.text) { return (i, dates) }
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
    private static let weekdayName = NoticePattern.regex("\\b(\(NoticePattern.weekdayNames))\\b\\.?,?\\s*")
    /// "(Wed–Fri)", "(Wednesday)": weekdays in brackets after the dates, not a place.
    private static let bracketedWeekdays = NoticePattern.regex(
        "^\\s*(\(NoticePattern.weekdayNames))\\.?(?:\(NoticePattern.dash)(\(NoticePattern.weekdayNames))\\.?)?\\s*$")

    /// The workshop's dates as a line states them, with the weekdays it gives for the first and the last day (0 = Sunday).
    struct StatedDates {
        let start: CivilDate
        let end: CivilDate
        let startWeekday: Int?
        let endWeekday: Int?
    }

    /// The dates a text states, whole: "3-6 April 2018 (Jeju-do, Korea)" → 2018-04-03 … 2018-04-06.
    static func dateRange(_ text: String) -> (CivilDate, CivilDate)? {
        statedDates(text).map { ($0.start, $0.end) }
    }

    /// The dates a text states, whole, with the weekdays it names: "Wednesday, 8 July – Friday, 10 July 2026",
    /// "Mon 3 – Thu 6 August 2026", "8-10 July 2026 (Wed–Fri)".
    static func statedDates(_ text: String) -> StatedDates? {
        var t = text
        var weekdays: [Int] = []
        if let label = NoticePattern.matches(dateLabel, in: t).first { t.removeSubrange(label.range) }
        if let place = NoticePattern.matches(trailingPlace, in: t).first {
            if let g = place.groups[1].flatMap({ NoticePattern.groups(bracketedWeekdays, in: $0) }) {
                weekdays = [g[1], g[2]].compactMap { $0.flatMap(NoticePattern.weekdayNumber) }
            }
            t.removeSubrange(place.range)
        }
        if weekdays.isEmpty {
            weekdays = NoticePattern.matches(weekdayName, in: t).compactMap { $0.groups[1].flatMap(NoticePattern.weekdayNumber) }
        }
        t = NoticePattern.regexReplacing(weekdayName, in: t, with: "")
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        guard weekdays.count <= 2 else { return nil }
        for (pattern, order) in rangePatterns {
            guard let g = NoticePattern.groups(pattern, in: t) else { continue }
            let numbers = order.enumerated().map { i, group in
                g[group].flatMap { i % 3 == 1 ? DateText.monthNumber($0) : Int($0) } }
            guard let d1 = numbers[0], let m1 = numbers[1], let y1 = numbers[2], let d2 = numbers[3], let m2 = numbers[4], let y2 = numbers[5],
                  let a = CivilDate(year: y1, month: m1, day: d1), let b = CivilDate(year: y2, month: m2, day: d2), a <= b else { continue }
            // One weekday goes with the first day; two with the first and the last.
            return StatedDates(start: a, end: b, startWeekday: weekdays.first, endWeekday: weekdays.count == 2 ? weekdays[1] : nil)
        }
        return nil
    }

    /// A check for each weekday the dates' line gives that its date is not.
    private static func weekdayChecks(_ dates: StatedDates, line: Int) -> [String] {
        [(dates.start, dates.startWeekday), (dates.end, dates.endWeekday)].compactMap { date, said in
            guard let said, said != date.weekday else { return nil }
            return "Line \(line) gives \(date.long) as a \(CivilDate.weekdayNames[said]); it is a \(CivilDate.weekdayNames[date.weekday]): check the workshop's dates."
        }
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
    /// in brackets after the dates, or a `City, Country` line right after them (a country of the country table).
    private static func venue(_ lines: [NoticeLine], dateIndex: Int, countries: CountryDirectory) -> Quoted<String>? {
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
        if let place = NoticePattern.groups(trailingPlace, in: dateLine.text)?[1], !place.isEmpty,
           NoticePattern.groups(bracketedWeekdays, in: place) == nil {
            return Quoted(value: place, quote: NoticeQuote(lines: [dateLine.number], pieces: [dateLine.text]))
        }
        if let next = lines[(dateIndex + 1)...].first(where: { !$0.isBlank }), isCityAndCountry(next.text, countries: countries) {
            return Quoted(value: next.text, quote: NoticeQuote(lines: [next.number], pieces: [next.text]))
        }
        return nil
    }

    /// "Bangkok, Thailand", "Seogwipo, Jeju-do, Republic of Korea": up to four short parts separated by commas, the last a
    /// country of the country table, no digits, not a sentence.
    static func isCityAndCountry(_ text: String, countries: CountryDirectory) -> Bool {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (2...4).contains(parts.count), text.count <= 80, !text.contains(where: \.isNumber),
              !text.hasSuffix("."), !text.hasSuffix(":"), let country = parts.last, countries.country(named: country) != nil else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, first.isUppercase else { return false }
            return part.split(separator: " ").count <= 4
        }
    }

    // MARK: Who pays

    private static let provider = NoticePattern.regex(
        "^(.+?)\\s+(?:will\\s+)?provides?\\s+(?:an?\\s+)?(?:limited\\s+)?(?:financial|travel)\\s+(?:assistance|support)")
    private static let localLine = NoticePattern.regex(
        "^local expenses\\s*(?:\\((.*)\\))?\\s*(.*?)\\s+(?:will|shall|are to|is to|are going to)\\s+be\\s+(?:covered|paid|borne)\\s+by\\s+(.+?)\\.?$")
    /// "Accommodation and meals during the workshop will be covered by …": local expenses named by what they are.
    private static let coveredSentence = NoticePattern.regex(
        "^((?:accommodation|lodging|hotel|meals|board|local\\s+transport(?:ation)?|transport(?:ation)?|per\\s+diems?|daily\\s+subsistence)\\b.*?)"
        + "\\s+(?:will|shall|are\\s+to|is\\s+to|are\\s+going\\s+to)\\s+be\\s+(?:covered|paid|borne|provided)\\s+(?:for\\s+)?by\\s+(.+?)\\.?$")
    private static let othersLine = NoticePattern.regex(
        "^(all other expenses.*?)\\s*(?:(?:should|shall|will|must)\\s*be|\\s(?:are|is)(?:\\s+to\\s+be)?)\\s+(?:the\\s+)?(?:responsibility|covered|borne|paid)")
    /// "Participants are responsible for visa fees and travel insurance."
    private static let participantsSentence = NoticePattern.regex(
        "^(?:the\\s+)?participants\\s+(?:are|will\\s+be)\\s+(?:themselves\\s+)?responsible\\s+for\\s+(.+?)\\.?$")

    /// The offices named as giving the airfare assistance ("UNITAR CIFAL Jeju/JITC and RSO of the Bali Process provides …"),
    /// each by its full name where the notice expands its abbreviation ("The RSO provides …" and, elsewhere,
    /// "Regional Support Office of the Bali Process (RSO)").
    private static func payingOffices(_ lines: [NoticeLine], abbreviations: [String: Quoted<String>]) -> Quoted<[String]>? {
        for line in lines {
            guard let subject = NoticePattern.groups(provider, in: line.text)?[1] else { continue }
            let named = subject.split(separator: ",").flatMap { $0.components(separatedBy: " and ") }.flatMap { $0.components(separatedBy: " & ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !named.isEmpty else { continue }
            var quote = NoticeQuote(lines: [line.number], pieces: [line.text])
            var offices: [String] = []
            for name in named {
                let (office, expansion) = fullName(name, abbreviations: abbreviations)
                offices.append(office)
                if let expansion, !quote.pieces.contains(expansion.quote.pieces[0]) { quote = quote + expansion.quote }
            }
            return Quoted(value: offices, quote: quote)
        }
        return nil
    }

    /// An office as the notice names it, by its full name where the notice expands it: "the RSO" → "Regional Support Office
    /// of the Bali Process", with the expansion; "The Regional Support Office of the Bali Process (RSO)" → the same, without.
    static func fullName(_ name: String, abbreviations: [String: Quoted<String>]) -> (String, Quoted<String>?) {
        var office = name
        if office.hasPrefix("The ") || office.hasPrefix("the "), office.dropFirst(4).first?.isUppercase == true { office = String(office.dropFirst(4)) }
        if let g = NoticePattern.groups(bracketedAbbreviation, in: office), let short = g[2], let full = abbreviations[short],
           g[1] == full.value {
            return (full.value, nil)
        }
        if let full = abbreviations[office] { return (full.value, full) }
        return (office, nil)
    }

    private static let bracketedAbbreviation = NoticePattern.regex("^(.+?)\\s*\\(([A-Za-z0-9&-]+)\\)$")
    private static let abbreviation = NoticePattern.regex("\\(([A-Z][A-Za-z0-9&-]{1,9})\\)")
    private static let connectors: Set<String> = ["of", "the", "on", "for", "and", "in", "de", "du", "des", "la", "le", "to", "&"]

    /// The abbreviations a notice expands, each first expansion: "Regional Support Office of the Bali Process (RSO)" gives RSO.
    /// The full name is the run of capitalised words (and "of", "the", …) just before the brackets whose initials hold the
    /// abbreviation's letters in order, from a word with its first letter.
    static func abbreviations(_ lines: [NoticeLine]) -> [String: Quoted<String>] {
        var out: [String: Quoted<String>] = [:]
        for line in lines where !line.isBlank {
            for m in NoticePattern.matches(abbreviation, in: line.text) {
                guard let short = m.groups[1], out[short] == nil, short.filter(\.isUppercase).count >= 2 else { continue }
                // The words after the last mark that ends a clause or a name ("Jeju/Jeju International Training Center").
                var before = line.text[..<m.range.lowerBound]
                if let mark = before.lastIndex(where: { ",;:/()!?".contains($0) }) { before = before[before.index(after: mark)...] }
                var words: [Substring] = []
                for word in before.split(separator: " ").reversed() {
                    guard let first = word.first, first.isUppercase || connectors.contains(word.lowercased()), word.last != "." else { break }
                    words.insert(word, at: 0)
                }
                let letters = Array(short.filter(\.isUppercase))
                guard let start = words.indices.first(where: { i in
                    guard words[i].first == letters[0] else { return false }
                    var rest = letters[...]
                    for word in words[i...] where word.first?.isUppercase == true {
                        if let next = rest.first, word.first == next { rest = rest.dropFirst() }
                    }
                    return rest.isEmpty
                }), let last = words.last, last.first?.isUppercase == true else { continue }
                let full = words[start...].joined(separator: " ")
                let piece = full + " (" + short + ")"
                guard line.text.contains(piece) else { continue }
                out[short] = Quoted(value: full, quote: NoticeQuote(lines: [line.number], pieces: [piece]))
            }
        }
        return out
    }

    /// "Local expenses (…) during the workshop will be covered by …" (or "Accommodation and meals during the workshop will be
    /// covered by …") and "All other expenses (…) are the responsibility of …" (or "Participants are responsible for …").
    private static func localExpenses(_ lines: [NoticeLine], abbreviations: [String: Quoted<String>]) -> DraftLocalExpenses? {
        /// The first sentence a pattern matches, as (its line, the sentence, the groups).
        func sentence(_ pattern: NSRegularExpression) -> (NoticeLine, String, [String?])? {
            for line in lines where !line.isBlank {
                for s in NoticeOtherPoints.sentences(line.text) {
                    if let g = NoticePattern.groups(pattern, in: s) { return (line, s, g) }
                }
            }
            return nil
        }
        var local = lines.lazy.compactMap { line in NoticePattern.groups(localLine, in: line.text).map { (line, line.text, $0) } }.first
        var covers: String?
        if let g = local?.2 {
            covers = [g[1], g[2]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        } else if let (line, text, g) = sentence(coveredSentence), let what = g[1] {
            local = (line, text, [g[0], nil, nil, g[2]])
            covers = what.prefix(1).lowercased() + what.dropFirst()
        }
        var others = lines.lazy.compactMap { line in NoticePattern.groups(othersLine, in: line.text).map { (line, line.text, $0) } }.first
        if others == nil { others = sentence(participantsSentence) }
        guard local != nil || others != nil else { return nil }
        var quoted = [local, others].compactMap { $0 }.map { NoticeQuote(lines: [$0.0.number], pieces: [$0.1]) }
        var coveredBy = local?.2[3]
        if let by = coveredBy {
            let named = by.components(separatedBy: " and ")
            let parts = named.map { fullName($0, abbreviations: abbreviations) }
            if parts.map(\.0) != named {
                coveredBy = parts.map(\.0).joined(separator: " and ")
                quoted += parts.compactMap { $0.1?.quote }
            }
        }
        let quote = quoted.reduce(NoticeQuote(lines: [], pieces: []), +)
        return DraftLocalExpenses(covers: covers, coveredBy: coveredBy, participantsPay: others?.2[1], quote: quote)
    }
}
