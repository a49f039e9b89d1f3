import BudgetCore
import JSONText
import Foundation

/// The budget as JSON: money as strings with two decimals, keys sorted, the same bytes for the same input. The one JSON
/// report at every size: a budget kept as running totals gives its summary document, with `participant_lines` saying
/// where the lines are.
public struct JSONReport {
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

    public struct Document: Encodable {
        public let event: String
        public let title: String
        public let start: String
        public let end: String
        public let paying_offices: [String]
        public let currency: String
        public let roster: String
        /// The roster's headers that no rule reads.
        public let unused_columns: [String]
        /// How the roster was read (total rows left out, columns read by what they hold); left out when there is nothing to say.
        public let roster_notes: [String]?
        /// The rates that converted fares quoted in other currencies; left out when every fare is in US$.
        public let fare_rates: [FareRateNote]?
        public let participants: [Line]
        public let regions: [Region]
        public let totals: Totals
        public let awaiting_cap: AwaitingCap
        public let offices: [Office]
        public let cost_sharing: CostSharingNote
        public let headroom: [ReconcileJSONReport.Ceiling]
        public let warnings: [String]
        public let not_planned: [String]
        public let eligibility: EligibilityNote
        public let flags: [FlagNote]
        public let assumptions: [String]
        /// The event file's other lines, the event costs and the whole budget; left out when the event declares none.
        public let cost_lines: [CostLineNote]?
        public let event_costs: [EventCostNote]?
        public let grand_total: String?
    }

    /// A declared cost line: what it counts, for whom, its total, and why.
    public struct CostLineNote: Encodable {
        public let key: String
        public let name: String
        public let basis: String
        public let amount: String
        public let roles: [String]
        public let self_funded: Bool
        public let total: String
        public let source: String?
        public let planning_assumption: String?
    }

    /// A cost counted once for the event, with each office's part.
    public struct EventCostNote: Encodable {
        public let key: String
        public let name: String
        public let amount: String
        public let basis: String
        public let offices: [String: String]
        public let source: String?
        public let planning_assumption: String?
    }

    /// The amounts of the declared per-person lines, by key; nil when the event declares none.
    static func declared(_ amounts: [Money], _ event: Event) -> [String: String]? {
        guard event.personLines.count > 2 else { return nil }
        var out: [String: String] = [:]
        for (line, amount) in zip(event.personLines.dropFirst(2), amounts.dropFirst(2)) { out[line.key] = amount.plain }
        return out
    }

    public struct Line: Encodable {
        public let id: String
        public let name: String
        public let organization: String
        public let country: String
        public let region: String
        @Nullable public var cap: String?      // null where there is no cap
        @Nullable public var fare: String?     // null where no fare is quoted
        public let assisted_airfare: String
        public let participant_share: String
        public let nights: Int
        public let days: Int
        public let local_expenses: String
        public let total: String
        public let flags: [String]
        /// `participant`, `resource-person` or `staff`, when the event declares other lines or the roster other roles.
        public let role: String?
        public let other_lines: [String: String]?
        /// The fare as quoted in another currency (`fare` is its conversion); left out for a fare in US$.
        public var quoted_fare: QuotedFareNote? = nil
    }

    /// A fare as quoted in another currency: the amount, the currency and the rate (units per US$1).
    public struct QuotedFareNote: Encodable {
        public let amount: String
        public let currency: String
        public let units_per_usd: String

        init(_ q: QuotedFare) {
            amount = q.amount.plain
            currency = q.currency
            units_per_usd = q.rate.rate.description
        }
    }

    /// A rate for fares in another currency, where it was stated (`event file` or `command line`), its date and source.
    public struct FareRateNote: Encodable {
        public let currency: String
        public let units_per_usd: String
        @Nullable public var date: String?
        public let source: String
        public let stated_in: String
        public let planning_assumption: Bool

