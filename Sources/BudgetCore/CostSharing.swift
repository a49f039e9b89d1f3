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
        split(amount, shares: offices.map(share))
    }

    /// The office (by its place) that takes the rest of a split by these shares: the last office with a share.
    public static func restOffice(_ shares: [Int]) -> Int { shares.lastIndex { $0 != 0 } ?? max(0, shares.count - 1) }

    /// Splits an amount by shares in hundredths of a percent, one per office in order: each office but the last that has a
    /// share gets its share rounded half up to the cent, that last one gets the rest, so the parts always add up to the
    /// amount and an office with no share pays nothing (never a cent either way).
    public func split(_ amount: Money, shares: [Int]) -> [Money] {
        let rest = CostSharing.restOffice(shares)
        var parts: [Money] = []
        parts.reserveCapacity(shares.count)
        for (index, share) in shares.enumerated() where index != rest {
            let scaled = amount.cents * Int64(share)
            parts.append(Money(cents: (scaled + (scaled >= 0 ? 5_000 : -5_000)) / 10_000))
        }
        parts.insert(amount - parts.sum(), at: rest)
        return parts
    }
}

extension CostSharing {
    /// What each office pays of one line's amount: its share, or, for a participant one office pays (`paid_by`), all of it
    /// for that office and nothing for the others.
    public func parts(of amount: Money, paidBy payer: String?, _ share: (OfficeShare) -> Int) -> [Money] {
        parts(of: amount, paidBy: payer, shares: offices.map(share))
    }

    /// What each office pays of one line's amount under the line's shares (``CostLine/shares``), or all of it for the office
    /// that pays the participant (`paid_by`).
    public func parts(of amount: Money, paidBy payer: String?, shares: [Int]) -> [Money] {
        if let payer, offices.contains(where: { $0.office == payer }) {
            return offices.map { $0.office == payer ? amount : .zero }
        }
        return split(amount, shares: shares)
    }

    /// What each office pays of each per-person line of a costing: `[office][line]`, by each line's shares.
    public func parts(of costing: ParticipantCosting, lines: [CostLine]) -> [[Money]] {
        var parts = Array(repeating: [Money](), count: offices.count)
        for (line, amount) in zip(lines, costing.amounts) {
            for (office, part) in self.parts(of: amount, paidBy: costing.participant.paidBy, shares: line.shares).enumerated() {
                parts[office].append(part)
            }
        }
        return parts
    }
}

/// One participant's costs as one office pays them: its part of each per-person line.
public struct OfficeLine: Sendable {
    public let costing: ParticipantCosting
    /// The office's part of each per-person line, in the event's order.
    public let amounts: [Money]
    public var assistedAirfare: Money { amounts[0] }
    public var localExpenses: Money { amounts[1] }
    public var total: Money { amounts.sum() }
}

/// What one paying office pays for a roster: its part of every line (all of a line whose participant it pays by
/// `paid_by`, none of one another office pays), and their sums; and its part of the event costs.
public struct OfficeBudget: Sendable {
    public let share: OfficeShare
    public let lines: [OfficeLine]
    /// The sums of the office's parts of each per-person line.
    public let amounts: [Money]
    /// The office's part of each event cost (``Budget/eventCosts``), in their order.
    public let eventCosts: [Money]
    public var office: String { share.office }
    public var assistedAirfare: Money { amounts[0] }
    public var localExpenses: Money { amounts[1] }
    /// The office's part of the participants' lines.
    public var total: Money { amounts.sum() }
    /// The office's whole part: the participants' lines and the event costs.
    public var grandTotal: Money { total + eventCosts.sum() }

    public init(share: OfficeShare, lines: [OfficeLine], amounts: [Money], eventCosts: [Money] = []) {
        self.share = share
        self.lines = lines
        self.amounts = amounts
        self.eventCosts = eventCosts
    }

    /// Every office's budget for a list of participant costings, in the sharing's office order.
    static func split(_ costings: [ParticipantCosting], by sharing: CostSharing, lines costLines: [CostLine],
                      eventCosts: [EventCost]) -> [OfficeBudget] {
        var lines = Array(repeating: [OfficeLine](), count: sharing.offices.count)
        var sums = Array(repeating: Array(repeating: Money.zero, count: costLines.count), count: sharing.offices.count)
        for costing in costings {
            for (index, parts) in sharing.parts(of: costing, lines: costLines).enumerated() {
                lines[index].append(OfficeLine(costing: costing, amounts: parts))
                for (line, part) in parts.enumerated() { sums[index][line] += part }
            }
        }
        return sharing.offices.indices.map { index in
            OfficeBudget(share: sharing.offices[index], lines: lines[index], amounts: sums[index],
                         eventCosts: eventCosts.map { $0.offices[index] })
        }
    }
}
