import BudgetCore
import Foundation

/// The application part of an announcement: deadlines (per passport where given), required documents, and the
/// countries the event is open to.
extension AnnouncementDraft {
    private static let sendLine = NoticePattern.regex(
        "(?:send|submit)\\s+the\\s+following\\s+(?:(\\d+)\\s+)?(?:documents?|items?)|following\\s+(?:(\\d+)\\s+)?documents|required documents\\s*:")
    private static let wd = "(\(NoticePattern.weekdayNames))"
    private static let monthDay = NoticePattern.regex(
        "(?:\\b\(wd),?\\s+)?\\b\(NoticePattern.month)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*\\(\(wd)\\))?(?:,?\\s+(\\d{4})\\b)?")
    private static let dayMonth = NoticePattern.regex(
        "(?:\\b\(wd),?\\s+)?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+\(NoticePattern.month)\\b(?:,?\\s+(\\d{4})\\b)?(?:\\s*\\(\(wd)\\))?")
    private static let rangeAfter = NoticePattern.regex("^\\s*[-–—~]\\s*\\d")
    private static let rangeBefore = NoticePattern.regex("\\d\\s*[-–—~]\\s*$")

    /// Deadlines, documents and the application sentences.
    mutating func readApplication(_ lines: [NoticeLine], countries: CountryDirectory) {
        let sendIndex = lines.firstIndex { NoticePattern.groups(AnnouncementDraft.sendLine, in: $0.text) != nil }
        var quoted: [NoticeLine] = sendIndex.map { [lines[$0]] } ?? []
        if let sendIndex {
            let g = NoticePattern.groups(AnnouncementDraft.sendLine, in: lines[sendIndex].text) ?? []
            statedDocumentCount = (g.count > 2 ? g[1] ?? g[2] : nil).flatMap { Int($0) }
            readDocuments(lines, after: sendIndex)
        }
        readDeadlines(lines, sendIndex: sendIndex)
        for phrase in ["late application", "without the required documents", "without required documents", "subject to the approval",
                       "subject to approval"] {
            if let line = lines.first(where: { $0.text.lowercased().contains(phrase) }), !quoted.contains(where: { $0.number == line.number }) {
                quoted.append(line)
            }
        }
        quoted.sort { $0.number < $1.number }
        if !quoted.isEmpty { eligibilityQuote = NoticeQuote(lines: quoted.map(\.number), pieces: quoted.map(\.text)) }
    }

    /// The numbered documents after "Send the following … documents", up to "Late application…"; when the notice says how many
    /// and a number is missing, the unnumbered lines after the last numbered one ("Curriculum vitae (CV) – form of your own").
    private mutating func readDocuments(_ lines: [NoticeLine], after sendIndex: Int) {
        var items: [NoticeLine] = []
        var names: [String] = []
        var unnumberedAfterLast: [NoticeLine] = []
        for line in lines[(sendIndex + 1)...].prefix(60) where !line.isBlank {
            let lower = line.text.lowercased()
            if lower.contains("late application") || lower.contains("not be accepted") || lower.contains("assistance with travel")
                || lower == "note" || NoticePattern.groups(AnnouncementDraft.heading, in: line.text) != nil { break }
            if let (number, name) = AnnouncementDraft.numberedItem(line.text), number == items.count + 1 {
                items.append(line)
                names.append(name)
                unnumberedAfterLast = []
            } else if !items.isEmpty {
                unnumberedAfterLast.append(line)
            }
        }
        if let stated = statedDocumentCount, items.count < stated {
            for line in unnumberedAfterLast.prefix(stated - items.count) where AnnouncementDraft.looksLikeDocument(line.text) {
                items.append(line)
                names.append(line.text)
            }
        }
        var used: Set<String> = []
        for (line, printed) in zip(items, names) {
            let name = AnnouncementDraft.documentName(printed)
            var short = AnnouncementDraft.shortName(name)
            var n = 2
            while used.contains(short) || short == "all" || short == "none" { short = "\(AnnouncementDraft.shortName(name))-\(n)"; n += 1 }
            used.insert(short)
            documents.append(DraftDocument(short: short, name: name, quote: NoticeQuote(lines: [line.number], pieces: [line.text])))
        }
        if let stated = statedDocumentCount, stated != documents.count {
            checks.append("The announcement says \(stated) documents; \(documents.count) were found: check the list of documents.")
        }
    }

    private static let heading = NoticePattern.regex("^[IVX]+\\.\\s")

