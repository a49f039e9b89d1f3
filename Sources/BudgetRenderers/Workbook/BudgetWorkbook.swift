import BudgetCore
import Spreadsheet

/// The budget workbook a partner office receives, as a spreadsheet model: Summary, a Plan vs actual sheet per reconciliation,
/// one Roster sheet per event, one sheet per paying office where an event has several, Caps, Rates and Charts. Every figure is a formula with
/// the engine's result cached beside it.
///
/// One builder for every roster size: a roster sheet's rows go to a ``Spreadsheet/RowSink``, the sheet model itself when the
/// budget keeps its lines (``BudgetCore/Budget/isStreamed``), or the file in constant memory as they are costed when it keeps
/// only totals (``rosterRows(_:rows:options:)`` before the rows, ``make()`` after them). Whether lines
/// are kept decides only what needs them: a kept roster's rows spell everything out and its office sheets list every line;
/// a streamed roster's rows leave out empty cells (written once, never read back) and its office sheets sum each region
/// with SUMPRODUCT over the roster sheet.
public struct BudgetWorkbook {
    public let budgets: [Budget]
    /// Plans against actuals, each on a `Plan vs actual` sheet (its plan is among `budgets`).
    public let reconciliations: [Reconciliation]
    /// Every event whose caps and rates the workbook shows (the budgets' events are added when missing).
    public let events: [Event]
    public let options: RenderOptions
    /// The input files, named in the document's comments.
    public let inputs: [String]
    /// Creation time (seconds since 1970-01-01 UTC): the prepared day, an input (the command line chooses it), never the clock.
    public let created: Int64

    public init(budgets: [Budget], reconciliations: [Reconciliation] = [], events: [Event], options: RenderOptions = RenderOptions(),
                inputs: [String], created: Int64) {
        self.budgets = budgets
        self.reconciliations = reconciliations
        var all = events
        for budget in budgets where !all.contains(where: { $0.id == budget.event.id }) { all.append(budget.event) }
        self.events = all.sorted { $0.id < $1.id }
        self.options = options
        self.inputs = inputs
        self.created = created
    }

    /// The sheets ``make()`` gives for these events' budgets, in order, known before any participant is costed (a streamed
    /// roster's file starts with them): Summary, Plan vs actual, a roster per event, one per paying office where there are
    /// several (in a workbook for one office, its own sheet first, before the rosters, and the other offices' after them),
    /// Caps, Rates, Cost lines (where an event `showing` its caps and rates has cost lines; by default the events costed),
    /// Charts, and the hidden Preparer's notes.
    public static func sheetNames(costing events: [Event], reconciliations: [Reconciliation] = [], showing: [Event]? = nil,
                                  partner: String? = nil) -> [String] {
        let offices = events.flatMap { event in
            event.costSharing.offices.count > 1 ? zip(event.costSharing.offices, WorkbookNames.offices(event)).map { ($0.office, $1) } : []
        }
        let own = offices.filter { $0.0 == partner }.map(\.1)
        return [WorkbookNames.summary]
            + reconciliations.map { WorkbookNames.planVsActual($0.event, several: reconciliations.count > 1) }
            + own + events.map(WorkbookNames.roster) + offices.filter { $0.0 != partner }.map(\.1)
            + [WorkbookNames.caps, WorkbookNames.rates]
            + ((showing ?? events).contains(where: WorkbookNames.showsCostLines) ? [WorkbookNames.costLines] : [])
            + [WorkbookNames.charts, WorkbookNames.preparersNotes]
    }

    /// A sheet the workbook holds besides these budgets' (a comparison's `Compare`), with what it holds, for the Summary's
    /// list; it follows the Summary.
    var extraSheet: (sheet: String, holds: String)?

    /// What each sheet after the Summary holds, in the order of ``sheetNames(costing:reconciliations:showing:partner:)``, for
    /// the Summary's list of what is in the file (the hidden preparer's notes are not listed).
    func contents() -> [(sheet: String, holds: String)] {
        var holds: [String: String] = [:]
        for reconciliation in reconciliations {
            holds[WorkbookNames.planVsActual(reconciliation.event, several: reconciliations.count > 1)]
                = "each participant's plan against the actual figures; by attendance, cost line and paying office"
        }
        for budget in budgets {
            let event = budget.event
            let several = budget.offices.count > 1
            holds[WorkbookNames.roster(event)] = "every participant's figures: fare, cap, assisted airfare, participant share, local "
                + "expenses, flags, eligibility" + (several ? "; each office's part is taken from them" : "")
            guard several else { continue }
            let rest = event.personLines.map { CostSharing.restOffice($0.shares) }
            for (index, name) in WorkbookNames.offices(event).enumerated() {
                let office = budget.offices[index].office
                var words = "\(office)'s part of each participant's line"
                if let partner = options.partner, partner != office, let own = budget.offices.firstIndex(where: { $0.office == partner }),
                   rest.contains(own) {
                    words += " (\(partner) pays the rest of each line after the other offices' parts)"
                }
                holds[name] = words
            }
        }
        holds[WorkbookNames.caps] = "each event's cap by point of departure, with the announcement's words"
        holds[WorkbookNames.rates] = "the planning rates and the offices' shares: inputs every figure follows"
        holds[WorkbookNames.costLines] = "the other cost lines, the contingency, each role's airfare rule and the event costs"
        holds[WorkbookNames.charts] = "the caps and the cost to the paying offices, as charts"
        let names = BudgetWorkbook.sheetNames(costing: budgets.map(\.event), reconciliations: reconciliations, showing: events,
                                              partner: options.partner)
        return (extraSheet.map { [$0] } ?? []) + names.dropFirst().compactMap { name in holds[name].map { (name, $0) } }
    }

