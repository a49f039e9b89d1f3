/// A planned and an actual amount, and how far the actual is from the plan.
public struct PlanActual: Hashable, Sendable {
    public var planned: Money
    public var actual: Money

    public init(planned: Money, actual: Money) {
        self.planned = planned
        self.actual = actual
    }

    public static let zero = PlanActual(planned: .zero, actual: .zero)

    /// Variance = actual − planned: more than zero is spent above the plan, less than zero below it.
    public var variance: Money { actual - planned }

    /// The variance as a percentage of the plan; nil when nothing was planned.
    public var percent: VariancePercent? { VariancePercent(variance, of: planned) }

    public static func + (a: PlanActual, b: PlanActual) -> PlanActual {
        PlanActual(planned: a.planned + b.planned, actual: a.actual + b.actual)
    }

    public static func += (a: inout PlanActual, b: PlanActual) { a = a + b }
}

/// A variance as a percentage of the planned amount, in tenths of a percent, rounded half away from zero.
public struct VariancePercent: Hashable, Sendable, CustomStringConvertible {
    /// Tenths of a percent: 125 is 12.5%, -30 is -3.0%.
    public let tenths: Int64

    public init(tenths: Int64) { self.tenths = tenths }

    /// variance ÷ planned × 100 to one decimal, computed on cents exactly and rounded half away from zero
    /// (2.45% → 2.5%, −2.45% → −2.5%); nil when the plan is zero or less, or too large to compute.
    public init?(_ variance: Money, of planned: Money) {
        guard planned > .zero else { return nil }
        let (scaled, overflow) = variance.cents.magnitude.multipliedReportingOverflow(by: 2_000)
        guard !overflow, scaled <= UInt64(Int64.max) else { return nil }
        let denominator = planned.cents
        let rounded = (Int64(scaled) + denominator) / (2 * denominator)
        tenths = variance < .zero ? -rounded : rounded
    }

    /// `+12.5%`, `-3.0%`, `0.0%`.
    public var description: String { (tenths > 0 ? "+" : "") + plain + "%" }

    /// Plain form with one decimal and no `+` or `%`: `12.5`, `-3.0`.
    public var plain: String { "\(tenths < 0 ? "-" : "")\(tenths.magnitude / 10).\(tenths.magnitude % 10)" }

    /// The percentage as a number with one decimal (12.5), for spreadsheets.
    public var number: Double { Double(tenths) / 10 }
}
