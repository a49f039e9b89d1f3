/// A region or a country that a bound names.
enum FitTarget: Hashable {
    case region(String)
    case country(Country)
}

extension FitRequest {
    /// The most participants a fit considers; a larger answer is refused rather than computed slowly.
    public static let participantLimit = 2_000

    /// A region of the fit as priced: its bounds and its items (any point of departure, then the countries bounds name).
    private typealias PricedRegion = (name: String, bound: (minimum: Int?, maximum: Int?), items: [FitItem])

    /// The mix with the most participants whose cost fits the budget and meets the bounds; among those the cheapest.
    public func fit() throws(FitRefusal) -> FitAnswer {
        let bounds = try resolvedBounds()
        var reasons: [String] = []
        var notes: [String] = []
        let regions = pricedRegions(bounds, reasons: &reasons, notes: &notes)
        idleBounds(bounds, reasons: &reasons, notes: &notes)
        notes += unlabelledNote()

        let scale = ContingencyScale(event)
        let model = regions.map { region in
            MixSolver.Region(items: region.items.map { MixSolver.Item(cost: scale.cost($0), minimum: $0.minimum, maximum: $0.maximum) },
                             minimum: region.bound.minimum ?? 0, maximum: region.bound.maximum)
        }
        reasons += MixSolver.contradictions(model).map { contradictionWords($0, regions: regions, model: model) }
        if !reasons.isEmpty { throw .cannotMeet(reasons) }
        return try solve(model, regions: regions, scale: scale, bounds: bounds, notes: notes)
    }

    /// Each region of the cap table priced at its worst case, with the countries bounds name; notes on inferred worst cases.
    private func pricedRegions(_ bounds: [FitTarget: (minimum: Int?, maximum: Int?)], reasons: inout [String],
                               notes: inout [String]) -> [PricedRegion] {
        let local = event.fullStayLocalExpenses
        var regions: [PricedRegion] = []
        for region in event.regionOrder {
            let bound = bounds[.region(region)] ?? (nil, nil)
            let named = event.caps.filter { $0.region == region && !$0.pointsOfDeparture.isEmpty }
            guard let worst = named.reduce(nil, { (top: CapRow?, row) in row.cap > (top?.cap ?? .zero) ? row : top }) else {
                idle(.region(region), bound, because: "every row of \(region) in \(event.id)'s cap table is unlabelled "
                     + "(it applies to nobody)", reasons: &reasons, notes: &notes)
                continue
            }
            if worst.isInferred {
                notes.append("\(region): the worst case, US$ \(worst.cap.grouped), is the row of "
                             + "\(worst.pointsOfDeparture.joined(separator: ", ")), whose label is inferred "
                             + "(see `travel-budget caps \(event.id)`).")
            }
            var items = [item(region, .anyPointOfDeparture, worst, local, (nil, nil))]
            for (target, countryBound) in bounds.sorted(by: { order($0.key) < order($1.key) }) {
                guard case .country(let country) = target, let row = event.capRow(for: country), row.region == region else { continue }
                items.append(item(region, .country(country), row, local, countryBound))
            }
            regions.append((region, bound, items))
        }
        return regions
    }

    /// Bounds on a region the cap table lacks, or a country no row names.
    private func idleBounds(_ bounds: [FitTarget: (minimum: Int?, maximum: Int?)], reasons: inout [String], notes: inout [String]) {
        for (target, bound) in bounds.sorted(by: { order($0.key) < order($1.key) }) {
            switch target {
            case .region(let name) where !event.regionOrder.contains(name):
                idle(target, bound, because: "\(event.id)'s cap table has no row for \(name)", reasons: &reasons, notes: &notes)
            case .country(let country) where event.capRow(for: country) == nil:
                idle(target, bound, because: "no row of \(event.id)'s cap table names \(country.name) (\(otherPoints)), "
                     + "so a participant from there has no cap to price",
                     reasons: &reasons, notes: &notes)
            default: break
            }
        }
    }

    /// That unlabelled rows price nobody, when the cap table has any.
    private func unlabelledNote() -> [String] {
        let unlabelled = event.caps.filter { $0.label == .unlabelled }
        guard !unlabelled.isEmpty else { return [] }
        let rows = event.regionOrder.compactMap { region -> String? in
            let caps = unlabelled.filter { $0.region == region }.map { "US$ \($0.cap.grouped)" }
            return caps.isEmpty ? nil : "\(region) \(caps.joined(separator: " and "))"
        }
        return ["Unlabelled rows apply to nobody, so they price no participant: \(rows.joined(separator: "; "))."]
    }

