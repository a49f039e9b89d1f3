import BudgetCore

/// A table file's bytes as text: UTF-8 only (a roster's encoding is chosen by ``RosterScan``).
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

    /// Refuses workbooks, UTF-16 text and files with NUL bytes: none of them is CSV or TOML text.
    private static func refuseNonText(_ bytes: [UInt8], file: String, hint: String) throws(InputError) {
        try refuseNonTextStart(bytes.prefix(4), file: file, hint: hint)
        if let nul = bytes.firstIndex(of: 0) {
            throw refusal(bytes, offset: nul, file: file, "the file holds a NUL byte, so it is not text", hint: hint)
        }
    }

    /// Refuses a file whose first bytes say it is a workbook or UTF-16 text; `hint` is the message's, except that a
    /// roster's (``excelHint``) says how to give a workbook.
    static func refuseNonTextStart(_ start: some Collection<UInt8>, file: String, hint: String) throws(InputError) {
        func refuse(_ message: String) -> InputError {
            .badData([Diagnostic(SourceLocation(file: file, line: 0, column: 0), message, hint: hint)])
        }
        // A roster's hints say how to give a workbook; a table file keeps its own.
        func workbook(_ message: String, _ rosterHint: String) -> InputError {
            .badData([Diagnostic(SourceLocation(file: file, line: 0, column: 0), message, hint: hint == excelHint ? rosterHint : hint)])
        }
        if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw workbook("this is a workbook (.xlsx or .ods) or another zip file, not text",
                           "travel-budget reads .xlsx and .ods rosters by their name: if it is a workbook, name it .xlsx (or .ods)")
        }
        if start.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw workbook("this is an old Excel workbook (.xls), not text",
                           "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), or \(excelHint.dropFirst(10))")
        }
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            throw refuse("the file is UTF-16 text (what Excel calls \"Unicode Text\")")
        }
    }

    /// An error at a byte offset, with the line and column it falls on and that line as excerpt (read as UTF-8, with
    /// U+FFFD for what is not).
    private static func refusal(_ bytes: [UInt8], offset: Int, file: String, _ message: String, hint: String) -> InputError {
        func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
        let column = decode(Array(bytes[lineStart..<offset])).count + 1
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.endIndex
        let excerpt = decode(Array(bytes[lineStart..<lineEnd])).sourceLines().first.map(String.init)
        return .badData([Diagnostic(SourceLocation(file: file, line: line, column: column),
                                    "\(message) (byte offset \(offset) is 0x\(hex(bytes[offset])))",
                                    excerpt: excerpt, hint: hint)])
    }

    /// A byte in two hexadecimal digits, as messages show it.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

/// One pass over bytes as UTF-8: where the first invalid sequence starts.
struct UTF8Scan {
    private(set) var firstInvalid: Int?

    init(_ bytes: [UInt8]) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
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
