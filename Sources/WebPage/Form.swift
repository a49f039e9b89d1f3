import Foundation

/// A submitted form: its fields in order, each a value or an uploaded file's bytes. Read from `multipart/form-data` (every
/// form of the pages) or `application/x-www-form-urlencoded`, within bounds: a malformed body is a ``FormError`` saying
/// what is wrong, never a crash.
struct Form: Sendable {
    struct Field: Sendable {
        let name: String
        /// The file name the browser gave, for a file field (its last path component only; may be empty: no file chosen).
        let filename: String?
        let bytes: [UInt8]

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    let fields: [Field]

    /// At most this many fields (every form of the pages has fewer than 40).
    static let maximumFields = 200
    /// A part's headers are at most this long.
    static let maximumPartHeaders = 8 * 1024

    /// The first value of a field, trimmed of spaces; nil when absent or empty.
    func value(_ name: String) -> String? {
        guard let field = fields.first(where: { $0.name == name && $0.filename == nil }) else { return nil }
        let text = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Every value of a field (a group of checkboxes), in order, empty ones left out.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name && $0.filename == nil }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The lines of a text area, trimmed, empty ones left out.
    func lines(_ name: String) -> [String] {
        (value(name) ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether a checkbox is ticked.
    func isOn(_ name: String) -> Bool { value(name) != nil }

    /// The uploaded file of a field; nil when none was chosen (a browser sends an empty part with an empty file name).
    func file(_ name: String) -> Field? {
        fields.first { $0.name == name && $0.filename != nil && !($0.filename!.isEmpty && $0.bytes.isEmpty) }
    }

    /// Reads a body by its content type.
    static func read(_ body: [UInt8], contentType: String?) throws(FormError) -> Form {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") { return try multipart(body, boundary: try boundary(contentType ?? "")) }
        if type.hasPrefix("application/x-www-form-urlencoded") { return try urlEncoded(body) }
        throw .malformed("the form was not sent as multipart/form-data (Content-Type: \(contentType.map { String($0.prefix(80)) } ?? "none"))")
    }

    /// The boundary of a `multipart/form-data` content type: 1 to 70 characters, quoted or not.
    static func boundary(_ contentType: String) throws(FormError) -> [UInt8] {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F || $0 == 0x20 }) else {
                throw .malformed("the multipart boundary is not 1 to 70 printable characters")
            }
            return Array(value.utf8)
        }
        throw .malformed("the multipart form has no boundary")
    }

    /// Reads `multipart/form-data` (RFC 7578): `--boundary`, each part's headers, a blank line, its bytes, up to the next
    /// `CRLF--boundary`, and `--boundary--` at the end.
    static func multipart(_ body: [UInt8], boundary: [UInt8]) throws(FormError) -> Form {
        let delimiter = Array("--".utf8) + boundary
        let separator = Array("\r\n".utf8) + delimiter
        guard var position = find(delimiter, in: body, from: 0) else { throw .malformed("the form's first boundary is missing") }
        position += delimiter.count
        var fields: [Field] = []
        while true {
            // After a boundary: `--` ends the form, else a line break starts a part.
            if body.count >= position + 2, body[position] == 0x2D, body[position + 1] == 0x2D { break }
            guard body.count >= position + 2, body[position] == 0x0D, body[position + 1] == 0x0A else {
                throw .malformed("a boundary is not followed by a line break")
            }
            position += 2
            guard let headersEnd = find(Array("\r\n\r\n".utf8), in: body, from: position, within: maximumPartHeaders) else {
                throw .malformed("a part's headers do not end with a blank line within \(maximumPartHeaders / 1024) KB")
            }
            let (name, filename) = try disposition(Array(body[position..<headersEnd]))
            let start = headersEnd + 4
            guard let end = find(separator, in: body, from: start) else { throw .malformed("the part `\(name)` has no closing boundary") }
            guard fields.count < maximumFields else { throw .malformed("the form has more than \(maximumFields) fields") }
            fields.append(Field(name: name, filename: filename, bytes: Array(body[start..<end])))
            position = end + separator.count
        }
        return Form(fields: fields)
    }

    /// A part's name and file name, from its `Content-Disposition: form-data; name="…"; filename="…"` header.
    static func disposition(_ headerBytes: [UInt8]) throws(FormError) -> (name: String, filename: String?) {
        let headers = String(decoding: headerBytes, as: UTF8.self)
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            let parameters = parameters(String(line[line.index(after: colon)...]))
            guard parameters.first?.key.lowercased() == "form-data", let name = parameters.first(where: { $0.key == "name" })?.value else {
                throw .malformed("a part's Content-Disposition is not form-data with a name")
            }
            let filename = parameters.first { $0.key == "filename" }?.value
            return (name, filename.map(lastPathComponent))
        }
        throw .malformed("a part has no Content-Disposition header")
    }

    /// `form-data; name="a"; filename="b.csv"` as ordered pairs (a bare word has an empty value); a quoted value may hold `;`.
    static func parameters(_ text: String) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        var chars = Substring(text)
        while !chars.isEmpty {
            chars = chars.drop { $0 == " " || $0 == ";" || $0 == "\t" }
            let key = chars.prefix { $0 != "=" && $0 != ";" }
            chars = chars.dropFirst(key.count)
            var value = ""
            if chars.first == "=" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    chars = chars.dropFirst()
                    // Browsers write `"` in a file name as %22 and a line break as %0A, and never escape `\` (an old
                    // browser sends a whole Windows path): a backslash is a character, not an escape.
                    while let c = chars.first, c != "\"" {
                        value.append(c)
                        chars = chars.dropFirst()
                    }
                    chars = chars.dropFirst()
                } else {
                    let bare = chars.prefix { $0 != ";" }
                    value = bare.trimmingCharacters(in: .whitespaces)
                    chars = chars.dropFirst(bare.count)
                }
            }
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { pairs.append((trimmed, value)) }
        }
        return pairs
    }

    /// The last component of a file name a browser (or an old one, with the whole path) sent: after the last `/` or `\`.
    static func lastPathComponent(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
    }

    /// Reads `name=value&…` with `+` for space and `%XX` escapes.
    static func urlEncoded(_ body: [UInt8]) throws(FormError) -> Form {
        var fields: [Field] = []
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count < maximumFields else { throw .malformed("the form has more than \(maximumFields) fields") }
            let name = String(decoding: try percentDecoded(parts[0]), as: UTF8.self)
            fields.append(Field(name: name, filename: nil, bytes: parts.count > 1 ? try percentDecoded(parts[1]) : []))
        }
        return Form(fields: fields)
    }

    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) throws(FormError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else {
                    throw .malformed("a `%` in the form is not followed by two hexadecimal digits")
                }
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Where `needle` starts in `haystack` at or after `from` (and, with `within`, starting no further than that many bytes on).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, within: Int? = nil) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let last = min(haystack.count - needle.count, within.map { from + $0 } ?? Int.max)
        let first = needle[0]
        return haystack.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                var i = from
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

/// A form the server cannot read: the reason, for the error page (status 400).
enum FormError: Error, CustomStringConvertible {
    case malformed(String)

    var description: String {
        switch self {
        case .malformed(let reason): return "The form could not be read: \(reason). Reload the page and send it again."
        }
    }
}
