import BudgetCore

/// Fares quoted in other currencies in words: each participant's quote, currency and rate, and each rate with where it
/// comes from (a planning assumption), as every report states them. Nothing is said for a roster whose fares are all in US$.
enum QuotedFareText {
    /// The rule, said once before the fares.
    static let rule = "Fares quoted in other currencies are converted to US$ once per participant (the quoted amount divided by "
        + "the rate, rounded half up to the cent), before the cap."

    /// One participant's quote: `THB 12,500.00 at THB 35.2 per US$1 = US$ 355.11`.
    static func quote(_ quoted: QuotedFare) -> String { "\(quoted.shown) at \(quoted.rate.perDollar) = US$ \(quoted.usd.grouped)" }

    /// The rates used, each with its source: `Rate: THB 35.2 per US$1 (rate given on the command line; planning assumption).`
    static func rates(_ budget: Budget) -> [String] {
        budget.fareRates.map { "Rate: \($0.statement)." }
    }

    /// The whole statement as sentences: the rule, each participant's quote (when the lines are kept; else how many), each
    /// rate. Empty for a roster whose fares are all in US$.
    static func sentences(_ budget: Budget) -> [String] {
        guard budget.quotedFareCount > 0 else { return [] }
        let quotes = !budget.isStreamed
            ? budget.quotedFareLines.compactMap { line in line.participant.quotedFare.map { "\(line.participant.id): \(quote($0))." } }
            : ["\(budget.quotedFareCount == 1 ? "1 fare was" : "\(budget.quotedFareCount) fares were") quoted in another currency (the workbook lists them)."]
        return [rule] + quotes + rates(budget)
    }

    /// The text report's section: a heading, the quotes in a column, the rates; empty when there is none.
    static func section(_ budget: Budget, idWidth: Int) -> [String] {
        guard budget.quotedFareCount > 0 else { return [] }
        typealias L = TextLayout
        var out = ["", "Fares quoted in other currencies"]
        out += L.wrap(rule, first: "  ", indent: "  ")
        for line in budget.quotedFareLines {
            guard let quoted = line.participant.quotedFare else { continue }
            out += L.wrap(quote(quoted), first: "  " + L.left(line.participant.id, idWidth) + " ", indent: String(repeating: " ", count: idWidth + 3))
        }
        for rate in rates(budget) { out += L.wrap(rate, first: "  ", indent: "    ") }
        return out
    }
}
