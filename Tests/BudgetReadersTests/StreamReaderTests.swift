import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// The streaming readers a large roster goes through read exactly what the whole-file readers read.
@Suite struct StreamReaderTests {
    let tables: Tables

    init() throws { tables = try Repo.shippedTables() }

    func records(_ path: String, delimiter: Character = ",") throws -> [[String]] {
        let csv = try CSVStream(path: path, file: "f.csv", delimiter: delimiter)
        var out: [[String]] = []
        while let record = try csv.next() { out.append(record.fields.map(\.text)) }
        return out
    }

    @Test(arguments: ["crlf.csv", "bom.csv", "blank-and-trailing-rows.csv", "excel-export.csv", "extra-columns.csv"])
    func aStreamReadsTheSameRecordsAsTheWholeFile(name: String) throws {
        let path = fixtures.path("rosters/\(name)")
        let table = try CSVTable(text: try InputFile.read(path), file: name)
        #expect(try records(path) == table.records.map { $0.fields.map(\.text) })
    }

    @Test func aStreamReadsTheSameParticipantsAsTheRosterReader() throws {
        let event = try #require(tables.event("jeju-2023"))
        let path = (Repo.tablesPath as NSString).appendingPathComponent("rosters/jeju-2023.csv")
        let reader = RosterReader(countries: tables.countries, event: event)
        let whole = try reader.readRoster(bytes: try InputFile.bytes(path), file: path).participants
        let stream = try RosterStream(reader: reader, path: path, file: path)
        let streamed = Array(stream)
        try stream.finish()
        #expect(streamed.map(\.id) == whole.map(\.id))
        #expect(streamed.map(\.fare) == whole.map(\.fare))
        #expect(streamed.map(\.country.name) == whole.map(\.country.name))
        #expect(streamed.map(\.application) == whole.map(\.application))
        #expect(streamed.map(\.name) == whole.map(\.name))
        #expect(streamed.map(\.arrive) == whole.map(\.arrive))
        #expect(streamed.map(\.leave) == whole.map(\.leave))
        #expect(streamed.map(\.funding) == whole.map(\.funding))
        #expect(streamed.map(\.capOverride) == whole.map(\.capOverride))
        #expect(streamed.map(\.paidBy) == whole.map(\.paidBy))
        #expect(streamed.map(\.location) == whole.map(\.location))
        #expect(streamed.count == 18)
    }

    /// What the streamed reader says about a fixture read from its file (as a large roster is), in the form of the
    /// `.expected` files.
    func streamed(_ folder: String, _ name: String) -> String {
        let path = fixtures.path("\(folder)/\(name)")
        return outcome(relativeTo: fixtures.path(folder)) { () throws(InputError) -> [Diagnostic] in
            let stream = try RosterStream(reader: RosterReader(countries: tables.countries), path: path, file: name)
            _ = Array(stream)
            try stream.finish()
            return stream.notes + stream.dateNotes
        }
    }

    @Test(arguments: fixtures.files(in: "roster-errors", ending: ".csv"))
    func aStreamGivesEveryBadRosterTheSameMessagesAsTheWholeFile(name: String) {
        let said = streamed("roster-errors", name)
        #expect(!said.hasSuffix("exit status: 0\n"))
        expectMessage(said, matches: fixtures.path("roster-errors/\(name)").replacingOccurrences(of: ".csv", with: ".expected"))
    }

    @Test(arguments: fixtures.files(in: "rosters", ending: ".csv"))
    func aStreamReadsEveryMessyButReadableRosterWithTheSameNotes(name: String) {
        let said = streamed("rosters", name)
        #expect(said.hasSuffix("exit status: 0\n"))
        expectMessage(said, matches: fixtures.path("rosters/\(name)").replacingOccurrences(of: ".csv", with: ".expected"))
    }

    @Test func aStreamReadsWindows1252_asTheWholeFileDoes() throws {
        let path = fixtures.path("rosters/windows-1252.csv")
        let reader = RosterReader(countries: tables.countries)
        let whole = try reader.readRoster(bytes: try InputFile.bytes(path), file: "w.csv")
        let stream = try RosterStream(reader: reader, path: path, file: "w.csv")
        let streamed = Array(stream)
        try stream.finish()
        #expect(streamed.map(\.name) == whole.participants.map(\.name))
        #expect(streamed.map(\.name).contains { !$0.allSatisfy(\.isASCII) })
        #expect(stream.notes == whole.notes)
    }

    @Test func aStreamTellsEveryProblemAndReturnsNoParticipantAfterTheFirst() throws {
        let path = fixtures.path("roster-errors/bad-fares.csv")
        let stream = try RosterStream(reader: RosterReader(countries: tables.countries), path: path, file: "bad-fares.csv")
        let read = Array(stream)
        #expect(read.isEmpty)   // the first row is refused: no participant is handed on after it
        #expect(stream.problems.map(\.location.line) == Array(2...10))
        #expect(stream.problems.map(\.location.column) == [14, 14, 13, 13, 13, 13, 13, 13, 13])
        #expect(stream.problems.allSatisfy { $0.message.hasPrefix("`fare_usd` is ") })
        #expect(throws: InputError.self) { try stream.finish() }
    }

    @Test func repeatedIdsAreFound_andDistinctOnesAreNot() {
        var ids = IDSet(expected: 10)
        var inserted = 0
        for n in 0..<100_000 where ids.insert("P\(n)") { inserted += 1 }
        #expect(inserted == 100_000)
        let again = ids.insert("P42")
        let new = ids.insert("P100000")
        #expect(!again)
        #expect(new)
    }
}
