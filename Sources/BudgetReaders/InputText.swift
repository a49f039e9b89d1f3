import BudgetCore

/// An input file's bytes as text: UTF-8, or for a roster a Windows-1252 reading when that is unambiguous.
enum InputText {
    /// How Excel's save dialog names the one format that needs no guessing.
    static let excelHint = "in Excel, save as \"CSV UTF-8 (Comma delimited) (*.csv)\""

    /// UTF-8 text (a table file); anything else is refused with the offset of the first byte that is not.
    static func utf8(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        try refuseNonText(bytes, file: file, hint: "save the file as UTF-8 text")
        let scan = UTF8Scan(bytes)
        if let offset = scan.firstInvalid {
            throw refusal(bytes, offset: offset, file: file, "the file is not UTF-8 text", hint: "save the file as UTF-8 text")
        }
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        return String(decoding: bytes.starts(with: byteOrderMark) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
    }

    /// A roster's text and, when it was not UTF-8, a note saying how it was read.
    static func roster(_ bytes: [UInt8], file: String) throws(InputError) -> (text: String, note: Diagnostic?) {
        try refuseNonText(bytes, file: file, hint: excelHint)
        let scan = UTF8Scan(bytes)
        guard let invalid = scan.firstInvalid else { return (String(decoding: bytes, as: UTF8.self), nil) }
        if scan.hasMultibyte {
            throw refusal(bytes, offset: invalid, file: file,
                          "the file mixes UTF-8 with another encoding, so no reading of it is safe", hint: excelHint)
        }
        if let offset = Windows1252.firstDoubtful(bytes) {
            let reading = Windows1252.character(bytes[offset]).map { "`\($0)`, which no Western European name uses there" }
                ?? "no character at all"
            throw refusal(bytes, offset: offset, file: file,
                          "the file is not UTF-8, and read as Windows-1252 (Western European) this byte would be \(reading)",
                          hint: excelHint, decode: Windows1252.decode)
        }
        let text = Windows1252.decode(bytes)
        let lines = text.sourceLines()
        guard let (lineIndex, line) = lines.enumerated().first(where: { !$0.element.allSatisfy(\.isASCII) }),
              let position = line.firstIndex(where: { !$0.isASCII }) else { return (text, nil) }
        let wordStart = line[..<position].lastIndex(where: { !$0.isLetter }).map(line.index(after:)) ?? line.startIndex
        let word = line[wordStart...].prefix { $0.isLetter || !$0.isASCII }
        let note = Diagnostic(
            SourceLocation(file: file, line: lineIndex + 1, column: line.distance(from: line.startIndex, to: position) + 1),
            "the file is not UTF-8; it was read as Windows-1252 (Western European), as Excel saves CSV in some settings",
            excerpt: String(line),
            hint: "check that the names read right (here: \(String(word).quoted)); to be sure, \(excelHint)",
            severity: .note)
        return (text, note)
    }

    /// Refuses workbooks, UTF-16 text and files with NUL bytes: none of them is CSV or TOML text.
    private static func refuseNonText(_ bytes: [UInt8], file: String, hint: String) throws(InputError) {
        func refuse(_ message: String) -> InputError {
            .badData([Diagnostic(SourceLocation(file: file, line: 0, column: 0), message, hint: hint)])
        }
        // A roster's hints say how to give a workbook; a table file keeps its own.
        func workbook(_ message: String, _ rosterHint: String) -> InputError {
            .badData([Diagnostic(SourceLocation(file: file, line: 0, column: 0), message, hint: hint == excelHint ? rosterHint : hint)])
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw workbook("this is a workbook (.xlsx or .ods) or another zip file, not text",
                           "travel-budget reads .xlsx and .ods rosters by their name: if it is a workbook, name it .xlsx (or .ods)")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw workbook("this is an old Excel workbook (.xls), not text",
                           "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), or \(excelHint.dropFirst(10))")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw refuse("the file is UTF-16 text (what Excel calls \"Unicode Text\")")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw refusal(bytes, offset: nul, file: file, "the file holds a NUL byte, so it is not text", hint: hint)
        }
    }

    /// An error at a byte offset, with the line and column it falls on and that line as excerpt.
    /// `decode` reads the line for the excerpt (UTF-8 with U+FFFD for what is not, unless told otherwise).
    private static func refusal(_ bytes: [UInt8], offset: Int, file: String, _ message: String, hint: String,
                                decode: ([UInt8]) -> String = { String(decoding: $0, as: UTF8.self) }) -> InputError {
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
        let column = decode(Array(bytes[lineStart..<offset])).count + 1
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.endIndex
        let excerpt = decode(Array(bytes[lineStart..<lineEnd])).sourceLines().first.map(String.init)
        return .badData([Diagnostic(SourceLocation(file: file, line: line, column: column),
                                    "\(message) (byte offset \(offset) is 0x\(hex(bytes[offset])))",
                                    excerpt: excerpt, hint: hint)])
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

/// One pass over bytes as UTF-8: where the first invalid sequence starts, and whether any character is multibyte.
struct UTF8Scan {
    private(set) var firstInvalid: Int?
    private(set) var hasMultibyte = false

    init(_ bytes: [UInt8]) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count > 1 { hasMultibyte = true }
                offset += scalar.count
            case .error(let length):
                if firstInvalid == nil { firstInvalid = offset }
                offset += length
            case .emptyInput:
                return
            }
        }
    }
}
