import BudgetCore
import Spreadsheet

/// The blocks under a `Plan vs actual` sheet's lines, on its first page across (from column B: the id column prints on every
/// page across, and a label there would be cut): by attendance group, by cost line, by paying office, the ceilings, each
/// footing check. On the second page across, under the rest of the lines: the flags' letters and the rules in words.
struct PlanActualSummary {
    let reconciliation: Reconciliation
    let layout: PlanActualLayout

    typealias C = PlanActualLayout.Column
    static let footingLabel = "Footing: the variances less (actual - planned); 0.00 when they foot"

    /// Where a block's label and figures are: the label across columns B to E, a count (or a ceiling) in F, then planned,
    /// actual, variance and % in G to J (the money columns of the first page across).
    enum Place {
        static let label = 1, lastLabel = 4, count = 5, planned = 6, actual = 7, variance = 8, percent = 9
    }

    /// A block's label, across its columns.
    private func label(_ row: Int, _ text: String, _ style: CellStyle, on sheet: inout Sheet) {
        sheet.set(row, Place.label, .text(text, style))
        for column in (Place.label + 1)...Place.lastLabel { sheet.set(row, column, Cell(.blank, style)) }
        sheet.merges.append(CellRange(CellAddress(row: row, column: Place.label), CellAddress(row: row, column: Place.lastLabel)))
    }

    /// A block's header row: its label across B to E, then the figures' titles.
    private func header(_ row: Int, _ title: String, _ figures: [String], on sheet: inout Sheet) {
        label(row, title, .head, on: &sheet)
        sheet.header(row, figures, from: Place.count)
    }

    /// One row of a label, then planned, actual, variance and %.
    private func figures(_ row: Int, _ text: String, planned: String, actual: String, _ cached: PlanActual,
                         role: CellStyle.Role = .item, on sheet: inout Sheet) {
        let usd = CellStyle(role, .usd)
        label(row, text, CellStyle(role, wrap: true), on: &sheet)
        sheet.set(row, Place.planned, .formula(planned, cached.planned.number, usd))
        sheet.set(row, Place.actual, .formula(actual, cached.actual.number, usd))
        let (p, a) = (CellAddress(row: row, column: Place.planned).a1, CellAddress(row: row, column: Place.actual).a1)
        sheet.set(row, Place.variance, .formula(Formulas.difference(a, p), cached.variance.number, usd))
        sheet.set(row, Place.percent, percentCell(variance: CellAddress(row: row, column: Place.variance).a1, planned: p, cached,
                                                  CellStyle(role, .percentagePoints)))
    }

    func write(on sheet: inout Sheet) {
        let r = reconciliation
        let start = layout.totalRow + 3
        var row = byAttendance(on: &sheet, from: start)
        let (next, costTotalRow) = byCostLine(on: &sheet, from: row)
        row = next
        let (afterOffices, officeRows) = byOffice(on: &sheet, from: row)
        _ = ceilings(from: afterOffices, officeRows: officeRows, totalRow: costTotalRow, on: &sheet)

        let lines = r.event.personLines.dropFirst(2).prefix(layout.declared).map(\.name)
        let linesRule = lines.isEmpty ? [] : ["The event file's other lines (\(CostLineText.list(lines))): planned as in the budget; "
            + "actual as paid (the Paid columns, from the roster's <key>_actual_usd), else the plan stands; a participant with only "
            + "such an amount recorded travelled. Planned and actual totals, variances and the offices' parts include them."]
        let flags = r.flagCounts.map { FlagLegend.entry(letter: $0.flag.letter, name: $0.flag.rawValue, meaning: $0.flag.explanation) }
        let paragraphs = (flags.isEmpty ? [] : ["Flags (each letter as the Flags column shows it; the same letters as every report's):"] + flags)
            + ReconcileTextReport.rules + linesRule + [r.event.costSharing.basis]
            + ["Blue cells on a yellow ground are inputs: change a ticket, the nights or local expenses paid, "
               + (lines.isEmpty ? "" : "another line's amount paid, ") + "or the funding, and every figure recomputes. Planned figures "
               + "come from the roster and office sheets. Attendance: travelled (any actual figure), did not travel (planned, none), "
               + "not planned (travelled, but planned = no or left out of the plan)."]
        notes(paragraphs, from: start, on: &sheet)
    }

