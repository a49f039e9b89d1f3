@testable import BudgetCore
import Testing

/// How paying offices split each participant's costs.
@Suite struct CostSharingTests {
    let halves = CostSharing(offices: [OfficeShare(office: "A", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000),
                                       OfficeShare(office: "B", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000)],
                             basis: "test", isAssumption: true)

    @Test func eachOfficeButTheLastPaysItsShareRoundedHalfUpAndTheLastPaysTheRest() {
        #expect(halves.split(Money(cents: 37_385)) { $0.localExpensesBasisPoints } == [Money(cents: 18_693), Money(cents: 18_692)])
        #expect(halves.split(Money(cents: 1)) { $0.airfareBasisPoints } == [Money(cents: 1), Money(cents: 0)])
        let thirds = CostSharing(offices: [OfficeShare(office: "A", airfareBasisPoints: 3_333, localExpensesBasisPoints: 0),
                                           OfficeShare(office: "B", airfareBasisPoints: 3_333, localExpensesBasisPoints: 0),
                                           OfficeShare(office: "C", airfareBasisPoints: 3_334, localExpensesBasisPoints: 10_000)],
                                 basis: "test", isAssumption: true)
        #expect(thirds.split(Money(dollars: 100)) { $0.airfareBasisPoints } == [Money(cents: 3_333), Money(cents: 3_333), Money(cents: 3_334)])
        #expect(thirds.split(Money(dollars: 100)) { $0.localExpensesBasisPoints } == [.zero, .zero, Money(dollars: 100)])
    }

    @Test func anOfficeWithNoShareOfALinePaysNothing_theLastOfficeWithAShareTakesTheRest() {
        // 50% + 50% + 0% of 484.49: 242.245 rounds up to 242.25 for the first; the second takes the rest (never -0.01 for the third).
        #expect(halves.split(Money(cents: 48_449), shares: [5_000, 5_000, 0]) == [Money(cents: 24_225), Money(cents: 24_224), .zero])
        #expect(halves.split(Money(dollars: 2_400), shares: [10_000, 0]) == [Money(dollars: 2_400), .zero])
        #expect(halves.split(Money(cents: 101), shares: [0, 10_000, 0]) == [.zero, Money(cents: 101), .zero])
        #expect(CostSharing.restOffice([3_333, 3_333, 3_334]) == 2)
    }

    @Test func theOfficesTotalsAddUpToTheEventTotalToTheCent() {
        let event = Make.event(costSharing: halves)
        let people = (1...7).map { Make.participant("P\($0)", fare: 33_333 * Int64($0) + 1) }
        let budget = Budget(event: event, participants: people, rosterName: "r.csv")
        #expect(budget.offices.map(\.assistedAirfare).sum() == budget.totals.assistedAirfare)
        #expect(budget.offices.map(\.localExpenses).sum() == budget.totals.localExpenses)
        #expect(budget.offices.map(\.total).sum() == budget.totals.total)
        for index in budget.lines.indices {
            #expect(budget.offices.map { $0.lines[index].total }.sum() == budget.lines[index].total)
        }
    }

    @Test func aParticipantPaidByOneOfficeIsThatOfficesWholeLine() {
        let event = Make.event(costSharing: halves)
        let paid = Participant(id: "P1", name: "N", country: Make.india, fare: Money(dollars: 700), paidBy: "B")
        let shared = Make.participant("P2", fare: 70_001)
        let budget = Budget(event: event, participants: [paid, shared], rosterName: "r.csv")
        #expect(budget.offices[0].lines[0].total == .zero)
        #expect(budget.offices[1].lines[0].total == budget.lines[0].total)
        #expect(budget.offices[0].lines[1].assistedAirfare == Money(cents: 35_001))
        #expect(budget.offices[1].lines[1].assistedAirfare == Money(cents: 35_000))
        #expect(budget.offices.map(\.total).sum() == budget.totals.total)
    }

    @Test func withOnePayingOfficeItPaysEverything() {
        let budget = Budget(event: Make.event(), participants: [Make.participant("P1", fare: 70_000)], rosterName: "r.csv")
        #expect(budget.offices.count == 1)
        #expect(budget.offices[0].total == budget.totals.total)
    }
}
