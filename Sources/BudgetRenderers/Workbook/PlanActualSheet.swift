import BudgetCore
import Spreadsheet

/// `Plan vs actual`: each participant's plan (read from the roster and office sheets) against the actuals (inputs), with
/// live variances, then the groups, the cost lines, the paying offices and the ceilings, each with its cached result.
struct PlanActualSheet {
    let reconciliation: Reconciliation
    let name: String
    let options: RenderOptions
    let userText: UserText

    typealias C = PlanActualLayout.Column

    func make() throws(WorkbookError) -> Sheet {
        let r = reconciliation
        let layout = PlanActualLayout(r, sheet: name)
        var sheet = Sheet(name: name)
        // Two landscape pages across at 75 %, on A4 or Letter: the participant, the airfare and the nights on the first; the
        // local expenses, the totals, the variance, the flags and each office's part on the second (the id printed again).
        let titles: [(C, String, Double)] = [
            (.id, "ID", 8), (.name, "Name", 17), (.departure, "Point of departure", 13), (.attendance, "Attendance", 10),
            (.funding, "Funding", 11), (.cap, "Cap (US$)", 10), (.ticket, "Ticket (US$)", 11),
            (.plannedAirfare, "Planned assisted airfare (US$)", 11), (.actualAirfare, "Actual assisted airfare (US$)", 11),
            (.share, "Participant share of the ticket (US$)", 11), (.plannedNights, "Planned nights", 8),
            (.actualNights, "Actual nights", 8), (.days, "Workshop days", 8), (.localRecorded, "Local expenses paid (US$)", 11),
            (.plannedLocal, "Planned local expenses (US$)", 11), (.actualLocal, "Actual local expenses (US$)", 11),
            (.plannedTotal, "Planned total (US$)", 12), (.actualTotal, "Actual total (US$)", 12), (.variance, "Variance (US$)", 12),
            (.percent, "Variance (% of plan)", 9), (.flags, "Flags", 7),
        ]
        for (column, title, width) in titles {
            sheet.set(0, column.rawValue, .text(title, .head))
            sheet.columnWidths[column.rawValue] = width
        }
        let officeNames = WorkbookNames.offices(r.event)
        for index in 0..<layout.offices {
            let columns = layout.officeColumns(index)
            let office = r.event.costSharing.offices[index].firstWord
            sheet.set(0, columns.planned, .text("\(office), planned (US$)", .head))
            sheet.set(0, columns.actual, .text("\(office), actual (US$)", .head))
            sheet.columnWidths[columns.planned] = 12
            sheet.columnWidths[columns.actual] = 12
        }
        for (index, line) in r.event.personLines.dropFirst(2).prefix(layout.declared).enumerated() {
            let columns = layout.lineColumns(index)
            for (column, title) in [(columns.planned, "Planned \(line.name) (US$)"), (columns.paid, "\(line.name) paid (US$)"),
                                    (columns.actual, "Actual \(line.name) (US$)")] {
                sheet.set(0, column, .text(title, .head))
                sheet.columnWidths[column] = 11
            }
        }
        let planIndex = Dictionary(uniqueKeysWithValues: r.plan.lines.enumerated().map { ($0.element.participant.id, $0.offset) })
        for (index, line) in layout.lines.enumerated() {
            try participantRow(line, row: layout.firstRow + index, planIndex: planIndex[line.participant.id],
                               layout: layout, officeNames: officeNames, on: &sheet)
        }
        totalRow(layout, on: &sheet)
        PlanActualSummary(reconciliation: r, layout: layout).write(on: &sheet)
        sheet.frozenRows = 1
        sheet.frozenColumns = 1
        sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: layout.lastRow, column: C.flags.rawValue))
        var setup = PrintSetup(header: "Plan against actual")
        setup.columnBreaks = layout.pagesAcross(widths: sheet.columnWidths).dropFirst().map(\.lowerBound)
        sheet.printSetup = setup
        checks(layout, on: &sheet)
        return sheet
    }

    /// Input checks on the actuals and the funding, and marks on a participant share above zero.
    private func checks(_ layout: PlanActualLayout, on sheet: inout Sheet) {
        typealias K = PlanActualLayout.Column
        func range(_ column: K) -> CellRange {
            CellRange(CellAddress(row: layout.firstRow, column: column.rawValue), CellAddress(row: layout.lastRow, column: column.rawValue))
        }
        let event = reconciliation.event
        for index in 0..<layout.declared {
            let column = layout.lineColumns(index).paid
            sheet.validations.append(Validation(
                range: CellRange(CellAddress(row: layout.firstRow, column: column), CellAddress(row: layout.lastRow, column: column)),
                rule: .decimal(0...1_000_000), inputTitle: "Paid (US$)",
                inputMessage: "What was paid on this line for the participant, in US$; empty when not known (the plan stands).",
                errorMessage: "Type an amount in US$ from 0 to 1,000,000, without letters."))
        }
        sheet.validations.append(Validation(range: range(.funding), rule: .list(Funding.allCases.map(\.rawValue)),
            inputTitle: "Funding", inputMessage: "assisted: the event pays the airfare up to the cap. self-funded: the participant pays it.",
            errorMessage: "Choose assisted or self-funded from the list."))
        for (column, title, what) in [(K.ticket, "Ticket (US$)", "The ticket's price as paid, in US$"),
                                      (.localRecorded, "Local expenses paid (US$)", "The local expenses paid, in US$")] {
            sheet.validations.append(Validation(range: range(column), rule: .decimal(0...1_000_000), inputTitle: title,
                inputMessage: what + ", from 0 to 1,000,000; empty when not known.",
                errorMessage: "Type an amount in US$ from 0 to 1,000,000, without letters."))
        }
        let most = event.coveredNights.count
        sheet.validations.append(Validation(range: range(.actualNights), rule: .whole(0...most), inputTitle: "Actual nights",
            inputMessage: "The covered nights the participant stayed: a whole number from 0 to \(most).",
            errorMessage: "Type a whole number from 0 to \(most): the event covers \(most) nights at most."))
        let share = CellAddress(row: layout.firstRow, column: K.share.rawValue).a1
        sheet.conditionalFormats.append(ConditionalFormat(range: range(.share), formula: "\(share)>0", mark: .attention))
    }

    /// One participant: the plan read from the roster sheet (0 for someone not planned), the actuals as inputs, the rest formulas.
    private func participantRow(_ line: ReconciliationLine, row: Int, planIndex: Int?, layout: PlanActualLayout,
                                officeNames: [String], on sheet: inout Sheet) throws(WorkbookError) {
        let r = reconciliation
        let event = r.event
        let p = line.participant
        let roster = RosterLayout(r.plan)
        func at(_ column: C) -> String { CellAddress(row: row, column: column.rawValue).a1 }
        func put(_ column: C, _ cell: Cell) { sheet.set(row, column.rawValue, cell) }
        let usd = CellStyle(.item, .usd), inputUSD = CellStyle(.input, .usd), inputCount = CellStyle(.input, .count)
        /// The plan's cell for this participant on the roster sheet, or 0 for someone not in the plan.
        func planned(_ column: RosterLayout.Column, _ cached: Double, _ style: CellStyle) -> Cell {
            guard let planIndex else { return .number(0, style) }
            return .formula(roster.cell(column, line: planIndex), cached, style)
        }
        put(.id, .text(try userText.clean(p.id, field: "id", of: p), CellStyle(.item, .text)))
        put(.name, .text(try userText.clean(options.name(p), field: "name", of: p), CellStyle(.item, .text)))
        put(.departure, .text(p.country.name))
        put(.funding, .text(p.funding.rawValue, CellStyle(.input)))
        let roles = Formulas.RoleRules(check: .known(p.role), event: event)
        put(.cap, cap(line, planIndex: planIndex, roles: roles, departure: at(.departure)))
        put(.ticket, p.actual.ticket.map { .number($0.number, inputUSD) } ?? Cell(.blank, inputUSD))
        put(.actualNights, p.actual.nights.map { .number(Double($0), inputCount) } ?? Cell(.blank, inputCount))
        put(.localRecorded, p.actual.localExpenses.map { .number($0.number, inputUSD) } ?? Cell(.blank, inputUSD))
        let paid = (0..<layout.declared).map { CellAddress(row: row, column: layout.lineColumns($0).paid).a1 }
        let travelled = Formulas.travelled(ticket: at(.ticket), nights: at(.actualNights), local: at(.localRecorded), lines: paid)
        let attendance = planIndex == nil ? "\"\(PlanActualLayout.word(.notPlanned))\""
            : "IF(\(travelled),\"\(PlanActualLayout.word(.plannedAndTravelled))\",\"\(PlanActualLayout.word(.plannedNotTravelled))\")"
        put(.attendance, Cell(.formula(attendance, cached: .text(PlanActualLayout.word(line.attendance))), CellStyle(.item, wrap: true)))

        put(.plannedAirfare, planned(.assisted, line.assistedAirfare.planned.number, usd))
        let plannedShare = planIndex.map { roster.cell(.share, line: $0) } ?? "0"
        let (ticket, cap) = (at(.ticket), at(.cap))
        put(.actualAirfare, .formula(Formulas.actualAssistedAirfare(travelled: travelled, ticket: ticket, planned: at(.plannedAirfare),
                                                                    cap: cap, funding: at(.funding), roles: roles),
                                     line.assistedAirfare.actual.number, usd))
        put(.share, .formula(Formulas.actualParticipantShare(travelled: travelled, ticket: ticket, plannedShare: plannedShare,
                                                             actualAirfare: at(.actualAirfare)),
                             line.participantShare.number, usd))
        put(.plannedNights, planned(.nights, Double(line.plannedNights), CellStyle(.item, .count)))
        put(.days, planIndex.map { .formula(roster.cell(.days, line: $0), Double(line.costing.days), CellStyle(.item, .count)) }
            ?? .number(Double(line.costing.days), inputCount))
        put(.plannedLocal, planned(.local, line.localExpenses.planned.number, usd))
        let rates = WorkbookNames.Rates(event)
        let units = "(" + Formulas.localUnits(nights: at(.actualNights), days: at(.days), rates) + ")"
        let fromNights = Formulas.coveredLocal(Formulas.usd(localUnits: units, rates), funding: at(.funding), event)
        put(.actualLocal, .formula(Formulas.actualLocal(recorded: at(.localRecorded), nights: at(.actualNights), fromNights: fromNights,
                                                        ticket: ticket, planned: at(.plannedLocal), travelled: paid.isEmpty ? nil : travelled),
                                   line.localExpenses.actual.number, usd))
        let lines = declaredLines(line, row: row, planIndex: planIndex, travelled: travelled, layout: layout, on: &sheet)
        put(.plannedTotal, .formula(lines.isEmpty ? Formulas.total(at(.plannedAirfare), at(.plannedLocal))
                                        : Formulas.total([at(.plannedAirfare), at(.plannedLocal)] + lines.map(\.planned)),
                                    line.total.planned.number, usd))
        put(.actualTotal, .formula(lines.isEmpty ? Formulas.total(at(.actualAirfare), at(.actualLocal))
                                       : Formulas.total([at(.actualAirfare), at(.actualLocal)] + lines.map(\.actual)),
                                   line.total.actual.number, usd))
        put(.variance, .formula(Formulas.difference(at(.actualTotal), at(.plannedTotal)), line.total.variance.number, usd))
        put(.percent, percentCell(variance: at(.variance), planned: at(.plannedTotal), line.total, CellStyle(.item, .percentagePoints)))
        put(.flags, .text(line.flags.map(\.letter).joined(separator: " "), CellStyle(.item, centered: true)))
        officeCells(line, row: row, planIndex: planIndex, layout: layout, officeNames: officeNames, on: &sheet)
    }

    /// The cap: the roster's for a planned participant; else an override (where the role's rule has a cap), or the cap by the
    /// role (``Formulas/roleCap(table:departure:_:)``: a participant's from the cap table).
    private func cap(_ line: ReconciliationLine, planIndex: Int?, roles: Formulas.RoleRules, departure: String) -> Cell {
        let cached = line.costing.cap.map { CachedResult.number($0.number) } ?? .text("")
        let usd = CellStyle(.item, .usd)
        if let planIndex { return Cell(.formula(RosterLayout(reconciliation.plan).cell(.cap, line: planIndex), cached: cached), usd) }
        let overrideCounts: Bool
        switch reconciliation.event.airfareRule(for: line.participant.role) {
        case .capped, .ownCap: overrideCounts = true
        case .full, .none: overrideCounts = false
        }
        if let override = line.participant.capOverride, overrideCounts { return .number(override.number, CellStyle(.input, .usd)) }
        return Cell(.formula(Formulas.roleCap(table: WorkbookNames.capTable(reconciliation.event), departure: departure, roles), cached: cached), usd)
    }

    /// Each declared line: planned (from the roster sheet, 0 for someone not planned), paid (an input) and actual (the amount
    /// paid, else the plan; 0 for someone who did not travel); returns each line's planned and actual cells.
    private func declaredLines(_ line: ReconciliationLine, row: Int, planIndex: Int?, travelled: String, layout: PlanActualLayout,
                               on sheet: inout Sheet) -> [(planned: String, actual: String)] {
        let r = reconciliation
        let roster = RosterLayout(r.plan)
        let usd = CellStyle(.item, .usd)
        return r.event.personLines.indices.dropFirst(2).prefix(layout.declared).enumerated().map { index, personLine in
            let columns = layout.lineColumns(index)
            let figures = line.declared[index]
            func a1(_ column: Int) -> String { CellAddress(row: row, column: column).a1 }
            if let planIndex {
                sheet.set(row, columns.planned, .formula(roster.cell(column: roster.column(personLine: personLine), line: planIndex),
                                                         figures.planned.number, usd))
            } else {
                sheet.set(row, columns.planned, .number(0, usd))
            }
            let recorded = line.participant.actual.lines[r.event.personLines[personLine].key]
            sheet.set(row, columns.paid, recorded.map { .number($0.number, CellStyle(.input, .usd)) } ?? Cell(.blank, CellStyle(.input, .usd)))
            sheet.set(row, columns.actual, .formula(Formulas.actualLine(travelled: travelled, recorded: a1(columns.paid), planned: a1(columns.planned)),
                                                    figures.actual.number, usd))
            return (a1(columns.planned), a1(columns.actual))
        }
    }

    /// What each office was planned to pay (from its office sheet) and pays of the actuals, split the engine's way.
    private func officeCells(_ line: ReconciliationLine, row: Int, planIndex: Int?, layout: PlanActualLayout,
                             officeNames: [String], on sheet: inout Sheet) {
        let r = reconciliation
        guard layout.offices > 1, let lineIndex = r.lines.firstIndex(where: { $0.participant.id == line.participant.id }) else { return }
        func at(_ column: Int) -> String { CellAddress(row: row, column: column).a1 }
        let usd = CellStyle(.item, .usd)
        // Who pays the whole line (roster column "Paid by"): the roster sheet's cell for a planned participant.
        let payer = planIndex.map { RosterLayout(r.plan).cell(.paidBy, line: $0) } ?? Formulas.quoted(line.participant.paidBy ?? "")
        // Each per-person line's actual cell, by its place in `Event.personLines`.
        let actuals = [C.actualAirfare.rawValue, C.actualLocal.rawValue] + (0..<layout.declared).map { layout.lineColumns($0).actual }
        for (index, office) in r.offices.enumerated() {
            let columns = layout.officeColumns(index)
            let part = office.lines[lineIndex]
            if let planIndex {
                sheet.set(row, columns.planned, .formula(OfficeSheet.totalPaid(sheet: officeNames[index], line: planIndex, r.plan),
                                                         part.total.planned.number, usd))
            } else {
                sheet.set(row, columns.planned, .number(0, usd))
            }
            let last = r.offices.count - 1
            let formula: String
            if index == last && r.event.personLines.allSatisfy({ CostSharing.restOffice($0.shares) == last }) {
                // The last office pays what the others leave, so the offices' parts add up to the line.
                formula = Formulas.rest(of: at(C.actualTotal.rawValue), less: (0..<index).map { at(layout.officeColumns($0).actual) })
            } else {
                // Each line: the office's share, rounded half up on cents (the engine's rule), or the whole line when it pays
                // it all; where another office than the last is the last with a share of a line, it pays what the others leave.
                let terms = actuals.enumerated().map { personLine, column -> String in
                    func part(_ office: Int) -> String {
                        Formulas.officePart(office: r.offices[office].office,
                                            share: WorkbookNames.share(r.event, office: office, personLine: personLine),
                                            of: .line(amount: at(column), payer: payer))
                    }
                    guard index == CostSharing.restOffice(r.event.personLines[personLine].shares) else { return part(index) }
                    return Formulas.rest(of: at(column), less: r.offices.indices.filter { $0 != index }.map(part))
                }
                formula = terms.count == 2 ? Formulas.total(terms[0], terms[1]) : Formulas.total(terms)
            }
            sheet.set(row, columns.actual, .formula(formula, part.total.actual.number, usd))
        }
    }

    /// The totals under the lines: sums of every figure, and the total's variance as a percentage.
    private func totalRow(_ layout: PlanActualLayout, on sheet: inout Sheet) {
        let r = reconciliation
        let t = r.totals
        let row = layout.totalRow
        let usd = CellStyle(.total, .usd), count = CellStyle(.total, .count)
        sheet.set(row, C.id.rawValue, .text("Total", CellStyle(.total)))
        sheet.set(row, C.name.rawValue, .formula("COUNTA(\(layout.range(.id)))", Double(r.lines.count), count))
        for column in [C.departure, .attendance, .funding, .cap, .days, .flags] {
            sheet.set(row, column.rawValue, Cell(.blank, CellStyle(.total)))
        }
        var sums: [(Int, Double, CellStyle)] = [
            // The inputs' totals too: the tickets and the local expenses recorded as paid.
            (C.ticket.rawValue, r.lines.compactMap(\.participant.actual.ticket).sum().number, usd),
            (C.localRecorded.rawValue, r.lines.compactMap(\.participant.actual.localExpenses).sum().number, usd),
            (C.plannedAirfare.rawValue, t.assistedAirfare.planned.number, usd), (C.actualAirfare.rawValue, t.assistedAirfare.actual.number, usd),
            (C.share.rawValue, t.participantShare.number, usd), (C.plannedNights.rawValue, Double(r.lines.map(\.plannedNights).reduce(0, +)), count),
            (C.actualNights.rawValue, Double(r.lines.compactMap(\.actualNights).reduce(0, +)), count),
            (C.plannedLocal.rawValue, t.localExpenses.planned.number, usd), (C.actualLocal.rawValue, t.localExpenses.actual.number, usd),
            (C.plannedTotal.rawValue, t.total.planned.number, usd), (C.actualTotal.rawValue, t.total.actual.number, usd),
            (C.variance.rawValue, r.varianceSum.number, usd),
        ]
        for index in 0..<layout.offices {
            let office = r.offices[index], columns = layout.officeColumns(index)
            sums += [(columns.planned, office.total.planned.number, usd), (columns.actual, office.total.actual.number, usd)]
        }
        for index in 0..<layout.declared {
            let columns = layout.lineColumns(index), figures = index < t.declared.count ? t.declared[index] : .zero
            sums += [(columns.planned, figures.planned.number, usd), (columns.actual, figures.actual.number, usd)]
            sheet.set(row, columns.paid, Cell(.blank, CellStyle(.total)))
        }
        for (column, cached, style) in sums {
            sheet.set(row, column, .formula("SUM(\(layout.range(column)))", cached, style))
        }
        sheet.set(row, C.percent.rawValue, percentCell(variance: layout.total(.variance), planned: layout.total(.plannedTotal), t.total,
                                                       CellStyle(.total, .percentagePoints)))
    }
}