    /// The roster sheet of an event whose rows are written as they are costed, not kept: `rows` rows set aside (at least as
    /// many as will be priced, fixed before the first).
    public static func rosterRows(_ event: Event, rows: Int, options: RenderOptions = RenderOptions(), created: Int64,
                                  quotesFares: Bool = false) -> StreamedRoster {
        StreamedRoster(event: event, rows: rows, options: options, created: created, quotesFares: quotesFares)
    }

    /// The workbook model; fails only on text no spreadsheet cell can hold. A budget that keeps only totals gets its roster
    /// sheet's totals and setup here, its rows having gone to the file already.
    public func make() throws(WorkbookError) -> Workbook {
        let userText = UserText()
        var summary = SummarySheet(budgets: budgets, options: options, contents: contents())
        summary.prepared = BudgetWorkbook.preparedDate(created)
        var sheets = [summary.make()]
        for reconciliation in reconciliations {
            let name = WorkbookNames.planVsActual(reconciliation.event, several: reconciliations.count > 1)
            sheets.append(try PlanActualSheet(reconciliation: reconciliation, name: name, options: options, userText: userText).make())
        }
        var rosters: [Sheet] = [], own: [Sheet] = [], others: [Sheet] = []
        for budget in budgets {
            if !budget.isStreamed {
                rosters.append(try RosterWorksheet(budget: budget, options: options, userText: userText).make())
            } else {
                rosters.append(StreamedRoster(event: budget.event, rows: budget.rosterRows, options: options, created: created,
                                              quotesFares: budget.showsQuotedFares).finish(budget))
            }
        }
        for budget in budgets where budget.event.costSharing.offices.count > 1 {
            for index in budget.event.costSharing.offices.indices {
                // Lines kept: the office's part of every line. Streamed: its part of each region (the tally keeps each
                // office's part by region for the cached results).
                let sheet = try OfficeSheet(budget: budget, index: index, options: options, userText: userText).make()
                if budget.offices[index].office == options.partner { own.append(sheet) } else { others.append(sheet) }
            }
        }
        // A workbook for one office: its own part first, then the roster and the other offices' parts it is checked against.
        sheets += own + rosters + others
        let (caps, capNames) = CapsSheet(events: events).make()
        let (rates, rateNames) = RatesSheet(events: events, fareRates: budgets.filter { !$0.fareRates.isEmpty }.map { ($0.event, $0.fareRates) }).make()
        sheets += [caps, rates]
        var lineNames: [DefinedName] = []
        if events.contains(where: WorkbookNames.showsCostLines) {
            let (lines, names) = CostLinesSheet(events: events.filter(WorkbookNames.showsCostLines), budgets: budgets).make()
            sheets.append(lines)
            lineNames = names
        }
        sheets.append(ChartsSheet(budgets: budgets, events: events).make())
        sheets.append(PreparerNotesSheet(budgets: budgets, reconciliations: reconciliations, options: options, inputs: inputs).make())
        let ids = budgets.map(\.event.id).joined(separator: ", ")
        for index in sheets.indices {
            BudgetWorkbook.finishForPrint(&sheets[index], events: budgets.map(\.event), options: options, created: created)
        }
        return Workbook(sheets: sheets, definedNames: (capNames + rateNames + lineNames).sorted { $0.name < $1.name },
                        properties: BudgetWorkbook.properties(ids: ids, inputs: inputs, redacted: options.redact, created: created,
                                                              author: options.preparedBy))
    }

    /// The prepared date every page's footer shows: the workbook's creation date, never the clock.
    static func preparedDate(_ created: Int64) -> String {
        CivilDate(year: 1970, month: 1, day: 1)!.adding(days: Int(created / 86_400)).long
    }

