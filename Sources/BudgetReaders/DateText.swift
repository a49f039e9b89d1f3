import BudgetCore

/// Which of day and month comes first in a date such as `12/11/2023`, when the officer says so (`--date-order`).
public enum DateOrder: String, Sendable, CaseIterable {
    /// Day, month, year: `12/11/2023` is 12 November 2023.
    case dmy
    /// Month, day, year: `12/11/2023` is 11 December 2023.
    case mdy
}

/// Reading a roster's dates: ISO `YYYY-MM-DD` always; `DD/MM/YYYY`, `DD.MM.YYYY`, `D Month YYYY` and `Month D, YYYY` where
/// they cannot be misread (the day above 12, or the month in words) or where `--date-order` says which; and saying why
/// another text is not a date.
enum DateText {
    static let hint = "write dates as ISO dates, YYYY-MM-DD, e.g. 2023-12-11"

    /// How a date that is not ISO was read: said in a note, so the officer can check the reading.
    enum Form: String, Comparable, CaseIterable {
        case dayFirst = "day first (DD/MM/YYYY)"
        case monthFirst = "month first (MM/DD/YYYY)"
        case monthInWords = "with the month in words"

        static func < (a: Form, b: Form) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    /// The date a text names and, when not ISO, how it was read; or why it is refused.
    static func parse(_ raw: String, order: DateOrder? = nil) -> Result<(date: CivilDate, form: Form?), Refusal> {
        let text = raw.trimmingWhitespace()
        if let date = CivilDate(iso: text) { return .success((date, nil)) }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        let numbers = parts.compactMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil }
        if text.count == 10, parts.count == 3, numbers.count == 3, parts[0].count == 4, text.filter({ $0 == "-" }).count == 2 {
            return .failure(Refusal(reason: nonexistent(year: numbers[0], month: numbers[1], day: numbers[2]), hint: hint))
        }
        if parts.count == 3, numbers.count == 3, parts[2].count == 4, Set(text.filter { "-/.".contains($0) }).count == 1 {
            return dayAndMonth(numbers[0], numbers[1], year: numbers[2], order: order)
        }
        if parts.count == 3, numbers.count == 3, parts[2].count == 2, parts[0].count <= 2, parts[1].count <= 2 {
            return .failure(Refusal(reason: "a two-digit year", hint: "write the year in full, e.g. \(parts[0])/\(parts[1])/20\(parts[2]), or better an ISO date YYYY-MM-DD"))
        }
        if parts.count == 3, numbers.count == 3, parts[0].count == 4, let date = CivilDate(year: numbers[0], month: numbers[1], day: numbers[2]) {
            return .failure(Refusal(reason: "not written YYYY-MM-DD", hint: "write \(date)"))
        }
        if let worded = monthInWords(text) { return worded }
        if parts.count == 1, let serial = numbers.first, (20_000...80_000).contains(serial),
           let date = CivilDate(year: 1899, month: 12, day: 30)?.adding(days: serial) {
            return .failure(Refusal(reason: "a spreadsheet's day number, not a date (as Excel counts days, \(serial) is \(date.long))",
                                    hint: "format the column as dates YYYY-MM-DD in the spreadsheet, then save again; or give the workbook itself (.xlsx), whose date cells are read as dates"))
        }
        return .failure(Refusal(reason: "not a date", hint: hint))
    }

    /// The cause of a refusal of a date that could be day first or month first (`12/11/2023`).
    static let ambiguousOrder = "ambiguous-date"

    /// The order a date such as `16/12/2023` can only be read in (its first number above 12: day first; its second:
    /// month first); nil for any other text, a date that could be read either way among them.
    static func onlyOrder(_ raw: String) -> DateOrder? {
        let text = raw.trimmingWhitespace()
        guard text.count >= 8, text.count <= 10, let separator = text.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let first = Int(parts[0]), let second = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        if first > 12, CivilDate(year: year, month: second, day: first) != nil { return .dmy }
        if second > 12, CivilDate(year: year, month: first, day: second) != nil { return .mdy }
        return nil
    }

    /// Whether a text is written as a date, read or not: a date, or one refused for its day, month or year (`2023-02-30`,
    /// `12/11/2023` without `--date-order`, a two-digit year, a spreadsheet's day number), not a text that is no date at all.
    static func looksLikeDate(_ raw: String, order: DateOrder? = nil) -> Bool {
        switch parse(raw, order: order) {
        case .success: return true
        case .failure(let refusal): return !refusal.reason.hasPrefix("not a date")
        }
    }

