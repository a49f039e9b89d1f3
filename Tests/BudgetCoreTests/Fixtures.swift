@testable import BudgetCore

/// Small events and participants built in code, so each rule's test states its own numbers.
enum Make {
    static func country(_ name: String, region: String = "Somewhere", iso2: String? = nil) -> Country {
        let code = iso2 ?? String(name.uppercased().filter(\.isLetter).prefix(2))
        return Country(name: name, region: region, iso2: code, iso3: code + "X", aliases: [])
    }

    static let india = country("India", region: "Southern Asia", iso2: "IN")
    static let nepal = country("Nepal", region: "Southern Asia", iso2: "NP")
    static let hongKong = country("Hong Kong", region: "Eastern Asia", iso2: "HK")
    static let samoa = country("Samoa", region: "Pacific Islands", iso2: "WS")

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// An event with India at US$900, Nepal at US$950 (inferred), 12-15 Dec 2023,
    /// 4 covered nights, room 100,000 + meals 50,000 + transport 12,000 KRW at 1,300.
    static func event(selfFundedCovered: Bool = true, costSharing: CostSharing? = nil) -> Event {
        Event(id: "test", title: "Test workshop", source: "test", start: date("2023-12-12"), end: date("2023-12-15"),
              venue: "Jeju", datesNote: nil, payingOffices: ["Office A"], currency: "USD",
              caps: [
                CapRow(region: "Southern Asia", pointsOfDeparture: ["India"], cap: Money(dollars: 900), label: .labelled, source: "x"),
                CapRow(region: "Southern Asia", pointsOfDeparture: ["Nepal"], cap: Money(dollars: 950),
                       label: .inferred(reason: "only one left"), source: "x"),
                CapRow(region: "Southern Asia", pointsOfDeparture: [], cap: Money(dollars: 1050), label: .unlabelled, source: "x"),
              ],
              otherPointsOfDeparture: .contactOrganisers,
              localExpenses: LocalExpensePolicy(
                covers: "hotel, meals, transport", participantsPay: "visa", coveredBy: "Office A",
                nightsBeforeStart: 0, nightsAfterEnd: 1, selfFundedLocalExpensesCovered: selfFundedCovered,
                rates: LocalRates(currency: "KRW", roomPerNight: 100_000, mealsPerDay: 50_000, transportPerDay: 12_000,
                                  exchangeRate: ExchangeRate(unitsPerUSDTimes10000: 1300_0000)),
                assumptions: []),
              costSharing: costSharing)
    }

    static func participant(_ id: String = "P1", from country: Country = india, fare: Int64?, cap override: Int64? = nil,
                            funding: Funding = .assisted, arrive: String? = nil, leave: String? = nil, planned: Bool = true,
                            ticket: Int64? = nil, nightsActual: Int? = nil, localActual: Int64? = nil) -> Participant {
        Participant(id: id, name: "Name \(id)", country: country, fare: fare.map { Money(cents: $0) },
                    arrive: arrive.map(date), leave: leave.map(date), capOverride: override.map { Money(dollars: $0) },
                    funding: funding, isPlanned: planned,
                    actual: ActualSpend(ticket: ticket.map { Money(cents: $0) }, nights: nightsActual,
                                        localExpenses: localActual.map { Money(cents: $0) }))
    }
}
