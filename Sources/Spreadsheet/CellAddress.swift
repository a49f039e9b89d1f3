/// A cell's position, 0-based, with its A1 names.
public struct CellAddress: Hashable, Sendable, Comparable {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func letters(_ column: Int) -> String {
        var n = column + 1
        var text = ""
        while n > 0 {
            let digit = (n - 1) % 26
            text = String(UnicodeScalar(UInt8(65 + digit))) + text
            n = (n - 1) / 26
        }
        return text
    }

    /// Relative reference: `H5`.
    public var a1: String { "\(CellAddress.letters(column))\(row + 1)" }

    /// Absolute reference: `$H$5`.
    public var absolute: String { "$\(CellAddress.letters(column))$\(row + 1)" }

    public static func < (a: CellAddress, b: CellAddress) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangle of cells, first to last inclusive.
public struct CellRange: Hashable, Sendable {
    public let first: CellAddress
    public let last: CellAddress

    public init(_ first: CellAddress, _ last: CellAddress) {
        self.first = first
        self.last = last
    }

    /// Absolute reference: `$B$3:$C$20`.
    public var absolute: String { "\(first.absolute):\(last.absolute)" }

    /// Relative reference: `B3:C20`.
    public var a1: String { "\(first.a1):\(last.a1)" }
}

/// A sheet name as formulas write it: quoted when it holds anything but letters, digits and `_`.
public func quotedSheetName(_ name: String) -> String {
    let plain = name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
    let startsWithDigit = name.first.map { $0.isNumber } ?? true
    return plain && !startsWithDigit ? name : "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
}
