@testable import BudgetCore
import Testing

/// The workshop's other cost lines: each basis, roles, funding, offices' shares, event costs and the contingency.
extension Make {
    static let halves = CostSharing(offices: [OfficeShare(office: "A", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000),
                                              OfficeShare(office: "B", airfareBasisPoints: 5_000, localExpensesBasisPoints: 5_000)],
                                    basis: "halves", isAssumption: true)

    static func line(_ key: String, _ basis: CostBasis, _ amount: LineAmount, roles: Set<Role> = Set(Role.allCases),
                     selfFunded: Bool = true, shares: [Int] = [5_000, 5_000]) -> CostLine {
        CostLine(key: key, name: key.prefix(1).uppercased() + key.dropFirst(), rule: .charge(basis, amount), roles: roles, coversSelfFunded: selfFunded,
                 shares: shares, source: nil, assumption: "test")
    }

    /// The test event (4 nights, 4 days, KRW 1,300 = US$1) paid half and half, with lines and a contingency.
    static func eventWithLines(_ lines: [CostLine], contingency: Contingency? = nil, roles: [Role: RoleAirfare] = [:]) -> Event {
        let plain = event(costSharing: halves)
        return Event(id: plain.id, title: plain.title, source: plain.source, start: plain.start, end: plain.end, venue: plain.venue,
                     datesNote: nil, payingOffices: ["A", "B"], currency: "USD", caps: plain.caps,
                     otherPointsOfDeparture: .contactOrganisers, localExpenses: plain.localExpenses, costSharing: halves,
                     costLines: lines, contingency: contingency, roleAirfare: roles)
    }

    static func person(_ id: String, role: Role, fare: Int64?, funding: Funding = .assisted, from country: Country = india) -> Participant {
        Participant(id: id, name: id, country: country, fare: fare.map { Money(cents: $0) }, funding: funding, role: role)
    }
}

@Suite struct CostLineRuleTests {
    let visa = Make.line("visa", .perParticipant, .usd(Money(dollars: 60)), roles: [.participant, .resourcePerson], selfFunded: false)
    let allowance = Make.line("allowance", .perDay, .local(20_000), roles: [.participant])
    let hotelTax = Make.line("tax", .perNight, .usd(Money(cents: 250)))
    let venue = Make.line("venue", .perEvent, .usd(Money(dollars: 2_400)), shares: [10_000, 0])
    let interpretation = Make.line("interpretation", .perEvent, .local(3_200_000))

    @Test func aPerParticipantLineCountsOnce_aPerNightLineEachCoveredNight_aPerDayLineEachWorkshopDay_convertedOncePerPerson() {
        let event = Make.eventWithLines([visa, allowance, hotelTax])
        let costing = Costing(event: event).cost(Make.participant(fare: 80_000))
        // 4 days × KRW 20,000 = KRW 80,000 at 1,300 = 61.538… → 61.54, converted once (not 4 × 15.38 = 61.52).
        #expect(costing.declaredAmounts == [Money(dollars: 60), Money(cents: 6_154), Money(cents: 1_000)])
        #expect(costing.total == costing.assistedAirfare + costing.localExpenses + Money(cents: 6_000 + 6_154 + 1_000))
        let partial = Costing(event: event).cost(Make.participant(fare: 80_000, arrive: "2023-12-14"))
        #expect(partial.declaredAmounts == [Money(dollars: 60), Money(cents: 3_077), Money(cents: 500)])
    }

    @Test func aLineAppliesOnlyToItsRoles_andNotToSelfFundedPersonsUnlessItCoversThem() {
        let event = Make.eventWithLines([visa, allowance, hotelTax])
        let costing = Costing(event: event)
        let selfFunded = costing.cost(Make.participant(fare: 80_000, funding: .selfFunded))
        #expect(selfFunded.declaredAmounts == [.zero, Money(cents: 6_154), Money(cents: 1_000)])
        let speaker = costing.cost(Make.person("R1", role: .resourcePerson, fare: 42_000))
        #expect(speaker.declaredAmounts == [Money(dollars: 60), .zero, Money(cents: 1_000)])
        let staff = costing.cost(Make.person("S1", role: .staff, fare: nil))
        #expect(staff.declaredAmounts == [.zero, .zero, Money(cents: 1_000)])
    }

