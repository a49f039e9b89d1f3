/// Something a finance officer must know about how a participant's actual figures were arrived at.
public enum ReconciliationFlag: String, Hashable, Sendable, DeclarationOrdered {
    /// Travelled, but no ticket is recorded: the planned airfare stands as the actual.
    case ticketNotRecorded = "ticket-not-recorded"
    /// Travelled, but no local expenses or nights are recorded: the planned local expenses stand as the actual.
    case localNotRecorded = "local-not-recorded"
    /// Actual local expenses are the planning rates applied to the nights actually stayed.
    case localFromNights = "local-from-nights"
    /// A ticket with no cap: not assisted until the organisers agree a cap.
    case noCap = "no-cap"
    /// The participant pays their own airfare: the ticket is their share.
    case selfFunded = "self-funded"
    /// The ticket is above the cap: the participant pays the difference.
    case aboveCap = "above-cap"
    /// Travelled, but an other line of the event file has no actual figure: the plan stands as the actual.
    case lineNotRecorded = "line-not-recorded"

    /// What the flag means, in words, for the note beneath a report.
    public var explanation: String {
        switch self {
        case .ticketNotRecorded:
            return "travelled but ticket_usd is empty; the planned assisted airfare and participant share stand as the actual until the ticket is recorded"
        case .localNotRecorded:
            return "travelled but nights_actual and local_actual_usd are empty; the planned local expenses stand as the actual until they are recorded"
        case .localFromNights:
            return "no local_actual_usd; the actual local expenses are the planning rates applied to nights_actual (and the workshop days as planned), converted once, rounded half up to the cent"
        case .noCap:
            return "no cap for this point of departure; the ticket is not assisted (0.00) until the organisers agree a cap, entered as cap_override_usd"
        case .selfFunded:
            return "the participant pays their own airfare: the ticket is the participant's share (assisted airfare 0.00)"
        case .aboveCap:
            return "the ticket is above the cap; the participant pays the difference (participant share)"
        case .lineNotRecorded:
            return "travelled but an other cost line's actual (<key>_actual_usd) is empty; its planned amount stands as the actual until it is recorded"
        }
    }
}
