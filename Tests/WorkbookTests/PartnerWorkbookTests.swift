import BudgetCore
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing

/// The workbook a partner office receives, as a model: only what it reads on the printed sheets, its own part first, the
/// preparer's notes kept on a hidden sheet.
@Suite struct PartnerWorkbookTests {
    /// Every text on the sheets that print.
    func printedTexts(_ workbook: Workbook) -> [String] {
        workbook.sheets.filter { !$0.hidden }.flatMap { sheet in
            sheet.cells.values.compactMap { cell -> String? in
                if case .text(let text) = cell.value { return text }
                return nil
            }
        }
    }

    func rsoWorkbook() throws -> Workbook {
        let budget = try Repo.sampleBudget("jeju-2023")
        var options = RenderOptions()
        options.partner = "RSO of the Bali Process"
        return try BudgetWorkbook(budgets: [budget], events: [budget.event], options: options,
                                  inputs: ["Tables/events/jeju-2023.toml", "Tables/rosters/jeju-2023.csv"], created: Shipped.created).make()
    }

    @Test func aWorkbookForOneOfficeHasItsOwnSheetFirst_thenTheRosterAndTheOtherOffices() throws {
        let workbook = try rsoWorkbook()
        #expect(workbook.sheets.map(\.name) == ["Summary", "jeju-2023 RSO", "Roster jeju-2023", "jeju-2023 UNITAR", "Caps", "Rates", "Charts",
                                                "Preparer's notes"])
        let summary = try #require(workbook.sheet("Summary"))
        #expect(summary.cell(0, 0)?.value == .text("Travel budget for RSO of the Bali Process"))
        // Its part of each line, read from its own sheet, with the engine's figures cached.
        let total = try #require(summary.cells.first { $0.value.value == .text("Total paid by RSO of the Bali Process") }?.key)
        guard case .formula(let formula, .number(let cached))? = summary.cell(total.row, 2)?.value else {
            Issue.record("no total paid by the RSO")
            return
        }
        #expect(formula.hasPrefix("SUM(") && cached == 8_303.64)
        #expect(BudgetWorkbook.sheetNames(costing: [try Repo.shippedEvent("jeju-2023")], partner: "RSO of the Bali Process")
                == workbook.sheets.map(\.name))
    }

    @Test func nothingForThePersonAtTheKeyboardIsOnAPrintedSheet_itIsOnTheHiddenPreparersNotes() throws {
        for workbook in [try rsoWorkbook(), try Shipped.workbook(), try Shipped.workbook(try Repo.sampleReconciliation())] {
            let texts = printedTexts(workbook)
            for text in texts {
                #expect(!text.contains("Tables/") && !text.contains(".csv") && !text.contains("seed 0") && !text.contains("--")
                        && !text.contains("`"), "\(text)")
            }
            let notes = try #require(workbook.sheet("Preparer's notes"))
            #expect(notes.hidden)
            let kept = notes.cells.values.compactMap { cell -> String? in
                if case .text(let text) = cell.value { return text }
                return nil
            }.joined(separator: "\n")
            #expect(kept.contains("Tables/rosters/") && kept.contains("seed 00") && kept.contains("--who"))
        }
    }

    @Test func aRosterWithNoApplicationColumnsSaysSoOnce_notOnEveryRow() throws {
        let budget = try Repo.sampleBudget("jeju-2018")
        #expect(!budget.rosterGivesApplications)
        let workbook = try Shipped.workbook([budget])
        let roster = try #require(workbook.sheet("Roster jeju-2018"))
        for index in budget.lines.indices {
            guard case .text(let eligibility)? = roster.cell(index + 1, RosterLayout.Column.eligibility.rawValue)?.value else { continue }
            #expect(!eligibility.contains(EligibilityCheck.applicationDateNotKnown) && !eligibility.contains(EligibilityCheck.documentsNotKnown),
                    "\(eligibility)")
        }
        let summary = printedTexts(Workbook(sheets: [try #require(workbook.sheet("Summary"))], definedNames: [], properties: workbook.properties))
        #expect(summary.filter { $0.contains("The roster gives no application dates and no documents received") }.count == 1)
        // A roster that gives them keeps each row's reasons.
        #expect(try Repo.sampleBudget("jeju-2023").rosterGivesApplications)
    }

    @Test func idsStandingAloneAreWrittenAsIds() {
        #expect(IDText.list(["8"]) == "participant 8")
        #expect(IDText.list(["8", "9", "12"]) == "participants 8, 9 and 12")
        #expect(IDText.list(["8", "9"], more: 3) == "participants 8, 9 and 3 more")
    }
}
