@testable import BudgetCore
import Testing

/// A two-region event for fits: Eastern Asia China US$400 and an unlabelled US$650; Southern Asia India US$900,
/// Nepal US$950 (inferred) and an unlabelled US$1,050. Local expenses for the full stay: KRW 648,000 at 1,300 = 498.46.
enum FitMake {
    static let china = Make.country("China", region: "Eastern Asia", iso2: "CN")
    static let india = Country(name: "India", region: "Southern Asia", iso2: "IN", iso3: "IND", aliases: ["Bharat"])
    static let countries = try? CountryDirectory([india, Make.nepal, Make.hongKong, Make.samoa, china])

    static let event: Event = {
        let base = Make.event()
        let caps = [
            CapRow(region: "Eastern Asia", pointsOfDeparture: ["China"], cap: Money(dollars: 400), label: .labelled, source: "x"),
            CapRow(region: "Eastern Asia", pointsOfDeparture: [], cap: Money(dollars: 650), label: .unlabelled, source: "x"),
        ] + base.caps
        return Event(id: "fit-test", title: base.title, source: base.source, start: base.start, end: base.end, venue: base.venue,
                     datesNote: nil, payingOffices: base.payingOffices, currency: "USD", caps: caps,
                     otherPointsOfDeparture: .contactOrganisers, localExpenses: base.localExpenses)
    }()

    static func bound(_ text: String, _ side: FitBound.Side) -> FitBound {
        let parts = text.split(separator: "=")
        return FitBound(name: String(parts[0]), side: side, count: Int(parts[1]) ?? 0)
    }

    /// Fits a budget in whole dollars with `--min` and `--max` bounds written as on the command line.
    static func fit(_ dollars: Int64, min: [String] = [], max: [String] = [], fare: FareAssumption = .cap) throws -> FitAnswer {
        try FitRequest(event: event, countries: try #require(countries), budget: Money(dollars: dollars), fare: fare,
                       bounds: min.map { bound($0, .minimum) } + max.map { bound($0, .maximum) }).fit()
    }

    static func refusal(_ dollars: Int64, min: [String] = [], max: [String] = []) -> FitRefusal? {
        do { _ = try fit(dollars, min: min, max: max); return nil } catch { return error as? FitRefusal }
    }
}

@Suite struct BudgetFitRuleTests {
    let local = Money(cents: 49_846)

