/// One participant's plan and actual as one office pays them.
public struct OfficeReconciliationLine: Sendable {
    public let line: ReconciliationLine
    public let assistedAirfare: PlanActual
    public let localExpenses: PlanActual
    public var total: PlanActual { assistedAirfare + localExpenses }
}

/// What one paying office planned and spent: its part of every line, planned and actual, split by the plan's rule
/// (the shares, or the whole line for the office that pays the participant by `paid_by`).
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
            let payer = line.participant.paidBy
            let airfare = sharing.parts(of: line.assistedAirfare, paidBy: payer) { $0.airfareBasisPoints }
            let local = sharing.parts(of: line.localExpenses, paidBy: payer) { $0.localExpensesBasisPoints }
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
    /// What each office pays of a planned and an actual amount, each by `parts(of:paidBy:_:)`.
    func parts(of amounts: PlanActual, paidBy payer: String?, _ share: (OfficeShare) -> Int) -> [PlanActual] {
        zip(parts(of: amounts.planned, paidBy: payer, share), parts(of: amounts.actual, paidBy: payer, share))
            .map { PlanActual(planned: $0, actual: $1) }
    }
}
