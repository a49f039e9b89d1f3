import BudgetCore

/// Total and subtotal rows of an officer's sheet (`Total`, `Subtotal`, `Sum`, `Grand total`, `TOTAL:`, or a workbook row of
/// `=SUM(…)` amounts): recognised, left out of the participants, said in a note, and their amounts checked, to the cent,
/// against the participant rows above them.
///
/// A row is a total row when it has no point of departure and either its id or name holds a total's word (the other empty
/// or a total's word too; with both empty, its first filled cell), or, with id and name empty, an amount cell holds a
/// `SUM` or `SUBTOTAL` formula. A row with a point of departure is never a total row.
struct RosterTotals {
    /// The roster's amount columns: name (a fare column named with a currency by its header), place, and whether it holds
    /// fares (which may be in another currency: each is summed in its own).
    private let amounts: [(name: String, place: Int, isFare: Bool)]
    /// The participant rows read so far, and those since the last total row.
    private var all: Rows
    private var group: Rows
    /// Total rows met before any participant row (a total above its rows), checked against every row at the end.
    private var above: [(record: SourceRecord, label: String, excerpt: String?)] = []
    /// What is said on stderr, and the same in the report's words, in the order of the rows.
    private(set) var notes: [Diagnostic] = []
    private(set) var sentences: [String] = []

    /// A run of participant rows: their amounts summed by column and currency, how many, their first and last lines.
    private struct Rows {
        /// Each column's sum in US$, and in any other currency its fares were quoted in.
        var usd: [Money]
        var other: [[String: Money]]
        var count = 0
        var first = 0
        var last = 0

        init(columns: Int) {
            usd = Array(repeating: .zero, count: columns)
            other = Array(repeating: [:], count: columns)
        }

        /// The sums of a column, by currency (US$ only where some row gave it).
        func sums(_ column: Int, usdUsed: Bool) -> [String: Money] {
            usdUsed ? other[column].merging(["USD": usd[column]]) { a, _ in a } : other[column]
        }

        mutating func add(line: Int) {
            if count == 0 { first = line }
            count += 1
            last = line
        }

        mutating func add(_ amount: Money, currency: String?, column: Int) {
            if let currency { other[column][currency, default: .zero] += amount } else { usd[column] += amount }
        }
    }
    /// Whether a column's rows gave any amount in US$ (a fare column's may all be in another currency).
    private var usdUsed: [Bool]

    init(columns: ColumnPlaces, fares: RosterRecords.FareColumns = RosterRecords.FareColumns()) {
        amounts = RosterColumns.amounts.compactMap { name in columns[name].map { (name, $0, name == "fare_usd") } }
            + fares.quoted.map { ($0.header, $0.place, true) }
        all = Rows(columns: amounts.count)
        group = all
        usdUsed = amounts.map { !$0.isFare }
    }

    /// The words a total row is labelled with, once case, punctuation, a parenthesis and a dollar unit are set aside.
    private static let labels: Set<String> = ["total", "totals", "subtotal", "subtotals", "sub total", "sub totals", "sum", "grand total",
                                              "overall total", "total cost", "total costs", "total amount", "sum total"]

    /// Whether a cell's text labels a total row: `Total`, `TOTAL:`, `Sub-total`, `Grand Total`, `Sum`, `Total (US$)`.
    static func isLabel(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 40 else { return false }
        let lowered = text.lowercased()
        let head = lowered.firstIndex(of: "(").map { lowered[..<$0] } ?? Substring(lowered)
        let words = head.split(whereSeparator: { !$0.isLetter }).filter { !["us", "usd"].contains($0) }
        return labels.contains(words.joined(separator: " "))
    }

    /// Whether a formula's text is a sum (`SUM(E2:E12)`, `SUBTOTAL(9,E2:E12)`, `=sum(…)`): what a total row's amounts hold.
    static func isSum(_ formula: String) -> Bool {
        let text = formula.drop { $0 == "=" || $0 == " " }.uppercased()
        return text.hasPrefix("SUM(") || text.hasPrefix("SUBTOTAL(")
    }

