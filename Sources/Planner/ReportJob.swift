import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation

/// What `report` does: every event's roster found in a folder, costed, its reports written to an output folder, and one
/// workbook for all of them.
public struct ReportRequest: Sendable {
    /// The folder of rosters named `<event id>.csv`, `.xlsx` or `.ods`; nil for `<tables>/rosters`.
    public var rosters: String?
    public var outputDirectory = "Reports"
    public var columns = ColumnMapping()
    public var pricing = Pricing()
    public var ceilings: [String] = []
    /// How the workbook is made; its path is `<output>/travel-budget.xlsx` (the path given here is not read).
    public var workbook: WorkbookRequest

    public init(workbook: WorkbookRequest) { self.workbook = workbook }
}

/// What `report` wrote, a line each (for the person to read), and the warnings to give after.
public struct ReportResult: Sendable {
    public let lines: [String]
    public let warnings: [String]
    public let budgets: [Budget]
}

/// An event's roster in a folder: found, missing, or two of them.
public enum FoundRoster: Sendable {
    case found(String)
    case missing(looked: String)
    case several([String])
}

extension Planner {
    /// The roster files `report` looks for, by extension, in this order.
    public static let rosterExtensions = ["csv", "xlsx", "ods"]

    /// An event's roster in a folder: `<event id>.csv`, `.xlsx` or `.ods`; two of them is a question only the officer can answer.
    public func roster(of event: Event, in folder: String) -> FoundRoster {
        let candidates = Planner.rosterExtensions.map { (folder as NSString).appendingPathComponent("\(event.id).\($0)") }
        let found = candidates.filter { FileManager.default.fileExists(atPath: $0) }
        switch found.count {
        case 0: return .missing(looked: candidates[0])
        case 1: return .found(found[0])
        default: return .several(found)
        }
    }

    /// The rosters folder `report` reads by default: `<tables>/rosters`.
    public var defaultRosters: String { (tables.directory as NSString).appendingPathComponent("rosters") }

    /// Costs each event's roster and writes its text report (and each paying office's, where an event has several), then
    /// one workbook for all events. Every roster is read before anything is written: a bad roster leaves the reports as
    /// they were, and every roster's problems are told, not only the first's.
    public func report(_ request: ReportRequest, say: Say) throws(PlannerError) -> ReportResult {
        let ceilings = try ceilings(request.ceilings, for: tables.events)
        let rosterFolder = request.rosters ?? defaultRosters
        var budgets: [Budget] = []
        var failures: [InputError] = []
        var withoutRoster: [(event: Event, path: String)] = []
        for event in tables.events {
            switch roster(of: event, in: rosterFolder) {
            case .missing(let looked):
                withoutRoster.append((event, looked))
            case .several(let found):
                failures.append(.badData([Diagnostic(SourceLocation(file: found[1], line: 0, column: 0),
                                                     "\(event.id) has \(found.count) rosters: \(found.joined(separator: " and "))",
                                                     hint: "keep one roster per event in \(rosterFolder) (move the other away)")]))
            case .found(let path):
                do {
                    let roster = try readRoster(.file(path), event: event, columns: request.columns)
                    roster.notes.forEach { say($0.description) }
                    budgets.append(Budget(event: event, participants: roster.participants, rosterName: roster.name(path),
                                          who: request.pricing.who, ceilings: ceilings[event.id], unusedColumns: roster.unusedColumns,
                                          rosterNotes: roster.reportNotes))
                } catch {
                    failures.append(error)
                }
            }
        }
        if !failures.isEmpty { throw .inputs(failures) }
        if budgets.isEmpty {
            let looked = withoutRoster.map(\.path).joined(separator: ", ")
            throw .input(.missing(path: rosterFolder, reason: "no event has a roster here (looked for \(looked))",
                                  hint: "name each roster after its event: <event id>.csv, e.g. \(tables.events.first?.id ?? "jeju-2023").csv"))
        }
        let options = request.pricing.renderOptions
        var lines: [String] = []
        for budget in budgets {
            let path = (request.outputDirectory as NSString).appendingPathComponent("\(budget.event.id).txt")
            try write(TextReport(budget, options: options).render(), to: path)
            let t = budget.totals
            let other = budget.event.hasDeclaredLines
                ? "other lines US$ \(t.declaredAmounts.sum().grouped), event costs US$ \(budget.eventCosts.map(\.amount).sum().grouped), " : ""
            lines.append("\(budget.event.id): \(t.participants) participants, assisted airfare US$ \(t.assistedAirfare.grouped), "
                         + "local expenses US$ \(t.localExpenses.grouped), \(other)total US$ \(budget.grandTotal.grouped) -> \(path)")
            // An event with several paying offices: each office gets its own budget too.
            for office in budget.offices where budget.offices.count > 1 {
                let officePath = (request.outputDirectory as NSString).appendingPathComponent("\(budget.event.id)-\(OfficeReport.slug(office)).txt")
                try write(OfficeReport(budget, office: office, options: options).text(), to: officePath)
                lines.append("  \(office.office): total US$ \(office.grandTotal.grouped) -> \(officePath)")
            }
        }
        for (event, path) in withoutRoster {
            lines.append("\(event.id): no roster (\(path) is not there): not costed, no report written")
        }
        var workbook = request.workbook
        workbook.path = (request.outputDirectory as NSString).appendingPathComponent("travel-budget.xlsx")
        let inputs = budgets.flatMap { [tables.eventFile($0.event), $0.rosterName] }
        try writeWorkbook(workbook, budgets: budgets, events: tables.events, inputs: inputs, options: options)
        lines.append("workbook: \(budgets.count == 1 ? "1 event" : "\(budgets.count) events"), every figure a live formula -> \(workbook.path)")
        return ReportResult(lines: lines, warnings: budgets.flatMap { HeadroomText.warnings(event: $0.event, plan: $0.headroom) },
                            budgets: budgets)
    }
}