    @Test func aResourcePersonIsPaidTheWholeFareByDefault_orUpToTheRolesOwnCap_andIsNeverLeftOutByEligibility() {
        let plain = Make.eventWithLines([])
        let full = Costing(event: plain).cost(Make.person("R1", role: .resourcePerson, fare: 142_000))
        #expect(full.assistedAirfare == Money(dollars: 1_420))
        #expect(full.cap == nil && full.flags.isEmpty)
        #expect(full.region == "Resource persons")
        let noFare = Costing(event: plain).cost(Make.person("R2", role: .resourcePerson, fare: nil))
        #expect(noFare.assistedAirfare == .zero && noFare.flags == [.fareNotQuoted])
        let capped = Make.eventWithLines([], roles: [.resourcePerson: RoleAirfare(rule: .ownCap(Money(dollars: 1_000)), note: nil)])
        #expect(Costing(event: capped).cost(Make.person("R1", role: .resourcePerson, fare: 142_000)).assistedAirfare == Money(dollars: 1_000))
        #expect(Costing(event: capped).cost(Make.person("R2", role: .resourcePerson, fare: nil)).flags == [.estimate])
        let none = Make.eventWithLines([], roles: [.staff: RoleAirfare(rule: .none, note: nil)])
        let staff = Costing(event: none).cost(Make.person("S1", role: .staff, fare: 30_000))
        #expect(staff.assistedAirfare == .zero && staff.participantShare == Money(dollars: 300))
        // `--who approved` leaves out a participant with no approval, never a resource person.
        let budget = Budget(event: plain, participants: [Make.participant(fare: 80_000), Make.person("R1", role: .resourcePerson, fare: 100_000)],
                            rosterName: "r", who: .approved)
        #expect(budget.lines.map(\.participant.id) == ["R1"])
        #expect(budget.verdicts.first?.reasons == ["a resource person: eligibility rules apply to participants only"])
    }

    @Test func eventCostsAreCountedOnce_theContingencyIsRoundedHalfUpOnItsLines_andTheGrandTotalIsTheSumOfPrintedLines() {
        let contingency = Contingency(name: "Contingency", basisPoints: 500, lines: ["airfare", "venue"], shares: [5_000, 5_000],
                                      source: nil, assumption: "test")
        let event = Make.eventWithLines([visa, venue, interpretation], contingency: contingency)
        let people = [Make.participant("P1", fare: 80_001), Make.participant("P2", fare: 90_000)]
        let budget = Budget(event: event, participants: people, rosterName: "r")
        // Interpretation: KRW 3,200,000 / 1,300 = 2,461.538… → 2,461.54. Contingency: 5% of (800.01 + 900.00 + 2,400.00) =
        // 205.0005 → 205.00.
        #expect(budget.eventCosts.map(\.key) == ["venue", "interpretation", "contingency"])
        #expect(budget.eventCosts.map(\.amount) == [Money(dollars: 2_400), Money(cents: 246_154), Money(cents: 20_500)])
        #expect(budget.grandTotal == budget.totals.total + budget.eventCosts.map(\.amount).sum())
        // The venue is paid by office A alone; every other split: the last office takes the rest.
        #expect(budget.eventCosts[0].offices == [Money(dollars: 2_400), .zero])
        #expect(budget.eventCosts[1].offices == [Money(cents: 123_077), Money(cents: 123_077)])
        #expect(budget.offices.map(\.grandTotal).sum() == budget.grandTotal)
        for office in budget.offices {
            #expect(office.amounts.count == 3)
            #expect(office.lines.map(\.total).sum() == office.total)
        }
        #expect(budget.offices.map(\.total).sum() == budget.totals.total)
    }

