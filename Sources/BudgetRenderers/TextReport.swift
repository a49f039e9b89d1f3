import BudgetCore

/// The budget as text a finance officer can read and forward: fits 100 columns. The one text report at every size: a
/// budget that kept its lines lists them; one kept as running totals (a very large roster) gives its summary, which says so
/// and where the lines are.
public struct TextReport {
    public let budget: Budget
    public let options: RenderOptions
    /// Where the participant lines are when the budget did not keep them (e.g. the workbook's path).
    public let linesAt: String?

    /// The report of a budget; `linesAt` says where the lines are when it kept none.
    public init(_ budget: Budget, linesAt: String? = nil, options: RenderOptions = RenderOptions()) {
        self.budget = budget
        self.options = options
        self.linesAt = linesAt
    }

    /// One-letter codes for flags in the table, explained beneath it (``Flag/letter``).
    static func code(_ flag: Flag) -> String { flag.letter }

    private typealias L = TextLayout

    private func money(_ m: Money?) -> String { m?.grouped ?? "-" }

    /// Column widths fitted to the figures, so that large amounts never run together or get cut.
    struct Columns {
        let id: Int
        let departure: Int
        /// Fare, cap, assisted, share, local, total.
        let money: [Int]
        /// Whether subtotals sit in the money columns; when they are too wide to fit, they are written out in words.
        let alignedTotals: Bool

        /// The first layout that fits 100 columns: subtotals aligned with a wide gap, then a narrow gap,
        /// then subtotals in words.
        init(_ budget: Budget) {
            let layouts = [(true, 1), (true, 0), (false, 1)].lazy.map { Columns(budget, alignedTotals: $0, gap: $1) }
            self = layouts.first { $0.fits } ?? Columns(budget, alignedTotals: false, gap: 0)
        }

        private init(_ budget: Budget, alignedTotals: Bool, gap: Int) {
            func widest(_ header: String, _ values: [String]) -> Int { values.reduce(header.count) { max($0, $1.count) } + gap }
            let lines = budget.lines
            let groups = alignedTotals ? budget.regions.map(\.subtotal) + [budget.totals] : []
            func column(_ header: String, _ line: (ParticipantCosting) -> Money?, _ total: ((CostTotals) -> Money)?) -> Int {
                widest(header, lines.map { line($0)?.grouped ?? "-" } + groups.compactMap { total?($0).grouped })
            }
            money = [
                column("Fare", { $0.participant.fare }, nil),
                column("Cap", { $0.cap }, nil),
                column("Assisted", { $0.assistedAirfare }, { $0.assistedAirfare }),
                column("Share", { $0.participantShare }, { $0.participantShare }),
                column("Local", { $0.localExpenses }, { $0.localExpenses }),
            ] + (budget.event.personLines.count > 2 ? [column("Other", { $0.declaredAmounts.sum() }, { $0.declaredAmounts.sum() })] : []) + [
                column("Total", { $0.total }, { $0.total }),
            ]
            id = min(max(2, lines.map(\.participant.id.count).max() ?? 2), 10)
            flags = max(5, lines.map { $0.flags.count * 2 - 1 }.max() ?? 0)
            departure = min(max(TextLayout.width - (id + 1 + money.reduce(0) { $0 + $1 + 1 } + 2 + flags), 10), 18)
            self.alignedTotals = alignedTotals
        }

        /// The widest flags cell (at least the header's).
        private let flags: Int
        var width: Int { id + 1 + departure + money.reduce(0) { $0 + $1 + 1 } + 2 + flags }
        var fits: Bool { width <= TextLayout.width }
        /// The width of the label of a subtotal: ID, departure, fare and cap together.
        var totalsLabel: Int { id + 1 + departure + 1 + money[0] + 1 + money[1] }
    }

    private func row(_ columns: Columns, id: String, departure: String, _ cells: [String], _ flags: String) -> [String] {
        L.participantRow(id: id, idWidth: columns.id, departure: departure, departureWidth: columns.departure, cells,
                         widths: columns.money, flags: flags)
    }

    /// A subtotal or total: the label spans the ID, departure, fare and cap columns (or, where the figures are
    /// too wide for the columns, a sentence).
    private func totalsRow(_ columns: Columns, _ label: String, _ t: CostTotals) -> [String] {
        guard columns.alignedTotals else {
            let other = columns.money.count > 6 ? "other lines \(money(t.declaredAmounts.sum())); " : ""
            return L.wrap("assisted \(money(t.assistedAirfare)); share \(money(t.participantShare)); "
                          + "local \(money(t.localExpenses)); \(other)total \(money(t.total))",
                          first: label + ": ", indent: "      ")
        }
        var line = L.left(L.clip(label, columns.totalsLabel), columns.totalsLabel)
        let other = columns.money.count > 6 ? [t.declaredAmounts.sum()] : []
        for (m, width) in zip([t.assistedAirfare, t.participantShare, t.localExpenses] + other + [t.total], columns.money.dropFirst(2)) {
            line += " " + L.right(money(m), width)
        }
        return [line]
    }

