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
}
