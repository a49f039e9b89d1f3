import BudgetCore
import JSONText
import Foundation

/// The plan against the actuals as JSON: money as strings with two decimals, keys sorted, the same bytes for the same input.
public struct ReconcileJSONReport {
    public let reconciliation: Reconciliation
    public let options: RenderOptions

    public init(_ reconciliation: Reconciliation, options: RenderOptions = RenderOptions()) {
        self.reconciliation = reconciliation
        self.options = options
    }

    struct Document: Encodable {
        let event: String
        let title: String
        let currency: String
        let roster: String
        /// How the roster was read (total rows left out, columns read by what they hold); left out when there is nothing to say.
        let roster_notes: [String]?
        /// The rates that converted the plan's fares quoted in other currencies; left out when every fare is in US$.
        let fare_rates: [JSONReport.FareRateNote]?
        let participants: [Line]
        let groups: [Group]
        let totals: Totals
        let footing: Footing
        let offices: [Office]
        let headroom: HeadroomNote
        let warnings: [String]
        let left_out_not_travelled: [String]
        let flags: [FlagNote]
        let rules: [String]
        let assumptions: [String]
        /// The plan's event costs (no actual is recorded for them); left out unless the event declares lines.
        let event_costs_planned: [String: String]?
    }

    /// The other lines' figures by key; nil for an event without them.
    static func other(_ amounts: [PlanActual], _ event: Event) -> [String: Figures]? {
        guard event.personLines.count > 2 else { return nil }
        var out: [String: Figures] = [:]
        for (line, amount) in zip(event.personLines.dropFirst(2), amounts) { out[line.key] = Figures(amount) }
        return out
    }

    /// A planned and an actual amount with their variance; the percentage is null where nothing was planned.
    struct Figures: Encodable {
        let planned: String
        let actual: String
        let variance: String
        @Nullable var variance_percent: String?   // null where nothing was planned

        init(_ p: PlanActual) {
            planned = p.planned.plain
            actual = p.actual.plain
            variance = p.variance.plain
            variance_percent = p.percent?.plain
        }
    }

    struct Nights: Encodable {
        let planned: Int
        @Nullable var actual: Int?   // null where not recorded
    }

    struct Line: Encodable {
        let id: String
        let name: String
        let organization: String
        let country: String
        let attendance: String
        @Nullable var cap: String?      // null where there is no cap
        @Nullable var ticket: String?   // null where no ticket is recorded
        let assisted_airfare: Figures
        let participant_share: String
        let local_expenses: Figures
        let total: Figures
        let nights: Nights
        let flags: [String]
        let other_lines: [String: Figures]?
        /// The planned fare as quoted in another currency; left out for a fare in US$.
        var quoted_fare: JSONReport.QuotedFareNote? = nil
    }

    struct Totals: Encodable {
        let participants: Int
        let assisted_airfare: Figures
        let participant_share: String
        let local_expenses: Figures
        let total: Figures
        let other_lines: [String: Figures]?

        init(_ t: ReconciliationTotals, event: Event) {
            participants = t.participants
            assisted_airfare = Figures(t.assistedAirfare)
            participant_share = t.participantShare.plain
            local_expenses = Figures(t.localExpenses)
            total = Figures(t.total)
            other_lines = ReconcileJSONReport.other(t.declared + Array(repeating: .zero, count: max(0, event.personLines.count - 2 - t.declared.count)), event)
        }
    }

    struct Group: Encodable {
        let attendance: String
        let heading: String
        let participants: [String]
        let totals: Totals
    }

    /// The check that the variances add up: their sum against actual − planned.
    struct Footing: Encodable {
        let sum_of_variances: String
        let actual_minus_planned: String
        let foots: Bool
    }

    struct Office: Encodable {
        let office: String
        let assisted_airfare: Figures
        let local_expenses: Figures
        let total: Figures
        let footing: Footing
        let other_lines: [String: Figures]?
    }

    public struct Ceiling: Encodable {
        public let scope: String
        public let ceiling: String
        public let spent: String
        public let headroom: String
        public let passed: Bool

        init(_ h: Headroom) {
            scope = HeadroomText.scope(h)
            ceiling = h.ceiling.plain
            spent = h.spent.plain
            headroom = h.headroom.plain
            passed = h.isPassed
        }
    }

    struct HeadroomNote: Encodable {
        let plan: [Ceiling]
        let actual: [Ceiling]
    }

    struct FlagNote: Encodable {
        let flag: String
        /// The flag's letter in the text reports' tables and the workbook (the one table, ``BudgetCore/Mark``).
        let letter: String
        let participants: Int
        let meaning: String
    }

    static func footing(_ sum: Money, _ total: PlanActual) -> Footing {
        Footing(sum_of_variances: sum.plain, actual_minus_planned: total.variance.plain, foots: sum == total.variance)
    }

    /// The JSON text, ending with a newline.
    public func render() throws(JSONTextError) -> String {
        let r = reconciliation
        let document = Document(
            event: r.event.id, title: r.event.title, currency: r.event.currency, roster: r.rosterName,
            roster_notes: r.plan.rosterNotes.isEmpty ? nil : r.plan.rosterNotes,
            fare_rates: JSONReport.FareRateNote.all(r.plan),
            participants: r.lines.map { line in
                let p = line.participant
                return Line(id: p.id, name: options.name(p), organization: options.organization(p), country: p.country.name,
                            attendance: line.attendance.rawValue, cap: line.costing.cap?.plain, ticket: p.actual.ticket?.plain,
                            assisted_airfare: Figures(line.assistedAirfare), participant_share: line.participantShare.plain,
                            local_expenses: Figures(line.localExpenses), total: Figures(line.total),
                            nights: Nights(planned: line.plannedNights, actual: line.actualNights), flags: line.flags.map(\.rawValue),
                            other_lines: ReconcileJSONReport.other(line.declared, r.event),
                            quoted_fare: p.quotedFare.map(JSONReport.QuotedFareNote.init))
            },
            groups: r.groups.map { Group(attendance: $0.attendance.rawValue, heading: $0.attendance.heading,
                                         participants: $0.lines.map(\.participant.id), totals: Totals($0.subtotal, event: r.event)) },
            totals: Totals(r.totals, event: r.event),
            footing: ReconcileJSONReport.footing(r.varianceSum, r.totals.total),
            offices: r.offices.map { office in
                Office(office: office.office, assisted_airfare: Figures(office.assistedAirfare), local_expenses: Figures(office.localExpenses),
                       total: Figures(office.total), footing: ReconcileJSONReport.footing(office.varianceSum, office.total),
                       other_lines: ReconcileJSONReport.other(office.declared, r.event))
            },
            headroom: HeadroomNote(plan: r.plan.headroom.map(Ceiling.init), actual: r.actualHeadroom.map(Ceiling.init)),
            warnings: r.plan.headroom.filter(\.isPassed).map { HeadroomText.warning($0, .plan) }
                + r.actualHeadroom.filter(\.isPassed).map { HeadroomText.warning($0, .actuals) },
            left_out_not_travelled: r.leftOutNotTravelled.map(\.id),
            flags: r.flagCounts.map { FlagNote(flag: $0.flag.rawValue, letter: $0.flag.letter, participants: $0.count, meaning: $0.flag.explanation) },
            rules: ReconcileTextReport.rules,
            assumptions: AssumptionText.all(r.event),
            event_costs_planned: r.event.hasDeclaredLines ? Dictionary(uniqueKeysWithValues: r.plan.eventCosts.map { ($0.key, $0.amount.plain) }) : nil)
        return try JSONText.render(document)
    }
}
