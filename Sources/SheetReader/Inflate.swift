internal import CZlib

/// A zip part's packed bytes unpacked with the system zlib, bounded on both sides: zlib is given exactly the part's
/// packed bytes and room for at most one byte more than the size the directory declares.
enum Inflate {
    /// Why a part's bytes cannot be unpacked.
    enum Fault: Error, Equatable {
        /// The stream unpacks to more than the declared size.
        case longerThanDeclared
        /// The part's packed bytes end before its stream does.
        case endsEarly
        /// The stream ended at fewer bytes than declared.
        case shorterThanDeclared(Int)
        /// The bytes are not a deflate stream zlib can read (zlib's own words when it gives them).
        case notDeflate(String)
        /// The unpacked bytes do not have the checksum the directory declares.
        case checksum
    }

    /// Unpacks `packed` (method 8, raw deflate) to exactly `size` bytes whose CRC-32 is `crc`.
    ///
    /// Ends on any input: every call to zlib either consumes packed bytes, or fills output (at most `size + 1`
    /// bytes), or the loop stops with a fault; the output grows to at most `size + 1` by doubling.
    static func deflated(_ packed: ArraySlice<UInt8>, size: Int, crc: UInt32) throws(Fault) -> [UInt8] {
        var stream = z_stream()
        guard travel_budget_inflate_init_raw(&stream) == Z_OK else { throw .notDeflate("zlib could not start") }
        defer { inflateEnd(&stream) }
        let limit = size + 1   // one spare byte: a stream that writes it is longer than declared
        var out = [UInt8](repeating: 0, count: min(limit, max(65_536, packed.count * 4)))
        var produced = 0
        var consumed = 0
        let result: Result<Void, Fault> = packed.withUnsafeBufferPointer { input in
            while true {
                if produced == out.count {
                    if out.count == limit { return .failure(.longerThanDeclared) }
                    out.append(contentsOf: repeatElement(0, count: min(limit, out.count * 2) - out.count))
                }
                let offered = min(input.count - consumed, Int(UInt32.max))
                let room = min(out.count - produced, Int(UInt32.max))
                let code: Int32 = out.withUnsafeMutableBufferPointer { output in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + consumed })
                    stream.avail_in = UInt32(offered)
                    stream.next_out = output.baseAddress.map { $0 + produced }
                    stream.avail_out = UInt32(room)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let took = offered - Int(stream.avail_in), gave = room - Int(stream.avail_out)
                consumed += took
                produced += gave
                switch code {
                case Z_STREAM_END:
                    return .success(())
                case Z_OK, Z_BUF_ERROR:
                    if produced == out.count { continue }                  // out of room: grow, or longer than declared
                    if consumed == input.count { return .failure(.endsEarly) }
                    if took == 0 && gave == 0 { return .failure(.notDeflate("no progress")) }
                default:
                    return .failure(.notDeflate(stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"))
                }
            }
        }
        try result.get()
        if produced != size { throw .shorterThanDeclared(produced) }
        out.removeLast(out.count - produced)
        if checksum(out) != crc { throw .checksum }
        return out
    }

    /// A stored part (method 0): its bytes as they are, checked against the declared size and CRC-32.
    static func stored(_ packed: ArraySlice<UInt8>, size: Int, crc: UInt32) throws(Fault) -> [UInt8] {
        if packed.count > size { throw .longerThanDeclared }
        if packed.count < size { throw .shorterThanDeclared(packed.count) }
        let bytes = Array(packed)
        if checksum(bytes) != crc { throw .checksum }
        return bytes
    }

    /// zlib's CRC-32 of `bytes`, fed in pieces zlib's 32-bit lengths can hold.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc = crc32(0, nil, 0)
            var at = 0
            while at < buffer.count {
                let length = min(buffer.count - at, 1 << 30)
                crc = crc32(crc, buffer.baseAddress! + at, UInt32(length))
                at += length
            }
            return UInt32(crc)
        }
    }
}
