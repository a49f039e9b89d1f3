import BudgetCore

/// Reading a roster's dates: ISO `YYYY-MM-DD` only, and saying why another text is not one.
enum DateText {
    static let hint = "write dates as ISO dates, YYYY-MM-DD, e.g. 2023-12-11"

    /// The date an ISO text names; any other form is refused with the reason.
    static func parse(_ raw: String) -> Result<CivilDate, Refusal> {
        let text = raw.trimmingWhitespace()
        if let date = CivilDate(iso: text) { return .success(date) }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        let numbers = parts.compactMap { $0.allSatisfy(\.isASCII) ? Int($0) : nil }
        if text.count == 10, parts.count == 3, numbers.count == 3, parts[0].count == 4, text.filter({ $0 == "-" }).count == 2 {
            return .failure(Refusal(reason: nonexistent(year: numbers[0], month: numbers[1], day: numbers[2]), hint: hint))
        }
        if parts.count == 3, numbers.count == 3, parts[2].count == 4 {
            return .failure(dayAndMonth(numbers[0], numbers[1], year: numbers[2]))
        }
        if parts.count == 3, numbers.count == 3, parts[0].count == 4, let date = CivilDate(year: numbers[0], month: numbers[1], day: numbers[2]) {
            return .failure(Refusal(reason: "not written YYYY-MM-DD", hint: "write \(date)"))
        }
        if parts.count == 1, let serial = numbers.first, (20_000...80_000).contains(serial) {
            return .failure(Refusal(reason: "a spreadsheet's day number, not a date",
                                    hint: "format the column as dates YYYY-MM-DD in the spreadsheet, then save again"))
        }
        return .failure(Refusal(reason: "not a date", hint: hint))
    }

    /// Why an ISO-shaped date does not exist: no such month, or no such day in that month.
    private static func nonexistent(year: Int, month: Int, day: Int) -> String {
        guard (1...12).contains(month), year >= 1 else { return "there is no month \(month) in a year" }
        let days = CivilDate.daysIn(month: month, year: year)
        let name = CivilDate.monthNames[month - 1]
        return "there is no \(day) \(name) \(year) (\(name) \(year) has \(days) days)"
    }

    /// `12/11/2023`: refused, and ambiguous unless one number is above 12.
    private static func dayAndMonth(_ first: Int, _ second: Int, year: Int) -> Refusal {
        let dayFirst = CivilDate(year: year, month: second, day: first)
        let monthFirst = CivilDate(year: year, month: first, day: second)
        switch (dayFirst, monthFirst) {
        case let (a?, b?) where a != b:
            return Refusal(reason: "\(a.long) or \(b.long)? Day and month cannot be told apart",
                           hint: "write ISO dates, YYYY-MM-DD: \(a) or \(b)")
        case let (a?, _), let (nil, a?):
            return Refusal(reason: "not written YYYY-MM-DD (it reads as \(a.long))", hint: "write \(a)")
        default:
            return Refusal(reason: "not a date", hint: hint)
        }
    }
}
