import BudgetCore
import Foundation

/// A roster read one participant at a time, in constant memory, for rosters too large to hold (a million rows): the same
/// rows, checks and messages as ``RosterReader/readRoster(bytes:file:)``, but UTF-8 only (Excel's "CSV UTF-8"), no
/// size limit, and repeated ids found by their hashes.
public final class RosterStream: Sequence, IteratorProtocol {
    private let reader: RosterReader
    private let file: String
    private let csv: CSVStream
    private var sheet: RosterSheet
    private let header: CSVRecord
    private let columns: [String: Int]
    private var ids: IDSet
    private let countries = CountryCache()
    /// Problems found so far; reading stops once there are as many as a report lists.
    public private(set) var problems: [Diagnostic] = []
    /// How the file was read (its delimiter, columns not used), for the user.
    public let notes: [Diagnostic]
    /// Headers no rule reads, said in the report.
    public let unusedColumns: [String]
    static let problemLimit = 50

    /// Opens a roster and reads its header; a bad header, or a file that is not UTF-8 text, is an error at once.
    /// `expectedRows` sizes the check for repeated ids once (the file's line count is a good bound).
    public init(reader: RosterReader, path: String, file: String, expectedRows: Int = 1_024) throws(InputError) {
        self.reader = reader
        ids = IDSet(expected: expectedRows)
        self.file = file
        let start = try RosterStream.firstLines(path, file: file)
        let delimiter = RosterDelimiter(text: start, file: file)
        let csv = try CSVStream(path: path, file: file, delimiter: delimiter.character)
        self.csv = csv
        sheet = RosterSheet(excerpt: { _ in csv.excerpt }, file: file, delimiter: delimiter.character)
        // A stream cannot look at every amount first: amounts use a dot unless --decimal-comma says otherwise.
        sheet.dateOrder = reader.mapping.dateOrder
        if reader.mapping.decimalComma { sheet.decimalMark = .comma }
        var found: CSVRecord?
        while let record = try csv.next() {
            if !record.isBlank && record.line != delimiter.separatorLine { found = record; break }
        }
        guard let header = found else {
            throw .badData([Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the roster is empty",
                                       hint: "the first row names the columns: " + RosterReader.requiredColumns.joined(separator: ","))])
        }
        self.header = header
        let read = sheet.readHeader(header, mapping: reader.mapping)
        columns = read.columns
        if !sheet.problems.isEmpty { throw .badData(sheet.problems) }
        let headerLine = csv.excerpt
        let said = RosterReader.notes(unused: read.unused, delimiter: delimiter, file: file, excerpt: { _ in headerLine })
        unusedColumns = said.unused
        notes = said.notes
    }

    /// The file's first lines as text, to choose the delimiter; a file that is not UTF-8 text is refused here.
    private static func firstLines(_ path: String, file: String) throws(InputError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .missing(path: path, reason: "cannot read the file", hint: "check its permissions (ls -l)")
        }
        defer { try? handle.close() }
        var bytes = [UInt8]((try? handle.read(upToCount: 65_536)) ?? Data())
        if bytes.count == 65_536, let end = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((end + 1)...) }
        let (text, note) = try InputText.roster(bytes, file: file)
        if note != nil {
            throw .badData([Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                                       "a roster this large is read as UTF-8 only, and this one is not UTF-8",
                                       hint: "in Excel, save as \"CSV UTF-8 (Comma delimited)\"")])
        }
        return text
    }

    /// The next participant; nil at the end of the file, or once a report's worth of problems is found.
    public func next() -> Participant? {
        while problems.count < RosterStream.problemLimit {
            let record: CSVRecord
            do {
                guard let next = try csv.next() else { return nil }
                record = next
            } catch {
                if case .badData(let found) = error { problems += found } else { problems.append(contentsOf: [error.asDiagnostic]) }
                return nil
            }
            if record.isBlank { continue }
            guard var row = sheet.row(record, header: header, columns: columns) else {
                problems += sheet.problems
                sheet.problems = []
                continue
            }
            let participant = reader.participant(&row, file: file, cache: countries) { [self] id in ids.insert(id) ? .new : .repeated(firstLine: nil) }
            problems += row.problems
            if let participant, problems.isEmpty { return participant }
        }
        return nil
    }

    /// Throws the problems found, if any (call it after the last participant).
    public func finish() throws(InputError) {
        if !problems.isEmpty { throw .badData(problems) }
    }
}

extension InputError {
    /// The error as one diagnostic, for a list of problems.
    var asDiagnostic: Diagnostic {
        switch self {
        case .badData(let found): return found.first ?? Diagnostic(SourceLocation(file: "", line: 0, column: 0), "bad data", hint: "")
        case .missing(let path, let reason, let hint): return Diagnostic(SourceLocation(file: path, line: 0, column: 0), reason, hint: hint)
        }
    }
}

/// Countries by the spelling a roster uses, remembered: a large roster names the same few countries over and over.
final class CountryCache {
    private var known: [String: Country] = [:]

    func country(named raw: String, in countries: CountryDirectory) -> Country? {
        if let country = known[raw] { return country }
        guard let country = countries.country(named: raw) else { return nil }
        if known.count < 10_000 { known[raw] = country }
        return country
    }
}
