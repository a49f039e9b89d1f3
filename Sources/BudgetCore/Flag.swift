/// Something a finance officer must know about a participant's figures.
public enum Flag: String, Hashable, Sendable, DeclarationOrdered {
    /// No fare quoted yet: the cap stands in as the planning estimate.
    case estimate
    /// No cap row names the point of departure and no override is given.
    case contactOrganisers = "contact-organisers"
    /// No cap row names the point of departure and the event funds no other: no assisted airfare, no local expenses.
    case notFunded = "not-funded"
    /// The cap comes from a row whose label was inferred, not printed in the announcement.
    case inferredCap = "inferred-cap"
    /// The cap comes from the roster's `cap_override_usd`, not from the event's table.
    case capOverride = "cap-override"
    /// The participant pays their own airfare.
    case selfFunded = "self-funded"
    /// The fare is above the cap: the participant pays the difference.
    case aboveCap = "above-cap"
    /// Arrival or departure dates cut the covered nights or days.
    case partialStay = "partial-stay"
    /// A resource person or staff paid in full with no fare quoted: nothing is budgeted for the airfare until one is.
    case fareNotQuoted = "no-fare-quoted"

    /// What the flag means under an event, in words, for the note beneath a report (the rule for other points of
    /// departure in that event's own words); `printed`: for a workbook's printed pages, which point to the Caps sheet rather
    /// than to a command.
    public func explanation(under event: Event, printed: Bool = false) -> String {
        switch self {
        case .estimate:
            return "no fare quoted yet; the cap is used as the planning estimate of the assisted airfare"
        case .contactOrganisers:
            return "no row of the event's cap table names this point of departure (\(event.otherPointsWords)); assisted airfare is 0.00 until the organisers agree a cap, entered as cap_override_usd"
        case .notFunded:
            return "no row of the event's cap table names this point of departure and \(event.id) funds no other (\(event.otherPointsWords)): no assisted airfare and no local expenses, and not eligible; a cap agreed with the organisers, entered as cap_override_usd, funds the participant"
        case .inferredCap:
            return "the cap comes from a row whose country label is missing in the announcement; the label is an inference, "
                + (printed ? "marked on the Caps sheet" : "see `caps EVENT`")
        case .capOverride:
            return "the cap comes from the roster's cap_override_usd, not from the event's table"
        case .selfFunded:
            return "the participant pays their own airfare (assisted airfare 0.00)"
        case .aboveCap:
            return "the fare is above the cap; the participant pays the difference (participant share)"
        case .partialStay:
            return "arrival or departure dates cut the covered nights or workshop days"
        case .fareNotQuoted:
            return "airfare paid in full (no cap) but no fare quoted yet: assisted airfare 0.00 until a fare is quoted"
        }
    }
}

/// An enumeration ordered as its cases are declared (flags are listed in that order everywhere).
public protocol DeclarationOrdered: CaseIterable, Comparable where AllCases == [Self] {}

extension DeclarationOrdered {
    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
