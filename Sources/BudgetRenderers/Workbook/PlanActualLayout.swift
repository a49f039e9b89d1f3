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