    /// The notes as one cell across the second page's columns, as many rows high as its lines need: under the rest of the
    /// lines, beside the blocks, so that the sheet prints on two pages across and each row keeps its own height.
    private func notes(_ paragraphs: [String], from start: Int, on sheet: inout Sheet) {
        let pages = layout.pagesAcross(widths: sheet.columnWidths)
        guard let second = pages.dropFirst().first else { return }
        let chars = second.reduce(0.0) { $0 + sheet.width($1) } + Double(second.count - 1)
        let text = paragraphs.joined(separator: "\n")
        // The lines at the note's size, and one to spare.
        let lines = PageMetrics.lines(text, width: chars * 11 / PageMetrics.bodySize) + 1
        let range = CellRange(CellAddress(row: start, column: second.lowerBound), CellAddress(row: start + lines - 1, column: second.upperBound))
        sheet.set(start, second.lowerBound, .text(text, CellStyle(.note, wrap: true)))
        sheet.merges.append(range)
        sheet.keepTogether.append(start...(start + lines - 1))
    }

    /// Each attendance group's count and figures (`COUNTIF`/`SUMIF`), their total, and the footing check; returns the row
    /// after the block.
    private func byAttendance(on sheet: inout Sheet, from start: Int) -> Int {
        let r = reconciliation
        var row = start
        let count = CellStyle(.item, .count)
        header(row, "By attendance", ["Participants", "Planned total (US$)", "Actual total (US$)", "Variance (US$)", "Variance (% of plan)"],
               on: &sheet)
        row += 1
        let firstGroup = row
        for group in r.groups {
            let criterion = "\"\(PlanActualLayout.word(group.attendance))\""
            let sumif = { (column: C) in "SUMIF(\(layout.range(.attendance)),\(criterion),\(layout.range(column)))" }
            figures(row, group.attendance.heading, planned: sumif(.plannedTotal), actual: sumif(.actualTotal), group.subtotal.total, on: &sheet)
            sheet.set(row, Place.count, .formula("COUNTIF(\(layout.range(.attendance)),\(criterion))", Double(group.lines.count), count))
            // The group's variance is the sum of its participants' variances.
            sheet.set(row, Place.variance, .formula(sumif(.variance), group.lines.map(\.total.variance).sum().number, CellStyle(.item, .usd)))
            row += 1
        }
        let groupRange = { (column: Int) in CellRange(CellAddress(row: firstGroup, column: column), CellAddress(row: row - 1, column: column)).a1 }
        figures(row, "Total", planned: "SUM(\(groupRange(Place.planned)))", actual: "SUM(\(groupRange(Place.actual)))", r.totals.total,
                role: .total, on: &sheet)
        sheet.set(row, Place.count, .formula("SUM(\(groupRange(Place.count)))", Double(r.lines.count), CellStyle(.total, .count)))
        sheet.set(row, Place.variance, .formula("SUM(\(groupRange(Place.variance)))", r.varianceSum.number, CellStyle(.total, .usd)))
        row += 1
        label(row, PlanActualSummary.footingLabel, .note, on: &sheet)
        sheet.set(row, Place.variance, .formula("ROUND(SUM(\(layout.range(.variance)))-(\(layout.total(.actualTotal))-\(layout.total(.plannedTotal))),2)",
                                               (r.varianceSum - r.totals.total.variance).number, CellStyle(.item, .usd)))
        sheet.keepTogether.append(start...row)
        return row + 2
    }

    /// Each per-person line planned against actual, their total, and (for an event with cost lines) the plan's event costs,
    /// against which nothing actual is recorded; returns the row after the block and the total's row.
    private func byCostLine(on sheet: inout Sheet, from start: Int) -> (next: Int, totalRow: Int) {
        let r = reconciliation
        var row = start
        header(row, "By cost line", ["", "Planned (US$)", "Actual (US$)", "Variance (US$)", "Variance (% of plan)"], on: &sheet)
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
        guard WorkbookNames.showsCostLines(r.event) else {
            sheet.keepTogether.append(start...costTotalRow)
            return (row + 1, costTotalRow)
        }
        let usd = CellStyle(.item, .usd)
        for cost in r.plan.eventCosts {
            label(row, "\(cost.name) (event cost, planned)", CellStyle(.item, wrap: true), on: &sheet)
            sheet.set(row, Place.planned, .formula(WorkbookNames.eventCost(r.event, cost.key), cost.amount.number, usd))
            row += 1
        }
        label(row, "The plan's grand total (Cost lines sheet)", CellStyle(.total), on: &sheet)
        sheet.set(row, Place.planned, .formula(WorkbookNames.grandTotal(r.event), r.plan.grandTotal.number, CellStyle(.total, .usd)))
        row += 1
        label(row, "The roster records no actual event costs, so none is set against the plan.", .note, on: &sheet)
        sheet.keepTogether.append(start...row)
        return (row + 2, costTotalRow)
    }

