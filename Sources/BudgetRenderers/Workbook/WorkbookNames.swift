import BudgetCore
import Spreadsheet

/// The names a budget workbook gives its sheets and cells, shared by every sheet that refers to another.
enum WorkbookNames {
    static let summary = "Summary"
    static let caps = "Caps"
    static let rates = "Rates"
    static let charts = "Charts"

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
    var firstRow: Int { 1 }
    /// The last row of the data range; an empty roster keeps one empty row so that ranges stay well formed.
    var lastRow: Int { max(participants, 1) }
    var totalRow: Int { lastRow + 2 }

    init(sheet: String, participants: Int) {
        self.sheet = sheet
        self.participants = participants
    }

    init(_ budget: Budget) {
        sheet = WorkbookNames.roster(budget.event)
        participants = budget.rosterRows
    }

    /// `'Roster jeju-2018'!$I$2:$I$13`: a column's participant cells.
    func range(_ column: Column) -> String {
        quotedSheetName(sheet) + "!" + CellRange(CellAddress(row: firstRow, column: column.rawValue),
                                                 CellAddress(row: lastRow, column: column.rawValue)).absolute
    }

    /// `'Roster jeju-2018'!$I$15`: a column's total.
    func total(_ column: Column) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: totalRow, column: column.rawValue).absolute
    }

    /// `'Roster jeju-2018'!I2`: one participant's cell.
    func cell(_ column: Column, line index: Int) -> String {
        quotedSheetName(sheet) + "!" + CellAddress(row: firstRow + index, column: column.rawValue).a1
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
