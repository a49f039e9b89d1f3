import BudgetCore
import Foundation

/// The one CSV reader: reads records one at a time, a chunk of bytes at a time (RFC 4180 quotes, LF, CRLF or CR line
/// ends, a UTF-8 byte-order mark skipped), from a file of any size or from bytes in memory. Every field keeps its line
/// and its column, counted in characters.
final class CSVStream: RecordSource {
    private let source: ByteSource
    private let file: String
    fileprivate let delimiter: UInt8
    private let encoding: RosterEncoding
    fileprivate var buffer: [UInt8] = []
    fileprivate var position = 0
    fileprivate var atEnd = false
    /// Bytes read before the buffer.
    private var consumed = 0
    fileprivate var line = 1
    /// The current record's bytes as read (for its excerpts and its columns), its first line, and where its current line
    /// starts in it.
    fileprivate var recordBytes: [UInt8] = []
    fileprivate var recordLine = 1
    private var lineStart = 0
    /// Whether the current line holds a byte that is not ASCII (then columns are counted by decoding it).
    private var lineIsASCII = true

    /// Whether plain lines are split at once (``plainLine()``); tests turn it off to compare with reading byte by byte.
    var readsPlainLinesAtOnce = true

    init(source: ByteSource, file: String, delimiter: Character = ",", encoding: RosterEncoding = .utf8) {
        self.source = source
        self.file = file
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.encoding = encoding
        refill()
        if encoding == .utf8, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// A UTF-8 CSV file.
    convenience init(path: String, file: String, delimiter: Character = ",") throws(InputError) {
        self.init(source: try ByteSource(path: path), file: file, delimiter: delimiter)
    }

    fileprivate func refill() {
        consumed += position
        buffer.removeFirst(position)
        position = 0
        let data = source.read(at: consumed + buffer.count)
        if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
    }

    /// The next byte, refilling the buffer as needed; nil at the end of the file.
    @inline(__always) private func peek() -> UInt8? {
        if position < buffer.count { return buffer[position] }
        if atEnd { return nil }
        refill()
        return position < buffer.count ? buffer[position] : nil
    }

    @inline(__always) private func take(_ byte: UInt8) {
        position += 1
        recordBytes.append(byte)
        if byte >= 0x80 { lineIsASCII = false }
    }

    private func newLine() {
        line += 1
        lineStart = recordBytes.count
        lineIsASCII = true
    }

    /// The column the next byte is in: characters so far on the line, plus one.
    private var column: Int {
        lineIsASCII ? recordBytes.count - lineStart + 1 : encoding.decode(recordBytes[lineStart...]).count + 1
    }

    /// The text of a line of the current record (as decoded), for an excerpt.
    func excerpt(line wanted: Int) -> String? {
        guard wanted >= recordLine && wanted <= line else { return nil }
        let lines = encoding.decode(recordBytes).sourceLines()
        let index = wanted - recordLine
        return index < lines.count ? String(lines[index]) : nil
    }

    func location(line: Int, column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }


    /// The next record, or nil at the end of the file.
    func next() throws(InputError) -> SourceRecord? {
        guard peek() != nil else { return nil }
        recordBytes.removeAll(keepingCapacity: true)
        recordLine = line
        lineStart = 0
        lineIsASCII = true
        if readsPlainLinesAtOnce, let record = plainLine() { return record }
        var fields: [SourceField] = []
        var field: [UInt8] = []
        var fieldLine = line, fieldColumn = 1
        var inQuotes = false, wasQuoted = false
        // A quote inside a quoted field that is not doubled (`"Dela Cruz, Maria "Mia" S."`): where the first one is. It is
        // read as a quote in the field, and refused with the fix.
        var strayQuote: (line: Int, column: Int)?
        var strayQuotes: [(line: Int, column: Int, text: String)] = []
        func endField() {
            let text = encoding.decode(field)
            if let stray = strayQuote {
                strayQuotes.append((stray.line, stray.column, text))
                strayQuote = nil
            }
            fields.append(SourceField(text: text, line: fieldLine, column: fieldColumn))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while let byte = peek() {
            if inQuotes {
                take(byte)
                if byte == UInt8(ascii: "\"") {
                    if peek() == UInt8(ascii: "\"") {
                        take(UInt8(ascii: "\""))
                        field.append(UInt8(ascii: "\""))
                    } else if endsQuotedField() {
                        inQuotes = false
                    } else {
                        if strayQuote == nil { strayQuote = (line, column - 1) }
                        field.append(byte)
                    }
                } else if byte == 0x0A || (byte == 0x0D && peek() == 0x0A) {
                    if byte == 0x0D { take(0x0A) }
                    field.append(0x0A)
                    newLine()
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                take(byte)
                endField()
                fieldLine = line
                fieldColumn = column
            case 0x0A, 0x0D:
                position += 1
                if byte == 0x0D, peek() == 0x0A { position += 1 }
                endField()
                line += 1
                return SourceRecord(fields: fields, line: recordLine, cellProblems: problems(strayQuotes))
            case UInt8(ascii: "\"") where field.isEmpty && !wasQuoted:
                take(byte)
                inQuotes = true
                wasQuoted = true
            default:
                take(byte)
                field.append(byte)
            }
        }
        if inQuotes {
            throw .badData([Diagnostic(location(line: fieldLine, column: fieldColumn), "a quoted field is never closed",
                                       excerpt: excerpt(line: fieldLine),
                                       hint: "close the field with a double quote; a quote inside a quoted field is written twice (\"\")")])
        }
        endField()
        return SourceRecord(fields: fields, line: recordLine, cellProblems: problems(strayQuotes))
    }

    /// The problems of the record just read: each quoted field holding a quote that is not written twice, at that quote.
    private func problems(_ strayQuotes: [(line: Int, column: Int, text: String)]) -> [Diagnostic] {
        strayQuotes.map { stray in
            Diagnostic(location(line: stray.line, column: stray.column), "a quote inside the quoted field \(stray.text.quoted) is not written twice",
                       excerpt: excerpt(line: stray.line),
                       hint: "inside a quoted field a quote is written twice: \"\(stray.text.replacingOccurrences(of: "\"", with: "\"\""))\" "
                           + "(a spreadsheet's Save As CSV does so); as it is, the field could end at that quote")
        }
    }

    /// Whether the quote just read ends its quoted field: what follows it (after any spaces) is the separator, a line's end
    /// or the file's.
    private func endsQuotedField() -> Bool {
        var offset = 0
        while true {
            while position + offset >= buffer.count && !atEnd { refill() }
            guard position + offset < buffer.count else { return true }
            let byte = buffer[position + offset]
            if byte == 0x20 && delimiter != 0x20 {
                offset += 1
                continue
            }
            return byte == delimiter || byte == 0x0A || byte == 0x0D
        }
    }
}

extension CSVStream {
    /// The next record when it is one whole line of plain ASCII without quotes (most lines of most rosters): split at
    /// once, each field's column its byte's place. Nil, with nothing read, for any other line (``next()`` reads it byte by
    /// byte).
    private func plainLine() -> SourceRecord? {
        var end = findLineFeed()
        if end == nil, !atEnd {
            refill()
            end = findLineFeed()
        }
        guard let lineFeed = end else { return nil }
        let fields: [SourceField]? = buffer.withUnsafeBufferPointer { bytes in
            var stop = lineFeed
            if stop > position, bytes[stop - 1] == 0x0D { stop -= 1 }
            for index in position ..< stop {
                let byte = bytes[index]
                if byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == 0x0D { return nil }
            }
            var fields: [SourceField] = []
            var start = position
            for index in position ... stop where index == stop || bytes[index] == delimiter {
                fields.append(SourceField(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< index]), as: UTF8.self),
                                          line: line, column: start - position + 1))
                start = index + 1
            }
            recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position ..< stop]))
            return fields
        }
        guard let fields else { return nil }
        position = lineFeed + 1
        line += 1
        return SourceRecord(fields: fields, line: recordLine)
    }

    /// Where the next line feed is in the buffer, if it is there.
    private func findLineFeed() -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            for index in position ..< bytes.count where bytes[index] == 0x0A { return index }
            return nil
        }
    }
}

