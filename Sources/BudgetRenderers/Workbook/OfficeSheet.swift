import BudgetCore
import Spreadsheet

/// One paying office's sheet (for an event with more than one): its part of every participant's line.
struct OfficeSheet {
    let budget: Budget
    /// The office's place in the event's cost sharing.
    let index: Int
    let options: RenderOptions
    let userText: UserText

    /// Where an office sheet keeps its columns.
    enum Column: Int {
        case id, name, departure, assisted, airfarePaid, local, localPaid, totalPaid
    }

    func make() throws(WorkbookError) -> Sheet {
        let event = budget.event
        let names = WorkbookNames.offices(event)
        let office = budget.offices[index]
        let roster = RosterLayout(budget)
        let isLast = index == budget.offices.count - 1
        var sheet = Sheet(name: names[index])
        sheet.header(0, ["ID", "Name", "Point of departure", "Assisted airfare (US$)", "Airfare paid by the office (US$)",
                         "Local expenses (US$)", "Local expenses paid by the office (US$)", "Total paid by the office (US$)"])
        for (column, width) in [10.0, 24, 18, 13, 15, 13, 15, 15].enumerated() { sheet.columnWidths[column] = width }
        let usd = CellStyle(.item, .usd)
        typealias C = Column
        for (lineIndex, line) in office.lines.enumerated() {
            let row = roster.firstRow + lineIndex
            let p = line.costing.participant
            func at(_ column: C) -> String { CellAddress(row: row, column: column.rawValue).a1 }
            func paid(_ whole: C, _ part: C, _ costLine: WorkbookNames.CostLine) -> String {
                if isLast {
                    // The last office pays what the others leave, so the offices' parts add up to the line.
                    return Formulas.rest(of: at(whole), less: names.prefix(index).map { quotedSheetName($0) + "!" + at(part) })
                }
                return Formulas.officePart(office: office.office, share: WorkbookNames.officeShare(event, office: index, costLine),
                                           of: .line(amount: at(whole), payer: roster.cell(.paidBy, line: lineIndex)))
            }
            sheet.set(row, C.id.rawValue, .text(try userText.clean(p.id, field: "id", of: p), CellStyle(.item, .text)))
            sheet.set(row, C.name.rawValue, .text(try userText.clean(options.name(p), field: "name", of: p), CellStyle(.item, .text)))
            sheet.set(row, C.departure.rawValue, .text(p.country.name))
            sheet.set(row, C.assisted.rawValue, .formula(roster.cell(.assisted, line: lineIndex), line.costing.assistedAirfare.number, usd))
            sheet.set(row, C.airfarePaid.rawValue, .formula(paid(.assisted, .airfarePaid, .airfare), line.assistedAirfare.number, usd))
            sheet.set(row, C.local.rawValue, .formula(roster.cell(.local, line: lineIndex), line.costing.localExpenses.number, usd))
            sheet.set(row, C.localPaid.rawValue, .formula(paid(.local, .localPaid, .local), line.localExpenses.number, usd))
            sheet.set(row, C.totalPaid.rawValue, .formula(Formulas.total(at(.airfarePaid), at(.localPaid)), line.total.number, usd))
        }
        let total = roster.totalRow
        sheet.set(total, 0, .text("Total", CellStyle(.total)))
        sheet.set(total, 1, Cell(.blank, CellStyle(.total)))
        sheet.set(total, 2, Cell(.blank, CellStyle(.total)))
        let cached: [(C, Money)] = [(.assisted, budget.totals.assistedAirfare), (.airfarePaid, office.assistedAirfare),
                                    (.local, budget.totals.localExpenses), (.localPaid, office.localExpenses), (.totalPaid, office.total)]
        for (column, amount) in cached {
            let range = CellRange(CellAddress(row: roster.firstRow, column: column.rawValue),
                                  CellAddress(row: roster.lastRow, column: column.rawValue)).a1
            sheet.set(total, column.rawValue, .formula("SUM(\(range))", amount.number, CellStyle(.total, .usd)))
        }
        sheet.set(total + 2, 0, .text("\(office.office): \(formatPercent(office.share.airfareBasisPoints)) of the assisted airfare and "
            + "\(formatPercent(office.share.localExpensesBasisPoints)) of the local expenses (shares on the Rates sheet). "
            + event.costSharing.basis, .note))
        sheet.frozenRows = 1
        sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: roster.lastRow, column: C.totalPaid.rawValue))
        sheet.printSetup = PrintSetup(header: "\(event.id): \(office.office)")
        return sheet
    }

    /// One participant's cell of a column (`line` counts the budget's lines from 0), for the plan against actual.
    static func cell(_ column: Column, sheet: String, line: Int, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: RosterLayout(budget).firstRow + line, column: column.rawValue).a1
    }

    /// Total cell of a column, for the summary.
    static func total(_ column: Column, sheet: String, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: RosterLayout(budget).totalRow, column: column.rawValue).absolute
    }
}

