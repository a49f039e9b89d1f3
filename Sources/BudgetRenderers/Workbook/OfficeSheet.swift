import BudgetCore
import Spreadsheet

/// One paying office's sheet (for an event with more than one): its part of every line. A row a participant for a roster
/// held whole; a row a region for a streamed roster, whose lines are not kept: each region's part summed with SUMPRODUCT
/// over the roster sheet, each line split as the engine splits it (``Formulas/officePart(office:share:of:)``).
struct OfficeSheet {
    let budget: Budget
    /// The office's place in the event's cost sharing.
    let index: Int
    let options: RenderOptions
    let userText: UserText

    /// The columns that name a row before its amounts: ID, name and point of departure, or (streamed) the region.
    static func labelColumns(streamed: Bool) -> Int { streamed ? 1 : 3 }
    static func labelColumns(_ budget: Budget) -> Int { labelColumns(streamed: budget.isStreamed) }

    /// The column of a per-person line's whole amount (assisted airfare, local expenses).
    private static func wholeColumn(personLine line: Int, _ budget: Budget) -> Int { labelColumns(budget) + 2 * line }

    /// The column of the office's part of a per-person line (by its place in `Event.personLines`): after each whole amount
    /// for assisted airfare and local expenses, then each declared line's part.
    static func paidColumn(personLine line: Int, streamed: Bool) -> Int {
        let first = labelColumns(streamed: streamed)
        return line < 2 ? first + 2 * line + 1 : first + 4 + (line - 2)
    }
    static func paidColumn(personLine line: Int, _ budget: Budget) -> Int { paidColumn(personLine: line, streamed: budget.isStreamed) }

    /// The total paid by the office, after its part of each declared line.
    static func totalPaidColumn(streamed: Bool, declaredLines: Int) -> Int { labelColumns(streamed: streamed) + 4 + declaredLines }
    static func totalPaidColumn(_ budget: Budget) -> Int {
        totalPaidColumn(streamed: budget.isStreamed, declaredLines: RosterLayout(budget).declaredLines)
    }

    /// The sheet's total row: after the participants' rows and a gap (as the roster sheet's), or right after the regions.
    static func totalRow(_ budget: Budget) -> Int { budget.isStreamed ? budget.regions.count + 1 : RosterLayout(budget).totalRow }

