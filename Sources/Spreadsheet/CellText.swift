/// The one rule for text in a cell: the renderers clean a roster's text by it (``isControl(_:)``, ``maximumLength``) and
/// the xlsx writer refuses, by the same rule, any text that still breaks it (``problem(_:)``).
public enum CellText {
    /// The most characters (UTF-16 code units) a cell holds in Excel and LibreOffice.
    public static let maximumLength = 32_767

    /// A control character no cell may hold: every C0 control but tab, line feed and carriage return (XML cannot hold
    /// them), and DEL, U+007F (which XML can hold but no spreadsheet shows).
    @inlinable
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value <= 0x7F && isControl(byte: UInt8(scalar.value)) }

    /// The same rule on a UTF-8 byte: a byte below 0x80 is always a whole character.
    @inlinable
    public static func isControl(byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    /// Whether a spreadsheet would read this text as a formula or a command if it were typed in:
    /// it starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
    @inlinable
    public static func looksLikeFormula(_ text: String) -> Bool { text.utf8.first.map(looksLikeFormula(byte:)) ?? false }

    /// The same rule on a text's first UTF-8 byte.
    @inlinable
    public static func looksLikeFormula(byte first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// The control characters of a text (``isControl(_:)``), in order.
    public static func controlCharacters(in text: String) -> [Unicode.Scalar] { text.unicodeScalars.filter(isControl) }

    /// Why a text cannot be written as it is, or nil when it can.
    @inlinable
    public static func problem(_ text: String) -> String? { problem(utf8: text.utf8) { text } }

    /// The same on a text's UTF-8 bytes, read where they are (a ``CellBatch``'s buffer).
    @inlinable
    public static func problem(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        problem(utf8: bytes) { String(decoding: bytes, as: UTF8.self) }
    }

    @inlinable
    static func problem(utf8 bytes: some Collection<UInt8>, text: () -> String) -> String? {
        // Most texts are short and hold no control byte: one pass over the bytes.
        if bytes.count <= maximumLength && !bytes.contains(where: { isControl(byte: $0) }) { return nil }
        return slowProblem(text())
    }

    @usableFromInline
    static func slowProblem(_ text: String) -> String? {
        if let control = controlCharacters(in: text).first {
            let hex = String(control.value, radix: 16, uppercase: true)
            return "the text holds the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex); remove it from the input"
        }
        if text.utf16.count > maximumLength {
            return "the text has \(text.utf16.count) characters; a cell holds at most \(maximumLength)"
        }
        return nil
    }
}
