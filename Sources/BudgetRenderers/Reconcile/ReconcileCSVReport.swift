import BudgetCore

/// The plan against the actuals as CSV: one row per participant, a row per attendance group, the total, a row per
/// paying office and per ceiling, then notes (the footing, the flags' meanings, the rules and assumptions).
public struct ReconcileCSVReport {
    public let reconciliation: Reconciliation
    public let options: RenderOptions

    public init(_ reconciliation: Reconciliation, options: RenderOptions = RenderOptions()) {
        self.reconciliation = reconciliation
        self.options = options
    }

    public static let header = ["row", "id", "name", "organization", "country", "attendance", "cap_usd", "ticket_usd",
                                "planned_assisted_airfare_usd", "actual_assisted_airfare_usd", "participant_share_usd",
                                "planned_nights", "actual_nights", "planned_local_expenses_usd", "actual_local_expenses_usd",
                                "planned_total_usd", "actual_total_usd", "variance_usd", "variance_percent", "flags"]

    /// The figure columns of a row: airfare, share, nights, local, totals, variance and %.
    private static func figures(_ airfare: PlanActual, _ share: Money, nights: (String, String), _ local: PlanActual,
                                total: PlanActual? = nil) -> [String] {
        let total = total ?? airfare + local
        return [airfare.planned.plain, airfare.actual.plain, share.plain, nights.0, nights.1, local.planned.plain, local.actual.plain,
                total.planned.plain, total.actual.plain, total.variance.plain, total.percent?.plain ?? ""]
    }

    private static func totals(_ kind: String, _ label: String, _ t: ReconciliationTotals, declared: Int) -> [String] {
        [kind, "", "", "", "", label, "", ""] + figures(t.assistedAirfare, t.participantShare, nights: ("", ""), t.localExpenses, total: t.total)
            + [t.participants == 1 ? "1 participant" : "\(t.participants) participants"] + other(t.declared, declared)
    }

    /// The other lines' planned and actual amounts, two columns a line (none for an event without them).
    private static func other(_ amounts: [PlanActual], _ count: Int) -> [String] {
        (0..<count).flatMap { index in index < amounts.count ? [amounts[index].planned.plain, amounts[index].actual.plain] : ["0.00", "0.00"] }
    }

    /// The CSV text (CRLF line ends, as RFC 4180 and Excel expect).
    public func render() -> String {
        let r = reconciliation
        let declaredLines = Array(r.event.personLines.dropFirst(2))
        let n = declaredLines.count
        var rows: [[String]] = [ReconcileCSVReport.header + declaredLines.flatMap { ["planned_\($0.key)_usd", "actual_\($0.key)_usd"] }]
        let noOther = Array(repeating: "", count: 2 * n)
        for line in r.lines {
            let p = line.participant
            rows.append(["participant", p.id, options.name(p), options.organization(p), p.country.name, line.attendance.rawValue,
                         line.costing.cap?.plain ?? "", p.actual.ticket?.plain ?? ""]
                        + ReconcileCSVReport.figures(line.assistedAirfare, line.participantShare,
                                                     nights: (String(line.plannedNights), line.actualNights.map(String.init) ?? ""),
                                                     line.localExpenses, total: line.total)
                        + [line.flags.map(\.rawValue).joined(separator: " ")] + ReconcileCSVReport.other(line.declared, n))
        }
        for group in r.groups { rows.append(ReconcileCSVReport.totals("group", group.attendance.rawValue, group.subtotal, declared: n)) }
        rows.append(ReconcileCSVReport.totals("total", "", r.totals, declared: n))
        let blank = Array(repeating: "", count: ReconcileCSVReport.header.count - 3) + noOther
        for office in r.offices {
            rows.append(["office", "", "", "", "", office.office, "", ""]
                        + ReconcileCSVReport.figures(office.assistedAirfare, .zero, nights: ("", ""), office.localExpenses, total: office.total)
                            .enumerated().map { $0.offset == 2 ? "" : $0.element }
                        + ["sum of variances \(office.varianceSum.plain)"] + ReconcileCSVReport.other(office.declared, n))
        }
        for (plan, actual) in zip(r.plan.headroom, r.actualHeadroom) {
            var row = ["ceiling", "", "", "", "", HeadroomText.scope(plan)] + Array(repeating: "", count: ReconcileCSVReport.header.count - 6) + noOther
            row[15] = plan.spent.plain
            row[16] = actual.spent.plain
            row[19] = HeadroomText.csvNote(plan, actual)
            rows.append(row)
        }
        rows.append(["note", "", "Footing: the participants' variances add up to \(r.varianceSum.plain); actual - planned is "
                     + "\(r.totals.total.variance.plain)" + (r.varianceSum == r.totals.total.variance ? " (they foot)." : " (DO NOT FOOT).")] + blank)
        if !r.leftOutNotTravelled.isEmpty {
            rows.append(["note", "", "Left out of the plan (which prices \(r.plan.who.words)), no actual figures: "
                         + IDText.list(r.leftOutNotTravelled.map(\.id))] + blank)
        }
        for (flag, count) in r.flagCounts { rows.append(["note", "", "\(flag.rawValue) (\(count)): \(flag.explanation)"] + blank) }
        for note in r.plan.rosterNotes + QuotedFareText.sentences(r.plan) { rows.append(["note", "", note] + blank) }
        for cost in r.plan.eventCosts {
            rows.append(["note", "", "Event cost, planned (no actual event cost is recorded on the roster): \(cost.name) \(cost.amount.plain)"] + blank)
        }
        for sentence in ReconcileTextReport.rules + AssumptionText.all(r.event) + [r.event.costSharing.basis] {
            rows.append(["note", "", sentence] + blank)
        }
        let numeric = Set(6...18).union(Set(ReconcileCSVReport.header.count ..< ReconcileCSVReport.header.count + 2 * n))
        return rows.map { CSVReport.line($0, numeric: numeric) }.joined(separator: "\r\n") + "\r\n"
    }
}
