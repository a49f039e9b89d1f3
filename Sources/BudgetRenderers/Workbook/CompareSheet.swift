import BudgetCore
import Spreadsheet

/// A budget workbook for a comparison: the mix's roster sheet under each event, Caps, Rates, and a `Compare` sheet.
public struct CompareWorkbook {
    public let report: CompareReport
    public let options: RenderOptions
    public let inputs: [String]
    /// Creation time (seconds since 1970-01-01 UTC): the prepared day, an input, never the clock.
    public let created: Int64

    public init(report: CompareReport, options: RenderOptions, inputs: [String], created: Int64) {
        self.report = report
        self.options = options
        self.inputs = inputs
        self.created = created
    }

    public func make() throws(WorkbookError) -> Workbook {
        let comparison = report.comparison
        var book = BudgetWorkbook(budgets: comparison.budgets, events: comparison.events, options: options, inputs: inputs, created: created)
        book.extraSheet = ("Compare", "the mix priced under each event side by side, with the change, and a chart")
        var workbook = try book.make()
        var compare = CompareSheet(report: report).make()
        BudgetWorkbook.finishForPrint(&compare, events: comparison.events, options: options, created: created)
        workbook.sheets.insert(compare, at: 1)
        workbook.properties.title = "Comparison: " + comparison.events.map(\.id).joined(separator: " vs ")
        return workbook
    }
}

/// `Compare`: caps by point of departure under each event with their change, and the mix's costs by region, all live; where an
/// event declares cost lines, every line of the whole budget under each event.
struct CompareSheet {
    let report: CompareReport

    /// Where the figures go: an event a column, then the change, the change in %, and in real terms the restated first figure
    /// and the real change; then the notes.
    private struct Columns {
        let n: Int
        let real: Bool
        var change: Int { n + 1 }
        var percent: Int { n + 2 }
        var restated: Int { n + 3 }
        var realChange: Int { n + 4 }
        var note: Int { real ? n + 5 : n + 3 }
    }

    /// The price index of the first and the last event's year, as input cells (real terms only).
    private typealias IndexCells = (first: String, last: String)

    private var comparison: Comparison { report.comparison }
    private var columns: Columns { Columns(n: comparison.events.count, real: report.real) }

    func make() -> Sheet {
        let events = comparison.events
        var sheet = Sheet(name: "Compare")
        sheet.columnWidths[0] = 30
        for column in 1...(columns.note - 1) { sheet.columnWidths[column] = 14 }
        sheet.columnWidths[columns.note] = 40
        sheet.set(0, 0, .text("Comparison: " + events.map(\.id).joined(separator: " vs "), .title))
        // The mix by its title (a roster by its head count: its file is the preparer's, on the Preparer's notes).
        let mixWords = report.stays == nil ? report.mixName : "the roster's \(BudgetCore.counted(comparison.budgets.first?.totals.participants ?? 0, "participant"))"
        sheet.set(1, 0, .text("Mix: \(mixWords). Fares \(report.fareWords).", .note))
        var row = 3
        let indexCells = priceIndex(on: &sheet, row: &row)
        row = caps(on: &sheet, from: row, indexCells: indexCells)
        let (afterMix, totalRows) = mix(on: &sheet, from: row, indexCells: indexCells)
        row = afterMix
        if comparison.hasDeclaredLines { row = everyLine(on: &sheet, from: row + 1, indexCells: indexCells) }
        row += 1
        sheet.set(row, 0, .text("Caps are looked up on the Caps sheet; the mix's costs are summed from each event's roster sheet "
            + "(the mix as synthetic participants). A head count by region is priced at the region's highest cap among rows that "
            + "name a point of departure. Percentages are rounded to a tenth of a percent. " + CompareReport.perParticipantNote
            + (comparison.hasDeclaredLines ? " Every cost line: the roster sheets' totals and the Cost lines sheet's event costs." : ""), .note))
        if let stays = report.stays {
            row += 1
            sheet.set(row, 0, .text(stays, .note))
        }
        var setup = PrintSetup(header: "Comparison: " + events.map(\.id).joined(separator: " vs "))
        if let pageBreak = chart(on: &sheet, below: row, totalRows: Array(totalRows.dropLast())) {
            setup.pageBreaks.append(pageBreak)
        }
        sheet.printSetup = setup
        return sheet
    }