    /// Each paying office planned against actual, and the footing check; returns the row after the block and each office's row.
    private func byOffice(on sheet: inout Sheet, from start: Int) -> (next: Int, officeRows: [String: Int]) {
        let r = reconciliation
        var row = start
        header(row, "By paying office", ["", "Planned (US$)", "Actual (US$)", "Variance (US$)", "Variance (% of plan)"], on: &sheet)
        row += 1
        var officeRows: [String: Int] = [:]
        let firstOffice = row
        for (index, office) in r.offices.enumerated() {
            let columns = layout.offices > 1 ? layout.officeColumns(index) : (planned: C.plannedTotal.rawValue, actual: C.actualTotal.rawValue)
            figures(row, office.office, planned: layout.total(columns.planned), actual: layout.total(columns.actual), office.total, on: &sheet)
            officeRows[office.office] = row
            row += 1
        }
        let officeVariances = CellRange(CellAddress(row: firstOffice, column: Place.variance), CellAddress(row: row - 1, column: Place.variance)).a1
        label(row, "Footing: the offices' variances less the total variance; 0.00 when they add up", .note, on: &sheet)
        sheet.set(row, Place.variance, .formula("ROUND(SUM(\(officeVariances))-\(layout.total(.variance)),2)",
                                               (r.offices.map(\.total.variance).sum() - r.varianceSum).number, CellStyle(.item, .usd)))
        sheet.keepTogether.append(start...row)
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
        header(row, "Budget ceiling", ["Ceiling (US$)", "Planned (US$)", "Headroom, plan (US$)", "Actual (US$)", "Headroom, actual (US$)"],
               on: &sheet)
        row += 1
        let firstCeiling = row
        for (plan, actual) in zip(r.plan.headroom, r.actualHeadroom) {
            let source: Int
            switch plan.scope {
            case .event: source = totalRow
            case .office(let office): source = officeRows[office] ?? totalRow
            }
            let usd = CellStyle(.item, .usd)
            let (c, p, hp, a, ha) = (Place.count, Place.planned, Place.actual, Place.variance, Place.percent)
            let ceiling = CellAddress(row: row, column: c).a1
            label(row, plan.scope == .event ? "Event total" : HeadroomText.scope(plan), CellStyle(.item, wrap: true), on: &sheet)
            sheet.set(row, c, .number(plan.ceiling.number, CellStyle(.input, .usd)))
            sheet.set(row, p, .formula(plannedSpent(plan.scope, participants: CellAddress(row: source, column: Place.planned).a1), plan.spent.number, usd))
            sheet.set(row, hp, .formula(Formulas.difference(ceiling, CellAddress(row: row, column: p).a1), plan.headroom.number, usd))
            sheet.set(row, a, .formula(plannedSpent(plan.scope, participants: CellAddress(row: source, column: Place.actual).a1), actual.spent.number, usd))
            sheet.set(row, ha, .formula(Formulas.difference(ceiling, CellAddress(row: row, column: a).a1), actual.headroom.number, usd))
            row += 1
        }
        // A passed ceiling: its headroom (plan or actual) below zero.
        for column in [Place.actual, Place.percent] where row > firstCeiling {
            sheet.conditionalFormats.append(ConditionalFormat(
                range: CellRange(CellAddress(row: firstCeiling, column: column), CellAddress(row: row - 1, column: column)),
                formula: CellAddress(row: firstCeiling, column: column).a1 + "<0", mark: .problem))
        }
        sheet.validations.append(Validation(
            range: CellRange(CellAddress(row: firstCeiling, column: Place.count), CellAddress(row: max(row - 1, firstCeiling), column: Place.count)),
            rule: .decimal(0...100_000_000), inputTitle: "Ceiling (US$)", inputMessage: "The budget ceiling in US$.",
            errorMessage: "Type an amount in US$, 0 or more, without letters."))
        label(row, HeadroomText.rule, .note, on: &sheet)
        sheet.keepTogether.append((firstCeiling - 1)...row)
        return row + 2
    }
}
