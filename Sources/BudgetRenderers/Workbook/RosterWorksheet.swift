import BudgetCore
import Spreadsheet

/// `Roster <event>`, the workbook's roster sheet (a name of its own: the CSV reader has its own type for a roster file's
/// table): one row per participant in roster order, each figure a live formula with its cached result.
/// The header, each row and the tail are made apart (``RosterRows``): a budget that keeps its lines writes its rows into the
/// sheet model here (the sheet is the row sink); a large roster's rows go to the file as they are costed (``StreamedRoster``).
struct RosterWorksheet {
    let budget: Budget
    let options: RenderOptions
    let userText: UserText

    func make() throws(WorkbookError) -> Sheet {
        let layout = RosterLayout(budget)
        var sheet = Sheet(name: layout.sheet)
        let rows = RosterRows(event: budget.event, options: options, userText: userText)
        sheet.write(row: 0, rows.header())
        for (index, line) in budget.lines.enumerated() {
            sheet.write(row: layout.firstRow + index, try rows.cells(line, verdict: budget.verdicts[index], row: layout.firstRow + index))
        }
        rows.setUp(&sheet, layout: layout)
        rows.finish(&sheet, layout: layout, totals: budget.totals)
        return sheet
    }
}

/// The cells of a roster sheet: the header, one participant's row, and the totals and setup that follow the rows.
struct RosterRows {
    let event: Event
    let options: RenderOptions
    let userText: UserText
    /// A large roster's rows leave out empty cells (no organization, no flags, the default funding, no payer, no fare) and give
    /// the eligibility verdict in one word (the reasons are counted on the Summary): fewer cells to write a row.
    var compact = false
    private typealias C = RosterLayout.Column
    private let rates: WorkbookNames.Rates
    /// A full stay's covered nights and workshop days.
    private let fullStay: (nights: Int, days: Int)
    private let currency: String
    private let capTable: String
    /// Column letters the row formulas use, from the layout (so a moved column cannot break a formula).
    private let d, f, g, h, i, k, l, m, nn: String

    init(event: Event, options: RenderOptions, userText: UserText) {
        self.event = event
        self.options = options
        self.userText = userText
        rates = WorkbookNames.Rates(event)
        fullStay = (event.coveredNights.count, event.workshopDays.count)
        currency = event.localExpenses.rates.currency
        capTable = WorkbookNames.capTable(event)
        func letters(_ column: C) -> String { CellAddress.letters(column.rawValue) }
        (d, f, g, h, i) = (letters(.departure), letters(.funding), letters(.fare), letters(.cap), letters(.assisted))
        (k, l, m, nn) = (letters(.nights), letters(.days), letters(.localInLocalCurrency), letters(.local))
    }

    private var titles: [(RosterLayout.Column, String, Double)] {
        [(.id, "ID", 10), (.name, "Name", 24), (.organization, "Organization", 34), (.departure, "Point of departure", 18),
         (.region, "Region", 18), (.funding, "Funding", 11), (.fare, "Fare (US$)", 12), (.cap, "Cap (US$)", 11),
         (.assisted, "Assisted airfare (US$)", 13), (.share, "Participant share (US$)", 13), (.nights, "Nights", 8),
         (.days, "Workshop days", 9), (.localInLocalCurrency, "Local expenses (\(currency))", 14),
         (.local, "Local expenses (US$)", 13), (.total, "Total (US$)", 13), (.flags, "Flags", 34),
         (.eligibility, compact ? "Eligibility (empty: not known)" : "Eligibility", 60), (.paidBy, "Paid by (whole line; empty: the shares)", 24)]
    }

    /// The header row's cells.
    func header() -> [(column: Int, cell: Cell)] { titles.map { ($0.0.rawValue, .text($0.1, .head)) } }

