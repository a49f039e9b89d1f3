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
        var rows = RosterRows(event: budget.event, options: options, userText: userText, hasRole: layout.hasRole, quotesFares: layout.quotesFares)
        rows.rosterGivesApplications = budget.rosterGivesApplications
        sheet.write(row: 0, rows.header())
        for (index, line) in budget.lines.enumerated() {
            sheet.write(row: layout.firstRow + index, try rows.cells(line, verdict: budget.verdicts[index], row: layout.firstRow + index))
        }
        rows.setUp(&sheet, layout: layout)
        rows.finish(&sheet, layout: layout, totals: budget.totals, flags: budget.flagCounts.map(\.flag))
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
    /// Whether any row of the roster gives an application date or documents: when none does, a row's eligibility leaves out
    /// those two unknowns, which the Summary states once.
    var rosterGivesApplications = true
    /// Whether the sheet has the columns of fares quoted in other currencies (the quote and its currency, after `Paid by`),
    /// each such fare being a formula of them and the Rates sheet's rate. A roster whose fares are all in US$ has none.
    let quotesFares: Bool
    /// Whether the sheet has a Role column and a column per declared per-person line (``RosterLayout/hasRole(_:lines:)``),
    /// after the quoted fare's.
    let hasRole: Bool
    private typealias C = RosterLayout.Column
    private let rates: WorkbookNames.Rates
    /// A full stay's covered nights and workshop days.
    private let fullStay: (nights: Int, days: Int)
    private let currency: String
    private let capTable: String
    private let costing: Costing
    /// Where the Role column and the declared lines' columns are.
    private let layout: RosterLayout
    /// The row formulas, made once from ``Formulas`` with column letters from the layout (so a moved column cannot break a
    /// formula), and filled in with each row's number.
    private let rowFormulas: RowFormulas

    private struct RowFormulas {
        let cap, listedCap, assisted, knownAssisted, share, fullStay, localUnits, usd, usdOrFullStay, total, quotedFare: RowFormula
        /// With a Role column: the cap and the assisted airfare by the row's role, each declared line, and the total of every line.
        var roleCap, roleAssisted, everyLine: RowFormula?
        var lines: [RowFormula] = []
        /// Without a Role column: the cap and the assisted airfare of a resource person's or staff's row, by their role.
        var knownRole: [Role: (cap: RowFormula, assisted: RowFormula)] = [:]
    }

    init(event: Event, options: RenderOptions, userText: UserText, hasRole: Bool = false, quotesFares: Bool = false) {
        self.event = event
        self.options = options
        self.userText = userText
        self.hasRole = hasRole
        self.quotesFares = quotesFares
        rates = WorkbookNames.Rates(event)
        fullStay = (event.coveredNights.count, event.workshopDays.count)
        currency = event.localExpenses.rates.currency
        capTable = WorkbookNames.capTable(event)
        costing = Costing(event: event)
        layout = RosterLayout(sheet: WorkbookNames.roster(event), participants: 0, hasRole: hasRole,
                              declaredLines: hasRole ? event.personLines.count - 2 : 0, quotesFares: quotesFares)
        func cell(_ column: C) -> String { CellAddress.letters(column.rawValue) + RowFormula.row }
        let (d, f, g, h, i) = (cell(.departure), cell(.funding), cell(.fare), cell(.cap), cell(.assisted))
        let (k, l, m, nn) = (cell(.nights), cell(.days), cell(.localInLocalCurrency), cell(.local))
        let (rates, layout, capTable) = (rates, layout, capTable)
        var formulas = RowFormulas(
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
        if hasRole {
            let roles = Formulas.RoleRules(check: .cell(CellAddress.letters(layout.roleColumn) + RowFormula.row), event: event)
            formulas.roleCap = RowFormula(Formulas.roleCap(table: capTable, departure: d, roles))
            formulas.roleAssisted = RowFormula(Formulas.assistedAirfare(fare: g, cap: h, funding: .cell(f), roles: roles))
            formulas.lines = event.personLines.indices.dropFirst(2).map { RowFormula(RosterRows.line($0, nights: k, days: l, event: event, roleColumn: layout.roleColumn)) }
            let lineCells = event.personLines.indices.dropFirst(2).map { CellAddress.letters(layout.column(personLine: $0)) + RowFormula.row }
            formulas.everyLine = RowFormula(Formulas.total([i, nn] + lineCells))
        } else {
            for role in Role.allCases.dropFirst() {
                let roles = Formulas.RoleRules(check: .known(role), event: event)
                formulas.knownRole[role] = (RowFormula(Formulas.roleCap(table: capTable, departure: d, roles)),
                                            RowFormula(Formulas.assistedAirfare(fare: g, cap: h, funding: .cell(f), roles: roles)))
            }
        }
        rowFormulas = formulas
    }

    /// A declared per-person line's formula for a row (its place in `Event.personLines`), counting the row's nights and days
    /// (cells, or the numbers of a stay whose cells hold 0 because its local expenses are not covered).
    private static func line(_ index: Int, nights: String, days: String, event: Event, roleColumn: Int) -> String {
        let line = event.personLines[index]
        let cell = { (column: Int) in CellAddress.letters(column) + RowFormula.row }
        let roles = Formulas.RoleRules(check: .cell(cell(roleColumn)), event: event)
        let amount = Formulas.lineAmount(line, amount: WorkbookNames.lineAmount(event, line), nights: nights, days: days, WorkbookNames.Rates(event))
        let applies = Formulas.lineApplies(line, funding: cell(C.funding.rawValue),
                                           fundsNothing: Formulas.fundsNothing(cap: cell(C.cap.rawValue), roles), roles)
        return Formulas.personLine(amount, where: applies)
    }

    private var titles: [(column: Int, title: String, width: Double)] {
        // Two landscape pages across at 75 %: the participant and the airfare on the first, local expenses, flags and
        // eligibility on the second (the id repeated); wide enough that most rows take one line.
        let fixed: [(C, String, Double)] = [
            (.id, "ID", 8), (.name, "Name", 20), (.organization, "Organization", 40), (.departure, "Point of departure", 16),
            (.region, "Region", 18), (.funding, "Funding", 11), (.fare, "Fare (US$)", 11), (.cap, "Cap (US$)", 11),
            (.assisted, "Assisted airfare (US$)", 12), (.share, "Participant share (US$)", 12), (.nights, "Nights", 8),
            (.days, "Workshop days", 9), (.localInLocalCurrency, "Local expenses (\(currency))", 13),
            (.local, "Local expenses (US$)", 12), (.total, "Total (US$)", 12), (.flags, "Flags", 8),
            // The quoted fare's two columns take their room from the eligibility's, so they print on the second page too.
            (.eligibility, compact ? "Eligibility (empty: not known)" : "Eligibility", quotesFares ? 54 : 90),
            (.paidBy, "Paid by (whole line; empty: the shares)", 22)]
            + (quotesFares ? [(.quotedFare, "Fare as quoted (other currency)", 14), (.fareCurrency, "Fare currency", 10)] : [])
        guard hasRole else { return fixed.map { ($0.0.rawValue, $0.1, $0.2) } }
        // The Role and each declared line after them, on a third page across.
        return fixed.map { ($0.0.rawValue, $0.1, $0.2) } + [(layout.roleColumn, "Role", 15)]
            + event.personLines.indices.dropFirst(2).map { (layout.column(personLine: $0), "\(event.personLines[$0].name) (US$)", 13) }
    }

    /// The header row's cells.
    func header() -> [(column: Int, cell: Cell)] { titles.map { ($0.column, .text($0.title, .head)) } }

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
        let usd = CellStyle(.item, .usd), inputCount = CellStyle(.input, .count)
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
        airfare(line, into: &out)
        formula(.share, rowFormulas.share, line.participantShare.number, usd)
        if compact && !hasRole && line.nights == fullStay.nights && line.days == fullStay.days {
            // A large roster leaves a full stay's nights and days empty: its local expenses are the Rates sheet's full stay
            // (which follows the rates); a shorter row is a faster one to write. (Not where declared lines count the nights
            // and days.)
            formula(.local, rowFormulas.fullStay, line.localExpenses.number, usd)
        } else {
            out.number(C.nights.rawValue, Double(line.nights), inputCount)
            out.number(C.days.rawValue, Double(line.days), inputCount)
            formula(.localInLocalCurrency, rowFormulas.localUnits, Double(line.localExpensesLocal), CellStyle(.item, .local(currency: currency)))
            formula(.local, compact ? rowFormulas.usdOrFullStay : rowFormulas.usd, line.localExpenses.number, usd)
        }
        formula(.total, rowFormulas.everyLine ?? rowFormulas.total, line.total.number, usd)
        if !(compact && line.flags.isEmpty) {
            text(.flags, line.flags.count == 1 ? line.flags[0].letter : line.flags.map(\.letter).joined(separator: " "),
                 CellStyle(.item, centered: true))
        }
        if compact {
            if verdict.eligible != nil { text(.eligibility, verdict.word) }
        } else {
            let why = EligibilityCheck.why(verdict, rosterGivesApplications: rosterGivesApplications)
            text(.eligibility, verdict.word + (why.isEmpty ? "" : ": " + why.joined(separator: "; ")), CellStyle(.item, wrap: true))
        }
        if let payer = p.paidBy {
            text(.paidBy, payer, CellStyle(.input, wrap: true))
        } else if !compact {
            out.blank(C.paidBy.rawValue, CellStyle(.input))
        }
        if hasRole { declaredLines(line, into: &out) }
    }

    /// The fare, the cap and the assisted airfare: a participant's by the cap table, another role's by its rule (``Formulas/RoleRules``).
    private func airfare(_ line: ParticipantCosting, into out: inout some RowCells) {
        let p = line.participant
        let usd = CellStyle(.item, .usd), inputUSD = CellStyle(.input, .usd)
        let cap = line.cap.map { CachedResult.number($0.number) } ?? .text("")
        if let quoted = p.quotedFare, quotesFares {
            // The quote and its currency are the inputs; the fare in US$ is their conversion at the Rates sheet's rate.
            out.formula(C.fare.rawValue, rowFormulas.quotedFare, cached: .number(quoted.usd.number), usd)
            out.number(C.quotedFare.rawValue, quoted.amount.number, CellStyle(.input, .quoted(currency: quoted.currency)))
            out.text(C.fareCurrency.rawValue, quoted.currency, CellStyle(.input, .text))
        } else if let fare = p.fare {
            out.number(C.fare.rawValue, fare.number, inputUSD)
        } else if !compact {
            out.blank(C.fare.rawValue, inputUSD)
        }
        let known = hasRole || p.role == .participant ? nil : rowFormulas.knownRole[p.role]
        let overrideCounts: Bool
        switch event.airfareRule(for: p.role) {
        case .capped, .ownCap: overrideCounts = true
        case .full, .none: overrideCounts = false   // `Costing` gives a role paid in full or not at all no cap, override or not
        }
        if let override = p.capOverride, overrideCounts {
            out.number(C.cap.rawValue, override.number, inputUSD)
        } else if let roleCap = rowFormulas.roleCap ?? known?.cap {
            out.formula(C.cap.rawValue, roleCap, cached: cap, usd)
        } else if compact, let value = line.cap {
            // A large roster's row names a listed point of departure: the plain lookup (a shorter row is a faster one).
            out.formula(C.cap.rawValue, rowFormulas.listedCap, cached: .number(value.number), usd)
        } else {
            out.formula(C.cap.rawValue, rowFormulas.cap, cached: cap, usd)
        }
        // A large roster's assisted participant has no funding cell to check (a shorter row is a faster one).
        let assisted = rowFormulas.roleAssisted ?? known?.assisted
            ?? (compact && p.funding == .assisted ? rowFormulas.knownAssisted : rowFormulas.assisted)
        out.formula(C.assisted.rawValue, assisted, cached: .number(line.assistedAirfare.number), usd)
    }

    /// The Role (an input) and each declared per-person line's amount for the row.
    private func declaredLines(_ line: ParticipantCosting, into out: inout some RowCells) {
        let p = line.participant
        out.text(layout.roleColumn, p.role.rawValue, CellStyle(.input))
        // A stay whose local expenses the event does not cover shows 0 nights and days; a line that still counts them (one
        // that covers a self-funded person) counts the stay's own, as `Costing.cost(_:)` does.
        let uncovered = !costing.coversLocalExpenses(of: p) && !event.fundsNothing(for: p)
        let stay = uncovered ? costing.coveredStay(arrive: p.arrive, leave: p.leave) : nil
        for (offset, index) in event.personLines.indices.dropFirst(2).enumerated() {
            let formula = stay.map { RowFormula(RosterRows.line(index, nights: "\($0.nights)", days: "\($0.days)", event: event, roleColumn: layout.roleColumn)) }
                ?? rowFormulas.lines[offset]
            out.formula(layout.column(personLine: index), formula, cached: .number(line.amounts[index].number), CellStyle(.item, .usd))
        }
    }

    /// Column widths, frozen header, filter and print setup (a stream must set them before its rows).
    func setUp(_ sheet: inout Sheet, layout: RosterLayout) {
        for (column, _, width) in titles { sheet.columnWidths[column] = width }
        sheet.frozenRows = 1
        sheet.frozenColumns = 1
        sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: layout.lastRow, column: self.layout.lastColumn))
        var setup = PrintSetup(header: "Roster: every participant's figures")
        setup.breaksPages = !compact   // a streamed roster's rows are not known when its sheet is set up
        sheet.printSetup = setup
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
        if hasRole {
            let roles = CellRange(CellAddress(row: layout.firstRow, column: self.layout.roleColumn),
                                  CellAddress(row: layout.lastRow, column: self.layout.roleColumn))
            sheet.validations.append(Validation(range: roles, rule: .list(Role.allCases.map(\.rawValue)), inputTitle: "Role",
                inputMessage: "participant: airfare up to the cap of the point of departure. resource-person, staff: by their role's rule "
                    + "(Cost lines sheet). The role also decides which cost lines apply.",
                errorMessage: "Choose participant, resource-person or staff from the list."))
        }
        sheet.conditionalFormats.append(ConditionalFormat(range: range(.share), formula: "\(first(.share))>0", mark: .attention))
        let flags = first(.flags)
        sheet.conditionalFormats.append(ConditionalFormat(
            range: range(.flags),
            formula: "OR(ISNUMBER(FIND(\"\(Flag.contactOrganisers.letter)\",\(flags))),ISNUMBER(FIND(\"\(Flag.notFunded.letter)\",\(flags))))",
            mark: .problem))
    }

    /// The totals row, and the notes after the participants' rows: what the inputs are, and the key to the flags that occur.
    func finish(_ sheet: inout Sheet, layout: RosterLayout, totals t: CostTotals, flags: [Flag]) {
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
        for column in [C.organization, .departure, .region, .funding, .cap, .flags, .eligibility, .paidBy]
            + (quotesFares ? [.quotedFare, .fareCurrency] : []) {
            sheet.set(total, column.rawValue, Cell(.blank, CellStyle(.total)))
        }
        sum(.fare, t.fares.number, totalUSD)
        sum(.assisted, t.assistedAirfare.number, totalUSD)
        sum(.share, t.participantShare.number, totalUSD)
        if !compact {   // a large roster leaves full stays' nights, days and local-currency amounts empty: no totals of them
            sum(.nights, Double(t.nights), totalCount)
            sum(.days, Double(t.days), totalCount)
            sum(.localInLocalCurrency, Double(t.localExpensesLocal), CellStyle(.total, .local(currency: currency)))
        }
        sum(.local, t.localExpenses.number, totalUSD)
        sum(.total, t.total.number, totalUSD)
        if hasRole {
            sheet.set(total, self.layout.roleColumn, Cell(.blank, CellStyle(.total)))
            for index in event.personLines.indices.dropFirst(2) {
                let column = self.layout.column(personLine: index)
                let range = CellRange(CellAddress(row: layout.firstRow, column: column), CellAddress(row: layout.lastRow, column: column)).a1
                let amount = index < t.amounts.count ? t.amounts[index] : .zero
                sheet.set(total, column, .formula("SUM(\(range))", amount.number, totalUSD))
            }
        }
        // From column B: the id column is printed again on the pages across, and the note is not to be cut there.
        var note: String
        if WorkbookNames.showsCostLines(event) {
            note = "Blue cells on a yellow ground are inputs: change a fare, a cap override, the funding, nights, days or the role and every "
                + "figure recomputes. Caps come from the Caps sheet; rates from the Rates sheet; the other lines' amounts and each role's "
                + "airfare rule from the Cost lines sheet. Total = assisted airfare + local expenses + the other lines; the event costs "
                + "(once for the event) are on the Cost lines sheet."
        } else if hasRole {
            note = "Blue cells on a yellow ground are inputs: change a fare, a cap override, the funding, nights, days or the role and every "
                + "figure recomputes. Caps come from the Caps sheet; rates from the Rates sheet. A resource person's or staff member's "
                + "airfare follows their role's rule (" + Role.allCases.dropFirst().map { "\($0.heading.lowercased()): \(event.airfareRule(for: $0).words)" }
                    .joined(separator: "; ") + ")."
        } else {
            note = "Blue cells on a yellow ground are inputs: change a fare, a cap override, the funding, nights or days "
                + "and every figure recomputes. Caps come from the Caps sheet; rates from the Rates sheet."
        }
        if quotesFares {
            note += " A fare quoted in another currency is its quote divided by the Rates sheet's rate for that currency, "
                + "rounded to the cent: change the quote or the rate."
        }
        sheet.set(total + 2, 1, .text(note, .note))
        if !flags.isEmpty {
            sheet.set(total + 3, 1, .text(FlagLegend.key(flags.map { ($0.letter, $0.rawValue) }, explainedOn: "on the Summary"), .note))
        }
    }
}
