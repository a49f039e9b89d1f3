import BudgetCore
import Spreadsheet

/// Where things sit on a `Plan vs actual` sheet: one row per participant, the attendance groups one after another.
struct PlanActualLayout {
    enum Column: Int, CaseIterable {
        case id, name, departure, attendance, funding, cap, ticket, plannedAirfare, actualAirfare, share
        case plannedNights, actualNights, days, localRecorded, plannedLocal, actualLocal
        case plannedTotal, actualTotal, variance, percent, flags
    }

    let sheet: String
    /// The lines in sheet order: planned and travelled, then planned but not travelled, then not planned.
    let lines: [ReconciliationLine]
    /// The paying offices (columns of what each pays, after `flags`, only where there are several).
    let offices: Int
    /// The event's declared per-person lines, three columns each after the offices' (``lineColumns(_:)``).
    let declared: Int
    var firstRow: Int { 1 }
    /// The last row of the data range; no lines keep one empty row so that ranges stay well formed.
    var lastRow: Int { max(lines.count, 1) }
    var totalRow: Int { lastRow + 2 }

    init(_ r: Reconciliation, sheet: String) {
        self.sheet = sheet
        lines = r.groups.flatMap(\.lines)
        offices = r.offices.count > 1 ? r.offices.count : 0
        declared = RosterLayout(r.plan).declaredLines
    }

    /// The columns of a declared line (`index` counts the declared lines from 0): planned, the amount paid (an input), actual.
    func lineColumns(_ index: Int) -> (planned: Int, paid: Int, actual: Int) {
        let first = Column.flags.rawValue + 1 + 2 * offices + 3 * index
        return (first, first + 1, first + 2)
    }

    /// The sheet's last column.
    var lastColumn: Int { Column.flags.rawValue + 2 * offices + 3 * declared }

    /// The columns of office `index`: what it was planned to pay, and what it pays of the actuals.
    func officeColumns(_ index: Int) -> (planned: Int, actual: Int) {
        let first = Column.flags.rawValue + 1 + 2 * index
        return (first, first + 1)
    }

    /// A participant's attendance as the sheet's Attendance column says it (its groups are summed by these words).
    static func word(_ attendance: Attendance) -> String {
        switch attendance {
        case .plannedAndTravelled: return "travelled"
        case .plannedNotTravelled: return "did not travel"
        case .notPlanned: return "not planned"
        }
    }

    /// The first column of the local expenses: the second page across starts there.
    static var secondPage: Int { Column.localRecorded.rawValue }

    /// The columns each page across holds: the participant, airfare and nights; then the local expenses, totals, variance,
    /// flags and offices' parts, with further pages where a page's width at 75 % (Letter, the narrower paper) is passed.
    func pagesAcross(widths: [Int: Double]) -> [ClosedRange<Int>] {
        // A landscape Letter page at 75 %, less the id column printed on every page and a twentieth to spare.
        let id = PageMetrics.points(width: widths[Column.id.rawValue] ?? PageMetrics.defaultWidth)
        let room = (Paper.letter.size.height - (PageMetrics.margins.left + PageMetrics.margins.right) * 72) * 100 / 75 * 0.95 - id
        var pages = [0...(PlanActualLayout.secondPage - 1)]
        var start = PlanActualLayout.secondPage, used = 0.0
        for column in PlanActualLayout.secondPage...lastColumn {
            let width = PageMetrics.points(width: widths[column] ?? PageMetrics.defaultWidth)
            if used + width > room, column > start {
                pages.append(start...(column - 1))
                start = column
                used = 0
            }
            used += width
        }
        pages.append(start...lastColumn)
        return pages
    }

    /// `H2:H17`: a column's participant cells.
    func range(_ column: Int) -> String {
        CellRange(CellAddress(row: firstRow, column: column), CellAddress(row: lastRow, column: column)).a1
    }

    func range(_ column: Column) -> String { range(column.rawValue) }

    /// `H19`: a column's total.
    func total(_ column: Int) -> String { CellAddress(row: totalRow, column: column).a1 }

    func total(_ column: Column) -> String { total(column.rawValue) }
}

/// A variance as a percentage of the plan, to one decimal, computed the engine's exact way (cents over cents, rounded half
/// away from zero), with its cached result: an empty text where nothing was planned.
func percentCell(variance: String, planned: String, _ figures: PlanActual, _ style: CellStyle) -> Cell {
    Cell(.formula(Formulas.variancePercent(variance: variance, planned: planned), cached: figures.percent.map { .number($0.number) } ?? .text("")), style)
}
