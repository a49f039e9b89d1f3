import BudgetCore
import Spreadsheet

/// `Cost lines`: for each event with cost lines beyond assisted airfare and local expenses (``WorkbookNames/showsCostLines(_:)``),
/// its declared lines with their amounts and each office's share as inputs, its contingency, each role's airfare rule, and
/// the event costs: each per-event line in US$, the contingency on the lines it names, what each office pays of them, and
/// the grand total. Every input has a defined name the other sheets' formulas read.
struct CostLinesSheet {
    let events: [Event]
    /// The budgets costed under those events (an event without one shows its inputs only).
    let budgets: [Budget]

    /// Where the table's columns are: the line, its basis, currency, amount, for whom, self-funded persons, each office's share
    /// (or part), then, after a narrow gap, the source.
    enum Column {
        static let name = 0, basis = 1, currency = 2, amount = 3, whom = 4, selfFunded = 5, firstOffice = 6
    }

    /// The widest cost sharing among the events: the source column comes after it and a gap.
    private var sourceColumn: Int { Column.firstOffice + (events.map(\.costSharing.offices.count).max() ?? 1) + 1 }

    func make() -> (Sheet, [DefinedName]) {
        var sheet = Sheet(name: WorkbookNames.costLines)
        var names: [DefinedName] = []
        // One landscape page wide at 75 % for up to three offices; the line's name repeated on any page across.
        for (column, width) in [24.0, 18, 9, 13, 20, 11].enumerated() { sheet.columnWidths[column] = width }
        for column in Column.firstOffice..<(sourceColumn - 1) { sheet.columnWidths[column] = 12 }
        sheet.columnWidths[sourceColumn - 1] = 2
        sheet.columnWidths[sourceColumn] = 40
        sheet.frozenColumns = 1
        var setup = PrintSetup(header: "Cost lines and event costs")
        var row = 0
        for (index, event) in events.enumerated() {
            if index > 0 { setup.pageBreaks.append(row) }
            sheet.set(row, 0, .text("\(event.id): \(event.title)", .title))
            row = inputs(event, on: &sheet, names: &names, from: row + 1) + 1
            row = roles(event, on: &sheet, names: &names, from: row) + 1
            if let budget = budgets.first(where: { $0.event.id == event.id }) {
                row = EventCostRows(budget: budget).block(on: &sheet, names: &names, from: row, source: sourceColumn) + 1
            }
            row += 1
        }
        sheet.set(row, 0, .text("Blue cells on a yellow ground are inputs: change an amount, a share, the contingency's percentage or a "
            + "role's cap and every dependent figure recomputes, on the roster sheets too. An amount in the local currency is converted "
            + "at the Rates sheet's exchange rate once per person (once for an event cost), rounded half up to the cent. Each office but "
            + "the last pays its share of every line rounded half up to the cent; the last office pays the rest.", .note))
        sheet.printSetup = setup
        return (sheet, names)
    }

    /// The declared lines and the contingency, one a row, as inputs; returns the row after them.
    private func inputs(_ event: Event, on sheet: inout Sheet, names: inout [DefinedName], from start: Int) -> Int {
        let offices = event.costSharing.offices
        sheet.header(start, ["Cost line", "Basis", "Currency", "Amount", "For", "Self-funded persons"]
                     + offices.map { "\($0.firstWord) share" })
        sheet.set(start, sourceColumn, .text("Source or planning assumption", .head))
        var row = start + 1
        let first = row
        let rates = event.localExpenses.rates
        for line in event.declaredLines {
            guard case .charge(let basis, let amount) = line.rule else { continue }
            sheet.set(row, Column.name, .text(line.name, CellStyle(.item, wrap: true)))
            sheet.set(row, Column.basis, .text(basis.words, CellStyle(.item, wrap: true)))
            switch amount {
            case .usd(let money):
                sheet.set(row, Column.amount, .number(money.number, CellStyle(.input, .usd)))
                sheet.set(row, Column.currency, .text("US$"))
            case .local(let units):
                sheet.set(row, Column.amount, .number(Double(units), CellStyle(.input, .local(currency: rates.currency))))
                sheet.set(row, Column.currency, .text(rates.currency))
            }
            names.append(name(WorkbookNames.lineAmount(event, line), sheet, row, Column.amount))
            sheet.set(row, Column.whom, .text(CostLinesSheet.whom(line), CellStyle(.item, wrap: true)))
            if !line.isEventCost { sheet.set(row, Column.selfFunded, .text(line.coversSelfFunded ? "included" : "not included")) }
            shares(event, line.shares, key: line.key, on: &sheet, names: &names, row: row)
            sheet.set(row, sourceColumn, .text(CostLineText.provenance(source: line.source, assumption: line.assumption), .note))
            row += 1
        }
        if let contingency = event.contingency {
            let lines = contingency.lines.compactMap { key in (event.personLines + event.eventLines).first { $0.key == key }?.name.lowercased() }
            sheet.set(row, Column.name, .text(contingency.name, CellStyle(.item, wrap: true)))
            sheet.set(row, Column.basis, .text("a percentage of " + CostLineText.list(lines), CellStyle(.item, wrap: true)))
            sheet.set(row, Column.amount, .number(Double(contingency.basisPoints) / 10_000, CellStyle(.input, .percent)))
            sheet.set(row, Column.currency, .text("%"))
            names.append(name(WorkbookNames.contingencyPercent(event), sheet, row, Column.amount))
            sheet.set(row, Column.whom, .text("once for the event", CellStyle(.item, wrap: true)))
            shares(event, contingency.shares, key: "contingency", on: &sheet, names: &names, row: row)
            sheet.set(row, sourceColumn, .text(CostLineText.provenance(source: contingency.source, assumption: contingency.assumption), .note))
            row += 1
        }
        if row == first {
            sheet.set(row, 0, .text("The event file declares no line beyond assisted airfare and local expenses.", .note))
            return row + 1
        }
        checks(event, on: &sheet, rows: first...(row - 1))
        return row
    }

