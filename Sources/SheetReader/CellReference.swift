/// Cell references as spreadsheets write them: `C7`, `$C$7`, `AB12`.
public enum CellReference {
    /// The last column a sheet can have (XFD).
    public static let maximumColumn = 16_384
    /// The last row a sheet can have.
    public static let maximumRow = 1_048_576

    /// The column and row of a reference (`$` signs allowed), or nil when it is not one.
    public static func parse(_ text: Substring) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A") + 1)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...maximumColumn).contains(column), (1...maximumRow).contains(row) else { return nil }
        return (column, row)
    }

    /// `A`, `Z`, `AA`, … for a 1-based column.
    public static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// `C7`.
    public static func name(column: Int, row: Int) -> String { columnName(column) + String(row) }
}