        init(_ r: FareRate) {
            currency = r.currency
            units_per_usd = r.rate.description
            date = r.date?.description
            source = r.source
            stated_in = r.origin.rawValue
            planning_assumption = true
        }

        static func all(_ b: Budget) -> [FareRateNote]? { b.fareRates.isEmpty ? nil : b.fareRates.map(FareRateNote.init) }
    }

    public struct Totals: Encodable {
        public let participants: Int
        public let assisted_airfare: String
        public let participant_share: String
        public let local_expenses: String
        public let total: String
        public let other_lines: [String: String]?

        init(_ t: CostTotals, event: Event) {
            participants = t.participants
            assisted_airfare = t.assistedAirfare.plain
            participant_share = t.participantShare.plain
            local_expenses = t.localExpenses.plain
            total = t.total.plain
            other_lines = JSONReport.declared(t.amounts + Array(repeating: .zero, count: max(0, event.personLines.count - t.amounts.count)), event)
        }
    }

    /// Participants with no cap yet: no assisted airfare is budgeted for them; their fares bound the exposure.
    public struct AwaitingCap: Encodable {
        public let participants: [String]
        public let fares: String
        /// Those of them with no fare quoted (an unknown amount each); left out when there are none.
        public let no_fare_quoted: [String]?
    }

    public struct Region: Encodable {
        public let region: String
        public let totals: Totals
    }

    /// What one paying office pays; the offices' figures add up to the totals.
    public struct Office: Encodable {
        public let office: String
        public let airfare_share_percent: String
        public let local_expenses_share_percent: String
        public let assisted_airfare: String
        public let local_expenses: String
        public let total: String
        public let other_lines: [String: String]?
        public let event_costs: String?
        public let grand_total: String?

        init(_ office: OfficeBudget, event: Event) {
            self.office = office.office
            airfare_share_percent = percentText(office.share.airfareBasisPoints)
            local_expenses_share_percent = percentText(office.share.localExpensesBasisPoints)
            assisted_airfare = office.assistedAirfare.plain
            local_expenses = office.localExpenses.plain
            total = office.total.plain
            other_lines = JSONReport.declared(office.amounts, event)
            event_costs = event.hasDeclaredLines ? office.eventCosts.sum().plain : nil
            grand_total = event.hasDeclaredLines ? office.grandTotal.plain : nil
        }
    }

    /// Who is priced, who was left out and why, and whose eligibility is not known.
    public struct EligibilityNote: Encodable {
        public let who: String
        public let left_out: [LeftOut]
        public let not_known: [String]
    }

    /// A participant's verdict: `id`, `eligible` (true, false or null when not known) and every reason.
    public struct LeftOut: Encodable {
        public let id: String
        @Nullable public var eligible: Bool?   // null where not known
        public let reasons: [String]
    }

    public struct CostSharingNote: Encodable {
        public let basis: String
        public let planning_assumption: Bool
    }

    public struct FlagNote: Encodable {
        public let flag: String
        /// The flag's letter in the text reports' tables and the workbook (the one table, ``BudgetCore/Mark``).
        public let letter: String
        public let participants: Int
        public let meaning: String
    }

    /// The declared per-person lines; nil when the event declares no line.
    static func costLines(_ b: Budget) -> [CostLineNote]? {
        guard b.event.hasDeclaredLines else { return nil }
        return b.event.personLines.indices.dropFirst(2).map { index in
            let line = b.event.personLines[index]
            return CostLineNote(key: line.key, name: line.name, basis: line.basis?.rawValue ?? "", amount: CostLineText.amount(line, event: b.event),
                                roles: Role.allCases.filter(line.roles.contains).map(\.rawValue), self_funded: line.coversSelfFunded,
                                total: (index < b.totals.amounts.count ? b.totals.amounts[index] : .zero).plain,
                                source: line.source, planning_assumption: line.assumption)
        }
    }

