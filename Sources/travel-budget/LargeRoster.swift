import ArgumentParser
import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import XLSXWriter

/// Costs a large roster straight into its workbook, one participant at a time: libxlsxwriter in constant-memory mode,
/// running totals instead of a list of lines, and a summary (not the lines) as the report.
enum LargeRoster {
    /// Rosters above this size are streamed when a workbook is asked for. At about 80 bytes a row it is some 12,000
    /// participants: libxlsxwriter's normal mode keeps every cell in memory (roughly 100 bytes each, 18 cells a row),
    /// so beyond it the in-memory workbook alone would pass 20 MB and keep growing with the roster.
    static let thresholdBytes = 1_000_000

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

    /// Costs the participants into the workbook at `xlsx`; returns the running totals.
    static func cost(_ participants: RosterStream, event: Event, tables: Tables, options: RosterOptions,
                     ceilings: BudgetCeilings?, xlsx: String) throws -> BudgetTally {
        try Console.guarded {
            let bound = rowBound(options.roster)
            let book = LargeRosterWorkbook(event: event, events: tables.events, options: options.renderOptions,
                                           inputs: [tables.eventFile(event), options.roster],
                                           created: options.workbookOptions.created.map { Int64($0.dayNumber) * 86_400 },
                                           rosterRows: bound)
            let stream = try XLSXStream(path: xlsx, sheets: book.sheetNames)
            var tally = BudgetTally(event: event, rosterName: options.roster, who: options.who, ceilings: ceilings, rosterRows: bound)
            try stream.prepare(book.rosterSetup(), at: book.rosterSheet)
            try stream.write(row: 0, book.header(), sheet: book.rosterSheet)
            var progress = Progress()
            var position = 0
            for participant in participants {
                guard position < bound else {
                    throw OutputError(path: xlsx, reason: "the roster holds more participants than its \(bound) lines", hint: "is the roster changing while it is read? Run again once it is saved")
                }
                guard let (line, verdict) = tally.add(participant) else { continue }
                try stream.write(row: position + 1, try book.row(line, verdict: verdict, position: position), sheet: book.rosterSheet)
                position += 1
                progress.tick(position)
            }
            progress.done(position)
            // A roster with problems writes nothing: the stream's temporary file goes when `stream` does.
            try participants.finish()
            try stream.finish(book.finish(tally))
            return tally
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
