import BudgetCore
import Foundation
import Spreadsheet

/// Choices shared by every renderer.
public struct RenderOptions: Sendable {
    /// Replace names and organizations with the participant's id (for a report sent to another office).
    public var redact: Bool
    /// The paper a workbook prints on; nil: the event file's `paper`, else A4.
    public var paper: Paper?
    /// The name on the workbook's "Prepared by" line and its author (empty: a line left to fill in).
    public var preparedBy: String = ""
    /// Protect a workbook's formula cells (no password; input cells stay open, sorting and filtering allowed).
    public var protect: Bool = true
    /// The paying office a workbook is written for (`cost --office`): its own part comes first; nil: the whole budget.
    public var partner: String?

    public init(redact: Bool = false) { self.redact = redact }

    func name(_ p: Participant) -> String { redact ? p.id : p.name }
    func organization(_ p: Participant) -> String { redact ? "" : p.organization }
}

/// Sentences every report states about an event's local expenses and its assumptions.
public enum AssumptionText {
    /// What every report from a draft event says first.
    public static let draftNotice = "DRAFT: check against the announcement"

    /// The draft notice as a sentence for an event drafted from its announcement and not yet checked; none otherwise.
    public static func draft(_ event: Event) -> [String] {
        guard event.isDraft else { return [] }
        return ["\(draftNotice). \(event.id) was drafted from the announcement by `travel-budget draft`: its figures are "
                + "unchecked and its rates and cost sharing are placeholders until an officer checks them and removes "
                + "`draft = true` from the event file."]
    }

    /// The local-expense rates in words, marked as planning assumptions.
    public static func rates(_ event: Event) -> String {
        let r = event.localExpenses.rates
        let c = r.currency
        return "Rates (PLANNING ASSUMPTIONS, not in the announcement): room \(c) \(group(r.roomPerNight)) per night; "
            + "meals \(c) \(group(r.mealsPerDay)) and venue-hotel transport \(c) \(group(r.transportPerDay)) per workshop day; "
            + "exchange rate \(c) \(rate(r.exchangeRate)) = US$1."
    }

    /// How local expenses are rounded.
    public static func rounding(_ event: Event) -> String {
        "Rounding: each participant's local expenses are summed in \(event.localExpenses.rates.currency) and converted "
            + "to US$ once, rounded half up to the cent; subtotals and totals are exact sums of the lines above them."
    }

    /// The covered nights and days in words.
    public static func coverage(_ event: Event) -> String {
        let nights = event.coveredNights
        var nightText = "no nights"
        if let first = nights.first, let last = nights.last {
            nightText = "\(counted(nights.count, "night")) (\(first.long) to \(last.long))"
        }
        return "Covered: \(nightText) of accommodation and \(counted(event.workshopDays.count, "workshop day")) of meals and transport "
            + "for a participant present throughout."
    }

    /// Whether self-funded participants keep their local expenses, in words.
    public static func selfFunded(_ event: Event) -> String {
        event.localExpenses.selfFundedLocalExpensesCovered
            ? "Self-funded participants' local expenses are covered (planning assumption)."
            : "Self-funded participants' local expenses are not covered (planning assumption)."
    }

    /// Every sentence, in order (for an event that funds no other point of departure, that it covers no local expenses there).
    public static func all(_ event: Event) -> [String] {
        draft(event) + [rates(event), coverage(event)] + event.localExpenses.assumptions + [selfFunded(event)]
            + (event.otherPointsOfDeparture == .notFunded
                ? ["A participant from a point of departure that no row of the cap table names gets no local expenses (not-funded), "
                   + "unless a cap is agreed with the organisers (cap_override_usd)."] : [])
            + [rounding(event)]
    }

    static func rate(_ r: ExchangeRate) -> String {
        let text = r.description
        let whole = text.prefix { $0 != "." }
        return group(Int64(whole) ?? 0) + text.dropFirst(whole.count)
    }

    static func group(_ n: Int64) -> String {
        Money(cents: n * 100).grouped.replacingOccurrences(of: ".00", with: "")
    }
}

