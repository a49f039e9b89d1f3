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

    /// The office's total of a column (airfare or local expenses paid), for the Summary.
    static func total(_ column: OfficeSheet.Column, sheet: String, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: totalRow(regions: budget.regions.count), column: column == .airfarePaid ? 2 : 4).absolute
    }

    /// The office's part by region: SUMPRODUCT over the roster's lines, each line split as the engine splits it.
    func make() -> Sheet {
        let names = WorkbookNames.offices(budget.event)
        let layout = RosterLayout(budget)
        let event = budget.event
        let offices = event.costSharing.offices
        let office = offices[index]
        let isLast = index == offices.count - 1
        var sheet = Sheet(name: names[index])
        sheet.header(0, ["Region", "Assisted airfare (US$)", "Airfare paid by the office (US$)", "Local expenses (US$)",
                         "Local expenses paid by the office (US$)", "Total paid by the office (US$)"])
        for (column, width) in [22.0, 14, 16, 14, 16, 16].enumerated() { sheet.columnWidths[column] = width }
        let usd = CellStyle(.item, .usd)
        let region = layout.range(.region), payer = layout.range(.paidBy)
        let regions = budget.regions
        func paid(_ whole: RosterLayout.Column, _ line: WorkbookNames.CostLine, regionCell: String, row: Int, column: Int) -> String {
            if isLast {
                return Formulas.rest(of: CellAddress(row: row, column: column - 1).a1,
                                     less: names.prefix(index).map { quotedSheetName($0) + "!" + CellAddress(row: row, column: column).a1 })
            }
            return Formulas.officePart(office: office.office, share: WorkbookNames.officeShare(event, office: index, line),
                                       of: .region(amounts: layout.range(whole), payers: payer, regions: region, region: regionCell))
        }
        for (offset, entry) in regions.enumerated() {
            let row = offset + 1
            let label = CellAddress(row: row, column: 0).a1
            let part = budget.tally.office(index, region: entry.region)
            sheet.set(row, 0, .text(entry.region))
            sheet.set(row, 1, .formula("SUMIF(\(region),\(label),\(layout.range(.assisted)))", entry.subtotal.assistedAirfare.number, usd))
            sheet.set(row, 2, .formula(paid(.assisted, .airfare, regionCell: label, row: row, column: 2), part[0].number, usd))
            sheet.set(row, 3, .formula("SUMIF(\(region),\(label),\(layout.range(.local)))", entry.subtotal.localExpenses.number, usd))
            sheet.set(row, 4, .formula(paid(.local, .local, regionCell: label, row: row, column: 4), part[1].number, usd))
            sheet.set(row, 5, .formula(Formulas.total(CellAddress(row: row, column: 2).a1, CellAddress(row: row, column: 4).a1),
                                       (part[0] + part[1]).number, usd))
        }
        let total = RegionOfficeSheet.totalRow(regions: regions.count)
        sheet.set(total, 0, .text("Total", CellStyle(.total)))
        let paidTotals = budget.offices[index]
        let cached: [Money] = [budget.totals.assistedAirfare, paidTotals.assistedAirfare, budget.totals.localExpenses,
                               paidTotals.localExpenses, paidTotals.assistedAirfare + paidTotals.localExpenses]
        for column in 1...5 {
            let range = CellRange(CellAddress(row: 1, column: column), CellAddress(row: max(total - 1, 1), column: column)).a1
            sheet.set(total, column, .formula("SUM(\(range))", cached[column - 1].number, CellStyle(.total, .usd)))
        }
        let airfareShare = formatPercent(office.airfareBasisPoints), localShare = formatPercent(office.localExpensesBasisPoints)
        var note = "\(office.office): \(airfareShare) of each assisted airfare and \(localShare) of each participant's local expenses, "
        note += "rounded half up to the cent line by line (all of a line whose participant it pays by \"Paid by\"); "
        note += "the last office pays the rest of every line. The roster is large, so each office's part is summed from the roster "
        note += "sheet with SUMPRODUCT rather than listed line by line. " + event.costSharing.basis
        sheet.set(total + 2, 0, .text(note, .note))
        sheet.frozenRows = 1
        sheet.printSetup = PrintSetup(header: "\(event.id): \(office.office)")
        return sheet
    }
}
