import BudgetCore

/// The plan against the actuals as text a finance officer can read and forward: fits 100 columns.
public struct ReconcileTextReport {
    public let reconciliation: Reconciliation
    public let options: RenderOptions

    public init(_ reconciliation: Reconciliation, options: RenderOptions = RenderOptions()) {
        self.reconciliation = reconciliation
        self.options = options
    }

    private typealias L = TextLayout

    /// One-letter codes for flags in the table, explained beneath it: the one table of letters (``BudgetCore/Mark``).
    static func code(_ flag: ReconciliationFlag) -> String { flag.letter }

    /// The rules the figures follow, stated in every reconcile report.
    static let rules = [
        "Amounts in US$. Assisted airfare: planned as in the budget; actual = min(ticket, cap), the cap still applies. "
            + "Share = ticket - actual assisted airfare: what the participant pays. Local: planned as in the budget; actual as "
            + "recorded (local_actual_usd), else the planning rates applied to nights_actual.",
        "Variance = actual total - planned total (assisted airfare + local expenses, the cost to the paying offices): more than "
            + "zero is spent above the plan. % = variance / planned x 100, rounded half away from zero to one decimal; "
            + "\"-\" where nothing was planned.",
        "A participant with any actual figure counts as travelled; a planned participant with none is listed as not travelled "
            + "and a row marked planned = no as not planned. Each group is listed apart; none is netted against another.",
    ]

    private func row(_ c: ReconcileColumns, id: String, departure: String, _ cells: [String], _ flags: String) -> [String] {
        L.participantRow(id: id, idWidth: c.id, departure: departure, departureWidth: c.departure, cells, widths: c.figures, flags: flags)
    }

    /// A subtotal or total: aligned under the figures, or a sentence where the table does not fit.
    private func totalsRow(_ c: ReconcileColumns, _ label: String, _ t: ReconciliationTotals) -> [String] {
        guard c.fits else { return L.wrap(sentence(t.assistedAirfare, t.participantShare, t.localExpenses), first: label + ": ", indent: "      ") }
        var line = L.left(L.clip(label, c.totalsLabel), c.totalsLabel)
        for (cell, width) in zip(ReconcileColumns.cells(t).dropFirst(), c.figures.dropFirst()) { line += " " + L.right(cell, width) }
        return [line]
    }

    /// The figures of a line or total in words, for amounts too wide for the table.
    private func sentence(_ airfare: PlanActual, _ share: Money, _ local: PlanActual) -> String {
        let total = airfare + local
        return "assisted airfare \(airfare.planned.grouped) planned, \(airfare.actual.grouped) actual; share \(share.grouped); "
            + "local \(local.planned.grouped) planned, \(local.actual.grouped) actual; variance \(total.variance.signed) "
            + "(\(total.percent?.description ?? "-"))"
    }

    private func participantRows(_ c: ReconcileColumns, _ line: ReconciliationLine) -> [String] {
        let flags = line.flags.map(ReconcileTextReport.code).joined(separator: " ")
        guard c.fits else {
            return L.wrap(sentence(line.assistedAirfare, line.participantShare, line.localExpenses) + (flags.isEmpty ? "" : "; flags \(flags)"),
                          first: "\(line.participant.id) \(line.participant.country.name): ", indent: "      ")
        }
        return row(c, id: line.participant.id, departure: line.participant.country.name, ReconcileColumns.cells(line), flags)
    }

    /// `planned 9,255.00; actual 9,310.00; variance +55.00 (+0.6%)`.
    static func planActual(_ p: PlanActual) -> String {
        "planned \(p.planned.grouped); actual \(p.actual.grouped); variance \(p.variance.signed) (\(p.percent?.description ?? "-"))"
    }

    private func summary() -> [String] {
        let r = reconciliation
        let t = r.totals
        var out = ["Variance by cost line"]
        let declared = zip(r.event.personLines.dropFirst(2), t.declared).map { ($0.name, $1) }
        let labels = [("Assisted airfare", t.assistedAirfare), ("Local expenses", t.localExpenses)] + declared + [("Total", t.total)]
        let labelWidth = max(18, (labels.map(\.0.count).max() ?? 0) + 2)
        for (label, figures) in labels {
            out += L.wrap(ReconcileTextReport.planActual(figures), first: "  " + L.left(label, labelWidth),
                          indent: String(repeating: " ", count: labelWidth + 2))
        }
        if !r.plan.eventCosts.isEmpty {
            out += L.wrap("Event costs, planned (the roster records no actual event costs, so none is set against the plan): "
                + r.plan.eventCosts.map { "\($0.name) \($0.amount.grouped)" }.joined(separator: "; ")
                + "; the plan's grand total is \(r.plan.grandTotal.grouped).", first: "  ", indent: "  ")
        }
        out += L.wrap("Footing: the participants' variances add up to \(r.varianceSum.signed) = actual \(t.total.actual.grouped) "
            + "- planned \(t.total.planned.grouped)\(r.varianceSum == t.total.variance ? ", to the cent" : " [DOES NOT FOOT]").",
                      first: "  ", indent: "  ")
        out += L.wrap("Participant share of the actual tickets: \(t.participantShare.grouped) (not in the totals).", first: "  ", indent: "  ")
        out.append("")
        out.append("Paying offices")
        let width = r.offices.map(\.office.count).max() ?? 0
        for office in r.offices {
            out += L.wrap(ReconcileTextReport.planActual(office.total), first: "  " + L.left(office.office, width) + "  ",
                          indent: String(repeating: " ", count: width + 4))
        }
        out += L.wrap("Each office's part of every line, planned and actual, is split as the plan splits it (each office but the last "
            + "rounded half up to the cent, the last takes the rest); each office's variances add up to its actual - planned, "
            + "and the offices add up to the totals. " + r.event.costSharing.basis, first: "  ", indent: "  ")
        out.append("")
        return out
    }