/// A set of ids that stays small for a million rows: 64-bit hashes (FNV-1a) in an open-addressing table, sized once from
/// the number of rows expected (so it never has to grow and copy itself), about 15 bytes an id with its first line.
struct IDSet {
    private var slots: [UInt64]
    private var lines: [UInt32]
    private var count = 0

    init(expected: Int = 1_024) {
        slots = [UInt64](repeating: 0, count: max(16, expected + expected / 3 + 1))
        lines = [UInt32](repeating: 0, count: slots.count)
    }

    /// Inserts an id; false when an id with the same hash is already there (a repeated id, but for a one-in-10^10 chance).
    mutating func insert(_ id: String) -> Bool { firstLine(of: id, line: 0) == nil }

    /// Inserts an id first seen on `line`; when an id with the same hash is already there (a repeated id, but for a
    /// one-in-10^10 chance), the line it was first seen on instead.
    mutating func firstLine(of id: String, line: Int) -> Int? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // FNV-1a barely changes the high bits for ids that differ in their last characters (P0000001, P0000002…), and the
        // slot is taken from the high bits: mixed (MurmurHash3's finalizer), sequential ids spread over the table.
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
        hash = (hash ^ (hash >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        if hash == 0 { hash = 1 }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = slot(hash)
        while slots[index] != 0 {
            if slots[index] == hash { return Int(lines[index]) }
            index = index + 1 == slots.count ? 0 : index + 1
        }
        slots[index] = hash
        lines[index] = UInt32(clamping: line)
        count += 1
        return nil
    }

    /// A hash's first slot: the hash scaled to the table's size.
    private func slot(_ hash: UInt64) -> Int { Int(hash.multipliedFullWidth(by: UInt64(slots.count)).high) }

    private mutating func grow() {
        let old = slots, oldLines = lines
        slots = [UInt64](repeating: 0, count: old.count * 2)
        lines = [UInt32](repeating: 0, count: slots.count)
        for (hash, line) in zip(old, oldLines) where hash != 0 {
            var index = slot(hash)
            while slots[index] != 0 { index = index + 1 == slots.count ? 0 : index + 1 }
            slots[index] = hash
            lines[index] = line
        }
    }
}
