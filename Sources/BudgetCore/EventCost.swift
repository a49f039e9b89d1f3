/// A cost counted once for the event: a per-event line of the event file, or its contingency.
public struct EventCost: Sendable {
    public let key: String
    public let name: String
    public let amount: Money
    /// Each paying office's part, in the event's office order; they add up to the amount.
    public let offices: [Money]
    /// The per-event line it is; nil for the contingency.
    public let line: CostLine?
    /// For the contingency: the sum of the lines it is a percentage of.
    public let base: Money?
    /// The announcement's words, or nil when the cost is a planning assumption (`assumption`).
    public let source: String?
    public let assumption: String?

    /// The event costs of an event whose per-person lines sum to `totals`: its per-event lines in order, then its
    /// contingency on the lines it names.
    public static func all(for event: Event, totals: CostTotals) -> [EventCost] {
        let rates = event.localExpenses.rates
        var costs = event.eventLines.map { line in
            let amount = line.eventAmount(rates: rates) ?? .zero
            return EventCost(key: line.key, name: line.name, amount: amount, offices: event.costSharing.split(amount, shares: line.shares),
                             line: line, base: nil, source: line.source, assumption: line.assumption)
        }
        if let contingency = event.contingency {
            var base = Money.zero
            for key in contingency.lines {
                if let index = event.personLines.firstIndex(where: { $0.key == key }), index < totals.amounts.count { base += totals.amounts[index] }
                if let cost = costs.first(where: { $0.key == key }) { base += cost.amount }
            }
            let amount = contingency.amount(on: base)
            costs.append(EventCost(key: "contingency", name: contingency.name, amount: amount,
                                   offices: event.costSharing.split(amount, shares: contingency.shares),
                                   line: nil, base: base, source: contingency.source, assumption: contingency.assumption))
        }
        return costs
    }

}

/// `50%`, `33.33%`: hundredths of a percent in words.
public func formatPercent(_ basisPoints: Int) -> String { percentText(basisPoints) + "%" }

/// `50`, `33.33`: hundredths of a percent as a number.
public func percentText(_ basisPoints: Int) -> String {
    basisPoints % 100 == 0 ? "\(basisPoints / 100)" : "\(basisPoints / 100).\(basisPoints % 100 < 10 ? "0" : "")\(basisPoints % 100)"
}