    private func a1(_ r: Int, _ c: Int) -> String { CellAddress(row: r, column: c).a1 }

    /// Real terms: the index of the first and the last event's year, as inputs (`row` moves past them).
    private func priceIndex(on sheet: inout Sheet, row: inout Int) -> IndexCells? {
        guard report.real, let index = comparison.index, let firstYear = comparison.years.first, let lastYear = comparison.years.last,
              let a = index.values[firstYear], let b = index.values[lastYear] else { return nil }
        sheet.set(row, 0, .text("\(index.series) \(firstYear) / \(lastYear) (\(index.title); not from the announcements)", .note))
        sheet.set(row, 1, .number(Double(a) / 1000, CellStyle(.input, .rate)))
        sheet.set(row, 2, .number(Double(b) / 1000, CellStyle(.input, .rate)))
        row += 2
        return (CellAddress(row: row - 2, column: 1).absolute, CellAddress(row: row - 2, column: 2).absolute)
    }

    /// Each point of departure's cap under each event, the change, and in real terms; returns the row after the table.
    private func caps(on sheet: inout Sheet, from start: Int, indexCells: IndexCells?) -> Int {
        let events = comparison.events
        let c = columns, n = c.n
        let usd = CellStyle(.item, .usd), percent = CellStyle(.item, .percent)
        var row = start
        var heads = ["Point of departure"] + events.map { "\($0.id) cap (US$)" } + ["Change (US$)", "Change"]
        if report.real { heads += ["\(comparison.years.first ?? 0) cap in \(comparison.years.last ?? 0) US$", "Real change"] }
        sheet.header(row, heads + ["Note"])
        row += 1
        for line in comparison.caps {
            sheet.set(row, 0, .text(line.point))
            for (offset, event) in events.enumerated() {
                guard let cap = line.caps[offset] else { continue }
                sheet.set(row, offset + 1, .formula(Formulas.cap(table: WorkbookNames.capTable(event), departure: a1(row, 0), .listedExact), cap.number, usd))
            }
            let first = line.caps.first ?? nil, last = line.caps.last ?? nil
            let (f, l) = (a1(row, 1), a1(row, n))
            if let first, let last {
                sheet.set(row, c.change, .formula(Formulas.change(from: f, to: l), (last - first).number, usd))
                let tenths = Ratio.percentTenths(from: first.cents, to: last.cents) ?? 0
                sheet.set(row, c.percent, .formula(Formulas.relativeChange(a1(row, c.change), of: f, baseCanBeZero: false), Double(tenths) / 1000, percent))
                if let indexCells, let restated = comparison.inLastYearsDollars(first) {
                    sheet.set(row, c.restated, .formula(Formulas.restated(f, indexFrom: indexCells.first, to: indexCells.last), restated.number, usd))
                    let real = Ratio.percentTenths(from: restated.cents, to: last.cents) ?? 0
                    sheet.set(row, c.realChange, .formula(Formulas.realChange(from: a1(row, c.restated), to: l, restatedCanBeZero: false),
                                                          Double(real) / 1000, percent))
                }
            }
            sheet.set(row, c.note, .text(comparison.note(line), .note))
            row += 1
        }
        sheet.keepTogether.append(start...(row - 1))   // the table on one page where it fits: its header with every row
        return row + 1
    }

    /// The mix's measures by region and for all regions, summed from each event's roster sheet, each group under a header row
    /// of its own (its region and the columns: a group that starts a page is read without the page before); returns the row
    /// after them and each group's total row.
    private func mix(on sheet: inout Sheet, from start: Int, indexCells: IndexCells?) -> (next: Int, totalRows: [Int]) {
        let events = comparison.events
        var row = start
        let columns = events.map(\.id) + ["Change", "Change (%)"]
            + (indexCells == nil ? [] : ["\(comparison.years.first ?? 0) in \(comparison.years.last ?? 0) US$", "Real change"])
        var totalRows: [Int] = []
        let groups = comparison.regions.map { Optional($0) } + [nil]
        for region in groups {
            sheet.header(row, [region ?? "All regions"] + columns)
            sheet.keepTogether.append(row...(row + CompareReport.Measure.allCases.count))
            row += 1
            var rowOf: [CompareReport.Measure: Int] = [:]
            let totals = region.map { comparison.subtotals($0) } ?? comparison.budgets.map(\.totals)
            for measure in CompareReport.Measure.allCases {
                rowOf[measure] = row
                sheet.set(row, 0, .text("  " + measure.words))
                for (offset, budget) in comparison.budgets.enumerated() {
                    sheet.set(row, offset + 1, cell(measure, budget, totals[offset], region: region, column: offset + 1, rowOf: rowOf, row: row))
                }
                changes(on: &sheet, row: row, values: totals.map { measure.value($0) }, measure: measure, indexCells: indexCells)
                if measure == .total { totalRows.append(row) }
                row += 1
            }
        }
        return (row, totalRows)
    }

