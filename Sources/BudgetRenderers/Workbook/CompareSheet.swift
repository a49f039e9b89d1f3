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
        var workbook = try BudgetWorkbook(budgets: comparison.budgets, events: comparison.events, options: options,
                                          inputs: inputs, created: created).make()
        var compare = CompareSheet(report: report).make()
        BudgetWorkbook.finishForPrint(&compare, events: comparison.events, options: options, created: created)
        workbook.sheets.insert(compare, at: 1)
        workbook.properties.title = "Comparison: " + comparison.events.map(\.id).joined(separator: " vs ")
        return workbook
    }
}

/// `Compare`: caps by point of departure under each event with their change, and the mix's costs by region, all live.
struct CompareSheet {
    let report: CompareReport

    func make() -> Sheet {
        let comparison = report.comparison
        let events = comparison.events
        var sheet = Sheet(name: "Compare")
        let n = events.count
        let changeColumn = n + 1, percentColumn = n + 2, restatedColumn = n + 3, realColumn = n + 4
        let noteColumn = report.real ? n + 5 : n + 3
        sheet.columnWidths[0] = 30
        for column in 1...(noteColumn - 1) { sheet.columnWidths[column] = 14 }
        sheet.columnWidths[noteColumn] = 40
        sheet.set(0, 0, .text("Comparison: " + events.map(\.id).joined(separator: " vs "), .title))
        sheet.set(1, 0, .text("Mix: \(report.mixName) (\(report.mixSource)). Fares \(report.fareWords).", .note))
        let usd = CellStyle(.item, .usd), percent = CellStyle(.item, .percent)
        var row = 3
        // Real terms: the index of the first and the last event's year, as inputs.
        var indexCells: (first: String, last: String)?
        if report.real, let index = comparison.index, let firstYear = comparison.years.first, let lastYear = comparison.years.last,
           let a = index.values[firstYear], let b = index.values[lastYear] {
            sheet.set(row, 0, .text("\(index.series) \(firstYear) / \(lastYear) (\(index.title); not from the announcements)", .note))
            sheet.set(row, 1, .number(Double(a) / 1000, CellStyle(.input, .rate)))
            sheet.set(row, 2, .number(Double(b) / 1000, CellStyle(.input, .rate)))
            indexCells = (CellAddress(row: row, column: 1).absolute, CellAddress(row: row, column: 2).absolute)
            row += 2
        }

        var heads = ["Point of departure"] + events.map { "\($0.id) cap (US$)" } + ["Change (US$)", "Change"]
        if report.real { heads += ["\(comparison.years.first ?? 0) cap in \(comparison.years.last ?? 0) US$", "Real change"] }
        sheet.header(row, heads + ["Note"])
        row += 1
        func a1(_ r: Int, _ c: Int) -> String { CellAddress(row: r, column: c).a1 }
        for line in comparison.caps {
            sheet.set(row, 0, .text(line.point))
            for (offset, event) in events.enumerated() {
                guard let cap = line.caps[offset] else { continue }
                sheet.set(row, offset + 1, .formula(Formulas.cap(table: WorkbookNames.capTable(event), departure: a1(row, 0), .listedExact), cap.number, usd))
            }
            let first = line.caps.first ?? nil, last = line.caps.last ?? nil
            let (f, l) = (a1(row, 1), a1(row, n))
            if let first, let last {
                sheet.set(row, changeColumn, .formula(Formulas.change(from: f, to: l), (last - first).number, usd))
                let tenths = Ratio.percentTenths(from: first.cents, to: last.cents) ?? 0
                sheet.set(row, percentColumn, .formula(Formulas.relativeChange(a1(row, changeColumn), of: f, baseCanBeZero: false), Double(tenths) / 1000, percent))
                if let indexCells, let restated = comparison.inLastYearsDollars(first) {
                    sheet.set(row, restatedColumn, .formula(Formulas.restated(f, indexFrom: indexCells.first, to: indexCells.last), restated.number, usd))
                    let real = Ratio.percentTenths(from: restated.cents, to: last.cents) ?? 0
                    sheet.set(row, realColumn, .formula(Formulas.realChange(from: a1(row, restatedColumn), to: l, restatedCanBeZero: false),
                                                        Double(real) / 1000, percent))
                }
            }
            sheet.set(row, noteColumn, .text(comparison.note(line), .note))
            row += 1
        }
        row += 1

        sheet.header(row, ["Region / measure"] + events.map(\.id) + ["Change", "Change (%)"]
                     + (indexCells == nil ? [] : ["\(comparison.years.first ?? 0) in \(comparison.years.last ?? 0) US$", "Real change"]))
        let mixHeader = row
        row += 1
        var totalRows: [Int] = []
        let groups = comparison.regions.map { Optional($0) } + [nil]
        for region in groups {
            sheet.set(row, 0, .text(region ?? "All regions", CellStyle(.total)))
            row += 1
            var rowOf: [CompareReport.Measure: Int] = [:]
            let totals = region.map { comparison.subtotals($0) } ?? comparison.budgets.map(\.totals)
            for measure in CompareReport.Measure.allCases {
                rowOf[measure] = row
                sheet.set(row, 0, .text("  " + measure.words))
                for (offset, budget) in comparison.budgets.enumerated() {
                    let roster = RosterLayout(budget)
                    let t = totals[offset]
                    let column = offset + 1
                    func sum(_ c: RosterLayout.Column) -> String {
                        region.map { "SUMIF(\(roster.range(.region)),\(quoted($0)),\(roster.range(c)))" } ?? "SUM(\(roster.range(c)))"
                    }
                    let cell: Cell
                    switch measure {
                    case .participants:
                        let count = region.map { "COUNTIF(\(roster.range(.region)),\(quoted($0)))" } ?? "COUNTA(\(roster.range(.id)))"
                        cell = .formula(count, Double(t.participants), CellStyle(.item, .count))
                    case .assisted_airfare: cell = .formula(sum(.assisted), t.assistedAirfare.number, usd)
                    case .participant_share: cell = .formula(sum(.share), t.participantShare.number, usd)
                    case .local_expenses: cell = .formula(sum(.local), t.localExpenses.number, usd)
                    case .total: cell = .formula(sum(.total), t.total.number, usd)
                    case .per_participant:
                        let count = a1(rowOf[.participants] ?? row, column), total = a1(rowOf[.total] ?? row, column)
                        cell = .formula(Formulas.perParticipant(total: total, count: count), t.perParticipant.number, usd)
                    case .airfare_share_of_total:
                        let assisted = a1(rowOf[.assisted_airfare] ?? row, column), total = a1(rowOf[.total] ?? row, column)
                        cell = .formula(Formulas.shareOfTotal(assisted, of: total),
                                        Double(Ratio.shareTenths(t.assistedAirfare.cents, of: t.total.cents) ?? 0) / 1000, percent)
                    }
                    sheet.set(row, column, cell)
                }
                let values = totals.map { measure.value($0) }
                if let first = values.first ?? nil, let last = values.last ?? nil {
                    let (f, l) = (a1(row, 1), a1(row, n))
                    let style = measure == .airfare_share_of_total ? percent : measure == .participants ? CellStyle(.item, .count) : usd
                    let delta = Double(last - first) / (measure == .participants ? 1 : measure == .airfare_share_of_total ? 1000 : 100)
                    sheet.set(row, changeColumn, .formula(Formulas.change(from: f, to: l), delta, style))
                    if measure.isMoney, let tenths = Ratio.percentTenths(from: first, to: last) {
                        sheet.set(row, percentColumn, .formula(Formulas.relativeChange(a1(row, changeColumn), of: f, baseCanBeZero: true), Double(tenths) / 1000, percent))
                    }
                    if measure.isMoney, let indexCells, let restated = comparison.inLastYearsDollars(Money(cents: first)) {
                        let r = a1(row, restatedColumn)
                        sheet.set(row, restatedColumn, .formula(Formulas.restated(f, indexFrom: indexCells.first, to: indexCells.last), restated.number, usd))
                        if let real = Ratio.percentTenths(from: restated.cents, to: last) {
                            sheet.set(row, realColumn, .formula(Formulas.realChange(from: r, to: l, restatedCanBeZero: true), Double(real) / 1000, percent))
                        }
                    }
                }
                if measure == .total { totalRows.append(row) }
                row += 1
            }
        }
        row += 1
        sheet.set(row, 0, .text("Caps are looked up on the Caps sheet; the mix's costs are summed from each event's roster sheet "
            + "(the mix as synthetic participants). A head count by region is priced at the region's highest cap among rows that "
            + "name a point of departure. Percentages are rounded to a tenth of a percent.", .note))
        if let stays = report.stays {
            row += 1
            sheet.set(row, 0, .text(stays, .note))
        }

        let chartRegions = Array(totalRows.dropLast())
        if !chartRegions.isEmpty {
            // A chart needs contiguous ranges: a small table of each region's total per event.
            var table = row + 2
            sheet.header(table, ["Total by region"] + events.map(\.id))
            let first = table + 1
            for (index, totalRow) in chartRegions.enumerated() {
                table += 1
                let region = comparison.regions[index]
                sheet.set(table, 0, .text(region))
                for column in 1...n {
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
                anchor: CellAddress(row: mixHeader, column: noteColumn + 1), categoryAxis: "Region", valueAxis: "Total (US$)"))
        }
        sheet.printSetup = PrintSetup(header: "Comparison: " + events.map(\.id).joined(separator: " vs "))
        return sheet
    }

    private func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