    /// Who a line is for, in words: `everyone`, `participants and resource persons`.
    static func whom(_ line: CostLine) -> String {
        if line.isEventCost { return "the event" }
        let roles = Role.allCases.filter(line.roles.contains).map { $0.heading.lowercased() }
        return roles.count == Role.allCases.count ? "everyone on the roster" : CostLineText.list(roles)
    }

    /// Each office's share of a line as inputs (the last office's is what the others leave), each with its name.
    private func shares(_ event: Event, _ shares: [Int], key: String, on sheet: inout Sheet, names: inout [DefinedName], row: Int) {
        let count = event.costSharing.offices.count
        for (index, basisPoints) in shares.enumerated() {
            let column = Column.firstOffice + index
            let value = Double(basisPoints) / 10_000
            if index == count - 1 && count > 1 {
                let others = (0..<index).map { WorkbookNames.lineShare(event, office: $0, key) }
                sheet.set(row, column, .formula(Formulas.rest(of: "1", less: others, toTheCent: false), value, CellStyle(.item, .percent)))
            } else {
                sheet.set(row, column, .number(value, CellStyle(count > 1 ? .input : .item, .percent)))
            }
            names.append(name(WorkbookNames.lineShare(event, office: index, key), sheet, row, column))
        }
    }

    /// Input checks on the amounts and the shares.
    private func checks(_ event: Event, on sheet: inout Sheet, rows: ClosedRange<Int>) {
        sheet.validations.append(Validation(
            range: CellRange(CellAddress(row: rows.lowerBound, column: Column.amount), CellAddress(row: rows.upperBound, column: Column.amount)),
            rule: .decimal(0...100_000_000), inputTitle: "Amount",
            inputMessage: "The line's amount in the currency beside it (a contingency: its percentage), 0 or more.",
            errorMessage: "Type an amount, 0 or more, without letters."))
        let offices = event.costSharing.offices.count
        guard offices > 1 else { return }
        sheet.validations.append(Validation(
            range: CellRange(CellAddress(row: rows.lowerBound, column: Column.firstOffice),
                             CellAddress(row: rows.upperBound, column: Column.firstOffice + offices - 2)),
            rule: .decimal(0...1), inputTitle: "Share", inputMessage: "The office's share of this line, from 0% to 100%; the last office pays the rest.",
            errorMessage: "Type a percentage from 0% to 100%."))
    }

    /// How each role's airfare is paid, with a role's own cap as an input; returns the row after them.
    private func roles(_ event: Event, on sheet: inout Sheet, names: inout [DefinedName], from start: Int) -> Int {
        sheet.header(start, ["Airfare by role", "Rule", "", "Cap (US$)"])
        var row = start + 1
        for role in Role.allCases {
            let rule = event.airfareRule(for: role)
            sheet.set(row, Column.name, .text(role.heading))
            sheet.set(row, Column.basis, .text(role == .participant ? "up to the cap of the point of departure (Caps sheet)" : rule.words,
                                               CellStyle(.item, wrap: true)))
            if case .ownCap(let cap) = rule {
                sheet.set(row, Column.amount, .number(cap.number, CellStyle(.input, .usd)))
                names.append(name(WorkbookNames.roleCap(event, role), sheet, row, Column.amount))
                sheet.validations.append(Validation(range: CellRange(CellAddress(row: row, column: Column.amount), CellAddress(row: row, column: Column.amount)),
                    rule: .decimal(0...1_000_000), inputTitle: "Cap (US$)", inputMessage: "The \(role.words)'s own airfare cap in US$.",
                    errorMessage: "Type an amount in US$ from 0 to 1,000,000, without letters."))
            }
            let note = role == .participant ? "the eligibility rules apply to participants only"
                : event.roleAirfare[role]?.note ?? "the default for \(role.heading.lowercased())"
            sheet.set(row, sourceColumn, .text(note, .note))
            row += 1
        }
        return row
    }

