import Testing
@testable import BudgetCore

/// Each rule of plan against actual, one test each, with the numbers written out.
/// The test event: India capped at US$900; a full stay is 4 nights and 4 days, US$498.46 of local expenses.
@Suite struct ReconciliationRuleTests {
    let reconciling = Reconciling(event: Make.event())

    func line(_ p: Participant) -> ReconciliationLine { reconciling.reconcile(reconciling.costing.cost(p), planned: p.isPlanned) }

    @Test func theCapStillApplies_actualAssistedAirfareIsTheSmallerOfTicketAndCap() {
        let below = line(Make.participant(fare: 80_000, ticket: 85_000, localActual: 49_846))
        #expect(below.assistedAirfare == PlanActual(planned: Money(dollars: 800), actual: Money(dollars: 850)))
        #expect(below.participantShare == .zero)
        let above = line(Make.participant(fare: 80_000, ticket: 112_050, localActual: 49_846))
        #expect(above.assistedAirfare.actual == Money(dollars: 900))
        #expect(above.participantShare == Money(cents: 22_050))
        #expect(above.flags == [.aboveCap])
    }

    @Test func varianceIsActualMinusPlanned_perCostLineAndInTotal() {
        let l = line(Make.participant(fare: 80_000, ticket: 85_000, localActual: 45_000))
        #expect(l.assistedAirfare.variance == Money(dollars: 50))
        #expect(l.localExpenses.variance == Money(cents: 45_000 - 49_846))
        #expect(l.total.variance == Money(cents: 5_000 + 45_000 - 49_846))
        #expect(l.attendance == .plannedAndTravelled)
    }

    @Test(arguments: [(5_000, 80_000, 63), (-5_000, 80_000, -63), (1, 8, 125), (-49_846, 49_846, -1_000),
                      (0, 100, 0), (245, 10_000, 25), (-245, 10_000, -25), (244, 10_000, 24)] as [(Int64, Int64, Int64)])
    func thePercentIsToOneDecimal_roundedHalfAwayFromZero(variance: Int64, planned: Int64, tenths: Int64) {
        #expect(VariancePercent(Money(cents: variance), of: Money(cents: planned))?.tenths == tenths)
    }

    @Test func thePercentOfNothingPlannedIsNotAPercent() {
        #expect(VariancePercent(Money(dollars: 5), of: .zero) == nil)
        #expect(VariancePercent(tenths: 125).description == "+12.5%")
        #expect(VariancePercent(tenths: -30).description == "-3.0%")
        #expect(VariancePercent(tenths: 0).description == "0.0%")
    }

    @Test func plannedButNotTravelled_hasNoActual_andItsWholePlanIsTheVariance() {
        let l = line(Make.participant(fare: 80_000))
        #expect(l.attendance == .plannedNotTravelled)
        #expect(l.total == PlanActual(planned: Money(cents: 80_000 + 49_846), actual: .zero))
        #expect(l.total.variance == Money(cents: -(80_000 + 49_846)))
        #expect(l.flags.isEmpty)
    }

    @Test func notPlanned_hasNothingPlanned_andItsWholeActualIsTheVariance() {
        let l = line(Make.participant(fare: 70_000, planned: false, ticket: 95_000, nightsActual: 4))
        #expect(l.attendance == .notPlanned)
        #expect(l.assistedAirfare == PlanActual(planned: .zero, actual: Money(dollars: 900)))
        #expect(l.localExpenses == PlanActual(planned: .zero, actual: Money(cents: 49_846)))
        #expect(l.plannedNights == 0)
        #expect(l.total.percent == nil)
    }

    @Test func aTravellerWithNoTicketRecordedKeepsThePlannedAirfare_flagged() {
        let l = line(Make.participant(fare: 112_050, localActual: 40_000))
        #expect(l.assistedAirfare == PlanActual(planned: Money(dollars: 900), actual: Money(dollars: 900)))
        #expect(l.participantShare == Money(cents: 22_050))
        #expect(l.flags == [.ticketNotRecorded])
    }

    @Test func aTravellerWithNoLocalExpensesRecordedKeepsThePlannedOnes_flagged() {
        let l = line(Make.participant(fare: 80_000, ticket: 80_000))
        #expect(l.localExpenses == PlanActual(planned: Money(cents: 49_846), actual: Money(cents: 49_846)))
        #expect(l.flags == [.localNotRecorded])
    }

    @Test func nightsActualWithoutAnAmount_areCostedAtThePlanningRates_withTheDaysAsPlanned() {
        // 2 nights x 100,000 + 4 days x 62,000 = 448,000 KRW; / 1,300 = 344.615... -> 344.62
        let l = line(Make.participant(fare: 80_000, ticket: 80_000, nightsActual: 2))
        #expect(l.localExpenses.actual == Money(cents: 34_462))
        #expect(l.actualNights == 2 && l.plannedNights == 4)
        #expect(l.flags == [.localFromNights])
        // A recorded amount wins over the nights.
        let recorded = line(Make.participant(fare: 80_000, ticket: 80_000, nightsActual: 2, localActual: 30_000))
        #expect(recorded.localExpenses.actual == Money(dollars: 300))
        #expect(recorded.flags.isEmpty)
    }

    @Test func aSelfFundedTicketIsAllParticipantShare() {
        let l = line(Make.participant(fare: 85_000, funding: .selfFunded, ticket: 91_000, nightsActual: 4))
        #expect(l.assistedAirfare == .zero)
        #expect(l.participantShare == Money(dollars: 910))
        #expect(!l.flags.contains(.ticketNotRecorded))
        #expect(l.flags.contains(.selfFunded), "a self-funded participant is marked S, as in every report")
        let notCovered = Reconciling(event: Make.event(selfFundedCovered: false))
        let uncovered = notCovered.reconcile(notCovered.costing.cost(Make.participant(fare: 85_000, funding: .selfFunded, nightsActual: 4)), planned: true)
        #expect(uncovered.localExpenses.actual == .zero)
    }

