import BudgetCore
import Foundation

/// Where a roster's bytes come from, read a chunk at a time: a file (a roster of any size), or bytes already in memory
/// (a file read whole, or text). The one CSV reader reads both the same way.
final class ByteSource {
    private enum Storage {
        case file(FileHandle)
        case memory([UInt8])
    }
    private let storage: Storage
    /// How much is read at a time.
    static let chunk = 1 << 20

    init(bytes: [UInt8]) { storage = .memory(bytes) }

    /// Opens a file; a missing, unreadable one or a folder is `.missing` (exit 66), said as for a file read whole.
    init(path: String) throws(InputError) {
        storage = .file(FileHandle(fileDescriptor: try InputFile.openForReading(path).fd, closeOnDealloc: true))
    }

    deinit {
        if case .file(let handle) = storage { try? handle.close() }
    }

    /// Up to `count` bytes from `offset`; empty at the end.
    func read(at offset: Int, count: Int = ByteSource.chunk) -> [UInt8] {
        switch storage {
        case .memory(let bytes):
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        case .file(let handle):
            guard (try? handle.seek(toOffset: UInt64(offset))) != nil,
                  let data = try? handle.read(upToCount: count) else { return [] }
            return [UInt8](data)
        }
    }

    /// Every chunk in order, with the offset of its first byte; `body` returns false to stop.
    func forEachChunk(_ body: (Int, UnsafeBufferPointer<UInt8>) throws(InputError) -> Bool) throws(InputError) {
        var offset = 0
        while true {
            let chunk = read(at: offset)
            if chunk.isEmpty { return }
            let more = try chunk.withUnsafeBufferPointer { (p) throws(InputError) -> Bool in try body(offset, p) }
            if !more { return }
            offset += chunk.count
        }
    }

    /// The bytes from `offset` up to (not including) the next line feed, or the end.
    func line(from offset: Int) -> [UInt8] {
        var out: [UInt8] = []
        var at = offset
        while true {
            let chunk = read(at: at, count: 65_536)
            if chunk.isEmpty { return out }
            if let end = chunk.firstIndex(of: 0x0A) { return out + chunk[..<end] }
            out += chunk
            at += chunk.count
        }
    }
}

/// The text encodings a roster is read in.
enum RosterEncoding: Sendable {
    /// UTF-8 (Excel's "CSV UTF-8"); a byte-order mark is skipped.
    case utf8
    /// Windows-1252, as Excel saves CSV in Western European settings, read only when that reading is unambiguous.
    case windows1252

    /// Bytes as text.
    func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows1252: return Windows1252.decode(Array(bytes))
        }
    }
}

/// One pass over a roster's bytes before its rows are read, a chunk at a time: the same checks, in the same order and with
/// the same messages, for a roster of any size: no line longer than any row, text (not a workbook, UTF-16 or NUL bytes),
/// and its encoding (UTF-8, or Windows-1252 when that reading is unambiguous, said in a note). Counts the lines too.
struct RosterScan {
    let encoding: RosterEncoding
    /// Said when the file was read as Windows-1252.
    let note: Diagnostic?
    /// The file's lines (line feeds + 1): a bound on its rows.
    let lines: Int

    /// A byte's place: its offset, its line (counted by line feeds) and where that line starts.
    struct Place {
        let offset: Int
        let line: Int
        let lineStart: Int
    }

    /// Scans the source; `checksText` is false for text already decoded (only line lengths are checked then).
    init(_ source: ByteSource, file: String, checksText: Bool = true) throws(InputError) {
        var pass = FirstPass(checksText: checksText)
        try source.forEachChunk { (base, bytes) throws(InputError) -> Bool in pass.scan(base: base, bytes) }
        if let longLine = pass.longLine {
            throw .badData([Diagnostic(
                SourceLocation(file: file, line: longLine, column: 1),
                "line \(longLine) is longer than any roster row (more than \(RosterReader.maximumLineLength) characters)",
                hint: "is this the right file? A roster has one short row per participant")])
        }
        lines = pass.line
        guard checksText else {
            encoding = .utf8
            note = nil
            return
        }
        if pass.need > 0, pass.invalid == nil { pass.invalid = pass.sequence }
        try InputText.refuseNonTextStart(source.read(at: 0, count: 4), file: file, hint: InputText.excelHint)
        if let nul = pass.nul {
            throw RosterScan.refusal(source, at: nul, file: file, "the file holds a NUL byte, so it is not text", encoding: .utf8)
        }
        guard let invalid = pass.invalid else {
            encoding = .utf8
            note = nil
            return
        }
        if pass.multibyte {
            throw RosterScan.refusal(source, at: invalid, file: file,
                                     "the file mixes UTF-8 with another encoding, so no reading of it is safe", encoding: .utf8)
        }
        encoding = .windows1252
        note = try RosterScan.windows1252(source, file: file)
    }

    /// The first pass's state across chunks: lines, the longest line, and the UTF-8 check.
    private struct FirstPass {
        let checksText: Bool
        var line = 1, lineStart = 0, length = 0
        var nul: Place?, invalid: Place?
        var multibyte = false
        var need = 0, low: UInt8 = 0x80, high: UInt8 = 0xBF
        var sequence = Place(offset: 0, line: 1, lineStart: 0)
        var longLine: Int?

        init(checksText: Bool) { self.checksText = checksText }

