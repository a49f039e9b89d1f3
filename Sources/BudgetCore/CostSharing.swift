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

    /// The office's first word (`UNITAR`, `RSO`): a short name for sheets and the command line.
    public var firstWord: String {
        String(office.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first ?? "office")
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

    /// The office a person means by a name: its full name, or its first word when no other office shares it (any case).
    public func office(named text: String) -> String? {
        let wanted = String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()).lowercased()
        if let exact = offices.first(where: { $0.office.lowercased() == wanted }) { return exact.office }
        let byFirstWord = offices.filter { $0.firstWord.lowercased() == wanted }
        return byFirstWord.count == 1 ? byFirstWord[0].office : nil
    }

    /// Splits an amount between the offices: each office but the last gets its share rounded half up to the cent,
    /// the last gets the rest, so the parts always add up to the amount.
    public func split(_ amount: Money, _ share: (OfficeShare) -> Int) -> [Money] {
        var parts: [Money] = []
        parts.reserveCapacity(offices.count)
        for office in offices.dropLast() {
            let scaled = amount.cents * Int64(share(office))
            parts.append(Money(cents: (scaled + (scaled >= 0 ? 5_000 : -5_000)) / 10_000))
        }
        parts.append(amount - parts.sum())
        return parts
    }
}

extension CostSharing {
    /// What each office pays of one line's amount: its share, or, for a participant one office pays (`paid_by`), all of it
    /// for that office and nothing for the others.
    public func parts(of amount: Money, paidBy payer: String?, _ share: (OfficeShare) -> Int) -> [Money] {
        if let payer, offices.contains(where: { $0.office == payer }) {
            return offices.map { $0.office == payer ? amount : .zero }
        }
        return split(amount, share)
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
            let payer = costing.participant.paidBy
            let airfare = sharing.parts(of: costing.assistedAirfare, paidBy: payer) { $0.airfareBasisPoints }
            let local = sharing.parts(of: costing.localExpenses, paidBy: payer) { $0.localExpensesBasisPoints }
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