    /// "1. Application", "2Case study description": the number and the rest (which starts with a capital).
    static func numberedItem(_ text: String) -> (Int, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let number = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count)
        if rest.first == "." || rest.first == ")" { rest = rest.dropFirst() }
        let name = rest.trimmingCharacters(in: .whitespaces)
        guard let first = name.first, first.isUppercase, first.isLetter else { return nil }
        return (number, name)
    }

    private static func looksLikeDocument(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase, !text.hasSuffix(":"), !text.hasSuffix("."), !text.contains("http") else { return false }
        return text.split(separator: " ").count <= 12 && !["download", "please", "click", "see"].contains { text.lowercased().hasPrefix($0) }
    }

    /// The name without a remark after a dash or in brackets: "Case study description (see guidelines)" → "Case study description";
    /// an abbreviation in brackets stays: "Curriculum vitae (CV) – form of your own" → "Curriculum vitae (CV)".
    static func documentName(_ printed: String) -> String {
        var name = printed
        for dash in [" – ", " - ", " — "] {
            if let r = name.range(of: dash) { name = String(name[..<r.lowerBound]) }
        }
        while let open = name.lastIndex(of: "("), name.hasSuffix(")") {
            let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
            guard inside.contains(where: \.isLowercase) else { break }
            name = String(name[..<open]).trimmingCharacters(in: .whitespaces)
        }
        return name.trimmingCharacters(in: CharacterSet(charactersIn: " .:;,"))
    }

    /// The short name a roster's `documents` column writes, from the document's name.
    static func shortName(_ name: String) -> String {
        let lower = name.lowercased()
        let known: [(String, String)] = [
            ("curriculum vitae", "cv"), ("(cv)", "cv"), ("résumé", "cv"), ("resume", "cv"), ("nomination", "nomination"),
            ("commitment", "commitment"), ("waiver", "waiver"), ("consent", "consent"), ("case study", "case-study"),
            ("passport", "passport"), ("photo", "photo"), ("recommendation", "recommendation"), ("motivation", "motivation"),
            ("application", "application"),
        ]
        if let hit = known.first(where: { lower.contains($0.0) }) { return hit.1 }
        let words = lower.split { !$0.isLetter && !$0.isNumber }.prefix(2)
        return words.isEmpty ? "document" : words.joined(separator: "-")
    }

    /// Words that a date after them is a deadline: "no later than", "must reach us (before)", "must be received", "closing date".
    private static let deadlineWords = NoticePattern.regex(
        "\\b(?:no|not)\\s+later\\s+than\\b|\\b(?:must|should|shall|will|to)\\s+(?:reach\\s+us|reach\\s+the\\s+\\w+|be\\s+(?:received|submitted|sent|returned))\\b"
        + "(?:\\s+(?:by|before|on\\s+or\\s+before))?|\\bclosing\\s+date\\b|\\b(?:applications?|nominations?|registrations?)\\s+close\\b"
        + "|\\bon\\s+or\\s+before\\b|\\bdue\\s+(?:by|on|before)\\b")
    /// "by" or "before" just before a date ("by Monday, 1 June 2026"), on a line about applying.
    private static let byDate = NoticePattern.regex(
        "\\b(?:by|before)\\s+(?=(?:\(wd),?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+\(NoticePattern.month)|\(NoticePattern.month)\\s+\\d))")
    private static let applying = NoticePattern.regex("\\b(?:appl|nominat|submi|send|sent|regist|documents?\\b|forms?\\b)")

    /// Deadlines: the dates after "deadline" on a line, after "no later than", "must reach us before" and the like, after
    /// "by" on a line about applying, the dates between "Send the following…" and the first document,
    /// and the dates on lines about passport holders; a date without a year takes the year before the workshop.
    private mutating func readDeadlines(_ lines: [NoticeLine], sendIndex: Int?) {
        var candidates: [(line: NoticeLine, from: String.Index)] = []
        // The lines between "Send the following…" and the first numbered document carry the deadlines ("by 18 February").
        let firstItem = sendIndex.flatMap { i in lines[(i + 1)...].firstIndex { AnnouncementDraft.numberedItem($0.text) != nil } }
        let nearSend = sendIndex.map { $0..<min(firstItem ?? $0 + 8, $0 + 8) } ?? 0..<0
        for (i, line) in lines.enumerated() where !line.isBlank {
            let lower = line.text.lowercased()
            if let r = lower.range(of: "deadline") {
                candidates.append((line, line.text.index(line.text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.upperBound))))
            } else if nearSend.contains(i) || lower.contains("passport holder") {
                candidates.append((line, line.text.startIndex))
            } else if let words = NoticePattern.matches(AnnouncementDraft.deadlineWords, in: line.text).first {
                candidates.append((line, words.range.upperBound))
            } else if NoticePattern.groups(AnnouncementDraft.applying, in: line.text) != nil,
                      let by = NoticePattern.matches(AnnouncementDraft.byDate, in: line.text).first {
                candidates.append((line, by.range.upperBound))
            }
        }
        // An extended deadline comes first: it replaces the original one.
        candidates = candidates.filter { $0.line.text.lowercased().contains("extend") } + candidates.filter { !$0.line.text.lowercased().contains("extend") }
        for (line, from) in candidates {
            let lower = line.text.lowercased()
            let passport = lower.contains("ordinary passport") ? "ordinary" : lower.contains("official passport") ? "official" : nil
            for (date, inferred, weekday) in deadlineDates(in: line.text, from: from) {
                if let said = weekday, said != date.weekday {
                    checks.append("Line \(line.number) gives \(date.long) as a \(CivilDate.weekdayNames[said]); it is a \(CivilDate.weekdayNames[date.weekday]): check the date.")
                }
                let quote = NoticeQuote(lines: [line.number], pieces: [line.text])
                if let i = deadlines.firstIndex(where: { $0.passport == passport }) {
                    let known = deadlines[i]
                    if known.date == date {
                        if !known.quote.lines.contains(line.number) {
                            deadlines[i] = DraftDeadline(passport: passport, date: date, quote: known.quote + quote,
                                                         yearInferred: known.yearInferred && inferred, weekday: known.weekday ?? weekday)
                        }
                    } else {
                        checks.append("Line \(line.number) also gives \(date.long) as a deadline\(passport.map { " for \($0) passports" } ?? ""); "
                                      + "the draft keeps \(known.date.long) (line \(known.quote.lines[0])): check which applies.")
                    }
                } else {
                    deadlines.append(DraftDeadline(passport: passport, date: date, quote: quote, yearInferred: inferred, weekday: weekday))
                }
            }
        }
        deadlines.sort { a, b in (a.quote.lines.min() ?? 0) < (b.quote.lines.min() ?? 0) }
    }

    /// The single dates in a line from a position (not ranges such as "12~15"), with whether the year was inferred
    /// and the weekday the notice gives.
    private func deadlineDates(in text: String, from: String.Index) -> [(CivilDate, Bool, Int?)] {
        var found: [(Range<String.Index>, CivilDate, Bool, Int?)] = []
        for (pattern, order) in [(AnnouncementDraft.monthDay, (wd1: 1, month: 2, day: 3, wd2: 4, year: 5)),
                                 (AnnouncementDraft.dayMonth, (wd1: 1, month: 3, day: 2, wd2: 5, year: 4))] {
            for m in NoticePattern.matches(pattern, in: text) where m.range.lowerBound >= from {
                if NoticePattern.groups(AnnouncementDraft.rangeAfter, in: String(text[m.range.upperBound...])) != nil { continue }
                if NoticePattern.groups(AnnouncementDraft.rangeBefore, in: String(text[..<m.range.lowerBound])) != nil { continue }
                if found.contains(where: { $0.0.overlaps(m.range) }) { continue }
                guard let monthName = m.groups[order.month], let month = DateText.monthNumber(monthName),
                      let day = m.groups[order.day].flatMap({ Int($0) }) else { continue }
                let weekday = (m.groups[order.wd1] ?? m.groups[order.wd2]).flatMap(NoticePattern.weekdayNumber)
                if let year = m.groups[order.year].flatMap({ Int($0) }) {
                    if let date = CivilDate(year: year, month: month, day: day) { found.append((m.range, date, false, weekday)) }
                } else {
                    // No year: the last such date before the workshop.
                    var year = start.year
                    if let date = CivilDate(year: year, month: month, day: day), date > start { year -= 1 }
                    if let date = CivilDate(year: year, month: month, day: day) { found.append((m.range, date, true, weekday)) }
                }
            }
        }
        return found.sorted { $0.0.lowerBound < $1.0.lowerBound }.map { ($0.1, $0.2, $0.3) }
    }

    private static let openToList = NoticePattern.regex("(?:(\\d+)\\s+[^()]*?)?countries\\s*\\(([^()]*)\\)")

    /// "open to … in 11 Asia Pacific countries (Hong Kong, Mongolia, …)".
    mutating func readOpenTo(_ lines: [NoticeLine], countries: CountryDirectory) {
        for line in lines where line.text.lowercased().contains("open to") {
            guard let g = NoticePattern.groups(AnnouncementDraft.openToList, in: line.text), let list = g[2] else { continue }
            let names = NoticeCapTable.splitNames(list.trimmingCharacters(in: CharacterSet(charactersIn: " .")), countries: countries)
            guard !names.isEmpty else { continue }
            openTo = Quoted(value: names, quote: NoticeQuote(lines: [line.number], pieces: [line.text]))
            if let stated = g[1].flatMap({ Int($0) }), stated != names.count {
                checks.append("Line \(line.number) says \(stated) countries and lists \(names.count): check the list.")
            }
            return
        }
    }

    /// Points of departure and open-to countries under the country table's names; the names it does not know are listed.
    mutating func resolveCountries(_ countries: CountryDirectory) {
        var seen: Set<String> = []
        for i in caps.indices {
            caps[i].pointsOfDeparture = caps[i].printed.map { name in
                if let country = countries.country(named: name) { return country.name }
                if seen.insert(CountryDirectory.key(name)).inserted {
                    newCountries.append(NewCountry(name: name, region: caps[i].region,
                                                   line: caps[i].quote.lines.dropLast().last ?? caps[i].quote.lines.last ?? 0,
                                                   regionInferred: caps[i].regionInferred != nil))
                }
                return name
            }
        }
        if let open = openTo {
            let names = open.value.map { name in
                if let country = countries.country(named: name) { return country.name }
                if seen.insert(CountryDirectory.key(name)).inserted {
                    newCountries.append(NewCountry(name: name, region: nil, line: open.quote.lines[0]))
                }
                return caps.flatMap(\.pointsOfDeparture).first { CountryDirectory.key($0) == CountryDirectory.key(name) } ?? name
            }
            openTo = Quoted(value: names, quote: open.quote)
        }
    }
}
