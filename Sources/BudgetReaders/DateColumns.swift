import BudgetCore

/// Which of day and month comes first in each date column, learnt from the column itself: a column holding `16/12/2023`
/// (which can only be day first) reads its `11/12/2023` day first too, and says so in a note. A column with no such date,
/// one holding dates written both ways, or columns that disagree (one day first, another month first) still ask
/// (`--date-order`). The roster's cells are looked at only when an ambiguous date is met, so a roster of ISO dates pays
/// nothing for it.
final class DateColumns {
    /// A date that can be read only one way, and where it is.
    struct Witness {
        let text: String
        let line: Int
        let order: DateOrder
    }

    /// What a column's dates say: its first date that can only be day first, and its first that can only be month first.
    struct Evidence {
        var dayFirst: Witness?
        var monthFirst: Witness?
    }

    /// How a column's ambiguous dates are read: in its own order (with the date that settles it), or not (and why, when
    /// something in the roster is worth saying).
    enum Reading {
        case settled(DateOrder, by: Witness)
        case unsettled(why: String?)
    }

    /// The ambiguous dates a column's order decided: how many, on which rows, and the first of them.
    struct Read {
        var count = 0
        var lines = LineRanges()
        let first: (text: String, line: Int, column: Int, date: CivilDate, excerpt: String?)
        let by: Witness
    }

    /// Reads every date column's cells once, when first needed.
    private let look: () -> [String: Evidence]
    private var evidence: [String: Evidence]?
    /// A record's place in a message (`line 14`, `row 14`).
    private let rowName: (Int) -> String
    /// The ambiguous dates read, by column.
    private(set) var read: [String: Read] = [:]

    init(look: @escaping () -> [String: Evidence], rowName: @escaping (Int) -> String) {
        self.look = look
        self.rowName = rowName
    }

    /// How the ambiguous dates of a column are read.
    func reading(of column: String) -> Reading {
        if evidence == nil { evidence = look() }
        let all = evidence ?? [:]
        let mine = all[column] ?? Evidence()
        let others = all.filter { $0.key != column }.sorted { $0.key < $1.key }
        if let day = mine.dayFirst, let month = mine.monthFirst {
            return .unsettled(why: "`\(column)` holds dates written both ways: \(said(day)) and \(said(month))")
        }
        if let own = mine.dayFirst ?? mine.monthFirst {
            if let (name, other) = others.lazy.compactMap({ o in (own.order == .dmy ? o.value.monthFirst : o.value.dayFirst).map { (o.key, $0) } }).first {
                return .unsettled(why: "the date columns disagree: `\(column)` writes its dates \(DateColumns.words(own.order)) (\(said(own))) "
                                  + "but `\(name)` \(DateColumns.words(other.order)) (\(said(other)))")
            }
            return .settled(own.order, by: own)
        }
        if let (name, other) = others.lazy.compactMap({ o in (o.value.dayFirst ?? o.value.monthFirst).map { (o.key, $0) } }).first {
            return .unsettled(why: "no date in `\(column)` says which, though `\(name)` writes its dates \(DateColumns.words(other.order)) (\(said(other)))")
        }
        return .unsettled(why: nil)
    }

    /// Records an ambiguous date read in its column's order.
    func didRead(_ column: String, text: String, line: Int, place: Int, date: CivilDate, by witness: Witness, excerpt: () -> String?) {
        if read[column] == nil { read[column] = Read(first: (text, line, place, date, excerpt()), by: witness) }
        read[column]!.count += 1
        read[column]!.lines.add(line)
    }

    /// `day first (DD/MM/YYYY)`.
    static func words(_ order: DateOrder) -> String { order == .dmy ? "day first" : "month first" }

    private func said(_ witness: Witness) -> String { "\(witness.text.quoted), \(rowName(witness.line))" }

    /// The evidence of the date columns (0-based places by name), from every record after the header. A record that cannot
    /// be read ends the look; the reading proper reports it.
    static func evidence(of records: RecordSource, header: SourceRecord, places: [(name: String, place: Int)]) -> [String: Evidence] {
        var found: [String: Evidence] = [:]
        while let record = try? records.next() {
            guard record.line > header.line else { continue }
            for (name, place) in places where place < record.fields.count {
                let text = record.fields[place].text
                guard let order = DateText.onlyOrder(text) else { continue }
                let witness = Witness(text: RosterRow.plain(text), line: record.line, order: order)
                var evidence = found[name] ?? Evidence()
                if order == .dmy, evidence.dayFirst == nil { evidence.dayFirst = witness }
                if order == .mdy, evidence.monthFirst == nil { evidence.monthFirst = witness }
                found[name] = evidence
            }
        }
        return found
    }
}
