import BudgetCore

/// One field of a roster record with where it began: a line and column of a CSV file, or (next) a row and column of a
/// workbook's sheet; ``RecordSource/location(line:column:)`` turns it into a message's place.
struct SourceField: Sendable {
    let text: String
    /// The field's line (a sheet's row).
    let line: Int
    /// The field's column, in characters from 1 (a sheet's column number).
    let column: Int
}

/// One record (row) of a roster, whatever it was read from.
struct SourceRecord: Sendable {
    let fields: [SourceField]
    /// The line the record began on (a sheet's row).
    let line: Int
    /// A workbook row's cells that cannot be read (an error value, a formula without a stored result), in the columns read:
    /// refused, unless the row is a total row (``RosterTotals``), which is not read as a participant.
    var cellProblems: [Diagnostic] = []
    /// A workbook row's fields (by index) whose cell holds a `SUM` or `SUBTOTAL` formula: the mark of a total row.
    var sumFields: [Int] = []
    var isBlank: Bool { fields.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
}

/// Where a roster's records come from, one at a time: a CSV file (``CSVStream``) today; a workbook's sheet plugs in here
/// with its cells as fields (row and column) and locations that print as a cell reference (`roster.xlsx:[Roster]!C7`).
protocol RecordSource: AnyObject {
    /// The next record, or nil at the end.
    func next() throws(InputError) -> SourceRecord?
    /// The text of a line of the current record, for an excerpt under a message (nil where there is no line to show).
    func excerpt(line: Int) -> String?
    /// A message's place for a field's line and column.
    func location(line: Int, column: Int) -> SourceLocation
}
