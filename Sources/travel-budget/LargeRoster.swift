import ArgumentParser
import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import Spreadsheet
import XLSXWriter

/// Costs a large roster straight into its workbook, one participant at a time: libxlsxwriter in constant-memory mode,
/// running totals instead of a list of lines, and a summary (not the lines) as the report.
enum LargeRoster {
    /// Rosters above this size are streamed when a workbook is asked for. At about 80 bytes a row it is some 3,000
    /// participants: the whole-roster path keeps every cell in the spreadsheet model and in libxlsxwriter's normal mode,
    /// measured at 173 MB and 1.5 s for 10,000 rows (against 32 MB and 0.24 s streamed), and growing with the roster.
    static let thresholdBytes = 250_000

    /// Whether a roster file is large enough to stream.
    static func isLarge(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0 > thresholdBytes
    }

    /// The most participant rows a roster file can hold: its lines after the header (one scan of its bytes, in chunks).
    static func rowBound(_ path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 1 }
        defer { try? handle.close() }
        var lines = 1
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { bytes in
                for byte in bytes where byte == 0x0A { lines += 1 }
            }
        }
        return max(lines - 1, 1)
    }

    /// Costs the participants into the workbook at `xlsx`, setting aside `rows` rows (the roster's `rowBound`); returns the
    /// running totals.
    static func cost(_ participants: RosterStream, rows bound: Int, event: Event, tables: Tables, options: RosterOptions,
                     ceilings: BudgetCeilings?, xlsx: String) throws -> BudgetTally {
        try Console.guarded {
            let book = LargeRosterWorkbook(event: event, events: tables.events, options: options.renderOptions,
                                           inputs: [tables.eventFile(event), options.roster],
                                           created: options.workbookOptions.created.map { Int64($0.dayNumber) * 86_400 },
                                           rosterRows: bound)
            let stream = try XLSXStream(path: xlsx, sheets: book.sheetNames)
            var tally = BudgetTally(event: event, rosterName: options.roster, who: options.who, ceilings: ceilings, rosterRows: bound)
            tally.unusedColumns = participants.unusedColumns
            try stream.prepare(book.rosterSetup(), at: book.rosterSheet)
            try stream.write(row: 0, book.header(), sheet: book.rosterSheet)
            // Two cores: this thread reads and costs the roster and makes each row's cells, a second one hands them
            // to libxlsxwriter, a batch at a time.
            let writer = RowWriter(stream: stream, sheet: book.rosterSheet)
            defer { try? writer.finish() }   // whatever happens, the writing thread ends (and lets the stream go)
            var progress = Progress()
            var position = 0
            var batch: [(row: Int, cells: [(column: Int, cell: Cell)])] = []
            batch.reserveCapacity(RowWriter.batchSize)
            for participant in participants {
                guard position < bound else {
                    throw OutputError(path: xlsx, reason: "the roster holds more participants than its \(bound) lines",
                                      hint: "is the roster changing while it is read? Run again once it is saved")
                }
                guard let (line, verdict) = tally.add(participant) else { continue }
                batch.append((position + 1, try book.row(line, verdict: verdict, position: position)))
                position += 1
                if batch.count == RowWriter.batchSize {
                    guard writer.send(batch) else { break }
                    batch.removeAll(keepingCapacity: true)
                }
                progress.tick(position)
            }
            if !batch.isEmpty { _ = writer.send(batch) }
            try writer.finish()
            progress.done(position)
            // A roster with problems writes nothing: the stream's temporary file goes when `stream` does.
            try participants.finish()
            try stream.finish(book.finish(tally))
            return tally
        }
    }
}

/// Hands rows to libxlsxwriter on a thread of its own, a batch at a time, so that reading and costing the roster goes on
/// meanwhile; at most a few batches wait, so memory stays flat.
final class RowWriter: @unchecked Sendable {
    typealias Batch = [(row: Int, cells: [(column: Int, cell: Cell)])]
    static let batchSize = 512
    private let stream: XLSXStream
    private let sheet: Int
    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var closed = false
    private var done = false
    private var failure: XLSXError?

    init(stream: XLSXStream, sheet: Int) {
        self.stream = stream
        self.sheet = sheet
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues a batch (waiting while the queue is full); false once writing has failed.
    func send(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= 2 && failure == nil { condition.wait() }
        guard failure == nil else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// Waits until every queued row is written; throws libxlsxwriter's error, if any.
    func finish() throws(XLSXError) {
        condition.lock()
        closed = true
        condition.broadcast()
        while !done { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            if waiting.isEmpty {
                done = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = waiting.removeFirst()
            condition.broadcast()
            condition.unlock()
            do {
                for (row, cells) in batch { try stream.write(row: row, cells, sheet: sheet) }
            } catch {
                condition.lock()
                failure = error
                waiting.removeAll()
                closed = true
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}

/// A progress line on standard error for long runs, only when standard error is a terminal.
struct Progress {
    private let enabled = isatty(2) == 1
    private let start = Date()
    private var last = Date()

    mutating func tick(_ rows: Int) {
        guard enabled, rows % 4096 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.5 else { return }
        last = now
        let rate = Double(rows) / max(now.timeIntervalSince(start), 0.001)
        FileHandle.standardError.write(Data("\r  \(rows) rows, \(Int(rate)) rows/s   ".utf8))
    }

    func done(_ rows: Int) {
        guard enabled, Date().timeIntervalSince(start) >= 0.5 else { return }
        FileHandle.standardError.write(Data("\r  \(rows) rows done\u{1B}[K\n".utf8))
    }
}
