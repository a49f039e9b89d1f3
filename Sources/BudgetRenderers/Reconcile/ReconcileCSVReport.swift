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
    private static func figures(_ airfare: PlanActual, _ share: Money, nights: (String, String), _ local: PlanActual) -> [String] {
        let total = airfare + local
        return [airfare.planned.plain, airfare.actual.plain, share.plain, nights.0, nights.1, local.planned.plain, local.actual.plain,
                total.planned.plain, total.actual.plain, total.variance.plain, total.percent?.plain ?? ""]
    }

    private static func totals(_ kind: String, _ label: String, _ t: ReconciliationTotals) -> [String] {
        [kind, "", "", "", "", label, "", ""] + figures(t.assistedAirfare, t.participantShare, nights: ("", ""), t.localExpenses)
            + [t.participants == 1 ? "1 participant" : "\(t.participants) participants"]
    }

    /// The CSV text (CRLF line ends, as RFC 4180 and Excel expect).
    public func render() -> String {
        let r = reconciliation
        var rows: [[String]] = [ReconcileCSVReport.header]
        for line in r.lines {
            let p = line.participant
            rows.append(["participant", p.id, options.name(p), options.organization(p), p.country.name, line.attendance.rawValue,
                         line.costing.cap?.plain ?? "", p.actual.ticket?.plain ?? ""]
                        + ReconcileCSVReport.figures(line.assistedAirfare, line.participantShare,
                                                     nights: (String(line.plannedNights), line.actualNights.map(String.init) ?? ""),
                                                     line.localExpenses)
                        + [line.flags.map(\.rawValue).joined(separator: " ")])
        }
        for group in r.groups { rows.append(ReconcileCSVReport.totals("group", group.attendance.rawValue, group.subtotal)) }
        rows.append(ReconcileCSVReport.totals("total", "", r.totals))
        let blank = Array(repeating: "", count: ReconcileCSVReport.header.count - 3)
        for office in r.offices {
            rows.append(["office", "", "", "", "", office.office, "", ""]
                        + ReconcileCSVReport.figures(office.assistedAirfare, .zero, nights: ("", ""), office.localExpenses).enumerated()
                            .map { $0.offset == 2 ? "" : $0.element }
                        + ["sum of variances \(office.varianceSum.plain)"])
        }
        for (plan, actual) in zip(r.plan.headroom, r.actualHeadroom) {
            var row = ["ceiling", "", "", "", "", HeadroomText.scope(plan)] + Array(repeating: "", count: ReconcileCSVReport.header.count - 6)
            row[15] = plan.spent.plain
            row[16] = actual.spent.plain
            row[19] = HeadroomText.csvNote(plan, actual)
            rows.append(row)
        }
        rows.append(["note", "", "Footing: the participants' variances add up to \(r.varianceSum.plain); actual - planned is "
                     + "\(r.totals.total.variance.plain)" + (r.varianceSum == r.totals.total.variance ? " (they foot)." : " (DO NOT FOOT).")] + blank)
        if !r.leftOutNotTravelled.isEmpty {
            rows.append(["note", "", "Left out of the plan (which prices \(r.plan.who.words)), no actual figures: "
                         + r.leftOutNotTravelled.map(\.id).joined(separator: ", ")] + blank)
        }
        for (flag, count) in r.flagCounts { rows.append(["note", "", "\(flag.rawValue) (\(count)): \(flag.explanation)"] + blank) }
        for note in r.plan.rosterNotes + QuotedFareText.sentences(r.plan) { rows.append(["note", "", note] + blank) }
        for sentence in ReconcileTextReport.rules + AssumptionText.all(r.event) + [r.event.costSharing.basis] {
            rows.append(["note", "", sentence] + blank)
        }
        return rows.map { CSVReport.line($0, numeric: 6...18) }.joined(separator: "\r\n") + "\r\n"
    }
}
