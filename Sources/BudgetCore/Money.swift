/// An exact amount of US dollars (or another currency) held as integer minor units (cents).
///
/// Never a `Double`: every sum of `Money` is exact, and rounding happens only where a
/// function says so (see ``ExchangeRate/convertToUSD(_:)``).
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in cents.
    public var cents: Int64

    /// An amount from cents.
    public init(cents: Int64) { self.cents = cents }

    /// An amount from whole dollars.
    public init(dollars: Int64) { self.cents = dollars * 100 }

    public static let zero = Money(cents: 0)

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func * (a: Money, n: Int) -> Money { Money(cents: a.cents * Int64(n)) }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// Plain form with two decimals and no grouping: `1120.50`, `-3.05`.
    public var plain: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// An amount from its plain form (`1120.50`, `-3.05`), as the JSON report writes it; nil for any other text.
    public init?(plain text: String) {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...15).contains(parts[0].count), parts[1].count == 2,
              (parts[0] + parts[1]).allSatisfy({ $0.isASCII && $0.isNumber }),
              let whole = Int64(parts[0]), let fraction = Int64(parts[1]) else { return nil }
        cents = (negative ? -1 : 1) * (whole * 100 + fraction)
    }

    /// Grouped form with two decimals: `1,120.50`.
    public var grouped: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        var whole = String(magnitude / 100)
        var groups: [Substring] = []
        while whole.count > 3 {
            groups.insert(whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        groups.insert(Substring(whole), at: 0)
        return "\(sign)\(groups.joined(separator: ",")).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var description: String { grouped }
}

extension Sequence where Element == Money {
    /// The exact sum.
    public func sum() -> Money { reduce(.zero, +) }
}

/// How many units of a local currency buy one US dollar, exactly (four decimals kept).
public struct ExchangeRate: Hashable, Sendable {
    /// Local units per US dollar, times 10,000.
    public let unitsPerUSDTimes10000: Int64

    /// A rate from its scaled integer form; must be positive.
    public init(unitsPerUSDTimes10000: Int64) {
        precondition(unitsPerUSDTimes10000 > 0, "an exchange rate is positive")
        self.unitsPerUSDTimes10000 = unitsPerUSDTimes10000
    }

    /// Converts whole local units (e.g. won) to US dollars, rounded half up to the cent.
    public func convertToUSD(_ localUnits: Int64) -> Money {
        convertToUSD(hundredths: localUnits * 100)
    }

    /// Converts an amount in hundredths of the local unit (a fare of THB 12,500.50 is 1,250,050) to US dollars: the amount
    /// divided by the rate, rounded half up to the cent. The one conversion rule, for local expenses and quoted fares alike.
    public func convertToUSD(hundredths: Int64) -> Money {
        // cents = hundredths / rate = hundredths * 10_000 / scaled
        let numerator = hundredths * 10_000
        let denominator = unitsPerUSDTimes10000
        let rounded = (2 * numerator + denominator) / (2 * denominator)
        return Money(cents: rounded)
    }

    /// The rate as written, e.g. `1306` or `1100.5`.
    public var description: String {
        let whole = unitsPerUSDTimes10000 / 10_000
        var fraction = String(unitsPerUSDTimes10000 % 10_000)
        if fraction == "0" { return String(whole) }
        while fraction.count < 4 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}
