import BudgetCore
@testable import BudgetReaders
@testable import BudgetRenderers
import Foundation
import Spreadsheet

/// The figures a rendered report shows, read back from it: assisted airfare, participant share, local
/// expenses and total (in cents) for each participant, each region and the event.
struct ShownFigures: Equatable {
    var participants: [[Int64]] = []
    var regions: [[Int64]] = []
    var total: [Int64] = []

    /// The figures the budget itself holds, in the same form.
    init(_ budget: Budget) {
        participants = budget.lines.map { [$0.assistedAirfare.cents, $0.participantShare.cents, $0.localExpenses.cents, $0.total.cents] }
        regions = budget.regions.map { ShownFigures.row($0.subtotal) }
        total = ShownFigures.row(budget.totals)
    }

    init() {}

    static func row(_ t: CostTotals) -> [Int64] {
        [t.assistedAirfare.cents, t.participantShare.cents, t.localExpenses.cents, t.total.cents]
    }

    /// Participants in a stable order, since a report may group them by region.
    var sorted: ShownFigures {
        var copy = self
        copy.participants = participants.sorted { $0.lexicographicallyPrecedes($1) }
        return copy
    }

    /// Column sums of rows of figures.
    static func sum(_ rows: [[Int64]]) -> [Int64] {
        rows.reduce([0, 0, 0, 0]) { zip($0, $1).map(+) }
    }
}

/// A renderer and how to read its figures back (the workbook's: the cached results of its formula cells).
enum RenderedFormat: String, CaseIterable, Sendable {
    case text, json, csv, xlsx

    func figures(of budget: Budget) throws -> ShownFigures {
        switch self {
        case .text: return TextFigures.read(TextReport(budget).render())
        case .json: return try JSONFigures.read(try JSONReport(budget).render())
        case .csv: return try CSVFigures.read(CSVReport(budget).render())
        case .xlsx: return try WorkbookFigures.read(BudgetWorkbook(budgets: [budget], events: [budget.event], inputs: ["r"], created: 0).make())
        }
    }
}

/// Cents from a rendered amount of any size: `1,120.50` or `1120.50` (two decimals, as every renderer writes).
func cents(_ text: some StringProtocol) -> Int64? {
    let digits = String(text).filter { $0 != "," }
    guard let dot = digits.firstIndex(of: "."), digits.distance(from: dot, to: digits.endIndex) == 3,
          let whole = Int64(digits[..<dot]), let fraction = Int64(digits[digits.index(after: dot)...]) else { return nil }
    return whole * 100 + fraction
}

enum JSONFigures {
    static func read(_ text: String) throws -> ShownFigures {
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        func row(_ object: Any?, _ keys: [String]) -> [Int64] {
            let dictionary = object as? [String: Any] ?? [:]
            return keys.map { cents(dictionary[$0] as? String ?? "") ?? -1 }
        }
        let keys = ["assisted_airfare", "participant_share", "local_expenses", "total"]
        var figures = ShownFigures()
        figures.participants = (json["participants"] as? [Any] ?? []).map { row($0, keys) }
        figures.regions = (json["regions"] as? [[String: Any]] ?? []).map { row($0["totals"], keys) }
        figures.total = row(json["totals"], keys)
        return figures
    }
}

enum CSVFigures {
    static func read(_ text: String) throws -> ShownFigures {
        let table = try CSVTable(text: text, file: "report.csv")
        let header = table.records.first?.fields.map(\.text) ?? []
        let columns = ["assisted_airfare_usd", "participant_share_usd", "local_expenses_usd", "total_usd"]
            .map { header.firstIndex(of: $0) ?? 0 }
        var figures = ShownFigures()
        for record in table.records.dropFirst() {
            let row = columns.map { $0 < record.fields.count ? cents(record.fields[$0].text) ?? -1 : -1 }
            switch record.fields.first?.text {
            case "participant": figures.participants.append(row)
            case "region": figures.regions.append(row)
            case "total": figures.total = row
            default: break
            }
        }
        return figures
    }
}

/// The text report's table: participant rows end with six amounts (fare, cap, assisted, share, local, total)
/// and their flag letters; subtotals end with four amounts, or are written out in words when too wide.
enum TextFigures {
    static func read(_ text: String) -> ShownFigures {
        let lines = text.components(separatedBy: "\n")
        let top = (lines.firstIndex { $0.hasPrefix("---") } ?? 0) + 1
        let rule = lines.firstIndex { $0.hasPrefix("===") } ?? lines.count
        let end = lines[rule...].firstIndex { $0.isEmpty } ?? lines.count
        var figures = ShownFigures()
        for line in lines[top..<rule] {
            let amounts = trailingAmounts(line)
            if amounts.count == 6 { figures.participants.append(amounts.suffix(4).map { cents($0) ?? -1 }) }
            if amounts.count == 4 { figures.regions.append(amounts.map { cents($0) ?? -1 }) }
        }
        figures.regions += inWords(lines[top..<rule].joined(separator: " "))
        let totals = lines[(rule + 1)..<end].map(trailingAmounts).filter { $0.count == 4 }.map { $0.map { cents($0) ?? -1 } }
            + inWords(lines[(rule + 1)..<end].joined(separator: " "))
        figures.total = totals.first ?? []
        return figures
    }

    /// The amounts (or `-`) at the end of a line, before its flag letters.
    static func trailingAmounts(_ line: String) -> [String] {
        var tokens = line.split(separator: " ").map(String.init)
        while let last = tokens.last, last.count == 1, "ECIOSAP".contains(last) { tokens.removeLast() }
        let amounts = tokens.reversed().prefix { $0 == "-" || cents($0) != nil && $0.contains(".") }
        return amounts.reversed()
    }

    /// Subtotals written as "assisted X; share Y; local Z; total W".
    static func inWords(_ text: String) -> [[Int64]] {
        let flat = text.split(separator: " ").joined(separator: " ")
        let pattern = /assisted ([0-9,.]+); share ([0-9,.]+); local ([0-9,.]+); total ([0-9,.]+)/
        return flat.matches(of: pattern).map { m in [m.1, m.2, m.3, m.4].map { cents($0) ?? -1 } }
    }
}

/// The cached results a workbook stores beside its formulas: each roster row, and the Summary's region and total rows.
enum WorkbookFigures {
    static func read(_ workbook: Workbook) -> ShownFigures {
        func value(_ cell: Cell?) -> Int64 {
            switch cell?.value {
            case .formula(_, .number(let n))?, .number(let n)?: return Int64((n * 100).rounded())
            default: return -1
            }
        }
        var figures = ShownFigures()
        typealias C = RosterLayout.Column
        if let roster = workbook.sheets.first(where: { $0.name.hasPrefix("Roster ") }) {
            var row = 1
            while case .text(let id)? = roster.cell(row, C.id.rawValue)?.value, id != "Total" {
                figures.participants.append([C.assisted, .share, .local, .total].map { value(roster.cell(row, $0.rawValue)) })
                row += 1
            }
        }
        if let summary = workbook.sheet(WorkbookNames.summary) {
            var row = 0
            while row < 10_000, summary.cell(row, 0)?.value != .text("Region") { row += 1 }
            row += 1
            while case .text(let label)? = summary.cell(row, 0)?.value {
                let figuresRow = (2...5).map { value(summary.cell(row, $0)) }
                if label == "Total" { figures.total = figuresRow; break }
                figures.regions.append(figuresRow)
                row += 1
            }
        }
        return figures
    }
}
