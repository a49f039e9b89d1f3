import BudgetCore

/// The awaiting-a-cap exposure in words: the quoted fares, and each participant with no fare quoted as an unknown amount.
public enum AwaitingCapText {
    /// The sentence every report gives (`Awaiting a cap: participant 8, with a quoted fare of US$ 450.00. No assisted
    /// airfare is budgeted …`): who, their quoted fares and how far the total could rise.
    public static func sentence(ids: [String], fares: Money, withoutFare: Int) -> String {
        "Awaiting a cap: \(IDText.list(ids))\(self.fares(count: ids.count, fares: fares, withoutFare: withoutFare, comma: true)). "
            + "No assisted airfare is budgeted for them and their fares stand in the participant share until the organisers agree a cap; "
            + "if they assist in full, the total rises by \(rise(count: ids.count, fares: fares, withoutFare: withoutFare))."
    }

    static func people(_ n: Int) -> String { n == 1 ? "1 participant" : "\(n) participants" }

    /// What follows the participants awaiting a cap: ` with quoted fares of US$ 520.00`, ` with no fare quoted`, or
    /// `: 1 with a quoted fare of US$ 520.00 and 1 participant with no fare quoted` (`comma` puts a comma before `with`).
    static func fares(count: Int, fares: Money, withoutFare: Int, comma: Bool = false) -> String {
        let with = comma ? ", with" : " with"
        if withoutFare == 0 { return "\(with) \(count == 1 ? "a quoted fare" : "quoted fares") of US$ \(fares.grouped)" }
        if withoutFare == count { return "\(with) no fare quoted" }
        let quoted = count - withoutFare == 1 ? "1 with a quoted fare of" : "\(count - withoutFare) with quoted fares of"
        return ": \(quoted) US$ \(fares.grouped) and \(people(withoutFare)) with no fare quoted"
    }

    /// How far the total could rise: `up to US$ 520.00`, `up to US$ 520.00 plus the fare, not known yet, of 1 participant
    /// with no fare quoted`, or that unknown fare alone (what follows "rises by").
    static func rise(count: Int, fares: Money, withoutFare: Int) -> String {
        if withoutFare == 0 { return "up to US$ \(fares.grouped)" }
        let unknown = withoutFare == 1 ? "the fare, not known yet, of 1 participant with no fare quoted"
            : "the fares, not known yet, of \(withoutFare) participants with no fare quoted"
        if withoutFare == count { return unknown }
        return "up to US$ \(fares.grouped) plus \(unknown)"
    }
}
