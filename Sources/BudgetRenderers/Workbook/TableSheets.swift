import BudgetCore
import Spreadsheet

/// `Caps`: every event's cap table side by side, one point of departure a row, with the announcement's words.
struct CapsSheet {
    let events: [Event]

    /// The sheet and the defined names of each event's lookup range.
    func make() -> (Sheet, [DefinedName]) {
        var sheet = Sheet(name: WorkbookNames.caps)
        var names: [DefinedName] = []
        // One event under another (a table as wide as a page), each under its title. One event: its title, then the
        // header. Several: the header once at the top, repeated on every printed page, and each event's table on a
        // page of its own, so that no page of caps is without its column names.
        for (column, w) in [16.0, 20, 11, 30, 44].enumerated() { sheet.columnWidths[column] = w }
        let headers = ["Region", "Point of departure", "Cap (US$)", "Label", "Announcement's words"]
        let several = events.count > 1
        if several { sheet.header(0, headers) }
        var setup = PrintSetup(header: "Caps by point of departure")
        var top = several ? 1 : 0
        for (index, event) in events.enumerated() {
            let left = 0
            if index > 0 { setup.pageBreaks.append(top) }
            sheet.set(top, left, .text("\(event.id): \(event.title)", .title))
            if !several { sheet.header(top + 1, headers, from: left) }
            var row = top + (several ? 1 : 2)
            for capRow in event.caps {
                let (label, points): (String, [String])
                switch capRow.label {
                case .labelled: (label, points) = ("printed in the announcement", capRow.pointsOfDeparture)
                case .inferred(let reason): (label, points) = ("INFERRED: \(reason)", capRow.pointsOfDeparture)
                case .unlabelled: (label, points) = ("UNLABELLED: the announcement lost this row's points of departure", [""])
                }
                for point in points {
                    sheet.set(row, left, .text(capRow.region, CellStyle(.item, wrap: true)))
                    sheet.set(row, left + 1, point.isEmpty ? .text("(unlabelled)", .note) : .text(point, CellStyle(.item, wrap: true)))
                    sheet.set(row, left + 2, .number(capRow.cap.number, CellStyle(.input, .usd)))
                    sheet.set(row, left + 3, .text(label, capRow.label == .labelled ? CellStyle(.item, wrap: true) : .note))
                    sheet.set(row, left + 4, .text(capRow.source, .note))
                    row += 1
                }
            }
            let first = top + (several ? 1 : 2)
            let range = CellRange(CellAddress(row: first, column: left + 1), CellAddress(row: max(row - 1, first), column: left + 2))
            sheet.validations.append(Validation(range: CellRange(CellAddress(row: first, column: 2), CellAddress(row: max(row - 1, first), column: 2)),
                rule: .decimal(0...1_000_000), inputTitle: "Cap (US$)",
                inputMessage: "The announcement's cap for this point of departure, in US$; change it only when the organisers do.",
                errorMessage: "Type an amount in US$ from 0 to 1,000,000, without letters."))
            names.append(DefinedName(name: WorkbookNames.capTable(event), formula: "=\(sheet.reference)\(range.absolute)"))
            let other: String
            switch event.otherPointsOfDeparture {
            case .contactOrganisers: other = "no cap until the organisers agree one"
            case .notFunded: other = "no assisted airfare and no local expenses, not eligible, unless the organisers agree a cap"
            }
            sheet.set(row + 1, left, .text((event.citation.map { "Source: \($0). " } ?? "") + "A point of departure on no row: "
                + "\(event.otherPointsOfDeparture.rawValue) (\(other))"
                + (event.otherPointsSource.map { "; the announcement: \"\($0)\"" } ?? "") + ".", .note))
            top = row + 3
        }
        sheet.frozenRows = several ? 1 : 2
        sheet.printSetup = setup
        return (sheet, names)
    }
}

/// `Rates`: the local-expense planning assumptions, exchange rates and office shares as input cells, with names.
struct RatesSheet {
    let events: [Event]
    /// The rates that converted fares quoted in other currencies, by event (none: no such table).
    var fareRates: [(event: Event, rates: [FareRate])] = []