    /// Bounds that contradict each other, in words.
    private func contradictionWords(_ contradiction: MixSolver.Contradiction, regions: [PricedRegion], model: [MixSolver.Region]) -> String {
        switch contradiction {
        case .item(let r, let i):
            let item = regions[r].items[i]
            return "\(item.name): at least \(item.minimum) and at most \(item.maximum ?? 0)"
        case .region(let r):
            return "\(regions[r].name): at least \(model[r].minimum) and at most \(model[r].maximum ?? 0)"
        case .itemMinimumsAboveRegionMaximum(let r):
            let parts = regions[r].items.filter { $0.minimum > 0 }.map { "\($0.name) \($0.minimum)" }
            let sum = regions[r].items.map(\.minimum).reduce(0, +)
            return "\(regions[r].name): its countries' minimums (\(parts.joined(separator: ", "))) add up to \(sum), "
                + "more than its maximum of \(model[r].maximum ?? 0)"
        case .regionMinimumAboveItemMaximums(let r):
            let sum = model[r].items.compactMap(\.maximum).reduce(0, +)
            return "\(regions[r].name): at least \(model[r].minimum), but its points of departure allow at most \(sum)"
        }
    }

    /// The solver's answer as the fitted mix, or why there is none.
    private func solve(_ model: [MixSolver.Region], regions: [PricedRegion], scale: ContingencyScale,
                       bounds: [FitTarget: (minimum: Int?, maximum: Int?)], notes: [String]) throws(FitRefusal) -> FitAnswer {
        func label(_ r: Int, _ i: Int) -> String {
            i == 0 ? "\(regions[r].name) (any point of departure)" : regions[r].items[i].name
        }
        switch MixSolver.solve(model, budget: scale.budget(budget), limit: FitRequest.participantLimit) {
        case .success(let counts):
            let fitted = regions.indices.map { r in
                RegionFit(region: regions[r].name, minimum: regions[r].bound.minimum, maximum: regions[r].bound.maximum,
                          items: regions[r].items, counts: counts[r],
                          next: MixSolver.next(model[r], counts: counts[r]).map { regions[r].items[$0] })
            }
            return FitAnswer(request: self, regions: fitted, localExpenses: event.fullStayLocalExpenses, notes: notes,
                             bounds: bounds.sorted { order($0.key) < order($1.key) }
                                 .map { ($0.key.name, $0.value.minimum, $0.value.maximum) })
        case .failure(.budgetTooSmall(let participants, let scaledCost)):
            let cost = scale.total(scaledCost)
            let needs = regions.indices.compactMap { r -> String? in
                let low = MixSolver.lowestCount(model[r])
                return low > 0 ? "\(regions[r].name) \(low)" : nil
            }
            let people = participants == 1 ? "1 participant" : "\(participants) participants"
            throw .cannotMeet(["the bounds need at least \(people) (\(needs.joined(separator: ", "))); the cheapest such mix "
                               + "costs US$ \(cost.grouped), US$ \((cost - budget).grouped) more than the budget of US$ \(budget.grouped)"])
        case .failure(.unbounded(let r, let i)):
            throw .badRequest(["a participant from \(label(r, i)) costs US$ 0.00 under these assumptions, so no budget "
                               + "limits how many fit: give --max \"\(regions[r].name)=N\""])
        case .failure(.tooMany(let participants)):
            throw .badRequest(["the budget could fund up to \(participants) participants, more than this planner's limit of "
                               + "\(FitRequest.participantLimit): lower --budget or give --max bounds"])
        case .failure(.contradictions):
            throw .cannotMeet(["the bounds contradict each other"])   // found above already; kept for completeness
        }
    }

    /// The item for a region's generic participant or a named country, priced under the fare assumption.
    private func item(_ region: String, _ kind: FitItem.Kind, _ row: CapRow, _ local: Money,
                      _ bound: (minimum: Int?, maximum: Int?)) -> FitItem {
        FitItem(region: region, kind: kind, row: row, assistedAirfare: fare.assistedAirfare(cap: row.cap),
                localExpenses: local, declared: declaredPerParticipant, minimum: bound.minimum ?? 0, maximum: bound.maximum)
    }

