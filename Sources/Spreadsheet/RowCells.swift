/// Where one row's cells go, a cell at a time: a list of ``Cell``s for a sheet model (``CellList``), or a ``CellBatch``
/// that a writer takes many rows at a time. A roster sheet's rows are made once, for either.
public protocol RowCells {
    /// Starts a row (0-based); the cells that follow are on it, in increasing columns.
    mutating func startRow(_ row: Int)
    /// Text, always written as a string.
    mutating func text(_ column: Int, _ text: String, _ style: CellStyle)
    mutating func number(_ column: Int, _ number: Double, _ style: CellStyle)
    /// A formula of the row (its holes filled with the row's number) and its cached result.
    mutating func formula(_ column: Int, _ formula: RowFormula, cached: CachedResult, _ style: CellStyle)
    /// A styled cell with nothing in it.
    mutating func blank(_ column: Int, _ style: CellStyle)
}

/// A formula for any row of a sheet: written once with ``RowFormula/row`` where a reference names the row's own number
/// (`"G" + RowFormula.row`), then filled in for each row without building the text again.
public struct RowFormula: Sendable, Equatable {
    /// Stands for the row's number (1-based, as in `G7`) in a formula's text.
    public static let row = "\u{1}"
    /// The formula's UTF-8 bytes between the row numbers.
    let parts: [[UInt8]]
    /// The bytes of the parts together.
    let fixedLength: Int

    /// A formula whose ``row`` marks are filled with each row's number.
    public init(_ text: String) {
        parts = text.utf8.split(separator: 0x01, omittingEmptySubsequences: false).map(Array.init)
        fixedLength = parts.reduce(0) { $0 + $1.count }
    }

    /// The formula's length in bytes with a row number of `digits` digits.
    func length(digits: Int) -> Int { fixedLength + (parts.count - 1) * digits }


    /// The formula of the row numbered `number` (1-based).
    public func text(rowNumber number: Int) -> String {
        var bytes: [UInt8] = []
        append(rowNumber: number, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the formula of the row numbered `number` (1-based) to UTF-8 bytes.
    func append(rowNumber number: Int, to bytes: inout [UInt8]) {
        for (index, part) in parts.enumerated() {
            if index > 0 { appendDecimal(number, to: &bytes) }
            bytes.append(contentsOf: part)
        }
    }
}

/// Appends a non-negative number's decimal digits.
@inline(__always)
func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value.magnitude
    withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
            buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            count += 1
        } while rest > 0
        bytes.append(contentsOf: buffer[(20 - count)...])
    }
}

/// A row's cells as a list, for a sheet model (``Sheet/write(row:_:)``).
public struct CellList: RowCells {
    public private(set) var row = 0
    public private(set) var cells: [(column: Int, cell: Cell)] = []

    public init() { cells.reserveCapacity(18) }

    public mutating func startRow(_ row: Int) {
        self.row = row
        cells.removeAll(keepingCapacity: true)
    }

    public mutating func text(_ column: Int, _ text: String, _ style: CellStyle) { cells.append((column, .text(text, style))) }
    public mutating func number(_ column: Int, _ number: Double, _ style: CellStyle) { cells.append((column, .number(number, style))) }
    public mutating func formula(_ column: Int, _ formula: RowFormula, cached: CachedResult, _ style: CellStyle) {
        cells.append((column, Cell(.formula(formula.text(rowNumber: row + 1), cached: cached), style)))
    }
    public mutating func blank(_ column: Int, _ style: CellStyle) { cells.append((column, Cell(.blank, style))) }
}

/// Many rows' cells packed in one buffer, for a writer on another thread: no cell, text or formula is allocated on its
/// own, and formulas are filled in straight into the buffer. The writer reads them back with ``forEach(_:)``.
public struct CellBatch: RowCells, Sendable {
    /// What one packed cell is.
    public enum Kind: UInt8, Sendable {
        case text, number, formulaNumber, formulaText, blank
    }

    /// One cell read back: its text (a formula, or a text) and cached text point into the buffer, NUL-terminated, and live
    /// only during the call.
    public struct Entry {
        public let row: Int
        public let column: Int
        public let kind: Kind
        /// The cell's style, by its place in ``CellBatch/styles``.
        public let style: Int
        public let number: Double
        /// The text or formula's bytes, without the NUL that follows them.
        public let text: UnsafeBufferPointer<UInt8>
        /// A formula's cached text (``Kind/formulaText``).
        public let cachedText: UnsafeBufferPointer<UInt8>
    }

    /// The buffer (its bytes after `used` are room to fill).
    private var bytes: [UInt8]
    private var used = 0
    private var row = 0
    /// The decimal digits of the row's number (1-based), filled into its formulas.
    private var rowDigits: [UInt8] = []
    /// The styles the cells use, in the order first met.
    public private(set) var styles: [CellStyle] = []
    /// Rows started.
    public private(set) var rows = 0

    public init(capacity: Int = 1 << 16) { bytes = [UInt8](repeating: 0, count: capacity) }

