import Testing
@testable import BudgetCore

/// Each costing rule of the planner, one test each, with the numbers written out.
@Suite struct CostingRuleTests {
    let costing = Costing(event: Make.event())

    @Test func theEventCoversEachNightWhoseEveningIsAWorkshopDay_andAFullStayIsThoseNightsAndDaysAtTheRates() {
        // 12-15 December, no night before, one after: the evenings of the 12th to the 15th.
        let event = Make.event()
        #expect(event.coveredNights == ["2023-12-12", "2023-12-13", "2023-12-14", "2023-12-15"].map(Make.date))
        // 4 × 100,000 + 4 × (50,000 + 12,000) = 648,000 KRW at 1,300 = US$498.4615…, half up to the cent.
        #expect(event.fullStayLocalExpenses == Money(cents: 498_46))
        #expect(costing.cost(Make.participant(fare: 500)).localExpenses == event.fullStayLocalExpenses)
    }

    @Test func capIsTheRowForThePointOfDeparture() {
        #expect(costing.cost(Make.participant(fare: 80_000)).cap == Money(dollars: 900))
    }

    @Test func assistedAirfareIsTheFareWhenBelowTheCap() {
        let line = costing.cost(Make.participant(fare: 80_000))
        #expect(line.assistedAirfare == Money(dollars: 800))
        #expect(line.participantShare == .zero)
        #expect(!line.flags.contains(.aboveCap))
    }

    @Test func assistedAirfareIsTheCapWhenTheFareIsAbove_andTheParticipantPaysTheRest() {
        let line = costing.cost(Make.participant(fare: 112_050))
        #expect(line.assistedAirfare == Money(dollars: 900))
        #expect(line.participantShare == Money(cents: 22_050))
        #expect(line.flags.contains(.aboveCap))
    }

    @Test(arguments: [0, 1, 89_999, 90_000, 90_001, 123_456_789] as [Int64])
    func assistedPlusShareIsTheFare_andAssistedNeverPassesTheCap(fare: Int64) {
        let line = costing.cost(Make.participant(fare: fare))
        #expect(line.assistedAirfare + line.participantShare == Money(cents: fare))
        #expect(line.assistedAirfare <= Money(dollars: 900))
    }

    @Test func noFareYet_theCapIsThePlanningEstimate() {
        let line = costing.cost(Make.participant(fare: nil))
        #expect(line.assistedAirfare == Money(dollars: 900))
        #expect(line.participantShare == .zero)
        #expect(line.flags == [.estimate])
    }

    @Test func pointOfDepartureWithNoRow_hasNoCap_isFlagged_andGetsNothingUntilOverridden() {
        let line = costing.cost(Make.participant(from: Make.hongKong, fare: 52_000))
        #expect(line.cap == nil)
        #expect(line.assistedAirfare == .zero)
        #expect(line.participantShare == Money(dollars: 520))
        #expect(line.flags.contains(.contactOrganisers))
        #expect(line.region == "Eastern Asia")
    }

    @Test func aCapOverrideReplacesTheRow_andUnblocksAnUnlistedPointOfDeparture() {
        let line = costing.cost(Make.participant(from: Make.hongKong, fare: 52_000, cap: 500))
        #expect(line.cap == Money(dollars: 500))
        #expect(line.assistedAirfare == Money(dollars: 500))
        #expect(line.flags == [.capOverride, .aboveCap])
    }

    @Test func aCapFromAnInferredRowIsFlaggedInferred() {
        let line = costing.cost(Make.participant(from: Make.nepal, fare: 100_000))
        #expect(line.cap == Money(dollars: 950))
        #expect(line.flags.contains(.inferredCap))
    }

    @Test func anUnlabelledRowAppliesToNobody() {
        // The unlabelled US$1,050 row must not catch Samoa; Samoa has no row.
        let line = costing.cost(Make.participant(from: Make.samoa, fare: 100_000))
        #expect(line.cap == nil)
        #expect(line.flags.contains(.contactOrganisers))
    }