    /// The event file's other per-person lines for an assisted participant present throughout.
    private var declaredPerParticipant: [Money] {
        let (nights, days) = (event.coveredNights.count, event.workshopDays.count)
        return event.personLines.dropFirst(2).map { line in
            line.roles.contains(.participant) ? line.personAmount(nights: nights, days: days, rates: event.localExpenses.rates) ?? .zero : .zero
        }
    }

    /// The event's rule for a point of departure no row names, in its own words.
    private var otherPoints: String {
        switch (event.otherPointsOfDeparture, event.otherPointsSource) {
        case (.contactOrganisers, nil): return event.otherPointsWords
        case (.contactOrganisers, _?): return "the announcement: \(event.otherPointsWords)"
        case (.notFunded, nil): return "\(event.id) funds no other point of departure"
        case (.notFunded, _?): return "\(event.id) funds no other point of departure: \(event.otherPointsWords)"
        }
    }

    /// The order bounds are shown in: regions in cap-table order, other regions, then countries by name.
    func order(_ target: FitTarget) -> (Int, Int, String) {
        switch target {
        case .region(let name): return (0, event.regionOrder.firstIndex(of: name) ?? Int.max, name)
        case .country(let country): return (1, 0, country.name)
        }
    }

    /// A bound on a region or country that no participant can come from: a reason when it needs someone, else a note.
    private func idle(_ target: FitTarget, _ bound: (minimum: Int?, maximum: Int?), because why: String,
                      reasons: inout [String], notes: inout [String]) {
        if let minimum = bound.minimum, minimum > 0 {
            reasons.append("--min \(target.name)=\(minimum) cannot be met: \(why)")
        } else if bound.minimum != nil || bound.maximum != nil {
            notes.append("The bound on \(target.name) changes nothing: \(why).")
        }
    }
}

/// The budget check of a fit with event costs and a contingency, made exact in whole numbers. A mix fits when
/// participants P + fixed costs F + contingency ≤ budget, the contingency being round-half-up((B + C) × bp / 10,000) of the
/// chosen lines' sums (B from the participants, C from the event costs). In ten-thousandths of a cent this is
/// Σ n × (10,000 × unit + bp × chosen part of unit) ≤ 10,000 × (budget − F) + 4,999 − bp × C: one cost per participant, as
/// the solver wants. An event without declared lines is solved in cents, as always.
struct ContingencyScale {
    let event: Event
    let basisPoints: Int64
    let fixed: Money
    let chosenFixed: Money
    let scaled: Bool

    init(_ event: Event) {
        self.event = event
        scaled = event.hasDeclaredLines
        basisPoints = Int64(event.contingency?.basisPoints ?? 0)
        let rates = event.localExpenses.rates
        let lines = event.eventLines.map { ($0.key, $0.eventAmount(rates: rates) ?? .zero) }
        fixed = lines.map(\.1).sum()
        let chosen = Set(event.contingency?.lines ?? [])
        chosenFixed = lines.filter { chosen.contains($0.0) }.map(\.1).sum()
    }

    /// An item's cost as the solver weighs it.
    func cost(_ item: FitItem) -> Money {
        guard scaled else { return item.unitCost }
        let chosen = Set(event.contingency?.lines ?? [])
        let amounts = [item.assistedAirfare, item.localExpenses] + item.declared
        let part = zip(event.personLines, amounts).filter { chosen.contains($0.0.key) }.map(\.1).sum()
        return Money(cents: item.unitCost.cents * 10_000 + basisPoints * part.cents)
    }

    /// The budget as the solver weighs it.
    func budget(_ budget: Money) -> Money {
        guard scaled else { return budget }
        return Money(cents: (budget - fixed).cents * 10_000 + 4_999 - basisPoints * chosenFixed.cents)
    }

    /// A weighed cost back in cents: the participants, the fixed costs and the contingency.
    func total(_ weighed: Money) -> Money {
        guard scaled else { return weighed }
        return fixed + Money(cents: (weighed.cents + basisPoints * chosenFixed.cents + 5_000) / 10_000)
    }
}

extension FitTarget {
    /// The canonical name.
    var name: String {
        switch self {
        case .region(let name): return name
        case .country(let country): return country.name
        }
    }
}
