/// Where a participant stands between the plan and what happened.
public enum Attendance: String, Hashable, Sendable, CaseIterable {
    /// In the plan, with actual figures.
    case plannedAndTravelled = "planned-and-travelled"
    /// In the plan, with no actual figure: did not travel (or nothing is recorded yet).
    case plannedNotTravelled = "planned-not-travelled"
    /// Not in the plan (`planned = no`, or left out of it by eligibility), with actual figures.
    case notPlanned = "not-planned"

    /// The group's heading in words.
    public var heading: String {
        switch self {
        case .plannedAndTravelled: return "Planned and travelled"
        case .plannedNotTravelled: return "Planned, did not travel (no actual figures)"
        case .notPlanned: return "Not planned, travelled (planned = no, or left out of the plan)"
        }
    }
}

/// One participant's plan against what was spent.
public struct ReconciliationLine: Sendable {
    /// The participant's figures under the event's rules (for a planned participant, the plan's line).
    public let costing: ParticipantCosting
    public let attendance: Attendance
    /// Assisted airfare: planned (0.00 if not planned) and actual (min(ticket, cap)).
    public let assistedAirfare: PlanActual
    /// What the participant pays of the actual ticket: ticket − actual assisted airfare.
    public let participantShare: Money
    /// Local expenses: planned and actual.
    public let localExpenses: PlanActual
    /// The event file's other per-person lines (``Event/personLines`` after the first two): planned and actual.
    public let declared: [PlanActual]
    /// Covered nights as planned (0 if not planned) and as recorded (nil if not recorded).
    public let plannedNights: Int
    public let actualNights: Int?
    public let flags: [ReconciliationFlag]

    public var participant: Participant { costing.participant }
    /// Cost to the paying offices: assisted airfare + local expenses + the other lines.
    public var total: PlanActual { declared.reduce(assistedAirfare + localExpenses, +) }

    /// Every per-person line, planned and actual, in the event's order.
    public var amounts: [PlanActual] { [assistedAirfare, localExpenses] + declared }
}

/// Sets each participant's plan against their actual figures, by the event's rules.
public struct Reconciling: Sendable {
    public let costing: Costing

    public init(event: Event) { costing = Costing(event: event) }

    /// The reconciliation of one participant; `line` is their costing under the event's rules, `planned` whether the plan
    /// prices them.
    public func reconcile(_ line: ParticipantCosting, planned: Bool) -> ReconciliationLine {
        let p = line.participant
        let plannedAirfare = planned ? line.assistedAirfare : .zero
        let plannedShare = planned ? line.participantShare : .zero
        let plannedLocal = planned ? line.localExpenses : .zero
        let plannedDeclared = line.declaredAmounts.map { planned ? $0 : .zero }
        let actual = p.actual
        guard !actual.isEmpty else {
            return ReconciliationLine(
                costing: line, attendance: planned ? .plannedNotTravelled : .notPlanned,
                assistedAirfare: PlanActual(planned: plannedAirfare, actual: .zero), participantShare: .zero,
                localExpenses: PlanActual(planned: plannedLocal, actual: .zero),
                declared: plannedDeclared.map { PlanActual(planned: $0, actual: .zero) },
                plannedNights: planned ? line.nights : 0, actualNights: nil, flags: p.funding == .selfFunded ? [.selfFunded] : [])
        }
        var flags: [ReconciliationFlag] = p.funding == .selfFunded ? [.selfFunded] : []
        let airfare: Money, share: Money
        let rule = costing.event.airfareRule(for: p.role)
        switch (p.funding, actual.ticket) {
        case (_, nil):
            (airfare, share) = (plannedAirfare, plannedShare)
            if p.funding == .assisted && rule != .none { flags.append(.ticketNotRecorded) }
        case (.selfFunded, let ticket?):
            (airfare, share) = (.zero, ticket)
        case (.assisted, let ticket?):
            (airfare, share) = Costing.assist(ticket, cap: line.cap, rule: rule)
            if line.cap == nil && rule == .capped { flags.append(.noCap) }
            if line.cap != nil && share > .zero { flags.append(.aboveCap) }
        }
        let local: Money
        if let recorded = actual.localExpenses {
            local = recorded
        } else if let nights = actual.nights {
            local = costing.coversLocalExpenses(of: p) ? costing.localExpenses(nights: nights, days: line.days).usd : .zero
            flags.append(.localFromNights)
        } else {
            local = plannedLocal
            flags.append(.localNotRecorded)
        }
        let lines = costing.event.personLines.dropFirst(2)
        let declared = zip(lines, plannedDeclared).map { costLine, plannedAmount -> PlanActual in
            if let recorded = actual.lines[costLine.key] { return PlanActual(planned: plannedAmount, actual: recorded) }
            if plannedAmount != .zero && !flags.contains(.lineNotRecorded) { flags.append(.lineNotRecorded) }
            return PlanActual(planned: plannedAmount, actual: plannedAmount)
        }
        return ReconciliationLine(
            costing: line, attendance: planned ? .plannedAndTravelled : .notPlanned,
            assistedAirfare: PlanActual(planned: plannedAirfare, actual: airfare), participantShare: share,
            localExpenses: PlanActual(planned: plannedLocal, actual: local), declared: declared,
            plannedNights: planned ? line.nights : 0, actualNights: actual.nights, flags: flags.sorted())
    }
}