    @Test func selfFunded_paysTheirOwnAirfare_localExpensesPerTheEventSetting() {
        let covered = costing.cost(Make.participant(fare: 85_000, funding: .selfFunded))
        #expect(covered.assistedAirfare == .zero)
        #expect(covered.participantShare == Money(dollars: 850))
        #expect(covered.localExpenses == Money(cents: 49_846))
        #expect(covered.flags == [.selfFunded])

        let notCovered = Costing(event: Make.event(selfFundedCovered: false))
            .cost(Make.participant(fare: 85_000, funding: .selfFunded))
        #expect(notCovered.localExpenses == .zero)
        #expect(notCovered.total == .zero)
    }

    @Test func aSelfFundedParticipantWithNoRowNeedsNoCap_soIsNotSentToTheOrganisers() {
        let line = costing.cost(Make.participant(from: Make.hongKong, fare: 52_000, funding: .selfFunded))
        #expect(line.cap == nil)
        #expect(line.flags == [.selfFunded])
        #expect(Budget(event: Make.event(), participants: [Make.participant(from: Make.hongKong, fare: 52_000,
                                                                            funding: .selfFunded)], rosterName: "r")
            .awaitingCap.isEmpty)
    }

    @Test func localExpenses_areCoveredNightsAndDaysTimesTheRates_convertedOnceHalfUp() {
        // 4 nights x 100,000 + 4 days x (50,000 + 12,000) = 648,000 KRW; / 1,300 = 498.4615... -> 498.46
        let line = costing.cost(Make.participant(fare: 80_000))
        #expect(line.nights == 4)
        #expect(line.days == 4)
        #expect(line.localExpensesLocal == 648_000)
        #expect(line.localExpenses == Money(cents: 49_846))
        #expect(line.total == Money(cents: 80_000 + 49_846))
    }

    @Test func arrivalAndDepartureDatesCutTheCoveredNightsAndDays() {
        // Arrives on the 13th, leaves on the 15th: nights of the 13th and 14th, days 13-15.
        let line = costing.cost(Make.participant(fare: 80_000, arrive: "2023-12-13", leave: "2023-12-15"))
        #expect(line.nights == 2)
        #expect(line.days == 3)
        #expect(line.localExpensesLocal == 2 * 100_000 + 3 * 62_000)
        #expect(line.flags.contains(.partialStay))
        // Arriving the day before and leaving the day after cuts nothing.
        let whole = costing.cost(Make.participant(fare: 80_000, arrive: "2023-12-11", leave: "2023-12-16"))
        #expect(whole.nights == 4 && whole.days == 4 && !whole.flags.contains(.partialStay))
    }

    @Test func totalsPerRegionAndEventAreTheSumsOfTheLines() {
        let people = [
            Make.participant("A", fare: 80_000), Make.participant("B", from: Make.hongKong, fare: 52_000),
            Make.participant("C", from: Make.nepal, fare: nil), Make.participant("D", fare: 99_999, funding: .selfFunded),
        ]
        let budget = Budget(event: Make.event(), participants: people, rosterName: "r")
        #expect(budget.totals.total == budget.lines.map(\.total).sum())
        #expect(budget.totals.assistedAirfare == budget.lines.map(\.assistedAirfare).sum())
        #expect(budget.totals.participantShare == budget.lines.map(\.participantShare).sum())
        #expect(budget.totals.localExpenses == budget.lines.map(\.localExpenses).sum())
        #expect(budget.regions.map(\.subtotal.total).sum() == budget.totals.total)
        #expect(budget.regions.map(\.subtotal.participants).reduce(0, +) == 4)
        // The cap table's regions come first, then others alphabetically.
        #expect(budget.regions.map(\.region) == ["Southern Asia", "Eastern Asia"])
    }

    @Test func reorderingTheRosterChangesNoTotal() {
        let people = (1...9).map { Make.participant("P\($0)", from: [Make.india, Make.nepal, Make.hongKong][$0 % 3],
                                                    fare: Int64($0) * 17_321) }
        let forward = Budget(event: Make.event(), participants: people, rosterName: "r").totals
        let backward = Budget(event: Make.event(), participants: people.reversed(), rosterName: "r").totals
        #expect(forward == backward)
    }
}
