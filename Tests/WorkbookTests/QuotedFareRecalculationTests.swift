import BudgetCore
@testable import BudgetReaders
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing
import WorkbookOutput

/// Fares quoted in other currencies in the workbook: the quote and its currency are inputs, the rates a table on the Rates
/// sheet, the fare `ROUND(quote/rate, 2)`; LibreOffice's recomputation equals the engine's cents, halves included.
extension Recomputed {
    /// The test event with [[fare_rates]] (THB 35.20, PHP 56, LKR 320) and its roster of quoted fares (NPR by `--rate`).
    static func quotedBudget(thb: String? = nil) throws -> Budget {
        let fixtures = Fixtures(of: "BudgetReadersTests")
        let countries = try Repo.shippedTables().countries
        let event = try TableReader.event(text: try InputFile.read(fixtures.path("fares/jeju-2023-fares.toml")), file: "jeju-2023-fares.toml",
                                          countries: countries)
        var mapping = ColumnMapping()
        mapping.rates = try FareCurrency.rates(parsing: ["NPR=133.2"] + (thb.map { ["THB=\($0)"] } ?? []))
        let roster = try RosterReader(countries: countries, event: event, mapping: mapping)
            .readRoster(bytes: try InputFile.bytes(fixtures.path("fares/quoted-fares.csv")), file: "quoted-fares.csv")
        return Budget(event: event, participants: roster.participants, rosterName: "quoted-fares.csv", who: .all)
    }

    /// The rate a recomputed-edited workbook gives THB on its Rates sheet.
    static let editedTHB = "40"

    /// The quoted workbook as written, with every cached result 999,999, and with its THB rate changed on the Rates sheet.
    static func quotedWorkbooks() throws -> [String: Workbook] {
        let budget = try quotedBudget()
        let quoted = try BudgetWorkbook(budgets: [budget], events: [budget.event], options: RenderOptions(), inputs: ["quoted"], created: Shipped.created).make()
        var edited = quoted
        guard let rates = edited.sheets.firstIndex(where: { $0.name == "Rates" }),
              let row = edited.sheets[rates].orderedCells.first(where: { $0.0.column == 0 && $0.1.value == CellValue.text("THB") })?.0.row,
              let cell = edited.sheets[rates].cell(row, 1) else {
            throw RecomputeError(message: "the quoted workbook has no THB rate on its Rates sheet")
        }
        edited.sheets[rates].set(row, 1, Cell(.number(Double(editedTHB)!), cell.style))
        return ["quoted": quoted, "quoted-wrong": wrongCachedResults(quoted), "quoted-edited": edited]
    }

    /// The quoted roster written as a large roster is: row by row, its sheet's quoted columns set before the first row.
    static func writeQuotedStreamed(_ path: String) throws -> [String] {
        let budget = try quotedBudget()
        let book = StreamedWorkbook(event: budget.event, events: [budget.event], inputs: ["streamed"], created: 0, quotesFares: true)
        var tally = BudgetTally(event: budget.event, rosterName: "streamed", who: .all, rosterRows: 10)
        tally.mayQuoteFares = true
        _ = try book.write(budget.lines.map(\.participant), rows: 10, to: path, add: { tally.add($0) }, totals: { Budget(tally) })
        return BudgetWorkbook.sheetNames(costing: [budget.event])
    }
}

@Suite struct QuotedFareRecalculationTests {
    typealias C = RosterLayout.Column

    /// Every participant's fare (the conversion) and the figures that follow from it, recomputed, against the engine's.
    func expectFaresMatch(_ budget: Budget, in workbook: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let sheets = try Recomputed.workbook(workbook)
        let rows = sheets["Roster \(budget.event.id)"] ?? []
        #expect(budget.quotedFareCount == 5, sourceLocation: sourceLocation)
        for line in budget.lines {
            let row = try #require(rows.first { $0.first == line.participant.id }, "\(line.participant.id)", sourceLocation: sourceLocation)
            #expect(cents(row[safe: C.fare.rawValue]) == line.participant.fare?.cents, "\(workbook) \(line.participant.id) fare",
                    sourceLocation: sourceLocation)
            for (column, amount) in [(C.assisted, line.assistedAirfare), (.share, line.participantShare), (.total, line.total)] {
                #expect(cents(row[safe: column.rawValue]) == amount.cents, "\(workbook) \(line.participant.id) \(column)", sourceLocation: sourceLocation)
            }
            if let quoted = line.participant.quotedFare {
                #expect(cents(row[safe: C.quotedFare.rawValue]) == quoted.amount.cents, sourceLocation: sourceLocation)
                #expect(row[safe: C.fareCurrency.rawValue] == quoted.currency, sourceLocation: sourceLocation)
            }
        }
    }

    @Test("The converted fares recompute to the engine's cents: THB 12,500 / 35.2, and the halves PHP 28,511 / 56 = 509.125, LKR 256,001.60 / 320 = 800.005")
    func theConvertedFaresRecomputeToTheEnginesCents() throws {
        let budget = try Recomputed.quotedBudget()
        #expect(budget.lines.compactMap { $0.participant.fare?.cents } == [35_511, 50_913, 80_001, 79_801, 90_090, 38_000])
        try expectFaresMatch(budget, in: "quoted")
        RecalculationTests().expectSummaryMatches(budget, in: try Recomputed.workbook("quoted"))
    }

    @Test func theyAreRecomputedNotCached() throws {
        try expectFaresMatch(try Recomputed.quotedBudget(), in: "quoted-wrong")
    }

    @Test func aRateChangedOnTheRatesSheetConvertsEveryFareInItsCurrencyAgain() throws {
        let edited = try Recomputed.quotedBudget(thb: Recomputed.editedTHB)
        #expect(edited.lines.first?.participant.fare == Money(cents: 31_250))   // THB 12,500 / 40
        try expectFaresMatch(edited, in: "quoted-edited")
    }

    @Test func aLargeRostersRowsConvertTheirFaresToo() throws {
        try expectFaresMatch(try Recomputed.quotedBudget(), in: "quoted-streamed")
    }

    @Test func theRatesSheetStatesEachRateWithItsDateAndSource() throws {
        let rates = try Recomputed.workbook("quoted")["Rates"] ?? []
        let thb = try #require(rates.first { $0.first == "THB" })
        #expect(Double(thb[safe: 1] ?? "") == 35.2)
        #expect(thb[safe: 3] == "2023-10-02")
        let npr = try #require(rates.first { $0.first == "NPR" })
        #expect(npr[safe: 4] == "rate given on the command line")
    }
}
