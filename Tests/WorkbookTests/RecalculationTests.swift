import BudgetCore
@testable import BudgetReaders
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing
import WorkbookOutput
import XLSXWriter

/// The workbooks LibreOffice recomputes, made once and recomputed in one LibreOffice run for every test below.
enum Recomputed {
    /// The shipped roster whose first fare and whose 2023 room rate the edited workbook changes.
    static let editedFare = Money(dollars: 450)
    static let editedRoom: Int64 = 120_000
    static let hostileNames = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)", "-2", "=1+1", "-SUM(1)"]

    /// The edited inputs, costed by the engine: what LibreOffice must find after recomputing the edited workbook.
    static func editedBudget() throws -> Budget {
        let shipped = try Shipped.budgets()[1]
        var people = shipped.lines.map(\.participant)
        people[0] = participant(people[0], fare: editedFare)
        return Budget(event: event(shipped.event, roomPerNight: editedRoom), participants: people, rosterName: shipped.rosterName)
    }

    static func hostileBudget() throws -> Budget {
        let roster = "id,name,organization,country,fare_usd\n" + hostileNames.enumerated().map { index, name in
            "H\(index + 1),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",India,900"
        }.joined(separator: "\n") + "\n"
        let tables = try Repo.shippedTables()
        let people = try RosterReader(countries: tables.countries).read(text: roster, file: "hostile.csv")
        return Budget(event: tables.events[1], participants: people, rosterName: "hostile.csv")
    }

    /// The shipped 2023 roster with P23-01 paid wholly by the RSO and P23-02 by CIFAL Jeju (roster column `paid_by`).
    static func paidByBudget() throws -> Budget {
        let shipped = try Shipped.budgets()[1]
        let payers = ["P23-01": "RSO of the Bali Process", "P23-02": "UNITAR CIFAL Jeju/JITC"]
        let people = shipped.lines.map(\.participant).map { p in
            Participant(id: p.id, name: p.name, organization: p.organization, country: p.country, fare: p.fare, arrive: p.arrive,
                        leave: p.leave, capOverride: p.capOverride, funding: p.funding, application: p.application,
                        paidBy: payers[p.id], location: p.location)
        }
        return Budget(event: shipped.event, participants: people, rosterName: shipped.rosterName)
    }

    /// The not-funded fixture (event `listed-only` and its roster), everyone priced: the unlisted come to 0.00 in LibreOffice too.
    static func notFundedBudget() throws -> Budget {
        let fixtures = Fixtures(of: "BudgetReadersTests")
        let countries = try Repo.shippedTables().countries
        let event = try TableReader.event(text: try InputFile.read(fixtures.path("not-funded/listed-only.toml")), file: "listed-only.toml",
                                          countries: countries)
        let people = try RosterReader(countries: countries).read(text: try InputFile.read(fixtures.path("not-funded/roster.csv")),
                                                                 file: "roster.csv")
        return Budget(event: event, participants: people, rosterName: "roster.csv", who: .all)
    }

    /// The shipped 80%-fares scenario compared under both events, in real terms too.
    static func compareReport() throws -> CompareReport {
        let path = Repo.tablesPath + "/scenarios/regional-mix-80-percent-fares.toml"
        let tables = try Repo.shippedTables()
        let scenario = try ScenarioReader.read(text: try InputFile.read(path), file: path, countries: tables.countries, events: tables.events)
        let budgets = tables.events.map { event -> Budget in
            let adjusted = scenario.adjust(event)
            return Budget(event: adjusted, participants: scenario.participants(under: adjusted), rosterName: path, who: .all)
        }
        return CompareReport(Comparison(events: budgets.map(\.event), budgets: budgets, index: tables.priceIndex),
                             mixName: scenario.title, mixSource: path, fareWords: "at 80% of the cap", real: true)
    }

    /// shipped: as `report` writes it; wrong: every cached result replaced by 999,999; edited: a rate and a fare changed in the
    /// file with the old results left cached; hostile: names that look like formulas.
    static let sheets: Result<[String: RecomputedSheets], any Error> = Result {
        let shipped = try Shipped.workbook()
        let wrong = wrongCachedResults(shipped)
        var edited = shipped
        guard let rates = edited.sheets.firstIndex(where: { $0.name == "Rates" }),
              let roster = edited.sheets.firstIndex(where: { $0.name == "Roster jeju-2023" }),
              let room = edited.sheets[rates].cell(2, 2), let fare = edited.sheets[roster].cell(1, RosterLayout.Column.fare.rawValue) else {
            throw RecomputeError(message: "the workbook has no Rates room cell or Roster jeju-2023 fare cell where the test expects them")
        }
        edited.sheets[rates].set(2, 2, Cell(.number(Double(editedRoom)), room.style))
        edited.sheets[roster].set(1, RosterLayout.Column.fare.rawValue, Cell(.number(editedFare.number), fare.style))
        let hostile = try Shipped.workbook([hostileBudget()])
        let paid = try Shipped.workbook([paidByBudget()])
        let compare = try CompareWorkbook(report: compareReport(), options: RenderOptions(), inputs: ["scenario"], created: 0).make()
        let notFundedBudget = try Recomputed.notFundedBudget()
        let notFunded = try BudgetWorkbook(budgets: [notFundedBudget], events: [notFundedBudget.event], options: RenderOptions(),
                                           inputs: ["not-funded"], created: Shipped.created).make()
        let reconciled = try Shipped.workbook(Repo.sampleReconciliation())
        var reconciledEdited = reconciled
        guard let planActual = reconciledEdited.sheets.firstIndex(where: { $0.name == "Plan vs actual" }),
              let ticket = reconciledEdited.sheets[planActual].cell(1, PlanActualLayout.Column.ticket.rawValue),
              let nights = reconciledEdited.sheets[planActual].cell(2, PlanActualLayout.Column.actualNights.rawValue) else {
            throw RecomputeError(message: "the workbook has no Plan vs actual sheet with a ticket and nights on its first rows")
        }
        reconciledEdited.sheets[planActual].set(1, PlanActualLayout.Column.ticket.rawValue, Cell(.number(editedTicket.number), ticket.style))
        reconciledEdited.sheets[planActual].set(2, PlanActualLayout.Column.actualNights.rawValue, Cell(.number(Double(editedNights)), nights.style))
        let workbooks: [String: Workbook] = ["shipped": shipped, "wrong": wrong, "edited": edited, "hostile": hostile, "paid": paid,
                                             "compare": compare, "not-funded": notFunded, "reconciled": reconciled, "reconciled-wrong": wrongCachedResults(reconciled),
                                             "reconciled-edited": reconciledEdited, "reconciled-paid": try Shipped.workbook(paidByReconciliation()),
                                             "reconciled-self-funded": try Shipped.workbook(try Shipped.reconciliationSelfFundedNotCovered())]
        return try LibreOffice.recompute(workbooks.merging(try quotedWorkbooks()) { a, _ in a },
                                         streamed: ["streamed": writeStreamed, "quoted-streamed": writeQuotedStreamed])
    }

    /// The shipped 2023 roster, with two participants paid wholly by one office, written as a large roster is: row by row.
    static func writeStreamed(_ path: String) throws -> [String] {
        let paidByBudget = try paidByBudget()
        let book = StreamedWorkbook(event: paidByBudget.event, events: try Repo.shippedTables().events, inputs: ["streamed"], created: 0)
        var tally = BudgetTally(event: paidByBudget.event, rosterName: "streamed", rosterRows: 20)
        _ = try book.write(paidByBudget.lines.map(\.participant), rows: 20, to: path, add: { tally.add($0) }, totals: { Budget(tally) })
        return BudgetWorkbook.sheetNames(costing: [paidByBudget.event])
    }

    /// The sample with actuals with P23-01 and the substitute P23-19 paid wholly by the RSO and P23-02 by CIFAL Jeju.
    static func paidByReconciliation() throws -> Reconciliation {
        let payers = ["P23-01": "RSO of the Bali Process", "P23-02": "UNITAR CIFAL Jeju/JITC", "P23-19": "RSO of the Bali Process"]
        return try Repo.sampleReconciliation { p in payers[p.id].map { participant(p, paidBy: $0) } ?? p }
    }

    /// The plan against actual whose first participant's ticket and second participant's nights the edited workbook changes.
    static let editedTicket = Money(dollars: 450)
    static let editedNights = 2

    /// The edited actuals, reconciled by the engine: what LibreOffice must find after recomputing the edited workbook.
    static func editedReconciliation() throws -> Reconciliation {
        let lines = try Repo.sampleReconciliation().groups[0].lines
        let (first, second) = (lines[0].participant.id, lines[1].participant.id)
        return try Repo.sampleReconciliation { p in
            let a = p.actual
            switch p.id {
            case first: return participant(p, actual: ActualSpend(ticket: editedTicket, nights: a.nights, localExpenses: a.localExpenses))
            case second: return participant(p, actual: ActualSpend(ticket: a.ticket, nights: editedNights, localExpenses: a.localExpenses))
            default: return p
            }
        }
    }

    /// A workbook like another whose every cached result is 999,999.
    static func wrongCachedResults(_ workbook: Workbook) -> Workbook {
        var wrong = workbook
        for index in wrong.sheets.indices {
            for (address, cell) in wrong.sheets[index].orderedCells {
                if case .formula(let formula, _) = cell.value {
                    wrong.sheets[index].set(address.row, address.column, Cell(.formula(formula, cached: .number(999_999)), cell.style))
                }
            }
        }
        return wrong
    }

    static func workbook(_ name: String) throws -> RecomputedSheets {
        let all = try sheets.get()
        guard let sheets = all[name] else { throw RecomputeError(message: "no recomputed workbook \(name)") }
        return sheets
    }
}

