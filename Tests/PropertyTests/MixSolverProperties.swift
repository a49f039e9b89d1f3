@testable import BudgetCore
import PropertyBased
import Testing

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

/// Small mix problems: few distinct costs (so ties between mixes are common), some minimums and maximums.
enum RandomMix {
    static let item = zip(Gen.int(in: 1...3), Gen.int(in: 1...2).optional(valueRate: 0.25), Gen.int(in: 0...3).optional(valueRate: 0.5))
        .map { cost, minimum, maximum in MixSolver.Item(cost: Money(dollars: Int64(cost * 2 + 2)), minimum: minimum ?? 0, maximum: maximum) }
    static let region = zip(item.array(of: 1...2), Gen.int(in: 1...3).optional(valueRate: 0.25), Gen.int(in: 0...5).optional(valueRate: 0.5))
        .map { items, minimum, maximum in MixSolver.Region(items: items, minimum: minimum ?? 0, maximum: maximum) }
    static let problem = zip(region.array(of: 1...3), Gen.int64(in: 0...60))
}

@Suite struct MixSolverProperties {
    /// 3,000 random problems (a failure prints its seed: `.fixedSeed(…)` replays it, and the case is shrunk).
    @Test func theSolverAgreesWithBruteForce() async {
        await propertyCheck(count: 3_000, input: RandomMix.problem) { regions, dollars in
            let budget = Money(dollars: dollars)
            let expected = bruteForce(regions, budget: budget)
            switch MixSolver.solve(regions, budget: budget) {
            case .success(let counts):
                #expect(counts == expected, "\(regions), budget \(budget)")
            case .failure(let failure):
                #expect(expected == nil, "refused with \(failure) but brute force found \(expected ?? [])")
            }
        }
    }

    /// Both kinds of answer occur among such problems, so the property above exercises each (about 2 in 3 are solved).
    @Test func bothSolvedAndRefusedProblemsOccur() async {
        let outcomes = Outcomes()
        await propertyCheck(count: 500, input: RandomMix.problem) { regions, dollars in
            if case .success = MixSolver.solve(regions, budget: Money(dollars: dollars)) { outcomes.solved += 1 } else { outcomes.refused += 1 }
        }
        #expect(outcomes.solved > 100 && outcomes.refused > 20, "\(outcomes.solved) solved, \(outcomes.refused) refused")
    }
}

/// Counts kept across the checks of one property.
final class Outcomes: @unchecked Sendable {
    var solved = 0, refused = 0
}
