import BudgetCore

/// The budget as text a finance officer can read and forward: fits 100 columns.
public struct TextReport {
    public let budget: Budget
    public let options: RenderOptions

    public init(_ budget: Budget, options: RenderOptions = RenderOptions()) {
        self.budget = budget
        self.options = options
    }

    /// One-letter codes for flags in the table, explained beneath it.
    static func code(_ flag: Flag) -> String {
        switch flag {
        case .estimate: return "E"
        case .contactOrganisers: return "C"
        case .inferredCap: return "I"
        case .capOverride: return "O"
        case .selfFunded: return "S"
        case .aboveCap: return "A"
        case .partialStay: return "P"
        }
    }

    private typealias L = TextLayout

    private func row(_ first: String, _ second: String, _ cells: [String], _ flags: String) -> String {
        row(label: L.left(first, 6) + " " + L.left(second, 16), cells, flags)
    }

    private func row(label: String, _ cells: [String], _ flags: String) -> String {
        let widths = [9, 9, 9, 9, 9, 10]
        var line = L.left(label, 23)
        for (cell, width) in zip(cells, widths) { line += " " + L.right(cell, width) }
        line += "  " + flags
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    private func money(_ m: Money?) -> String { m?.grouped ?? "-" }

    /// A subtotal or total: the label spans the ID, departure, fare and cap columns.
    private func totalsRow(_ label: String, _ t: CostTotals) -> String {
        var line = L.left(L.clip(label, 43), 43)
        for (m, width) in [(t.assistedAirfare, 9), (t.participantShare, 9), (t.localExpenses, 9), (t.total, 10)] {
            line += " " + L.right(money(m), width)
        }
        return line
    }

    /// The whole report, ending with a newline.
    public func render() -> String {
        let event = budget.event
        var out: [String] = []
        let rule = String(repeating: "-", count: 94)
        out.append("TRAVEL BUDGET  \(event.id)")
        out += L.wrap(event.title)
        var dates = "\(event.start.long) to \(event.end.long)"
        if let note = event.datesNote { dates += " (\(note))" }
        out += L.wrap(dates, first: "Dates:          ", indent: String(repeating: " ", count: 16))
        out += L.wrap(event.venue, first: "Venue:          ", indent: String(repeating: " ", count: 16))
        out += L.wrap(event.payingOffices.joined(separator: "; "), first: "Paying offices: ", indent: String(repeating: " ", count: 16))
        let count = budget.lines.count == 1 ? "1 participant" : "\(budget.lines.count) participants"
        out += L.wrap("\(budget.rosterName), \(count)", first: "Roster:         ", indent: String(repeating: " ", count: 16))
        out += L.wrap(event.source, first: "Source:         ", indent: String(repeating: " ", count: 16))
        out.append("")
        out += L.wrap("Amounts in US$. Assisted = min(fare, cap): the airfare the event pays. Share = fare - assisted: "
            + "what the participant pays. Total = assisted + local expenses: the cost to the paying offices "
            + "(the participant share is not in it).")
        out.append("")
        out.append(row("ID", "Departure", ["Fare", "Cap", "Assisted", "Share", "Local", "Total"], "Flags"))
        out.append(rule)
        for region in budget.regions {
            out.append(region.region)
            for line in region.lines {
                out.append(row(line.participant.id, L.clip(line.participant.country.name, 16),
                               [money(line.participant.fare), money(line.cap), money(line.assistedAirfare),
                                money(line.participantShare), money(line.localExpenses), money(line.total)],
                               line.flags.map(TextReport.code).joined(separator: " ")))
            }
            out.append(totalsRow("  \(region.region) (\(region.subtotal.participants))", region.subtotal))
            out.append("")
        }
        out.append(String(repeating: "=", count: 94))
        out.append(totalsRow("TOTAL (\(count))", budget.totals))
        out.append("")

        let counts = budget.flagCounts
        out.append("Flags")
        if counts.isEmpty { out.append("  none") }
        for (flag, n) in counts {
            let ids = budget.lines.filter { $0.flags.contains(flag) }.map(\.participant.id).joined(separator: ", ")
            out += L.wrap("\(flag.rawValue) (\(n): \(ids)): \(flag.explanation).",
                          first: "  \(TextReport.code(flag))  ", indent: "     ")
        }
        out.append("")
        out.append("Local expenses")
        out += L.wrap("Cover \(event.localExpenses.covers), paid by \(event.localExpenses.coveredBy) (announcement).",
                      first: "  ", indent: "  ")
        out += L.wrap("Participants pay: \(event.localExpenses.participantsPay) (announcement).", first: "  ", indent: "  ")
        let selfFunded = event.localExpenses.selfFundedLocalExpensesCovered
            ? "Self-funded participants' local expenses are covered." : "Self-funded participants' local expenses are not covered."
        for sentence in AssumptionText.all(event) + [selfFunded] {
            out += L.wrap(sentence, first: "  ", indent: "  ")
        }
        out.append("")
        out.append("Participants")
        if options.redact {
            out.append("  names and organizations withheld (redacted report); the roster holds them by id")
        } else {
            for line in budget.lines {
                let p = line.participant
                let org = p.organization.isEmpty ? "" : " — \(p.organization)"
                out += L.wrap("\(p.name)\(org) — \(line.nights) nights, \(line.days) days",
                              first: "  " + L.left(p.id, 7), indent: String(repeating: " ", count: 9))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
