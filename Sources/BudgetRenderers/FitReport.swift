import BudgetCore

/// A budget fit as text (100 columns) or JSON: the mix, its cost, the money left, the next participants, the sweep.
public struct FitReport {
    public let answer: FitAnswer
    /// The sensitivity table, when asked for.
    public let sweep: FitSweep?

    public init(_ answer: FitAnswer, sweep: FitSweep? = nil) {
        self.answer = answer
        self.sweep = sweep
    }

    private typealias L = TextLayout

    /// Widths of the mix table: item, cap, assisted, local, per person, count, subtotal (99 columns in all).
    private static let widths = [25, 13, 13, 13, 13, 7, 15]

    private func row(_ cells: [String]) -> String {
        var line = L.left(L.clip(cells[0], FitReport.widths[0]), FitReport.widths[0])
        for (cell, width) in zip(cells.dropFirst(), FitReport.widths.dropFirst()) { line += L.right(cell, width) }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// A subtotal or total: a label, then the amount in the subtotal column.
    private func total(_ label: String, _ amount: Money) -> String {
        L.left(label, FitReport.widths.dropLast().reduce(0, +)) + L.right(amount.grouped, FitReport.widths[6])
    }

    static func people(_ n: Int) -> String { n == 1 ? "1 participant" : "\(n) participants" }

    /// `at least 3`, `at most 2`, `at least 1 and at most 2`.
    static func boundText(_ minimum: Int?, _ maximum: Int?) -> String {
        [minimum.map { "at least \($0)" }, maximum.map { "at most \($0)" }].compactMap { $0 }.joined(separator: " and ")
    }

    static func fareText(_ fare: FareAssumption) -> String {
        switch fare {
        case .cap: return "the cap (the worst case)"
        case .fractionOfCap(let f): return "\(f.fractionText) of the cap, rounded half up to the cent"
        }
    }

    /// The event's rule for a point of departure that no row names, in short.
    static func otherPoints(_ event: Event) -> String {
        switch event.otherPointsOfDeparture {
        case .contactOrganisers: return "contact the organisers"
        case .notFunded: return "not funded in \(event.id): no airfare, no local expenses"
        }
    }

    /// How the mix is found, in the finance officer's words.
    static func rules(_ answer: FitAnswer) -> [String] {
        let worst = answer.regions.map { region in
            let row = region.items[0].row
            return "\(region.region) US$ \(row.cap.grouped) (\(row.pointsOfDeparture.joined(separator: ", ")))"
        }
        return [
            "A participant from any point of departure in a region is priced at the worst case: the region's highest cap "
                + "among the cap-table rows that name a point of departure: \(worst.joined(separator: "; ")). "
                + "Unlabelled rows name no point of departure and price nobody; a point of departure that no row names "
                + "(\(otherPoints(answer.request.event))) has no cap and is left out of the mix.",
            "A country named in --min or --max is priced at its own row's cap and counts toward its region's bounds; "
                + "a participant from any point of departure counts toward the region only.",
            "One participant costs the assisted airfare, min(fare, cap), plus the full stay's local expenses "
                + "(US$ \(answer.localExpenses.grouped))" + otherLines(answer) + "; the fare is \(fareText(answer.request.fare)).",
            "The mix has the most participants whose total fits the budget and meets every bound; among those, the cheapest; "
                + "between equally cheap mixes, more participants in regions earlier in the cap table, then in earlier lines "
                + "(any point of departure first, then countries by name). The answer is exact: nothing is estimated.",
        ]
    }

    /// The other per-person lines one participant costs, and the event costs the budget covers too; empty without them.
    static func otherLines(_ answer: FitAnswer) -> String {
        let event = answer.request.event
        guard event.hasDeclaredLines, let item = answer.regions.first?.items.first else { return "" }
        let lines = zip(event.personLines.dropFirst(2), item.declared).map { "\($0.name.lowercased()) US$ \($1.grouped)" }
        return (lines.isEmpty ? "" : ", plus the event file's other lines (" + lines.joined(separator: ", ") + ")")
            + "; the budget also covers the event costs (\(event.eventLines.map { $0.name.lowercased() }.joined(separator: ", "))"
            + (event.contingency.map { "; a contingency of \(formatPercent($0.basisPoints)) of its lines" } ?? "")
            + "); resource persons are not part of a mix"
    }

    /// The fit as text, ending with a newline.
    public func text() -> String {
        let request = answer.request
        let event = request.event
        let indent = String(repeating: " ", count: 16)
        var out = ["BUDGET FIT  \(event.id)"]
        out += L.wrap(event.title)
        out.append("Budget:         US$ \(request.budget.grouped)")
        out += L.wrap(FitReport.fareText(request.fare), first: "Fares:          ", indent: indent)
        let bounds = answer.bounds.map { "\($0.name) \(FitReport.boundText($0.minimum, $0.maximum))" }
        out += L.wrap(bounds.isEmpty ? "none" : bounds.joined(separator: "; "), first: "Bounds:         ", indent: indent)
        out += L.wrap("US$ \(answer.localExpenses.grouped) per participant for the full stay",
                      first: "Local expenses: ", indent: indent)
        out.append("")
        let cheapest = answer.regions.compactMap(\.next).map(\.unitCost).min()
        if answer.participants == 0, let cheapest {
            out += L.wrap("No participant fits the budget: the cheapest costs US$ \(cheapest.grouped).")
        } else {
            let verb = answer.participants == 1 ? "fits" : "fit"
            out += L.wrap("\(FitReport.people(answer.participants)) \(verb) the budget: total US$ \(answer.total.grouped), "
                          + "US$ \(answer.moneyLeft.grouped) left.")
        }
        out.append("")
        out.append(row(["", "Cap", "Assisted", "Local", "Per person", "Count", "Subtotal"]))
        let width = FitReport.widths.reduce(0, +)
        out.append(String(repeating: "-", count: width))
        for region in answer.regions {
            let bound = FitReport.boundText(region.minimum, region.maximum)
            out.append(bound.isEmpty ? region.region : "\(region.region)  (\(bound))")
            for (item, count) in zip(region.items, region.counts) {
                out.append(row(["  " + item.name, item.cap.grouped, item.assistedAirfare.grouped, item.localExpenses.grouped,
                                item.unitCost.grouped, String(count), (item.unitCost * count).grouped]))
            }
            out.append(total("  \(region.region) (\(region.participants))", region.subtotal))
            out.append("")
        }
        out.append(String(repeating: "=", count: width))
        if !answer.eventCosts.isEmpty {
            out.append(total("Participants (\(FitReport.people(answer.participants)))", answer.participantsCost))
            for cost in answer.eventCosts { out.append(total("  " + cost.name, cost.amount)) }
        }
        out.append(total("TOTAL (\(FitReport.people(answer.participants)))", answer.total))
        out.append(total("Money left", answer.moneyLeft))
        out.append("")
        out.append("Next participant (US$ \(answer.moneyLeft.grouped) left)")
        let regionWidth = (answer.regions.map(\.region.count).max() ?? 0) + 2
        for region in answer.regions {
            let first = "  " + L.left(region.region, regionWidth)
            guard let next = region.next else {
                out += L.wrap("none: the region is at its maximum of \(region.maximum ?? 0)", first: first)
                continue
            }
            let cost = answer.marginalCost(of: next)
            let verdict = cost <= answer.moneyLeft
                ? "fits"
                : "does not fit: US$ \((cost - answer.moneyLeft).grouped) short"
            out += L.wrap(verdict, first: first + L.left(L.clip(next.name, 24), 24) + L.right(cost.grouped, 13) + "  ",
                          indent: String(repeating: " ", count: regionWidth + 41))
        }
        if let sweep { out += [""] + sweepText(sweep) }
        out.append("")
        out.append("How the mix is found")
        for rule in FitReport.rules(answer) { out += L.wrap(rule, first: "  - ", indent: "    ") }
        if !answer.notes.isEmpty {
            out.append("")
            out.append("Notes")
            for note in answer.notes { out += L.wrap(note, first: "  - ", indent: "    ") }
        }
        out.append("")
        out.append("Local expenses")
        for sentence in AssumptionText.draft(event) + [AssumptionText.rates(event), AssumptionText.coverage(event), AssumptionText.rounding(event)] {
            out += L.wrap(sentence, first: "  ", indent: "  ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The sensitivity table: one row per fare fraction, one column per exchange rate.
    private func sweepText(_ sweep: FitSweep) -> [String] {
        let budget = answer.request.budget
        let cells = sweep.totals.map { row in row.map { $0.grouped + ($0 > budget ? "*" : " ") } }
        let rates = sweep.rates.map(AssumptionText.rate)
        let changes = sweep.rateChanges.map { "(\($0.percentText))" }
        let width = ((rates + changes).map { $0.count + 1 } + cells.flatMap { $0 }.map(\.count)).max().map { $0 + 2 } ?? 0
        let labels = sweep.fractions.map { "\($0.fractionText) of the cap" }
        let labelWidth = max(16, (labels.map(\.count).max() ?? 0) + 1)
        let currency = answer.request.event.localExpenses.rates.currency
        var out = L.wrap("Sensitivity: this mix's total in US$ at other fares (rows) and exchange rates (columns, "
                         + "\(currency) per US$1); * over the budget of US$ \(budget.grouped).")
        out.append(L.left("Fare", labelWidth) + rates.map { L.right($0 + " ", width) }.joined())
        out.append(L.left("", labelWidth) + changes.map { L.right($0 + " ", width) }.joined())
        for (label, row) in zip(labels, cells) {
            out.append(L.left(label, labelWidth) + row.map { L.right($0, width) }.joined())
        }
        let locals = zip(rates, sweep.localExpenses).map { "\($0.0): \($0.1.grouped)" }
        out += L.wrap("Local expenses per participant at each rate: \(locals.joined(separator: "; ")). Each cell prices the "
                      + "same participants; fares rounded half up to the cent, rates to four decimals.")
        return out.map { line in line.hasSuffix(" ") ? String(line.reversed().drop { $0 == " " }.reversed()) : line }
    }
}
