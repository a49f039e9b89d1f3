/// Budget ceilings: what the event, and each paying office, may spend at most.
public struct BudgetCeilings: Hashable, Sendable {
    /// The ceiling of the event's total (the cost to all paying offices), if any.
    public var event: Money?
    /// Ceilings of what single paying offices pay, by office name.
    public var offices: [String: Money]

    public init(event: Money? = nil, offices: [String: Money] = [:]) {
        self.event = event
        self.offices = offices
    }

    public var isEmpty: Bool { event == nil && offices.isEmpty }

    /// These ceilings with `other`'s laid over them (the command line's over the event file's).
    public func overridden(by other: BudgetCeilings) -> BudgetCeilings {
        BudgetCeilings(event: other.event ?? event, offices: offices.merging(other.offices) { $1 })
    }
}

/// How far a total is from its ceiling.
public struct Headroom: Hashable, Sendable {
    /// Whose ceiling it is.
    public enum Scope: Hashable, Sendable {
        case event
        case office(String)
    }

    public let scope: Scope
    public let ceiling: Money
    /// What is planned or spent against it.
    public let spent: Money

    public init(scope: Scope, ceiling: Money, spent: Money) {
        self.scope = scope
        self.ceiling = ceiling
        self.spent = spent
    }

    /// Headroom = ceiling − spent: less than zero when the ceiling is passed.
    public var headroom: Money { ceiling - spent }

    /// Whether the total passes the ceiling (reaching it exactly does not).
    public var isPassed: Bool { spent > ceiling }

    /// The headroom under each ceiling that is set: the event's first, then the offices' in cost-sharing order.
    public static func check(_ ceilings: BudgetCeilings, total: Money, offices: [(office: String, total: Money)]) -> [Headroom] {
        var out: [Headroom] = []
        if let ceiling = ceilings.event { out.append(Headroom(scope: .event, ceiling: ceiling, spent: total)) }
        for office in offices {
            if let ceiling = ceilings.offices[office.office] {
                out.append(Headroom(scope: .office(office.office), ceiling: ceiling, spent: office.total))
            }
        }
        return out
    }
}