/// LibreOffice recomputes the workbook's formulas to exactly the engine's figures, to the cent.
@Suite struct RecalculationTests {
    /// Every participant's figures and the roster totals, recomputed, against the engine's.
    func expectRosterMatches(_ budget: Budget, in sheets: RecomputedSheets, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        typealias C = RosterLayout.Column
        let rows = sheets["Roster \(budget.event.id)"] ?? []
        #expect(rows.count > budget.lines.count, "no roster sheet for \(budget.event.id)", sourceLocation: sourceLocation)
        for line in budget.lines {
            guard let row = rows.first(where: { $0.first == line.participant.id }) else {
                Issue.record("no row for \(line.participant.id)", sourceLocation: sourceLocation)
                continue
            }
            let expected: [(C, Int64?)] = [(.cap, line.cap?.cents), (.assisted, line.assistedAirfare.cents),
                                           (.share, line.participantShare.cents), (.local, line.localExpenses.cents),
                                           (.total, line.total.cents), (.localInLocalCurrency, line.localExpensesLocal * 100)]
            for (column, amount) in expected {
                #expect(cents(row[column.rawValue]) == amount, "\(line.participant.id) \(column)", sourceLocation: sourceLocation)
            }
        }
        let totals = rows.first { $0.first == "Total" } ?? []
        let t = budget.totals
        for (column, amount) in [(C.assisted, t.assistedAirfare), (.share, t.participantShare), (.local, t.localExpenses), (.total, t.total)] {
            #expect(cents(totals[safe: column.rawValue]) == amount.cents, "total \(column)", sourceLocation: sourceLocation)
        }
    }

