import BudgetCore
import Spreadsheet

/// `Summary`: per event its totals by region and by paying office, flagged participants and the assumptions in words.
struct SummarySheet {
    let budgets: [Budget]
    let inputs: [String]
    /// The name on the "Prepared by" line (empty: left to fill in) and the prepared date beside it.
    var preparedBy = ""
    var prepared = ""

    /// Where an office's total of a column is, for an event with several offices: its office sheet's total row, under
    /// every line when the lines are kept, else under its regions.
    private func officeTotal(_ budget: Budget, _ index: Int, _ column: OfficeSheet.Column) -> String {
        let sheet = WorkbookNames.offices(budget.event)[index]
        return budget.keepsLines ? OfficeSheet.total(column, sheet: sheet, budget) : RegionOfficeSheet.total(column, sheet: sheet, budget)
    }

    func make() -> Sheet {
        var sheet = Sheet(name: WorkbookNames.summary)
        for (column, width) in [52.0, 13, 15, 15, 15, 15].enumerated() { sheet.columnWidths[column] = width }
        sheet.set(0, 0, .text("Travel budget", .title))
        sheet.set(1, 0, .text("Amounts in US$. Assisted airfare = min(fare, cap): what the event pays. Participant share = fare - assisted "
            + "airfare: what the participant pays. Total = assisted airfare + local expenses: the cost to the paying offices.", .note))
        var row = signOff(on: &sheet, from: 3) + 1
        for budget in budgets { row = block(budget, on: &sheet, from: row) + 2 }
        sheet.set(row, 0, .text("Inputs: " + inputs.joined(separator: ", "), .note))
        sheet.frozenRows = 1
        sheet.printSetup = PrintSetup(header: "Travel budget: " + budgets.map(\.event.id).joined(separator: ", "))
        return sheet
    }

    /// The block a reader signs: Prepared by / Checked by / Approved by, each with a name, a date and a signature (input
    /// cells, open under protection); returns the row after it.
    private func signOff(on sheet: inout Sheet, from start: Int) -> Int {
        var row = start
        sheet.header(row, ["Sign-off", "Name", "", "Date", "Signature", ""])
        row += 1
        for (index, role) in ["Prepared by", "Checked by", "Approved by"].enumerated() {
            sheet.set(row, 0, .text(role, CellStyle(.total)))
            sheet.set(row, 1, index == 0 && !preparedBy.isEmpty ? .text(preparedBy, CellStyle(.input)) : Cell(.blank, CellStyle(.input)))
            sheet.set(row, 2, Cell(.blank, CellStyle(.input)))
            sheet.set(row, 3, index == 0 && !preparedBy.isEmpty ? .text(prepared, CellStyle(.input)) : Cell(.blank, CellStyle(.input)))
            sheet.set(row, 4, Cell(.blank, CellStyle(.input)))
            sheet.set(row, 5, Cell(.blank, CellStyle(.input)))
            sheet.merges.append(CellRange(CellAddress(row: row, column: 1), CellAddress(row: row, column: 2)))
            sheet.merges.append(CellRange(CellAddress(row: row, column: 4), CellAddress(row: row, column: 5)))
            sheet.rowHeights[row] = 30
            row += 1
        }
        return row
    }

