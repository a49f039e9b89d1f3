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
        var rows = RosterRows(event: budget.event, options: options, userText: userText)
        rows.quotesFares = budget.showsQuotedFares
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
    /// Whether the sheet has the columns of fares quoted in other currencies (the quote and its currency, after `Paid by`),
    /// each such fare being a formula of them and the Rates sheet's rate. A roster whose fares are all in US$ has none.
    var quotesFares = false
    private typealias C = RosterLayout.Column
    private let rates: WorkbookNames.Rates
    /// A full stay's covered nights and workshop days.
    private let fullStay: (nights: Int, days: Int)
    private let currency: String
    private let capTable: String
    /// The row formulas, made once from ``Formulas`` with column letters from the layout (so a moved column cannot break a
    /// formula), and filled in with each row's number.
    private let rowFormulas: RowFormulas

    private struct RowFormulas {
        let cap, listedCap, assisted, knownAssisted, share, fullStay, localUnits, usd, usdOrFullStay, total, quotedFare: RowFormula
    }

    init(event: Event, options: RenderOptions, userText: UserText) {
        self.event = event
        self.options = options
        self.userText = userText
        rates = WorkbookNames.Rates(event)
        fullStay = (event.coveredNights.count, event.workshopDays.count)
        currency = event.localExpenses.rates.currency
        capTable = WorkbookNames.capTable(event)
        func cell(_ column: C) -> String { CellAddress.letters(column.rawValue) + RowFormula.row }
        let (d, f, g, h, i) = (cell(.departure), cell(.funding), cell(.fare), cell(.cap), cell(.assisted))
        let (k, l, m, nn) = (cell(.nights), cell(.days), cell(.localInLocalCurrency), cell(.local))
        let rates = rates
        rowFormulas = RowFormulas(
            cap: RowFormula(Formulas.cap(table: capTable, departure: d)),
            listedCap: RowFormula(Formulas.cap(table: capTable, departure: d, .listed)),
            assisted: RowFormula(Formulas.assistedAirfare(fare: g, cap: h, funding: .cell(f))),
            knownAssisted: RowFormula(Formulas.assistedAirfare(fare: g, cap: h, funding: .knownAssisted)),
            share: RowFormula(Formulas.participantShare(fare: g, assisted: i)),
            fullStay: RowFormula(rates.fullStay),
            localUnits: RowFormula(Formulas.localUnits(nights: k, days: l, rates)),
            usd: RowFormula(Formulas.usd(localUnits: m, rates)),
            usdOrFullStay: RowFormula(Formulas.usdOrFullStay(nights: k, days: l, localUnits: m, rates)),
            total: RowFormula(Formulas.total(i, nn)),
            quotedFare: RowFormula(Formulas.quotedFare(amount: cell(.quotedFare), currency: cell(.fareCurrency), table: WorkbookNames.fareRates(event))))
    }

    private var titles: [(RosterLayout.Column, String, Double)] {
        // Two landscape pages across at 75 %: the participant and the airfare on the first, local expenses, flags and
        // eligibility on the second (the id repeated); wide enough that most rows take one line.
        [(.id, "ID", 8), (.name, "Name", 20), (.organization, "Organization", 40), (.departure, "Point of departure", 16),
         (.region, "Region", 18), (.funding, "Funding", 11), (.fare, "Fare (US$)", 11), (.cap, "Cap (US$)", 11),
         (.assisted, "Assisted airfare (US$)", 12), (.share, "Participant share (US$)", 12), (.nights, "Nights", 8),
         (.days, "Workshop days", 9), (.localInLocalCurrency, "Local expenses (\(currency))", 13),
         (.local, "Local expenses (US$)", 12), (.total, "Total (US$)", 12), (.flags, "Flags", 22),
         // The quoted fare's two columns take their room from the eligibility's, so they print on the second page too.
         (.eligibility, compact ? "Eligibility (empty: not known)" : "Eligibility", quotesFares ? 54 : 90),
         (.paidBy, "Paid by (whole line; empty: the shares)", 22)]
            + (quotesFares ? [(.quotedFare, "Fare as quoted (other currency)", 14), (.fareCurrency, "Fare currency", 10)] : [])
    }

    /// The sheet's last column: `Paid by`, or the quoted fare's currency.
    private var lastColumn: C { quotesFares ? .fareCurrency : .paidBy }

    /// The header row's cells.
    func header() -> [(column: Int, cell: Cell)] { titles.map { ($0.0.rawValue, .text($0.1, .head)) } }

    /// One participant's cells, on a 0-based sheet row, as a list.
    func cells(_ line: ParticipantCosting, verdict: Verdict, row: Int) throws(WorkbookError) -> [(column: Int, cell: Cell)] {
        var list = CellList()
        try cells(line, verdict: verdict, row: row, into: &list)
        return list.cells
    }

    /// One participant's cells, on a 0-based sheet row.
    func cells(_ line: ParticipantCosting, verdict: Verdict, row: Int, into out: inout some RowCells) throws(WorkbookError) {
        let p = line.participant
        out.startRow(row)
        let usd = CellStyle(.item, .usd), inputUSD = CellStyle(.input, .usd), inputCount = CellStyle(.input, .count)
        func text(_ column: C, _ text: String, _ style: CellStyle = .item) { out.text(column.rawValue, text, style) }
        func formula(_ column: C, _ formula: RowFormula, _ cached: Double, _ style: CellStyle) {
            out.formula(column.rawValue, formula, cached: .number(cached), style)
        }
        text(.id, try userText.clean(p.id, field: "id", of: p), CellStyle(.item, .text))
        text(.name, try userText.clean(options.name(p), field: "name", of: p), CellStyle(.item, .text))
        let organization = options.organization(p)
        if !(compact && organization.isEmpty) {
            text(.organization, try userText.clean(organization, field: "organization", of: p), CellStyle(.item, .text, wrap: true))
        }
        text(.departure, p.country.name, CellStyle(.item, wrap: true))
        text(.region, line.region, CellStyle(.item, wrap: true))
        if !(compact && p.funding == .assisted) { text(.funding, p.funding.rawValue, CellStyle(.input)) }
        if let quoted = p.quotedFare, quotesFares {
            // The quote and its currency are the inputs; the fare in US$ is their conversion at the Rates sheet's rate.
            formula(.fare, rowFormulas.quotedFare, quoted.usd.number, usd)
            out.number(C.quotedFare.rawValue, quoted.amount.number, CellStyle(.input, .quoted(currency: quoted.currency)))
            text(.fareCurrency, quoted.currency, CellStyle(.input, .text))
        } else if let fare = p.fare {
            out.number(C.fare.rawValue, fare.number, inputUSD)
        } else if !compact {
            out.blank(C.fare.rawValue, inputUSD)
        }
        if let override = p.capOverride {
            out.number(C.cap.rawValue, override.number, inputUSD)
        } else if compact, let cap = line.cap {
            // A large roster's row names a listed point of departure: the plain lookup (a shorter row is a faster one).
            formula(.cap, rowFormulas.listedCap, cap.number, usd)
        } else {
            out.formula(C.cap.rawValue, rowFormulas.cap, cached: line.cap.map { .number($0.number) } ?? .text(""), usd)
        }
        // A large roster's assisted participant has no funding cell to check (a shorter row is a faster one).
        formula(.assisted, compact && p.funding == .assisted ? rowFormulas.knownAssisted : rowFormulas.assisted,
                line.assistedAirfare.number, usd)
        formula(.share, rowFormulas.share, line.participantShare.number, usd)
        if compact && line.nights == fullStay.nights && line.days == fullStay.days {
            // A large roster leaves a full stay's nights and days empty: its local expenses are the Rates sheet's full stay
            // (which follows the rates); a shorter row is a faster one to write.
            formula(.local, rowFormulas.fullStay, line.localExpenses.number, usd)
        } else {
            out.number(C.nights.rawValue, Double(line.nights), inputCount)
            out.number(C.days.rawValue, Double(line.days), inputCount)
            formula(.localInLocalCurrency, rowFormulas.localUnits, Double(line.localExpensesLocal), CellStyle(.item, .local(currency: currency)))
            formula(.local, compact ? rowFormulas.usdOrFullStay : rowFormulas.usd, line.localExpenses.number, usd)
        }
        formula(.total, rowFormulas.total, line.total.number, usd)
        if !(compact && line.flags.isEmpty) {
            text(.flags, line.flags.count == 1 ? line.flags[0].rawValue : line.flags.map(\.rawValue).joined(separator: ", "),
                 CellStyle(.item, wrap: true))
        }
        if compact {
            if verdict.eligible != nil { text(.eligibility, verdict.word) }
        } else {
            text(.eligibility, verdict.word + (verdict.why.isEmpty ? "" : ": " + verdict.why.joined(separator: "; ")), CellStyle(.item, wrap: true))
        }
        if let payer = p.paidBy {
            text(.paidBy, payer, CellStyle(.input, wrap: true))
        } else if !compact {
            out.blank(C.paidBy.rawValue, CellStyle(.input))
        }
    }

    /// Column widths, frozen header, filter and print setup (a stream must set them before its rows).
    func setUp(_ sheet: inout Sheet, layout: RosterLayout) {
        for (column, _, width) in titles { sheet.columnWidths[column.rawValue] = width }
        sheet.frozenRows = 1
        sheet.frozenColumns = 1
        sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: layout.lastRow, column: lastColumn.rawValue))
        sheet.printSetup = PrintSetup(header: "\(event.id): \(event.title) (roster)")
        checks(&sheet, layout: layout)
    }

    /// Input checks on the roster's input columns, and marks on what needs a look.
    private func checks(_ sheet: inout Sheet, layout: RosterLayout) {
        func range(_ column: C) -> CellRange {
            CellRange(CellAddress(row: layout.firstRow, column: column.rawValue), CellAddress(row: layout.lastRow, column: column.rawValue))
        }
        func first(_ column: C) -> String { CellAddress(row: layout.firstRow, column: column.rawValue).a1 }
        sheet.validations.append(Validation(range: range(.funding), rule: .list(Funding.allCases.map(\.rawValue)),
            inputTitle: "Funding", inputMessage: "assisted: the event pays the airfare up to the cap. self-funded: the participant pays it.",
            errorMessage: "Choose assisted or self-funded from the list."))
        for (column, title) in [(C.fare, "Fare (US$)"), (.cap, "Cap override (US$)")] {
            sheet.validations.append(Validation(range: range(column), rule: .decimal(0...1_000_000), inputTitle: title,
                inputMessage: column == .fare ? "The quoted or paid airfare in US$, from 0 to 1,000,000; empty when not known."
                    : "A cap agreed with the organisers, in US$ (from the roster's cap_override_usd); other rows look the cap up on the Caps sheet.",
                errorMessage: "Type an amount in US$ from 0 to 1,000,000, without letters."))
        }
        let stay = [(C.nights, "Nights", fullStay.nights), (.days, "Workshop days", fullStay.days)]
        for (column, title, most) in stay {
            sheet.validations.append(Validation(range: range(column), rule: .whole(0...most), inputTitle: title,
                inputMessage: "A whole number from 0 to \(most) (the event's full stay).",
                errorMessage: "Type a whole number from 0 to \(most): the event covers \(most) at most."))
        }
        let offices = event.costSharing.offices.map(\.office)
        if offices.count > 1, !offices.contains(where: { $0.contains(",") || $0.contains("\"") }) {
            sheet.validations.append(Validation(range: range(.paidBy), rule: .list(offices), inputTitle: "Paid by",
                inputMessage: "Empty: the offices share the line. Or choose the one office that pays the whole line.",
                errorMessage: "Choose one of the paying offices from the list, or leave the cell empty."))
        }
        sheet.conditionalFormats.append(ConditionalFormat(range: range(.share), formula: "\(first(.share))>0", mark: .attention))
        let flags = first(.flags)
        sheet.conditionalFormats.append(ConditionalFormat(
            range: range(.flags),
            formula: "OR(ISNUMBER(SEARCH(\"\(Flag.contactOrganisers.rawValue)\",\(flags))),ISNUMBER(SEARCH(\"\(Flag.notFunded.rawValue)\",\(flags))))",
            mark: .problem))
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
        for column in [C.organization, .departure, .region, .funding, .fare, .cap, .flags, .eligibility, .paidBy]
            + (quotesFares ? [.quotedFare, .fareCurrency] : []) {
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
        // From column B: the id column is printed again on the pages across, and the note is not to be cut there.
        sheet.set(total + 2, 1, .text("Blue cells on a yellow ground are inputs: change a fare, a cap override, the funding, nights or days "
            + "and every figure recomputes. Caps come from the Caps sheet; rates from the Rates sheet."
            + (quotesFares ? " A fare quoted in another currency is its quote divided by the Rates sheet's rate for that currency, "
               + "rounded to the cent: change the quote or the rate." : ""), .note))
    }
}
