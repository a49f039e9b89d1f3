import BudgetCore

/// The currencies a fare may be quoted in, as officers write them: ISO codes (`THB`), symbols (`฿`) and names (`baht`); and
/// the rates that convert them, as the command line gives them (`--rate THB=35.20`).
public enum FareCurrency {
    /// ISO 4217 codes of the region's currencies and the usual others (US$ is `USD`). Codes that are also English words
    /// (Tonga's `TOP`) are left out: they would turn a header such as `Top fare` into a currency.
    static let codes: Set<String> = [
        "AFN", "AUD", "BDT", "BND", "BTN", "CAD", "CHF", "CNY", "EUR", "FJD", "GBP", "HKD", "IDR", "INR", "JPY", "KHR", "KRW",
        "LAK", "LKR", "MMK", "MNT", "MOP", "MVR", "MYR", "NPR", "NZD", "PGK", "PHP", "PKR", "SBD", "SGD", "THB", "TWD", "VND",
        "VUV", "WST",
    ]

    /// Currency names and symbols that name one currency.
    private static let names: [String: String] = [
        "won": "KRW", "baht": "THB", "yen": "JPY", "euro": "EUR", "euros": "EUR", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY",
        "ringgit": "MYR", "rupiah": "IDR", "dong": "VND", "kip": "LAK", "kyat": "MMK", "riel": "KHR", "taka": "BDT",
        "tugrik": "MNT", "kina": "PGK", "tala": "WST", "vatu": "VUV", "peso": "PHP", "pesos": "PHP",
        "₩": "KRW", "฿": "THB", "₱": "PHP", "€": "EUR", "£": "GBP", "₹": "INR", "₫": "VND", "₭": "LAK", "៛": "KHR", "₮": "MNT",
        "৳": "BDT",
    ]
    /// Symbols and names that could be several currencies (`¥`: yen or yuan; `rupee`: India, Nepal, Sri Lanka, Pakistan…).
    static let ambiguous: Set<String> = ["¥", "rupee", "rupees", "rs", "dollar", "dollars", "$"]

    /// The currency a text names on its own (`thb`, `THB`, `฿`, `Baht`, `USD`, `US$`), as its code; nil otherwise.
    public static func code(_ text: String) -> String? {
        let t = text.trimmingWhitespace()
        let lowered = t.lowercased()
        if ["usd", "us$", "us dollar", "us dollars"].contains(lowered) { return "USD" }
        if codes.contains(t.uppercased()), t.count == 3, t.allSatisfy(\.isLetter) { return t.uppercased() }
        return names[lowered]
    }

    /// The currency other than US$ that a header names (`Fare (THB)`, `Fare in baht`, `Fare ₩`), as its code; nil when it
    /// names none, or one that could be several (`¥`).
    static func named(inHeader header: String) -> String? {
        for character in header {
            if let code = names[String(character)] { return code }
        }
        for word in RosterColumns.words(header) {
            if let code = code(word), code != "USD" { return code }
        }
        return nil
    }

    /// A fare cell written with its currency (`THB 12,500`, `12,500 THB`, `฿12,500`, `12,500.50 baht`): the currency's code
    /// and the amount's text; nil currency when the cell names none other than US$ (US$ is left to the amount's rules).
    static func split(_ cell: String) -> (currency: String?, amount: String) {
        let text = cell.trimmingWhitespace()
        guard let first = text.first, let last = text.last else { return (nil, text) }
        // A symbol before or after the digits.
        if let code = names[String(first)], !first.isLetter { return (code, String(text.dropFirst()).trimmingWhitespace()) }
        if let code = names[String(last)], !last.isLetter { return (code, String(text.dropLast()).trimmingWhitespace()) }
        // A code or name before or after, with or without a space.
        let letters = text.prefix { $0.isLetter }, trailing = String(text.reversed().prefix { $0.isLetter }.reversed())
        if !letters.isEmpty, letters.count < text.count, let code = code(String(letters)), code != "USD" {
            return (code, String(text.dropFirst(letters.count)).trimmingWhitespace())
        }
        if !trailing.isEmpty, trailing.count < text.count, let code = code(trailing), code != "USD" {
            return (code, String(text.dropLast(trailing.count)).trimmingWhitespace())
        }
        return (nil, text)
    }

    /// Why a `--rate` was refused.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// A rate as the command line gives it: `THB=35.20` (units of the currency per US$1, up to four decimals).
    public static func rate(parsing text: String) throws(Refusal) -> FareRate {
        let example = "write CUR=RATE, the currency's code and how many of its units buy US$1, e.g. --rate THB=35.20"
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw Refusal(description: "`--rate \(text)` has no `=`: \(example)") }
        let name = parts[0].trimmingWhitespace(), value = parts[1].trimmingWhitespace()
        guard let currency = code(name) else {
            throw Refusal(description: "`--rate \(text)`: \(name.quoted) is not a currency code travel-budget knows; \(example)")
        }
        guard currency != "USD" else { throw Refusal(description: "`--rate \(text)`: fares in US$ need no rate") }
        guard let scaled = scaledRate(value) else {
            throw Refusal(description: "`--rate \(text)`: \(value.quoted) is not a rate; write a positive number with at most four decimals, "
                          + "the units of \(currency) per US$1, e.g. --rate \(currency)=35.20")
        }
        return .commandLine(currency, ExchangeRate(unitsPerUSDTimes10000: scaled))
    }

    /// Several `--rate`s; the same currency twice at different rates is refused.
    public static func rates(parsing texts: [String]) throws(Refusal) -> [FareRate] {
        var rates: [FareRate] = []
        for text in texts {
            let rate = try rate(parsing: text)
            if let other = rates.first(where: { $0.currency == rate.currency }) {
                guard other.rate == rate.rate else {
                    throw Refusal(description: "`--rate` gives \(rate.currency) twice (\(other.rate.description) and \(rate.rate.description)): keep one")
                }
                continue
            }
            rates.append(rate)
        }
        return rates
    }

    /// `35.20` as 352,000 (times 10,000): positive, at most four decimals, at most 1,000,000; nil otherwise.
    static func scaledRate(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count <= 7, let whole = Int64(parts[0]), parts.count == 1 || parts[1].count <= 4 else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.count < 4 { fraction += "0" }
        let scaled = whole * 10_000 + (Int64(fraction) ?? 0)
        return scaled > 0 && scaled <= 1_000_000 * 10_000 ? scaled : nil
    }
}