    @Test func anyPointOfDepartureIsPricedAtTheRegionsHighestCapAmongRowsThatNameOne_unlabelledRowsApplyToNobody() throws {
        let answer = try FitMake.fit(0)
        #expect(answer.regions.map(\.region) == ["Eastern Asia", "Southern Asia"])
        #expect(answer.regions.map { $0.items[0].cap } == [Money(dollars: 400), Money(dollars: 950)])
        #expect(answer.notes.contains("Unlabelled rows apply to nobody, so they price no participant: Eastern Asia US$ 650.00; "
                                      + "Southern Asia US$ 1,050.00."))
        #expect(answer.notes.contains { $0.hasPrefix("Southern Asia: the worst case, US$ 950.00, is the row of Nepal, whose label is inferred") })
    }

    @Test func oneParticipantCostsTheAssistedAirfarePlusTheFullStaysLocalExpenses() throws {
        #expect(FitMake.event.fullStayLocalExpenses == local)
        let atCap = try FitMake.fit(0)
        #expect(atCap.localExpenses == local)
        #expect(atCap.regions[0].items[0].unitCost == Money(dollars: 400) + local)
        let atFraction = try FitMake.fit(0, fare: .fractionOfCap(Proportion(tenThousandths: 8_000)))
        #expect(atFraction.regions.map { $0.items[0].assistedAirfare } == [Money(dollars: 320), Money(dollars: 760)])
    }

    @Test func aFareFractionIsRoundedHalfUpToTheCent_andNeverAssistedAboveTheCap() {
        let half = FareAssumption.fractionOfCap(Proportion(tenThousandths: 5_000))
        #expect(half.assistedAirfare(cap: Money(cents: 5)) == Money(cents: 3))
        #expect(half.assistedAirfare(cap: Money(cents: 33_333)) == Money(cents: 16_667))
        #expect(FareAssumption.fractionOfCap(Proportion(tenThousandths: 12_000)).assistedAirfare(cap: Money(dollars: 900)) == Money(dollars: 900))
    }

    @Test func theMostParticipantsWithinTheBudget_thenTheCheapestMix() throws {
        let answer = try FitMake.fit(3_000)
        #expect(answer.regions.map(\.counts) == [[3], [0]])
        #expect(answer.total == (Money(dollars: 400) + local) * 3)
        #expect(answer.moneyLeft == Money(cents: 30_462))
        let withSouth = try FitMake.fit(3_000, min: ["Southern Asia=1"])
        #expect(withSouth.regions.map(\.counts) == [[1], [1]])
        #expect(withSouth.total == Money(cents: 234_692))
    }

    @Test func aCountryNamedInABoundIsPricedAtItsOwnRow_andCountsTowardItsRegion() throws {
        let answer = try FitMake.fit(5_000, min: ["India=1", "Southern Asia=1"], max: ["Southern Asia=1"])
        let south = answer.regions[1]
        #expect(south.items.map(\.name) == ["any point of departure", "India"])
        #expect(south.items[1].cap == Money(dollars: 900))
        #expect(south.counts == [0, 1])
        #expect(answer.regions[0].counts == [4])
        #expect(answer.participants == 5 && answer.total == Money(cents: 499_230))
        #expect(answer.bounds.map(\.name) == ["Southern Asia", "India"])
    }

    @Test func aBudgetTooSmallForTheBoundsIsRefusedWithTheCheapestMixThatMeetsThem() {
        #expect(FitMake.refusal(4_000, min: ["Southern Asia=3"]) == .cannotMeet([
            "the bounds need at least 3 participants (Southern Asia 3); the cheapest such mix costs US$ 4,345.38, "
                + "US$ 345.38 more than the budget of US$ 4,000.00",
        ]))
    }

    @Test func contradictoryBoundsAreRefusedWithEveryReason() {
        #expect(FitMake.refusal(9_000, min: ["Southern Asia=3", "India=2"], max: ["southern asia=1", "IN=1"]) == .cannotMeet([
            "India: at least 2 and at most 1",
            "Southern Asia: at least 3 and at most 1",
            "Southern Asia: its countries' minimums (India 2) add up to 2, more than its maximum of 1",
        ]))
    }

    @Test func aPlaceWithNoCapRowCannotBeRequired_andBoundingItChangesNothing() throws {
        #expect(FitMake.refusal(9_000, min: ["Hong Kong=1", "Pacific Islands=1"]) == .cannotMeet([
            "--min Pacific Islands=1 cannot be met: fit-test's cap table has no row for Pacific Islands",
            "--min Hong Kong=1 cannot be met: no row of fit-test's cap table names Hong Kong (the event file's rule for "
                + "other points of departure: contact the organisers), so a participant from there has no cap to price",
        ]))
        let answer = try FitMake.fit(1_000, max: ["Hong Kong=2"])
        #expect(answer.notes.contains { $0.hasPrefix("The bound on Hong Kong changes nothing: no row of fit-test's cap table names") })
    }

    @Test func unknownNamesAreRefusedWithTheClosestNames_andABoundGivenTwiceToo() {
        guard case .badRequest(let problems)? = FitMake.refusal(1_000, min: ["Indai=1", "Southrn Asia=1"]) else {
            Issue.record("expected a bad request")
            return
        }
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("--min Indai=1: no region or country is called `Indai`; did you mean `India`?"))
        #expect(problems[1].contains("did you mean `Southern Asia`?"))
        #expect(FitMake.refusal(1_000, min: ["India=1", "Bharat=2"]) == .badRequest(["--min is given twice for India (1 and 2): keep one"]))
        #expect(FitMake.refusal(2_000, min: ["India=1", "Bharat=1"]) == nil)
    }

    @Test func theNextParticipantOfEachRegionNeverFitsTheMoneyLeft_andNoneComesFromARegionAtItsMaximum() throws {
        let answer = try FitMake.fit(7_777, max: ["Eastern Asia=2"])
        #expect(answer.regions[0].next == nil)
        let next = try #require(answer.regions[1].next)
        #expect(next.name == "any point of departure" && next.unitCost > answer.moneyLeft)
        #expect(answer.regions.map(\.counts) == [[2], [4]])
    }

    @Test func aBudgetBelowTheCheapestParticipantFundsNobody() throws {
        let answer = try FitMake.fit(800)
        #expect(answer.participants == 0 && answer.moneyLeft == Money(dollars: 800))
    }

    @Test func theSweepRepricesTheSameMixAtOtherFaresAndRates() throws {
        let answer = try FitMake.fit(5_000, min: ["Southern Asia=1"])
        #expect(answer.regions.map(\.counts) == [[3], [1]])
        let sweep = FitSweep(answer)
        #expect(sweep.rates.map(\.description) == ["1170", "1235", "1300", "1365", "1430"])
        #expect(sweep.totals[4][2] == answer.total)
        // 648,000 won at 1,170 = 553.846… -> 553.85; fares at 0.6: 240.00 and 570.00.
        #expect(sweep.localExpenses[0] == Money(cents: 55_385))
        #expect(sweep.totals[0][0] == (Money(dollars: 240) + Money(cents: 55_385)) * 3 + Money(dollars: 570) + Money(cents: 55_385))
        #expect(sweep.totals.allSatisfy { row in zip(row, row.dropFirst()).allSatisfy { $0.0 > $0.1 } })
    }

    @Test func proportionsAreReadAndWrittenExactly() {
        #expect(Proportion(fraction: "0.8")?.tenThousandths == 8_000)
        #expect(Proportion(fraction: ".75")?.tenThousandths == 7_500)
        #expect(Proportion(fraction: "0.12345") == nil && Proportion(fraction: "1.") == nil && Proportion(fraction: "x") == nil)
        #expect(Proportion(percent: "-10")?.percentText == "-10%")
        #expect(Proportion(percent: "+2.5%")?.percentText == "+2.5%")
        #expect(Proportion(percent: "0")?.percentText == "0%")
        #expect(Proportion.one.fractionText == "1.0" && Proportion(tenThousandths: 6_500).fractionText == "0.65")
        #expect(ExchangeRate(unitsPerUSDTimes10000: 1_306_0000).changed(by: Proportion(tenThousandths: -500)).description == "1240.7")
    }
}
