import BudgetCore
import BudgetReaders
import Foundation
import WorkbookOutput

/// A large roster: its size, the rows it can hold, and costing it straight into its workbook (``StreamedWorkbook``:
/// constant memory, running totals instead of a list of lines, and a summary, not the lines, as the report).
enum LargeRoster {
    /// Rosters above this size are streamed when a workbook is asked for. At about 80 bytes a row it is some 3,000
    /// participants: the whole-roster path keeps every cell in the spreadsheet model and in libxlsxwriter's normal mode,
    /// measured at 173 MB and 1.5 s for 10,000 rows (against 32 MB and 0.24 s streamed), and growing with the roster.
    static let thresholdBytes = 250_000

    /// Whether a roster file is large enough to stream.
    static func isLarge(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0 > thresholdBytes
    }

    /// Costs the participants into the workbook at `xlsx`, setting aside `rows` rows (the roster's line count); returns the
    /// budget of the running totals.
    static func cost(_ participants: RosterStream, rows bound: Int, event: Event, tables: Tables, options: RosterOptions,
                     ceilings: BudgetCeilings?, xlsx: String) throws -> Budget {
        let created = try options.workbookOptions.createdTime()
        return try Console.guarded {
            var tally = BudgetTally(event: event, rosterName: options.roster, who: options.who, ceilings: ceilings, rosterRows: bound)
            tally.unusedColumns = participants.unusedColumns
            tally.mayQuoteFares = participants.mayQuoteFares
            let book = StreamedWorkbook(event: event, events: [event], options: options.workbookOptions.applied(to: options.renderOptions),
                                        inputs: [tables.eventFile(event), options.roster],
                                        created: created,
                                        quotesFares: participants.mayQuoteFares)
            _ = try book.write(participants, rows: bound, to: xlsx, add: { tally.add($0) }, totals: {
                try participants.finish()
                tally.rosterNotes = participants.reportNotes
                return Budget(tally)
            })
            return Budget(tally)
        }
    }
}