    /// One measure of one event's budget for a region (or all regions), from its roster sheet.
    private func cell(_ measure: CompareReport.Measure, _ budget: Budget, _ t: CostTotals, region: String?, column: Int,
                      rowOf: [CompareReport.Measure: Int], row: Int) -> Cell {
        let roster = RosterLayout(budget)
        let usd = CellStyle(.item, .usd), percent = CellStyle(.item, .percent)
        func sum(_ c: RosterLayout.Column) -> String {
            region.map { "SUMIF(\(roster.range(.region)),\(Formulas.quoted($0)),\(roster.range(c)))" } ?? "SUM(\(roster.range(c)))"
        }
        switch measure {
        case .participants:
            let count = region.map { "COUNTIF(\(roster.range(.region)),\(Formulas.quoted($0)))" } ?? "COUNTA(\(roster.range(.id)))"
            return .formula(count, Double(t.participants), CellStyle(.item, .count))
        case .assisted_airfare: return .formula(sum(.assisted), t.assistedAirfare.number, usd)
        case .participant_share: return .formula(sum(.share), t.participantShare.number, usd)
        case .local_expenses: return .formula(sum(.local), t.localExpenses.number, usd)
        case .total: return .formula(sum(.total), t.total.number, usd)
        case .participants_funded:
            // Everyone less those the event prices at 0.00 as not funded (their flag's letter on the roster sheet).
            let notFunded = "\"*\(Flag.notFunded.letter)*\""
            let count = region.map { "COUNTIF(\(roster.range(.region)),\(Formulas.quoted($0)))-COUNTIFS(\(roster.range(.region)),\(Formulas.quoted($0)),\(roster.range(.flags)),\(notFunded))" }
                ?? "COUNTA(\(roster.range(.id)))-COUNTIF(\(roster.range(.flags)),\(notFunded))"
            return .formula(count, Double(t.funded), CellStyle(.item, .count))
        case .per_participant:
            let count = a1(rowOf[.participants_funded] ?? row, column), total = a1(rowOf[.total] ?? row, column)
            return .formula(Formulas.perParticipant(total: total, count: count), t.perParticipant.number, usd)
        case .airfare_share_of_total:
            let assisted = a1(rowOf[.assisted_airfare] ?? row, column), total = a1(rowOf[.total] ?? row, column)
            return .formula(Formulas.shareOfTotal(assisted, of: total),
                            Double(Ratio.shareTenths(t.assistedAirfare.cents, of: t.total.cents) ?? 0) / 1000, percent)
        }
    }

    /// The change from the first event to the last of a row's values, in % for money, and in real terms.
    private func changes(on sheet: inout Sheet, row: Int, values: [Int64?], measure: CompareReport.Measure, indexCells: IndexCells?) {
        let c = columns
        let usd = CellStyle(.item, .usd), percent = CellStyle(.item, .percent)
        guard let first = values.first ?? nil, let last = values.last ?? nil else { return }
        let (f, l) = (a1(row, 1), a1(row, c.n))
        let style = measure == .airfare_share_of_total ? percent : measure.isCount ? CellStyle(.item, .count) : usd
        let delta = Double(last - first) / (measure.isCount ? 1 : measure == .airfare_share_of_total ? 1000 : 100)
        sheet.set(row, c.change, .formula(Formulas.change(from: f, to: l), delta, style))
        if measure.isMoney, let tenths = Ratio.percentTenths(from: first, to: last) {
            sheet.set(row, c.percent, .formula(Formulas.relativeChange(a1(row, c.change), of: f, baseCanBeZero: true), Double(tenths) / 1000, percent))
        }
        if measure.isMoney, let indexCells, let restated = comparison.inLastYearsDollars(Money(cents: first)) {
            let r = a1(row, c.restated)
            sheet.set(row, c.restated, .formula(Formulas.restated(f, indexFrom: indexCells.first, to: indexCells.last), restated.number, usd))
            if let real = Ratio.percentTenths(from: restated.cents, to: last) {
                sheet.set(row, c.realChange, .formula(Formulas.realChange(from: r, to: l, restatedCanBeZero: true), Double(real) / 1000, percent))
            }
        }
    }

