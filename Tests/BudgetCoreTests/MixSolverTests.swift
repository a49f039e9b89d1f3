@testable import BudgetCore
import Testing

@Suite struct MixSolverTests {
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
