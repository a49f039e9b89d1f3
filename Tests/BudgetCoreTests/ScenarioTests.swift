@testable import BudgetCore
import Testing

/// Pricing a participant mix: head counts by region at the worst case, fare models, overrides, and comparing events.
@Suite struct ScenarioTests {
    let event = Make.event()

    @Test func aHeadCountByRegionIsPricedAtTheRegionsHighestCapAmongRowsThatNameAPointOfDeparture() {
        // India 900, Nepal 950 (inferred), an unlabelled 1,050 that names nobody: the worst case is 950.
        let scenario = Scenario(title: "t", entries: [Scenario.Entry(group: .region("Southern Asia"), count: 3)])
        let budget = Budget(event: event, participants: scenario.participants(under: event), rosterName: "s", who: .all)
        #expect(budget.lines.map(\.assistedAirfare) == Array(repeating: Money(dollars: 950), count: 3))
        #expect(budget.lines.map(\.region) == ["Southern Asia", "Southern Asia", "Southern Asia"])
    }

    @Test func aRegionWithNoCapInTheEventGetsNoAssistedAirfare() {
        let scenario = Scenario(title: "t", entries: [Scenario.Entry(group: .region("Pacific Islands"), count: 2)])
        let budget = Budget(event: event, participants: scenario.participants(under: event), rosterName: "s", who: .all)
        #expect(budget.totals.assistedAirfare == .zero)
        #expect(budget.lines.allSatisfy { $0.flags.contains(.contactOrganisers) })
    }

    @Test func fareModels_capFractionAndQuoted() {
        let entries = [Scenario.Entry(group: .country(Make.india), count: 1), Scenario.Entry(group: .country(Make.nepal), count: 1)]
        func assisted(_ fare: Scenario.FareModel) -> [Money] {
            let s = Scenario(title: "t", entries: entries, fare: fare)
            return Budget(event: event, participants: s.participants(under: event), rosterName: "s", who: .all).lines.map(\.assistedAirfare)
        }
        #expect(assisted(.cap) == [Money(dollars: 900), Money(dollars: 950)])
        // 900 × 0.8333 = 749.97; 950 × 0.8333 = 791.635 → 791.64 (half up).
        #expect(assisted(.fraction(basisPoints: 8_333)) == [Money(cents: 74_997), Money(cents: 79_164)])
        // A quote above the cap is capped; a country without a quote is priced at the cap.
        #expect(assisted(.quoted(["India": Money(dollars: 1_000)])) == [Money(dollars: 900), Money(dollars: 950)])
        #expect(assisted(.quoted(["India": Money(dollars: 700)])) == [Money(dollars: 700), Money(dollars: 950)])
    }

    @Test func overridesReplaceTheRatesAndTheCoveredNights() {
        let scenario = Scenario(title: "t", entries: [Scenario.Entry(group: .country(Make.india), count: 1)],
                                overrides: Scenario.Overrides(nights: 2, roomPerNight: 130_000, exchangeRate: ExchangeRate(unitsPerUSDTimes10000: 1_000_0000)))
        let adjusted = scenario.adjust(event)
        #expect(adjusted.coveredNights.count == 2)
        // 2 × 130,000 + 4 days × (50,000 + 12,000) = 508,000 won at 1,000 = US$508.00.
        #expect(adjusted.fullStayLocalExpenses == Money(dollars: 508))
        #expect(adjusted.localExpenses.assumptions.last?.hasPrefix("Scenario overrides (planning assumptions): 2 covered nights") == true)
    }

    @Test func percentagesAndRealTermsAreRoundedHalfAwayFromZero() {
        #expect(Ratio.percentTenths(from: 80_000, to: 90_000) == 125)
        #expect(Ratio.percentTenths(from: 90_000, to: 80_000) == -111)
        #expect(Ratio.percentText(-73) == "-7.3%")
        let cpi = PriceIndex(series: "CUUR0000SA0", title: "CPI-U", source: "BLS", values: [2018: 251_107, 2023: 304_702])
        // 800 × 304.702 / 251.107 = 970.7495… → 970.75.
        #expect(cpi.restate(Money(dollars: 800), from: 2018, to: 2023) == Money(cents: 97_075))
        #expect(cpi.restate(Money(dollars: 800), from: 2018, to: 2030) == nil)
    }

    @Test func comparingMarksPointsListedInOneEventOnlyAndInferredRows() {
        let other = Make.event()
        let later = Event(id: "later", title: "t", source: "s", start: Make.date("2024-01-10"), end: Make.date("2024-01-12"), venue: "v",
                          datesNote: nil, payingOffices: ["A"], currency: "USD",
                          caps: [CapRow(region: "Southern Asia", pointsOfDeparture: ["India"], cap: Money(dollars: 1_000), label: .labelled, source: "x")],
                          otherPointsOfDeparture: .contactOrganisers, localExpenses: other.localExpenses)
        let comparison = Comparison(events: [other, later], budgets: [])
        let india = comparison.caps.first { $0.point == "India" }
        let nepal = comparison.caps.first { $0.point == "Nepal" }
        #expect(india?.caps == [Money(dollars: 900), Money(dollars: 1_000)])
        #expect(india.map(comparison.note) == "")
        #expect(nepal.map(comparison.note) == "test only; inferred row in test")
        #expect(comparison.unlabelled.map(\.row.cap) == [Money(dollars: 1_050)])
    }
}