    /// Writes one event's block and returns the row after it.
    private func block(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        let event = budget.event
        let roster = RosterLayout(budget)
        let usd = CellStyle(.item, .usd), count = CellStyle(.item, .count)
        var row = start
        sheet.set(row, 0, .text("\(event.id): \(event.title)", .title))
        row += 1
        sheet.set(row, 0, .text("\(event.start.long) to \(event.end.long), \(event.venue). Roster: \(budget.rosterName). "
            + "Paying offices: \(event.payingOffices.joined(separator: "; ")). Source: \(event.source).", .note))
        row += 1
        if let unused = RosterNotes.unusedColumnsSentence(budget.unusedColumns) {
            sheet.set(row, 0, .text(unused, .note))
            row += 1
        }
        for note in budget.rosterNotes + QuotedFareText.sentences(budget) {
            sheet.set(row, 0, .text(note, .note))
            row += 1
        }
        sheet.header(row, ["Paying office", "Airfare share", "Assisted airfare", "Local expenses share", "Local expenses", "Total"])
        row += 1
        let firstOffice = row
        let offices = budget.offices
        for (index, office) in offices.enumerated() {
            sheet.set(row, 0, .text(office.share.office))
            let percent = CellStyle(.item, .percent)
            sheet.set(row, 1, .formula(WorkbookNames.officeShare(event, office: index, .airfare),
                                       Double(office.share.airfareBasisPoints) / 10_000, percent))
            sheet.set(row, 3, .formula(WorkbookNames.officeShare(event, office: index, .local),
                                       Double(office.share.localExpensesBasisPoints) / 10_000, percent))
            let single = offices.count == 1
            let airfare = single ? roster.total(.assisted) : officeTotal(budget, index, .airfarePaid)
            let local = single ? roster.total(.local) : officeTotal(budget, index, .localPaid)
            sheet.set(row, 2, .formula(airfare, office.assistedAirfare.number, usd))
            sheet.set(row, 4, .formula(local, office.localExpenses.number, usd))
            sheet.set(row, 5, .formula(Formulas.total(CellAddress(row: row, column: 2).a1, CellAddress(row: row, column: 4).a1),
                                       (office.assistedAirfare + office.localExpenses).number, usd))
            row += 1
        }
        sheet.set(row, 0, .text("Total of the offices", CellStyle(.total)))
        for column in [1, 3] { sheet.set(row, column, Cell(.blank, CellStyle(.total))) }
        for (column, amount) in [(2, budget.totals.assistedAirfare), (4, budget.totals.localExpenses), (5, budget.totals.total)] {
            let range = CellRange(CellAddress(row: firstOffice, column: column), CellAddress(row: row - 1, column: column)).a1
            sheet.set(row, column, .formula("SUM(\(range))", amount.number, CellStyle(.total, .usd)))
        }
        row += 1
        sheet.set(row, 0, .text(event.costSharing.basis, .note))
        row += 2

        sheet.set(row, 0, .text("Assumptions", .head))
        row += 1
        let sentences = ["Local expenses cover \(event.localExpenses.covers), paid by \(event.localExpenses.coveredBy) (announcement)."]
            + AssumptionText.all(event) + [event.costSharing.basis]
        for sentence in sentences {
            sheet.set(row, 0, .text(sentence, .note))
            row += 1
        }
        row += 1
        sheet.header(row, ["Region", "Participants", "Assisted airfare", "Participant share", "Local expenses", "Total"])
        row += 1
        let firstRegion = row
        typealias C = RosterLayout.Column
        let columns: [(C, (CostTotals) -> Money)] = [(.assisted, \.assistedAirfare), (.share, \.participantShare),
                                                      (.local, \.localExpenses), (.total, \.total)]
        for region in budget.regions {
            let label = CellAddress(row: row, column: 0).a1
            sheet.set(row, 0, .text(region.region))
            sheet.set(row, 1, .formula("COUNTIF(\(roster.range(.region)),\(label))", Double(region.subtotal.participants), count))
            for (offset, (column, figure)) in columns.enumerated() {
                sheet.set(row, offset + 2, .formula("SUMIF(\(roster.range(.region)),\(label),\(roster.range(column)))",
                                                    figure(region.subtotal).number, usd))
            }
            row += 1
        }
        sheet.set(row, 0, .text("Total", CellStyle(.total)))
        let regionRows = { (column: Int) in
            CellRange(CellAddress(row: firstRegion, column: column), CellAddress(row: max(row - 1, firstRegion), column: column)).a1
        }
        sheet.set(row, 1, .formula("SUM(\(regionRows(1)))", Double(budget.totals.participants), CellStyle(.total, .count)))
        for (offset, (_, figure)) in columns.enumerated() {
            sheet.set(row, offset + 2, .formula("SUM(\(regionRows(offset + 2)))", figure(budget.totals).number, CellStyle(.total, .usd)))
        }
        row += 2

        let flagged = budget.flaggedParticipants
        sheet.set(row, 0, .text("Flagged participants", CellStyle(.total)))
        sheet.set(row, 1, .formula("COUNTIF(\(roster.range(.flags)),\"?*\")", Double(flagged), CellStyle(.total, .count)))
        row += 1
        for (flag, n) in budget.flagCounts {
            sheet.set(row, 0, .text("\(flag.rawValue): \(flag.explanation(under: budget.event))", CellStyle(.item, wrap: true)))
            sheet.set(row, 1, .formula("COUNTIF(\(roster.range(.flags)),\"*\(flag.rawValue)*\")", Double(n), count))
            row += 1
        }
        if budget.awaitingCapCount > 0 {
            let more = budget.awaitingCapCount > budget.awaitingCapIDs.count ? ", and \(budget.awaitingCapCount - budget.awaitingCapIDs.count) more" : ""
            let fares = AwaitingCapText.fares(count: budget.awaitingCapCount, fares: budget.awaitingCapFares,
                                              withoutFare: budget.awaitingCapWithoutFare, comma: true)
            sheet.set(row, 0, .text("Awaiting a cap: \(budget.awaitingCapIDs.joined(separator: ", "))\(more)\(fares); "
                + "no assisted airfare is budgeted for them until the organisers agree a cap.", .note))
            row += 1
        }
        row += 1
        sheet.set(row, 0, .text("Eligibility", .head))
        row += 1
        for sentence in EligibilityReport.budgetSentences(budget) {
            sheet.set(row, 0, .text(sentence, .note))
            row += 1
        }
        row += 1
        return row
    }
}

