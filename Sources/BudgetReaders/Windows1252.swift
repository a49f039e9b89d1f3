/// Windows-1252, the encoding Excel uses for CSV in Western European settings, and when reading by it is safe.
enum Windows1252 {
    /// The characters of bytes 0x80–0x9F (nil where the encoding leaves a byte undefined); 0xA0–0xFF are Latin-1.
    private static let high: [Character?] = [
        "€", nil, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", nil, "Ž", nil,
        nil, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", nil, "ž", "Ÿ",
    ]

    /// The character a byte stands for, or nil where Windows-1252 defines none.
    static func character(_ byte: UInt8) -> Character? {
        switch byte {
        case 0..<0x80: return Character(Unicode.Scalar(byte))
        case 0x80..<0xA0: return high[Int(byte - 0x80)]
        default: return Character(Unicode.Scalar(byte))
        }
    }

    /// The text the bytes stand for; bytes with no character become U+FFFD.
    static func decode(_ bytes: [UInt8]) -> String {
        String(bytes.map { character($0) ?? "\u{FFFD}" })
    }

    /// Punctuation a name or an organization may hold: no-break space, quotes, dashes, ellipsis, euro, degree, º ª · « ».
    private static let punctuation: Set<Character> = ["\u{00A0}", "‘", "’", "“", "”", "–", "—", "…", "€", "°", "º", "ª", "·", "«", "»"]
    /// Latin-1 letters that Western European names do not use but other code pages put there (Vietnamese marks, Icelandic).
    private static let unlikelyLetters: Set<Character> = ["Ð", "ð", "Þ", "þ", "×", "÷"]

    /// Whether a Windows-1252 reading stays safe, one byte at a time (a file is read in chunks): a byte makes it doubtful
    /// when it is undefined, not a letter or punctuation of a Western European name, or a capital letter right after a
    /// small one (a combining mark of another code page, as Windows-1258 writes Vietnamese).
    struct Doubt {
        private var previous: Character = " "

        /// Whether the byte reads safely as Windows-1252 after the bytes before it.
        mutating func accepts(_ byte: UInt8) -> Bool {
            if byte < 0x80 {
                previous = Character(Unicode.Scalar(byte))
                return true
            }
            guard let c = Windows1252.character(byte) else { return false }
            defer { previous = c }
            if Windows1252.punctuation.contains(c) { return true }
            guard c.isLetter, !Windows1252.unlikelyLetters.contains(c) else { return false }
            return !(c.isUppercase && previous.isLowercase)
        }
    }
}