    /// Empties the batch, keeping its buffer (and the styles' places).
    public mutating func removeAll() {
        used = 0
        rows = 0
    }

    /// Bytes packed so far.
    public var byteCount: Int { used }

    public mutating func startRow(_ row: Int) {
        self.row = row
        rows += 1
        rowDigits.removeAll(keepingCapacity: true)
        appendDecimal(row + 1, to: &rowDigits)
    }

    public mutating func text(_ column: Int, _ text: String, _ style: CellStyle) {
        head(.text, column, style)
        var text = text
        text.withUTF8 { appendText($0) }
    }

    public mutating func number(_ column: Int, _ number: Double, _ style: CellStyle) {
        head(.number, column, style)
        appendNumber(number)
    }

    public mutating func formula(_ column: Int, _ formula: RowFormula, cached: CachedResult, _ style: CellStyle) {
        switch cached {
        case .number(let value):
            head(.formulaNumber, column, style)
            appendNumber(value)
            appendFormula(formula)
        case .text(let value):
            head(.formulaText, column, style)
            appendFormula(formula)
            var value = value
            value.withUTF8 { appendText($0) }
        }
    }

    public mutating func blank(_ column: Int, _ style: CellStyle) { head(.blank, column, style) }

    /// Every cell, in the order written.
    public func forEach(_ body: (Entry) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[0 ..< used])
            let base = UnsafeRawBufferPointer(buffer)
            var at = 0
            func read32() -> Int {
                let value = base.loadUnaligned(fromByteOffset: at, as: UInt32.self)
                at += 4
                return Int(UInt32(littleEndian: value))
            }
            func readText() -> UnsafeBufferPointer<UInt8> {
                let count = read32()
                let text = UnsafeBufferPointer(rebasing: buffer[at ..< at + count])
                at += count + 1
                return text
            }
            let none = UnsafeBufferPointer(rebasing: buffer[0 ..< 0])
            while at < buffer.count {
                guard let kind = Kind(rawValue: buffer[at]) else { preconditionFailure("a cell batch holds an unknown kind") }
                let style = Int(buffer[at + 1])
                at += 2
                let column = Int(base.loadUnaligned(fromByteOffset: at, as: UInt16.self).littleEndian)
                at += 2
                let row = read32()
                var number = 0.0, text = none, cachedText = none
                switch kind {
                case .text:
                    text = readText()
                case .number:
                    number = Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
                    at += 8
                case .formulaNumber:
                    number = Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
                    at += 8
                    text = readText()
                case .formulaText:
                    text = readText()
                    cachedText = readText()
                case .blank:
                    break
                }
                try body(Entry(row: row, column: column, kind: kind, style: style, number: number, text: text, cachedText: cachedText))
            }
        }
    }

    // Layout of a cell: kind (1 byte), style (1), column (2), row (4), then a number (8) and/or texts (length (4), bytes,
    // NUL), all little-endian.

    private mutating func head(_ kind: Kind, _ column: Int, _ style: CellStyle) {
        let packed = UInt64(kind.rawValue) | UInt64(styleIndex(style)) << 8 | UInt64(UInt16(truncatingIfNeeded: column)) << 16
            | UInt64(UInt32(truncatingIfNeeded: row)) << 32
        withUnsafeBytes(of: packed.littleEndian) { put($0) }
    }

    /// A style's place in `styles` (a sheet uses a handful: a search of the list is quick).
    private mutating func styleIndex(_ style: CellStyle) -> Int {
        for index in styles.indices where styles[index] == style { return index }
        precondition(styles.count < 255, "a cell batch holds at most 255 styles")
        styles.append(style)
        return styles.count - 1
    }

    /// Copies bytes to the end of the buffer, making room first when needed.
    private mutating func put(_ source: UnsafeRawBufferPointer) {
        let count = source.count
        if used + count > bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(count, bytes.count))) }
        let at = used
        bytes.withUnsafeMutableBytes { buffer in
            guard let from = source.baseAddress, count > 0 else { return }
            (buffer.baseAddress! + at).copyMemory(from: from, byteCount: count)
        }
        used += count
    }

    private mutating func putZero() { withUnsafeBytes(of: UInt8(0)) { put($0) } }

    private mutating func appendUInt32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { put($0) }
    }

    private mutating func appendNumber(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { put($0) }
    }

    private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        appendUInt32(UInt32(truncatingIfNeeded: text.count))
        put(UnsafeRawBufferPointer(text))
        putZero()
    }

    /// A formula filled in with the row's number.
    private mutating func appendFormula(_ formula: RowFormula) {
        appendUInt32(UInt32(truncatingIfNeeded: formula.length(digits: rowDigits.count)))
        let digits = rowDigits
        digits.withUnsafeBytes { digits in
            for (index, part) in formula.parts.enumerated() {
                if index > 0 { put(digits) }
                part.withUnsafeBytes { put($0) }
            }
        }
        putZero()
    }
}
