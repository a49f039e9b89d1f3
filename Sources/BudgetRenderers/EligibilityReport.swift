import BudgetCore
import JSONText
import Foundation

/// The eligibility verdicts of a roster under an event's rules, as text or JSON (`travel-budget check`).
public struct EligibilityReport {
    public let event: Event
    public let participants: [Participant]
    public let rosterName: String
    public let options: RenderOptions

    public init(event: Event, participants: [Participant], rosterName: String, options: RenderOptions = RenderOptions()) {
        self.event = event
        self.participants = participants
        self.rosterName = rosterName
        self.options = options
    }

    private var verdicts: [(Participant, Verdict)] {
        let check = EligibilityCheck(event: event)
        return participants.map { ($0, check.verdict($0)) }
    }

    /// The rules in words, from the event file.
    public static func rules(_ event: Event) -> [String] {
        let notFunded = "Other points of departure are not funded (\(event.otherPointsWords)): a participant from one is not "
            + "eligible unless a cap is agreed with the organisers (cap_override_usd)."
        var out = AssumptionText.draft(event)
        guard let rules = event.eligibility else {
            return out + ["The event file states no eligibility rules."] + (event.otherPointsOfDeparture == .notFunded ? [notFunded] : [])
        }
        if !rules.deadlines.isEmpty {
            out.append("Deadlines: " + rules.deadlines.map { d in
                d.date.long + (d.passport.map { " (\($0.rawValue) passports)" } ?? "")
            }.joined(separator: "; ") + ". Late applications are not accepted.")
        }
        if !rules.documents.isEmpty {
            out.append("Documents (\(rules.documents.count)): " + rules.documents.map { "\($0.name) [\($0.short)]" }.joined(separator: "; ")
                       + ". An application without them is not considered.")
        }
        if let open = rules.openTo {
            out.append("Open to \(open.count) countries: \(open.joined(separator: ", ")).")
            if event.otherPointsOfDeparture == .notFunded { out.append(notFunded) }
        } else {
            switch event.otherPointsOfDeparture {
            case .contactOrganisers: out.append("Open to the points of departure in the cap table; others after contacting the organisers.")
            case .notFunded: out.append("Open to the points of departure in the cap table. " + notFunded)
            }
        }
        out.append("Participation is subject to approval by the organisers.")
        return out
    }

    /// The verdicts as text, one participant a block, then the counts.
    public func text() -> String {
        typealias L = TextLayout
        var out = ["ELIGIBILITY  \(event.id)"]
        out += L.wrap(event.title)
        let count = participants.count == 1 ? "1 participant" : "\(participants.count) participants"
        out += L.wrap("\(rosterName), \(count)", first: "Roster: ", indent: "        ")
        out.append("")
        for sentence in EligibilityReport.rules(event) { out += L.wrap(sentence, first: "  ", indent: "  ") }
        out.append("")
        let judged = verdicts
        let idWidth = min(max(2, participants.map(\.id.count).max() ?? 2), 12)
        out.append(L.left("ID", idWidth) + "  " + L.left("Verdict", 14) + "Reasons")
        out.append(String(repeating: "-", count: L.width))
        for (p, verdict) in judged {
            let lead = L.left(p.id, idWidth) + "  " + L.left(verdict.word, 14)
            out += L.wrap(verdict.reasons.joined(separator: "; "), first: lead, indent: String(repeating: " ", count: lead.count))
        }
        out.append("")
        let eligible = judged.filter { $0.1.eligible == true }.count
        let not = judged.filter { $0.1.eligible == false }.count
        let unknown = judged.filter { $0.1.eligible == nil }.count
        out += L.wrap("Eligible \(eligible), not eligible \(not), not known \(unknown). A missing column or an empty cell is "
                      + "\"not known\", never \"eligible\".")
        return out.joined(separator: "\n") + "\n"
    }

    struct Document: Encodable {
        let event: String
        let roster: String
        let rules: [String]
        let participants: [Entry]
        let counts: Counts
    }

    /// A participant's verdict: `id`, `eligible` (true, false or null) and `reasons`, as the cost report's left-out list.
    typealias Entry = JSONReport.LeftOut

    struct Counts: Encodable {
        let eligible: Int
        let not_eligible: Int
        let not_known: Int
    }

    /// The verdicts as JSON: a `participants` array of `id`, `eligible` (true, false or null) and `reasons`.
    public func json() throws(JSONTextError) -> String {
        let judged = verdicts
        let document = Document(
            event: event.id, roster: rosterName, rules: EligibilityReport.rules(event),
            participants: judged.map { Entry(id: $0.0.id, eligible: $0.1.eligible, reasons: $0.1.reasons) },
            counts: Counts(eligible: judged.filter { $0.1.eligible == true }.count,
                           not_eligible: judged.filter { $0.1.eligible == false }.count,
                           not_known: judged.filter { $0.1.eligible == nil }.count))
        return try JSONText.render(document)
    }

    /// What a budget left out and what it does not know, in sentences for every report; `hints` adds what the preparer at the
    /// keyboard can type (`--who`, `travel-budget check`), left out of a workbook's printed pages.
    public static func budgetSentences(_ budget: Budget, hints: Bool = true) -> [String] {
        var out = [hints ? "Priced: \(budget.who.words) (--who \(budget.who.rawValue))." : "Priced: \(budget.who.words)."]
        /// ", and N more" when a list names only the first few.
        func more(_ shown: Int, of count: Int) -> String { shown < count ? ", and \(count - shown) more" : "" }
        if budget.leftOutCount == 0 {
            out.append("Left out: nobody.")
        } else {
            let examples = budget.leftOutExamples
            out.append("Left out: \(budget.leftOutCount) — " + examples.map { p, verdict in
                let why = verdict.why.isEmpty ? ["not approved (status: \(verdict.status?.rawValue ?? "not known"))"] : verdict.why
                return "participant \(p.id) (\(verdict.word): \(why.joined(separator: "; ")))"
            }.joined(separator: "; ") + more(examples.count, of: budget.leftOutCount) + ".")
        }
        let count = budget.eligibilityNotKnown
        let rules = budget.event.eligibility
        let asksApplications = !(rules?.deadlines.isEmpty ?? true) || !(rules?.documents.isEmpty ?? true)
        let check = hints ? "`travel-budget check` gives each one's reasons; " : ""
        if count > 0, asksApplications, !budget.rosterGivesApplications {
            // Said once, not for every participant: the roster has no application dates or documents at all.
            let all = count == budget.totals.participants
            out.append("The roster gives no application dates and no documents received, so whether anyone applied on time with "
                       + "every document is not known: eligibility is not known for \(all && count > 1 ? "all \(count)" : "\(count)") priced "
                       + "participant\(count == 1 ? "" : "s") (\(check)a missing column or an empty cell is not known, never eligible).")
        } else if count > 0 {
            out.append("Eligibility not known for \(count) priced participant\(count == 1 ? "" : "s"): "
                       + IDText.list(budget.notKnownIDs, more: count - budget.notKnownIDs.count)
                       + " (\(hints ? "see `travel-budget check`; " : "")an empty cell or a missing column is not known, never eligible).")
        }
        return out
    }
}