    /// The Summary's region, total and office rows of an event, recomputed, against the engine's.
    func expectSummaryMatches(_ budget: Budget, in sheets: RecomputedSheets, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let rows = sheets["Summary"] ?? []
        guard let start = rows.firstIndex(where: { $0.first?.hasPrefix("\(budget.event.id): ") == true }) else {
            Issue.record("no Summary block for \(budget.event.id)", sourceLocation: sourceLocation)
            return
        }
        let block = Array(rows[start...])
        func figures(_ label: String) -> [Int64?] { (block.first { $0.first == label } ?? []).dropFirst(2).map { cents($0) } }
        for region in budget.regions {
            let s = region.subtotal
            #expect(figures(region.region) == [s.assistedAirfare, s.participantShare, s.localExpenses, s.total].map(\.cents),
                    "\(budget.event.id) \(region.region)", sourceLocation: sourceLocation)
        }
        let t = budget.totals
        #expect(figures("Total") == [t.assistedAirfare, t.participantShare, t.localExpenses, t.total].map(\.cents),
                "\(budget.event.id) total", sourceLocation: sourceLocation)
        for office in budget.offices {
            let row = block.first { $0.first == office.office } ?? []
            #expect([row[safe: 2], row[safe: 4], row[safe: 5]].map { cents($0) } == [office.assistedAirfare, office.localExpenses, office.total].map(\.cents),
                    "\(budget.event.id) \(office.office)", sourceLocation: sourceLocation)
        }
    }

    @Test func theShippedWorkbookRecomputesToTheEnginesFigures() throws {
        let sheets = try Recomputed.workbook("shipped")
        for budget in try Shipped.budgets() {
            expectRosterMatches(budget, in: sheets)
            expectSummaryMatches(budget, in: sheets)
        }
    }

    @Test(arguments: ["shipped", "paid"])
    func eachOfficeSheetRecomputesToTheEnginesSplitLineByLine(workbook: String) throws {
        let sheets = try Recomputed.workbook(workbook)
        let budget = workbook == "paid" ? try Recomputed.paidByBudget() : try Shipped.budgets()[1]
        for (office, name) in zip(budget.offices, WorkbookNames.offices(budget.event)) {
            let rows = sheets[name] ?? []
            for line in office.lines {
                let row = rows.first { $0.first == line.costing.participant.id } ?? []
                #expect([row[safe: 4], row[safe: 6], row[safe: 7]].map { cents($0) } == [line.assistedAirfare, line.localExpenses, line.total].map(\.cents),
                        "\(name) \(line.costing.participant.id)")
            }
        }
    }

    @Test func wrongCachedResultsAreReplacedByRecomputedOnes() throws {
        // Proves LibreOffice really recalculates: every cached result in this workbook is 999,999.
        let sheets = try Recomputed.workbook("wrong")
        for budget in try Shipped.budgets() {
            expectRosterMatches(budget, in: sheets)
            expectSummaryMatches(budget, in: sheets)
        }
        let all = sheets.values.flatMap { $0.flatMap { $0 } }
        #expect(!all.contains("999999"))
    }

    @Test func editingARateAndAFareInTheFileRecomputesEveryDependentCell() throws {
        let sheets = try Recomputed.workbook("edited")
        let editedBudget = try Recomputed.editedBudget()
        expectRosterMatches(editedBudget, in: sheets)
        expectSummaryMatches(editedBudget, in: sheets)
        // The edit moved the figures: the engine's edited total is not the shipped one.
        #expect(try editedBudget.totals.total != Shipped.budgets()[1].totals.total)
    }

    @Test func aNotFundedParticipantsRowRecomputesToNoAirfareAndNoLocalExpenses() throws {
        let sheets = try Recomputed.workbook("not-funded")
        let budget = try Recomputed.notFundedBudget()
        expectRosterMatches(budget, in: sheets)
        expectSummaryMatches(budget, in: sheets)
        let rows = sheets["Roster listed-only"] ?? []
        for id in ["N02", "N03", "N04"] {
            let row = try #require(rows.first { $0.first == id }, "\(id)")
            for column in [RosterLayout.Column.assisted, .local, .total] {
                #expect(cents(row[safe: column.rawValue]) == 0, "\(id) \(column)")
            }
        }
    }

    @Test func namesThatLookLikeFormulasComeBackAsTheSameText() throws {
        let sheets = try Recomputed.workbook("hostile")
        let rows = sheets["Roster jeju-2023"] ?? []
        let names = rows.dropFirst().prefix(Recomputed.hostileNames.count).map { $0[safe: 1] ?? "" }
        #expect(names == Recomputed.hostileNames)
        let organizations = rows.dropFirst().prefix(Recomputed.hostileNames.count).map { $0[safe: 2] ?? "" }
        #expect(organizations == Recomputed.hostileNames)
    }
}

