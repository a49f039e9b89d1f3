import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import OutputFiles
import TestSupport
import Testing
@testable import WorkbookOutput

/// A roster costed straight into its workbook: every priced participant gets a row, the other sheets come from the running
/// totals, and a roster with a problem, or more participants than the rows set aside, leaves nothing behind.
@Suite(.cleansUpTemporaryFolders) struct StreamedWorkbookTests {
    let tables: Tables
    let event: Event
    let participants: [Participant]
    let folder: String

    init() throws {
        tables = try Repo.shippedTables()
        event = try Repo.shippedEvent("jeju-2023")
        participants = try Repo.sampleRoster("jeju-2023", event: event)
        folder = try temporaryFolder("streamed").path
    }

    func book() -> StreamedWorkbook { StreamedWorkbook(event: event, events: tables.events, inputs: ["roster.csv"], created: 0) }

    @Test func everyPricedParticipantGetsARowAndTheTotalsComeFromTheTally() throws {
        let path = folder + "/w.xlsx"
        var tally = BudgetTally(event: event, rosterName: "roster.csv", rosterRows: participants.count)
        let priced = try book().write(participants, rows: participants.count, to: path, add: { tally.add($0) }, totals: { Budget(tally) })
        let budget = Budget(event: event, participants: participants, rosterName: "roster.csv")
        #expect(priced == budget.lines.count)
        #expect(tally.totals.total == budget.totals.total)
        let parts = XLSXParts(path)
        #expect(try parts.sheetNames() == BudgetWorkbook.sheetNames(costing: [event]))
        let roster = try parts.text("xl/worksheets/sheet2.xml")
        for line in budget.lines { #expect(roster.contains(">\(line.participant.id)<"), "\(line.participant.id)") }
        #expect(roster.contains("<f>SUM(O2:O\(participants.count + 1))</f>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["w.xlsx"])
    }

    @Test func aRosterWithAProblemWritesNothing() throws {
        struct Problem: Error {}
        var tally = BudgetTally(event: event, rosterName: "roster.csv", rosterRows: participants.count)
        #expect(throws: Problem.self) {
            try book().write(participants, rows: participants.count, to: folder + "/w.xlsx", add: { tally.add($0) }, totals: { throw Problem() })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func moreParticipantsThanRowsSetAsideIsAnErrorAndWritesNothing() throws {
        var tally = BudgetTally(event: event, rosterName: "roster.csv", rosterRows: 2)
        let error = #expect(throws: OutputError.self) {
            try book().write(participants, rows: 2, to: folder + "/w.xlsx", add: { tally.add($0) }, totals: { Budget(tally) })
        }
        #expect(error?.reason == "the roster holds more participants than its 2 lines")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func theProgressLineShowsRowsAndRateEvery4096RowsAtMostTwiceASecond_andOnlyWhenAsked() {
        var written: [String] = []
        var clock = Date(timeIntervalSince1970: 0)
        var line = ProgressLine(enabled: true, write: { written.append($0) }, now: { clock })
        clock += 0.4
        line.tick(4096)   // too soon
        clock += 0.6
        line.tick(4097)   // not a multiple of 4,096
        line.tick(8192)
        clock += 0.1
        line.tick(12_288) // too soon after the last
        line.done(12_345)
        #expect(written == ["\r  8192 rows, 8192 rows/s   ", "\r  12345 rows done\u{1B}[K\n"])
        var silent = ProgressLine(enabled: false, write: { written.append($0) }, now: { clock })
        clock += 5
        silent.tick(4096)
        silent.done(4096)
        #expect(written.count == 2)
    }
}
