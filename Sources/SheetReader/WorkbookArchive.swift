import Foundation
import ZIPFoundation

/// A workbook's zip archive, read within limits: its parts by path, each unpacked at most once and never past the limit.
final class WorkbookArchive {
    let file: String
    private let archive: Archive
    private var entries: [String: Entry] = [:]
    private var lowercased: [String: String] = [:]
    private var unpacked = 0
    private let limits: SheetLimits
    /// The archive's size: no part's packed bytes can be more.
    private let size: Int

    init(_ bytes: [UInt8], file: String, limits: SheetLimits) throws(SheetError) {
        self.file = file
        self.limits = limits
        self.size = bytes.count
        let damaged = SheetProblem(file: file, "the workbook cannot be opened: its zip archive is damaged or cut short",
                                   hint: "open it in Excel or LibreOffice and save it again, or ask for a new copy")
        if !WorkbookArchive.partsWithinFile(bytes) { throw SheetError([damaged]) }
        // ZIPFoundation's in-memory archive traps on an offset past the end (found by fuzz-sheet), its file-backed one
        // reports an error: the bytes go to a temporary file, unlinked as soon as it is open.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("travel-budget-\(UUID().uuidString).zip")
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw SheetError([SheetProblem(file: file, "the workbook cannot be unpacked: no temporary file could be written (\(error.localizedDescription))",
                                           hint: "check that the temporary folder (\(FileManager.default.temporaryDirectory.path)) is writable and has room")])
        }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SheetError([damaged])
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.entries {
                throw SheetError([SheetProblem(file: file, "the archive has more than \(limits.entries) parts, far more than any workbook: it was not unpacked",
                                               hint: "is this the right file? Open it in Excel or LibreOffice and save it as .xlsx")])
            }
            let path = entry.path.replacingOccurrences(of: "\\", with: "/")
            let key = path.hasPrefix("/") ? String(path.dropFirst()) : path
            if entries[key] == nil { entries[key] = entry }
            if lowercased[key.lowercased()] == nil { lowercased[key.lowercased()] = key }
        }
        if count == 0 { throw SheetError([damaged]) }
    }

    /// Whether every part the central directory lists has its local header, and its packed bytes, inside the file:
    /// ZIPFoundation 0.9.20 reads on for ever past the end of the file otherwise (found by fuzz-sheet).
    static func partsWithinFile(_ bytes: [UInt8]) -> Bool {
        func u16(_ i: Int) -> Int { i + 2 <= bytes.count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : -1 }
        func u32(_ i: Int) -> Int { i + 4 <= bytes.count ? u16(i) | u16(i + 2) << 16 : -1 }
        let n = bytes.count
        guard n >= 22 else { return false }
        // The end-of-central-directory record: its signature within the last 65,557 bytes.
        var end = -1
        var i = n - 22
        while i >= max(0, n - 65_557) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { return false }
        let count = u16(end + 10), directory = u32(end + 16)
        if count == 0xFFFF || directory == 0xFFFF_FFFF { return true }   // ZIP64: left to ZIPFoundation
        var at = directory
        for _ in 0..<max(0, count) {
            guard at >= 0, u32(at) == 0x0201_4B50 else { return false }
            let packed = u32(at + 20), nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let local = u32(at + 42)
            guard packed >= 0, nameLength >= 0, extraLength >= 0, commentLength >= 0, local >= 0 else { return false }
            if packed != 0xFFFF_FFFF && local != 0xFFFF_FFFF {
                guard u32(local) == 0x0403_4B50 else { return false }
                let localName = u16(local + 26), localExtra = u16(local + 28)
                guard localName >= 0, localExtra >= 0, local + 30 + localName + localExtra + packed <= n else { return false }
            }
            at += 46 + nameLength + extraLength + commentLength
        }
        return true
    }

    /// Whether the archive has a part (paths compare without regard to case, as Excel does).
    func has(_ path: String) -> Bool { entry(path) != nil }

    private func entry(_ path: String) -> Entry? {
        entries[path] ?? lowercased[path.lowercased()].flatMap { entries[$0] }
    }

    /// A part's bytes, nil when the archive has no such part.
    func data(_ path: String) throws(SheetError) -> Data? {
        guard let entry = entry(path), entry.type == .file else { return nil }
        let room = limits.unpackedBytes - unpacked
        let bomb = SheetProblem(file: file, "the workbook unpacks to more than \(limits.unpackedBytes / 1_000_000) MB, far more than any roster "
                                    + "(a \"zip bomb\"?): it was not unpacked further",
                                hint: "is this the right file? A roster of 10,000 participants unpacks to about 10 MB")
        if entry.uncompressedSize > UInt64(max(0, room)) { throw SheetError([bomb]) }
        // A part said to hold more packed bytes than the whole file is damaged; ZIPFoundation would read on past the
        // end of the file for a long time (found by fuzz-sheet).
        if entry.compressedSize > UInt64(size) || (!entry.isCompressed && entry.uncompressedSize > UInt64(size)) {
            throw SheetError([SheetProblem(file: file, "the workbook's part \(path) cannot be unpacked: the file is damaged (the part is said to be larger than the file)",
                                           hint: "open it in Excel or LibreOffice and save it again, or ask for a new copy")])
        }
        var out = Data()
        struct TooLarge: Error {}
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > room { throw TooLarge() }
                out.append(chunk)
            }
        } catch is TooLarge {
            throw SheetError([bomb])
        } catch {
            throw SheetError([SheetProblem(file: file, "the workbook's part \(path) cannot be unpacked: the file is damaged",
                                           hint: "open it in Excel or LibreOffice and save it again, or ask for a new copy")])
        }
        unpacked += out.count
        return out
    }

    /// A part as an element tree, nil when absent; a part that is not XML is a problem naming it.
    func xml(_ path: String) throws(SheetError) -> XMLNode? {
        guard let data = try data(path) else { return nil }
        switch XMLTree.parse(data) {
        case .success(let root): return root
        case .failure(let reason):
            let why = reason.text
            throw SheetError([SheetProblem(file: file, "the workbook's part \(path) cannot be read: \(why)",
                                           hint: "open it in Excel or LibreOffice and save it again, or ask for a new copy")])
        }
    }

    /// `xl/` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root; `..` goes up.
    static func resolve(_ target: String, from folder: String) -> String {
        let start = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        var parts = start
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Reads spreadsheet files into a grid of cells.
public enum SheetFile {
    /// The file kinds read: by their extension.
    public static let extensions = ["xlsx", "xlsm", "ods"]

    /// Whether a path names a spreadsheet file (by its extension).
    public static func isSpreadsheet(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// Reads one sheet of an .xlsx or .ods file's bytes: `sheet` by name, else one named like a roster, else the first
    /// visible one. `file` names the file in messages.
    public static func read(_ bytes: [UInt8], file: String, sheet: String? = nil, limits: SheetLimits = .standard) throws(SheetError) -> SheetGrid {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw SheetError([compoundFile(bytes, file: file)]) }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            let text = bytes.prefix(512).allSatisfy { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x20 }
            throw SheetError([SheetProblem(file: file, "this is not a workbook (an .xlsx or .ods file is a zip archive)" + (text && !bytes.isEmpty ? "; it looks like text" : ""),
                                           hint: text && !bytes.isEmpty ? "if it is a CSV roster, name it .csv" : "is this the right file? Open it in Excel or LibreOffice and save it as .xlsx")])
        }
        let archive = try WorkbookArchive(bytes, file: file, limits: limits)
        if archive.has("content.xml") && !archive.has("[Content_Types].xml") {
            return try ODSBook(archive: archive, limits: limits).read(sheet: sheet)
        }
        return try XLSXBook(archive: archive, limits: limits).read(sheet: sheet)
    }

    /// An OLE compound file: an encrypted (password-protected) workbook, or an old .xls.
    static func compoundFile(_ bytes: [UInt8], file: String) -> SheetProblem {
        // A compound file names its streams in UTF-16LE; an encrypted workbook has "EncryptionInfo".
        let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let encrypted = bytes.count >= name.count && (0...(bytes.count - name.count)).contains { i in
            bytes[i] == name[0] && bytes[i..<(i + name.count)].elementsEqual(name)
        }
        if encrypted {
            return SheetProblem(file: file, "the workbook is protected by a password (encrypted), so it cannot be read",
                                hint: "open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password: clear it), "
                                    + "save a copy and give that copy")
        }
        return SheetProblem(file: file, "this is an old Excel workbook (.xls, Excel 97-2003), which travel-budget does not read",
                            hint: "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), or as CSV UTF-8")
    }
}

