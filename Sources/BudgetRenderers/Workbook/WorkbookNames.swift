import BudgetCore
import Spreadsheet

/// The names a budget workbook gives its sheets and cells, shared by every sheet that refers to another.
enum WorkbookNames {
    static let summary = "Summary"
    static let caps = "Caps"
    static let rates = "Rates"
    static let charts = "Charts"
    /// The hidden sheet of notes for the preparer (paths, the seed, command-line hints): never printed.
    static let preparersNotes = "Preparer's notes"

    /// What a page header names an event by, never cut: the id and the event file's short title, else the title where it
    /// is short, else the id and the dates.
    static func pageTitle(_ event: Event) -> String {
        if let short = event.shortTitle { return "\(event.id): \(short)" }
        if event.title.count <= 48 { return "\(event.id): \(event.title)" }
        return "\(event.id), \(event.start.long) to \(event.end.long)"
    }

    /// `Plan vs actual`, or `Plan vs actual jeju-2023` where a workbook holds several.
    static func planVsActual(_ event: Event, several: Bool) -> String {
        several ? sheetName("Plan vs actual \(event.id)") : "Plan vs actual"
    }

    /// `Roster jeju-2018` (cut to Excel's 31 characters).
    static func roster(_ event: Event) -> String { sheetName("Roster \(event.id)") }

    /// The event id as a name prefix: `jeju-2018` → `jeju_2018` (a leading digit gets `e_`).
    static func prefix(_ event: Event) -> String {
        let cleaned = String(event.id.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_" })
        return cleaned.first.map { $0.isLetter } == true ? cleaned : "e_" + cleaned
    }

    /// The defined name of an event's cap lookup table (points of departure and caps): `Caps_jeju_2018`.
    static func capTable(_ event: Event) -> String { "Caps_" + prefix(event) }

    /// The defined name of one of an event's rate cells: `jeju_2018_room`.
    static func rate(_ event: Event, _ key: RateKey) -> String { prefix(event) + "_" + key.rawValue }

    /// The defined name of a full stay's local expenses in US$ on the Rates sheet: `jeju_2023_full_stay`.
    static func fullStay(_ event: Event) -> String { prefix(event) + "_full_stay" }

    /// The defined name of an event's fare rates on the Rates sheet (currencies and units per US$1): `FareRates_jeju_2023`.
    static func fareRates(_ event: Event) -> String { "FareRates_" + prefix(event) }

    /// An event's rate names, made once (a roster's rows use them on every row).
    struct Rates {
        let room, meals, transport, rate, fullStay: String

        init(_ event: Event) {
            (room, meals, transport, rate) = (WorkbookNames.rate(event, .room), WorkbookNames.rate(event, .meals),
                                              WorkbookNames.rate(event, .transport), WorkbookNames.rate(event, .rate))
            fullStay = WorkbookNames.fullStay(event)
        }
    }

    /// The defined name of an office's share of a cost line: `jeju_2023_office1_airfare`.
    static func officeShare(_ event: Event, office index: Int, _ line: CostLine) -> String {
        prefix(event) + "_office\(index + 1)_" + line.rawValue
    }

    // MARK: Cost lines

    /// `Cost lines`: the lines an event file declares, their amounts and shares as inputs, and the event costs.
    static let costLines = "Cost lines"

    /// Whether a workbook shows an event's cost lines (a Cost lines sheet, a Role column and a column per declared line on the
    /// roster, the event costs): only for an event that declares lines or a role's airfare rule, so that the shipped events'
    /// workbooks stay as they are.
    static func showsCostLines(_ event: Event) -> Bool { event.hasDeclaredLines || !event.roleAirfare.isEmpty }

    /// A declared line's stem in names: its key with `-` and `.` as `_`, and its place among the lines after it where
    /// another line's key gives the same stem.
    static func stem(_ event: Event, _ key: String) -> String {
        func clean(_ key: String) -> String { String(key.map { $0 == "-" || $0 == "." ? "_" : $0 }) }
        let keys = event.declaredLines.map(\.key)
        let stem = clean(key)
        guard let index = keys.firstIndex(of: key), keys.prefix(index).contains(where: { clean($0) == stem }) else { return stem }
        return stem + "_\(index + 1)"
    }

    /// The defined name of a declared line's amount (an input on the Cost lines sheet): `full_budget_example_line_visa_fee`.
    static func lineAmount(_ event: Event, _ line: BudgetCore.CostLine) -> String { prefix(event) + "_line_" + stem(event, line.key) }

    /// The defined name of an office's share of a per-person line (by its place in `Event.personLines`): the Rates sheet's for
    /// assisted airfare and local expenses, the Cost lines sheet's for a declared line.
    static func share(_ event: Event, office index: Int, personLine line: Int) -> String {
        switch line {
        case 0: return officeShare(event, office: index, .airfare)
        case 1: return officeShare(event, office: index, .local)
        default: return lineShare(event, office: index, event.personLines[line].key)
        }
    }

    /// The defined name of an office's share of a declared line or of the contingency (key `contingency`).
    static func lineShare(_ event: Event, office index: Int, _ key: String) -> String {
        prefix(event) + "_office\(index + 1)_line_" + stem(event, key)
    }

    /// The defined name of the contingency's percentage (an input): `full_budget_example_contingency_percent`.
    static func contingencyPercent(_ event: Event) -> String { prefix(event) + "_contingency_percent" }

    /// The defined name of an event cost's amount in US$ (a per-event line, or the contingency): `…_cost_venue`.
    static func eventCost(_ event: Event, _ key: String) -> String { prefix(event) + "_cost_" + stem(event, key) }

    /// The defined name of an office's part of an event cost.
    static func eventCostPart(_ event: Event, office index: Int, _ key: String) -> String {
        prefix(event) + "_office\(index + 1)_cost_" + stem(event, key)
    }

    /// The defined names of the event costs' sum, and of the grand total (the roster's total and the event costs).
    static func eventCosts(_ event: Event) -> String { prefix(event) + "_event_costs" }
    static func grandTotal(_ event: Event) -> String { prefix(event) + "_grand_total" }

    /// The defined name of a role's own airfare cap (an input): `full_budget_example_cap_staff`.
    static func roleCap(_ event: Event, _ role: Role) -> String {
        prefix(event) + "_cap_" + role.rawValue.replacingOccurrences(of: "-", with: "_")
    }

    /// A sheet per paying office: `jeju-2023 UNITAR`, or `jeju-2023 office 2` where first words repeat.
    static func offices(_ event: Event) -> [String] {
        let firsts = event.costSharing.offices.map(\.firstWord)
        return firsts.enumerated().map { index, first in
            firsts.filter { $0 == first }.count == 1 ? sheetName("\(event.id) \(first)") : sheetName("\(event.id) office \(index + 1)")
        }
    }

    /// A legal sheet name: none of `[]:*?/\`, at most 31 characters.
    static func sheetName(_ text: String) -> String {
        String(String(text.map { "[]:*?/\\".contains($0) ? "-" : $0 }).prefix(31))
    }

    enum RateKey: String, CaseIterable {
        case room, meals, transport, rate
    }

    enum CostLine: String {
        case airfare, local
    }
}

/// Where things sit on an event's roster sheet, for the sheets whose formulas read it.
struct RosterLayout {
    enum Column: Int, CaseIterable {
        case id, name, organization, departure, region, funding, fare, cap, assisted, share, nights, days
        case localInLocalCurrency, local, total, flags, eligibility, paidBy
        /// Only on a roster with fares quoted in other currencies: the quote and its currency (the fare is their conversion).
        case quotedFare, fareCurrency
    }

