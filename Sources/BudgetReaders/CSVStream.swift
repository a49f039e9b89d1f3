import BudgetCore
import Foundation

/// Reads a CSV file's records one at a time, a chunk of bytes at a time: the rules of ``CSVTable`` (RFC 4180 quotes, LF,
/// CRLF or CR line ends, a UTF-8 byte-order mark skipped) in constant memory, for very large rosters.
final class CSVStream {
    private let handle: FileHandle
    private let file: String
    private let delimiter: UInt8
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Bytes read before the buffer, for offsets in messages.
    private var consumed = 0
    private var line = 1
    private var column = 1
    /// The current record's first line as read so far (cut at a few hundred bytes), for excerpts.
    private var lineBytes: [UInt8] = []
    private var lineLength = 0
    static let chunk = 1 << 20

    init(path: String, file: String, delimiter: Character = ",") throws(InputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .missing(path: path, reason: "cannot read the file", hint: "check its permissions (ls -l)")
        }
        self.handle = handle
        self.file = file
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        refill()
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    deinit { try? handle.close() }

    private func refill() {
        consumed += position
        buffer.removeFirst(position)
        position = 0
        if let data = try? handle.read(upToCount: CSVStream.chunk), !data.isEmpty {
            buffer.append(contentsOf: data)
        } else {
            atEnd = true
        }
    }

    /// The next byte, refilling the buffer as needed; nil at the end of the file.
    @inline(__always) private func peek() -> UInt8? {
        if position < buffer.count { return buffer[position] }
        if atEnd { return nil }
        refill()
        return position < buffer.count ? buffer[position] : nil
    }

    @inline(__always) private func take(_ byte: UInt8) throws(InputError) {
        position += 1
        if byte & 0xC0 != 0x80 { column += 1 }   // count characters, not continuation bytes
        lineLength += 1
        if lineBytes.count < 400 { lineBytes.append(byte) }
        if lineLength > RosterReader.maximumLineLength {
            throw .badData([Diagnostic(SourceLocation(file: file, line: line, column: 1),
                                       "line \(line) is longer than any roster row (more than \(RosterReader.maximumLineLength) characters)",
                                       hint: "is this the right file? A roster has one short row per participant")])
        }
    }

    private func newLine() {
        line += 1
        column = 1
        lineLength = 0
    }

    /// The text of the current record's first line, for an excerpt.
    var excerpt: String { String(decoding: lineBytes.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self) }

    /// The next record, or nil at the end of the file.
    func next() throws(InputError) -> CSVRecord? {
        guard peek() != nil else { return nil }
        lineBytes.removeAll(keepingCapacity: true)
        var fields: [CSVField] = []
        var field: [UInt8] = []
        let recordLine = line
        var fieldLine = line, fieldColumn = column
        var inQuotes = false, wasQuoted = false
        func endField() throws(InputError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw .badData([Diagnostic(SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                                           "this field is not UTF-8 text (near byte \(consumed + position))",
                                           excerpt: excerpt, hint: "in Excel, save as \"CSV UTF-8 (Comma delimited)\"")])
            }
            fields.append(CSVField(text: text, line: fieldLine, column: fieldColumn))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while let byte = peek() {
            if inQuotes {
                try take(byte)
                if byte == UInt8(ascii: "\"") {
                    if peek() == UInt8(ascii: "\"") {
                        try take(UInt8(ascii: "\""))
                        field.append(UInt8(ascii: "\""))
                    } else {
                        inQuotes = false
                    }
                } else if byte == 0x0A || (byte == 0x0D && peek() == 0x0A) {
                    if byte == 0x0D { position += 1 }
                    field.append(0x0A)
                    newLine()
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case delimiter:
                try take(byte)
                try endField()
                fieldLine = line
                fieldColumn = column
            case 0x0A, 0x0D:
                position += 1
                if byte == 0x0D, peek() == 0x0A { position += 1 }
                try endField()
                newLine()
                return CSVRecord(fields: fields, line: recordLine)
            case UInt8(ascii: "\"") where field.isEmpty && !wasQuoted:
                try take(byte)
                inQuotes = true
                wasQuoted = true
            default:
                try take(byte)
                field.append(byte)
            }
        }
        if inQuotes {
            throw .badData([Diagnostic(SourceLocation(file: file, line: fieldLine, column: fieldColumn), "a quoted field is never closed",
                                       excerpt: excerpt,
                                       hint: "close the field with a double quote; a quote inside a quoted field is written twice (\"\")")])
        }
        try endField()
        return CSVRecord(fields: fields, line: recordLine)
    }
}

/// A set of ids that stays small for a million rows: 64-bit hashes (FNV-1a) in an open-addressing table, sized once from
/// the number of rows expected (so it never has to grow and copy itself), about 11 bytes an id.
struct IDSet {
    private var slots: [UInt64]
    private var count = 0

    init(expected: Int = 1_024) {
        slots = [UInt64](repeating: 0, count: max(16, expected + expected / 3 + 1))
    }

    /// Inserts an id; false when an id with the same hash is already there (a repeated id, but for a one-in-10^10 chance).
    mutating func insert(_ id: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if hash == 0 { hash = 1 }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        var index = slot(hash)
        while slots[index] != 0 {
            if slots[index] == hash { return false }
            index = index + 1 == slots.count ? 0 : index + 1
        }
        slots[index] = hash
        count += 1
        return true
    }

    /// A hash's first slot: the hash scaled to the table's size.
    private func slot(_ hash: UInt64) -> Int { Int(hash.multipliedFullWidth(by: UInt64(slots.count)).high) }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        for hash in old where hash != 0 {
            var index = slot(hash)
            while slots[index] != 0 { index = index + 1 == slots.count ? 0 : index + 1 }
            slots[index] = hash
        }
    }
}
