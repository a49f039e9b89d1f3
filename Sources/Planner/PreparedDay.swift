import BudgetCore
import Foundation

/// The day a workbook says it was prepared, chosen here and only here: `--created`, else `SOURCE_DATE_EPOCH` (seconds since
/// 1970, the reproducible-builds convention), else the day of the run in UTC, so the same inputs give the same bytes all day.
/// The renderers take the day as an input and never read the clock.
public enum PreparedDay {
    /// The reproducible-builds variable: https://reproducible-builds.org/specs/source-date-epoch/
    public static let variable = "SOURCE_DATE_EPOCH"

    /// The day: `created` if given; else the UTC day of `SOURCE_DATE_EPOCH` when it is set; else the UTC day of `now`.
    /// A malformed `SOURCE_DATE_EPOCH` is an error naming it (unless `created` is given, which does not read it).
    public static func choose(created: CivilDate?, environment: [String: String], now: Date) throws(PlannerError) -> CivilDate {
        if let created { return created }
        if let text = environment[variable] { return try day(epoch: text) }
        return day(seconds: Int64(now.timeIntervalSince1970.rounded(.down)))
    }

    /// The UTC day of a `SOURCE_DATE_EPOCH` value: digits only, as `date +%s` prints, up to the end of 9999.
    static func day(epoch text: String) throws(PlannerError) -> CivilDate {
        let example = "e.g. 1702339200 for 12 December 2023 (`date -u -d 2023-12-12 +%s`)"
        guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int64(text),
              seconds <= latest else {
            let shown = text.isEmpty ? "empty" : "`\(text.count > 40 ? String(text.prefix(40)) + "…" : text)`"
            throw .usage("\(variable) is \(shown): expected the seconds since 1970-01-01 00:00 UTC, digits only and no later than "
                                  + "the year 9999, \(example); unset it, or give --created YYYY-MM-DD")
        }
        return day(seconds: seconds)
    }

    /// Midnight UTC of a day, in seconds since 1970: the creation time the renderers take.
    public static func seconds(_ day: CivilDate) -> Int64 { Int64(day.dayNumber) * 86_400 }

    /// The UTC day of a time in seconds since 1970.
    private static func day(seconds: Int64) -> CivilDate {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return epoch.adding(days: Int(days))
    }

    private static let epoch = CivilDate(year: 1970, month: 1, day: 1)!
    /// 9999-12-31 23:59:59 UTC.
    private static let latest: Int64 = 253_402_300_799
}
