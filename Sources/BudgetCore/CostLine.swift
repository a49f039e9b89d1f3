/// Who a person on a roster is: it decides the cost lines that apply and how the airfare is paid.
public enum Role: String, Hashable, Sendable, DeclarationOrdered {
    /// A participant of the workshop (the default): airfare up to the cap, eligibility rules apply.
    case participant
    /// A speaker, facilitator or expert invited by the organisers: by default the whole fare is paid, no cap.
    case resourcePerson = "resource-person"
    /// Organisers' staff on the roster.
    case staff

    /// In words: `participant`, `resource person`, `staff`.
    public var words: String {
        switch self {
        case .participant: return "participant"
        case .resourcePerson: return "resource person"
        case .staff: return "staff"
        }
    }

    /// A group's heading: `Resource persons`, `Staff`.
    public var heading: String {
        switch self {
        case .participant: return "Participants"
        case .resourcePerson: return "Resource persons"
        case .staff: return "Staff"
        }
    }
}

/// How the airfare of a role is paid.
public enum AirfareRule: Hashable, Sendable {
    /// Up to the cap of the point of departure in the event's cap table (participants).
    case capped
    /// The whole fare, with no cap (resource persons by default).
    case full
    /// Up to a cap of the role's own, whatever the point of departure.
    case ownCap(Money)
    /// No airfare at all.
    case none

    /// In words, for reports: `up to the cap of the point of departure`, `paid in full`…
    public var words: String {
        switch self {
        case .capped: return "up to the cap of the point of departure"
        case .full: return "paid in full (no cap)"
        case .ownCap(let cap): return "up to US$ \(cap.grouped) (the role's own cap)"
        case .none: return "not paid"
        }
    }
}

/// A role's airfare rule as an event file states it, with its source or planning assumption in words.
public struct RoleAirfare: Sendable {
    public let rule: AirfareRule
    /// The announcement's words, or the planning assumption, as the event file gives them; nil when it gives none.
    public let note: String?

    public init(rule: AirfareRule, note: String?) {
        self.rule = rule
        self.note = note
    }
}

/// What counts a cost line's amount. A new basis is a case here and its formula in the workbook's `Formulas`.
public enum CostBasis: String, Hashable, Sendable, CaseIterable {
    /// Once for each person the line applies to.
    case perParticipant = "per-participant"
    /// For each covered hotel night of the person's stay.
    case perNight = "per-night"
    /// For each covered workshop day the person is present.
    case perDay = "per-day"
    /// Once for the whole event, whoever comes (a fixed cost: venue, interpretation, printing).
    case perEvent = "per-event"

    /// How many times the amount counts for a person with these covered nights and days; nil for an event cost.
    public func count(nights: Int, days: Int) -> Int? {
        switch self {
        case .perParticipant: return 1
        case .perNight: return nights
        case .perDay: return days
        case .perEvent: return nil
        }
    }

    /// In words: `per person`, `per covered night`, `per workshop day`, `once for the event`.
    public var words: String {
        switch self {
        case .perParticipant: return "per person"
        case .perNight: return "per covered night"
        case .perDay: return "per workshop day present"
        case .perEvent: return "once for the event"
        }
    }
}

/// A cost line's amount: in US$, or in whole units of the local rates' currency, converted as local expenses are (once per
/// person, half up to the cent).
public enum LineAmount: Hashable, Sendable {
    case usd(Money)
    case local(Int64)
}

/// One line of the workshop budget. Assisted airfare and local expenses are the first two lines of every event, each
/// with its own rule; any other line is an amount on a basis (``CostBasis``), declared in the event file.
public struct CostLine: Sendable {
    /// How the line's amount for a person is found.
    public enum Rule: Sendable {
        /// The airfare under the person's role rule: up to the cap for participants (``Costing``).
        case airfare
        /// Covered nights and workshop days at the local rates, converted once per person.
        case localExpenses
        /// An amount on a basis.
        case charge(CostBasis, LineAmount)
    }

    /// A short key for files and the command line: `airfare`, `local`, `visa-fee`.
    public let key: String
    /// The line's name in reports: `Visa fee`.
    public let name: String
    public let rule: Rule
    /// The roles the line applies to (every role for the airfare and local-expense lines, whose rules say the rest).
    public let roles: Set<Role>
    /// Whether a self-funded person gets the line too.
    public let coversSelfFunded: Bool
    /// Each paying office's share, in hundredths of a percent, in the event's office order (they add up to 10,000).
    public let shares: [Int]
    /// The announcement's words for the line, or nil when it is a planning assumption (`assumption`).
    public let source: String?
    /// Why the line is budgeted when the announcement does not say so: a planning assumption in words.
    public let assumption: String?

    public init(key: String, name: String, rule: Rule, roles: Set<Role> = Set(Role.allCases), coversSelfFunded: Bool,
                shares: [Int], source: String?, assumption: String?) {
        self.key = key
        self.name = name
        self.rule = rule
        self.roles = roles
        self.coversSelfFunded = coversSelfFunded
        self.shares = shares
        self.source = source
        self.assumption = assumption
    }

    /// The basis of a charge; nil for the airfare and local-expense lines.
    public var basis: CostBasis? {
        if case .charge(let basis, _) = rule { return basis }
        return nil
    }

    /// Whether the line is counted once for the event rather than per person.
    public var isEventCost: Bool { basis == .perEvent }

    /// The line's amount for one person with these covered nights and days: nil for an event cost. Converted from the
    /// local currency once, half up to the cent.
    public func personAmount(nights: Int, days: Int, rates: LocalRates) -> Money? {
        guard case .charge(let basis, let amount) = rule, let count = basis.count(nights: nights, days: days) else { return nil }
        switch amount {
        case .usd(let money): return money * count
        case .local(let units): return rates.exchangeRate.convertToUSD(units * Int64(count))
        }
    }

    /// The line's amount for the event: nil for a per-person line.
    public func eventAmount(rates: LocalRates) -> Money? {
        guard case .charge(.perEvent, let amount) = rule else { return nil }
        switch amount {
        case .usd(let money): return money
        case .local(let units): return rates.exchangeRate.convertToUSD(units)
        }
    }
}

/// A contingency: a percentage of chosen lines' totals, added once for the event.
public struct Contingency: Sendable {
    public let name: String
    /// The percentage in hundredths of a percent (500 = 5 %).
    public let basisPoints: Int
    /// The keys of the lines it is a percentage of.
    public let lines: [String]
    /// Each paying office's share, in hundredths of a percent, in the event's office order.
    public let shares: [Int]
    /// The announcement's words, or the planning assumption in words.
    public let source: String?
    public let assumption: String?

    public init(name: String, basisPoints: Int, lines: [String], shares: [Int], source: String?, assumption: String?) {
        self.name = name
        self.basisPoints = basisPoints
        self.lines = lines
        self.shares = shares
        self.source = source
        self.assumption = assumption
    }

    /// The contingency on a base amount: base × percentage, rounded half up to the cent.
    public func amount(on base: Money) -> Money {
        let scaled = base.cents * Int64(basisPoints)
        return Money(cents: (scaled + (scaled >= 0 ? 5_000 : -5_000)) / 10_000)
    }
}
