import BudgetCore
import Spreadsheet

/// `Summary`: what a reader approves and checks, as printed for a partner office: the sign-off block, the paying office's
/// own part first in a workbook written for it, what the file holds and whether it carries names, then per event its totals
/// by paying office and by region, flagged participants, eligibility and the assumptions in words. Nothing for the person at
/// the keyboard (paths, command-line hints, the seed's id): that is on the hidden ``PreparerNotesSheet``.
struct SummarySheet {
    let budgets: [Budget]
    let options: RenderOptions
    /// Every other sheet the workbook holds, in order, with what it holds in words.
    let contents: [(sheet: String, holds: String)]
    /// The prepared date beside the "Prepared by" name.
    var prepared = ""
    /// The name on the "Prepared by" line (empty: left to fill in).
    var preparedBy: String { options.preparedBy }

    func make() -> Sheet {
        var sheet = Sheet(name: WorkbookNames.summary)
        for (column, width) in [52.0, 13, 15, 15, 15, 15].enumerated() { sheet.columnWidths[column] = width }
        if budgets.contains(where: { $0.event.personLines.count > 2 }) { sheet.columnWidths[6] = 15 }
        sheet.set(0, 0, .text(options.partner.map { "Travel budget for \($0)" } ?? "Travel budget", .title))
        sheet.set(1, 0, .text(budgets.contains(where: { WorkbookNames.showsCostLines($0.event) })
            ? "Amounts in US$. Assisted airfare = min(fare, cap): what the event pays (a resource person's or staff's airfare by "
                + "their role's rule). Participant share = fare - assisted airfare: what the participant pays. Total = assisted airfare + "
                + "local expenses + the event's other lines per person; the event costs (once for the event) come on top: the grand total."
            : "Amounts in US$. Assisted airfare = min(fare, cap): what the event pays. Participant share = fare - assisted "
                + "airfare: what the participant pays. Total = assisted airfare + local expenses: the cost to the paying offices.", .note))
        var row = signOff(on: &sheet, from: 3) + 1
        if let partner = options.partner {
            for budget in budgets {
                guard let index = budget.offices.firstIndex(where: { $0.office == partner }) else { continue }
                row = partnerPart(budget, office: index, on: &sheet, from: row)
            }
        }
        // On the first page: whether the workbook carries names (a reader sending it on needs to know).
        sheet.set(row, 0, .text(options.redact
            ? "Names: this workbook carries no names or organizations; participants appear by their roster id only."
            : "Names: this workbook carries the participants' names and organizations (roster sheets, and office sheets where there are some).",
            .note))
        row += 2
        for budget in budgets { row = block(budget, on: &sheet, from: row) + 2 }
        _ = inThisFile(on: &sheet, from: row)
        sheet.frozenRows = 1
        var setup = PrintSetup(header: "Travel budget: " + budgets.map(\.event.id).joined(separator: ", "))
        setup.repeatsHeader = false   // the title is for the screen; each page's header names the workbook
        sheet.printSetup = setup
        return sheet
    }