    let sheet: String
    /// Participants sit on rows 1...participants (row 0 is the header).
    let participants: Int
    /// Whether a Role column follows `Paid by` (``hasRole(_:lines:)``).
    let hasRole: Bool
    /// The event's declared per-person lines, one column each after the Role column.
    let declaredLines: Int
    /// Whether the quoted fare's two columns follow `Paid by` (before the Role column).
    let quotesFares: Bool
    var firstRow: Int { 1 }
    /// The last row of the data range; an empty roster keeps one empty row so that ranges stay well formed.
    var lastRow: Int { max(participants, 1) }
    var totalRow: Int { lastRow + 2 }

    init(sheet: String, participants: Int, hasRole: Bool = false, declaredLines: Int = 0, quotesFares: Bool = false) {
        self.sheet = sheet
        self.participants = participants
        self.hasRole = hasRole
        self.declaredLines = declaredLines
        self.quotesFares = quotesFares
    }

    init(_ budget: Budget) {
        self.init(sheet: WorkbookNames.roster(budget.event), participants: budget.rosterRows,
                  hasRole: RosterLayout.hasRole(budget.event, lines: budget.lines),
                  declaredLines: RosterLayout.hasRole(budget.event, lines: budget.lines) ? budget.event.personLines.count - 2 : 0,
                  quotesFares: budget.showsQuotedFares)
    }

    /// Whether a roster sheet has a Role column: for an event with cost lines (``WorkbookNames/showsCostLines(_:)``), or a
    /// roster held whole on which someone is not a participant. (A large roster's sheet is set up before its people are
    /// read: without cost lines, its rows carry their role in their formulas.)
    static func hasRole(_ event: Event, lines: [ParticipantCosting]) -> Bool {
        WorkbookNames.showsCostLines(event) || lines.contains { $0.participant.role != .participant }
    }

    /// The Role column: after `Paid by`, and after the quoted fare's two columns where the roster has them.
    var roleColumn: Int { Column.paidBy.rawValue + 1 + (quotesFares ? 2 : 0) }

    /// The column of a per-person line, by its place in `Event.personLines`: assisted airfare, local expenses, then a declared
    /// line's own column after the Role column.
    func column(personLine index: Int) -> Int {
        switch index {
        case 0: return Column.assisted.rawValue
        case 1: return Column.local.rawValue
        default: return roleColumn + 1 + (index - 2)
        }
    }

    /// The sheet's last column.
    var lastColumn: Int { roleColumn - 1 + (hasRole ? 1 : 0) + declaredLines }

    /// `'Roster jeju-2018'!$I$2:$I$13`: a column's participant cells.
    func range(_ column: Column) -> String { range(column: column.rawValue) }

    func range(column: Int) -> String {
        quotedSheetName(sheet) + "!" + CellRange(CellAddress(row: firstRow, column: column), CellAddress(row: lastRow, column: column)).absolute
    }

    /// `'Roster jeju-2018'!$I$15`: a column's total.
    func total(_ column: Column) -> String { total(column: column.rawValue) }

    func total(column: Int) -> String { quotedSheetName(sheet) + "!" + CellAddress(row: totalRow, column: column).absolute }

    /// `'Roster jeju-2018'!I2`: one participant's cell.
    func cell(_ column: Column, line index: Int) -> String { cell(column: column.rawValue, line: index) }

    func cell(column: Int, line index: Int) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: firstRow + index, column: column).a1
    }
}

extension Money {
    /// Dollars as a spreadsheet number.
    var number: Double { Double(cents) / 100 }
}

extension Sheet {
    /// Writes a header row of texts from a column on.
    mutating func header(_ row: Int, _ titles: [String], from column: Int = 0) {
        for (offset, title) in titles.enumerated() { set(row, column + offset, .text(title, .head)) }
    }
}
