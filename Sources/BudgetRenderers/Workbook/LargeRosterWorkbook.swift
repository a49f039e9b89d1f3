import BudgetCore
import Spreadsheet

/// The budget workbook of one large roster, made to be streamed: the roster sheet's rows one at a time as participants are
/// costed, then every other sheet from the running totals (``BudgetTally``). Office sheets sum each office's part of every
/// line with SUMPRODUCT over the roster sheet, by region, instead of repeating the lines.
public struct LargeRosterWorkbook {
    public let event: Event
    /// Every event whose caps and rates the workbook shows.
    public let events: [Event]
    public let options: RenderOptions
    public let inputs: [String]
    public let created: Int64?
    /// Rows the roster sheet sets aside for participants, fixed before streaming (at least as many as will be priced).
    public let rosterRows: Int
    private let rows: RosterRows

    public init(event: Event, events: [Event], options: RenderOptions = RenderOptions(), inputs: [String], created: Int64? = nil,
                rosterRows: Int) {
        self.rosterRows = rosterRows
        self.event = event
        var all = events.filter { $0.id != event.id }
        all.append(event)
        self.events = all.sorted { $0.id < $1.id }
        self.options = options
        self.inputs = inputs
        self.created = created
        var rows = RosterRows(event: event, options: options, userText: UserText())
        rows.compact = true
        self.rows = rows
    }

    /// The sheets, in order: Summary, the roster, one per paying office where there are several, Caps, Rates, Charts.
    public var sheetNames: [String] {
        [WorkbookNames.summary, WorkbookNames.roster(event)] + (event.costSharing.offices.count > 1 ? WorkbookNames.offices(event) : [])
            + [WorkbookNames.caps, WorkbookNames.rates, WorkbookNames.charts]
    }

    /// The roster sheet's place in ``sheetNames``.
    public var rosterSheet: Int { 1 }

    /// The roster sheet's setup (widths, frozen header, filter over the rows set aside, print): set before its rows.
    public func rosterSetup() -> Sheet {
        var sheet = Sheet(name: WorkbookNames.roster(event))
        rows.setUp(&sheet, layout: RosterLayout(sheet: sheet.name, participants: rosterRows))
        return sheet
    }

    /// The roster sheet's header row (row 0).
    public func header() -> [(column: Int, cell: Cell)] { rows.header() }

    /// The roster sheet's row for the participant at a 0-based position among those priced.
    public func row(_ line: ParticipantCosting, verdict: Verdict, position: Int) throws(WorkbookError) -> [(column: Int, cell: Cell)] {
        try rows.cells(line, verdict: verdict, row: position + 1)
    }

    /// Every sheet but the roster's rows: the roster's totals and setup, and the other sheets from the running totals.
    public func finish(_ tally: BudgetTally) -> Workbook {
        let layout = RosterLayout(tally)
        var roster = Sheet(name: layout.sheet)
        rows.finish(&roster, layout: layout, totals: tally.totals)
        let officeNames = WorkbookNames.offices(event)
        var summary = SummarySheet(budgets: [tally], inputs: inputs)
        summary.officeTotal = { _, index, column in
            let row = LargeRosterWorkbook.officeTotalRow(regions: tally.regions.count)
            let c = column == .airfarePaid ? 2 : 4
            return quotedSheetName(officeNames[index]) + "!" + CellAddress(row: row, column: c).absolute
        }
        var sheets = [summary.make(), roster]
        if event.costSharing.offices.count > 1 {
            sheets += event.costSharing.offices.indices.map { officeSheet(tally, index: $0, names: officeNames) }
        }
        let (caps, capNames) = CapsSheet(events: events).make()
        let (rates, rateNames) = RatesSheet(events: events).make()
        sheets += [caps, rates, ChartsSheet(budgets: [tally], events: events).make()]
        let properties = BudgetWorkbook.properties(ids: event.id, inputs: inputs, redacted: options.redact,
                                                   created: created ?? BudgetWorkbook.defaultCreationTime([event]))
        return Workbook(sheets: sheets, definedNames: (capNames + rateNames).sorted { $0.name < $1.name }, properties: properties)
    }

    /// An office sheet's total row: after the header and one row per region.
    static func officeTotalRow(regions: Int) -> Int { regions + 1 }

    /// One office's part by region: SUMPRODUCT over the roster's lines, each line split as the engine splits it.
    private func officeSheet(_ tally: BudgetTally, index: Int, names: [String]) -> Sheet {
        let layout = RosterLayout(tally)
        let offices = event.costSharing.offices
        let office = offices[index]
        let isLast = index == offices.count - 1
        var sheet = Sheet(name: names[index])
        sheet.header(0, ["Region", "Assisted airfare (US$)", "Airfare paid by the office (US$)", "Local expenses (US$)",
                         "Local expenses paid by the office (US$)", "Total paid by the office (US$)"])
        for (column, width) in [22.0, 14, 16, 14, 16, 16].enumerated() { sheet.columnWidths[column] = width }
        let usd = CellStyle(.item, .usd)
        let region = layout.range(.region), payer = layout.range(.paidBy)
        let regions = tally.regions
        func paid(_ whole: RosterLayout.Column, _ line: WorkbookNames.CostLine, regionCell: String?, row: Int, column: Int) -> String {
            if isLast {
                let others = names.prefix(index).map { quotedSheetName($0) + "!" + CellAddress(row: row, column: column).a1 }
                return "ROUND(\(CellAddress(row: row, column: column - 1).a1)-\(others.joined(separator: "-")),2)"
            }
            let inRegion = regionCell.map { "(\(region)=\($0))*" } ?? ""
            let share = WorkbookNames.officeShare(event, office: index, line)
            let amounts = layout.range(whole)
            let officeName = "\"" + office.office.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return "(SUMPRODUCT(\(inRegion)(\(payer)=\"\")*ROUND(ROUND(\(amounts)*100,0)*ROUND(\(share)*10000,0)/10000,0))"
                + "+SUMPRODUCT(\(inRegion)(\(payer)=\(officeName))*ROUND(\(amounts)*100,0)))/100"
        }
        for (offset, entry) in regions.enumerated() {
            let row = offset + 1
            let label = CellAddress(row: row, column: 0).a1
            let part = tally.office(index, region: entry.region)
            sheet.set(row, 0, .text(entry.region))
            sheet.set(row, 1, .formula("SUMIF(\(region),\(label),\(layout.range(.assisted)))", entry.subtotal.assistedAirfare.number, usd))
            sheet.set(row, 2, .formula(paid(.assisted, .airfare, regionCell: label, row: row, column: 2), part.airfare.number, usd))
            sheet.set(row, 3, .formula("SUMIF(\(region),\(label),\(layout.range(.local)))", entry.subtotal.localExpenses.number, usd))
            sheet.set(row, 4, .formula(paid(.local, .local, regionCell: label, row: row, column: 4), part.local.number, usd))
            sheet.set(row, 5, .formula("ROUND(\(CellAddress(row: row, column: 2).a1)+\(CellAddress(row: row, column: 4).a1),2)",
                                       (part.airfare + part.local).number, usd))
        }
        let total = LargeRosterWorkbook.officeTotalRow(regions: regions.count)
        sheet.set(total, 0, .text("Total", CellStyle(.total)))
        let paidTotals = tally.offices[index]
        let cached: [Money] = [tally.totals.assistedAirfare, paidTotals.assistedAirfare, tally.totals.localExpenses,
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
