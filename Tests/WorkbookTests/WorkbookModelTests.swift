import BudgetCore
@testable import BudgetReaders
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSXWriter

/// The budget workbook's model: its sheets, names, formulas and the rules for user text.
@Suite(.cleansUpTemporaryFolders) struct WorkbookModelTests {
    @Test func theWorkbookHasASummaryARosterPerEventAnOfficeSheetPerPayingOfficeCapsRatesAndCharts() throws {
        let workbook = try Shipped.workbook()
        #expect(workbook.sheets.map(\.name) == ["Summary", "Roster jeju-2018", "Roster jeju-2023", "jeju-2023 UNITAR",
                                                "jeju-2023 RSO", "Caps", "Rates", "Charts", "Preparer's notes"])
        // The preparer's notes are hidden: kept in the file, never printed.
        #expect(workbook.sheets.filter(\.hidden).map(\.name) == ["Preparer's notes"])
        let names = workbook.definedNames.map(\.name)
        for name in ["Caps_jeju_2018", "Caps_jeju_2023", "jeju_2018_room", "jeju_2023_rate", "jeju_2023_office1_airfare"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(workbook.sheet("Charts")?.charts.count == 3)
    }

    @Test func capsAreLookedUpFromTheCapsSheetAndAssistedAirfareIsTheSmallerOfFareAndCap() throws {
        let roster = try #require(try Shipped.workbook().sheet("Roster jeju-2023"))
        typealias C = RosterLayout.Column
        guard case .formula(let cap, _)? = roster.cell(1, C.cap.rawValue)?.value,
              case .formula(let assisted, _)? = roster.cell(1, C.assisted.rawValue)?.value else {
            Issue.record("the cap and the assisted airfare are not formulas")
            return
        }
        #expect(cap == "IFERROR(VLOOKUP(D2,Caps_jeju_2023,2,0),\"\")")
        #expect(assisted.contains("MIN(G2,H2)"))
        #expect(!cap.contains("XLOOKUP"))
    }

    @Test func everyCachedResultIsTheEnginesFigure() throws {
        let budget = try Shipped.budgets()[1]
        let roster = try #require(try Shipped.workbook().sheet("Roster jeju-2023"))
        typealias C = RosterLayout.Column
        for (index, line) in budget.lines.enumerated() {
            for (column, amount) in [(C.assisted, line.assistedAirfare), (.share, line.participantShare), (.local, line.localExpenses), (.total, line.total)] {
                guard case .formula(_, .number(let cached))? = roster.cell(index + 1, column.rawValue)?.value else {
                    Issue.record("\(line.participant.id) \(column) is not a formula")
                    continue
                }
                #expect(Int64((cached * 100).rounded()) == amount.cents, "\(line.participant.id) \(column)")
            }
        }
    }

    @Test func eachRosterRowCarriesItsEligibilityVerdict() throws {
        let roster = try #require(try Shipped.workbook().sheet("Roster jeju-2023"))
        let column = RosterLayout.Column.eligibility.rawValue
        #expect(roster.cell(0, column)?.value == .text("Eligibility"))
        var rows: [(String, String)] = []
        for row in 1...(try Shipped.budgets()[1].lines.count) {
            // Every priced participant's row has an id and a verdict: a missing cell fails here.
            guard case .text(let id)? = roster.cell(row, 0)?.value, case .text(let verdict)? = roster.cell(row, column)?.value else {
                Issue.record("Roster jeju-2023 row \(row + 1) has no id or no eligibility text")
                continue
            }
            rows.append((id, verdict))
        }
        #expect(rows.first { $0.0 == "P23-01" }?.1 == "eligible")
        #expect(rows.first { $0.0 == "P23-14" }?.1 == "not known: application date not known; documents not known")
        #expect(!rows.contains { $0.0 == "P23-16" })
    }

    @Test func namesAndOrganizationsAreAlwaysTextCells() throws {
        let workbook = try Shipped.workbook()
        for (sheet, budget) in zip(workbook.sheets.filter { $0.name.hasPrefix("Roster") }, try Shipped.budgets()) {
            #expect(!budget.lines.isEmpty, "\(sheet.name)")
            for row in 1...budget.lines.count {
                for column in [RosterLayout.Column.id, .name, .organization] {
                    // Every row of a roster whose lines are kept spells out these cells: a missing one fails.
                    guard let cell = sheet.cell(row, column.rawValue) else {
                        Issue.record("\(sheet.name) row \(row) has no \(column) cell")
                        continue
                    }
                    guard case .text = cell.value else {
                        Issue.record("\(sheet.name) row \(row) \(column) is not text")
                        continue
                    }
                }
            }
        }
    }

    @Test func aRedactedWorkbookHoldsNoNameOrOrganization() throws {
        let workbook = try Shipped.workbook(redact: true)
        let texts = workbook.sheets.flatMap { $0.orderedCells.compactMap { cell -> String? in
            if case .text(let text) = cell.1.value { return text } else { return nil }
        } }
        for line in try Shipped.budgets().flatMap(\.lines) {
            #expect(!texts.contains(line.participant.name), "\(line.participant.id)")
            #expect(!texts.contains(line.participant.organization), "\(line.participant.id)")
        }
        #expect(workbook.properties.comments.contains("Redacted"))
    }

    /// A budget of one participant built in code (a roster line is at most 10,000 characters, so a name too long for a
    /// cell can only come from elsewhere: the workbook checks it all the same).
    func budget(name: String) throws -> Budget {
        let tables = try Repo.shippedTables()
        let india = try #require(tables.countries.country(named: "India"))
        let person = Participant(id: "P1", name: name, country: india, fare: Money(dollars: 900),
                                 location: BudgetCore.SourceLocation(file: "r.csv", line: 2, column: 1))
        return Budget(event: tables.events[1], participants: [person], rosterName: "r.csv")
    }

    @Test func controlCharactersAreRemovedFromNames() throws {
        let workbook = try Shipped.workbook([try budget(name: "Ana\u{7}\u{1B} Lima")])
        #expect(workbook.sheet("Roster jeju-2023")?.cell(1, 1)?.value == .text("Ana Lima"))
    }

    @Test func theDeleteCharacterIsRemovedFromNamesLikeEveryOtherControlCharacter() throws {
        let workbook = try Shipped.workbook([try budget(name: "Ana\u{7F} Lima\tda Silva")])
        #expect(workbook.sheet("Roster jeju-2023")?.cell(1, 1)?.value == .text("Ana Lima\tda Silva"))
    }

    /// One rule for text in a cell: what the renderers remove from a roster's text is exactly what the writer refuses.
    @Test func theRenderersCleanExactlyWhatTheWriterRefuses() throws {
        let p = try budget(name: "x").lines[0].participant
        for value in UInt32(0)...0xA0 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let cleaned = try UserText().clean(text, field: "name", of: p)
            #expect((cleaned != text) == (CellText.problem(text) != nil), "U+\(String(value, radix: 16))")
            #expect(CellText.problem(cleaned) == nil, "U+\(String(value, radix: 16))")
        }
    }

    @Test func aNameLongerThanACellHoldsIsAnErrorNamingTheParticipant() throws {
        let error = #expect(throws: WorkbookError.self) {
            try Shipped.workbook([try budget(name: String(repeating: "N", count: 32_768))])
        }
        #expect(error?.description == """
            r.csv:2:1: error: participant P1: the name has 32768 characters; a spreadsheet cell holds at most 32,767
              hint: shorten it in the roster, or write the budget as text, JSON or CSV, which have no such limit
            """)
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let folder = try temporaryFolder("same-bytes").path
        try XLSXFile.write(try Shipped.workbook(), to: folder + "/1.xlsx")
        try XLSXFile.write(try Shipped.workbook(), to: folder + "/2.xlsx")
        let first = try #require(FileManager.default.contents(atPath: folder + "/1.xlsx"))
        #expect(first == FileManager.default.contents(atPath: folder + "/2.xlsx"))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func theFileHoldsEverySheetTheDefinedNamesAndTheCharts() throws {
        let folder = try temporaryFolder("parts").path
        let path = folder + "/w.xlsx"
        try XLSXFile.write(try Shipped.workbook(), to: path)
        let listing = try unzip(["-l", path])
        for part in ["xl/workbook.xml", "xl/styles.xml", "xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml",
                     "xl/drawings/drawing1.xml", "docProps/core.xml"] + (1...8).map({ "xl/worksheets/sheet\($0).xml" }) {
            #expect(listing.contains(part), "\(part)")
        }
        let workbookXML = try unzip(["-p", path, "xl/workbook.xml"])
        for sheet in ["Summary", "Roster jeju-2018", "Roster jeju-2023", "Caps", "Rates", "Charts"] {
            #expect(workbookXML.contains("<sheet name=\"\(sheet)\""), "\(sheet)")
        }
        // Each event's caps under the one before (a table as wide as a page): jeju-2023's points and caps in B and C.
        #expect(workbookXML.contains(/<definedName name="Caps_jeju_2023">Caps!\$B\$[0-9]+:\$C\$/))
        let chart = try unzip(["-p", path, "xl/charts/chart1.xml"])
        #expect(chart.contains("<c:barDir val=\"col\"/>") && chart.contains("<c:grouping val=\"clustered\"/>"))
        let core = try unzip(["-p", path, "docProps/core.xml"])
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-12-12T00:00:00Z</dcterms:created>"))
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func theReconcileWorkbookPutsPlanVsActualAfterTheSummary_withTheCapAppliedToTheTicket() throws {
        let r = try Repo.sampleReconciliation()
        let workbook = try Shipped.workbook(r)
        #expect(workbook.sheets.map(\.name) == ["Summary", "Plan vs actual", "Roster jeju-2023", "jeju-2023 UNITAR", "jeju-2023 RSO",
                                                "Caps", "Rates", "Charts", "Preparer's notes"])
        let sheet = try #require(workbook.sheet("Plan vs actual"))
        typealias C = PlanActualLayout.Column
        guard case .formula(let actual, _)? = sheet.cell(1, C.actualAirfare.rawValue)?.value,
              case .formula(let planned, _)? = sheet.cell(1, C.plannedAirfare.rawValue)?.value else {
            Issue.record("the airfare cells are not formulas")
            return
        }
        #expect(actual.contains("MIN(G2,F2)"))
        #expect(planned == "'Roster jeju-2023'!I2")
        // Every cached figure is the engine's.
        let layout = PlanActualLayout(r, sheet: "Plan vs actual")
        for (index, line) in layout.lines.enumerated() {
            for (column, amount) in [(C.actualAirfare, line.assistedAirfare.actual), (.share, line.participantShare),
                                     (.actualLocal, line.localExpenses.actual), (.variance, line.total.variance)] {
                guard case .formula(_, .number(let cached))? = sheet.cell(index + 1, column.rawValue)?.value else {
                    Issue.record("\(line.participant.id) \(column) is not a formula")
                    continue
                }
                #expect(Int64((cached * 100).rounded()) == amount.cents, "\(line.participant.id) \(column)")
            }
        }
    }
}