    /// What each paying office pays, with the basis of the split.
    private func officesSection(_ budget: Budget) -> [String] {
        var out = ["Paying offices"]
        let width = budget.offices.map(\.office.count).max() ?? 0
        for office in budget.offices {
            let share = office.share
            let split = share.airfareBasisPoints == share.localExpensesBasisPoints
                ? "\(formatPercent(share.airfareBasisPoints)) of every line"
                : "\(formatPercent(share.airfareBasisPoints)) of airfare, \(formatPercent(share.localExpensesBasisPoints)) of local"
            let other = office.amounts.count > 2 ? "other lines \(money(office.amounts.dropFirst(2).sum())); " : ""
            let event = office.eventCosts.isEmpty ? "" : "event costs \(money(office.eventCosts.sum())); "
            out += L.wrap("assisted \(money(office.assistedAirfare)); local \(money(office.localExpenses)); \(other)\(event)"
                          + "total \(money(office.grandTotal)) (\(split))",
                          first: "  " + L.left(office.office, width) + "  ", indent: String(repeating: " ", count: width + 4))
        }
        out += L.wrap(budget.event.costSharing.basis, first: "  ", indent: "  ")
        out.append("")
        return out
    }

    /// The whole report, ending with a newline.
    public func render() -> String {
        guard !budget.isStreamed else { return summary(budget, linesAt: linesAt ?? "the workbook") }
        let columns = Columns(budget)
        var out = heading() + [""] + explanation() + [""]
        out += table(columns)
        out += QuotedFareText.section(budget, idWidth: columns.id)
        out += afterTable()
        out.append("")
        if budget.event.hasDeclaredLines {
            out.append("Cost lines")
            out += L.wrap("Assisted airfare and local expenses: as the table and \"Local expenses\" below say.", first: "  ", indent: "  ")
            for sentence in CostLineText.personLines(budget) + CostLineText.eventCosts(budget) + CostLineText.roles(budget) {
                out += L.wrap(sentence, first: "  ", indent: "    ")
            }
            out.append("")
        }
        out += officesSection(budget)
        out += HeadroomText.section(plan: budget.headroom)
        out.append("Eligibility")
        for sentence in EligibilityReport.budgetSentences(budget) { out += L.wrap(sentence, first: "  ", indent: "  ") }
        out.append("")
        out += flagsSection() + [""] + localExpensesSection() + [""] + participantsSection(columns)
        return out.joined(separator: "\n") + "\n"
    }

    /// The event, its dates, venue and offices, the roster as read, the source.
    private func heading() -> [String] {
        let event = budget.event
        var out = ["TRAVEL BUDGET  \(event.id)"]
        if event.isDraft { out.append(AssumptionText.draftNotice.uppercased()) }
        out += L.wrap(event.title)
        var dates = "\(event.start.long) to \(event.end.long)"
        if let note = event.datesNote { dates += " (\(note))" }
        let indent = String(repeating: " ", count: 16)
        out += L.wrap(dates, first: "Dates:          ", indent: indent)
        out += L.wrap(event.venue, first: "Venue:          ", indent: indent)
        out += L.wrap(event.payingOffices.joined(separator: "; "), first: "Paying offices: ", indent: indent)
        let count = CostLineText.headcount(budget.lines)
        let priced = budget.leftOut.isEmpty ? count : "\(count) priced of \(budget.lines.count + budget.leftOut.count) on the roster"
        out += L.wrap("\(budget.rosterName), \(priced)", first: "Roster:         ", indent: indent)
        if let unused = RosterNotes.unusedColumns(budget.unusedColumns) { out += L.wrap(unused, first: "Not read:       ", indent: indent) }
        out += RosterNotes.readingLines(budget.rosterNotes)
        out += L.wrap(event.source, first: "Source:         ", indent: indent)
        return out
    }

    /// What the table's columns mean.
    private func explanation() -> [String] {
        guard budget.event.hasDeclaredLines else {
            return L.wrap("Amounts in US$. Assisted = min(fare, cap): the airfare the event pays. Share = fare - assisted: "
                + "what the participant pays. Total = assisted + local expenses: the cost to the paying offices "
                + "(the participant share is not in it).")
        }
        return L.wrap("Amounts in US$. Assisted = min(fare, cap): the airfare the event pays (a resource person's by the role's "
            + "rule, below). Share = fare - assisted: what the participant pays. Other = the event's other lines per person "
            + "(Cost lines, below). Total = assisted + local expenses + other: the cost to the paying offices (the participant "
            + "share is not in it); the event costs come on top of the table.")
    }

