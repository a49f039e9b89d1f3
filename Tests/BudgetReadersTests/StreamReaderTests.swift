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

    /// The stream (the file read in chunks, ids hashed) against the same roster saved by LibreOffice as a workbook: another
    /// record source (cells, not CSV bytes), so a slip of either reader shows.
    @Test func aStreamReadsTheSameParticipantsAsTheSameRosterSavedAsAWorkbook() throws {
        let event = try #require(tables.event("jeju-2023"))
        let path = (Repo.tablesPath as NSString).appendingPathComponent("rosters/jeju-2023.csv")
        let reader = RosterReader(countries: tables.countries, event: event)
        let workbook = Fixtures(of: "SheetReaderTests").path("xlsx/libreoffice-jeju-2023.xlsx")
        let whole = try reader.readRoster(workbook: try InputFile.bytes(workbook), file: "jeju-2023.xlsx").participants
        let stream = try RosterStream(reader: reader, path: path, file: path)
        let streamed = Array(stream)
        try stream.finish()
        #expect(streamed.map(\.id) == (1...18).map { $0 < 10 ? "P23-0\($0)" : "P23-\($0)" })
        #expect(streamed.map(\.id) == whole.map(\.id))
        #expect(streamed.map(\.fare) == whole.map(\.fare))
        #expect(streamed.map(\.country.name) == whole.map(\.country.name))
        #expect(streamed.map(\.application) == whole.map(\.application))
        #expect(streamed.map(\.name) == whole.map(\.name))
        #expect(streamed.map(\.organization) == whole.map(\.organization))
        #expect(streamed.map(\.arrive) == whole.map(\.arrive))
        #expect(streamed.map(\.leave) == whole.map(\.leave))
        #expect(streamed.map(\.funding) == whole.map(\.funding))
        #expect(streamed.map(\.capOverride) == whole.map(\.capOverride))
        #expect(streamed.map(\.paidBy) == whole.map(\.paidBy))
        #expect(streamed.map { $0.location?.line } == (2...19).map { Optional($0) })
    }

    /// What the streamed reader says about a fixture read from its file (as a large roster is), in the form of the
    /// `.expected` files.
    func streamed(_ folder: String, _ name: String) -> String {
        let path = fixtures.path("\(folder)/\(name)")
        return outcome(relativeTo: fixtures.path(folder)) { () throws(InputError) -> [Diagnostic] in
            let stream = try RosterStream(reader: RosterReader(countries: tables.countries), path: path, file: name)
            _ = Array(stream)
            try stream.finish()
            return stream.notes + stream.closingNotes
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
        // `1e9` and `1E+09` (lines 9 and 10) have one cause and one fix: one problem, on both lines.
        #expect(stream.problems.map(\.location.line) == Array(2...9))
        #expect(stream.problems.map(\.location.column) == [14, 14, 13, 13, 13, 13, 13, 13])
        #expect(stream.problems.last?.repeats?.count == 2 && stream.problems.last?.fullMessage.hasSuffix("2 amounts alike, on lines 9–10") == true)
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

/// The quick way through plain lines (split at once) reads exactly what reading byte by byte reads.
@Suite struct PlainLineTests {
    /// Every record's fields (line, column, text), its line and excerpt, and the error that ended the reading, if any.
    func fields(_ bytes: [UInt8], delimiter: Character = ",", atOnce: Bool) -> [[String]] {
        let csv = CSVStream(source: ByteSource(bytes: bytes), file: "f.csv", delimiter: delimiter)
        csv.readsPlainLinesAtOnce = atOnce
        var out: [[String]] = []
        do {
            while let record = try csv.next() {
                out.append(record.fields.map { "\($0.line):\($0.column):\($0.text)" } + ["record line \(record.line)", csv.excerpt(line: record.line) ?? "-"])
            }
        } catch {
            out.append(["error", "\(error)"])
        }
        return out
    }

    @Test func plainQuotedCRLFNonASCIIAndLastLinesReadAlikeEitherWay() {
        let text = "id,name,country,fare_usd\r\nP1,Ana Lima,India,900\r\nP2,\"Lima, Ana\",Nepal,950\n\nP3,Zoë,Samoa,\n"
            + "P4,\"two\nlines\",Fiji,1\nP5,Bo,Fiji,1000"
        let bytes = Array(text.utf8)
        let quick = fields(bytes, atOnce: true)
        #expect(quick == fields(bytes, atOnce: false))
        #expect(quick[1] == ["2:1:P1", "2:4:Ana Lima", "2:13:India", "2:19:900", "record line 2", "P1,Ana Lima,India,900"])
        #expect(quick[3] == ["4:1:", "record line 4", ""])
        #expect(quick.count == 7)
    }

    @Test(arguments: ["rosters", "roster-errors", "officer"])
    func everyRosterFixtureReadsAlikeEitherWay(folder: String) throws {
        let names = fixtures.files(in: folder, ending: ".csv")
        #expect(!names.isEmpty)
        for name in names {
            guard let bytes = try? InputFile.bytes(fixtures.path("\(folder)/\(name)")) else { continue }   // a folder named .csv
            for delimiter: Character in [",", ";", "\t"] {
                #expect(fields(bytes, delimiter: delimiter, atOnce: true) == fields(bytes, delimiter: delimiter, atOnce: false),
                        "\(folder)/\(name) with \(delimiter)")
            }
        }
    }

    @Test func sequentialIdsAreNeverTakenForRepeatsAndARepeatIsFound() {
        var ids = IDSet(expected: 200_000)
        var repeats = 0
        for n in 1 ... 200_000 where ids.firstLine(of: "P" + String(n), line: n + 1) != nil { repeats += 1 }
        #expect(repeats == 0)
        #expect(ids.firstLine(of: "P42", line: 999_999) == 43)
    }
}
