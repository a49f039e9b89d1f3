import BudgetCore
@testable import BudgetReaders
import Foundation
import Testing
typealias SourceLocation = Testing.SourceLocation

/// Paths of the fixtures and of the shipped tables.
enum Paths {
    /// The fixtures in the source tree (so that RECORD_EXPECTED=1 rewrites the real files).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// The repository's `Tables/` folder.
    static let tables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tables").path

    static func fixture(_ relative: String) -> String { (fixtures as NSString).appendingPathComponent(relative) }

    static func files(in folder: String, ending: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixture(folder))) ?? [])
            .filter { $0.hasSuffix(ending) }.sorted()
    }

    static let shippedTables: Tables = try! Tables.load(from: tables)
}

/// Compares a message with the fixture's `.expected` file; `RECORD_EXPECTED=1` rewrites it instead.
func expectMessage(_ actual: String, matches expectedPath: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] == "1" {
        try? actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        return
    }
    let expected = (try? String(contentsOfFile: expectedPath, encoding: .utf8)) ?? "(no \(expectedPath); run with RECORD_EXPECTED=1)"
    #expect(actual == expected, sourceLocation: sourceLocation)
}

/// The message a reader gives for bad input, or a note that it gave none.
func message(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "(no error)\n"
    } catch let error as InputError {
        return error.description + "\n"
    } catch {
        return "unexpected error: \(error)\n"
    }
}