    /// The event costs; nil when the event declares no line.
    static func eventCosts(_ b: Budget) -> [EventCostNote]? {
        guard b.event.hasDeclaredLines else { return nil }
        return b.eventCosts.map { cost in
            var offices: [String: String] = [:]
            for (office, part) in zip(b.offices, cost.offices) { offices[office.office] = part.plain }
            return EventCostNote(key: cost.key, name: cost.name, amount: cost.amount.plain, basis: CostLineText.basis(cost, event: b.event),
                                 offices: offices, source: cost.source, planning_assumption: cost.assumption)
        }
    }

    /// The JSON text, ending with a newline.
    public func render() throws(JSONTextError) -> String {
        guard let document else { return try summary(budget, linesAt: linesAt ?? "the workbook") }
        return try JSONText.render(document)
    }

    /// The report as a value, the one the JSON text encodes (the web page reads it); nil for a budget that kept no lines,
    /// whose report is its summary.
    public var document: Document? {
        guard !budget.isStreamed else { return nil }
        let b = budget
        let roles = b.event.hasDeclaredLines || b.lines.contains { $0.participant.role != .participant }
        return Document(
            event: b.event.id, title: b.event.title, start: b.event.start.description, end: b.event.end.description,
            paying_offices: b.event.payingOffices, currency: b.event.currency, roster: b.rosterName, unused_columns: b.unusedColumns,
            roster_notes: b.rosterNotes.isEmpty ? nil : b.rosterNotes,
            fare_rates: FareRateNote.all(b),
            participants: b.lines.map { line in
                let p = line.participant
                return Line(id: p.id, name: options.name(p), organization: options.organization(p), country: p.country.name,
                            region: line.region, cap: line.cap?.plain, fare: p.fare?.plain,
                            assisted_airfare: line.assistedAirfare.plain, participant_share: line.participantShare.plain,
                            nights: line.nights, days: line.days, local_expenses: line.localExpenses.plain,
                            total: line.total.plain, flags: line.flags.map(\.rawValue),
                            role: roles ? p.role.rawValue : nil, other_lines: JSONReport.declared(line.amounts, b.event),
                            quoted_fare: p.quotedFare.map(QuotedFareNote.init))
            },
            regions: b.regions.map { Region(region: $0.region, totals: Totals($0.subtotal, event: b.event)) },
            totals: Totals(b.totals, event: b.event),
            awaiting_cap: AwaitingCap(participants: b.awaitingCap.map(\.participant.id),
                                      fares: b.awaitingCapFares.plain,
                                      no_fare_quoted: b.awaitingCapWithoutFare == 0 ? nil
                                          : b.awaitingCap.filter { $0.participant.fare == nil }.map(\.participant.id)),
            offices: b.offices.map { Office($0, event: b.event) },
            cost_sharing: CostSharingNote(basis: b.event.costSharing.basis, planning_assumption: b.event.costSharing.isAssumption),
            headroom: b.headroom.map(ReconcileJSONReport.Ceiling.init),
            warnings: b.headroom.filter(\.isPassed).map { HeadroomText.warning($0, .plan) },
            not_planned: b.notPlanned.map(\.id),
            eligibility: EligibilityNote(
                who: b.who.rawValue,
                left_out: b.leftOut.map { LeftOut(id: $0.participant.id, eligible: $0.verdict.eligible, reasons: $0.verdict.reasons) },
                not_known: zip(b.lines, b.verdicts).filter { $0.1.eligible == nil }.map(\.0.participant.id)),
            flags: b.flagCounts.map { FlagNote(flag: $0.flag.rawValue, letter: $0.flag.letter, participants: $0.count, meaning: $0.flag.explanation(under: b.event)) },
            assumptions: AssumptionText.all(b.event),
            cost_lines: JSONReport.costLines(b), event_costs: JSONReport.eventCosts(b),
            grand_total: b.event.hasDeclaredLines ? b.grandTotal.plain : nil)
    }
}
