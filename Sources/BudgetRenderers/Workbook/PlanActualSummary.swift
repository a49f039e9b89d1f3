import BudgetCore
import Spreadsheet

/// The blocks under a `Plan vs actual` sheet's lines: by attendance group, by cost line, by paying office, the ceilings,
/// each footing check, then the rules in words.
struct PlanActualSummary {
    let reconciliation: Reconciliation
    let layout: PlanActualLayout

    typealias C = PlanActualLayout.Column
    static let footingLabel = "Footing: the variances less (actual - planned); 0.00 when they foot"

    /// One row of a label, then planned, actual, variance and % in columns C to F.
    private func figures(_ row: Int, _ label: String, planned: String, actual: String, _ cached: PlanActual,
                         role: CellStyle.Role = .item, on sheet: inout Sheet) {
        let usd = CellStyle(role, .usd)
        sheet.set(row, 0, .text(label, CellStyle(role)))
        sheet.set(row, 2, .formula(planned, cached.planned.number, usd))
        sheet.set(row, 3, .formula(actual, cached.actual.number, usd))
        let (p, a) = (CellAddress(row: row, column: 2).a1, CellAddress(row: row, column: 3).a1)
        sheet.set(row, 4, .formula(Formulas.difference(a, p), cached.variance.number, usd))
        sheet.set(row, 5, percentCell(variance: CellAddress(row: row, column: 4).a1, planned: p, cached, CellStyle(role, .percentagePoints)))
    }

    func write(on sheet: inout Sheet) {
        let r = reconciliation
        var row = byAttendance(on: &sheet, from: layout.totalRow + 3)
        let (next, costTotalRow) = byCostLine(on: &sheet, from: row)
        row = next
        let (afterOffices, officeRows) = byOffice(on: &sheet, from: row)
        row = ceilings(from: afterOffices, officeRows: officeRows, totalRow: costTotalRow, on: &sheet)

        let lines = r.event.personLines.dropFirst(2).prefix(layout.declared).map(\.name)
        let linesRule = lines.isEmpty ? [] : ["The event file's other lines (\(CostLineText.list(lines))): planned as in the budget; "
            + "actual as paid (the Paid columns, from the roster's <key>_actual_usd), else the plan stands; a participant with only "
            + "such an amount recorded travelled. Planned and actual totals, variances and the offices' parts include them."]
        for sentence in ReconcileTextReport.rules + linesRule + [r.event.costSharing.basis] {
            sheet.set(row, 0, .text(sentence, .note))
            row += 1
        }
        sheet.set(row, 0, .text("Blue cells on a yellow ground are inputs: change a ticket, the nights or local expenses paid, "
            + (lines.isEmpty ? "" : "another line's amount paid, ") + "or the "
            + "funding, and every figure recomputes. Planned figures come from the roster and office sheets.", .note))
    }

    /// Each attendance group's count and figures (`COUNTIF`/`SUMIF`), their total, and the footing check; returns the row
    /// after the block.
    private func byAttendance(on sheet: inout Sheet, from start: Int) -> Int {
        let r = reconciliation
        var row = start
        let count = CellStyle(.item, .count)
        sheet.header(row, ["By attendance", "Participants", "Planned total (US$)", "Actual total (US$)", "Variance (US$)", "Variance (% of plan)"])
        row += 1
        let firstGroup = row
        for group in r.groups {
            let criterion = "\"\(group.attendance.rawValue)\""
            let sumif = { (column: C) in "SUMIF(\(layout.range(.attendance)),\(criterion),\(layout.range(column)))" }
            figures(row, group.attendance.heading, planned: sumif(.plannedTotal), actual: sumif(.actualTotal), group.subtotal.total, on: &sheet)
            sheet.set(row, 1, .formula("COUNTIF(\(layout.range(.attendance)),\(criterion))", Double(group.lines.count), count))
            // The group's variance is the sum of its participants' variances.
            sheet.set(row, 4, .formula(sumif(.variance), group.lines.map(\.total.variance).sum().number, CellStyle(.item, .usd)))
            row += 1
        }
        let groupRange = { (column: Int) in CellRange(CellAddress(row: firstGroup, column: column), CellAddress(row: row - 1, column: column)).a1 }
        figures(row, "Total", planned: "SUM(\(groupRange(2)))", actual: "SUM(\(groupRange(3)))", r.totals.total, role: .total, on: &sheet)
        sheet.set(row, 1, .formula("SUM(\(groupRange(1)))", Double(r.lines.count), CellStyle(.total, .count)))
        sheet.set(row, 4, .formula("SUM(\(groupRange(4)))", r.varianceSum.number, CellStyle(.total, .usd)))
        row += 1
        sheet.set(row, 0, .text(PlanActualSummary.footingLabel, .note))
        sheet.set(row, 4, .formula("ROUND(SUM(\(layout.range(.variance)))-(\(layout.total(.actualTotal))-\(layout.total(.plannedTotal))),2)",
                                   (r.varianceSum - r.totals.total.variance).number, CellStyle(.item, .usd)))
        return row + 2
    }

