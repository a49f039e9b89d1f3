/// One paying office's part of an event's costs: a percentage of each cost line.
public struct OfficeShare: Hashable, Sendable {
    public let office: String
    /// Share of every participant's assisted airfare, in hundredths of a percent (5000 = 50%).
    public let airfareBasisPoints: Int
    /// Share of every participant's local expenses, in hundredths of a percent.
    public let localExpensesBasisPoints: Int

    public init(office: String, airfareBasisPoints: Int, localExpensesBasisPoints: Int) {
        self.office = office
        self.airfareBasisPoints = airfareBasisPoints
        self.localExpensesBasisPoints = localExpensesBasisPoints
    }
}

/// How an event's paying offices split its costs, line by line.
public struct CostSharing: Hashable, Sendable {
    public let offices: [OfficeShare]
    /// Where the split comes from, in words (the announcement, or a planning assumption).
    public let basis: String
    /// Whether the split is a planning assumption rather than the announcement's.
    public let isAssumption: Bool

    public init(offices: [OfficeShare], basis: String, isAssumption: Bool) {
        self.offices = offices
        self.basis = basis
        self.isAssumption = isAssumption
    }

    /// One office pays everything.
    public static func sole(_ office: String) -> CostSharing {
        CostSharing(offices: [OfficeShare(office: office, airfareBasisPoints: 10_000, localExpensesBasisPoints: 10_000)],
                    basis: "\(office) is the only paying office named by the announcement.", isAssumption: false)
    }

    /// Splits an amount between the offices: each office but the last gets its share rounded half up to the cent,
    /// the last gets the rest, so the parts always add up to the amount.
    public func split(_ amount: Money, _ share: (OfficeShare) -> Int) -> [Money] {
        var parts: [Money] = []
        for office in offices.dropLast() {
            let scaled = amount.cents * Int64(share(office))
            parts.append(Money(cents: (scaled + (scaled >= 0 ? 5_000 : -5_000)) / 10_000))
        }
        parts.append(amount - parts.sum())
        return parts
    }
}

/// One participant's costs as one office pays them.
public struct OfficeLine: Sendable {
    public let costing: ParticipantCosting
    public let assistedAirfare: Money
    public let localExpenses: Money
    public var total: Money { assistedAirfare + localExpenses }
}

/// What one paying office pays for a roster: its part of every line (all of a line whose participant it pays by
/// `paid_by`, none of one another office pays), and their sums.
public struct OfficeBudget: Sendable {
    public let share: OfficeShare
    public let lines: [OfficeLine]
    public let assistedAirfare: Money
    public let localExpenses: Money
    public var office: String { share.office }
    public var total: Money { assistedAirfare + localExpenses }

    /// Every office's budget for a list of participant costings, in the sharing's office order.
    static func split(_ costings: [ParticipantCosting], by sharing: CostSharing) -> [OfficeBudget] {
        var lines = Array(repeating: [OfficeLine](), count: sharing.offices.count)
        for costing in costings {
            var airfare = sharing.split(costing.assistedAirfare) { $0.airfareBasisPoints }
            var local = sharing.split(costing.localExpenses) { $0.localExpensesBasisPoints }
            if let payer = costing.participant.paidBy, sharing.offices.contains(where: { $0.office == payer }) {
                // One office pays this participant's whole line.
                airfare = sharing.offices.map { $0.office == payer ? costing.assistedAirfare : .zero }
                local = sharing.offices.map { $0.office == payer ? costing.localExpenses : .zero }
            }
            for index in sharing.offices.indices {
                lines[index].append(OfficeLine(costing: costing, assistedAirfare: airfare[index], localExpenses: local[index]))
            }
        }
        return sharing.offices.indices.map { index in
            OfficeBudget(share: sharing.offices[index], lines: lines[index],
                         assistedAirfare: lines[index].map(\.assistedAirfare).sum(),
                         localExpenses: lines[index].map(\.localExpenses).sum())
        }
    }
}