    /// Why an ISO-shaped date does not exist: no such month, or no such day in that month.
    private static func nonexistent(year: Int, month: Int, day: Int) -> String {
        guard (1...12).contains(month), year >= 1 else { return "there is no month \(month) in a year" }
        let days = CivilDate.daysIn(month: month, year: year)
        let name = CivilDate.monthNames[month - 1]
        return "there is no \(day) \(name) \(year) (\(name) \(year) has \(days) days)"
    }

    /// `13/12/2023`, `12.13.2023`, `12/11/2023`: read where only one reading exists or `--date-order` says which.
    private static func dayAndMonth(_ first: Int, _ second: Int, year: Int, order: DateOrder?) -> Result<(date: CivilDate, form: Form?), Refusal> {
        let dayFirst = CivilDate(year: year, month: second, day: first)
        let monthFirst = CivilDate(year: year, month: first, day: second)
        if let order {
            if let date = order == .dmy ? dayFirst : monthFirst { return .success((date, order == .dmy ? .dayFirst : .monthFirst)) }
            let (day, month) = order == .dmy ? (first, second) : (second, first)
            return .failure(Refusal(reason: "read \(order == .dmy ? "day first" : "month first") (--date-order \(order.rawValue)), " + nonexistent(year: year, month: month, day: day),
                                    hint: "correct the date, or write it as an ISO date YYYY-MM-DD"))
        }
        switch (dayFirst, monthFirst) {
        case let (a?, b?) where a != b:
            return .failure(Refusal(reason: "\(a.long) or \(b.long)? Day and month cannot be told apart",
                                    hint: "say which comes first: --date-order dmy (day first) or --date-order mdy (month first); or write ISO dates, YYYY-MM-DD: \(a) or \(b)",
                                    cause: ambiguousOrder))
        case let (a?, _): return .success((a, .dayFirst))
        case let (nil, b?): return .success((b, .monthFirst))
        default:
            return .failure(Refusal(reason: "not a date (neither \(first) nor \(second) can be the month with the other the day)", hint: hint))
        }
    }

    /// A month's number from its English name or usual abbreviation (`December`, `Dec`, `Sept`), in any case.
    static func monthNumber(_ name: String) -> Int? { months[name.lowercased()] }

    /// English month names and their usual abbreviations.
    private static let months: [String: Int] = {
        var result: [String: Int] = ["sept": 9]
        for (i, name) in CivilDate.monthNames.enumerated() {
            result[name.lowercased()] = i + 1
            result[String(name.lowercased().prefix(3))] = i + 1
        }
        return result
    }()

    /// `11 December 2023`, `11-Dec-2023`, `December 11, 2023`, `Dec 11th 2023`: nil when the text is not of that shape.
    private static func monthInWords(_ text: String) -> Result<(date: CivilDate, form: Form?), Refusal>? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "." || $0 == "/" }).map(String.init)
        guard words.count == 3 else { return nil }
        func day(_ word: String) -> Int? {
            var w = Substring(word)
            for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) { w = w.dropLast(2) }
            return w.count <= 2 && w.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(w) : nil
        }
        let (d, m): (Int?, Int?) = months[words[0]] != nil ? (day(words[1]), months[words[0]]) : (day(words[0]), months[words[1]])
        guard let month = m, let dayNumber = d, words[2].count == 4, words[2].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(words[2]) else {
            return nil
        }
        guard let date = CivilDate(year: year, month: month, day: dayNumber) else {
            return .failure(Refusal(reason: nonexistent(year: year, month: month, day: dayNumber), hint: hint))
        }
        return .success((date, .monthInWords))
    }
}

extension CivilDate {
    /// Two days as a span in words: `12–15 December 2023`, `28 November to 2 December 2023`, `30 December 2023 to 2 January 2024`.
    static func span(_ first: CivilDate, _ last: CivilDate) -> String {
        if first.year != last.year { return "\(first.long) to \(last.long)" }
        if first.month != last.month { return "\(first.day) \(CivilDate.monthNames[first.month - 1]) to \(last.long)" }
        return first.day == last.day ? last.long : "\(first.day)–\(last.long)"
    }
}