    private func name(_ name: String, _ sheet: Sheet, _ row: Int, _ column: Int) -> DefinedName {
        DefinedName(name: name, formula: "=\(sheet.reference)\(CellAddress(row: row, column: column).absolute)")
    }
}

/// An event's costs counted once for the event, as formulas: on the Cost lines sheet the whole block (each event cost, each
/// office's part, the grand total), on an office's sheet that office's part.
struct EventCostRows {
    let budget: Budget

    private typealias Column = CostLinesSheet.Column

    private func a1(_ row: Int, _ column: Int) -> String { CellAddress(row: row, column: column).a1 }

    private func name(_ name: String, _ sheet: Sheet, _ row: Int, _ column: Int) -> DefinedName {
        DefinedName(name: name, formula: "=\(sheet.reference)\(CellAddress(row: row, column: column).absolute)")
    }

    /// The event costs block on the Cost lines sheet, its cells named: each event cost, then their sum, the participants'
    /// lines and the grand total; returns the row after it.
    func block(on sheet: inout Sheet, names: inout [DefinedName], from start: Int, source: Int) -> Int {
        sheet.header(start, ["Event costs", "Base (US$)", "", "Amount (US$)", "", ""] + budget.offices.map { "\($0.share.firstWord) part (US$)" })
        sheet.set(start, source, .text("How it is found", .head))
        var row = start + 1
        for cost in budget.eventCosts {
            self.cost(cost, on: &sheet, names: &names, row: row, source: source)
            row += 1
        }
        return totals(on: &sheet, names: &names, costs: (start + 1)..<row, source: source)
    }

    /// One event cost's row: its amount in US$ (a per-event line's amount cell, converted where local; the contingency on its
    /// base), and each office's part (its share rounded half up, the last office the rest).
    private func cost(_ cost: EventCost, on sheet: inout Sheet, names: inout [DefinedName], row: Int, source: Int) {
        let event = budget.event
        let offices = budget.offices
        let usd = CellStyle(.item, .usd)
        let roster = RosterLayout(budget)
        sheet.set(row, 0, .text(cost.name, CellStyle(.item, wrap: true)))
        if let line = cost.line {
            let formula = Formulas.lineAmount(line, amount: WorkbookNames.lineAmount(event, line), WorkbookNames.Rates(event))
            sheet.set(row, Column.amount, .formula(formula, cost.amount.number, usd))
            let local: Bool
            if case .charge(_, .local) = line.rule { local = true } else { local = false }
            sheet.set(row, source, .text(local ? "the amount above, converted to US$ at the Rates sheet's exchange rate, half up to the cent"
                                               : "the amount above", .note))
        } else if let contingency = event.contingency {
            // The base: the totals of the lines it names (the roster's for a per-person line, this block's for an event cost).
            let lines = contingency.lines.compactMap { key -> String? in
                if let index = event.personLines.firstIndex(where: { $0.key == key }) {
                    return roster.total(column: roster.column(personLine: index))
                }
                return event.eventLines.contains { $0.key == key } ? WorkbookNames.eventCost(event, key) : nil
            }
            sheet.set(row, Column.basis, .formula(lines.count == 1 ? lines[0] : Formulas.total(lines), (cost.base ?? .zero).number, usd))
            sheet.set(row, Column.amount, .formula(Formulas.contingency(base: a1(row, Column.basis), percent: WorkbookNames.contingencyPercent(event)),
                                                   cost.amount.number, usd))
            sheet.set(row, source, .text("the percentage above of the base (the lines it names, from the roster's totals and this "
                + "block), rounded half up to the cent", .note))
        }
        names.append(name(WorkbookNames.eventCost(event, cost.key), sheet, row, Column.amount))
        let shares = cost.line?.shares ?? event.contingency?.shares ?? []
        for (index, part) in cost.offices.enumerated() {
            let column = Column.firstOffice + index
            let formula = index == CostSharing.restOffice(shares)
                ? Formulas.rest(of: a1(row, Column.amount), less: offices.indices.filter { $0 != index }.map { a1(row, Column.firstOffice + $0) })
                : Formulas.officePart(office: offices[index].office, share: WorkbookNames.lineShare(event, office: index, cost.key),
                                      of: .eventCost(amount: a1(row, Column.amount)))
            sheet.set(row, column, .formula(formula, part.number, usd))
            names.append(name(WorkbookNames.eventCostPart(event, office: index, cost.key), sheet, row, column))
        }
    }

