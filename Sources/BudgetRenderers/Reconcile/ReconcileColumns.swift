import BudgetCore

/// The reconcile table's columns, fitted to the figures so that large amounts never run together or get cut.
struct ReconcileColumns {
    /// The cells of one row of figures: cap, airfare planned and actual, share, local planned and actual, variance, %.
    static func cells(_ line: ReconciliationLine) -> [String] {
        [line.costing.cap?.grouped ?? "-", line.assistedAirfare.planned.grouped, line.assistedAirfare.actual.grouped,
         line.participantShare.grouped, line.localExpenses.planned.grouped, line.localExpenses.actual.grouped,
         line.total.variance.signed, line.total.percent?.description ?? "-"]
    }

    /// The cells of a subtotal or total: no cap.
    static func cells(_ t: ReconciliationTotals) -> [String] {
        ["", t.assistedAirfare.planned.grouped, t.assistedAirfare.actual.grouped, t.participantShare.grouped,
         t.localExpenses.planned.grouped, t.localExpenses.actual.grouped, t.total.variance.signed, t.total.percent?.description ?? "-"]
    }

    static let headers = ["Cap", "Planned", "Actual", "Share", "Planned", "Actual", "Variance", "%"]

    let id: Int
    let departure: Int
    let figures: [Int]
    let flags: Int

    /// The widths for a reconciliation: every figure at its full width, the departure clipped to what is left.
    init(_ r: Reconciliation) {
        let rows = r.lines.map(ReconcileColumns.cells) + (r.groups.map(\.subtotal) + [r.totals]).map(ReconcileColumns.cells)
        figures = ReconcileColumns.headers.indices.map { column in
            rows.reduce(ReconcileColumns.headers[column].count) { max($0, $1[column].count) }
        }
        id = min(max(2, r.lines.map(\.participant.id.count).max() ?? 2), 10)
        flags = max(5, r.lines.map { $0.flags.count * 2 - 1 }.max() ?? 0)
        departure = min(max(TextLayout.width - (id + 1 + figures.reduce(0) { $0 + $1 + 1 } + 2 + flags), 10), 16)
    }

    var width: Int { id + 1 + departure + figures.reduce(0) { $0 + $1 + 1 } + 2 + flags }
    /// Whether the table fits the report's width; when not, each row is written as a sentence.
    var fits: Bool { width <= TextLayout.width }
    /// Where the airfare and local-expense figures start, for the group labels above them.
    var airfareStart: Int { id + 1 + departure + 1 + figures[0] + 1 }
    var localStart: Int { airfareStart + figures[1...3].reduce(0) { $0 + $1 + 1 } }
    /// The width of a subtotal's label: ID, departure and cap together.
    var totalsLabel: Int { id + 1 + departure + 1 + figures[0] }
}