    /// The label that makes a record a total row (`Total`; empty for a row marked only by its SUM formulas); nil for any
    /// other row.
    static func label(of record: SourceRecord, columns: ColumnPlaces) -> String? {
        func text(_ name: String) -> String {
            columns[name].flatMap { $0 < record.fields.count ? RosterRow.plain(record.fields[$0].text) : nil } ?? ""
        }
        // Nearly every row has a point of departure: one look at its first byte tells.
        if let place = columns["country"], place < record.fields.count, let first = record.fields[place].text.utf8.first,
           first > 0x20, first < 0x80 { return nil }
        guard text("country").isEmpty else { return nil }
        let id = text("id"), name = text("name")
        if isLabel(id) && (name.isEmpty || isLabel(name)) { return id }
        if isLabel(name) && id.isEmpty { return name }
        guard id.isEmpty && name.isEmpty else { return nil }
        if let first = record.fields.lazy.map({ RosterRow.plain($0.text) }).first(where: { !$0.isEmpty }), isLabel(first) { return first }
        let amountPlaces = RosterColumns.amounts.compactMap { columns[$0] }
        return record.sumFields.contains(where: amountPlaces.contains) ? "" : nil
    }

    /// Adds a participant's row to the sums; `farePlace` is the column its fare was read from.
    mutating func add(_ participant: Participant, farePlace: Int?, line: Int) {
        all.add(line: line)
        group.add(line: line)
        for (index, column) in amounts.enumerated() {
            let amount: Money?, currency: String?
            if column.isFare {
                guard farePlace == column.place else { continue }
                (amount, currency) = (participant.quotedFare?.amount ?? participant.fare, participant.quotedFare?.currency)
                if currency == nil { usdUsed[index] = true }
            } else {
                (amount, currency) = (RosterTotals.amount(of: participant, column.name), nil)
            }
            guard let amount else { continue }
            all.add(amount, currency: currency, column: index)
            group.add(amount, currency: currency, column: index)
        }
    }

    /// A participant's amount in one of the amount columns.
    private static func amount(of p: Participant, _ column: String) -> Money? {
        switch column {
        case "fare_usd": return p.fare
        case "cap_override_usd": return p.capOverride
        case "ticket_usd": return p.actual.ticket
        case "local_actual_usd": return p.actual.localExpenses
        default: return nil
        }
    }

    /// A total row met: said, and checked against the rows above it (a total above every participant row waits for them).
    mutating func total(_ record: SourceRecord, label: String, records: RosterRecords) {
        if all.count == 0 {
            above.append((record, label, records.excerpt(record.line)))
            return
        }
        // A subtotal sums the rows since the last total row; a total may sum them all (the same rows when it is the first).
        let sub = label.lowercased().contains("sub")
        check(record, label: label, against: sub ? group : all, or: sub ? all : group, below: false, excerpt: records.excerpt(record.line),
              records: records)
        group = Rows(columns: amounts.count)
    }

    /// Checks the totals above every participant row against all of them: call it after the last row.
    mutating func finish(records: RosterRecords) {
        for (record, label, excerpt) in above { check(record, label: label, against: all, or: all, below: true, excerpt: excerpt, records: records) }
        above = []
        let order = notes.indices.sorted { (notes[$0].location.line, notes[$0].location.column, $0) < (notes[$1].location.line, notes[$1].location.column, $1) }
        notes = order.map { notes[$0] }
        sentences = order.map { sentences[$0] }
    }

