import ArgumentParser
import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import OutputFiles
import XLSXWriter

/// Terminal and file edges of the command line: messages on stderr, exits, atomic writes.
enum Console {
    /// Writes a message to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Runs a body; an input error is printed with its location and hint and becomes its exit code.
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        } catch let error as OutputError {
            Console.error(error.description)
            throw ExitCode(73)
        } catch let error as XLSXError {
            Console.error(error.description)
            throw ExitCode(73)
        } catch let error as WorkbookError {
            Console.error(error.description)
            throw ExitCode(65)
        }
    }

    /// Loads the tables folder, warning of each event file left out for its problems.
    static func tables(_ option: TablesOption) throws -> Tables {
        let tables = try guarded { try Tables.load(from: option.tables) }
        tables.broken.forEach { Console.error($0.warning) }
        return tables
    }

    /// The event with an id; a broken event file's problems (exit 65), or exit 64 listing the ids there are.
    static func event(_ id: String, in tables: Tables) throws -> Event {
        if tables.event(id) == nil, let broken = tables.brokenEvent(id) {
            return try guarded { throw broken.error }
        }
        guard let event = tables.event(id) else {
            let known = tables.events.map(\.id).joined(separator: ", ")
            throw ValidationError("unknown event `\(id)`; events in \(tables.directory): \(known)")
        }
        return event
    }

    /// Reads a roster, telling on stderr how it was read (encoding, delimiter, columns not used).
    static func roster(_ path: String, tables: Tables, event: Event?, columns: ColumnMapping) throws -> RosterReader.Roster {
        try guarded { try readRoster(path, tables: tables, event: event, columns: columns) }
    }

    /// Reads a roster without printing its errors, for a caller that gathers them; its notes are printed.
    static func readRoster(_ path: String, tables: Tables, event: Event?, columns: ColumnMapping) throws(InputError) -> RosterReader.Roster {
        let reader = RosterReader(countries: tables.countries, event: event, mapping: columns, events: tables.events)
        let bytes = try InputFile.bytes(path)
        let roster = try RosterReader.isWorkbook(path) ? reader.readRoster(workbook: bytes, file: path) : reader.readRoster(bytes: bytes, file: path)
        roster.notes.forEach { Console.error($0.description) }
        return roster
    }
}

/// Writes budget workbooks: the model from the renderers, the file from libxlsxwriter.
enum WorkbookFile {
    /// Writes the workbook of some budgets (and their plan against actual) to a path (atomically), showing every event's
    /// caps and rates.
    static func write(_ budgets: [Budget], reconciliations: [Reconciliation] = [], events: [Event], inputs: [String],
                      options: RenderOptions, created: Int64, to path: String) throws {
        try Console.guarded {
            let model = try BudgetWorkbook(budgets: budgets, reconciliations: reconciliations, events: events, options: options,
                                           inputs: inputs, created: created).make()
            try XLSXFile.write(model, to: path)
        }
    }
}