    @Test func theOfficesPartsOfEachLineAddUpToTheLine_andPaidByGivesOneOfficeTheWholeOfEveryLine() {
        let odd = Make.line("odd", .perParticipant, .usd(Money(cents: 1)), shares: [3_333, 6_667])
        let event = Make.eventWithLines([odd, visa])
        let paidByB = Participant(id: "P2", name: "P2", country: Make.india, fare: Money(dollars: 500), paidBy: "B")
        let budget = Budget(event: event, participants: [Make.participant(fare: 80_000), paidByB], rosterName: "r")
        for index in event.personLines.indices {
            #expect(budget.offices.map { $0.amounts[index] }.sum() == budget.totals.amounts[index])
        }
        let b = budget.offices[1].lines[1]
        #expect(b.amounts == b.costing.amounts)
    }

    @Test func aFitCoversEveryLine_theContingencyIncluded_andNoParticipantMoreFits() throws {
        let contingency = Contingency(name: "Contingency", basisPoints: 750, lines: ["airfare", "local", "venue"], shares: [5_000, 5_000],
                                      source: nil, assumption: "test")
        let event = Make.eventWithLines([visa, allowance, venue], contingency: contingency)
        let countries = try CountryDirectory([Make.india, Make.nepal])
        for dollars in stride(from: 5_000, through: 20_000, by: 733) {
            let budget = Money(dollars: Int64(dollars))
            guard let answer = try? FitRequest(event: event, countries: countries, budget: budget).fit() else { continue }
            #expect(answer.total <= budget)
            // The same participants costed as a budget give the fit's total, to the cent.
            let people = (0..<answer.participants).map { Make.participant("P\($0)", from: Make.nepal, fare: nil) }
            let priced = Budget(event: event, participants: people, rosterName: "fit")
            #expect(priced.grandTotal == answer.total, "budget \(dollars)")
            let one = (0...answer.participants).map { Make.participant("P\($0)", from: Make.nepal, fare: nil) }
            #expect(Budget(event: event, participants: one, rosterName: "fit").grandTotal > budget, "budget \(dollars): one more fits")
        }
    }

    @Test func aReconciliationSetsEachLinesActualAgainstItsPlan_thePlanStandingInWhereNoneIsRecorded() {
        let event = Make.eventWithLines([visa, hotelTax])
        let recorded = Participant(id: "P1", name: "P1", country: Make.india, fare: Money(dollars: 800),
                                   actual: ActualSpend(ticket: Money(dollars: 700), lines: ["visa": Money(dollars: 45)]))
        let r = Reconciliation(event: event, participants: [recorded], rosterName: "r")
        #expect(r.lines[0].declared == [PlanActual(planned: Money(dollars: 60), actual: Money(dollars: 45)),
                                        PlanActual(planned: Money(dollars: 10), actual: Money(dollars: 10))])
        #expect(r.lines[0].flags.contains(.lineNotRecorded))
        #expect(r.totals.total == r.lines[0].total)
        #expect(r.offices.map(\.total.actual).sum() == r.totals.total.actual)
        #expect(r.varianceSum == r.totals.total.variance)
        // The plan's event costs stand in the actuals' headroom (no actual event cost is recorded on a roster).
        let withVenue = Make.eventWithLines([visa, venue])
        let ceilings = BudgetCeilings(event: Money(dollars: 5_000), offices: ["A": Money(dollars: 4_000)])
        let checked = Reconciliation(event: withVenue, participants: [recorded], rosterName: "r", ceilings: ceilings)
        #expect(checked.actualHeadroom.map(\.spent) == [checked.totals.total.actual + Money(dollars: 2_400),
                                                        checked.offices[0].total.actual + Money(dollars: 2_400)])
    }
}
