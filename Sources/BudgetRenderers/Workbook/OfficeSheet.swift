import BudgetCore
import Spreadsheet

/// One paying office's sheet (for an event with more than one): its part of every participant's line.
struct OfficeSheet {
    let budget: Budget
    /// The office's place in the event's cost sharing.
    let index: Int
    let options: RenderOptions
    let userText: UserText

    /// Where an office sheet keeps its columns: these, then (for an event with cost lines) the office's part of each declared
    /// line, then the total paid (``totalPaidColumn(_:)``).
    enum Column: Int {
        case id, name, departure, assisted, airfarePaid, local, localPaid
    }

    /// The column of the office's part of a per-person line (by its place in `Event.personLines`).
    static func paidColumn(personLine line: Int) -> Int {
        switch line {
        case 0: return Column.airfarePaid.rawValue
        case 1: return Column.localPaid.rawValue
        default: return Column.localPaid.rawValue + 1 + (line - 2)
        }
    }

    /// The total paid by the office, after its part of each declared line.
    static func totalPaidColumn(_ budget: Budget) -> Int { Column.localPaid.rawValue + 1 + RosterLayout(budget).declaredLines }

    func make() throws(WorkbookError) -> Sheet {
        let event = budget.event
        let names = WorkbookNames.offices(event)
        let office = budget.offices[index]
        let roster = RosterLayout(budget)
        let declared = event.personLines.indices.dropFirst(2).prefix(roster.declaredLines)
        let totalPaid = OfficeSheet.totalPaidColumn(budget)
        var sheet = Sheet(name: names[index])
        sheet.header(0, ["ID", "Name", "Point of departure", "Assisted airfare (US$)", "Airfare paid by the office (US$)",
                         "Local expenses (US$)", "Local expenses paid by the office (US$)"]
                     + declared.map { "\(event.personLines[$0].name) paid by the office (US$)" } + ["Total paid by the office (US$)"])
        for (column, width) in ([10.0, 24, 18, 13, 15, 13, 15] + declared.map { _ in 14 } + [15]).enumerated() {
            sheet.columnWidths[column] = width
        }
        let usd = CellStyle(.item, .usd)
        typealias C = Column
        for (lineIndex, line) in office.lines.enumerated() {
            let row = roster.firstRow + lineIndex
            let p = line.costing.participant
            func at(_ column: Int) -> String { CellAddress(row: row, column: column).a1 }
            /// The office's part of a line whose whole amount is at `whole`.
            func paid(_ whole: String, personLine: Int) -> String {
                let column = OfficeSheet.paidColumn(personLine: personLine)
                if index == CostSharing.restOffice(event.personLines[personLine].shares) {
                    // The last office with a share of the line pays what the others leave, so the parts add up to the line.
                    return Formulas.rest(of: whole, less: names.indices.filter { $0 != index }.map { quotedSheetName(names[$0]) + "!" + at(column) })
                }
                return Formulas.officePart(office: office.office, share: WorkbookNames.share(event, office: index, personLine: personLine),
                                           of: .line(amount: whole, payer: roster.cell(.paidBy, line: lineIndex)))
            }
            sheet.set(row, C.id.rawValue, .text(try userText.clean(p.id, field: "id", of: p), CellStyle(.item, .text)))
            sheet.set(row, C.name.rawValue, .text(try userText.clean(options.name(p), field: "name", of: p), CellStyle(.item, .text)))
            sheet.set(row, C.departure.rawValue, .text(p.country.name))
            sheet.set(row, C.assisted.rawValue, .formula(roster.cell(.assisted, line: lineIndex), line.costing.assistedAirfare.number, usd))
            sheet.set(row, C.airfarePaid.rawValue, .formula(paid(at(C.assisted.rawValue), personLine: 0), line.assistedAirfare.number, usd))
            sheet.set(row, C.local.rawValue, .formula(roster.cell(.local, line: lineIndex), line.costing.localExpenses.number, usd))
            sheet.set(row, C.localPaid.rawValue, .formula(paid(at(C.local.rawValue), personLine: 1), line.localExpenses.number, usd))
            for personLine in declared {
                sheet.set(row, OfficeSheet.paidColumn(personLine: personLine),
                          .formula(paid(roster.cell(column: roster.column(personLine: personLine), line: lineIndex), personLine: personLine),
                                   line.amounts[personLine].number, usd))
            }
            let parts = ([0, 1] + Array(declared)).map { at(OfficeSheet.paidColumn(personLine: $0)) }
            sheet.set(row, totalPaid, .formula(declared.isEmpty ? Formulas.total(parts[0], parts[1]) : Formulas.total(parts), line.total.number, usd))
        }
        let total = roster.totalRow
        sheet.set(total, 0, .text("Total", CellStyle(.total)))
        sheet.set(total, 1, Cell(.blank, CellStyle(.total)))
        sheet.set(total, 2, Cell(.blank, CellStyle(.total)))
        let cached: [(Int, Money)] = [(C.assisted.rawValue, budget.totals.assistedAirfare), (C.airfarePaid.rawValue, office.assistedAirfare),
                                      (C.local.rawValue, budget.totals.localExpenses), (C.localPaid.rawValue, office.localExpenses)]
            + declared.map { (OfficeSheet.paidColumn(personLine: $0), office.amounts[$0]) } + [(totalPaid, office.total)]
        for (column, amount) in cached {
            let range = CellRange(CellAddress(row: roster.firstRow, column: column), CellAddress(row: roster.lastRow, column: column)).a1
            sheet.set(total, column, .formula("SUM(\(range))", amount.number, CellStyle(.total, .usd)))
        }
        var note = total + 2
        if WorkbookNames.showsCostLines(event) {
            note = EventCostRows(budget: budget).write(office: index, on: &sheet, from: total + 2, label: 1, amount: totalPaid,
                                                      participants: CellAddress(row: total, column: totalPaid).a1) + 1
        }
        sheet.set(note, 0, .text("\(office.office): \(formatPercent(office.share.airfareBasisPoints)) of the assisted airfare and "
            + "\(formatPercent(office.share.localExpensesBasisPoints)) of the local expenses (shares on the Rates sheet)"
            + (declared.isEmpty && event.eventLines.isEmpty && event.contingency == nil ? ". "
                : "; of every other line and event cost its share on the Cost lines sheet. ")
            + event.costSharing.basis, .note))
        sheet.frozenRows = 1
        sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: roster.lastRow, column: totalPaid))
        sheet.printSetup = PrintSetup(header: "\(event.id): \(office.office)")
        return sheet
    }

    /// One participant's total paid by the office (`line` counts the budget's lines from 0), for the plan against actual.
    static func totalPaid(sheet: String, line: Int, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: RosterLayout(budget).firstRow + line, column: totalPaidColumn(budget)).a1
    }

    /// Total cell of a column, for the summary.
    static func total(column: Int, sheet: String, _ budget: Budget) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: RosterLayout(budget).totalRow, column: column).absolute
    }
}
