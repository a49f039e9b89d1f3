@testable import BudgetCore
import Testing

/// A small deterministic random source (SplitMix64), so every run checks the same cases.
struct SplitMix {
    var state: UInt64

    mutating func next(_ range: ClosedRange<Int>) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
    }

    mutating func maybe(_ range: ClosedRange<Int>, oneIn: Int) -> Int? { next(1...oneIn) == 1 ? next(range) : nil }
}

/// Every mix of a small problem, the best chosen by the stated order: most participants, then the cheapest, then
/// more participants in earlier regions, then more in earlier items.
func bruteForce(_ regions: [MixSolver.Region], budget: Money) -> [[Int]]? {
    let items = regions.flatMap(\.items)
    var best: (key: (Int, Int64, [Int], [Int]), counts: [Int])?
    var counts = Array(repeating: 0, count: items.count)
    func better(_ a: (Int, Int64, [Int], [Int]), than b: (Int, Int64, [Int], [Int])) -> Bool {
        if a.0 != b.0 { return a.0 > b.0 }
        if a.1 != b.1 { return a.1 < b.1 }
        if a.2 != b.2 { return a.2.lexicographicallyPrecedes(b.2, by: >) }
        return a.3.lexicographicallyPrecedes(b.3, by: >)
    }
    func visit(_ i: Int, _ cost: Int64) {
        guard cost <= budget.cents else { return }
        if i == items.count {
            var offset = 0
            var totals: [Int] = []
            for region in regions {
                let sum = counts[offset..<(offset + region.items.count)].reduce(0, +)
                guard sum >= region.minimum, sum <= (region.maximum ?? Int.max) else { return }
                totals.append(sum)
                offset += region.items.count
            }
            let key = (counts.reduce(0, +), cost, totals, counts)
            if best == nil || better(key, than: best?.key ?? key) { best = (key, counts) }
            return
        }
        let item = items[i]
        let top = min(item.maximum ?? Int.max, Int((budget.cents - cost) / item.cost.cents))
        guard item.minimum <= top else { return }
        for n in item.minimum...top {
            counts[i] = n
            visit(i + 1, cost + item.cost.cents * Int64(n))
        }
        counts[i] = 0
    }
    visit(0, 0)
    guard let found = best?.counts else { return nil }
    var offset = 0
    return regions.map { region in
        defer { offset += region.items.count }
        return Array(found[offset..<(offset + region.items.count)])
    }
}

@Suite struct MixSolverTests {
    @Test func theSolverAgreesWithBruteForceOn3000SmallRandomProblems() {
        var random = SplitMix(state: 2023)
        var solved = 0, refused = 0
        for case_ in 0..<3_000 {
            let regions = (0..<random.next(1...3)).map { _ in
                MixSolver.Region(
                    items: (0..<random.next(1...2)).map { _ in
                        // Few distinct costs, so that ties between mixes are common.
                        MixSolver.Item(cost: Money(dollars: Int64(random.next(2...6) * 2)),
                                       minimum: random.maybe(1...2, oneIn: 4) ?? 0, maximum: random.maybe(0...3, oneIn: 2))
                    },
                    minimum: random.maybe(1...3, oneIn: 4) ?? 0, maximum: random.maybe(0...5, oneIn: 2))
            }
            let budget = Money(dollars: Int64(random.next(0...60)))
            let expected = bruteForce(regions, budget: budget)
            switch MixSolver.solve(regions, budget: budget) {
            case .success(let counts):
                solved += 1
                #expect(counts == expected, "case \(case_): \(regions), budget \(budget)")
            case .failure(let failure):
                refused += 1
                #expect(expected == nil, "case \(case_): refused with \(failure) but brute force found \(expected ?? [])")
            }
        }
        // Both kinds of answer are exercised.
        #expect(solved > 1_000 && refused > 100)
    }

    @Test func withinARegionTheMinimumsComeFirst_thenTheCheapestItems() throws {
        let region = MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 10)),
                                              MixSolver.Item(cost: Money(dollars: 4), maximum: 2),
                                              MixSolver.Item(cost: Money(dollars: 20), minimum: 1)])
        let five = try #require(MixSolver.cheapest(region, count: 5))
        #expect(five.counts == [2, 2, 1])
        #expect(five.cost == Money(dollars: 48))
        #expect(MixSolver.cheapest(region, count: 0) == nil)
    }

    @Test func equalCostsGoToTheEarlierRegion() {
        let twin = MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 5))])
        #expect(MixSolver.solve([twin, twin], budget: Money(dollars: 15)) == .success([[3], [0]]))
    }

    @Test func contradictionsAreNamedRegionByRegion() {
        let regions = [
            MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 1), minimum: 3, maximum: 1)]),
            MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 1))], minimum: 4, maximum: 2),
            MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 1), minimum: 2), MixSolver.Item(cost: Money(dollars: 1), minimum: 2)],
                             maximum: 3),
            MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 1), maximum: 1)], minimum: 2),
        ]
        #expect(MixSolver.solve(regions, budget: Money(dollars: 100)) == .failure(.contradictions([
            .item(region: 0, item: 0), .region(1), .itemMinimumsAboveRegionMaximum(2), .regionMinimumAboveItemMaximums(3),
        ])))
    }

    @Test func aFreeItemWithNoMaximumIsRefused_andAHugeBudgetToo() {
        let free = MixSolver.Region(items: [MixSolver.Item(cost: .zero)])
        #expect(MixSolver.solve([free], budget: Money(dollars: 1)) == .failure(.unbounded(region: 0, item: 0)))
        let boundedFree = MixSolver.Region(items: [MixSolver.Item(cost: .zero)], maximum: 4)
        #expect(MixSolver.solve([boundedFree], budget: .zero) == .success([[4]]))
        let cheap = MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 1))])
        #expect(MixSolver.solve([cheap], budget: Money(dollars: 11), limit: 10) == .failure(.tooMany(participants: 11)))
        #expect(MixSolver.solve([cheap], budget: Money(dollars: 10), limit: 10) == .success([[10]]))
    }

    @Test func theNextParticipantIsTheCheapestItemWithRoom_orNoneAtTheRegionMaximum() {
        let region = MixSolver.Region(items: [MixSolver.Item(cost: Money(dollars: 9)), MixSolver.Item(cost: Money(dollars: 3), maximum: 1)],
                                      maximum: 3)
        #expect(MixSolver.next(region, counts: [0, 0]) == 1)
        #expect(MixSolver.next(region, counts: [1, 1]) == 0)
        #expect(MixSolver.next(region, counts: [2, 1]) == nil)
    }
}