    func make() -> (Sheet, [DefinedName]) {
        var sheet = Sheet(name: WorkbookNames.rates)
        var names: [DefinedName] = []
        sheet.columnWidths[0] = 46
        sheet.set(0, 0, .text("Planning assumption (none of these is in the announcements)", .head))
        for (index, event) in events.enumerated() {
            sheet.set(0, index + 1, .text(event.id, .head))
            sheet.columnWidths[index + 1] = 16
        }
        sheet.columnWidths[events.count + 1] = 40
        typealias K = WorkbookNames.RateKey
        let labels: [(String, K?)] = [
            ("Local currency", nil), ("Room per night", .room), ("Meals per workshop day", .meals),
            ("Venue-hotel transport per workshop day", .transport), ("Exchange rate (local units per US$1)", .rate),
            ("Covered nights for a full stay", nil), ("Workshop days", nil),
            ("Local expenses of a full stay (local currency)", nil), ("Local expenses of a full stay (US$)", nil),
        ]
        for (offset, (label, _)) in labels.enumerated() { sheet.set(offset + 1, 0, .text(label)) }
        for (index, event) in events.enumerated() {
            let column = index + 1
            let rates = event.localExpenses.rates
            let local = CellStyle(.input, .local(currency: rates.currency))
            let values: [(K, Double, CellStyle)] = [
                (.room, Double(rates.roomPerNight), local), (.meals, Double(rates.mealsPerDay), local),
                (.transport, Double(rates.transportPerDay), local),
                (.rate, Double(rates.exchangeRate.unitsPerUSDTimes10000) / 10_000, CellStyle(.input, .rate)),
            ]
            sheet.set(1, column, .text(rates.currency))
            for (offset, (key, value, style)) in values.enumerated() {
                sheet.set(offset + 2, column, .number(value, style))
                names.append(DefinedName(name: WorkbookNames.rate(event, key),
                                         formula: "=\(sheet.reference)\(CellAddress(row: offset + 2, column: column).absolute)"))
            }
            let nights = event.coveredNights.count, days = event.workshopDays.count
            sheet.set(6, column, .number(Double(nights), CellStyle(.item, .count)))
            sheet.set(7, column, .number(Double(days), CellStyle(.item, .count)))
            let rateNames = WorkbookNames.Rates(event)
            let nightsCell = CellAddress(row: 6, column: column).a1, daysCell = CellAddress(row: 7, column: column).a1
            sheet.set(8, column, .formula(Formulas.localUnits(nights: nightsCell, days: daysCell, rateNames),
                                          Double(rates.localUnits(nights: nights, days: days)), CellStyle(.item, .local(currency: rates.currency))))
            sheet.set(9, column, .formula(Formulas.usd(localUnits: CellAddress(row: 8, column: column).a1, rateNames),
                                          event.fullStayLocalExpenses.number, CellStyle(.item, .usd)))
            names.append(DefinedName(name: WorkbookNames.fullStay(event), formula: "=\(sheet.reference)\(CellAddress(row: 9, column: column).absolute)"))
        }
        let notes = events.count + 1
        sheet.set(5, notes, .text("Local expenses are summed in the local currency and converted to US$ once per participant, "
            + "rounded half up to the cent.", .note))

        let row = officeShareTable(&sheet, names: &names, from: 12)
        sheet.set(row + 1, 0, .text("Blue cells on a yellow ground are inputs: change one and every dependent figure recomputes. "
            + "Each office but the last pays its share of every line rounded half up to the cent; the last office pays the rest.", .note))
        if !fareRates.isEmpty { fareRateTable(&sheet, names: &names, from: row + 3) }
        sheet.frozenRows = 1
        sheet.printSetup = PrintSetup(header: "Rates and planning assumptions")
        return (sheet, names)
    }

    /// Each paying office's share of the airfare and of the local expenses, by event, under the names the totals use (the
    /// last office's share is what the others leave); the row after the table.
    private func officeShareTable(_ sheet: inout Sheet, names: inout [DefinedName], from start: Int) -> Int {
        var row = start
        sheet.header(row, ["Paying office", "Event", "Airfare share", "Local expenses share", "Basis"])
        // The share columns at least as wide as their figures, the basis wrapped: one page wide.
        for column in [2, 3] { sheet.columnWidths[column] = max(sheet.columnWidths[column] ?? 0, 14) }
        sheet.columnWidths[4] = max(sheet.columnWidths[4] ?? 0, 50)
        row += 1
        for event in events {
            let sharing = event.costSharing
            for (index, share) in sharing.offices.enumerated() {
                sheet.set(row, 0, .text(share.office))
                sheet.set(row, 1, .text(event.id))
                let isLast = index == sharing.offices.count - 1
                for (column, line, basisPoints) in [(2, WorkbookNames.CostLine.airfare, share.airfareBasisPoints),
                                                    (3, .local, share.localExpensesBasisPoints)] {
                    let value = Double(basisPoints) / 10_000
                    if isLast && sharing.offices.count > 1 {
                        // The last office pays the rest of every line, so its share is what the others leave.
                        let others = (0..<index).map { WorkbookNames.officeShare(event, office: $0, line) }
                        sheet.set(row, column, .formula(Formulas.rest(of: "1", less: others, toTheCent: false), value, CellStyle(.item, .percent)))
                    } else {
                        sheet.set(row, column, .number(value, CellStyle(sharing.offices.count > 1 ? .input : .item, .percent)))
                    }
                    names.append(DefinedName(name: WorkbookNames.officeShare(event, office: index, line),
                                             formula: "=\(sheet.reference)\(CellAddress(row: row, column: column).absolute)"))
                }
                sheet.set(row, 4, .text(sharing.basis, sharing.isAssumption ? .note : CellStyle(.item, wrap: true)))
                row += 1
            }
        }
        return row
    }

    /// The rates for fares quoted in other currencies, each event's currencies and units per US$1 (input cells) under a name
    /// its roster sheet's fares look up (`FareRates_jeju_2023`), with the date and source of each.
    private func fareRateTable(_ sheet: inout Sheet, names: inout [DefinedName], from start: Int) {
        var row = start
        sheet.header(row, ["Fare currency", "Units per US$1", "Event", "Date", "Source (planning assumption)"])
        row += 1
        for (event, rates) in fareRates {
            let first = row
            for rate in rates {
                sheet.set(row, 0, .text(rate.currency, CellStyle(.item, .text)))
                sheet.set(row, 1, .number(Double(rate.rate.unitsPerUSDTimes10000) / 10_000, CellStyle(.input, .rate)))
                sheet.set(row, 2, .text(event.id))
                sheet.set(row, 3, .text(rate.date?.description ?? "-"))
                sheet.set(row, 4, .text(rate.source,
                                        CellStyle(.item, wrap: true)))
                row += 1
            }
            let range = CellRange(CellAddress(row: first, column: 0), CellAddress(row: row - 1, column: 1)).absolute
            names.append(DefinedName(name: WorkbookNames.fareRates(event), formula: "=\(sheet.reference)\(range)"))
        }
        sheet.set(row + 1, 0, .text("A fare quoted in another currency is converted on the roster sheet once per participant: the quote "
            + "divided by its currency's units per US$1, rounded to the cent (half up). Change a rate and every such fare recomputes.", .note))
    }
}