    /// Every cost line of the whole budget under each event (`Comparison.lines`): the per-person lines from the roster sheets'
    /// totals, the event costs and the grand total from the Cost lines sheet (an event without cost lines: its roster's total);
    /// empty where an event has no such line. Returns the row after the block.
    private func everyLine(on sheet: inout Sheet, from start: Int, indexCells: IndexCells?) -> Int {
        let events = comparison.events
        var row = start
        sheet.header(row, ["Every cost line (US$)"] + events.map(\.id) + ["Change", "Change (%)"]
                     + (indexCells == nil ? [] : ["\(comparison.years.first ?? 0) in \(comparison.years.last ?? 0) US$", "Real change"]))
        row += 1
        for line in comparison.lines {
            sheet.set(row, 0, .text(line.name, line.key == "grand-total" ? CellStyle(.total) : .item))
            for (offset, (budget, amount)) in zip(comparison.budgets, line.amounts).enumerated() {
                guard let amount, let formula = CompareSheet.line(line.key, in: budget) else { continue }
                sheet.set(row, offset + 1, .formula(formula, amount.number, CellStyle(line.key == "grand-total" ? .total : .item, .usd)))
            }
            changes(on: &sheet, row: row, values: line.amounts.map { $0?.cents }, measure: .total, indexCells: indexCells)
            row += 1
        }
        sheet.keepTogether.append(start...(row - 1))   // the table on one page where it fits: its header with every row
        return row
    }

    /// Where a line's whole amount is in a budget's workbook: a per-person line's total on the roster sheet, an event cost or the
    /// grand total on the Cost lines sheet; nil where the budget has no such line.
    static func line(_ key: String, in budget: Budget) -> String? {
        let event = budget.event
        let roster = RosterLayout(budget)
        if key == "grand-total" { return WorkbookNames.showsCostLines(event) ? WorkbookNames.grandTotal(event) : roster.total(.total) }
        if let index = event.personLines.firstIndex(where: { $0.key == key }), index < 2 || index - 2 < roster.declaredLines {
            return roster.total(column: roster.column(personLine: index))
        }
        return budget.eventCosts.contains { $0.key == key } ? WorkbookNames.eventCost(event, key) : nil
    }

    /// The mix's total by region under each event as a small table, and a chart of it below the table at the top of a page of
    /// its own (a row down, so that its frame is not drawn at the foot of the page before), so that no page break cuts it and
    /// the sheet prints one page wide: returns that page break's row.
    private func chart(on sheet: inout Sheet, below row: Int, totalRows chartRegions: [Int]) -> Int? {
        guard !chartRegions.isEmpty else { return nil }
        let events = comparison.events
        let usd = CellStyle(.item, .usd)
        // A chart needs contiguous ranges: a small table of each region's total per event.
        var table = row + 2
        sheet.header(table, ["Total by region"] + events.map(\.id))
        let first = table + 1
        for (index, totalRow) in chartRegions.enumerated() {
            table += 1
            let region = comparison.regions[index]
            sheet.set(table, 0, .text(region))
            for column in 1...columns.n {
                let cached = comparison.subtotals(region)[column - 1].total
                sheet.set(table, column, .formula(a1(totalRow, column), cached.number, usd))
            }
        }
        sheet.charts.append(Chart(
            kind: .clusteredColumns, title: "The mix's total cost by region",
            series: events.enumerated().map { offset, event in
                Chart.Series(name: event.id,
                             categories: "=\(sheet.reference)\(CellRange(CellAddress(row: first, column: 0), CellAddress(row: table, column: 0)).absolute)",
                             values: "=\(sheet.reference)\(CellRange(CellAddress(row: first, column: offset + 1), CellAddress(row: table, column: offset + 1)).absolute)")
            },
            anchor: CellAddress(row: table + 3, column: 0), categoryAxis: "Region", valueAxis: "Total (US$)"))
        return table + 2
    }
}
