import BudgetCore
@testable import BudgetReaders
import TestSupport
import Testing

/// A budget sheet's total and subtotal rows are not participants: each is left out and said, and a total that is not the
/// sum of the rows above it is a warning giving both figures, to the cent.
@Suite struct TotalRowTests {
    let reader: RosterReader

    init() throws { reader = RosterReader(countries: try Repo.shippedTables().countries) }

    func roster(_ text: String) throws(InputError) -> RosterReader.Roster { try reader.readRoster(text: text, file: "r.csv") }

    @Test(arguments: ["Total", "TOTAL:", "Totals", "total", "Subtotal", "Sub-total", "SUB TOTAL", "Sum", "Grand total", "Grand Total:",
                      "Total (US$)", "Total cost", "Overall total"])
    func theWordsOfATotalRow(label: String) {
        #expect(RosterTotals.isLabel(label))
    }

    @Test(arguments: ["", "Summit", "Sumalee Chai", "Totally", "Total Energies Ltd", "Tot", "P-07", "Sum Kim"])
    func wordsThatAreNotATotal(text: String) {
        #expect(!RosterTotals.isLabel(text))
    }

    @Test(arguments: ["SUM(E2:E12)", "=SUM(E2:E12)", "sum(E2,E5)", "SUBTOTAL(9,E2:E12)", "SUBTOTAL(109,[Fare])"])
    func aSumFormulaMarksATotalRow(formula: String) {
        #expect(RosterTotals.isSum(formula))
    }

    @Test(arguments: ["E2+E3", "ROUND(E2,2)", "SUMPRODUCT(E2:E3,F2:F3)", "AVERAGE(E2:E12)"])
    func anyOtherFormulaDoesNot(formula: String) {
        #expect(!RosterTotals.isSum(formula))
    }

    @Test func aTotalRowIsLeftOut_andItsSumsThatAgreeAreSaid() throws {
        let roster = try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("rosters/total-row.csv")), file: "total-row.csv")
        #expect(roster.participants.map(\.id) == ["JITC-001", "JITC-002", "JITC-003"])
        #expect(roster.reportNotes.dropFirst() == ["Line 6 is a total row (`TOTAL:`), not a participant: left out; its `fare_usd` 2,135.00 and "
                                                   + "`ticket_usd` 900.00 are the sums of the 3 participant rows above it (lines 2–4)."])
        let note = try #require(roster.notes.last)
        #expect(note.severity == .note && note.location.line == 6)
    }

    @Test func aTotalThatIsNotTheSumOfItsRowsIsAWarning_withBothFigures() throws {
        let roster = try roster("Ref,Full Name,Point of departure,Fare\nA1,Ann,India,700\nA2,Ben,Nepal,\"1,000.10\"\nTotal,,,1700.01\n")
        #expect(roster.participants.count == 2)
        let warning = try #require(roster.notes.first { $0.severity == .warning })
        #expect(warning.location == BudgetCore.SourceLocation(file: "r.csv", line: 4, column: 9))
        #expect(warning.message.contains("is 1,700.01, but the 2 participant rows above it (lines 2–3) add up to 1,700.10"))
        #expect(warning.message.contains("the total is 0.09 short of the rows"))
        #expect(roster.reportNotes.last?.contains("1,700.01") == true && roster.reportNotes.last?.contains("1,700.10") == true)
    }

    @Test func aSubtotalSumsTheRowsSinceTheLastTotal_aGrandTotalSumsThemAll() throws {
        let roster = try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("rosters/subtotals.csv")), file: "subtotals.csv")
        #expect(roster.participants.count == 4)
        #expect(roster.notes.allSatisfy { $0.severity == .note })
        let totals = roster.reportNotes.filter { $0.contains("total row") }
        #expect(totals.count == 3)
        #expect(totals[1].contains("1,755.00 is the sum of the 2 participant rows above it (lines 5–6)"))
        #expect(totals[2].contains("2,595.00 is the sum of the 4 participant rows above it (lines 2–6)"))
    }

    @Test func aTotalAboveItsRowsIsCheckedAgainstTheRowsBelowIt() throws {
        let roster = try roster("id,name,country,fare_usd\nTotal,,,1500\nA1,Ann,India,700\nA2,Ben,Nepal,800\n")
        #expect(roster.participants.count == 2)
        #expect(roster.reportNotes == ["Line 2 is a total row (`Total`), not a participant: left out; its `fare_usd` 1,500.00 is the sum "
                                       + "of the 2 participant rows below it (lines 3–4)."])
    }

    @Test func aRowWithAPointOfDepartureIsNeverATotal() throws {
        let roster = try roster("id,name,country,fare_usd\nTotal,Total,India,700\n")
        #expect(roster.participants.map(\.name) == ["Total"])
        #expect(roster.reportNotes.isEmpty)
    }

    @Test func aParticipantNamedLikeATotalButWithAnIdIsStillRefusedForItsEmptyCountry() {
        let said = message { () throws(InputError) in _ = try roster("id,name,country,fare_usd\nP1,Sum,,700\n") }
        #expect(said.contains("r.csv:2:8: error: the `country` (point of departure) is empty"))
    }

    @Test func aTotalsAmountThatIsNotAnAmountIsSaid_notCompared() throws {
        let roster = try roster("id,name,country,fare_usd\nA1,Ann,India,700\nTotal,,,see below\n")
        #expect(roster.participants.count == 1)
        #expect(roster.reportNotes.first?.contains("its `fare_usd` `see below` is not an amount and was not compared") == true)
    }

    @Test func aTotalMayBeFarAboveAnyOneFare() throws {
        let rows = (1...3).map { "A\($0),Ann,India,999999" }.joined(separator: "\n")
        let roster = try roster("id,name,country,fare_usd\n\(rows)\nTotal,,,\"2,999,997.00\"\n")
        #expect(roster.reportNotes.first?.contains("2,999,997.00 is the sum of the 3 participant rows") == true)
    }

    @Test("A workbook's total rows: labelled in the name or No. column with SUM or SUBTOTAL formulas, or unlabelled with SUM formulas")
    func workbookTotals() throws {
        let roster = try reader.readRoster(workbook: try InputFile.bytes(fixtures.path("workbook-rosters/total-rows.xlsx")), file: "t.xlsx")
        #expect(roster.participants.map(\.id) == ["JITC-001", "JITC-002", "JITC-003", "JITC-004", "JITC-005", "JITC-006"])
        let totals = roster.reportNotes.filter { !$0.hasPrefix("Headers read by another name") }
        #expect(totals.count == 4)
        #expect(totals[2].hasPrefix("Row 13 is a total row (no label; SUM formulas in its amounts)"))
        #expect(totals[3] == "Row 13: the total row's `ticket_usd` is 3,606.50, but the 6 participant rows above it (rows 4–10) "
                + "add up to 2,355.75 (the total is 1,250.75 more than the rows): the sheet has an error; the participant rows are costed, not the total.")
    }

    @Test("A total row's SUM formulas without stored results (a file no spreadsheet saved) are said, not refused")
    func workbookTotalsWithoutResults() throws {
        let roster = try reader.readRoster(workbook: try InputFile.bytes(fixtures.path("workbook-rosters/total-row-no-results.xlsx")), file: "t.xlsx")
        #expect(roster.participants.count == 2)
        #expect(roster.reportNotes.first?.contains("its `fare_usd` cannot be read (cell D4 holds a formula (`=SUM(D2:D3)`) whose result the file does not store) and was not compared") == true)
    }
}
