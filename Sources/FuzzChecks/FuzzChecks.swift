import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import SheetReader

/// What the fuzz targets run on each input: read it as production does, and when it is accepted, cost it
/// under every shipped event, render every format and check that the figures foot. A broken rule traps.
public enum FuzzChecks {
    /// The repository's `Tables/` (or `FUZZ_TABLES`), read once.
    static let tables: Tables? = {
        let path = ProcessInfo.processInfo.environment["FUZZ_TABLES"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Tables").path
        return try? Tables.load(from: path)
    }()

    /// A roster file's bytes.
    public static func roster(_ bytes: [UInt8]) {
        guard let tables = loadedTables() else { return }
        guard let roster = try? RosterReader(countries: tables.countries).readRoster(bytes: bytes, file: "fuzz.csv") else { return }
        _ = roster.notes.map(\.description)
        for event in tables.events { check(Budget(event: event, participants: roster.participants, rosterName: "fuzz.csv")) }
    }

    /// A workbook's bytes (.xlsx or .ods): the sheet's grid keeps its shape, and the roster read from it is costed.
    public static func sheet(_ bytes: [UInt8]) {
        guard let tables = loadedTables() else { return }
        do {
            let grid = try SheetFile.read(bytes, file: "fuzz.xlsx")
            var previous = 0
            for row in grid.rows {
                precondition(row.number > previous && row.number <= CellReference.maximumRow, "rows out of order or out of bounds")
                previous = row.number
                var column = 0
                for cell in row.cells {
                    precondition(cell.row == row.number && cell.column > column && cell.column <= CellReference.maximumColumn,
                                 "cells out of order or out of bounds")
                    precondition(cell.kind == .unusable || !cell.text.isEmpty, "a cell with a value has no text")
                    precondition((cell.kind == .unusable) == (cell.problem != nil), "an unusable cell without its problem")
                    column = cell.column
                }
            }
        } catch {
            _ = error.description
        }
        do {
            let roster = try RosterReader(countries: tables.countries).readRoster(workbook: bytes, file: "fuzz.xlsx")
            _ = roster.notes.map(\.description)
            for event in tables.events { check(Budget(event: event, participants: roster.participants, rosterName: "fuzz.xlsx")) }
        } catch {
            _ = error.description   // every message is built, as the tool would print it
        }
    }

    /// A table file's bytes, read as an event file and as a country table.
    public static func table(_ bytes: [UInt8]) {
        guard let tables = loadedTables() else { return }
        do {
            let text = try InputFile.text(bytes, file: "fuzz.toml")
            _ = try? TableReader.countries(text: text, file: "fuzz.toml")
            let event = try TableReader.event(text: text, file: "fuzz.toml", countries: tables.countries)
            let roster = tables.events.first.flatMap { sample -> [Participant]? in
                let path = (tables.directory as NSString).appendingPathComponent("rosters/\(sample.id).csv")
                return try? RosterReader(countries: tables.countries).readRoster(bytes: InputFile.bytes(path), file: path).participants
            } ?? []
            check(Budget(event: event, participants: roster, rosterName: "sample"))
        } catch {
            _ = error.description   // every message is built, as the tool would print it
        }
    }

    /// Without libFuzzer (a plain build): runs each file named on the command line through `check`.
    public static func replay(_ check: ([UInt8]) -> Void) {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = try? InputFile.bytes(path) else { print("cannot read \(path)"); continue }
            check(bytes)
            print("ok: \(path)")
        }
    }

    private static func loadedTables() -> Tables? {
        guard let tables else {
            FileHandle.standardError.write(Data("fuzz: cannot load Tables/ (set FUZZ_TABLES)\n".utf8))
            exit(2)
        }
        return tables
    }

    /// The costing rules and the footing that every accepted input must keep.
    static func check(_ budget: Budget) {
        var totals = CostTotals()
        for line in budget.lines {
            totals.add(line)
            if let cap = line.cap { precondition(line.assistedAirfare <= cap, "assisted airfare above the cap") }
            if let fare = line.participant.fare {
                precondition(line.assistedAirfare + line.participantShare == fare, "assisted + share is not the fare")
            }
            precondition(line.total == line.assistedAirfare + line.localExpenses, "total is not assisted + local")
        }
        precondition(totals == budget.totals, "the total is not the sum of the lines")
        var regions = CostTotals()
        for region in budget.regions { region.lines.forEach { regions.add($0) } }
        precondition(regions == budget.totals, "the regions do not add up to the total")
        for redact in [false, true] {
            let options = RenderOptions(redact: redact)
            _ = TextReport(budget, options: options).render()
            do { _ = try JSONReport(budget, options: options).render() } catch { preconditionFailure("the JSON report failed: \(error)") }
            _ = CSVReport(budget, options: options).render()
        }
    }
}
