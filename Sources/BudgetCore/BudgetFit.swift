/// How the fare of a participant in a fitted mix is assumed.
public enum FareAssumption: Hashable, Sendable {
    /// The fare equals the cap: the worst case, all of it assisted.
    case cap
    /// The fare is this fraction of the cap, rounded half up to the cent.
    case fractionOfCap(Proportion)

    /// The assisted airfare under a cap: min(fare, cap).
    public func assistedAirfare(cap: Money) -> Money {
        switch self {
        case .cap: return cap
        case .fractionOfCap(let fraction): return min(cap.scaled(by: fraction), cap)
        }
    }
}

/// A bound as typed: at least (`--min`) or at most (`--max`) some participants from a region or a country.
public struct FitBound: Hashable, Sendable {
    public enum Side: String, Hashable, Sendable {
        case minimum = "min"
        case maximum = "max"
    }

    /// The region or country as typed.
    public let name: String
    public let side: Side
    public let count: Int

    public init(name: String, side: Side, count: Int) {
        self.name = name
        self.side = side
        self.count = count
    }
}

/// What to fit: an event, a budget, bounds and the fare assumption.
public struct FitRequest: Sendable {
    public let event: Event
    public let countries: CountryDirectory
    public let budget: Money
    public let fare: FareAssumption
    public let bounds: [FitBound]

    public init(event: Event, countries: CountryDirectory, budget: Money, fare: FareAssumption = .cap, bounds: [FitBound] = []) {
        self.event = event
        self.countries = countries
        self.budget = budget
        self.fare = fare
        self.bounds = bounds
    }
}

/// One kind of participant in a fitted mix, priced for one participant.
public struct FitItem: Hashable, Sendable {
    /// Whom the item stands for.
    public enum Kind: Hashable, Sendable {
        /// Anyone from the region, priced at the worst case: its highest cap among rows naming a point of departure.
        case anyPointOfDeparture
        /// A country named in a bound, priced at its own row's cap.
        case country(Country)
    }

    public let region: String
    public let kind: Kind
    /// The row whose cap prices the item.
    public let row: CapRow
    public let assistedAirfare: Money
    /// The full stay's local expenses.
    public let localExpenses: Money
    /// The event file's other per-person lines for one assisted participant present throughout (none for most events).
    public let declared: [Money]
    public let minimum: Int
    public let maximum: Int?

    public var cap: Money { row.cap }
    /// The cost of one participant: assisted airfare + local expenses + the other per-person lines.
    public var unitCost: Money { declared.reduce(assistedAirfare + localExpenses, +) }

    /// `any point of departure` or the country's name.
    public var name: String {
        switch kind {
        case .anyPointOfDeparture: return "any point of departure"
        case .country(let country): return country.name
        }
    }
}

/// A region of the fitted mix: its bounds, its items with their counts, and the next participant.
public struct RegionFit: Sendable {
    public let region: String
    public let minimum: Int?
    public let maximum: Int?
    public let items: [FitItem]
    public let counts: [Int]
    /// The item the next participant from the region would be; nil when the region is at its maximum.
    public let next: FitItem?

    public var participants: Int { counts.reduce(0, +) }
    public var subtotal: Money { zip(items, counts).map { $0.0.unitCost * $0.1 }.sum() }
}

/// The fitted mix: the most participants within the budget and the bounds, the cheapest such mix.
public struct FitAnswer: Sendable {
    public let request: FitRequest
    public let regions: [RegionFit]
    /// The full stay's local expenses of one participant.
    public let localExpenses: Money
    /// Facts the finance officer should know: unlabelled rows, bounds that change nothing, inferred worst cases.
    public let notes: [String]
    /// The bounds as understood: canonical name, minimum and maximum, regions first in cap-table order.
    public let bounds: [(name: String, minimum: Int?, maximum: Int?)]

    public var participants: Int { regions.map(\.participants).reduce(0, +) }
    /// The participants' cost: every per-person line.
    public var participantsCost: Money { regions.map(\.subtotal).sum() }
    /// The mix's sums per per-person line, as a budget of these participants would have them.
    public var totals: CostTotals {
        var totals = CostTotals()
        for region in regions {
            for (item, count) in zip(region.items, region.counts) where count > 0 {
                totals.participants += count
                let amounts = [item.assistedAirfare, item.localExpenses] + item.declared
                if totals.amounts.count < amounts.count { totals.amounts += Array(repeating: .zero, count: amounts.count - totals.amounts.count) }
                for (index, amount) in amounts.enumerated() { totals.amounts[index] += amount * count }
                totals.total += item.unitCost * count
            }
        }
        return totals
    }
    /// The event costs (per-event lines, contingency) with this mix: fixed costs the budget covers too.
    public var eventCosts: [EventCost] { request.event.hasDeclaredLines ? EventCost.all(for: request.event, totals: totals) : [] }
    /// The whole cost: the participants and the event costs.
    public var total: Money { participantsCost + eventCosts.map(\.amount).sum() }
    public var moneyLeft: Money { request.budget - total }

    /// What one more participant of an item would add to the total: the item's unit cost, and its part of the contingency.
    public func marginalCost(of item: FitItem) -> Money {
        guard request.event.hasDeclaredLines else { return item.unitCost }
        var more = totals
        more.participants += 1
        let amounts = [item.assistedAirfare, item.localExpenses] + item.declared
        if more.amounts.count < amounts.count { more.amounts += Array(repeating: .zero, count: amounts.count - more.amounts.count) }
        for (index, amount) in amounts.enumerated() { more.amounts[index] += amount }
        more.total += item.unitCost
        return more.total + EventCost.all(for: request.event, totals: more).map(\.amount).sum() - total
    }
}

/// Why a fit gives no mix.
public enum FitRefusal: Error, Equatable, Sendable {
    /// The request is wrong: an unknown name, a bound given twice, a budget beyond the planner's range.
    case badRequest([String])
    /// No mix meets the bounds within the budget; each reason in words.
    case cannotMeet([String])
}
