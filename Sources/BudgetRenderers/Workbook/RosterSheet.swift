import BudgetCore
import Spreadsheet

/// `Roster <event>`: one row per participant in roster order, each figure a live formula with its cached result.
struct RosterSheet {
    let budget: Budget
    let options: RenderOptions
    let userText: UserText

    func make() throws(WorkbookError) -> Sheet {
        let event = budget.event
        let layout = RosterLayout(budget)
        let currency = event.localExpenses.rates.currency
        var sheet = Sheet(name: layout.sheet)
        typealias C = RosterLayout.Column
        let titles: [(C, String, Double)] = [
            (.id, "ID", 10), (.name, "Name", 24), (.organization, "Organization", 34), (.departure, "Point of departure", 18),
            (.region, "Region", 18), (.funding, "Funding", 11), (.fare, "Fare (US$)", 12), (.cap, "Cap (US$)", 11),
            (.assisted, "Assisted airfare (US$)", 13), (.share, "Participant share (US$)", 13), (.nights, "Nights", 8),
            (.days, "Workshop days", 9), (.localInLocalCurrency, "Local expenses (\(currency))", 14),
            (.local, "Local expenses (US$)", 13), (.total, "Total (US$)", 13), (.flags, "Flags", 34),
            (.eligibility, "Eligibility", 60), (.paidBy, "Paid by (whole line; empty: the shares)", 24),
        ]
        for (column, title, width) in titles {
            sheet.set(0, column.rawValue, .text(title, .head))
            sheet.columnWidths[column.rawValue] = width
        }
        let names = (room: WorkbookNames.rate(event, .room), meals: WorkbookNames.rate(event, .meals),
                     transport: WorkbookNames.rate(event, .transport), rate: WorkbookNames.rate(event, .rate))
        let usd = CellStyle(.item, .usd), inputUSD = CellStyle(.input, .usd), inputCount = CellStyle(.input, .count)
        for (index, line) in budget.lines.enumerated() {
            let row = layout.firstRow + index
            let p = line.participant
            func at(_ column: C) -> String { CellAddress(row: row, column: column.rawValue).a1 }
            func put(_ column: C, _ cell: Cell) { sheet.set(row, column.rawValue, cell) }
            put(.id, .text(try userText.clean(p.id, field: "id", of: p), CellStyle(.item, .text)))
            put(.name, .text(try userText.clean(options.name(p), field: "name", of: p), CellStyle(.item, .text)))
            put(.organization, .text(try userText.clean(options.organization(p), field: "organization", of: p), CellStyle(.item, .text)))
            put(.departure, .text(p.country.name))
            put(.region, .text(line.region))
            put(.funding, .text(p.funding.rawValue, CellStyle(.input)))
            put(.fare, p.fare.map { .number($0.number, inputUSD) } ?? Cell(.blank, inputUSD))
            if let override = p.capOverride {
                put(.cap, .number(override.number, inputUSD))
            } else {
                let lookup = WorkbookNames.capLookup(event, departure: at(.departure))
                put(.cap, Cell(.formula(lookup, cached: line.cap.map { .number($0.number) } ?? .text("")), usd))
            }
            let (fare, cap) = (at(.fare), at(.cap))
            put(.assisted, .formula("IF(\(at(.funding))=\"self-funded\",0,IF(\(cap)=\"\",0,IF(\(fare)=\"\",\(cap),MIN(\(fare),\(cap)))))",
                                    line.assistedAirfare.number, usd))
            put(.share, .formula("IF(\(fare)=\"\",0,ROUND(\(fare)-\(at(.assisted)),2))", line.participantShare.number, usd))
            put(.nights, .number(Double(line.nights), inputCount))
            put(.days, .number(Double(line.days), inputCount))
            put(.localInLocalCurrency, .formula("\(at(.nights))*\(names.room)+\(at(.days))*(\(names.meals)+\(names.transport))",
                                                Double(line.localExpensesLocal), CellStyle(.item, .local(currency: currency))))
            // Whole local units to cents, rounded half up: the engine's rule (see Rates).
            put(.local, .formula("ROUND(\(at(.localInLocalCurrency))*100/\(names.rate),0)/100", line.localExpenses.number, usd))
            put(.total, .formula("ROUND(\(at(.assisted))+\(at(.local)),2)", line.total.number, usd))
            put(.flags, .text(line.flags.map(\.rawValue).joined(separator: ", ")))
            let verdict = budget.verdicts[index]
            put(.eligibility, .text(verdict.word + (verdict.why.isEmpty ? "" : ": " + verdict.why.joined(separator: "; "))))
            put(.paidBy, p.paidBy.map { .text($0, CellStyle(.input)) } ?? Cell(.blank, CellStyle(.input)))
        }

        let total = layout.totalRow
        let totalUSD = CellStyle(.total, .usd), totalCount = CellStyle(.total, .count)
        func sum(_ column: C, _ cached: Double, _ style: CellStyle) {
            let range = CellRange(CellAddress(row: layout.firstRow, column: column.rawValue),
                                  CellAddress(row: layout.lastRow, column: column.rawValue)).a1
            sheet.set(total, column.rawValue, .formula("SUM(\(range))", cached, style))
        }
        sheet.set(total, C.id.rawValue, .text("Total", CellStyle(.total)))
        let ids = CellRange(CellAddress(row: layout.firstRow, column: 0), CellAddress(row: layout.lastRow, column: 0)).a1
        sheet.set(total, C.name.rawValue, .formula("COUNTA(\(ids))", Double(budget.lines.count), totalCount))
        for column in [C.organization, .departure, .region, .funding, .fare, .cap, .flags, .eligibility, .paidBy] {
            sheet.set(total, column.rawValue, Cell(.blank, CellStyle(.total)))
        }
        let t = budget.totals
        sum(.assisted, t.assistedAirfare.number, totalUSD)
        sum(.share, t.participantShare.number, totalUSD)
        sum(.nights, Double(budget.lines.map(\.nights).reduce(0, +)), totalCount)
        sum(.days, Double(budget.lines.map(\.days).reduce(0, +)), totalCount)
        sum(.localInLocalCurrency, Double(budget.lines.map(\.localExpensesLocal).reduce(0, +)), CellStyle(.total, .local(currency: currency)))
        sum(.local, t.localExpenses.number, totalUSD)
        sum(.total, t.total.number, totalUSD)
        sheet.set(total + 2, 0, .text("Blue cells on a yellow ground are inputs: change a fare, a cap override, the funding, nights or days "
            + "and every figure recomputes. Caps come from the Caps sheet; rates from the Rates sheet.", .note))

        sheet.frozenRows = 1
        sheet.frozenColumns = 1
        sheet.autofilter = CellRange(CellAddress(row: 0, column: 0), CellAddress(row: layout.lastRow, column: C.paidBy.rawValue))
        sheet.printSetup = PrintSetup(header: "\(event.id): \(event.title) (roster)")
        return sheet
    }
}
