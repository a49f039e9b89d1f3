import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing
typealias SourceLocation = Testing.SourceLocation

/// This target's fixtures, in the source tree (so that RECORD_EXPECTED=1 rewrites the real files).
let fixtures = Fixtures(of: "BudgetReadersTests")

/// Compares a message with the fixture's `.expected` file; `RECORD_EXPECTED=1` rewrites it instead.
func expectMessage(_ actual: String, matches expectedPath: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["RECORD_EXPECTED"] == "1" {
        try? actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        return
    }
    let expected = (try? String(contentsOfFile: expectedPath, encoding: .utf8)) ?? "(no \(expectedPath); run with RECORD_EXPECTED=1)"
    #expect(actual == expected, sourceLocation: sourceLocation)
}

/// What a reader says about an input, in the form of every fixture's `.expected` file: the notes or errors
/// exactly as the tool prints them on stderr, then the exit status the tool ends with.
func outcome(relativeTo folder: String? = nil, _ body: () throws(InputError) -> [Diagnostic]) -> String {
    let said: String
    do {
        let notes = try body()
        said = notes.map { $0.description + "\n" }.joined() + "exit status: 0\n"
    } catch {
        said = error.description + "\nexit status: \(error.exitCode)\n"
    }
    return folder.map { said.replacingOccurrences(of: $0 + "/", with: "") } ?? said
}

/// The message a reader gives for bad input, then its exit status, or a note that it gave none.
func message(_ body: () throws(InputError) -> Void) -> String {
    let said = outcome { () throws(InputError) -> [Diagnostic] in try body(); return [] }
    return said == "exit status: 0\n" ? "(no error)\n" : said
}
