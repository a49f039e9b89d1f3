/// A fitted mix's total at other fares and exchange rates, so a finance officer sees how sensitive the budget is.
///
/// Each cell re-prices the same counts: assisted airfare = min(cap × fraction rounded half up to the cent, cap);
/// the exchange rate is the event's changed by the percentage, rounded half up to its fourth decimal; the full
/// stay's local expenses are converted once per participant at that rate, rounded half up to the cent.
public struct FitSweep: Sendable {
    public let fractions: [Proportion]
    public let rateChanges: [Proportion]
    /// The exchange rate at each change.
    public let rates: [ExchangeRate]
    /// One participant's full-stay local expenses at each rate.
    public let localExpenses: [Money]
    /// `totals[f][r]`: the mix's total at fare fraction `f` and rate change `r`.
    public let totals: [[Money]]

    /// Fares at 0.6, 0.7, 0.8, 0.9 and 1.0 of the cap.
    public static let defaultFractions = [6_000, 7_000, 8_000, 9_000, 10_000].map(Proportion.init(tenThousandths:))
    /// Exchange rates 10% and 5% below and above the event's, and the event's.
    public static let defaultRateChanges = [-1_000, -500, 0, 500, 1_000].map(Proportion.init(tenThousandths:))
    /// The most fractions and rate changes a sweep shows (the table stays within 100 columns).
    public static let mostFractions = 10
    public static let mostRateChanges = 5
    /// The range of rate changes accepted: −50% to +100%.
    public static let rateChangeRange = Proportion(tenThousandths: -5_000)...Proportion(tenThousandths: 10_000)

    public init(_ answer: FitAnswer, fractions: [Proportion] = defaultFractions, rateChanges: [Proportion] = defaultRateChanges) {
        let event = answer.request.event
        let base = event.localExpenses.rates
        let units = base.localUnits(nights: event.coveredNights.count, days: event.workshopDays.count)
        self.fractions = fractions
        self.rateChanges = rateChanges
        rates = rateChanges.map { base.exchangeRate.changed(by: $0) }
        let locals = rates.map { $0.convertToUSD(units) }
        localExpenses = locals
        let placed = answer.regions.flatMap { zip($0.items, $0.counts) }
        guard event.hasDeclaredLines else {
            totals = fractions.map { fraction -> [Money] in
                locals.map { local in
                    placed.map { item, count in (FareAssumption.fractionOfCap(fraction).assistedAirfare(cap: item.cap) + local) * count }.sum()
                }
            }
            return
        }
        // With other lines: each cell is the whole budget of the mix at that fare and rate (lines in the rates' currency and
        // the event costs converted at the changed rate, the contingency on the changed lines), by the budget's own rules.
        let (nights, days) = (event.coveredNights.count, event.workshopDays.count)
        let rates = self.rates
        totals = fractions.map { fraction -> [Money] in
            rates.map { rate in
                let changed = LocalRates(currency: base.currency, roomPerNight: base.roomPerNight, mealsPerDay: base.mealsPerDay,
                                         transportPerDay: base.transportPerDay, exchangeRate: rate)
                let policy = event.localExpenses
                let atRate = event.with(localExpenses: LocalExpensePolicy(
                    covers: policy.covers, participantsPay: policy.participantsPay, coveredBy: policy.coveredBy, source: policy.source,
                    nightsBeforeStart: policy.nightsBeforeStart, nightsAfterEnd: policy.nightsAfterEnd,
                    selfFundedLocalExpensesCovered: policy.selfFundedLocalExpensesCovered, rates: changed, assumptions: policy.assumptions))
                var sums = CostTotals()
                for (item, count) in placed where count > 0 {
                    let declared = atRate.personLines.dropFirst(2).map { line in
                        line.roles.contains(.participant) ? line.personAmount(nights: nights, days: days, rates: changed) ?? .zero : .zero
                    }
                    let amounts = [FareAssumption.fractionOfCap(fraction).assistedAirfare(cap: item.cap), rate.convertToUSD(units)] + declared
                    if sums.amounts.count < amounts.count { sums.amounts += Array(repeating: .zero, count: amounts.count - sums.amounts.count) }
                    for (index, amount) in amounts.enumerated() { sums.amounts[index] += amount * count }
                    sums.total += amounts.sum() * count
                    sums.participants += count
                }
                return sums.total + EventCost.all(for: atRate, totals: sums).map(\.amount).sum()
            }
        }
    }

    /// What is wrong with chosen fractions and rate changes, in words; empty when they can be swept.
    public static func problems(fractions: [Proportion], rateChanges: [Proportion]) -> [String] {
        var problems: [String] = []
        if !(1...mostFractions).contains(fractions.count) { problems.append("give 1 to \(mostFractions) fare fractions") }
        if !(1...mostRateChanges).contains(rateChanges.count) { problems.append("give 1 to \(mostRateChanges) rate changes") }
        for f in fractions where !(Proportion(tenThousandths: 1)...Proportion.one).contains(f) {
            problems.append("fare fraction \(f.fractionText) is not more than 0 and at most 1")
        }
        for r in rateChanges where !rateChangeRange.contains(r) {
            problems.append("rate change \(r.percentText) is outside -50% to +100%")
        }
        return problems
    }
}
