import BudgetCore

/// A flag's letter, name and meaning as every legend gives them (the letters: ``BudgetCore/Mark``, the one table).
enum FlagLegend {
    /// `A  above-cap: the fare is above the cap; …`.
    static func entry(letter: String, name: String, meaning: String) -> String { "\(letter)  \(name): \(meaning)" }

    /// `Flags: A above-cap, E estimate (explained on the Summary)`: the letters a table shows, for a note under it.
    static func key(_ marks: [(letter: String, name: String)], explainedOn place: String) -> String {
        "Flags: " + marks.map { "\($0.letter) \($0.name)" }.joined(separator: "; ") + " (each explained \(place))."
    }
}