    /// The whole report, ending with a newline.
    public func render() -> String {
        let r = reconciliation
        let event = r.event
        let c = ReconcileColumns(r)
        var out: [String] = []
        out.append("PLAN AGAINST ACTUAL  \(event.id)")
        out += L.wrap(event.title)
        let indent = String(repeating: " ", count: 16)
        out += L.wrap("\(event.start.long) to \(event.end.long)", first: "Dates:          ", indent: indent)
        out += L.wrap(event.payingOffices.joined(separator: "; "), first: "Paying offices: ", indent: indent)
        let counts = r.groups.map(\.lines.count)
        out += L.wrap("\(r.rosterName): \(counts[0]) planned and travelled, \(counts[1]) planned but did not travel, \(counts[2]) not planned",
                      first: "Roster:         ", indent: indent)
        out += RosterNotes.readingLines(r.plan.rosterNotes)
        for (index, sentence) in QuotedFareText.sentences(r.plan).enumerated() {
            out += L.wrap(sentence, first: index == 0 ? "Planned fares:  " : indent, indent: indent)
        }
        out.append("")
        let rules = ReconcileTextReport.rules + (event.hasDeclaredLines
            ? ["The event file's other lines (\(event.personLines.dropFirst(2).map(\.name).joined(separator: ", "))): planned as in the budget; "
               + "actual as recorded (<key>_actual_usd), else the plan stands. Variance includes them (Variance by cost line, below)."] : [])
        for rule in rules {
            out += L.wrap(rule)
            out.append("")
        }
        if c.fits {
            var labels = String(repeating: " ", count: c.airfareStart) + "Assisted airfare"
            labels = L.left(labels, c.localStart) + "Local expenses"
            out.append(labels)
            out += row(c, id: "ID", departure: "Departure", ReconcileColumns.headers, "Flags")
            out.append(String(repeating: "-", count: c.width))
        }
        for group in r.groups {
            out.append("\(group.attendance.heading) (\(group.lines.count))")
            if group.lines.isEmpty { out.append("  none") }
            for line in group.lines { out += participantRows(c, line) }
            if !group.lines.isEmpty { out += totalsRow(c, "  Subtotal (\(group.lines.count))", group.subtotal) }
            out.append("")
        }
        out.append(String(repeating: "=", count: c.fits ? c.width : L.width))
        out += totalsRow(c, "TOTAL (\(r.totals.participants))", r.totals)
        out.append("")
        if !r.leftOutNotTravelled.isEmpty {
            out += L.wrap("Left out of the plan (which prices \(r.plan.who.words)) and with no actual figures, so in no group: "
                + IDText.list(r.leftOutNotTravelled.map(\.id)) + " (`travel-budget check` gives the reasons).")
            out.append("")
        }
        out += summary()
        out += HeadroomText.section(plan: r.plan.headroom, actual: r.actualHeadroom)

        let flagCounts = r.flagCounts
        out.append("Flags")
        if flagCounts.isEmpty { out.append("  none") }
        for (flag, n) in flagCounts {
            let ids = IDText.list(r.lines.filter { $0.flags.contains(flag) }.map(\.participant.id))
            out += L.wrap("\(flag.rawValue) (\(n): \(ids)): \(flag.explanation).", first: "  \(ReconcileTextReport.code(flag))  ", indent: "     ")
        }
        out.append("")
        out.append("Planning assumptions behind the planned figures")
        for sentence in AssumptionText.all(event) { out += L.wrap(sentence, first: "  ", indent: "  ") }
        out.append("")
        out.append("Participants")
        if options.redact {
            out.append("  names and organizations withheld (redacted report); the roster holds them by id")
        } else {
            for line in r.lines {
                let p = line.participant
                let org = p.organization.isEmpty ? "" : " — \(p.organization)"
                let nights = "nights \(line.plannedNights) planned, \(line.actualNights.map(String.init) ?? "-") actual"
                out += L.wrap("\(p.name)\(org) — \(nights)", first: "  " + L.left(p.id, c.id) + " ", indent: String(repeating: " ", count: c.id + 3))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
