/// How many units of a currency buy US$1 for converting the fares travel agents quote in it (THB, PHP, NPR, KRW…): a
/// planning assumption, stated in the event file (`[[fare_rates]]`, with its date and source) or on the command line
/// (`--rate THB=35.20`).
public struct FareRate: Hashable, Sendable {
    /// Where a rate was stated.
    public enum Origin: String, Hashable, Sendable {
        /// The event file's `[[fare_rates]]`.
        case eventFile = "event file"
        /// `--rate CUR=RATE`.
        case commandLine = "command line"
    }

    /// The currency's ISO 4217 code (`THB`).
    public let currency: String
    /// Units of the currency per US$1.
    public let rate: ExchangeRate
    /// The day the rate was taken; nil when not stated (a rate given on the command line).
    public let date: CivilDate?
    /// Where the rate comes from, in words (`Bank of Thailand reference rate`); for a command-line rate, that it was given there.
    public let source: String
    public let origin: Origin

    public init(currency: String, rate: ExchangeRate, date: CivilDate? = nil, source: String, origin: Origin) {
        self.currency = currency
        self.rate = rate
        self.date = date
        self.source = source
        self.origin = origin
    }

    /// A rate given on the command line (`--rate THB=35.20`).
    public static func commandLine(_ currency: String, _ rate: ExchangeRate) -> FareRate {
        FareRate(currency: currency, rate: rate, source: "rate given on the command line", origin: .commandLine)
    }

    /// `THB 35.2 per US$1`.
    public var perDollar: String { "\(currency) \(rate.description) per US$1" }

    /// The rate with where it comes from, as every report states it: `THB 35.2 per US$1 (event file, 2 October 2023: Bank of
    /// Thailand reference rate; planning assumption)` or `THB 35.2 per US$1 (rate given on the command line; planning assumption)`.
    public var statement: String {
        switch origin {
        case .eventFile: return "\(perDollar) (event file\(date.map { ", \($0.long)" } ?? ""): \(source); planning assumption)"
        case .commandLine: return "\(perDollar) (\(source); planning assumption)"
        }
    }
}

/// A fare as the travel agent quoted it in another currency, and the rate that converts it: the US$ fare is the quoted
/// amount divided by the rate, rounded half up to the cent, once per participant and before the cap. An immutable value
/// held by reference, so that a participant whose fare is in US$ (nearly all) carries one empty pointer, not the rate.
public final class QuotedFare: Hashable, Sendable {
    /// The amount in hundredths of the currency (THB 12,500.00 is 1,250,000).
    public let amount: Money
    public let rate: FareRate

    public init(amount: Money, rate: FareRate) {
        self.amount = amount
        self.rate = rate
    }

    public static func == (a: QuotedFare, b: QuotedFare) -> Bool { a.amount == b.amount && a.rate == b.rate }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(amount)
        hasher.combine(rate)
    }

    /// The currency's code.
    public var currency: String { rate.currency }

    /// The fare in US$: amount ÷ rate, rounded half up to the cent (``ExchangeRate/convertToUSD(hundredths:)``).
    public var usd: Money { rate.rate.convertToUSD(hundredths: amount.cents) }

    /// `THB 12,500.00`.
    public var shown: String { "\(currency) \(amount.grouped)" }
}