    /// Paper, page header and footer, print scale, row heights and protection: what every sheet of a workbook shares.
    static func finishForPrint(_ sheet: inout Sheet, events: [Event], options: RenderOptions, created: Int64) {
        let title = events.count == 1 ? WorkbookNames.pageTitle(events[0]) : events.map(\.id).joined(separator: ", ")
        let paper = options.paper ?? events.compactMap { $0.paper.flatMap(Paper.init(rawValue:)) }.first ?? .a4
        sheet.layOutForPrint(paper: paper, headerLeft: title, footerLeft: "Prepared \(preparedDate(created))")
        sheet.protected = options.protect
    }

    /// The document properties every budget workbook carries: title, subject, company, and the input files named.
    static func properties(ids: String, inputs: [String], redacted: Bool, created: Int64, author: String = "") -> DocumentProperties {
        DocumentProperties(
            title: "Travel budget: \(ids)",
            subject: "Airfare assistance capped by point of departure, participant share and local expenses",
            author: author.isEmpty ? "travel-budget" : author, company: "UNITAR CIFAL Jeju / JITC",
            comments: "Written by travel-budget from " + inputs.joined(separator: ", ")
                + (redacted ? ". Redacted: names and organizations withheld." : "."),
            created: created)
    }
}

/// The roster sheet of a roster whose rows are written as they are costed (to a ``Spreadsheet/RowSink``) and not kept:
/// its setup before the rows, its header, one row per participant priced; ``BudgetWorkbook/make()`` adds the totals.
public struct StreamedRoster {
    public let event: Event
    /// Rows set aside for participants, fixed before the first.
    public let rows: Int
    /// The workbook's creation time, for the pages' prepared date.
    let created: Int64
    private let cells: RosterRows

    init(event: Event, rows: Int, options: RenderOptions, created: Int64, quotesFares: Bool = false) {
        self.event = event
        self.rows = rows
        self.created = created
        var cells = RosterRows(event: event, options: options, userText: UserText(), hasRole: RosterLayout.hasRole(event, lines: []),
                               quotesFares: quotesFares)
        cells.compact = true
        self.cells = cells
    }

    /// The sheet's name, as ``BudgetWorkbook/sheetNames(costing:reconciliations:)`` gives it.
    public var name: String { WorkbookNames.roster(event) }

    /// Widths, frozen header, the filter over the rows set aside, print setup: a stream sets them before its rows.
    public func setup() -> Sheet {
        var sheet = Sheet(name: name)
        cells.setUp(&sheet, layout: RosterLayout(sheet: sheet.name, participants: rows, hasRole: cells.hasRole,
                                                 declaredLines: cells.hasRole ? event.personLines.count - 2 : 0, quotesFares: cells.quotesFares))
        sheet.write(row: 0, cells.header())
        BudgetWorkbook.finishForPrint(&sheet, events: [event], options: cells.options, created: created)
        return sheet
    }

    /// Writes the header row (row 0).
    public func writeHeader(to sink: inout some RowSink) throws { try sink.write(row: 0, cells.header()) }

    /// The row of the participant at a 0-based position among those priced (sheet row `position + 1`).
    public func row(_ line: ParticipantCosting, verdict: Verdict, position: Int) throws(WorkbookError) -> [(column: Int, cell: Cell)] {
        try cells.cells(line, verdict: verdict, row: position + 1)
    }

    /// The same row, packed into a batch for a writer.
    public func row(_ line: ParticipantCosting, verdict: Verdict, position: Int, into batch: inout CellBatch) throws(WorkbookError) {
        try cells.cells(line, verdict: verdict, row: position + 1, into: &batch)
    }

    /// The totals under the rows and the note, from the running totals.
    func finish(_ budget: Budget) -> Sheet {
        let layout = RosterLayout(budget)
        var sheet = Sheet(name: layout.sheet)
        cells.setUp(&sheet, layout: layout)   // the widths again, so that the note under the totals spans them
        cells.finish(&sheet, layout: layout, totals: budget.totals, flags: budget.flagCounts.map(\.flag))
        return sheet
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

/// The rules for text from a roster before it reaches a cell: Spreadsheet's ``CellText``, the one rule the xlsx writer
/// checks too.
struct UserText {
    static let maximumLength = CellText.maximumLength

    /// The text without control characters (``CellText/isControl(_:)``: a cell cannot hold them; tab, line feed and
    /// carriage return stay), or an error naming the participant when it is too long for a cell.
    func clean(_ text: String, field: String, of participant: Participant) throws(WorkbookError) -> String {
        var cleaned = text
        if text.utf8.contains(where: CellText.isControl(byte:)) {
            cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { !CellText.isControl($0) }))
        }
        guard cleaned.utf16.count <= UserText.maximumLength else {
            throw WorkbookError(participant: participant.id, location: participant.location,
                                message: "the \(field) has \(cleaned.utf16.count) characters; a spreadsheet cell holds at most 32,767")
        }
        return cleaned
    }
}
