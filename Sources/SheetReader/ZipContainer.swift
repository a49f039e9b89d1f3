/// A zip archive's table of contents, read from its bytes and checked before any part is unpacked: the end record
/// (and its zip64 form), the central directory, each part's local header. Nothing more of the zip format is read:
/// disk numbers (split archives) are not looked at, and a part's method and encryption flag are refused by the reader
/// of parts unless stored (0) or deflated (8).
///
/// Every loop here walks a count or an offset that the file gives, checked against the file's size before it is
/// used, so it ends on any input: the end record is looked for in the last 65,557 bytes; the directory's entries are
/// at most the limit asked for, each at least 46 bytes inside the directory, which lies inside the file.
struct ZipContainer {
    /// One part as the central directory lists it, its packed bytes located.
    struct Entry {
        /// The part's path inside the archive, `/` separated, as written.
        let path: String
        /// 0 stored, 8 deflated; any other is refused when the part is read.
        let method: Int
        /// The part is encrypted (general-purpose flag bit 0).
        let isEncrypted: Bool
        let crc32: UInt32
        /// Packed bytes, at `start ..< start + packedSize` in the archive.
        let packedSize: Int
        /// Bytes once unpacked, as the directory declares them.
        let size: Int
        let start: Int

        /// A folder entry (`xl/`): nothing to unpack.
        var isFolder: Bool { path.hasSuffix("/") }
    }

    /// Why the table of contents cannot be read.
    enum Fault: Error, Equatable {
        /// No end record, a directory or a local header outside the file or without its signature, sizes that cannot be.
        case damaged
        /// More entries than the limit asked for.
        case tooManyEntries
    }

    let entries: [Entry]

    /// Reads the table of contents of `bytes`, refusing more than `maxEntries` entries before reading them.
    init(_ bytes: [UInt8], maxEntries: Int) throws(Fault) {
        let reader = LittleEndian(bytes)
        guard let end = ZipContainer.endRecord(reader) else { throw .damaged }
        var count = reader.u16(end + 10), directorySize = reader.u32(end + 12), directory = reader.u32(end + 16)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directory == 0xFFFF_FFFF {
            // zip64: a locator just before the end record names the zip64 end record, which holds the real figures.
            guard reader.u32(end - 20) == 0x0706_4B50, let record = reader.u64(end - 12), reader.u32(record) == 0x0606_4B50 else { throw .damaged }
            count = reader.u64(record + 32)
            directorySize = reader.u64(record + 40)
            directory = reader.u64(record + 48)
        }
        guard let count, let directorySize, let directory, directory + directorySize <= bytes.count else { throw .damaged }
        if count > maxEntries { throw .tooManyEntries }
        guard count * 46 <= directorySize else { throw .damaged }

        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var at = directory
        for _ in 0..<count {
            let (entry, next) = try ZipContainer.directoryEntry(reader, at: at, endOfDirectory: directory + directorySize)
            entries.append(entry)
            at = next
        }
        self.entries = entries
    }

    /// The offset of the end-of-central-directory record: the last one within the last 65,557 bytes (22 bytes and a
    /// comment of at most 65,535).
    private static func endRecord(_ reader: LittleEndian) -> Int? {
        let n = reader.bytes.count
        guard n >= 22 else { return nil }
        var at = n - 22
        let lowest = max(0, n - 65_557)
        while at >= lowest {
            if reader.u32(at) == 0x0605_4B50 { return at }
            at -= 1
        }
        return nil
    }

    /// The central directory entry at `at` with its part's local header checked: the entry and where the next begins.
    private static func directoryEntry(_ reader: LittleEndian, at: Int, endOfDirectory: Int) throws(Fault) -> (Entry, Int) {
        guard reader.u32(at) == 0x0201_4B50,
              let flags = reader.u16(at + 8), let method = reader.u16(at + 10), let crc = reader.u32(at + 16),
              var packed = reader.u32(at + 20), var size = reader.u32(at + 24),
              let nameLength = reader.u16(at + 28), let extraLength = reader.u16(at + 30), let commentLength = reader.u16(at + 32),
              var local = reader.u32(at + 42) else { throw .damaged }
        let nameStart = at + 46, extraStart = nameStart + nameLength, next = extraStart + extraLength + commentLength
        guard next <= endOfDirectory else { throw .damaged }
        // zip64 sizes and offset: the extra field 0x0001 holds, in this order, those of the three that are 0xFFFFFFFF.
        if packed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
            guard var field = zip64Field(reader, from: extraStart, to: extraStart + extraLength) else { throw .damaged }
            func take() throws(Fault) -> Int {
                guard field.lowerBound + 8 <= field.upperBound, let value = reader.u64(field.lowerBound) else { throw .damaged }
                field = (field.lowerBound + 8)..<field.upperBound
                return value
            }
            if size == 0xFFFF_FFFF { size = try take() }
            if packed == 0xFFFF_FFFF { packed = try take() }
            if local == 0xFFFF_FFFF { local = try take() }
        }
        guard reader.u32(local) == 0x0403_4B50, let localName = reader.u16(local + 26), let localExtra = reader.u16(local + 28) else { throw .damaged }
        let start = local + 30 + localName + localExtra
        guard start + packed <= reader.bytes.count else { throw .damaged }
        let path = String(decoding: reader.bytes[nameStart..<extraStart], as: UTF8.self)
        return (Entry(path: path, method: method, isEncrypted: flags & 1 != 0, crc32: UInt32(crc), packedSize: packed, size: size, start: start), next)
    }

    /// The data of the zip64 extra field among an entry's extra fields, nil when there is none or a field runs over.
    private static func zip64Field(_ reader: LittleEndian, from start: Int, to end: Int) -> Range<Int>? {
        var at = start
        while at + 4 <= end {
            guard let id = reader.u16(at), let length = reader.u16(at + 2), at + 4 + length <= end else { return nil }
            if id == 0x0001 { return (at + 4)..<(at + 4 + length) }
            at += 4 + length   // each step moves at least 4 bytes on
        }
        return nil
    }
}

/// Little-endian numbers read from a byte array: nil, never a trap, outside it; values too large for an offset are nil.
private struct LittleEndian {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private func value(_ at: Int, _ width: Int) -> UInt64? {
        guard at >= 0, width <= bytes.count, at <= bytes.count - width else { return nil }
        var result: UInt64 = 0
        for i in (0..<width).reversed() { result = result << 8 | UInt64(bytes[at + i]) }
        return result
    }

    func u16(_ at: Int) -> Int? { value(at, 2).map(Int.init) }
    func u32(_ at: Int) -> Int? { value(at, 4).map(Int.init) }
    /// An 8-byte value; nil past 2^48, far beyond any file read whole (the checks against the file's size then fail).
    func u64(_ at: Int) -> Int? { value(at, 8).flatMap { $0 < 1 << 48 ? Int($0) : nil } }
}
