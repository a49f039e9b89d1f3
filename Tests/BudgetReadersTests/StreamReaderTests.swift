import BudgetCore
@testable import BudgetReaders
import Foundation
import Testing

/// The streaming readers a large roster goes through read exactly what the whole-file readers read.
@Suite struct StreamReaderTests {
    func records(_ path: String, delimiter: Character = ",") throws -> [[String]] {
        let csv = try CSVStream(path: path, file: "f.csv", delimiter: delimiter)
        var out: [[String]] = []
        while let record = try csv.next() { out.append(record.fields.map(\.text)) }
        return out
    }

    @Test(arguments: ["crlf.csv", "bom.csv", "blank-and-trailing-rows.csv", "excel-export.csv", "extra-columns.csv"])
    func aStreamReadsTheSameRecordsAsTheWholeFile(name: String) throws {
        let path = Paths.fixture("rosters/\(name)")
        let table = try CSVTable(text: try InputFile.read(path), file: name)
        #expect(try records(path) == table.records.map { $0.fields.map(\.text) })
    }

    @Test func aStreamReadsTheSameParticipantsAsTheRosterReader() throws {
        let tables = Paths.shippedTables
        let event = try #require(tables.event("jeju-2023"))
        let path = (Paths.tables as NSString).appendingPathComponent("rosters/jeju-2023.csv")
        let reader = RosterReader(countries: tables.countries, event: event)
        let whole = try reader.readRoster(bytes: try InputFile.bytes(path), file: path).participants
        let stream = try RosterStream(reader: reader, path: path, file: path)
        let streamed = Array(stream)
        try stream.finish()
        #expect(streamed.map(\.id) == whole.map(\.id))
        #expect(streamed.map(\.fare) == whole.map(\.fare))
        #expect(streamed.map(\.country.name) == whole.map(\.country.name))
        #expect(streamed.map(\.application) == whole.map(\.application))
    }

    @Test func aStreamTellsEveryProblemAndReturnsNoParticipantAfterTheFirst() throws {
        let path = Paths.fixture("roster-errors/bad-fares.csv")
        let stream = try RosterStream(reader: RosterReader(countries: Paths.shippedTables.countries), path: path, file: "bad-fares.csv")
        _ = Array(stream)
        #expect(stream.problems.count > 1)
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
