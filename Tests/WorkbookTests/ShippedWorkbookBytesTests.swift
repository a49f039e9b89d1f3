import BudgetCore
@testable import BudgetReaders
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing
import WorkbookOutput
import XLSXWriter

/// The workbooks of the shipped events, which declare no cost line beyond assisted airfare and local expenses, stay byte
/// for byte what they were: every part of each file is fingerprinted and compared with `Snapshots/shipped-workbooks.txt`
/// (`RECORD_SNAPSHOTS=1` re-records it; re-record only when an issue changes the shipped workbooks on purpose). The speed
/// comparison with the same-sheet C reference holds only while these stay the same.
@Suite(.cleansUpTemporaryFolders) struct ShippedWorkbookBytesTests {
    static let snapshot = Repo.path("Tests/WorkbookTests/Snapshots/shipped-workbooks.txt")

    /// FNV-1a, 64 bits: enough to tell that a part changed (which part is what a reader needs to know).
    static func fingerprint(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The six-southern-asia-four-pacific scenario compared under the shipped events, as `compare --scenario … --xlsx` does.
    static func compareReport(_ name: String, real: Bool) throws -> CompareReport {
        let path = "Tables/scenarios/\(name).toml"
        let tables = try Repo.shippedTables()
        let scenario = try ScenarioReader.read(text: try InputFile.read(Repo.path(path)), file: path, countries: tables.countries,
                                               events: tables.events)
        let budgets = tables.events.map { event -> Budget in
            let adjusted = scenario.adjust(event)
            return Budget(event: adjusted, participants: scenario.participants(under: adjusted), rosterName: path, who: .all)
        }
        return CompareReport(Comparison(events: budgets.map(\.event), budgets: budgets, index: tables.priceIndex),
                             mixName: scenario.title, mixSource: path, fareWords: "as the scenario says", real: real)
    }

    /// Each shipped workbook written to a folder: name → path.
    static func write(to folder: String) throws -> [(String, String)] {
        var written: [(String, String)] = []
        func put(_ name: String, _ workbook: Workbook) throws {
            let path = "\(folder)/\(name).xlsx"
            try XLSXFile.write(workbook, to: path)
            written.append((name, path))
        }
        let created = Shipped.created
        try put("report", try Shipped.workbook())
        for budget in try Shipped.budgets() {
            try put("cost-\(budget.event.id)", try BudgetWorkbook(budgets: [budget], events: [budget.event], inputs: ["roster"],
                                                                    created: created).make())
        }
        let reconciliation = try Repo.sampleReconciliation()
        try put("reconcile", try BudgetWorkbook(budgets: [reconciliation.plan], reconciliations: [reconciliation],
                                                events: [reconciliation.event], inputs: ["roster"], created: created).make())
        for (name, real) in [("six-southern-asia-four-pacific", false), ("regional-mix-80-percent-fares", true)] {
            try put("compare-\(name)", try CompareWorkbook(report: try compareReport(name, real: real), options: RenderOptions(),
                                                           inputs: ["scenario"], created: created).make())
        }
        for id in ["jeju-2018", "jeju-2023"] {
            let event = try Repo.shippedEvent(id)
            let people = try Repo.sampleRoster(id, event: event)
            var tally = BudgetTally(event: event, rosterName: "roster.csv", rosterRows: people.count)
            let path = "\(folder)/streamed-\(id).xlsx"
            _ = try StreamedWorkbook(event: event, events: [event], inputs: ["roster.csv"], created: created)
                .write(people, rows: people.count, to: path, add: { tally.add($0) }, totals: { Budget(tally) })
            written.append(("streamed-\(id)", path))
        }
        return written
    }

    /// One line per part of each workbook (`report xl/worksheets/sheet2.xml 0123456789abcdef`), then one for the whole file.
    static func fingerprints() throws -> String {
        let folder = try temporaryFolder("shipped-bytes")
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines: [String] = []
        for (name, path) in try write(to: folder.path) {
            let parts = XLSXParts(path)
            for part in try parts.names() {
                // unzip reads a name as a pattern: `[` stands for itself only as `[[]`.
                let pattern = part.replacingOccurrences(of: "[", with: "[[]")
                lines.append("\(name) \(part) \(fingerprint(Array(try parts.text(pattern).utf8)))")
            }
            lines.append("\(name) (file) \(fingerprint(try Data(contentsOf: URL(fileURLWithPath: path))))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theShippedWorkbooksAreByteForByteTheRecordedOnes() throws {
        let actual = try ShippedWorkbookBytesTests.fingerprints()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try actual.write(toFile: ShippedWorkbookBytesTests.snapshot, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: ShippedWorkbookBytesTests.snapshot, encoding: .utf8)
        let changed = Set(actual.split(separator: "\n")).symmetricDifference(Set(expected.split(separator: "\n")))
            .map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(actual == expected, "changed: \(Set(changed).sorted().joined(separator: ", ")) (RECORD_SNAPSHOTS=1 re-records)")
    }
}
