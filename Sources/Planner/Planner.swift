import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import OutputFiles
import XLSXWriter

/// The one planner every front end shares (the command line, the web page): one entry point per job — cost, report,
/// reconcile, compare, fit, check, draft — taking the options as values and returning what the renderers made. It chooses
/// what a library should (when a roster is streamed, where `report` finds its rosters, how a US$ amount is read); a front
/// end parses its input, calls one function, and shows the result and the messages.
public struct Planner: Sendable {
    /// The tables folder, read once.
    public let tables: Tables

    /// Reads the tables folder. An event file with problems is set aside (``Tables/broken``), each with its warning in
    /// ``warnings``; a missing folder or a bad `countries.toml` is an error.
    public init(tables directory: String) throws(PlannerError) {
        do {
            tables = try Tables.load(from: directory)
        } catch {
            throw .input(error)
        }
    }

    /// What loading the tables warns of: each event file left out for its problems.
    public var warnings: [String] { tables.broken.map(\.warning) }

    /// An event by its id or by the path of its event file (`.toml`): a broken event file's problems, or an unknown id
    /// with the ids there are.
    public func event(_ name: String) throws(PlannerError) -> Event {
        if Tables.isEventFile(name) {
            do { return try tables.event(atPath: name) } catch { throw .input(error) }
        }
        if tables.event(name) == nil, let broken = tables.brokenEvent(name) { throw .input(broken.error) }
        guard let event = tables.event(name) else {
            let known = tables.events.map(\.id).joined(separator: ", ")
            throw .usage("unknown event `\(name)`; events in \(tables.directory): \(known)")
        }
        return event
    }

    /// Reads a roster under an event (nil: under none, as `compare` reads one); its notes are said, in order.
    public func roster(_ input: RosterInput, event: Event?, columns: ColumnMapping, say: Say) throws(PlannerError) -> RosterReader.Roster {
        do {
            let roster = try readRoster(input, event: event, columns: columns)
            roster.notes.forEach { say($0.description) }
            return roster
        } catch {
            throw .input(error)
        }
    }

    /// Reads a roster without saying its errors, for a caller that gathers them.
    func readRoster(_ input: RosterInput, event: Event?, columns: ColumnMapping) throws(InputError) -> RosterReader.Roster {
        let reader = RosterReader(countries: tables.countries, event: event, mapping: columns, events: tables.events)
        let bytes = try input.bytes()
        return try input.isWorkbook ? reader.readRoster(workbook: bytes, file: input.name) : reader.readRoster(bytes: bytes, file: input.name)
    }

    /// The file an event was read from, for the workbook's list of inputs.
    func eventFile(_ event: Event, asked name: String) -> String { Tables.isEventFile(name) ? name : tables.eventFile(event) }

    /// Writes the workbook of some budgets (and their plans against actuals) to its file, atomically.
    func writeWorkbook(_ request: WorkbookRequest, budgets: [Budget], reconciliations: [Reconciliation] = [], events: [Event],
                       inputs: [String], options: RenderOptions) throws(PlannerError) {
        try planned {
            let model = try BudgetWorkbook(budgets: budgets, reconciliations: reconciliations, events: events,
                                           options: request.applied(to: options), inputs: inputs, created: request.created).make()
            try XLSXFile.write(model, to: request.path)
        }
    }

    /// Writes a text file whole or not at all.
    func write(_ text: String, to path: String) throws(PlannerError) { try Planner.write(text, to: path) }

    /// Writes a text file whole or not at all (a temporary file beside it, flushed, renamed into place).
    public static func write(_ text: String, to path: String) throws(PlannerError) {
        try planned { try AtomicFile.write(text, to: path) }
    }
}

/// Where a message for the person goes: the command line prints it on standard error, the web page shows it above the
/// result. Said in the order things happen.
public typealias Say = (String) -> Void

/// A roster as given: a file's path, or bytes with the name messages call them by (an upload).
public enum RosterInput: Sendable {
    case file(String)
    case bytes([UInt8], name: String)

    /// The name messages and reports give it.
    public var name: String {
        switch self {
        case .file(let path): return path
        case .bytes(_, let name): return name
        }
    }

    /// Whether it is a workbook (.xlsx, .xlsm, .ods), by its name.
    public var isWorkbook: Bool { RosterReader.isWorkbook(name) }

    func bytes() throws(InputError) -> [UInt8] {
        switch self {
        case .file(let path): return try InputFile.bytes(path)
        case .bytes(let bytes, let name):
            try InputFile.refuseOverLimit(bytes.count, name: name)
            return bytes
        }
    }
}

/// The workbook a job also writes, and how.
public struct WorkbookRequest: Sendable {
    /// Where it is written (atomically).
    public var path: String
    /// The day it says it was prepared, midnight UTC in seconds since 1970 (``PreparedDay``).
    public var created: Int64
    /// The paper it prints on: nil for the event file's, else A4.
    public var paper: PaperSize?
    /// The name on the Summary's "Prepared by" line and the workbook's author.
    public var preparedBy: String = ""
    /// Whether formula cells are protected (without a password).
    public var protect = true

    public init(path: String, created: Int64, paper: PaperSize? = nil, preparedBy: String = "", protect: Bool = true) {
        self.path = path
        self.created = created
        self.paper = paper
        self.preparedBy = preparedBy
        self.protect = protect
    }

    /// The render options with these workbook choices.
    func applied(to options: RenderOptions) -> RenderOptions {
        var options = options
        options.paper = paper.map { $0 == .letter ? .letter : .a4 }
        options.preparedBy = preparedBy
        options.protect = protect
        return options
    }
}

/// The paper a workbook prints on.
public enum PaperSize: String, Sendable, CaseIterable {
    case a4, letter
}

/// The format of a budget's or a plan-against-actual's report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, csv
}

/// Who is priced and whether names are withheld: the options of every job that costs a roster.
public struct Pricing: Sendable {
    public var who: Who
    public var redact: Bool

    public init(who: Who = .notExcluded, redact: Bool = false) {
        self.who = who
        self.redact = redact
    }

    public var renderOptions: RenderOptions { RenderOptions(redact: redact) }
}
