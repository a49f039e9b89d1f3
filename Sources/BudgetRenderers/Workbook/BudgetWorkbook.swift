import BudgetCore
import Spreadsheet

/// The budget workbook a partner office receives, as a spreadsheet model: Summary, a Plan vs actual sheet per reconciliation,
/// one Roster sheet per event, one sheet per paying office where an event has several, Caps, Rates and Charts. Every figure is a formula with
/// the engine's result cached beside it.
public struct BudgetWorkbook {
    public let budgets: [Budget]
    /// Plans against actuals, each on a `Plan vs actual` sheet (its plan is among `budgets`).
    public let reconciliations: [Reconciliation]
    /// Every event whose caps and rates the workbook shows (the budgets' events are added when missing).
    public let events: [Event]
    public let options: RenderOptions
    /// The input files, named in the document's comments.
    public let inputs: [String]
    /// Creation time (seconds since 1970-01-01 UTC), from the inputs, never the clock.
    public let created: Int64

    public init(budgets: [Budget], reconciliations: [Reconciliation] = [], events: [Event], options: RenderOptions = RenderOptions(),
                inputs: [String], created: Int64? = nil) {
        self.budgets = budgets
        self.reconciliations = reconciliations
        var all = events
        for budget in budgets where !all.contains(where: { $0.id == budget.event.id }) { all.append(budget.event) }
        self.events = all.sorted { $0.id < $1.id }
        self.options = options
        self.inputs = inputs
        self.created = created ?? BudgetWorkbook.defaultCreationTime(budgets.map(\.event))
    }

    /// The default creation time: midnight UTC of the latest event's first day, so the same inputs give the same bytes.
    public static func defaultCreationTime(_ events: [Event]) -> Int64 {
        Int64(events.map(\.start.dayNumber).max() ?? 0) * 86_400
    }

    /// The workbook model; fails only on text no spreadsheet cell can hold.
    public func make() throws(WorkbookError) -> Workbook {
        let userText = UserText()
        var sheets = [SummarySheet(budgets: budgets, inputs: inputs).make()]
        for reconciliation in reconciliations {
            let name = WorkbookNames.planVsActual(reconciliation.event, several: reconciliations.count > 1)
            sheets.append(try PlanActualSheet(reconciliation: reconciliation, name: name, options: options, userText: userText).make())
        }
        for budget in budgets {
            sheets.append(try RosterSheet(budget: budget, options: options, userText: userText).make())
        }
        for budget in budgets where budget.offices.count > 1 {
            for index in budget.offices.indices {
                sheets.append(try OfficeSheet(budget: budget, index: index, options: options, userText: userText).make())
            }
        }
        let (caps, capNames) = CapsSheet(events: events).make()
        let (rates, rateNames) = RatesSheet(events: events).make()
        sheets += [caps, rates, ChartsSheet(budgets: budgets, events: events).make()]
        let ids = budgets.map(\.event.id).joined(separator: ", ")
        return Workbook(sheets: sheets, definedNames: (capNames + rateNames).sorted { $0.name < $1.name },
                        properties: BudgetWorkbook.properties(ids: ids, inputs: inputs, redacted: options.redact, created: created))
    }

    /// The document properties every budget workbook carries: title, subject, company, and the input files named.
    static func properties(ids: String, inputs: [String], redacted: Bool, created: Int64) -> DocumentProperties {
        DocumentProperties(
            title: "Travel budget: \(ids)",
            subject: "Airfare assistance capped by point of departure, participant share and local expenses",
            author: "travel-budget", company: "UNITAR CIFAL Jeju / JITC",
            comments: "Written by travel-budget from " + inputs.joined(separator: ", ")
                + (redacted ? ". Redacted: names and organizations withheld." : "."),
            created: created)
    }
}

/// Text that cannot go into a spreadsheet cell, with the participant it belongs to.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
    public let participant: String
    public let location: SourceLocation?
    public let message: String

    public var description: String {
        "\(location?.description ?? "roster"): error: participant \(participant.count > 40 ? participant.prefix(40) + "…" : participant): \(message)\n"
            + "  hint: shorten it in the roster, or write the budget as text, JSON or CSV, which have no such limit"
    }
}

/// The rules for text from a roster before it reaches a cell.
struct UserText {
    static let maximumLength = 32_767

    /// The text without control characters (a cell cannot hold them; tab, line feed and carriage return stay),
    /// or an error naming the participant when it is too long for a cell.
    func clean(_ text: String, field: String, of participant: Participant) throws(WorkbookError) -> String {
        var cleaned = text
        if text.unicodeScalars.contains(where: UserText.isControl) {
            cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { !UserText.isControl($0) }))
        }
        guard cleaned.utf16.count <= UserText.maximumLength else {
            throw WorkbookError(participant: participant.id, location: participant.location,
                                message: "the \(field) has \(cleaned.utf16.count) characters; a spreadsheet cell holds at most 32,767")
        }
        return cleaned
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || scalar.value == 0x7F
    }
}
