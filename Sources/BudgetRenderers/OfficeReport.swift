import BudgetCore
import JSONText
import Foundation

/// One paying office's own budget: its part of every participant's line and its totals, as text, JSON or CSV.
public struct OfficeReport {
    public let budget: Budget
    public let office: OfficeBudget
    public let options: RenderOptions

    public init(_ budget: Budget, office: OfficeBudget, options: RenderOptions = RenderOptions()) {
        self.budget = budget
        self.office = office
        self.options = options
    }

    /// The office a name means: its full name or its first word, in any case; nil when none or several match.
    public static func office(named name: String, in budget: Budget) -> OfficeBudget? {
        let key = name.lowercased()
        let matches = budget.offices.filter { o in
            o.office.lowercased() == key || o.office.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first?.lowercased() == key
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// A file-name part for the office: `unitar`, `rso`.
    public static func slug(_ office: OfficeBudget) -> String {
        (office.office.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map(String.init) ?? "office").lowercased()
    }

    private func how(_ line: OfficeLine) -> String {
        if let payer = line.costing.participant.paidBy { return payer == office.office ? "paid in full (paid_by)" : "paid by \(payer)" }
        return "shares"
    }

    /// The office's budget as text.
    public func text() -> String {
        typealias L = TextLayout
        let event = budget.event
        let share = office.share
        var out = ["OFFICE BUDGET  \(event.id)  \(office.office)"]
        for sentence in AssumptionText.draft(event) { out += L.wrap(sentence) }
        out += L.wrap(event.title)
        out += L.wrap("\(budget.rosterName), \(counted(budget.lines.count, "participant")) priced (\(budget.who.words))", first: "Roster: ", indent: "        ")
        if let unused = RosterNotes.unusedColumnsSentence(budget.unusedColumns) { out += L.wrap(unused, first: "        ", indent: "        ") }
        for note in budget.rosterNotes { out += L.wrap(note, first: "        ", indent: "        ") }
        for sentence in QuotedFareText.sentences(budget) { out += L.wrap(sentence, first: "        ", indent: "        ") }
        out += L.wrap("\(formatPercent(share.airfareBasisPoints)) of each assisted airfare and \(formatPercent(share.localExpensesBasisPoints)) "
                      + "of each participant's local expenses, unless the roster's paid_by gives the whole line to one office. "
                      + event.costSharing.basis)
        out.append("")
        let idWidth = min(max(2, budget.lines.map(\.participant.id.count).max() ?? 2), 10)
        let head = L.left("ID", idWidth) + " " + L.left("Departure", 18) + L.right("Assisted", 11) + L.right("Office", 11)
            + L.right("Local", 11) + L.right("Office", 11) + L.right("Office total", 14) + "  How"
        out.append(head)
        out.append(String(repeating: "-", count: min(head.count + 20, L.width)))
        for line in office.lines {
            let p = line.costing.participant
            out.append(L.left(p.id, idWidth) + " " + L.left(L.clip(p.country.name, 17), 18)
                       + L.right(line.costing.assistedAirfare.grouped, 11) + L.right(line.assistedAirfare.grouped, 11)
                       + L.right(line.costing.localExpenses.grouped, 11) + L.right(line.localExpenses.grouped, 11)
                       + L.right(line.total.grouped, 14) + "  " + how(line))
        }
        out.append(String(repeating: "=", count: min(head.count + 20, L.width)))
        out.append(L.left("TOTAL", idWidth + 19) + L.right(budget.totals.assistedAirfare.grouped, 11) + L.right(office.assistedAirfare.grouped, 11)
                   + L.right(budget.totals.localExpenses.grouped, 11) + L.right(office.localExpenses.grouped, 11)
                   + L.right(office.total.grouped, 14))
        out.append("")
        if event.hasDeclaredLines {
            out.append("Other lines and event costs (this office's part of the whole)")
            for (name, whole, part) in otherParts() {
                out.append("  " + L.left(L.clip(name, 40), 40) + L.right(whole.grouped, 14) + L.right(part.grouped, 14))
            }
            out.append("  " + L.left("GRAND TOTAL", 40) + L.right(budget.grandTotal.grouped, 14) + L.right(office.grandTotal.grouped, 14))
            out.append("")
            out += L.wrap("Office total in the table includes this office's part of the other per-person lines.")
        }
        out += L.wrap("Assisted and Local are the participant's whole line; Office is this office's part. Every office but the last "
                      + "pays its share rounded half up to the cent and the last pays the rest, so the offices' budgets add up to the "
                      + "event's total of US$ \((event.hasDeclaredLines ? budget.grandTotal : budget.totals.total).grouped).")
        if options.redact { out.append("Names and organizations withheld (redacted).") }
        return out.joined(separator: "\n") + "\n"
    }

    /// Each declared per-person line and each event cost: its name, the whole amount and this office's part.
    private func otherParts() -> [(name: String, whole: Money, part: Money)] {
        let event = budget.event
        let lines = event.personLines.indices.dropFirst(2).map { index in
            (event.personLines[index].name, index < budget.totals.amounts.count ? budget.totals.amounts[index] : .zero,
             index < office.amounts.count ? office.amounts[index] : .zero)
        }
        return lines + zip(budget.eventCosts, office.eventCosts).map { ($0.name, $0.amount, $1) }
    }

    /// A declared line's or event cost's whole amount and this office's part, for JSON.
    struct OtherPart: Encodable {
        let name: String
        let amount: String
        let office_part: String
    }

    struct Document: Encodable {
        let event: String
        let office: String
        let airfare_share_percent: String
        let local_expenses_share_percent: String
        let basis: String
        let lines: [Line]
        let assisted_airfare: String
        let local_expenses: String
        let total: String
        let event_total: String
        /// The draft notice, for a draft event only (left out otherwise).
        let draft: String?
        /// The other lines and event costs, this office's whole part and the event's grand total; left out unless declared.
        let other_lines: [OtherPart]?
        let grand_total: String?
        let event_grand_total: String?
    }

    struct Line: Encodable {
        let id: String
        let name: String
        let country: String
        let assisted_airfare: String
        let office_airfare: String
        let local_expenses: String
        let office_local_expenses: String
        let office_total: String
        let how: String
    }

    /// The office's budget as JSON (money as strings with two decimals).
    public func json() throws(JSONTextError) -> String {
        let document = Document(
            event: budget.event.id, office: office.office,
            airfare_share_percent: percentText(office.share.airfareBasisPoints),
            local_expenses_share_percent: percentText(office.share.localExpensesBasisPoints),
            basis: budget.event.costSharing.basis,
            lines: office.lines.map { line in
                let p = line.costing.participant
                return Line(id: p.id, name: options.name(p), country: p.country.name, assisted_airfare: line.costing.assistedAirfare.plain,
                            office_airfare: line.assistedAirfare.plain, local_expenses: line.costing.localExpenses.plain,
                            office_local_expenses: line.localExpenses.plain, office_total: line.total.plain, how: how(line))
            },
            assisted_airfare: office.assistedAirfare.plain, local_expenses: office.localExpenses.plain, total: office.total.plain,
            event_total: budget.totals.total.plain, draft: AssumptionText.draft(budget.event).first,
            other_lines: budget.event.hasDeclaredLines ? otherParts().map { OtherPart(name: $0.name, amount: $0.whole.plain, office_part: $0.part.plain) } : nil,
            grand_total: budget.event.hasDeclaredLines ? office.grandTotal.plain : nil,
            event_grand_total: budget.event.hasDeclaredLines ? budget.grandTotal.plain : nil)
        return try JSONText.render(document)
    }

    /// The office's budget as CSV: a row per participant, then the total.
    public func csv() -> String {
        var rows = [["row", "id", "name", "country", "assisted_airfare_usd", "office_airfare_usd", "local_expenses_usd",
                     "office_local_expenses_usd", "office_total_usd", "how"]]
        for line in office.lines {
            let p = line.costing.participant
            rows.append(["participant", p.id, options.name(p), p.country.name, line.costing.assistedAirfare.plain, line.assistedAirfare.plain,
                         line.costing.localExpenses.plain, line.localExpenses.plain, line.total.plain, how(line)])
        }
        rows.append(["total", "", office.office, "", budget.totals.assistedAirfare.plain, office.assistedAirfare.plain,
                     budget.totals.localExpenses.plain, office.localExpenses.plain, office.total.plain, ""])
        if budget.event.hasDeclaredLines {
            for (name, whole, part) in otherParts() { rows.append(["other-line", "", name, "", "", "", "", "", part.plain, "of US$ \(whole.plain)"]) }
            rows.append(["grand-total", "", office.office, "", "", "", "", "", office.grandTotal.plain, "of US$ \(budget.grandTotal.plain)"])
        }
        for sentence in AssumptionText.draft(budget.event) { rows.append(["note", "", sentence] + Array(repeating: "", count: 7)) }
        return rows.map { $0.map(CSVReport.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
