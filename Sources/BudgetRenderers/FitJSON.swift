import BudgetCore
import JSONText
import Foundation

extension FitReport {
    struct Document: Encodable {
        let event: String
        let budget: String
        let fare: String
        let bounds: [Bound]
        let local_expenses_per_participant: String
        let participants: Int
        let total: String
        let money_left: String
        let regions: [Region]
        let sweep: Nullable<Sweep>
        let rules: [String]
        let notes: [String]
        /// The event costs the budget covers and the participants' part; left out unless the event declares lines.
        let event_costs: [String: String]?
        let participants_cost: String?
        let assumptions: [String]
    }

    struct Bound: Encodable {
        let name: String
        let min: Nullable<Int>
        let max: Nullable<Int>
    }

    struct Region: Encodable {
        let region: String
        let min: Nullable<Int>
        let max: Nullable<Int>
        let participants: Int
        let subtotal: String
        let items: [Item]
        /// Null when the region is at its maximum.
        let next_participant: Nullable<Next>
    }

    struct Item: Encodable {
        /// `any point of departure` or the country.
        let item: String
        let country: Nullable<String>
        /// The points of departure of the row whose cap prices the item.
        let cap_row: [String]
        let cap: String
        let assisted_airfare: String
        let local_expenses: String
        let unit_cost: String
        let count: Int
        let subtotal: String
    }

    struct Next: Encodable {
        let item: String
        let cost: String
        let fits: Bool
        let short_by: String
    }

    struct Sweep: Encodable {
        let fare_fractions: [String]
        let rates: [Rate]
        /// One row per fare fraction, one total per rate, in the order of `rates`.
        let totals: [[String]]
    }

    struct Rate: Encodable {
        let change_percent: String
        let usd_exchange_rate: String
        let local_expenses_per_participant: String
    }

    /// The fit as JSON, money as strings with two decimals, keys sorted; ends with a newline.
    public func json() throws(JSONTextError) -> String {
        let a = answer
        let left = a.moneyLeft
        let document = Document(
            event: a.request.event.id, budget: a.request.budget.plain,
            fare: { if case .fractionOfCap(let f) = a.request.fare { return f.fractionText } else { return "cap" } }(),
            bounds: a.bounds.map { Bound(name: $0.name, min: Nullable($0.minimum), max: Nullable($0.maximum)) },
            local_expenses_per_participant: a.localExpenses.plain, participants: a.participants, total: a.total.plain,
            money_left: left.plain,
            regions: a.regions.map { region in
                Region(region: region.region, min: Nullable(region.minimum), max: Nullable(region.maximum),
                       participants: region.participants, subtotal: region.subtotal.plain,
                       items: zip(region.items, region.counts).map { item, count in
                           let country: String? = if case .country(let c) = item.kind { c.name } else { nil }
                           return Item(item: item.name, country: Nullable(country), cap_row: item.row.pointsOfDeparture,
                                       cap: item.cap.plain, assisted_airfare: item.assistedAirfare.plain,
                                       local_expenses: item.localExpenses.plain, unit_cost: item.unitCost.plain,
                                       count: count, subtotal: (item.unitCost * count).plain)
                       },
                       next_participant: Nullable(region.next.map { next in
                           let cost = a.marginalCost(of: next)
                           return Next(item: next.name, cost: cost.plain, fits: cost <= left, short_by: max(.zero, cost - left).plain)
                       }))
            },
            sweep: Nullable(sweep.map { s in
                Sweep(fare_fractions: s.fractions.map(\.fractionText),
                      rates: s.rateChanges.indices.map { i in
                          Rate(change_percent: s.rateChanges[i].percentText, usd_exchange_rate: s.rates[i].description,
                               local_expenses_per_participant: s.localExpenses[i].plain)
                      },
                      totals: s.totals.map { $0.map(\.plain) })
            }),
            rules: FitReport.rules(a), notes: a.notes,
            event_costs: a.request.event.hasDeclaredLines ? Dictionary(uniqueKeysWithValues: a.eventCosts.map { ($0.key, $0.amount.plain) }) : nil,
            participants_cost: a.request.event.hasDeclaredLines ? a.participantsCost.plain : nil,
            assumptions: AssumptionText.draft(a.request.event) + [AssumptionText.rates(a.request.event), AssumptionText.coverage(a.request.event),
                          AssumptionText.rounding(a.request.event)])
        return try JSONText.render(document)
    }
}