    /// What the office a workbook is written for pays of an event, first: its share and part of each line and event cost,
    /// with its whole part, read from its own sheet; returns the row after the block.
    private func partnerPart(_ budget: Budget, office index: Int, on sheet: inout Sheet, from start: Int) -> Int {
        let event = budget.event
        let office = budget.offices[index]
        let usd = CellStyle(.item, .usd), percent = CellStyle(.item, .percent)
        var row = start
        sheet.header(row, ["What \(office.office) pays of \(event.id)", "Its share", "US$"])
        row += 1
        let first = row
        for (line, costLine) in event.personLines.enumerated() {
            sheet.set(row, 0, .text(costLine.name))
            let basisPoints = line < costLine.shares.count ? costLine.shares[index] : 0
            sheet.set(row, 1, .formula(WorkbookNames.share(event, office: index, personLine: line), Double(basisPoints) / 10_000, percent))
            sheet.set(row, 2, .formula(OfficeTotals.line(budget, office: index, personLine: line),
                                       (line < office.amounts.count ? office.amounts[line] : .zero).number, usd))
            row += 1
        }
        for (costIndex, cost) in budget.eventCosts.enumerated() {
            sheet.set(row, 0, .text("\(cost.name) (event cost)"))
            sheet.set(row, 2, .formula(WorkbookNames.eventCostPart(event, office: index, cost.key), office.eventCosts[costIndex].number, usd))
            row += 1
        }
        sheet.set(row, 0, .text("Total paid by \(office.office)", CellStyle(.total)))
        sheet.set(row, 1, Cell(.blank, CellStyle(.total)))
        let range = CellRange(CellAddress(row: first, column: 2), CellAddress(row: row - 1, column: 2)).a1
        sheet.set(row, 2, .formula("SUM(\(range))", office.grandTotal.number, CellStyle(.total, .usd)))
        sheet.keepTogether.append(start...row)
        row += 1
        let sheetName = budget.offices.count > 1 ? "the sheet \(WorkbookNames.offices(event)[index])" : "the roster sheet"
        let rest = budget.offices.count > 1
            ? " Every office but the last with a share of a line pays its share rounded half up to the cent; the last pays the rest, so "
                + "the offices' parts add up to every line." : ""
        sheet.set(row, 0, .text("Its part of each participant's line is on \(sheetName).\(rest)", .note))
        return row + 2
    }