/// A large roster's workbook, streamed row by row: its summary and its SUMPRODUCT office sheets recompute to the engine's.
@Suite struct StreamedRecalculationTests {
    @Test func theStreamedWorkbooksRosterSummaryAndOfficesRecomputeToTheEngines() throws {
        let sheets = try Recomputed.workbook("streamed")
        let budget = try Recomputed.paidByBudget()
        RecalculationTests().expectSummaryMatches(budget, in: sheets)
        let roster = sheets["Roster jeju-2023"] ?? []
        let totals = roster.first { $0.first == "Total" } ?? []
        #expect(cents(totals[safe: RosterLayout.Column.total.rawValue]) == budget.totals.total.cents)
        for (office, name) in zip(budget.offices, WorkbookNames.offices(budget.event)) {
            let rows = sheets[name] ?? []
            for region in budget.regions {
                let row = rows.first { $0.first == region.region } ?? []
                let parts = office.lines.filter { $0.costing.region == region.region }
                #expect(cents(row[safe: 2]) == parts.map(\.assistedAirfare).sum().cents, "\(name) \(region.region)")
                #expect(cents(row[safe: 4]) == parts.map(\.localExpenses).sum().cents, "\(name) \(region.region)")
            }
            let total = rows.first { $0.first == "Total" } ?? []
            #expect([total[safe: 2], total[safe: 4], total[safe: 5]].map { cents($0) } == [office.assistedAirfare, office.localExpenses, office.total].map(\.cents), "\(name)")
        }
    }
}

