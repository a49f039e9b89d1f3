import BudgetCore
import BudgetReaders
import Foundation
import PropertyBased
import TestSupport

/// The shipped country table: random rosters and cap tables draw their points of departure from it. A generator cannot
/// throw, so it finds none when the tables do not load; the suites that use it ask for the tables first
/// (`Repo.shippedTables()`), and that failure is what the run reports.
enum Shipped {
    static let countries: [Country] = (try? Repo.shippedTables())?.countries.countries ?? []
}

/// One random cap row: countries by index into the country table, the cap in cents, and how it is labelled.
struct RowSpec: Sendable {
    let countries: [Int]
    let capCents: Int64
    let label: Int
}

/// A random event: its cap rows, dates, covered nights and local rates.
struct EventSpec: Sendable {
    let rows: [RowSpec]
    let startDay: Int
    let length: Int
    let nights: (before: Int, after: Int)
    let rates: (room: Int64, meals: Int64, transport: Int64)
    let unitsPerUSDTimes10000: Int64
    let selfFundedCovered: Bool

    /// The event: each country on the first row that names it only, as the table reader requires.
    var event: Event? {
        guard let start = CivilDate(year: 2023, month: 1, day: 1)?.adding(days: startDay) else { return nil }
        let countries = Shipped.countries
        var claimed: Set<Int> = []
        let caps = rows.map { spec -> CapRow in
            let names = spec.label == 2 ? [] : spec.countries.filter { claimed.insert($0).inserted }.map { countries[$0].name }
            let label: CapRow.Label = spec.label == 2 ? .unlabelled : spec.label == 1 ? .inferred(reason: "test") : .labelled
            let region = spec.countries.first.map { countries[$0].region } ?? "Pacific Islands"
            return CapRow(region: region, pointsOfDeparture: names, cap: Money(cents: spec.capCents), label: label, source: "test")
        }
        return Event(
            id: "random", title: "Random workshop", source: "test", start: start, end: start.adding(days: length - 1),
            venue: "Jeju", datesNote: nil, payingOffices: ["Office"], currency: "USD", caps: caps,
            otherPointsOfDeparture: .contactOrganisers,
            localExpenses: LocalExpensePolicy(
                covers: "all", participantsPay: "visa", coveredBy: "Office", nightsBeforeStart: nights.before,
                nightsAfterEnd: nights.after, selfFundedLocalExpensesCovered: selfFundedCovered,
                rates: LocalRates(currency: "KRW", roomPerNight: rates.room, mealsPerDay: rates.meals,
                                  transportPerDay: rates.transport,
                                  exchangeRate: ExchangeRate(unitsPerUSDTimes10000: unitsPerUSDTimes10000)),
                assumptions: []))
    }
}

/// A random participant: country by index, fare and override in cents, funding, and stay relative to the event.
struct ParticipantSpec: Sendable {
    let country: Int
    let fareCents: Int64?
    let overrideCents: Int64?
    let selfFunded: Bool
    let arriveOffset: Int?
    let stay: Int?
    let name: String

    func participant(_ index: Int, in event: Event) -> Participant {
        let arrive = arriveOffset.map { event.start.adding(days: $0) }
        let leave = stay.map { (arrive ?? event.start).adding(days: $0) }
        return Participant(id: "P\(index + 1)", name: name, organization: "Org \(name)", country: Shipped.countries[country],
                           fare: fareCents.map { Money(cents: $0) }, arrive: arrive, leave: leave,
                           capOverride: overrideCents.map { Money(cents: $0) }, funding: selfFunded ? .selfFunded : .assisted)
    }
}

/// Generators of random events and rosters within the bounds the readers accept.
enum Random {
    /// Amounts up to US$ 1,000,000, mostly the size of fares.
    static let cents = Gen<Int64>.frequency(
        (8, Gen.int64(in: 1...500_000)), (1, Gen.int64(in: 1...100_000_000)))
    static let country = Gen.int(in: 0...max(0, Shipped.countries.count - 1))

    static let row = zip(country.array(of: 0...4), cents, Gen.int(in: 0...2))
        .map { RowSpec(countries: $0, capCents: $1, label: $2) }

    static let event = zip(
        row.array(of: 1...8), Gen.int(in: 0...364), Gen.int(in: 1...10), Gen.int(in: 0...3), Gen.int(in: 0...3),
        zip(Gen.int64(in: 0...400_000), Gen.int64(in: 0...100_000), Gen.int64(in: 0...50_000)),
        Gen.int64(in: 1...20_000_000), Gen.bool()
    ).map { rows, startDay, length, before, after, rates, rate, covered in
        EventSpec(rows: rows, startDay: startDay, length: length, nights: (before, after),
                  rates: (rates.0, rates.1, rates.2), unitsPerUSDTimes10000: rate, selfFundedCovered: covered)
    }

    /// Names that test quoting: commas, quotes, line breaks, formula-like starts, letters outside ASCII.
    static let name = Gen.element(of: ["Ana", "Nguyen, \"Mai\"", "=SUM(A1)", "Ben\nBenson", "São Tomé", "  Cy  ", "-5", "O’Brien"])
        .map { $0 ?? "Ana" }

    static let participant = zip(
        country, cents.optional(), cents.optional(valueRate: 0.2), Gen.bool(0.15),
        Gen.int(in: -3...4).optional(valueRate: 0.3), Gen.int(in: 0...12).optional(valueRate: 0.3), name
    ).map { country, fare, override, selfFunded, arrive, stay, name in
        ParticipantSpec(country: country, fareCents: fare, overrideCents: override, selfFunded: selfFunded,
                        arriveOffset: arrive, stay: stay, name: name)
    }

    static let roster = participant.array(of: 0...30)
}