    /// Each per-person line planned against actual, their total, and (for an event with cost lines) the plan's event costs,
    /// against which nothing actual is recorded; returns the row after the block and the total's row.
    private func byCostLine(on sheet: inout Sheet, from start: Int) -> (next: Int, totalRow: Int) {
        let r = reconciliation
        var row = start
        sheet.header(row, ["By cost line", "", "Planned (US$)", "Actual (US$)", "Variance (US$)", "Variance (% of plan)"])
        row += 1
        let declared = r.event.personLines.dropFirst(2).prefix(layout.declared).enumerated().map { index, line in
            (line.name, layout.lineColumns(index).planned, layout.lineColumns(index).actual,
             index < r.totals.declared.count ? r.totals.declared[index] : PlanActual.zero)
        }
        let lines: [(String, Int, Int, PlanActual)] = [
            ("Assisted airfare", C.plannedAirfare.rawValue, C.actualAirfare.rawValue, r.totals.assistedAirfare),
            ("Local expenses", C.plannedLocal.rawValue, C.actualLocal.rawValue, r.totals.localExpenses),
        ] + declared + [("Total", C.plannedTotal.rawValue, C.actualTotal.rawValue, r.totals.total)]
        for (label, planned, actual, cached) in lines {
            figures(row, label, planned: layout.total(planned), actual: layout.total(actual), cached, role: label == "Total" ? .total : .item, on: &sheet)
            row += 1
        }
        let costTotalRow = row - 1
        guard WorkbookNames.showsCostLines(r.event) else { return (row + 1, costTotalRow) }
        let usd = CellStyle(.item, .usd)
        for cost in r.plan.eventCosts {
            sheet.set(row, 0, .text("\(cost.name) (event cost, planned)"))
            sheet.set(row, 2, .formula(WorkbookNames.eventCost(r.event, cost.key), cost.amount.number, usd))
            row += 1
        }
        sheet.set(row, 0, .text("The plan's grand total (Cost lines sheet)", CellStyle(.total)))
        sheet.set(row, 2, .formula(WorkbookNames.grandTotal(r.event), r.plan.grandTotal.number, CellStyle(.total, .usd)))
        row += 1
        sheet.set(row, 0, .text("The roster records no actual event costs, so none is set against the plan.", .note))
        return (row + 2, costTotalRow)
    }

    /// Each paying office planned against actual, and the footing check; returns the row after the block and each office's row.
    private func byOffice(on sheet: inout Sheet, from start: Int) -> (next: Int, officeRows: [String: Int]) {
        let r = reconciliation
        var row = start
        sheet.header(row, ["By paying office", "", "Planned (US$)", "Actual (US$)", "Variance (US$)", "Variance (% of plan)"])
        row += 1
        var officeRows: [String: Int] = [:]
        let firstOffice = row
        for (index, office) in r.offices.enumerated() {
            let columns = layout.offices > 1 ? layout.officeColumns(index) : (planned: C.plannedTotal.rawValue, actual: C.actualTotal.rawValue)
            figures(row, office.office, planned: layout.total(columns.planned), actual: layout.total(columns.actual), office.total, on: &sheet)
            officeRows[office.office] = row
            row += 1
        }
        let officeVariances = CellRange(CellAddress(row: firstOffice, column: 4), CellAddress(row: row - 1, column: 4)).a1
        sheet.set(row, 0, .text("Footing: the offices' variances less the total variance; 0.00 when they add up", .note))
        sheet.set(row, 4, .formula("ROUND(SUM(\(officeVariances))-\(layout.total(.variance)),2)",
                                   (r.offices.map(\.total.variance).sum() - r.varianceSum).number, CellStyle(.item, .usd)))
        return (row + 2, officeRows)
    }