        /// Reads one chunk starting at offset `base`; false stops the pass (a line longer than any row).
        mutating func scan(base: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let raw = UnsafeRawBufferPointer(bytes)
            var next = 0
            while next < bytes.count {
                // Most of a roster is ASCII between line feeds: eight such bytes at a time, when no sequence is open, none
                // is a line feed, a NUL or above 0x7F, and the line stays short enough (else byte by byte, below).
                if need == 0, next + 8 <= bytes.count, length + 8 <= RosterReader.maximumLineLength {
                    let word = raw.loadUnaligned(fromByteOffset: next, as: UInt64.self)
                    let lineFeeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    let hasLineFeed = (lineFeeds &- 0x0101_0101_0101_0101) & ~lineFeeds & 0x8080_8080_8080_8080
                    if word & 0x8080_8080_8080_8080 == 0, hasZero == 0, hasLineFeed == 0 {
                        length += 8
                        next += 8
                        continue
                    }
                }
                let i = next
                next += 1
                let byte = bytes[i]
                if byte == 0x0A {
                    line += 1
                    lineStart = base + i + 1
                    length = 0
                } else {
                    length += 1
                    if length > RosterReader.maximumLineLength {
                        longLine = line
                        return false
                    }
                }
                if checksText { check(byte, at: base + i) }
            }
            return true
        }

        /// The UTF-8 check of one byte (not an ASCII run's: those are skipped above).
        private mutating func check(_ byte: UInt8, at offset: Int) {
            if byte == 0, nul == nil { nul = Place(offset: offset, line: line, lineStart: lineStart) }
            if need > 0 {
                if byte >= low && byte <= high {
                    need -= 1
                    low = 0x80
                    high = 0xBF
                    if need == 0 { multibyte = true }
                    return
                }
                if invalid == nil { invalid = sequence }
                need = 0
                low = 0x80
                high = 0xBF
            }
            if byte < 0x80 { return }
            sequence = Place(offset: offset, line: line, lineStart: lineStart)
            switch byte {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: if invalid == nil { invalid = sequence }
            }
        }
    }

    /// Not UTF-8 and no UTF-8 character anywhere: a second pass tells whether Windows-1252 reads it safely. The note that
    /// it was read so (nil for a file that is ASCII after all), or the refusal at the first doubtful byte.
    private static func windows1252(_ source: ByteSource, file: String) throws(InputError) -> Diagnostic? {
        var doubt = Windows1252.Doubt()
        var doubtful: Place?, firstHigh: Int?
        var line = 1, lineStart = 0
        var breaks = 1, breakStart = 0, previousCR = false
        var highPlace = (line: 0, lineStart: 0)
        try source.forEachChunk { (base, bytes) throws(InputError) -> Bool in
            for i in 0..<bytes.count {
                let byte = bytes[i], offset = base + i
                // Lines as the note counts them: LF, CRLF or CR each end one.
                if byte == 0x0A {
                    if !previousCR { breaks += 1 }
                    breakStart = offset + 1
                } else if byte == 0x0D {
                    breaks += 1
                    breakStart = offset + 1
                }
                previousCR = byte == 0x0D
                if byte == 0x0A {
                    line += 1
                    lineStart = offset + 1
                }
                if firstHigh == nil, byte >= 0x80 {
                    firstHigh = offset
                    highPlace = (breaks, breakStart)
                }
                if !doubt.accepts(byte) {
                    doubtful = Place(offset: offset, line: line, lineStart: lineStart)
                    return false
                }
            }
            return true
        }
        if let doubtful {
            let byte = source.read(at: doubtful.offset, count: 1)[0]
            let reading = Windows1252.character(byte).map { "`\($0)`, which no Western European name uses there" } ?? "no character at all"
            throw RosterScan.refusal(source, at: doubtful, file: file,
                                     "the file is not UTF-8, and read as Windows-1252 (Western European) this byte would be \(reading)",
                                     encoding: .windows1252)
        }
        guard let firstHigh else { return nil }
        // The note points at the first character that is not ASCII, and the word it is in.
        let lineBytes = source.line(from: highPlace.lineStart).prefix { $0 != 0x0D }
        let text = Windows1252.decode(Array(lineBytes))
        let position = text.index(text.startIndex, offsetBy: firstHigh - highPlace.lineStart)
        let wordStart = text[..<position].lastIndex(where: { !$0.isLetter }).map(text.index(after:)) ?? text.startIndex
        let word = text[wordStart...].prefix { $0.isLetter || !$0.isASCII }
        return Diagnostic(
            SourceLocation(file: file, line: highPlace.line, column: firstHigh - highPlace.lineStart + 1),
            "the file is not UTF-8; it was read as Windows-1252 (Western European), as Excel saves CSV in some settings",
            excerpt: text,
            hint: "check that the names read right (here: \(String(word).quoted)); to be sure, \(InputText.excelHint)",
            severity: .note)
    }

    /// An error at a byte, with the line and column it falls on and that line as excerpt.
    private static func refusal(_ source: ByteSource, at place: Place, file: String, _ message: String,
                                encoding: RosterEncoding) -> InputError {
        let line = source.line(from: place.lineStart)
        let before = line.prefix(place.offset - place.lineStart)
        let column = encoding.decode(before).count + 1
        let excerpt = encoding.decode(line).sourceLines().first.map(String.init)
        let byte = line[place.offset - place.lineStart]
        return .badData([Diagnostic(SourceLocation(file: file, line: place.line, column: column),
                                    "\(message) (byte offset \(place.offset) is 0x\(InputText.hex(byte)))",
                                    excerpt: excerpt, hint: InputText.excelHint)])
    }
}
