import BudgetCore
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

    struct Document: Encodable {
        let event: String
        let title: String
        let start: String
        let end: String
        let paying_offices: [String]
        let currency: String
        let roster: String
        /// The roster's headers that no rule reads.
        let unused_columns: [String]
        /// How the roster was read (total rows left out, columns read by what they hold); left out when there is nothing to say.
        let roster_notes: [String]?
        /// The rates that converted fares quoted in other currencies; left out when every fare is in US$.
        let fare_rates: [FareRateNote]?
        let participants: [Line]
        let regions: [Region]
        let totals: Totals
        let awaiting_cap: AwaitingCap
        let offices: [Office]
        let cost_sharing: CostSharingNote
        let headroom: [ReconcileJSONReport.Ceiling]
        let warnings: [String]
        let not_planned: [String]
        let eligibility: EligibilityNote
        let flags: [FlagNote]
        let assumptions: [String]
    }

    struct Line: Encodable {
        let id: String
        let name: String
        let organization: String
        let country: String
        let region: String
        @Nullable var cap: String?      // null where there is no cap
        @Nullable var fare: String?     // null where no fare is quoted
        let assisted_airfare: String
        let participant_share: String
        let nights: Int
        let days: Int
        let local_expenses: String
        let total: String
        let flags: [String]
        /// The fare as quoted in another currency (`fare` is its conversion); left out for a fare in US$.
        var quoted_fare: QuotedFareNote? = nil
    }

    /// A fare as quoted in another currency: the amount, the currency and the rate (units per US$1).
    struct QuotedFareNote: Encodable {
        let amount: String
        let currency: String
        let units_per_usd: String

        init(_ q: QuotedFare) {
            amount = q.amount.plain
            currency = q.currency
            units_per_usd = q.rate.rate.description
        }
    }

    /// A rate for fares in another currency, where it was stated (`event file` or `command line`), its date and source.
    struct FareRateNote: Encodable {
        let currency: String
        let units_per_usd: String
        @Nullable var date: String?
        let source: String
        let stated_in: String
        let planning_assumption: Bool

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

    struct Totals: Encodable {
        let participants: Int
        let assisted_airfare: String
        let participant_share: String
        let local_expenses: String
        let total: String

        init(_ t: CostTotals) {
            participants = t.participants
            assisted_airfare = t.assistedAirfare.plain
            participant_share = t.participantShare.plain
            local_expenses = t.localExpenses.plain
            total = t.total.plain
        }
    }

    /// Participants with no cap yet: no assisted airfare is budgeted for them; their fares bound the exposure.
    struct AwaitingCap: Encodable {
        let participants: [String]
        let fares: String
        /// Those of them with no fare quoted (an unknown amount each); left out when there are none.
        let no_fare_quoted: [String]?
    }

    struct Region: Encodable {
        let region: String
        let totals: Totals
    }

    /// What one paying office pays; the offices' figures add up to the totals.
    struct Office: Encodable {
        let office: String
        let airfare_share_percent: String
        let local_expenses_share_percent: String
        let assisted_airfare: String
        let local_expenses: String
        let total: String
    }

    /// Who is priced, who was left out and why, and whose eligibility is not known.
    struct EligibilityNote: Encodable {
        let who: String
        let left_out: [LeftOut]
        let not_known: [String]
    }

    /// A participant's verdict: `id`, `eligible` (true, false or null when not known) and every reason.
    struct LeftOut: Encodable {
        let id: String
        @Nullable var eligible: Bool?   // null where not known
        let reasons: [String]
    }

    struct CostSharingNote: Encodable {
        let basis: String
        let planning_assumption: Bool
    }

    struct FlagNote: Encodable {
        let flag: String
        let participants: Int
        let meaning: String
    }

    /// The JSON text, ending with a newline.
    public func render() -> String {
        guard budget.keepsLines else { return summary(budget, linesAt: linesAt ?? "the workbook") }
        let b = budget
        let document = Document(
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
                            total: line.total.plain, flags: line.flags.map(\.rawValue), quoted_fare: p.quotedFare.map(QuotedFareNote.init))
            },
            regions: b.regions.map { Region(region: $0.region, totals: Totals($0.subtotal)) },
            totals: Totals(b.totals),
            awaiting_cap: AwaitingCap(participants: b.awaitingCap.map(\.participant.id),
                                      fares: b.awaitingCapFares.plain,
                                      no_fare_quoted: b.awaitingCapWithoutFare == 0 ? nil
                                          : b.awaitingCap.filter { $0.participant.fare == nil }.map(\.participant.id)),
            offices: b.offices.map { office in
                Office(office: office.office, airfare_share_percent: percentText(office.share.airfareBasisPoints),
                       local_expenses_share_percent: percentText(office.share.localExpensesBasisPoints),
                       assisted_airfare: office.assistedAirfare.plain, local_expenses: office.localExpenses.plain,
                       total: office.total.plain)
            },
            cost_sharing: CostSharingNote(basis: b.event.costSharing.basis, planning_assumption: b.event.costSharing.isAssumption),
            headroom: b.headroom.map(ReconcileJSONReport.Ceiling.init),
            warnings: b.headroom.filter(\.isPassed).map { HeadroomText.warning($0, .plan) },
            not_planned: b.notPlanned.map(\.id),
            eligibility: EligibilityNote(
                who: b.who.rawValue,
                left_out: b.leftOut.map { LeftOut(id: $0.participant.id, eligible: $0.verdict.eligible, reasons: $0.verdict.reasons) },
                not_known: zip(b.lines, b.verdicts).filter { $0.1.eligible == nil }.map(\.0.participant.id)),
            flags: b.flagCounts.map { FlagNote(flag: $0.flag.rawValue, participants: $0.count, meaning: $0.flag.explanation(under: b.event)) },
            assumptions: AssumptionText.all(b.event))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