    /// Says a total row was left out, and compares each of its amounts with the rows' sum (`rows`, or `other` when that
    /// matches instead): a difference is a warning naming both figures.
    private mutating func check(_ record: SourceRecord, label: String, against rows: Rows, or other: Rows, below: Bool, excerpt: String?,
                                records: RosterRecords) {
        let place = records.rowName(record.line)
        let span = rows.count == 0 ? "no participant row"
            : "the \(rows.count == 1 ? "participant row" : "\(rows.count) participant rows") \(below ? "below" : "above") it (\(records.rowsName(rows.first, rows.last)))"
        var agreed: [String] = [], unread: [String] = []
        var warnings: [(Diagnostic, String)] = []
        for (index, column) in amounts.enumerated() {
            let field = column.place < record.fields.count ? record.fields[column.place] : nil
            if let problem = record.cellProblems.first(where: { $0.location.column == column.place + 1 }) {
                unread.append("its \(RosterColumns.amounts.contains(column.name) ? "`\(column.name)`" : column.name.quoted) cannot be read "
                              + "(\(problem.message)) and was not compared")
                continue
            }
            let raw = field.map { RosterRow.plain($0.text) } ?? ""
            guard let field, !raw.isEmpty else { continue }
            let name = RosterColumns.amounts.contains(column.name) ? "`\(column.name)`" : column.name.quoted
            // The rows' fares in this column are in one currency, which the total's cell may name.
            let sums = rows.sums(index, usdUsed: usdUsed[index]), otherSums = other.sums(index, usdUsed: usdUsed[index])
            let currencies = Set(sums.keys).union(otherSums.keys)
            let (named, amountText) = column.isFare ? FareCurrency.split(raw) : (nil, raw)
            guard currencies.count <= 1 else {
                let sorted = currencies.sorted()
                unread.append("its \(name) was not compared: the rows' fares in that column are in \(sorted.dropLast().joined(separator: ", ")) and \(sorted.last!)")
                continue
            }
            let currency = currencies.first ?? named ?? "USD"
            guard named == nil || named == currency,
                  case .success(let given) = MoneyText.parse(amountText, limit: MoneyText.Limit(dollars: 1_000_000_000_000, what: "no total", unit: currency),
                                                             mark: records.decimalMark) else {
                unread.append("its \(name) \(raw.quoted) is not an amount\(currency == "USD" ? "" : " in \(currency)") and was not compared")
                continue
            }
            func shown(_ money: Money) -> String { currency == "USD" ? money.grouped : "\(currency) \(money.grouped)" }
            let sum = sums[currency] ?? .zero
            if given == sum || given == otherSums[currency] ?? .zero {
                agreed.append("\(name) \(shown(given))")
                continue
            }
            let gap = given < sum ? "\(shown(sum - given)) short of" : "\(shown(given - sum)) more than"
            let message = "the total row's \(name) is \(shown(given)), but \(span) add up to \(shown(sum)): the total is \(gap) "
                + "the rows, so the sheet has an error"
            warnings.append((Diagnostic(records.location(field.line, field.column), message, excerpt: field.line == record.line ? excerpt : nil,
                                        hint: "correct the total or the rows in the sheet; travel-budget costs the participant rows, never the total row",
                                        severity: .warning),
                             "\(place.firstLetterCapitalized): the total row's \(name) is \(shown(given)), but \(span) add up to \(shown(sum)) "
                             + "(the total is \(gap) the rows): the sheet has an error; the participant rows are costed, not the total."))
        }
        var said = "a total row (\(label.isEmpty ? "no label; SUM formulas in its amounts" : label.quoted)), not a participant: left out"
        if !agreed.isEmpty {
            said += "; its \(agreed.joined(separator: " and ")) \(agreed.count == 1 ? "is the sum" : "are the sums") of \(span)"
        }
        if !unread.isEmpty { said += "; " + unread.joined(separator: "; ") }
        let labelColumn = (label.isEmpty ? nil : record.fields.first { RosterRow.plain($0.text) == label }?.column)
            ?? record.sumFields.first.map { $0 + 1 } ?? 1
        notes.append(Diagnostic(records.location(record.line, labelColumn), said, excerpt: excerpt, severity: .note))
        sentences.append("\(place.firstLetterCapitalized) is \(said).")
        for (diagnostic, sentence) in warnings {
            notes.append(diagnostic)
            sentences.append(sentence)
        }
    }
}

extension String {
    /// The text with its first letter in capitals (`line 14` → `Line 14`).
    var firstLetterCapitalized: String { prefix(1).uppercased() + dropFirst() }
}