    /// The participants by region with subtotals, the total, and the event costs with the grand total.
    private func table(_ columns: Columns) -> [String] {
        let rule = String(repeating: "-", count: min(columns.width, L.width))
        let headers = ["Fare", "Cap", "Assisted", "Share", "Local"] + (columns.money.count > 6 ? ["Other"] : []) + ["Total"]
        var out = row(columns, id: "ID", departure: "Departure", headers, "Flags")
        out.append(rule)
        for region in budget.regions {
            out.append(region.region)
            for line in region.lines {
                let other = columns.money.count > 6 ? [money(line.declaredAmounts.sum())] : []
                out += row(columns, id: line.participant.id, departure: line.participant.country.name,
                           [money(line.participant.fare), money(line.cap), money(line.assistedAirfare),
                            money(line.participantShare), money(line.localExpenses)] + other + [money(line.total)],
                           line.flags.map(TextReport.code).joined(separator: " "))
            }
            out += totalsRow(columns, "  \(region.region) (\(region.subtotal.participants))", region.subtotal)
            out.append("")
        }
        out.append(String(repeating: "=", count: min(columns.width, L.width)))
        let hasRoles = budget.lines.contains { $0.participant.role != .participant }
        let count = hasRoles ? counted(budget.lines.count, "person", plural: "people") : CostLineText.headcount(budget.lines)
        out += totalsRow(columns, "TOTAL (\(count))", budget.totals)
        guard !budget.eventCosts.isEmpty else { return out }
        out.append("")
        out.append("Event costs (once for the event)")
        let width = max(budget.eventCosts.map(\.name.count).max() ?? 0, 11)
        for cost in budget.eventCosts {
            out.append("  " + L.left(cost.name, width) + "  " + L.right(cost.amount.grouped, 14))
        }
        out.append("  " + L.left("GRAND TOTAL", width) + "  " + L.right(budget.grandTotal.grouped, 14) + "  (the table's total and the event costs)")
        return out
    }

    /// Who awaits a cap, and the rows not in the plan.
    private func afterTable() -> [String] {
        var out: [String] = []
        let awaiting = budget.awaitingCap
        if !awaiting.isEmpty {
            out.append("")
            out += L.wrap(AwaitingCapText.sentence(ids: awaiting.map(\.participant.id), fares: budget.awaitingCapFares,
                                                   withoutFare: budget.awaitingCapWithoutFare))
        }
        if !budget.notPlanned.isEmpty {
            let ids = IDText.list(budget.notPlanned.map(\.id))
            out.append("")
            out += L.wrap("Not in the plan: \(budget.notPlanned.count) roster row(s) marked planned = no (\(ids)) are not costed here; "
                + "`travel-budget reconcile` sets them against the plan.")
        }
        return out
    }

    /// Every flag that occurs, with whom it flags and what it means.
    private func flagsSection() -> [String] {
        var out = ["Flags"]
        let counts = budget.flagCounts
        if counts.isEmpty { out.append("  none") }
        for (flag, n) in counts {
            let ids = IDText.list(budget.lines.filter { $0.flags.contains(flag) }.map(\.participant.id))
            out += L.wrap("\(flag.rawValue) (\(n): \(ids)): \(flag.explanation(under: budget.event)).",
                          first: "  \(TextReport.code(flag))  ", indent: "     ")
        }
        return out
    }

    /// What local expenses cover, who pays them, and every planning assumption.
    private func localExpensesSection() -> [String] {
        let event = budget.event
        var out = ["Local expenses"]
        out += L.wrap("Cover \(event.localExpenses.covers), paid by \(event.localExpenses.coveredBy) (announcement).",
                      first: "  ", indent: "  ")
        out += L.wrap("Participants pay: \(event.localExpenses.participantsPay) (announcement).", first: "  ", indent: "  ")
        for sentence in AssumptionText.all(event) {
            out += L.wrap(sentence, first: "  ", indent: "  ")
        }
        return out
    }

    /// Names and organizations with each one's covered nights and days (withheld when redacted).
    private func participantsSection(_ columns: Columns) -> [String] {
        var out = ["Participants"]
        guard !options.redact else {
            return out + ["  names and organizations withheld (redacted report); the roster holds them by id"]
        }
        for line in budget.lines {
            let p = line.participant
            let org = p.organization.isEmpty ? "" : " — \(p.organization)"
            out += L.wrap("\(p.name)\(org) — \(counted(line.nights, "night")), \(counted(line.days, "day"))",
                          first: "  " + L.left(p.id, columns.id) + " ", indent: String(repeating: " ", count: columns.id + 3))
        }
        return out
    }
}
