/// The rules every text cell obeys before it reaches the file.
enum CellText {
    /// The most characters a cell holds in Excel and LibreOffice.
    static let maximumLength = 32_767

    /// Whether a spreadsheet would read this text as a formula or a command if it were typed in:
    /// it starts with `=`, `+`, `-`, `@`, a tab or a carriage return.
    static func looksLikeFormula(_ text: String) -> Bool {
        switch text.utf8.first {
        case UInt8(ascii: "=")?, UInt8(ascii: "+")?, UInt8(ascii: "-")?, UInt8(ascii: "@")?, 0x09?, 0x0D?: return true
        default: return false
        }
    }

    /// The control characters XML cannot hold (all below U+0020 except tab, line feed and carriage return).
    static func controlCharacters(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value) }
    }

    /// Why a text cannot be written as it is, or nil when it can.
    static func problem(_ text: String) -> String? {
        // Most texts are short and hold no byte below 0x20 but tab, line feed and carriage return: one pass over the bytes.
        let utf8 = text.utf8
        if utf8.count <= maximumLength && !utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { return nil }
        if let control = controlCharacters(in: text).first {
            return "the text holds the control character U+\(String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)); remove it from the input"
        }
        if text.utf16.count > maximumLength {
            return "the text has \(text.utf16.count) characters; a cell holds at most \(maximumLength)"
        }
        return nil
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