/// Choosing the sheet to read among a workbook's sheets.
enum SheetChoosing {
    /// A sheet as listed by the workbook.
    struct Listed {
        let name: String
        let isHidden: Bool
        /// Whether it holds cells (not a chart sheet).
        let hasCells: Bool
    }

    /// The sheet asked for, or named like a roster, or the first visible one; or a problem listing the sheets.
    static func choose(_ sheets: [Listed], asked: String?, file: String) throws(SheetError) -> (Listed, SheetChoice) {
        let names = sheets.map { "`\($0.name)`" + ($0.isHidden ? " (hidden)" : "") }.joined(separator: ", ")
        if let asked {
            let key = asked.trimmingCharacters(in: .whitespaces).lowercased()
            guard let sheet = sheets.first(where: { $0.name == asked }) ?? sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key }) else {
                throw SheetError([SheetProblem(file: file, "the workbook has no sheet `\(asked)`", hint: "its sheets are: \(names); give one with --sheet NAME")])
            }
            guard sheet.hasCells else {
                throw SheetError([SheetProblem(file: file, "sheet `\(sheet.name)` is a chart, not a sheet of cells", hint: "its sheets are: \(names)")])
            }
            return (sheet, .named)
        }
        let cells = sheets.filter(\.hasCells)
        if let sheet = cells.first(where: { !$0.isHidden && isRosterName($0.name) }) ?? cells.first(where: { isRosterName($0.name) }) {
            return (sheet, .namedLikeRoster)
        }
        guard let sheet = cells.first(where: { !$0.isHidden }) else {
            throw SheetError([SheetProblem(file: file, cells.isEmpty ? "the workbook has no sheet of cells" : "every sheet of the workbook is hidden",
                                           hint: cells.isEmpty ? "is this the right file?" : "name the sheet to read: --sheet NAME (its sheets are: \(names))")])
        }
        return (sheet, .firstVisible)
    }

    /// "Roster", "participants", "Participant list", "roster 2023"…
    static func isRosterName(_ name: String) -> Bool {
        let key = name.lowercased()
        return key.contains("roster") || key.contains("participant")
    }
}
