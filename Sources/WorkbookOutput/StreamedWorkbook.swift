import BudgetCore
import BudgetRenderers
import Foundation
import OutputFiles
import Spreadsheet
import XLSXWriter

/// Costs a roster straight into its workbook, one participant at a time: the roster sheet's rows go to the file in
/// libxlsxwriter's constant-memory mode as they are costed (a second thread hands them over, a batch at a time), and every
/// other sheet is made from the running totals once the roster is done. Memory stays flat whatever the roster's size.
public struct StreamedWorkbook {
    /// The event the roster is costed under.
    public let event: Event
    /// Every event whose caps and rates the workbook shows.
    public let events: [Event]
    public let options: RenderOptions
    /// The input files, named in the document's comments.
    public let inputs: [String]
    /// Creation time (seconds since 1970-01-01 UTC): the prepared day, an input, never the clock.
    public let created: Int64
    /// Whether the roster may quote fares in other currencies: its sheet then has their columns (set before the first row).
    public let quotesFares: Bool

    public init(event: Event, events: [Event], options: RenderOptions = RenderOptions(), inputs: [String], created: Int64,
                quotesFares: Bool = false) {
        self.event = event
        self.quotesFares = quotesFares
        var all = events.filter { $0.id != event.id }
        all.append(event)
        self.events = all.sorted { $0.id < $1.id }
        self.options = options
        self.inputs = inputs
        self.created = created
    }

    /// Costs each participant with `add` (nil: not priced) and writes its row to the workbook at `path`, with `rows` rows set
    /// aside (at least the roster's participants: the sheet's filter is fixed before the first row). Once the participants
    /// are done, `totals` gives the running totals, or throws the roster's problems, and then nothing is written. Returns
    /// how many participants were priced.
    public func write<Participants: Sequence<Participant>>(
        _ participants: Participants, rows bound: Int, to path: String,
        add: (Participant) -> (costing: ParticipantCosting, verdict: Verdict)?,
        totals: () throws -> Budget,
        progress: ProgressLine = ProgressLine()
    ) throws -> Int {
        let roster = BudgetWorkbook.rosterRows(event, rows: bound, options: options, created: created, quotesFares: quotesFares)
        let names = BudgetWorkbook.sheetNames(costing: [event], showing: events)
        guard let sheet = names.firstIndex(of: roster.name) else { preconditionFailure("no roster sheet among \(names)") }
        let file = try XLSXFile(path: path, sheets: names, memory: .constant)
        try file.prepare(roster.setup(), at: sheet)
        var header = FileRows(file: file, sheet: sheet)
        try roster.writeHeader(to: &header)
        // Two cores: this thread reads and costs the roster and makes each row's cells, a second one hands them
        // to libxlsxwriter, a batch at a time.
        let writer = RowWriter(file: file, sheet: sheet)
        defer { try? writer.finish() }   // whatever happens, the writing thread ends (and lets the file go)
        var progress = progress
        var position = 0
        var batch = CellBatch(capacity: RowWriter.batchBytes)
        for participant in participants {
            guard position < bound else {
                throw OutputError(path: path, reason: "the roster holds more participants than its \(bound) lines",
                                  hint: "is the roster changing while it is read? Run again once it is saved")
            }
            guard let (line, verdict) = add(participant) else { continue }
            try roster.row(line, verdict: verdict, position: position, into: &batch)
            position += 1
            if batch.rows == RowWriter.batchSize {
                guard let empty = writer.send(batch) else { break }
                batch = empty
            }
            progress.tick(position)
        }
        if batch.rows > 0 { writer.send(batch) }
        try writer.finish()
        progress.done(position)
        // A roster with problems writes nothing: the file's temporary copy goes when `file` does.
        let summary = try totals()
        try file.finish(BudgetWorkbook(budgets: [summary], events: events, options: options, inputs: inputs,
                                       created: created).make())
        return position
    }
}

/// The xlsx writer as a row sink for one sheet, on the calling thread.
struct FileRows: RowSink {
    let file: XLSXFile
    let sheet: Int

    func write(row: Int, _ cells: [(column: Int, cell: Cell)]) throws { try file.write(row: row, cells, sheet: sheet) }
}

/// Hands rows to libxlsxwriter on a thread of its own, a batch at a time, so that reading and costing the roster goes on
/// meanwhile; at most a few batches wait, so memory stays flat.
final class RowWriter: @unchecked Sendable {
    typealias Batch = CellBatch
    static let batchSize = 512
    /// Room for a batch of roster rows (about 200 bytes a row), so that a batch's buffer does not grow.
    static let batchBytes = 256 * 1024
    /// Batches written, emptied, to be filled again.
    private var written: [Batch] = []
    private let file: XLSXFile
    private let sheet: Int
    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var closed = false
    private var done = false
    private var failure: XLSXError?

    init(file: XLSXFile, sheet: Int) {
        self.file = file
        self.sheet = sheet
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues a batch (waiting while the queue is full) and gives an empty one to fill next (a written batch's buffer, used
    /// again: no new memory for every batch); nil once writing has failed.
    @discardableResult
    func send(_ batch: Batch) -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= 2 && failure == nil { condition.wait() }
        guard failure == nil else { return nil }
        waiting.append(batch)
        condition.broadcast()
        return written.popLast() ?? CellBatch(capacity: RowWriter.batchBytes)
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
            var batch = waiting.removeFirst()
            condition.broadcast()
            condition.unlock()
            do {
                try file.write(batch, sheet: sheet)
                batch.removeAll()
                condition.lock()
                if written.count < 2 { written.append(batch) }
                condition.unlock()
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

/// A progress line on standard error for long runs, only when standard error is a terminal: every 4,096 rows, at most
/// twice a second, the rows done and the rate; a last line once done (for a run of half a second or more).
public struct ProgressLine {
    private let enabled: Bool
    private let write: (String) -> Void
    private let now: () -> Date
    private let start: Date
    private var last: Date

    /// On standard error when it is a terminal.
    public init() {
        self.init(enabled: isatty(2) == 1, write: { FileHandle.standardError.write(Data($0.utf8)) }, now: Date.init)
    }

    /// Writing with `write`, timed by `now` (tests give both).
    public init(enabled: Bool, write: @escaping (String) -> Void, now: @escaping () -> Date) {
        self.enabled = enabled
        self.write = write
        self.now = now
        start = now()
        last = start
    }

    /// After each row priced.
    public mutating func tick(_ rows: Int) {
        guard enabled, rows % 4096 == 0 else { return }
        let now = self.now()
        guard now.timeIntervalSince(last) >= 0.5 else { return }
        last = now
        let rate = Double(rows) / max(now.timeIntervalSince(start), 0.001)
        write("\r  \(rows) rows, \(Int(rate)) rows/s   ")
    }

    /// Once every row is priced.
    public func done(_ rows: Int) {
        guard enabled, now().timeIntervalSince(start) >= 0.5 else { return }
        write("\r  \(rows) rows done\u{1B}[K\n")
    }
}