    /// The event costs' sum, the participants' lines (the roster's total) and the grand total, each office's too; returns the
    /// row after them.
    private func totals(on sheet: inout Sheet, names: inout [DefinedName], costs: Range<Int>, source: Int) -> Int {
        let event = budget.event
        let offices = budget.offices
        let usd = CellStyle(.item, .usd), total = CellStyle(.total, .usd)
        var row = costs.upperBound
        sheet.set(row, 0, .text("Event costs", CellStyle(.total)))
        func sum(_ column: Int) -> String {
            costs.isEmpty ? "0" : "SUM(\(CellRange(CellAddress(row: costs.lowerBound, column: column), CellAddress(row: costs.upperBound - 1, column: column)).a1))"
        }
        sheet.set(row, Column.amount, .formula(sum(Column.amount), budget.eventCosts.map(\.amount).sum().number, total))
        names.append(name(WorkbookNames.eventCosts(event), sheet, row, Column.amount))
        for (index, office) in offices.enumerated() {
            sheet.set(row, Column.firstOffice + index, .formula(sum(Column.firstOffice + index), office.eventCosts.sum().number, total))
        }
        row += 1
        sheet.set(row, 0, .text("Participants' lines (the roster's total)", CellStyle(.item, wrap: true)))
        sheet.set(row, Column.amount, .formula(RosterLayout(budget).total(.total), budget.totals.total.number, usd))
        for (index, office) in offices.enumerated() {
            sheet.set(row, Column.firstOffice + index, .formula(OfficeTotals.participants(budget, office: index), office.total.number, usd))
        }
        row += 1
        sheet.set(row, 0, .text("Grand total", CellStyle(.total)))
        for (column, figure) in [(Column.amount, budget.grandTotal)] + offices.enumerated().map({ (Column.firstOffice + $0, $1.grandTotal) }) {
            sheet.set(row, column, .formula(Formulas.total(a1(row - 2, column), a1(row - 1, column)), figure.number, total))
        }
        names.append(name(WorkbookNames.grandTotal(event), sheet, row, Column.amount))
        sheet.set(row, source, .text("the participants' lines and the event costs", .note))
        return row + 1
    }

    /// One office's part of each event cost and its whole part (the participants' lines in `participants`, a cell, and the
    /// event costs), from `start` on: labels in column `label`, amounts in `amount`; returns the row after them.
    func write(office index: Int, on sheet: inout Sheet, from start: Int, label: Int, amount: Int, participants: String) -> Int {
        let event = budget.event
        let office = budget.offices[index]
        var row = start
        sheet.set(row, label, .text("Event costs, the office's part (Cost lines sheet)", CellStyle(.item, wrap: true)))
        row += 1
        var parts: [String] = []
        for (cost, part) in zip(budget.eventCosts, office.eventCosts) {
            sheet.set(row, label, .text(cost.name, CellStyle(.item, wrap: true)))
            sheet.set(row, amount, .formula(WorkbookNames.eventCostPart(event, office: index, cost.key), part.number, CellStyle(.item, .usd)))
            parts.append(CellAddress(row: row, column: amount).a1)
            row += 1
        }
        sheet.set(row, label, .text("The office's whole part: participants' lines and event costs", CellStyle(.total, wrap: true)))
        sheet.set(row, amount, .formula(parts.isEmpty ? participants : Formulas.total([participants] + parts), office.grandTotal.number,
                                        CellStyle(.total, .usd)))
        return row + 1
    }
}

/// Where each office's part of the participants' lines is totalled, for the sheets that read it (Summary, Cost lines): the
/// roster's totals for a single office; else its office sheet's, line by line (a roster held whole) or region by region.
enum OfficeTotals {
    /// The cell of an office's part of a per-person line's total (by its place in `Event.personLines`).
    static func line(_ budget: Budget, office index: Int, personLine line: Int) -> String {
        let roster = RosterLayout(budget)
        if budget.offices.count == 1 { return roster.total(column: roster.column(personLine: line)) }
        let sheet = WorkbookNames.offices(budget.event)[index]
        return OfficeSheet.total(column: OfficeSheet.paidColumn(personLine: line, budget), sheet: sheet, budget)
    }

    /// The cell of an office's part of every per-person line (its total paid).
    static func participants(_ budget: Budget, office index: Int) -> String {
        if budget.offices.count == 1 { return RosterLayout(budget).total(.total) }
        let sheet = WorkbookNames.offices(budget.event)[index]
        return OfficeSheet.total(column: OfficeSheet.totalPaidColumn(budget), sheet: sheet, budget)
    }
}
