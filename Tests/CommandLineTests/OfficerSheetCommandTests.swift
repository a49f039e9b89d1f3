import Foundation
import TestSupport
import Testing

/// An officer's own budget sheet through the tool (issue 21): what the reader left out or read by its contents is said on
/// stderr and in every report, the workbook's Summary included.
@Suite(.cleansUpTemporaryFolders) struct OfficerSheetCommandTests {
    static let disagreeing = "Tests/BudgetReadersTests/Fixtures/rosters/total-row-disagrees.csv"
    static let workbookTotals = "Tests/BudgetReadersTests/Fixtures/workbook-rosters/total-rows.xlsx"

    @Test func aTotalRowIsLeftOut_andSaidInEveryReport_withBothFiguresWhenItIsWrong() throws {
        let text = try Run(["cost", "--event", "jeju-2023", "--roster", Self.disagreeing])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.contains("total-row-disagrees.csv:5:9: warning: the total row's `fare_usd` is 2,153.00, but the 3 participant rows above it (lines 2–4) add up to 2,135.00"))
        #expect(text.stdout.contains("TOTAL (3 participants)"))
        #expect(text.stdout.contains("Reading notes:  Headers read by another name: `Ref` as `id`, `Full Name` as `name`, `Point of"))
        #expect(text.stdout.contains("\n                Line 5 is a total row (`Total`), not a participant: left out.\n"))
        #expect(text.stdout.contains("add up to 2,135.00 (the total is 18.00 more than the rows): the sheet\n                has an error"))

        let json = try Run(["cost", "--event", "jeju-2023", "--roster", Self.disagreeing, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let notes = try #require(object?["roster_notes"] as? [String])
        #expect(notes.count == 3 && notes[2].contains("2,153.00") && notes[2].contains("2,135.00"))

        let csv = try Run(["cost", "--event", "jeju-2023", "--roster", Self.disagreeing, "--format", "csv"])
        #expect(csv.stdout.contains("note,,\"Line 5: the total row's `fare_usd` is 2,153.00, but the 3 participant rows above it (lines 2–4) add up to 2,135.00"))

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xlsx = folder.appendingPathComponent("b.xlsx").path
        let book = try Run(["cost", "--event", "jeju-2023", "--roster", Self.disagreeing, "--xlsx", xlsx, "--created", "2023-12-01"])
        #expect(book.status == 0, "\(book.stderr)")
        let strings = try XLSXParts(xlsx).text("xl/sharedStrings.xml")
        #expect(strings.contains("Line 5 is a total row (`Total`), not a participant: left out."))
        #expect(strings.contains("but the 3 participant rows above it (lines 2–4) add up to 2,135.00"))
    }

    @Test func aWorkbooksTotalRowsAreSaidAsOnStandardError_andInTheReconcileReports() throws {
        let run = try Run(["reconcile", "--event", "jeju-2023", "--roster", Self.workbookTotals])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("total-rows.xlsx:[Participants]!I13: warning: the total row's `ticket_usd` is 3,606.50"))
        #expect(run.stdout.contains("\n                Row 7 is a total row (`Subtotal`)"))
        let json = try Run(["reconcile", "--event", "jeju-2023", "--roster", Self.workbookTotals, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["roster_notes"] as? [String])?.count == 5)
    }

    @Test func aDepartureColumnOfDatesIsTheDepartureDate_saidOnStderrAndInTheReport_forEveryCommandThatReadsARoster() throws {
        let officer = "Tests/BudgetReadersTests/Fixtures/workbook-rosters/officer-budget-sheet.xlsx"
        let note = "officer-budget-sheet.xlsx:[Budget]!F3: note: column 6, `Departure`, was read as `leave` (the departure date) by what it holds"
        let cost = try Run(["cost", "--event", "jeju-2023", "--roster", officer, "--format", "json"])
        #expect(cost.status == 0, "\(cost.stderr)")
        #expect(cost.stderr.contains(note))
        let object = try JSONSerialization.jsonObject(with: Data(cost.stdout.utf8)) as? [String: Any]
        let notes = try #require(object?["roster_notes"] as? [String])
        #expect(notes.first?.hasPrefix("Column 6, `Departure`, was read as `leave`") == true)
        let people = try #require(object?["participants"] as? [[String: Any]])
        #expect(people.last?["flags"] as? [String] == ["partial-stay"])
        for command in [["check"], ["reconcile"], ["compare", "--roster-event", "jeju-2023"]] {
            let run = try Run(command + (command[0] == "compare" ? [] : ["--event", "jeju-2023"]) + ["--roster", officer])
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stderr.contains(note), "\(command)")
        }
        let refused = try Run(["cost", "--event", "jeju-2023", "--roster", "Tests/BudgetReadersTests/Fixtures/roster-errors/departure-empty.csv"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("Its cells do not settle it: they are all empty."))
    }

    @Test func aRosterWithoutATotalRowSaysNothingMore() throws {
        let json = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--format", "json"])
        #expect(!json.stdout.contains("roster_notes"))
        let text = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv"])
        #expect(!text.stdout.contains("Reading notes:"))
    }
}