    @Test func aTicketWithNoCapIsNotAssisted_flagged() {
        let l = line(Make.participant(from: Make.hongKong, fare: 52_000, ticket: 55_000, localActual: 49_846))
        #expect(l.assistedAirfare.actual == .zero)
        #expect(l.participantShare == Money(dollars: 550))
        #expect(l.flags == [.noCap])
    }

    static let roster = [
        Make.participant("A", fare: 80_000, ticket: 85_000, localActual: 45_000),
        Make.participant("B", fare: 112_050, ticket: 99_999, nightsActual: 3),
        Make.participant("C", from: Make.nepal, fare: nil),
        Make.participant("D", fare: 99_999, funding: .selfFunded, ticket: 120_000),
        Make.participant("E", from: Make.hongKong, fare: 52_000, planned: false, ticket: 61_111, localActual: 33_333),
        Make.participant("F", fare: 33_333, planned: false, nightsActual: 1),
    ]

    @Test func theGroupsAreListedApart_inAFixedOrder_evenWhenEmpty() {
        let r = Reconciliation(event: Make.event(), participants: Self.roster, rosterName: "r")
        #expect(r.groups.map(\.attendance) == [.plannedAndTravelled, .plannedNotTravelled, .notPlanned])
        #expect(r.groups.map { $0.lines.map(\.participant.id) } == [["A", "B", "D"], ["C"], ["E", "F"]])
        let none = Reconciliation(event: Make.event(), participants: [Make.participant(fare: 1)], rosterName: "r")
        #expect(none.groups.map(\.lines.count) == [0, 1, 0])
    }

    @Test func theTotalsFoot_theSumOfTheVariancesIsActualMinusPlanned_toTheCent() {
        let r = Reconciliation(event: Make.event(), participants: Self.roster, rosterName: "r")
        #expect(r.varianceSum == r.totals.total.actual - r.totals.total.planned)
        #expect(r.groups.map(\.subtotal.total.variance).sum() == r.varianceSum)
        #expect(r.totals.assistedAirfare.actual == r.lines.map(\.assistedAirfare.actual).sum())
        #expect(r.totals.localExpenses.planned == r.lines.map(\.localExpenses.planned).sum())
        #expect(r.totals.participants == 6)
    }

    @Test func thePlannedTotalIsThePlansBudget_andPeopleNotPlannedAreNotInIt() {
        let r = Reconciliation(event: Make.event(), participants: Self.roster, rosterName: "r")
        #expect(r.totals.total.planned == r.plan.totals.total)
        #expect(r.plan.lines.map(\.participant.id) == ["A", "B", "C", "D"])
        #expect(r.plan.notPlanned.map(\.id) == ["E", "F"])
    }

    @Test func aParticipantPaidByOneOfficeIsThatOfficesWholeLine_plannedAndActual() {
        let halves = CostSharing(offices: [OfficeShare(office: "A", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000),
                                           OfficeShare(office: "B", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000)],
                                 basis: "test", isAssumption: true)
        let people = Self.roster.map { p in
            p.id == "A" || p.id == "E"
                ? Participant(id: p.id, name: p.name, country: p.country, fare: p.fare, funding: p.funding, paidBy: "B",
                              isPlanned: p.isPlanned, actual: p.actual)
                : p
        }
        let r = Reconciliation(event: Make.event(costSharing: halves), participants: people, rosterName: "r")
        for id in ["A", "E"] {
            let line = r.lines.first { $0.participant.id == id }
            #expect(r.offices[1].lines.first { $0.line.participant.id == id }?.total == line?.total)
            #expect(r.offices[0].lines.first { $0.line.participant.id == id }?.total == .zero)
        }
        #expect(r.offices.map(\.total.planned) == r.plan.offices.map(\.total))
        #expect(r.offices.map(\.total.actual).sum() == r.totals.total.actual)
    }

    @Test func someoneTheEligibilityRulesLeaveOutOfThePlanIsNotPlanned_andListedOnlyIfSomethingWasSpent() {
        // The test event states no eligibility rules, so nobody is known to be eligible: `eligible` prices nobody.
        let r = Reconciliation(event: Make.event(), participants: Self.roster, rosterName: "r", who: .eligible)
        #expect(r.plan.lines.isEmpty)
        #expect(r.groups.map { $0.lines.map(\.participant.id) } == [[], [], ["A", "B", "D", "E", "F"]])
        #expect(r.leftOutNotTravelled.map(\.id) == ["C"])
        #expect(r.totals.total.planned == .zero)
    }

    @Test func eachPayingOfficeFoots_andTheOfficesAddUpToTheTotals() {
        let thirds = CostSharing(offices: [OfficeShare(office: "A", airfareBasisPoints: 3_333, localExpensesBasisPoints: 5_000),
                                           OfficeShare(office: "B", airfareBasisPoints: 6_667, localExpensesBasisPoints: 5_000)],
                                 basis: "test", isAssumption: true)
        let r = Reconciliation(event: Make.event(costSharing: thirds), participants: Self.roster, rosterName: "r")
        for office in r.offices {
            #expect(office.varianceSum == office.total.actual - office.total.planned, "\(office.office)")
        }
        #expect(r.offices.map(\.total.planned).sum() == r.totals.total.planned)
        #expect(r.offices.map(\.total.actual).sum() == r.totals.total.actual)
        #expect(r.offices.map(\.varianceSum).sum() == r.varianceSum)
        // The planned part of each office is exactly what the plan gives it.
        #expect(r.offices.map(\.total.planned) == r.plan.offices.map(\.total))
    }
}
