/// The one table of the letters that mark flags in every report's tables — `cost`'s, `report`'s, `reconcile`'s, the text
/// reports', the workbook's cells and legends: a letter has one meaning whichever command prints it. A budget's flag
/// (``Flag``) and a reconciliation's (``ReconciliationFlag``) that mean the same (above-cap, self-funded) share one mark.
public enum Mark: String, CaseIterable, Sendable {
    case estimate
    case contactOrganisers = "contact-organisers"
    case notFunded = "not-funded"
    case inferredCap = "inferred-cap"
    case capOverride = "cap-override"
    case selfFunded = "self-funded"
    case aboveCap = "above-cap"
    case partialStay = "partial-stay"
    case fareNotQuoted = "no-fare-quoted"
    case ticketNotRecorded = "ticket-not-recorded"
    case localNotRecorded = "local-not-recorded"
    case localFromNights = "local-from-nights"
    case noCap = "no-cap"
    case lineNotRecorded = "line-not-recorded"

    /// The mark's one letter.
    public var letter: String {
        switch self {
        case .estimate: return "E"
        case .contactOrganisers: return "C"
        case .notFunded: return "N"
        case .inferredCap: return "I"
        case .capOverride: return "O"
        case .selfFunded: return "S"
        case .aboveCap: return "A"
        case .partialStay: return "P"
        case .fareNotQuoted: return "Q"
        case .ticketNotRecorded: return "T"
        case .localNotRecorded: return "L"
        case .localFromNights: return "H"   // hotel nights
        case .noCap: return "U"             // uncapped
        case .lineNotRecorded: return "R"
        }
    }

    /// The mark of a flag's name (a flag's raw value is its mark's).
    static func of(_ name: String) -> Mark {
        guard let mark = Mark(rawValue: name) else { preconditionFailure("no mark for the flag \(name)") }
        return mark
    }
}

extension Flag {
    /// The flag's mark in the one table of letters.
    public var mark: Mark { Mark.of(rawValue) }
    /// The flag's one letter in every report's tables, explained beneath them.
    public var letter: String { mark.letter }
}

extension ReconciliationFlag {
    /// The flag's mark in the one table of letters.
    public var mark: Mark { Mark.of(rawValue) }
    /// The flag's one letter in every report's tables, explained beneath them.
    public var letter: String { mark.letter }
}