    /// What the plan (or the actuals) spends under a ceiling: the participants' lines, and for an event with cost lines the
    /// plan's event costs too (the event's, or the office's part), as `BudgetTally.headroom` and `Reconciliation` count them
    /// (no actual event cost is recorded: the plan's stand).
    private func plannedSpent(_ scope: Headroom.Scope, participants: String) -> String {
        let r = reconciliation
        guard WorkbookNames.showsCostLines(r.event), !r.plan.eventCosts.isEmpty else { return participants }
        switch scope {
        case .event: return Formulas.total(participants, WorkbookNames.eventCosts(r.event))
        case .office(let name):
            guard let index = r.offices.firstIndex(where: { $0.office == name }) else { return participants }
            return Formulas.total([participants] + r.plan.eventCosts.map { WorkbookNames.eventCostPart(r.event, office: index, $0.key) })
        }
    }

    /// The ceilings (inputs) with the headroom of the plan and of the actuals; returns the row after the block.
    private func ceilings(from start: Int, officeRows: [String: Int], totalRow: Int, on sheet: inout Sheet) -> Int {
        let r = reconciliation
        guard !r.plan.headroom.isEmpty else { return start }
        var row = start
        sheet.header(row, ["Budget ceiling", "Ceiling (US$)", "Planned (US$)", "Headroom, plan (US$)", "Actual (US$)", "Headroom, actual (US$)"])
        row += 1
        let firstCeiling = row
        for (plan, actual) in zip(r.plan.headroom, r.actualHeadroom) {
            let source: Int
            switch plan.scope {
            case .event: source = totalRow
            case .office(let office): source = officeRows[office] ?? totalRow
            }
            let usd = CellStyle(.item, .usd)
            let ceiling = CellAddress(row: row, column: 1).a1
            sheet.set(row, 0, .text(plan.scope == .event ? "Event total" : HeadroomText.scope(plan)))
            sheet.set(row, 1, .number(plan.ceiling.number, CellStyle(.input, .usd)))
            sheet.set(row, 2, .formula(plannedSpent(plan.scope, participants: CellAddress(row: source, column: 2).a1), plan.spent.number, usd))
            sheet.set(row, 3, .formula(Formulas.difference(ceiling, CellAddress(row: row, column: 2).a1), plan.headroom.number, usd))
            sheet.set(row, 4, .formula(plannedSpent(plan.scope, participants: CellAddress(row: source, column: 3).a1), actual.spent.number, usd))
            sheet.set(row, 5, .formula(Formulas.difference(ceiling, CellAddress(row: row, column: 4).a1), actual.headroom.number, usd))
            row += 1
        }
        // A passed ceiling: its headroom (plan or actual) below zero.
        for column in [3, 5] where row > firstCeiling {
            sheet.conditionalFormats.append(ConditionalFormat(
                range: CellRange(CellAddress(row: firstCeiling, column: column), CellAddress(row: row - 1, column: column)),
                formula: CellAddress(row: firstCeiling, column: column).a1 + "<0", mark: .problem))
        }
        sheet.validations.append(Validation(
            range: CellRange(CellAddress(row: firstCeiling, column: 1), CellAddress(row: max(row - 1, firstCeiling), column: 1)),
            rule: .decimal(0...100_000_000), inputTitle: "Ceiling (US$)", inputMessage: "The budget ceiling in US$.",
            errorMessage: "Type an amount in US$, 0 or more, without letters."))
        sheet.set(row, 0, .text(HeadroomText.rule, .note))
        return row + 2
    }
}