/// The formula variants no other test reads cell by cell (``Formulas``): a large roster's shorter rows, the last office's
/// share on the Rates sheet, the caps on the Charts sheet.
@Suite struct FormulaVariantRecalculationTests {
    /// A recomputed share ("50%", "33.33%", or the plain fraction 0.3333) in hundredths of a percent (basis points).
    func basisPoints(_ text: String?) -> Int? {
        guard let text else { return nil }
        if text.hasSuffix("%") { return Double(text.dropLast()).map { Int(($0 * 100).rounded()) } }
        return Double(text).map { Int(($0 * 10_000).rounded()) }
    }

    @Test func everyRowOfAStreamedRosterRecomputesToTheEngines_withItsPlainCapLookupAndFullStayName() throws {
        // Formulas.cap(.listed), assistedAirfare(.knownAssisted), usdOrFullStay and the full stay's name, row by row.
        let rows = try Recomputed.workbook("streamed")["Roster jeju-2023"] ?? []
        typealias C = RosterLayout.Column
        let paidByBudget = try Recomputed.paidByBudget()
        #expect(paidByBudget.lines.contains { $0.participant.funding == .selfFunded })
        for line in paidByBudget.lines {
            let row = try #require(rows.first { $0.first == line.participant.id }, "\(line.participant.id)")
            let expected: [(C, Int64?)] = [(.cap, line.cap?.cents), (.assisted, line.assistedAirfare.cents), (.share, line.participantShare.cents),
                                           (.local, line.localExpenses.cents), (.total, line.total.cents)]
            for (column, amount) in expected {
                #expect(cents(row[safe: column.rawValue]) == amount, "\(line.participant.id) \(column)")
            }
        }
    }

