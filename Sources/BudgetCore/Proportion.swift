/// A proportion held exactly in ten-thousandths: a fare at 0.8 of the cap is 8,000; a rate 10% lower is −1,000.
public struct Proportion: Hashable, Comparable, Sendable {
    /// The proportion times 10,000.
    public let tenThousandths: Int64

    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }

    /// The whole: 1.0, or 100%.
    public static let one = Proportion(tenThousandths: 10_000)

    public static func < (a: Proportion, b: Proportion) -> Bool { a.tenThousandths < b.tenThousandths }

    /// A fraction written as a decimal with up to four decimals: `0.8`, `.75`, `1`; nil for anything else.
    public init?(fraction text: String) {
        guard let value = DecimalText.scaled(text, places: 4) else { return nil }
        self.init(tenThousandths: value)
    }

    /// A percentage with up to two decimals, a sign and a `%` allowed: `-10`, `+5%`, `2.5`; nil for anything else.
    public init?(percent text: String) {
        var text = Substring(text)
        if text.hasSuffix("%") { text = text.dropLast() }
        guard let value = DecimalText.scaled(String(text), places: 2) else { return nil }
        self.init(tenThousandths: value)
    }

    /// As a decimal with at least one decimal: `0.8`, `1.0`, `0.75`.
    public var fractionText: String {
        let sign = tenThousandths < 0 ? "-" : ""
        let magnitude = tenThousandths.magnitude
        var decimals = String(magnitude % 10_000)
        while decimals.count < 4 { decimals = "0" + decimals }
        while decimals.count > 1 && decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(sign)\(magnitude / 10_000).\(decimals)"
    }

    /// As a signed percentage: `-10%`, `+2.5%`, `0%`.
    public var percentText: String {
        let sign = tenThousandths < 0 ? "-" : tenThousandths > 0 ? "+" : ""
        let magnitude = tenThousandths.magnitude
        var decimals = magnitude % 100 < 10 ? "0\(magnitude % 100)" : "\(magnitude % 100)"
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(sign)\(magnitude / 100)\(decimals.isEmpty ? "" : "." + decimals)%"
    }
}

extension Money {
    /// This amount times a proportion, rounded half up to the cent (for amounts of zero or more).
    public func scaled(by proportion: Proportion) -> Money {
        Money(cents: (2 * cents * proportion.tenThousandths + 10_000) / 20_000)
    }
}

extension ExchangeRate {
    /// The rate changed by a proportion (`−10%`: 10% fewer local units per US dollar), rounded half up to the
    /// rate's fourth decimal; never below its smallest positive value.
    public func changed(by change: Proportion) -> ExchangeRate {
        let scaled = (2 * unitsPerUSDTimes10000 * (10_000 + change.tenThousandths) + 10_000) / 20_000
        return ExchangeRate(unitsPerUSDTimes10000: max(1, scaled))
    }
}

/// Exact decimal numbers typed on the command line, as scaled integers.
public enum DecimalText {
    /// `text` times 10^`places`, exactly: an optional sign, digits, and at most `places` decimals after a dot. Nil for
    /// anything else or more than 12 digits. (US dollars typed are read by BudgetReaders' `USDText`, the roster's rule.)
    public static func scaled(_ text: String, places: Int) -> Int64? {
        var body = Substring(text)
        while body.first == " " { body = body.dropFirst() }
        while body.last == " " { body = body.dropLast() }
        var negative = false
        if let first = body.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = parts[0]
        let decimals = parts.count == 2 ? parts[1] : ""
        let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard !(whole.isEmpty && decimals.isEmpty), digits(whole), digits(decimals), decimals.count <= places,
              !(parts.count == 2 && decimals.isEmpty), whole.count + places <= 12 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        var fraction = String(decimals)
        while fraction.count < places { fraction += "0" }
        let value = (Int64(whole) ?? 0) * scale + (Int64(fraction) ?? 0)
        return negative ? -value : value
    }
}