    /// One participant's cells, on a 0-based sheet row.
    func cells(_ line: ParticipantCosting, verdict: Verdict, row: Int) throws(WorkbookError) -> [(column: Int, cell: Cell)] {
        let p = line.participant
        let n = row + 1
        let usd = CellStyle(.item, .usd), inputUSD = CellStyle(.input, .usd), inputCount = CellStyle(.input, .count)
        var cells: [(column: Int, cell: Cell)] = []
        cells.reserveCapacity(18)
        func put(_ column: C, _ cell: Cell) { cells.append((column.rawValue, cell)) }
        put(.id, .text(try userText.clean(p.id, field: "id", of: p), CellStyle(.item, .text)))
        put(.name, .text(try userText.clean(options.name(p), field: "name", of: p), CellStyle(.item, .text)))
        let organization = options.organization(p)
        if !(compact && organization.isEmpty) {
            put(.organization, .text(try userText.clean(organization, field: "organization", of: p), CellStyle(.item, .text)))
        }
        put(.departure, .text(p.country.name))
        put(.region, .text(line.region))
        if !(compact && p.funding == .assisted) { put(.funding, .text(p.funding.rawValue, CellStyle(.input))) }
        if let fare = p.fare {
            put(.fare, .number(fare.number, inputUSD))
        } else if !compact {
            put(.fare, Cell(.blank, inputUSD))
        }
        if let override = p.capOverride {
            put(.cap, .number(override.number, inputUSD))
        } else {
            if compact, let cap = line.cap {
                // A large roster's row names a listed point of departure: the plain lookup (a shorter row is a faster one).
                put(.cap, .formula(Formulas.cap(table: capTable, departure: "\(d)\(n)", .listed), cap.number, usd))
            } else {
                put(.cap, Cell(.formula(Formulas.cap(table: capTable, departure: "\(d)\(n)"), cached: line.cap.map { .number($0.number) } ?? .text("")), usd))
            }
        }
        let (fare, cap) = ("\(g)\(n)", "\(h)\(n)")
        // A large roster's assisted participant has no funding cell to check (a shorter row is a faster one).
        let funding: Formulas.FundingCheck = compact && p.funding == .assisted ? .knownAssisted : .cell("\(f)\(n)")
        put(.assisted, .formula(Formulas.assistedAirfare(fare: fare, cap: cap, funding: funding), line.assistedAirfare.number, usd))
        put(.share, .formula(Formulas.participantShare(fare: fare, assisted: "\(i)\(n)"), line.participantShare.number, usd))
        if compact && line.nights == fullStay.nights && line.days == fullStay.days {
            // A large roster leaves a full stay's nights and days empty: its local expenses are the Rates sheet's full stay
            // (which follows the rates); a shorter row is a faster one to write.
            put(.local, .formula(rates.fullStay, line.localExpenses.number, usd))
        } else {
            put(.nights, .number(Double(line.nights), inputCount))
            put(.days, .number(Double(line.days), inputCount))
            put(.localInLocalCurrency, .formula(Formulas.localUnits(nights: "\(k)\(n)", days: "\(l)\(n)", rates),
                                                Double(line.localExpensesLocal), CellStyle(.item, .local(currency: currency))))
            let usdFormula = compact ? Formulas.usdOrFullStay(nights: "\(k)\(n)", days: "\(l)\(n)", localUnits: "\(m)\(n)", rates)
                : Formulas.usd(localUnits: "\(m)\(n)", rates)
            put(.local, .formula(usdFormula, line.localExpenses.number, usd))
        }
        put(.total, .formula(Formulas.total("\(i)\(n)", "\(nn)\(n)"), line.total.number, usd))
        if !(compact && line.flags.isEmpty) { put(.flags, .text(line.flags.map(\.rawValue).joined(separator: ", "))) }
        if compact {
            if verdict.eligible != nil { put(.eligibility, .text(verdict.word)) }
        } else {
            put(.eligibility, .text(verdict.word + (verdict.why.isEmpty ? "" : ": " + verdict.why.joined(separator: "; "))))
        }
        if let payer = p.paidBy {
            put(.paidBy, .text(payer, CellStyle(.input)))
        } else if !compact {
            put(.paidBy, Cell(.blank, CellStyle(.input)))
        }
        return cells
    }

    /// Column widths, frozen header, filter and print setup (a stream must set them before its rows).
    func setUp(_ sheet: inout Sheet, layout: RosterLayout) {
        for (column, _, width) in titles { sheet.columnWidths[column.rawValue] = width }
        sheet.frozenRows = 1
        sheet.frozenColumns = 1
        sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: layout.lastRow, column: C.paidBy.rawValue))
        sheet.printSetup = PrintSetup(header: "\(event.id): \(event.title) (roster)")
    }

    /// The totals row and the note after the participants' rows.
    func finish(_ sheet: inout Sheet, layout: RosterLayout, totals t: CostTotals) {
        let total = layout.totalRow
        let totalUSD = CellStyle(.total, .usd), totalCount = CellStyle(.total, .count)
        func sum(_ column: C, _ cached: Double, _ style: CellStyle) {
            let range = CellRange(CellAddress(row: layout.firstRow, column: column.rawValue),
                                  CellAddress(row: layout.lastRow, column: column.rawValue)).a1
            sheet.set(total, column.rawValue, .formula("SUM(\(range))", cached, style))
        }
        sheet.set(total, C.id.rawValue, .text("Total", CellStyle(.total)))
        let ids = CellRange(CellAddress(row: layout.firstRow, column: 0), CellAddress(row: layout.lastRow, column: 0)).a1
        sheet.set(total, C.name.rawValue, .formula("COUNTA(\(ids))", Double(t.participants), totalCount))
        for column in [C.organization, .departure, .region, .funding, .fare, .cap, .flags, .eligibility, .paidBy] {
            sheet.set(total, column.rawValue, Cell(.blank, CellStyle(.total)))
        }
        sum(.assisted, t.assistedAirfare.number, totalUSD)
        sum(.share, t.participantShare.number, totalUSD)
        if !compact {   // a large roster leaves full stays' nights, days and local-currency amounts empty: no totals of them
            sum(.nights, Double(t.nights), totalCount)
            sum(.days, Double(t.days), totalCount)
            sum(.localInLocalCurrency, Double(t.localExpensesLocal), CellStyle(.total, .local(currency: currency)))
        }
        sum(.local, t.localExpenses.number, totalUSD)
        sum(.total, t.total.number, totalUSD)
        sheet.set(total + 2, 0, .text("Blue cells on a yellow ground are inputs: change a fare, a cap override, the funding, nights or days "
            + "and every figure recomputes. Caps come from the Caps sheet; rates from the Rates sheet.", .note))
    }
}
