/// A consumer price index by year, to restate amounts in another year's dollars.
public struct PriceIndex: Sendable {
    /// The series id, e.g. `CUUR0000SA0` (U.S. CPI-U, all items).
    public let series: String
    public let title: String
    /// Where the values come from.
    public let source: String
    /// Annual values times 1,000 (251.107 → 251107), by year.
    public let values: [Int: Int64]

    public init(series: String, title: String, source: String, values: [Int: Int64]) {
        self.series = series
        self.title = title
        self.source = source
        self.values = values
    }

    /// An amount of one year's dollars in another year's: amount × index(to) / index(from), rounded half up to the cent.
    public func restate(_ amount: Money, from: Int, to: Int) -> Money? {
        guard let a = values[from], let b = values[to], a > 0 else { return nil }
        return Money(cents: Ratio.rounded(amount.cents * b, a))
    }
}

/// Exact ratios with explicit rounding.
public enum Ratio {
    /// numerator / denominator rounded half away from zero.
    public static func rounded(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        guard denominator != 0 else { return 0 }
        let sign: Int64 = (numerator < 0) != (denominator < 0) ? -1 : 1
        let n = numerator.magnitude, d = denominator.magnitude
        return sign * Int64((2 * n + d) / (2 * d))
    }

    /// A change as a percentage in tenths (125 = 12.5%), rounded half away from zero; nil from zero.
    public static func percentTenths(from base: Int64, to value: Int64) -> Int64? {
        base == 0 ? nil : rounded((value - base) * 1_000, base)
    }

    /// A part of a whole in tenths of a percent (694 = 69.4%); nil of zero.
    public static func shareTenths(_ part: Int64, of whole: Int64) -> Int64? {
        whole == 0 ? nil : rounded(part * 1_000, whole)
    }

    /// `12.5%`, `-7.3%`, `+0.0%` from tenths of a percent.
    public static func percentText(_ tenths: Int64, signed: Bool = false) -> String {
        let sign = tenths < 0 ? "-" : signed ? "+" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)%"
    }
}

/// The same mix priced under several events, with their cap tables side by side.
public struct Comparison: Sendable {
    /// One point of departure's cap in each event.
    public struct CapLine: Sendable {
        public let point: String
        public let region: String
        /// The cap in each event (nil where no row names it), in `events` order.
        public let caps: [Money?]
        /// Whether the cap comes from an inferred row, per event.
        public let inferred: [Bool]
    }

    public let events: [Event]
    /// The mix priced under each event, in `events` order.
    public let budgets: [Budget]
    /// Every point of departure any event's table names, in the first table's order, then the others'.
    public let caps: [CapLine]
    /// The rows that lost their label, per event: they name nobody and cannot be compared.
    public let unlabelled: [(event: Event, row: CapRow)]
    public let index: PriceIndex?

    /// Prices participants under each event (the same people, everyone priced, for a like-for-like comparison).
    public init(events: [Event], budgets: [Budget], index: PriceIndex? = nil) {
        self.events = events
        self.budgets = budgets
        self.index = index
        var points: [(String, String)] = []
        for event in events {
            for row in event.caps {
                for point in row.pointsOfDeparture where !points.contains(where: { $0.0 == point }) { points.append((point, row.region)) }
            }
        }
        caps = points.map { point, region in
            let rows = events.map { event in event.caps.first { $0.pointsOfDeparture.contains(point) } }
            return CapLine(point: point, region: region, caps: rows.map { $0?.cap }, inferred: rows.map { $0?.isInferred ?? false })
        }
        unlabelled = events.flatMap { event in event.caps.filter { $0.label == .unlabelled }.map { (event: event, row: $0) } }
    }

    /// The events' years, for real terms.
    public var years: [Int] { events.map(\.start.year) }

    /// A first-event amount in the last event's dollars, when an index covers both years.
    public func inLastYearsDollars(_ amount: Money) -> Money? {
        guard let first = years.first, let last = years.last else { return nil }
        return index?.restate(amount, from: first, to: last)
    }

    /// What a cap line says beyond its figures: listed in some events only, inferred.
    public func note(_ line: CapLine) -> String {
        var notes: [String] = []
        let listed = zip(events, line.caps).filter { $0.1 != nil }.map(\.0.id)
        if listed.count < events.count { notes.append(listed.joined(separator: ", ") + " only") }
        let inferred = zip(events, line.inferred).filter { $0.1 }.map(\.0.id)
        if !inferred.isEmpty { notes.append("inferred row in " + inferred.joined(separator: ", ")) }
        return notes.joined(separator: "; ")
    }

    /// Regions of the mix in the first budget's order, then any others.
    public var regions: [String] {
        var names: [String] = []
        for budget in budgets { for region in budget.regions where !names.contains(region.region) { names.append(region.region) } }
        return names
    }

    /// One cost line of the whole budget under each event (nil where an event has no such line), by its key.
    public struct LineAmounts: Sendable {
        public let key: String
        public let name: String
        public let amounts: [Money?]
    }

    /// Whether any event compared declares lines beyond assisted airfare and local expenses.
    public var hasDeclaredLines: Bool { events.contains(where: \.hasDeclaredLines) }

    /// Every line of the budget under each event: the per-person lines (by key, in the first event's order, then others'),
    /// the event costs, then the grand total.
    public var lines: [LineAmounts] {
        var keys: [(key: String, name: String)] = []
        for event in events {
            for line in event.personLines where !keys.contains(where: { $0.key == line.key }) { keys.append((line.key, line.name)) }
        }
        let person = keys.map { key, name in
            LineAmounts(key: key, name: name, amounts: budgets.map { budget in
                budget.event.personLines.firstIndex { $0.key == key }.map { index in
                    index < budget.totals.amounts.count ? budget.totals.amounts[index] : .zero
                }
            })
        }
        var costKeys: [(key: String, name: String)] = []
        for budget in budgets {
            for cost in budget.eventCosts where !costKeys.contains(where: { $0.key == cost.key }) { costKeys.append((cost.key, cost.name)) }
        }
        let event = costKeys.map { key, name in
            LineAmounts(key: key, name: name, amounts: budgets.map { $0.eventCosts.first { $0.key == key }?.amount })
        }
        return person + event + [LineAmounts(key: "grand-total", name: "Grand total", amounts: budgets.map { Optional($0.grandTotal) })]
    }

    /// A region's subtotal in each event (zero where the mix has nobody there).
    public func subtotals(_ region: String) -> [CostTotals] {
        budgets.map { $0.regions.first { $0.region == region }?.subtotal ?? CostTotals() }
    }
}

extension CostTotals {
    /// The total per participant the event funds (``funded``: not those it prices at 0.00 as not funded), rounded half up to
    /// the cent; zero when it funds nobody.
    public var perParticipant: Money { funded == 0 ? .zero : Money(cents: Ratio.rounded(total.cents, Int64(funded))) }
}
