import BudgetCore
import JSONText
import Foundation

/// A budget's summary without its participant lines (a very large roster's lines go to the workbook): totals by region
/// and paying office, flags, the awaiting-cap exposure, eligibility and assumptions: the text report's part for a budget
/// kept as running totals.
extension TextReport {
    private typealias L = TextLayout

    /// The summary as text.
    func summary(_ budget: Budget, linesAt: String) -> String {
        let event = budget.event
        let t = budget.totals
        var out = ["TRAVEL BUDGET  \(event.id)  (summary)"]
        out += L.wrap(event.title)
        out += L.wrap("\(budget.rosterName), \(counted(t.participants, "participant")) priced", first: "Roster:         ", indent: String(repeating: " ", count: 16))
        out += L.wrap("the participant lines are in \(linesAt)", first: "Lines:          ", indent: String(repeating: " ", count: 16))
        if let unused = RosterNotes.unusedColumns(budget.unusedColumns) {
            out += L.wrap(unused, first: "Not read:       ", indent: String(repeating: " ", count: 16))
        }
        out += RosterNotes.readingLines(budget.rosterNotes)
        out.append("")
        let head = L.left("Region", 28) + L.right("Participants", 13) + L.right("Assisted", 16) + L.right("Share", 16)
            + L.right("Local", 16) + L.right("Total", 11)
        func row(_ label: String, _ c: CostTotals) -> String {
            L.left(L.clip(label, 27), 28) + L.right(String(c.participants), 13) + L.right(c.assistedAirfare.grouped, 16)
                + L.right(c.participantShare.grouped, 16) + L.right(c.localExpenses.grouped, 16) + L.right(c.total.grouped, 11)
        }
        out.append(head)
        out.append(String(repeating: "-", count: head.count))
        for region in budget.regions { out.append(row(region.region, region.subtotal)) }
        out.append(String(repeating: "=", count: head.count))
        out.append(row("TOTAL", t))
        out.append("")
        if event.hasDeclaredLines {
            out.append("Cost lines")
            for sentence in CostLineText.personLines(budget) + CostLineText.eventCosts(budget) {
                out += L.wrap(sentence, first: "  ", indent: "    ")
            }
            out += L.wrap("Grand total (the participants' lines and the event costs): US$ \(budget.grandTotal.grouped).", first: "  ", indent: "  ")
            out.append("")
        }
        out.append("Paying offices")
        for office in budget.offices {
            let other = event.hasDeclaredLines
                ? "other lines \(office.amounts.dropFirst(2).sum().grouped); event costs \(office.eventCosts.sum().grouped); " : ""
            out += L.wrap("assisted \(office.assistedAirfare.grouped); local \(office.localExpenses.grouped); \(other)"
                          + "total \((event.hasDeclaredLines ? office.grandTotal : office.assistedAirfare + office.localExpenses).grouped)",
                          first: "  \(office.share.office): ", indent: "    ")
        }
        out += L.wrap(event.costSharing.basis, first: "  ", indent: "  ")
        if budget.awaitingCapCount > 0 {
            out.append("")
            out += L.wrap("Awaiting a cap: \(AwaitingCapText.people(budget.awaitingCapCount))"
                          + AwaitingCapText.fares(count: budget.awaitingCapCount, fares: budget.awaitingCapFares,
                                                  withoutFare: budget.awaitingCapWithoutFare) + "; "
                          + "no assisted airfare is budgeted for them until the organisers agree a cap.")
        }
        if budget.quotedFareCount > 0 {
            out.append("")
            out.append("Fares quoted in other currencies")
            for sentence in QuotedFareText.sentences(budget) { out += L.wrap(sentence, first: "  ", indent: "    ") }
        }
        out.append("")
        out.append("Flags")
        if budget.flagCounts.isEmpty { out.append("  none") }
        for (flag, count) in budget.flagCounts {
            out += L.wrap("\(flag.rawValue) (\(count)): \(flag.explanation(under: event)).", first: "  \(flag.letter)  ", indent: "     ")
        }
        out.append("")
        out.append("Eligibility")
        for sentence in EligibilityReport.budgetSentences(budget) { out += L.wrap(sentence, first: "  ", indent: "  ") }
        out.append("")
        out.append("Local expenses")
        for sentence in AssumptionText.all(event) { out += L.wrap(sentence, first: "  ", indent: "  ") }
        return out.joined(separator: "\n") + "\n"
    }
}

/// The JSON report's document for a budget kept as running totals (the same keys as the full report's where they mean
/// the same).
extension JSONReport {
    struct SummaryDocument: Encodable {
        let event: String
        let roster: String
        /// The roster's headers that no rule reads.
        let unused_columns: [String]
        /// How the roster was read (total rows left out, columns read by what they hold); left out when there is nothing to say.
        let roster_notes: [String]?
        /// The rates that converted fares quoted in other currencies; left out when every fare is in US$.
        let fare_rates: [FareRateNote]?
        let participant_lines: String
        let totals: Totals
        let regions: [JSONReport.Region]
        let offices: [JSONReport.Office]
        let awaiting_cap: SummaryAwaitingCap
        let flags: [FlagNote]
        let eligibility: SummaryEligibility
        let assumptions: [String]
        let cost_lines: [JSONReport.CostLineNote]?
        let event_costs: [JSONReport.EventCostNote]?
        let grand_total: String?
    }

    struct SummaryAwaitingCap: Encodable {
        let count: Int
        let participants: [String]
        let fares: String
        /// How many of them have no fare quoted (an unknown amount each); left out when none.
        let no_fare_quoted: Int?
    }

    struct SummaryEligibility: Encodable {
        let who: String
        let left_out: Int
        let not_known: Int
    }

    /// The summary as JSON (money as strings with two decimals, keys sorted; the same keys as the full report's where they
    /// mean the same).
    func summary(_ b: Budget, linesAt: String) throws(JSONTextError) -> String {
        let document = SummaryDocument(
            event: b.event.id, roster: b.rosterName, unused_columns: b.unusedColumns,
            roster_notes: b.rosterNotes.isEmpty ? nil : b.rosterNotes, fare_rates: FareRateNote.all(b), participant_lines: linesAt,
            totals: JSONReport.Totals(b.totals, event: b.event),
            regions: b.regions.map { JSONReport.Region(region: $0.region, totals: JSONReport.Totals($0.subtotal, event: b.event)) },
            offices: b.offices.map { JSONReport.Office($0, event: b.event) },
            awaiting_cap: SummaryAwaitingCap(count: b.awaitingCapCount, participants: b.awaitingCapIDs, fares: b.awaitingCapFares.plain,
                                             no_fare_quoted: b.awaitingCapWithoutFare == 0 ? nil : b.awaitingCapWithoutFare),
            flags: b.flagCounts.map { JSONReport.FlagNote(flag: $0.flag.rawValue, letter: $0.flag.letter, participants: $0.count, meaning: $0.flag.explanation(under: b.event)) },
            eligibility: SummaryEligibility(who: b.who.rawValue, left_out: b.leftOutCount, not_known: b.eligibilityNotKnown),
            assumptions: AssumptionText.all(b.event),
            cost_lines: JSONReport.costLines(b), event_costs: JSONReport.eventCosts(b),
            grand_total: b.event.hasDeclaredLines ? b.grandTotal.plain : nil)
        return try JSONText.render(document)
    }
}