    /// One participant's total paid by the office (`line` counts the budget's lines from 0), for the plan against actual.
    static func totalPaid(sheet: String, line: Int, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: RosterLayout(budget).firstRow + line, column: totalPaidColumn(budget)).a1
    }

    /// Total cell of a column, for the summary.
    static func total(column: Int, sheet: String, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: totalRow(budget), column: column).absolute
    }

    private var declared: [Int] { Array(budget.event.personLines.indices.dropFirst(2).prefix(RosterLayout(budget).declaredLines)) }

    func make() throws(WorkbookError) -> Sheet {
        let event = budget.event
        let office = budget.offices[index]
        let totalPaid = OfficeSheet.totalPaidColumn(budget)
        var sheet = Sheet(name: WorkbookNames.offices(event)[index])
        let label = budget.isStreamed ? ["Region"] : ["ID", "Name", "Point of departure"]
        sheet.header(0, label + ["Assisted airfare (US$)", "Airfare paid by the office (US$)", "Local expenses (US$)",
                                 "Local expenses paid by the office (US$)"]
                     + declared.map { "\(event.personLines[$0].name) paid by the office (US$)" } + ["Total paid by the office (US$)"])
        let widths = budget.isStreamed ? [22.0, 14, 16, 14, 16] + declared.map { _ in 14 } + [16]
            : [10.0, 24, 18, 13, 15, 13, 15] + declared.map { _ in 14 } + [15]
        for (column, width) in widths.enumerated() { sheet.columnWidths[column] = width }
        if budget.isStreamed { regionRows(&sheet) } else { try participantRows(&sheet) }
        let total = OfficeSheet.totalRow(budget)
        sheet.set(total, 0, .text("Total", CellStyle(.total)))
        for column in 1..<OfficeSheet.labelColumns(budget) { sheet.set(total, column, Cell(.blank, CellStyle(.total))) }
        let cached: [(Int, Money)] = [(OfficeSheet.wholeColumn(personLine: 0, budget), budget.totals.assistedAirfare),
                                      (OfficeSheet.paidColumn(personLine: 0, budget), office.assistedAirfare),
                                      (OfficeSheet.wholeColumn(personLine: 1, budget), budget.totals.localExpenses),
                                      (OfficeSheet.paidColumn(personLine: 1, budget), office.localExpenses)]
            + declared.map { (OfficeSheet.paidColumn(personLine: $0, budget), office.amounts[$0]) } + [(totalPaid, office.total)]
        let lastRow = budget.isStreamed ? max(total - 1, 1) : RosterLayout(budget).lastRow
        for (column, amount) in cached {
            let range = CellRange(CellAddress(row: 1, column: column), CellAddress(row: lastRow, column: column)).a1
            sheet.set(total, column, .formula("SUM(\(range))", amount.number, CellStyle(.total, .usd)))
        }
        var noteRow = total + 2
        if WorkbookNames.showsCostLines(event) {
            noteRow = EventCostRows(budget: budget).write(office: index, on: &sheet, from: total + 2, label: budget.isStreamed ? 0 : 1,
                                                         amount: totalPaid, participants: CellAddress(row: total, column: totalPaid).a1) + 1
        }
        sheet.set(noteRow, 0, .text(note(office.share), .note))
        sheet.frozenRows = 1
        if !budget.isStreamed { sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: lastRow, column: totalPaid)) }
        sheet.printSetup = PrintSetup(header: "\(office.office): its part of each line")
        return sheet
    }

    /// The office's part of a line whose whole amount is at `whole` on a row: its share, or the rest for the last office with
    /// a share of the line, so the offices' parts add up to the line.
    private func paid(_ whole: String, personLine line: Int, row: Int, lines: Formulas.OfficeLines) -> String {
        let event = budget.event
        let names = WorkbookNames.offices(event)
        if index == CostSharing.restOffice(event.personLines[line].shares) {
            let at = CellAddress(row: row, column: OfficeSheet.paidColumn(personLine: line, budget)).a1
            return Formulas.rest(of: whole, less: names.indices.filter { $0 != index }.map { quotedSheetName(names[$0]) + "!" + at })
        }
        return Formulas.officePart(office: budget.offices[index].office, share: WorkbookNames.share(event, office: index, personLine: line),
                                   of: lines)
    }

    /// A row a participant: the whole amounts read from the roster sheet, the office's parts of them.
    private func participantRows(_ sheet: inout Sheet) throws(WorkbookError) {
        let roster = RosterLayout(budget)
        let usd = CellStyle(.item, .usd)
        for (lineIndex, line) in budget.offices[index].lines.enumerated() {
            let row = roster.firstRow + lineIndex
            let p = line.costing.participant
            func at(_ column: Int) -> String { CellAddress(row: row, column: column).a1 }
            let payer = roster.cell(.paidBy, line: lineIndex)
            sheet.set(row, 0, .text(try userText.clean(p.id, field: "id", of: p), CellStyle(.item, .text)))
            sheet.set(row, 1, .text(try userText.clean(options.name(p), field: "name", of: p), CellStyle(.item, .text)))
            sheet.set(row, 2, .text(p.country.name))
            for (personLine, column) in [(0, RosterLayout.Column.assisted), (1, .local)] {
                let whole = OfficeSheet.wholeColumn(personLine: personLine, budget)
                sheet.set(row, whole, .formula(roster.cell(column, line: lineIndex), line.costing.amounts[personLine].number, usd))
                sheet.set(row, OfficeSheet.paidColumn(personLine: personLine, budget),
                          .formula(paid(at(whole), personLine: personLine, row: row, lines: .line(amount: at(whole), payer: payer)),
                                   line.amounts[personLine].number, usd))
            }
            for personLine in declared {
                let whole = roster.cell(column: roster.column(personLine: personLine), line: lineIndex)
                sheet.set(row, OfficeSheet.paidColumn(personLine: personLine, budget),
                          .formula(paid(whole, personLine: personLine, row: row, lines: .line(amount: whole, payer: payer)),
                                   line.amounts[personLine].number, usd))
            }
            sheet.set(row, OfficeSheet.totalPaidColumn(budget), .formula(totalOfParts(row), line.total.number, usd))
        }
    }

    /// A row a region: the whole amounts summed from the roster sheet by region, the office's parts summed likewise.
    private func regionRows(_ sheet: inout Sheet) {
        let layout = RosterLayout(budget)
        let usd = CellStyle(.item, .usd)
        let region = layout.range(.region), payer = layout.range(.paidBy)
        for (offset, entry) in budget.regions.enumerated() {
            let row = offset + 1
            let label = CellAddress(row: row, column: 0).a1
            let part = budget.tally.office(index, region: entry.region)
            func at(_ column: Int) -> String { CellAddress(row: row, column: column).a1 }
            func byRegion(_ line: Int) -> Formulas.OfficeLines {
                .region(amounts: layout.range(column: layout.column(personLine: line)), payers: payer, regions: region, region: label)
            }
            sheet.set(row, 0, .text(entry.region))
            for (personLine, column) in [(0, RosterLayout.Column.assisted), (1, .local)] {
                let whole = OfficeSheet.wholeColumn(personLine: personLine, budget)
                sheet.set(row, whole, .formula("SUMIF(\(region),\(label),\(layout.range(column)))", entry.subtotal.amounts[personLine].number, usd))
                sheet.set(row, OfficeSheet.paidColumn(personLine: personLine, budget),
                          .formula(paid(at(whole), personLine: personLine, row: row, lines: byRegion(personLine)), part[personLine].number, usd))
            }
            for line in declared {
                let whole = "SUMIF(\(region),\(label),\(layout.range(column: layout.column(personLine: line))))"
                sheet.set(row, OfficeSheet.paidColumn(personLine: line, budget),
                          .formula(paid(whole, personLine: line, row: row, lines: byRegion(line)), part[line].number, usd))
            }
            sheet.set(row, OfficeSheet.totalPaidColumn(budget), .formula(totalOfParts(row), part.prefix(2 + declared.count).sum().number, usd))
        }
    }

    /// A row's total paid: the sum of the office's parts on it.
    private func totalOfParts(_ row: Int) -> String {
        let parts = ([0, 1] + Array(declared)).map { CellAddress(row: row, column: OfficeSheet.paidColumn(personLine: $0, budget)).a1 }
        return declared.isEmpty ? Formulas.total(parts[0], parts[1]) : Formulas.total(parts)
    }

    /// What the office pays, in words, under its sheet.
    private func note(_ share: OfficeShare) -> String {
        let event = budget.event
        let declaredNone = declared.isEmpty
        let airfareShare = formatPercent(share.airfareBasisPoints), localShare = formatPercent(share.localExpensesBasisPoints)
        guard budget.isStreamed else {
            return "\(share.office): \(airfareShare) of the assisted airfare and \(localShare) of the local expenses (shares on the Rates sheet)"
                + (declaredNone && event.eventLines.isEmpty && event.contingency == nil ? ". "
                    : "; of every other line and event cost its share on the Cost lines sheet. ")
                + event.costSharing.basis
        }
        var note = "\(share.office): \(airfareShare) of each assisted airfare and \(localShare) of each participant's local expenses"
        note += declaredNone ? ", " : ", and of each other line its share on the Cost lines sheet, "
        note += "rounded half up to the cent line by line (all of a line whose participant it pays by \"Paid by\"); "
        note += "the last office pays the rest of every line. The roster is large, so each office's part is summed from the roster "
        note += "sheet with SUMPRODUCT rather than listed line by line. " + event.costSharing.basis
        return note
    }
}
