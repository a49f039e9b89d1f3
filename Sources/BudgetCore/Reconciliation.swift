/// The sums of a group of reconciliation lines.
public struct ReconciliationTotals: Hashable, Sendable {
    public var participants: Int = 0
    public var assistedAirfare: PlanActual = .zero
    /// The participants' shares of the actual tickets.
    public var participantShare: Money = .zero
    public var localExpenses: PlanActual = .zero
    /// The event file's other per-person lines, planned and actual.
    public var declared: [PlanActual] = []

    public init() {}

    /// Cost to the paying offices: assisted airfare + local expenses + the other lines.
    public var total: PlanActual { declared.reduce(assistedAirfare + localExpenses, +) }

    /// Adds one participant's figures.
    public mutating func add(_ line: ReconciliationLine) {
        participants += 1
        assistedAirfare += line.assistedAirfare
        participantShare += line.participantShare
        localExpenses += line.localExpenses
        if declared.count < line.declared.count { declared += Array(repeating: .zero, count: line.declared.count - declared.count) }
        for (index, amount) in line.declared.enumerated() { declared[index] += amount }
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

    /// Reconciles a roster with actual figures: the plan is what `cost` prices (`who`, ceilings as there); a participant
    /// the plan leaves out is listed only when something was actually spent on them.
    public init(event: Event, participants: [Participant], rosterName: String, who: Who = .notExcluded, ceilings: BudgetCeilings? = nil,
                unusedColumns: [String] = [], rosterNotes: [String] = []) {
        let plan = Budget(event: event, participants: participants, rosterName: rosterName, who: who, ceilings: ceilings,
                          unusedColumns: unusedColumns, rosterNotes: rosterNotes)
        let planned = Set(plan.lines.map(\.participant.id))
        let reconciling = Reconciling(event: event)
        let lines = participants.filter { planned.contains($0.id) || !$0.actual.isEmpty }.map {
            reconciling.reconcile(reconciling.costing.cost($0), planned: planned.contains($0.id))
        }
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
        self.offices = OfficeReconciliation.split(lines, by: event.costSharing, lines: event.personLines)
        // No actual event cost is recorded on a roster: the plan's event costs stand in the actuals' headroom.
        self.actualHeadroom = Headroom.check(plan.ceilings, total: totals.total.actual + plan.eventCosts.map(\.amount).sum(),
                                             offices: zip(offices, plan.offices).map { ($0.office, $0.total.actual + $1.eventCosts.sum()) })
    }

    /// Planned rows the plan leaves out (`who`) with nothing spent on them: in no group, named apart.
    public var leftOutNotTravelled: [Participant] {
        plan.leftOut.map(\.participant).filter { p in !lines.contains { $0.participant.id == p.id } }
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
