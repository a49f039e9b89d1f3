/// The sums of a group of reconciliation lines.
public struct ReconciliationTotals: Hashable, Sendable {
    public var participants: Int = 0
    public var assistedAirfare: PlanActual = .zero
    /// The participants' shares of the actual tickets.
    public var participantShare: Money = .zero
    public var localExpenses: PlanActual = .zero

    public init() {}

    /// Cost to the paying offices: assisted airfare + local expenses.
    public var total: PlanActual { assistedAirfare + localExpenses }

    /// Adds one participant's figures.
    public mutating func add(_ line: ReconciliationLine) {
        participants += 1
        assistedAirfare += line.assistedAirfare
        participantShare += line.participantShare
        localExpenses += line.localExpenses
    }
}

/// The participants of one attendance group and their subtotal.
public struct AttendanceGroup: Sendable {
    public let attendance: Attendance
    public let lines: [ReconciliationLine]
    public let subtotal: ReconciliationTotals
}

/// A roster's plan against its actual figures: the report value every reconcile renderer reads.
public struct Reconciliation: Sendable {
    /// The plan: the planned participants costed, with its offices and headroom.
    public let plan: Budget
    /// Every participant, planned or not, in roster order.
    public let lines: [ReconciliationLine]
    /// The three attendance groups in a fixed order, each listed apart, even when empty.
    public let groups: [AttendanceGroup]
    public let totals: ReconciliationTotals
    /// What each paying office planned and spent; their figures add up to `totals` to the cent.
    public let offices: [OfficeReconciliation]
    /// Headroom of the actuals under each ceiling that is set (the plan's is `plan.headroom`).
    public let actualHeadroom: [Headroom]

    /// Reconciles a roster with actual figures; ceilings default to the event file's.
    public init(event: Event, participants: [Participant], rosterName: String, ceilings: BudgetCeilings? = nil) {
        let plan = Budget(event: event, participants: participants, rosterName: rosterName, ceilings: ceilings)
        let reconciling = Reconciling(event: event)
        let lines = participants.map { reconciling.reconcile(reconciling.costing.cost($0)) }
        var totals = ReconciliationTotals()
        lines.forEach { totals.add($0) }
        self.plan = plan
        self.lines = lines
        self.groups = Attendance.allCases.map { attendance in
            let members = lines.filter { $0.attendance == attendance }
            var subtotal = ReconciliationTotals()
            members.forEach { subtotal.add($0) }
            return AttendanceGroup(attendance: attendance, lines: members, subtotal: subtotal)
        }
        self.totals = totals
        self.offices = OfficeReconciliation.split(lines, by: event.costSharing)
        self.actualHeadroom = Headroom.check(plan.ceilings, total: totals.total.actual,
                                             offices: offices.map { ($0.office, $0.total.actual) })
    }

    public var event: Event { plan.event }
    public var rosterName: String { plan.rosterName }

    /// The sum of the participants' variances: equal to actual − planned total, to the cent.
    public var varianceSum: Money { lines.map(\.total.variance).sum() }

    /// Flags that occur, in a stable order, with how many participants carry each.
    public var flagCounts: [(flag: ReconciliationFlag, count: Int)] {
        ReconciliationFlag.allCases.compactMap { flag in
            let count = lines.filter { $0.flags.contains(flag) }.count
            return count > 0 ? (flag, count) : nil
        }
    }
}

/// One participant's plan and actual as one office pays them.
public struct OfficeReconciliationLine: Sendable {
    public let line: ReconciliationLine
    public let assistedAirfare: PlanActual
    public let localExpenses: PlanActual
    public var total: PlanActual { assistedAirfare + localExpenses }
}

/// What one paying office planned and spent: its part of every line, planned and actual, split by the same rule.
public struct OfficeReconciliation: Sendable {
    public let share: OfficeShare
    public let lines: [OfficeReconciliationLine]
    public let assistedAirfare: PlanActual
    public let localExpenses: PlanActual
    public var office: String { share.office }
    public var total: PlanActual { assistedAirfare + localExpenses }
    /// The sum of this office's line variances: equal to its actual − planned total, to the cent.
    public var varianceSum: Money { lines.map(\.total.variance).sum() }

    /// Every office's part of every line: planned and actual amounts are each split as the plan splits them.
    static func split(_ lines: [ReconciliationLine], by sharing: CostSharing) -> [OfficeReconciliation] {
        var parts = Array(repeating: [OfficeReconciliationLine](), count: sharing.offices.count)
        for line in lines {
            let airfare = sharing.split(line.assistedAirfare) { $0.airfareBasisPoints }
            let local = sharing.split(line.localExpenses) { $0.localExpensesBasisPoints }
            for index in sharing.offices.indices {
                parts[index].append(OfficeReconciliationLine(line: line, assistedAirfare: airfare[index], localExpenses: local[index]))
            }
        }
        return sharing.offices.indices.map { index in
            OfficeReconciliation(share: sharing.offices[index], lines: parts[index],
                                 assistedAirfare: parts[index].map(\.assistedAirfare).reduce(.zero, +),
                                 localExpenses: parts[index].map(\.localExpenses).reduce(.zero, +))
        }
    }
}

extension CostSharing {
    /// Splits a planned and an actual amount between the offices, each by `split(_:_:)`.
    func split(_ amounts: PlanActual, _ share: (OfficeShare) -> Int) -> [PlanActual] {
        zip(split(amounts.planned, share), split(amounts.actual, share)).map { PlanActual(planned: $0, actual: $1) }
    }
}
