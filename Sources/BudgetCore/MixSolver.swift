/// Finds, exactly, the mix with the most participants within a budget and bounds; among those the cheapest.
///
/// Within a region, meeting the item minimums and then filling from the cheapest item is the cheapest way to
/// reach a given count (an exchange argument: moving one participant to a cheaper item with room never costs
/// more). Across regions a min-plus dynamic programme over counts combines the regions' cheapest costs.
/// Ties between mixes of the same count and cost go to more participants in earlier regions, then, within a
/// region, to earlier items among those of equal cost.
public enum MixSolver {
    /// One kind of participant: a unit cost and how many there must and may be.
    public struct Item: Hashable, Sendable {
        public let cost: Money
        public let minimum: Int
        /// Nil: no limit of its own.
        public let maximum: Int?

        public init(cost: Money, minimum: Int = 0, maximum: Int? = nil) {
            self.cost = cost
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// A group of items with bounds on their sum.
    public struct Region: Hashable, Sendable {
        public let items: [Item]
        public let minimum: Int
        public let maximum: Int?

        public init(items: [Item], minimum: Int = 0, maximum: Int? = nil) {
            self.items = items
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// Bounds that no mix can meet, whatever the budget.
    public enum Contradiction: Hashable, Sendable {
        /// An item's minimum is above its maximum.
        case item(region: Int, item: Int)
        /// A region's minimum is above its maximum.
        case region(Int)
        /// A region's items' minimums add up to more than the region's maximum.
        case itemMinimumsAboveRegionMaximum(Int)
        /// A region's minimum is more than its items' maximums allow.
        case regionMinimumAboveItemMaximums(Int)
    }

    /// Why no mix is given.
    public enum Failure: Error, Hashable, Sendable {
        case contradictions([Contradiction])
        /// The bounds need `participants` at least; the cheapest such mix costs `cost`, more than the budget.
        case budgetTooSmall(participants: Int, cost: Money)
        /// A region has an item that costs nothing and neither it nor its region has a maximum.
        case unbounded(region: Int, item: Int)
        /// The budget could fund up to `participants`, more than the limit.
        case tooMany(participants: Int)
    }

    /// The counts per item of every region, or why there are none.
    public static func solve(_ regions: [Region], budget: Money, limit: Int = 2_000) -> Result<[[Int]], Failure> {
        let contradictions = contradictions(regions)
        if !contradictions.isEmpty { return .failure(.contradictions(contradictions)) }
        let lows = regions.map(lowestCount)
        let cheapestLow = zip(regions, lows).map { cheapest($0.0, count: $0.1) }
        let lowCost = cheapestLow.compactMap { $0?.cost }.sum()
        if cheapestLow.contains(where: { $0 == nil }) || lowCost > budget {
            return .failure(.budgetTooSmall(participants: lows.reduce(0, +), cost: lowCost))
        }
        // The most participants each region could hold within the budget and its bounds.
        var highs: [Int] = []
        for (r, region) in regions.enumerated() {
            var room = 0
            for (i, item) in region.items.enumerated() {
                let affordable = item.cost > .zero ? Int(budget.cents / item.cost.cents) : nil
                switch (item.maximum, affordable) {
                case (let m?, let a?): room += min(m, a)
                case (let m?, nil): room += m
                case (nil, let a?): room += a
                case (nil, nil):
                    guard region.maximum != nil else { return .failure(.unbounded(region: r, item: i)) }
                    room = Int.max / 4
                }
                room = min(room, Int.max / 4)
            }
            highs.append(min(region.maximum ?? Int.max, room))
        }
        let allCosts = regions.flatMap { $0.items.map(\.cost) }
        var most = highs.reduce(0) { min($0 + $1, Int.max / 4) }
        if let cheapest = allCosts.min(), cheapest > .zero { most = min(most, Int(budget.cents / cheapest.cents)) }
        if most > limit { return .failure(.tooMany(participants: most)) }

        // costs[r][k]: the cheapest way for region r to hold k participants (nil: it cannot).
        let costs = regions.indices.map { r in
            (0...most).map { k in k < lows[r] || k > highs[r] ? nil : cheapest(regions[r], count: k)?.cost.cents }
        }
        // best[r][n]: the cheapest way for regions r... to hold n participants.
        let none = Int64.max
        var best = Array(repeating: Array(repeating: none, count: most + 1), count: regions.count + 1)
        best[regions.count][0] = 0
        for r in regions.indices.reversed() {
            for n in 0...most {
                var value = none
                for k in 0...n {
                    guard let here = costs[r][k], best[r + 1][n - k] != none else { continue }
                    value = min(value, here + best[r + 1][n - k])
                }
                best[r][n] = value
            }
        }
        guard let count = (0...most).last(where: { best[0][$0] <= budget.cents }) else {
            return .failure(.budgetTooSmall(participants: lows.reduce(0, +), cost: lowCost))
        }
        // Walk forward: each region takes the most participants that still allow the cheapest total.
        var left = count
        var remaining = best[0][count]
        var counts: [[Int]] = []
        for r in regions.indices {
            let k = (0...left).last { k in
                guard let here = costs[r][k], best[r + 1][left - k] != none else { return false }
                return here + best[r + 1][left - k] == remaining
            } ?? 0
            counts.append(cheapest(regions[r], count: k)?.counts ?? [])
            remaining -= costs[r][k] ?? 0
            left -= k
        }
        return .success(counts)
    }

    /// Every pair of bounds that contradict each other, region by region.
    public static func contradictions(_ regions: [Region]) -> [Contradiction] {
        var found: [Contradiction] = []
        for (r, region) in regions.enumerated() {
            for (i, item) in region.items.enumerated() where item.minimum > (item.maximum ?? Int.max) {
                found.append(.item(region: r, item: i))
            }
            if let maximum = region.maximum {
                if region.minimum > maximum { found.append(.region(r)) }
                if region.items.map(\.minimum).reduce(0, +) > maximum { found.append(.itemMinimumsAboveRegionMaximum(r)) }
            }
            if region.items.allSatisfy({ $0.maximum != nil }),
               region.minimum > region.items.compactMap(\.maximum).reduce(0, +) {
                found.append(.regionMinimumAboveItemMaximums(r))
            }
        }
        return found
    }

    /// The fewest participants a region can hold: its minimum or its items' minimums, whichever is more.
    static func lowestCount(_ region: Region) -> Int {
        max(region.minimum, region.items.map(\.minimum).reduce(0, +))
    }

    /// The cheapest counts for `count` participants in a region (item minimums first, then the cheapest items with
    /// room, earlier items first among equal costs), with their cost; nil when the items' bounds do not allow it.
    public static func cheapest(_ region: Region, count: Int) -> (counts: [Int], cost: Money)? {
        var counts = region.items.map(\.minimum)
        var left = count - counts.reduce(0, +)
        guard left >= 0 else { return nil }
        let order = region.items.indices.sorted { (region.items[$0].cost, $0) < (region.items[$1].cost, $1) }
        for i in order where left > 0 {
            let room = (region.items[i].maximum ?? Int.max) - counts[i]
            let taken = min(room, left)
            counts[i] += taken
            left -= taken
        }
        guard left == 0 else { return nil }
        return (counts, zip(counts, region.items).map { $0.1.cost * $0.0 }.sum())
    }

    /// The item the next participant of a region would be (the cheapest with room, earlier among equal costs),
    /// or nil when the region or all its items are at their maximum.
    public static func next(_ region: Region, counts: [Int]) -> Int? {
        if let maximum = region.maximum, counts.reduce(0, +) >= maximum { return nil }
        return region.items.indices.filter { counts[$0] < (region.items[$0].maximum ?? Int.max) }
            .min { (region.items[$0].cost, $0) < (region.items[$1].cost, $1) }
    }
}