    @Test func theLastOfficesShareIsWhatTheOthersLeave_andTheChartsShowTheTablesCaps() throws {
        // Formulas.rest(of: "1", …) on the Rates sheet; Formulas.cap(.listedExact) on the Charts sheet.
        let sheets = try Recomputed.workbook("shipped")
        let rates = sheets["Rates"] ?? []
        let tables = try Repo.shippedTables()
        for event in tables.events {
            for share in event.costSharing.offices {
                let row = try #require(rates.first { $0.first == share.office && $0[safe: 1] == event.id }, "\(event.id) \(share.office)")
                #expect(basisPoints(row[safe: 2]) == share.airfareBasisPoints, "\(event.id) \(share.office) airfare")
                #expect(basisPoints(row[safe: 3]) == share.localExpensesBasisPoints, "\(event.id) \(share.office) local")
            }
        }
        let charts = sheets["Charts"] ?? []
        let events = tables.events.sorted { $0.id < $1.id }
        var checked = 0
        for (column, event) in events.enumerated() {
            for capRow in event.caps {
                for point in capRow.pointsOfDeparture where event.caps.first(where: { $0.pointsOfDeparture.contains(point) })?.cap == capRow.cap {
                    let row = try #require(charts.first { $0.first == point }, "\(point)")
                    #expect(cents(row[safe: column + 1]) == capRow.cap.cents, "\(event.id) \(point)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }
}

/// The Compare sheet, recomputed, against the engine's comparison.
@Suite struct CompareRecalculationTests {
    /// A recomputed percentage cell ("22.2%") in tenths of a percent.
    func tenths(_ text: String?) -> Int64? {
        guard let text, text.hasSuffix("%"), let value = Double(text.dropLast()) else { return nil }
        return Int64((value * 10).rounded())
    }

    @Test func capsChangesAndRealTermsRecomputeToTheEngines() throws {
        let rows = try Recomputed.workbook("compare")["Compare"] ?? []
        let comparison = try Recomputed.compareReport().comparison
        for line in comparison.caps {
            let row = try #require(rows.first { $0.first == line.point }, "\(line.point)")
            for (offset, cap) in line.caps.enumerated() { #expect(cents(row[safe: offset + 1]) == cap?.cents, "\(line.point)") }
            guard let first = line.caps.first ?? nil, let last = line.caps.last ?? nil else { continue }
            #expect(cents(row[safe: 3]) == (last - first).cents)
            #expect(tenths(row[safe: 4]) == Ratio.percentTenths(from: first.cents, to: last.cents))
            let restated = try #require(comparison.inLastYearsDollars(first))
            #expect(cents(row[safe: 5]) == restated.cents, "\(line.point)")
            #expect(tenths(row[safe: 6]) == Ratio.percentTenths(from: restated.cents, to: last.cents), "\(line.point)")
        }
    }

    @Test func theMixsTotalsByRegionRecomputeToTheEngines() throws {
        let rows = try Recomputed.workbook("compare")["Compare"] ?? []
        let comparison = try Recomputed.compareReport().comparison
        for (name, totals) in comparison.regions.map({ ($0, comparison.subtotals($0)) }) + [("All regions", comparison.budgets.map(\.totals))] {
            let start = try #require(rows.firstIndex { $0.first == name }, "\(name)")
            let block = rows[(start + 1)...].prefix(8)
            func values(_ measure: String) -> [String?] {
                let row = block.first { $0.first == "  " + measure } ?? []
                return [row[safe: 1], row[safe: 2]]
            }
            #expect(values("total").map { cents($0) } == totals.map(\.total.cents), "\(name)")
            // Per participant funded: over the participants the event funds, not those it prices at 0.00 as not funded.
            #expect(values("participants funded") == totals.map { String($0.funded) }, "\(name)")
            #expect(values("per participant funded").map { cents($0) } == totals.map(\.perParticipant.cents), "\(name)")
            #expect(values("airfare share of total").map { tenths($0) }
                    == totals.map { Ratio.shareTenths($0.assistedAirfare.cents, of: $0.total.cents) ?? 0 }, "\(name)")
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