    /// What the workbook holds, a sheet a row; returns the row after it.
    private func inThisFile(on sheet: inout Sheet, from start: Int) -> Int {
        var row = start
        sheet.header(row, ["In this file", "What it holds"])
        sheet.merges.append(CellRange(CellAddress(row: row, column: 1), CellAddress(row: row, column: 5)))
        row += 1
        for (name, holds) in [(WorkbookNames.summary, "what each paying office pays, the assumptions, the figures by region, the flags and eligibility")]
            + contents {
            sheet.set(row, 0, .text(name))
            sheet.set(row, 1, .text(holds, CellStyle(.item, wrap: true)))
            sheet.merges.append(CellRange(CellAddress(row: row, column: 1), CellAddress(row: row, column: 5)))
            row += 1
        }
        sheet.keepTogether.append(start...(row - 1))
        return row + 1
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

    /// Writes one event's block and returns the row after it: its heading, what each office pays, the assumptions, the
    /// regions, the flags and eligibility.
    private func block(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        var row = heading(budget, on: &sheet, from: start)
        row = WorkbookNames.showsCostLines(budget.event) ? officesByLine(budget, on: &sheet, from: row) : offices(budget, on: &sheet, from: row)
        row = assumptions(budget, on: &sheet, from: row)
        row = regions(budget, on: &sheet, from: row)
        row = flags(budget, on: &sheet, from: row)
        sheet.set(row, 0, .text("Eligibility", .head))
        row += 1
        for sentence in EligibilityReport.budgetSentences(budget, hints: false) {
            sheet.set(row, 0, .text(sentence, .note))
            row += 1
        }
        return row + 1
    }

    /// The event's title, dates, venue, participants priced, paying offices and the source as printed (its citation), and the
    /// fares quoted in other currencies. (The roster's file, the seed and how the roster was read are the preparer's notes.)
    private func heading(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        let event = budget.event
        var row = start
        sheet.set(row, 0, .text("\(event.id): \(event.title)", .title))
        row += 1
        let priced = counted(budget.totals.participants, budget.lines.contains { $0.participant.role != .participant } ? "person" : "participant",
                             plural: budget.lines.contains { $0.participant.role != .participant } ? "people" : nil)
        sheet.set(row, 0, .text("\(event.start.long) to \(event.end.long), \(event.venue). Priced: \(priced). "
            + "Paying offices: \(event.payingOffices.joined(separator: "; "))."
            + (event.citation.map { " Source: \($0)." } ?? ""), .note))
        row += 1
        for note in QuotedFareText.sentences(budget) {
            sheet.set(row, 0, .text(note, .note))
            row += 1
        }
        return row
    }

    /// What each paying office pays, an office a row: its shares, its part of assisted airfare and local expenses, and the
    /// total of the offices (an event with these two lines only).
    private func offices(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        let event = budget.event
        let usd = CellStyle(.item, .usd)
        var row = start
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
            sheet.set(row, 2, .formula(OfficeTotals.line(budget, office: index, personLine: 0), office.assistedAirfare.number, usd))
            sheet.set(row, 4, .formula(OfficeTotals.line(budget, office: index, personLine: 1), office.localExpenses.number, usd))
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
        sheet.keepTogether.append(start...row)
        row += 1
        sheet.set(row, 0, .text(event.costSharing.basis, .note))
        return row + 2
    }

    /// What each paying office pays of every line, a line a row and an office a column: the per-person lines (from the office
    /// sheets, or the roster for a single office), the event costs (Cost lines sheet), the total of the offices, and a footing
    /// check against the grand total (an event with cost lines).
    private func officesByLine(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        let event = budget.event
        let offices = budget.offices
        let usd = CellStyle(.item, .usd)
        let all = offices.count + 1
        var row = start
        sheet.header(row, ["Cost line"] + offices.map(\.share.office) + ["All offices"])
        row += 1
        let first = row
        func put(_ label: String, _ formulas: [String], _ parts: [Money], _ whole: Money) {
            sheet.set(row, 0, .text(label))
            for (index, (formula, part)) in zip(formulas, parts).enumerated() { sheet.set(row, index + 1, .formula(formula, part.number, usd)) }
            let cells = offices.indices.map { CellAddress(row: row, column: $0 + 1).a1 }
            sheet.set(row, all, .formula(cells.count == 1 ? "ROUND(\(cells[0]),2)" : Formulas.total(cells), whole.number, usd))
            row += 1
        }
        for (line, costLine) in event.personLines.enumerated() {
            put(costLine.name, offices.indices.map { OfficeTotals.line(budget, office: $0, personLine: line) },
                offices.map { line < $0.amounts.count ? $0.amounts[line] : .zero },
                line < budget.totals.amounts.count ? budget.totals.amounts[line] : .zero)
        }
        for (index, cost) in budget.eventCosts.enumerated() {
            put("\(cost.name) (event cost)", offices.indices.map { WorkbookNames.eventCostPart(event, office: $0, cost.key) },
                offices.map { $0.eventCosts[index] }, cost.amount)
        }
        sheet.set(row, 0, .text("Total of the offices", CellStyle(.total)))
        for (column, amount) in offices.enumerated().map({ ($0 + 1, $1.grandTotal) }) + [(all, budget.grandTotal)] {
            let range = CellRange(CellAddress(row: first, column: column), CellAddress(row: row - 1, column: column)).a1
            sheet.set(row, column, .formula("SUM(\(range))", amount.number, CellStyle(.total, .usd)))
        }
        row += 1
        sheet.set(row, 0, .text("Footing: the total of the offices less the grand total (Cost lines sheet); 0.00 when they foot", .note))
        sheet.set(row, all, .formula("ROUND(\(CellAddress(row: row - 1, column: all).a1)-\(WorkbookNames.grandTotal(event)),2)",
                                     (offices.map(\.grandTotal).sum() - budget.grandTotal).number, usd))
        row += 1
        sheet.set(row, 0, .text(event.costSharing.basis + " Each line's shares are on the Rates sheet (assisted airfare, local "
            + "expenses) and the Cost lines sheet (the other lines, the event costs).", .note))
        return row + 2
    }

    /// The assumptions in words: local expenses, the rates and rules, the other cost lines and each role's airfare rule.
    private func assumptions(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        let event = budget.event
        var row = start
        sheet.set(row, 0, .text("Assumptions", .head))
        row += 1
        let sentences = ["Local expenses cover \(event.localExpenses.covers), paid by \(event.localExpenses.coveredBy) (announcement)."]
            + AssumptionText.all(event) + SummarySheet.costLineSentences(budget) + [event.costSharing.basis]
        for sentence in sentences {
            sheet.set(row, 0, .text(sentence, .note))
            row += 1
        }
        return row + 1
    }

    /// Each declared line and event cost in a sentence, and the airfare rule of each role on the roster besides participants
    /// (none for an event without them and a roster of participants).
    static func costLineSentences(_ budget: Budget) -> [String] {
        let event = budget.event
        guard WorkbookNames.showsCostLines(event) else { return CostLineText.roles(budget) }
        let lines = event.personLines.dropFirst(2).map { line in
            "\(line.name): \(CostLineText.amount(line, event: event)), \(CostLineText.whom(line)). "
                + CostLineText.provenance(source: line.source, assumption: line.assumption)
        }
        let costs = budget.eventCosts.map { cost in
            "\(cost.name): \(CostLineText.basis(cost, event: event)) (an event cost). "
                + CostLineText.provenance(source: cost.source, assumption: cost.assumption)
        }
        return lines + costs + CostLineText.roles(budget)
    }

    /// Participants and each line by region (`COUNTIF`/`SUMIF` over the roster sheet), with their total.
    private func regions(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        let roster = RosterLayout(budget)
        let usd = CellStyle(.item, .usd), count = CellStyle(.item, .count)
        let declared = budget.event.personLines.indices.dropFirst(2).prefix(roster.declaredLines)
        var row = start
        sheet.header(row, ["Region", "Participants", "Assisted airfare", "Participant share", "Local expenses"]
                     + (declared.isEmpty ? [] : ["Other lines"]) + ["Total"])
        row += 1
        let firstRegion = row
        typealias C = RosterLayout.Column
        let sumif = { (label: String, column: Int) in "SUMIF(\(roster.range(.region)),\(label),\(roster.range(column: column)))" }
        var columns: [((String) -> String, (CostTotals) -> Money)] = [
            ({ sumif($0, C.assisted.rawValue) }, \.assistedAirfare), ({ sumif($0, C.share.rawValue) }, \.participantShare),
            ({ sumif($0, C.local.rawValue) }, \.localExpenses)]
        if !declared.isEmpty {
            columns.append(({ label in Formulas.total(declared.map { sumif(label, roster.column(personLine: $0)) }) },
                            { $0.declaredAmounts.sum() }))
        }
        columns.append(({ sumif($0, C.total.rawValue) }, \.total))
        for region in budget.regions {
            let label = CellAddress(row: row, column: 0).a1
            sheet.set(row, 0, .text(region.region))
            sheet.set(row, 1, .formula("COUNTIF(\(roster.range(.region)),\(label))", Double(region.subtotal.participants), count))
            for (offset, (formula, figure)) in columns.enumerated() {
                sheet.set(row, offset + 2, .formula(formula(label), figure(region.subtotal).number, usd))
            }
            row += 1
        }
        sheet.set(row, 0, .text("Total", CellStyle(.total)))
        let regionRows = { (column: Int) in
            CellRange(CellAddress(row: firstRegion, column: column), CellAddress(row: max(row - 1, firstRegion), column: column)).a1
        }
        sheet.keepTogether.append(start...row)
        sheet.set(row, 1, .formula("SUM(\(regionRows(1)))", Double(budget.totals.participants), CellStyle(.total, .count)))
        for (offset, (_, figure)) in columns.enumerated() {
            sheet.set(row, offset + 2, .formula("SUM(\(regionRows(offset + 2)))", figure(budget.totals).number, CellStyle(.total, .usd)))
        }
        return row + 2
    }

    /// Flagged participants by flag (`COUNTIF`), each flag's description in full, and the awaiting-cap exposure.
    private func flags(_ budget: Budget, on sheet: inout Sheet, from start: Int) -> Int {
        let roster = RosterLayout(budget)
        let count = CellStyle(.item, .count)
        var row = start
        let flagged = budget.flaggedParticipants
        // Each flag's letter, name and meaning across the table's width, its count in the last column.
        let last = 5
        func across(_ row: Int) { sheet.merges.append(CellRange(CellAddress(row: row, column: 0), CellAddress(row: row, column: last - 1))) }
        sheet.set(row, 0, .text("Flagged participants (each flag's letter as the roster sheet shows it)", CellStyle(.total)))
        for column in 1..<last { sheet.set(row, column, Cell(.blank, CellStyle(.total))) }
        across(row)
        sheet.set(row, last, .formula("COUNTIF(\(roster.range(.flags)),\"?*\")", Double(flagged), CellStyle(.total, .count)))
        // The heading with its flags (as many as fit on a page).
        sheet.keepTogether.append(row...(row + max(1, budget.flagCounts.count)))
        row += 1
        for (flag, n) in budget.flagCounts {
            sheet.set(row, 0, .text(FlagLegend.entry(letter: flag.letter, name: flag.rawValue, meaning: flag.explanation(under: budget.event, printed: true)),
                                    CellStyle(.item, wrap: true)))
            across(row)
            sheet.set(row, last, .formula("COUNTIF(\(roster.range(.flags)),\"*\(flag.letter)*\")", Double(n), count))
            row += 1
        }
        if budget.awaitingCapCount > 0 {
            let who = IDText.list(budget.awaitingCapIDs, more: budget.awaitingCapCount - budget.awaitingCapIDs.count)
            let fares = AwaitingCapText.fares(count: budget.awaitingCapCount, fares: budget.awaitingCapFares,
                                              withoutFare: budget.awaitingCapWithoutFare, comma: true)
            sheet.set(row, 0, .text("Awaiting a cap: \(who)\(fares); "
                + "no assisted airfare is budgeted for them until the organisers agree a cap.", .note))
            row += 1
        }
        return row + 1
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
        // With cost lines, the other per-person lines and the event costs are slices of the cost too (before the participant
        // share, which is not part of it).
        let lines = budgets.contains { WorkbookNames.showsCostLines($0.event) }
        sheet.header(row, ["Cost composition", "Assisted airfare", "Local expenses"] + (lines ? ["Other lines", "Event costs"] : [])
                     + ["Participant share"])
        let headerRow = row
        let lastSlice = lines ? 4 : 2
        for budget in budgets {
            row += 1
            let roster = RosterLayout(budget)
            sheet.set(row, 0, .text(budget.event.id))
            var figures: [(String, Money)] = [(roster.total(.assisted), budget.totals.assistedAirfare), (roster.total(.local), budget.totals.localExpenses)]
            if lines {
                let declared = budget.event.personLines.indices.dropFirst(2).prefix(roster.declaredLines).map { roster.total(column: roster.column(personLine: $0)) }
                let events = WorkbookNames.showsCostLines(budget.event)
                figures += [(declared.isEmpty ? "0" : Formulas.total(declared), budget.totals.declaredAmounts.sum()),
                            (events ? WorkbookNames.eventCosts(budget.event) : "0", budget.eventCosts.map(\.amount).sum())]
            }
            figures.append((roster.total(.share), budget.totals.participantShare))
            for (offset, (formula, amount)) in figures.enumerated() {
                sheet.set(row, offset + 1, .formula(formula, amount.number, CellStyle(.item, .usd)))
            }
            charts.append(Chart(
                kind: .pie, title: "\(budget.event.id): cost to the paying offices",
                series: [Chart.Series(name: budget.event.id,
                    categories: "=\(sheet.reference)\(CellRange(CellAddress(row: headerRow, column: 1), CellAddress(row: headerRow, column: lastSlice)).absolute)",
                    values: "=\(sheet.reference)\(CellRange(CellAddress(row: row, column: 1), CellAddress(row: row, column: lastSlice)).absolute)")],
                anchor: CellAddress(row: 0, column: 0)))
        }
        // Each chart below the tables at the top of a page of its own, so that no page break cuts one; no header band of the
        // tables above on a chart's page.
        var setup = PrintSetup(header: "Charts")
        setup.repeatsHeader = false
        var top = row + 2
        for var chart in charts {
            // A row below the page's first, so that the chart's frame is not drawn at the foot of the page before.
            chart.anchor = CellAddress(row: top + 1, column: 0)
            setup.pageBreaks.append(top)
            sheet.charts.append(chart)
            top += ChartSize.rows + 1
        }
        for column in 1...max(events.count, lastSlice + 1) { sheet.columnWidths[column] = max(sheet.columnWidths[column] ?? 0, 14) }
        sheet.frozenRows = 1
        sheet.printSetup = setup
        return sheet
    }
}
