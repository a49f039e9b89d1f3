import Testing
@testable import BudgetCore

/// Budget ceilings: headroom for the event and each paying office; passing one is a warning, never an error.
@Suite struct CeilingTests {
    let halves = CostSharing(offices: [OfficeShare(office: "UNITAR CIFAL Jeju/JITC", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000),
                                       OfficeShare(office: "RSO of the Bali Process", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000)],
                             basis: "test", isAssumption: true)

    @Test func headroomIsTheCeilingLessThePlan_andReachingTheCeilingExactlyDoesNotPassIt() {
        // One participant: 800.00 + 498.46 = 1,298.46.
        let people = [Make.participant(fare: 80_000)]
        let under = Budget(event: Make.event(), participants: people, rosterName: "r", ceilings: BudgetCeilings(event: Money(dollars: 1_300)))
        #expect(under.headroom == [Headroom(scope: .event, ceiling: Money(dollars: 1_300), spent: Money(cents: 129_846))])
        #expect(under.headroom[0].headroom == Money(cents: 154))
        #expect(!under.headroom[0].isPassed)
        let exact = Budget(event: Make.event(), participants: people, rosterName: "r", ceilings: BudgetCeilings(event: Money(cents: 129_846)))
        #expect(exact.headroom[0].headroom == .zero && !exact.headroom[0].isPassed)
        let over = Budget(event: Make.event(), participants: people, rosterName: "r", ceilings: BudgetCeilings(event: Money(dollars: 1_000)))
        #expect(over.headroom[0].isPassed && over.headroom[0].headroom == Money(cents: -29_846))
    }

    @Test func noCeilingNoHeadroom() {
        #expect(Budget(event: Make.event(), participants: [Make.participant(fare: 1)], rosterName: "r").headroom.isEmpty)
    }

    @Test func eachOfficesCeilingIsCheckedAgainstWhatThatOfficePays() {
        let ceilings = BudgetCeilings(offices: ["RSO of the Bali Process": Money(dollars: 600)])
        let budget = Budget(event: Make.event(costSharing: halves), participants: [Make.participant(fare: 80_000)], rosterName: "r",
                            ceilings: ceilings)
        // RSO pays the rest of each line: 400.00 + 249.23 = 649.23.
        #expect(budget.headroom == [Headroom(scope: .office("RSO of the Bali Process"), ceiling: Money(dollars: 600), spent: Money(cents: 64_923))])
        #expect(budget.headroom[0].isPassed)
    }

    @Test func theActualsAreCheckedAgainstTheSameCeilings() {
        let people = [Make.participant(fare: 80_000, ticket: 90_000, localActual: 49_846)]
        let r = Reconciliation(event: Make.event(), participants: people, rosterName: "r",
                               ceilings: BudgetCeilings(event: Money(dollars: 1_300)))
        #expect(!r.plan.headroom[0].isPassed)
        #expect(r.actualHeadroom == [Headroom(scope: .event, ceiling: Money(dollars: 1_300), spent: Money(cents: 139_846))])
        #expect(r.actualHeadroom[0].isPassed)
    }

    @Test func theCommandLinesCeilingsLieOverTheEventFiles() {
        let file = BudgetCeilings(event: Money(dollars: 10), offices: ["A": Money(dollars: 1), "B": Money(dollars: 2)])
        let merged = file.overridden(by: BudgetCeilings(offices: ["B": Money(dollars: 3)]))
        #expect(merged == BudgetCeilings(event: Money(dollars: 10), offices: ["A": Money(dollars: 1), "B": Money(dollars: 3)]))
    }

    @Test func anOfficeIsNamedByItsFullNameOrItsFirstWord_inAnyCase() {
        #expect(halves.office(named: "rso") == "RSO of the Bali Process")
        #expect(halves.office(named: " UNITAR ") == "UNITAR CIFAL Jeju/JITC")
        #expect(halves.office(named: "unitar cifal jeju/jitc") == "UNITAR CIFAL Jeju/JITC")
        #expect(halves.office(named: "CIFAL") == nil)
    }
}
