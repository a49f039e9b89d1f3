import BudgetCore
import Spreadsheet

/// One paying office's sheet for a roster whose lines are not kept (a large one, streamed): its part of each region, summed
/// with SUMPRODUCT over the roster sheet, each line split as the engine splits it (``Formulas/officePart(office:share:of:)``).
struct RegionOfficeSheet {
    let budget: Budget
    /// The office's place in the event's cost sharing.
    let index: Int

    /// An office sheet's total row: after the header and one row per region.
    static func totalRow(regions: Int) -> Int { regions + 1 }

    /// The column of the office's part of a per-person line (by its place in `Event.personLines`): assisted airfare, local
    /// expenses, then each declared line's after them.
    static func paidColumn(personLine line: Int) -> Int {
        switch line {
        case 0: return 2
        case 1: return 4
        default: return 5 + (line - 2)
        }
    }

    /// The total paid by the office, after its part of each declared line.
    static func totalPaidColumn(_ budget: Budget) -> Int { 5 + RosterLayout(budget).declaredLines }

    /// The office's total of a column, for the Summary.
    static func total(column: Int, sheet: String, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: totalRow(regions: budget.regions.count), column: column).absolute
    }

    /// The office's part by region: SUMPRODUCT over the roster's lines, each line split as the engine splits it.
    func make() -> Sheet {
        let names = WorkbookNames.offices(budget.event)
        let layout = RosterLayout(budget)
        let event = budget.event
        let offices = event.costSharing.offices
        let office = offices[index]
        let declared = event.personLines.indices.dropFirst(2).prefix(layout.declaredLines)
        let totalPaid = RegionOfficeSheet.totalPaidColumn(budget)
        var sheet = Sheet(name: names[index])
        sheet.header(0, ["Region", "Assisted airfare (US$)", "Airfare paid by the office (US$)", "Local expenses (US$)",
                         "Local expenses paid by the office (US$)"]
                     + declared.map { "\(event.personLines[$0].name) paid by the office (US$)" } + ["Total paid by the office (US$)"])
        for (column, width) in ([22.0, 14, 16, 14, 16] + declared.map { _ in 14 } + [16]).enumerated() { sheet.columnWidths[column] = width }
        let usd = CellStyle(.item, .usd)
        let region = layout.range(.region), payer = layout.range(.paidBy)
        let regions = budget.regions
        /// The office's part of a line's amounts in a region: the region's sum (`whole`, for the last office) less the others'.
        func paid(personLine line: Int, whole: String, regionCell: String, row: Int) -> String {
            let column = RegionOfficeSheet.paidColumn(personLine: line)
            if index == CostSharing.restOffice(event.personLines[line].shares) {
                // The last office with a share of the line pays what the others leave.
                return Formulas.rest(of: whole, less: names.indices.filter { $0 != index }
                    .map { quotedSheetName(names[$0]) + "!" + CellAddress(row: row, column: column).a1 })
            }
            return Formulas.officePart(office: office.office, share: WorkbookNames.share(event, office: index, personLine: line),
                                       of: .region(amounts: layout.range(column: layout.column(personLine: line)), payers: payer,
                                                   regions: region, region: regionCell))
        }
        for (offset, entry) in regions.enumerated() {
            let row = offset + 1
            let label = CellAddress(row: row, column: 0).a1
            let part = budget.tally.office(index, region: entry.region)
            func at(_ column: Int) -> String { CellAddress(row: row, column: column).a1 }
            sheet.set(row, 0, .text(entry.region))
            sheet.set(row, 1, .formula("SUMIF(\(region),\(label),\(layout.range(.assisted)))", entry.subtotal.assistedAirfare.number, usd))
            sheet.set(row, 2, .formula(paid(personLine: 0, whole: at(1), regionCell: label, row: row), part[0].number, usd))
            sheet.set(row, 3, .formula("SUMIF(\(region),\(label),\(layout.range(.local)))", entry.subtotal.localExpenses.number, usd))
            sheet.set(row, 4, .formula(paid(personLine: 1, whole: at(3), regionCell: label, row: row), part[1].number, usd))
            for line in declared {
                let whole = "SUMIF(\(region),\(label),\(layout.range(column: layout.column(personLine: line))))"
                sheet.set(row, RegionOfficeSheet.paidColumn(personLine: line),
                          .formula(paid(personLine: line, whole: whole, regionCell: label, row: row), part[line].number, usd))
            }
            let parts = ([0, 1] + Array(declared)).map { at(RegionOfficeSheet.paidColumn(personLine: $0)) }
            sheet.set(row, totalPaid, .formula(declared.isEmpty ? Formulas.total(parts[0], parts[1]) : Formulas.total(parts),
                                               part.prefix(2 + declared.count).sum().number, usd))
        }
        let total = RegionOfficeSheet.totalRow(regions: regions.count)
        sheet.set(total, 0, .text("Total", CellStyle(.total)))
        let paidTotals = budget.offices[index]
        let cached: [(Int, Money)] = [(1, budget.totals.assistedAirfare), (2, paidTotals.assistedAirfare), (3, budget.totals.localExpenses),
                                      (4, paidTotals.localExpenses)]
            + declared.map { (RegionOfficeSheet.paidColumn(personLine: $0), paidTotals.amounts[$0]) } + [(totalPaid, paidTotals.total)]
        for (column, amount) in cached {
            let range = CellRange(CellAddress(row: 1, column: column), CellAddress(row: max(total - 1, 1), column: column)).a1
            sheet.set(total, column, .formula("SUM(\(range))", amount.number, CellStyle(.total, .usd)))
        }
        var noteRow = total + 2
        if WorkbookNames.showsCostLines(event) {
            noteRow = EventCostRows(budget: budget).write(office: index, on: &sheet, from: total + 2, label: 0, amount: totalPaid,
                                                         participants: CellAddress(row: total, column: totalPaid).a1) + 1
        }
        let airfareShare = formatPercent(office.airfareBasisPoints), localShare = formatPercent(office.localExpensesBasisPoints)
        var note = "\(office.office): \(airfareShare) of each assisted airfare and \(localShare) of each participant's local expenses"
        note += declared.isEmpty ? ", " : ", and of each other line its share on the Cost lines sheet, "
        note += "rounded half up to the cent line by line (all of a line whose participant it pays by \"Paid by\"); "
        note += "the last office pays the rest of every line. The roster is large, so each office's part is summed from the roster "
        note += "sheet with SUMPRODUCT rather than listed line by line. " + event.costSharing.basis
        sheet.set(noteRow, 0, .text(note, .note))
        sheet.frozenRows = 1
        sheet.printSetup = PrintSetup(header: "\(event.id): \(office.office)")
        return sheet
    }
}
