/// One participant's plan and actual as one office pays them.
public struct OfficeReconciliationLine: Sendable {
    public let line: ReconciliationLine
    public let assistedAirfare: PlanActual
    public let localExpenses: PlanActual
    /// The office's part of the other lines, planned and actual.
    public let declared: [PlanActual]
    public var total: PlanActual { declared.reduce(assistedAirfare + localExpenses, +) }
}

/// What one paying office planned and spent: its part of every line, planned and actual, split by the plan's rule
/// (the shares, or the whole line for the office that pays the participant by `paid_by`).
public struct OfficeReconciliation: Sendable {
    public let share: OfficeShare
    public let lines: [OfficeReconciliationLine]
    public let assistedAirfare: PlanActual
    public let localExpenses: PlanActual
    /// The office's part of the other lines, planned and actual.
    public let declared: [PlanActual]
    public var office: String { share.office }
    public var total: PlanActual { declared.reduce(assistedAirfare + localExpenses, +) }
    /// The sum of this office's line variances: equal to its actual − planned total, to the cent.
    public var varianceSum: Money { lines.map(\.total.variance).sum() }

    /// Every office's part of every line: planned and actual amounts are each split as the plan splits them.
    static func split(_ lines: [ReconciliationLine], by sharing: CostSharing, lines costLines: [CostLine]) -> [OfficeReconciliation] {
        var parts = Array(repeating: [OfficeReconciliationLine](), count: sharing.offices.count)
        for line in lines {
            let payer = line.participant.paidBy
            // Each line's planned and actual amounts are split as the plan splits that line (``CostSharing/parts(of:paidBy:shares:)``).
            let split = zip(costLines, line.amounts).map { costLine, amount in
                zip(sharing.parts(of: amount.planned, paidBy: payer, shares: costLine.shares),
                    sharing.parts(of: amount.actual, paidBy: payer, shares: costLine.shares)).map { PlanActual(planned: $0, actual: $1) }
            }
            for index in sharing.offices.indices {
                parts[index].append(OfficeReconciliationLine(line: line, assistedAirfare: split[0][index], localExpenses: split[1][index],
                                                             declared: split.dropFirst(2).map { $0[index] }))
            }
        }
        return sharing.offices.indices.map { index in
            let count = max(0, costLines.count - 2)
            return OfficeReconciliation(share: sharing.offices[index], lines: parts[index],
                                        assistedAirfare: parts[index].map(\.assistedAirfare).reduce(.zero, +),
                                        localExpenses: parts[index].map(\.localExpenses).reduce(.zero, +),
                                        declared: (0..<count).map { line in parts[index].map { $0.declared[line] }.reduce(.zero, +) })
        }
    }
}