/// `Charts`: caps by point of departure, event beside event, and each event's cost composition.
struct ChartsSheet {
    let budgets: [Budget]
    let events: [Event]

    func make() -> Sheet {
        var sheet = Sheet(name: WorkbookNames.charts)
        sheet.columnWidths[0] = 20
        sheet.header(0, ["Point of departure"] + events.map(\.id))
        var points: [String] = []
        for event in events {
            for row in event.caps { points += row.pointsOfDeparture.filter { !points.contains($0) } }
        }
        for (index, point) in points.enumerated() {
            let row = index + 1
            sheet.set(row, 0, .text(point))
            for (column, event) in events.enumerated() {
                guard let cap = event.caps.first(where: { $0.pointsOfDeparture.contains(point) })?.cap else { continue }
                let lookup = Formulas.cap(table: WorkbookNames.capTable(event), departure: CellAddress(row: row, column: 0).a1, .listedExact)
                sheet.set(row, column + 1, .formula(lookup, cap.number, CellStyle(.item, .usd)))
            }
        }
        let lastPoint = max(points.count, 1)
        let categories = "=\(sheet.reference)\(CellRange(CellAddress(row: 1, column: 0), CellAddress(row: lastPoint, column: 0)).absolute)"
        var charts: [Chart] = []
        charts.append(Chart(
            kind: .clusteredColumns, title: "Airfare caps by point of departure",
            series: events.enumerated().map { column, event in
                Chart.Series(name: event.id, categories: categories,
                             values: "=\(sheet.reference)\(CellRange(CellAddress(row: 1, column: column + 1), CellAddress(row: lastPoint, column: column + 1)).absolute)")
            },
            anchor: CellAddress(row: 0, column: 0), categoryAxis: "Point of departure", valueAxis: "Cap (US$)"))

        var row = lastPoint + 2
        sheet.header(row, ["Cost composition", "Assisted airfare", "Local expenses", "Participant share"])
        let headerRow = row
        for budget in budgets {
            row += 1
            let roster = RosterLayout(budget)
            sheet.set(row, 0, .text(budget.event.id))
            let figures: [(RosterLayout.Column, Money)] = [(.assisted, budget.totals.assistedAirfare), (.local, budget.totals.localExpenses),
                                                           (.share, budget.totals.participantShare)]
            for (offset, (column, amount)) in figures.enumerated() {
                sheet.set(row, offset + 1, .formula(roster.total(column), amount.number, CellStyle(.item, .usd)))
            }
            charts.append(Chart(
                kind: .pie, title: "\(budget.event.id): cost to the paying offices",
                series: [Chart.Series(name: budget.event.id,
                    categories: "=\(sheet.reference)\(CellRange(CellAddress(row: headerRow, column: 1), CellAddress(row: headerRow, column: 2)).absolute)",
                    values: "=\(sheet.reference)\(CellRange(CellAddress(row: row, column: 1), CellAddress(row: row, column: 2)).absolute)")],
                anchor: CellAddress(row: 0, column: 0)))
        }
        // Each chart below the tables at the top of a page of its own, so that no page break cuts one.
        var setup = PrintSetup(header: "Charts")
        var top = row + 2
        for var chart in charts {
            chart.anchor = CellAddress(row: top, column: 0)
            setup.pageBreaks.append(top)
            sheet.charts.append(chart)
            top += ChartSize.rows
        }
        for column in 1...max(events.count, 3) { sheet.columnWidths[column] = max(sheet.columnWidths[column] ?? 0, 14) }
        sheet.frozenRows = 1
        sheet.printSetup = setup
        return sheet
    }
}
