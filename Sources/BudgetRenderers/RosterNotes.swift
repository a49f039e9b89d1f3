import BudgetCore

/// What every report says about how its roster was read.
enum RosterNotes {
    /// The words naming the roster's headers that no rule reads, after a label "Not read:"; nil when every header was read.
    static func unusedColumns(_ columns: [String]) -> String? {
        guard !columns.isEmpty else { return nil }
        let names = columns.map(\.quoted).joined(separator: ", ")
        return "\(columns.count == 1 ? "column" : "columns") \(names) (no rule uses \(columns.count == 1 ? "it" : "them"); "
            + "Tables/rosters/README.md lists every name read, and --columns NAME=HEADER maps a header)"
    }

    /// The same as a sentence on its own: "Not read: columns …".
    static func unusedColumnsSentence(_ columns: [String]) -> String? {
        unusedColumns(columns).map { "Not read: \($0)." }
    }

    /// The label of the text reports' lines on how the roster was read (a total row left out, a column read by what it holds).
    static let readingLabel = "Reading notes:  "

    /// The text lines of the notes on how the roster was read, under the report's header labels (none when there are none).
    static func readingLines(_ notes: [String], indent: String = String(repeating: " ", count: 16)) -> [String] {
        notes.enumerated().flatMap { index, note in
            TextLayout.wrap(note, first: index == 0 ? readingLabel : indent, indent: indent)
        }
    }
}
