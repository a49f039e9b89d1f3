import BudgetCore

/// The budget as CSV: one row per participant, then one row per region subtotal, the total, and notes
/// (the flags' meanings and the assumptions). A budget kept as running totals (a very large roster) gives the same rows
/// without the participants, and a first note saying where the lines are.
public struct CSVReport {
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

    public static let header = ["row", "id", "name", "organization", "country", "region", "fare_usd", "cap_usd",
                         "assisted_airfare_usd", "participant_share_usd", "nights", "days",
                         "local_expenses_usd", "total_usd", "flags"]

    /// A CSV field: quoted where needed; text a spreadsheet would take for a formula gets a leading apostrophe.
    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        return text
    }

    /// A row as CSV: cells in `numeric` that are plain numbers (`-303.65`) stay numbers; every other cell is a `field`.
    static func line(_ cells: [String], numeric: some Collection<Int>) -> String {
        cells.enumerated().map { index, cell in
            numeric.contains(index) && CSVReport.isPlainNumber(cell) ? cell : CSVReport.field(cell)
        }.joined(separator: ",")
    }

    /// `-303.65`, `12.5`, `4`: what a spreadsheet reads as a number, never as a formula.
    static func isPlainNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The columns after `flags` for an event that declares other lines: `role`, then `<key>_usd` for each declared per-person
    /// line; none otherwise.
    static func declaredColumns(_ event: Event) -> [String] {
        event.hasDeclaredLines ? ["role"] + event.personLines.dropFirst(2).map { "\($0.key)_usd" } : []
    }

    /// The columns added after `flags` when a fare was quoted in another currency: the quoted amount, its currency and the
    /// rate (units per US$1) that converted it to `fare_usd`.
    public static let quotedFareHeader = ["fare_quoted", "fare_currency", "fare_rate"]

    /// The CSV text (CRLF line ends, as RFC 4180 and Excel expect).
    public func render() -> String {
        let event = budget.event
        let quoted = !budget.isStreamed && budget.quotedFareCount > 0
        let quotedColumns = quoted ? CSVReport.quotedFareHeader : []
        let extra = CSVReport.declaredColumns(event)
        var rows: [[String]] = [CSVReport.header + quotedColumns + extra]
        let blank = Array(repeating: "", count: CSVReport.header.count - 3)
        // Rows with figures in the declared lines' columns leave the quoted-fare columns empty.
        let beforeExtra = Array(repeating: "", count: quotedColumns.count)
        func declared(_ amounts: [Money]) -> [String] {
            extra.isEmpty ? [] : (1..<extra.count).map { index in index + 1 < amounts.count ? amounts[index + 1].plain : "0.00" }
        }
        if budget.isStreamed {
            rows.append(["note", "", "Summary: the participant lines are not listed here; they are in \(linesAt ?? "the workbook")"] + blank)
        }
        for line in budget.lines {
            let p = line.participant
            rows.append(["participant", p.id, options.name(p), options.organization(p), p.country.name, line.region,
                         p.fare?.plain ?? "", line.cap?.plain ?? "", line.assistedAirfare.plain,
                         line.participantShare.plain, String(line.nights), String(line.days),
                         line.localExpenses.plain, line.total.plain, line.flags.map(\.rawValue).joined(separator: " ")]
                         + (quoted ? p.quotedFare.map { [$0.amount.plain, $0.currency, $0.rate.rate.description] } ?? ["", "", ""] : [])
                         + (extra.isEmpty ? [] : [p.role.rawValue] + declared(line.amounts)))
        }
        func totals(_ kind: String, _ label: String, _ t: CostTotals) -> [String] {
            [kind, "", "", "", "", label, "", "", t.assistedAirfare.plain, t.participantShare.plain, "", "",
             t.localExpenses.plain, t.total.plain, t.participants == 1 ? "1 participant" : "\(t.participants) participants"]
                + (extra.isEmpty ? [] : beforeExtra + [""] + declared(t.amounts))
        }
        for region in budget.regions { rows.append(totals("region", region.region, region.subtotal)) }
        rows.append(totals("total", "", budget.totals))
        for cost in budget.eventCosts {
            rows.append(["event-cost", cost.key, cost.name, "", "", "", "", "", "", "", "", "", "", cost.amount.plain,
                         CostLineText.basis(cost, event: event) + CostLineText.officeParts(cost.offices, budget)])
        }
        if event.hasDeclaredLines {
            rows.append(["grand-total", "", "", "", "", "", "", "", "", "", "", "", "", budget.grandTotal.plain,
                         "the participants' total and the event costs"])
        }
        for office in budget.offices {
            let split = "airfare \(formatPercent(office.share.airfareBasisPoints)), local expenses \(formatPercent(office.share.localExpensesBasisPoints))"
            rows.append(["office", "", "", "", "", office.share.office, "", "", office.assistedAirfare.plain, "", "", "",
                         office.localExpenses.plain, (event.hasDeclaredLines ? office.grandTotal : office.total).plain,
                         event.hasDeclaredLines ? split + "; total with its part of the other lines (\(office.amounts.dropFirst(2).sum().plain)) "
                             + "and of the event costs (\(office.eventCosts.sum().plain))" : split]
                         + (extra.isEmpty ? [] : beforeExtra + [""] + declared(office.amounts)))
        }
        for h in budget.headroom {
            rows.append(["ceiling", "", "", "", "", HeadroomText.scope(h), "", "", "", "", "", "", "", h.spent.plain, HeadroomText.csvNote(h)])
        }
        // What the figures rest on, one note a row (text in the `name` column), so the CSV stands on its own.
        if !budget.notPlanned.isEmpty {
            rows.append(["note", "", "Not in the plan (planned = no): " + IDText.list(budget.notPlanned.map(\.id))] + blank)
        } else if budget.notPlannedCount > 0 {
            rows.append(["note", "", "Not in the plan (planned = no): \(budget.notPlannedCount) row(s)"] + blank)
        }
        for (flag, count) in budget.flagCounts {
            rows.append(["note", "", "\(flag.rawValue) (\(count)): \(flag.explanation(under: budget.event))"] + blank)
        }
        if let unused = RosterNotes.unusedColumnsSentence(budget.unusedColumns) { rows.append(["note", "", unused] + blank) }
        for note in budget.rosterNotes { rows.append(["note", "", note] + blank) }
        for sentence in QuotedFareText.sentences(budget) { rows.append(["note", "", sentence] + blank) }
        for sentence in CostLineText.personLines(budget) + CostLineText.roles(budget) { rows.append(["note", "", sentence] + blank) }
        for sentence in AssumptionText.all(budget.event) + [budget.event.costSharing.basis] + EligibilityReport.budgetSentences(budget) { rows.append(["note", "", sentence] + blank) }
        // Every row as wide as the header; the quoted amount and the rate, and the declared lines' amounts, stay numbers.
        let width = rows[0].count
        let declaredStart = CSVReport.header.count + quotedColumns.count + 1
        let numeric = Array(6...13) + (quoted ? [15, 17] : []) + (extra.isEmpty ? [] : Array(declaredStart ..< declaredStart + extra.count - 1))
        return rows.map { CSVReport.line($0 + Array(repeating: "", count: max(0, width - $0.count)), numeric: numeric) }.joined(separator: "\r\n") + "\r\n"
    }
}
