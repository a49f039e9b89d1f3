import Foundation

/// A workbook's zip archive, read within limits: its parts by path, each unpacked at most once and never past the limit.
/// The container is read by `ZipContainer` and each part by `Inflate`, both bounded by the file's own sizes.
final class WorkbookArchive {
    let file: String
    private let bytes: [UInt8]
    private var entries: [String: ZipContainer.Entry] = [:]
    private var lowercased: [String: String] = [:]
    private var unpacked = 0
    private let limits: SheetLimits

    private static let saveAgain = "open it in Excel or LibreOffice and save it again, or ask for a new copy"

    init(_ bytes: [UInt8], file: String, limits: SheetLimits) throws(SheetError) {
        self.file = file
        self.limits = limits
        self.bytes = bytes
        let container: ZipContainer
        do {
            container = try ZipContainer(bytes, maxEntries: limits.entries)
        } catch .tooManyEntries {
            throw SheetError([SheetProblem(file: file, "the archive has more than \(limits.entries) parts, far more than any workbook: it was not unpacked",
                                           hint: "is this the right file? Open it in Excel or LibreOffice and save it as .xlsx")])
        } catch {
            throw SheetError([SheetProblem(file: file, "the workbook cannot be opened: its zip archive is damaged or cut short", hint: WorkbookArchive.saveAgain)])
        }
        for entry in container.entries where !entry.isFolder {
            let path = entry.path.replacingOccurrences(of: "\\", with: "/")
            let key = path.hasPrefix("/") ? String(path.dropFirst()) : path
            if entries[key] == nil { entries[key] = entry }
            if lowercased[key.lowercased()] == nil { lowercased[key.lowercased()] = key }
        }
        if container.entries.isEmpty {
            throw SheetError([SheetProblem(file: file, "the workbook cannot be opened: its zip archive is damaged or cut short", hint: WorkbookArchive.saveAgain)])
        }
    }

    /// Whether the archive has a part (paths compare without regard to case, as Excel does).
    func has(_ path: String) -> Bool { entry(path) != nil }

    private func entry(_ path: String) -> ZipContainer.Entry? {
        entries[path] ?? lowercased[path.lowercased()].flatMap { entries[$0] }
    }

    /// A part's bytes, nil when the archive has no such part; never more than the declared size, nor past the limit.
    func data(_ path: String) throws(SheetError) -> Data? {
        guard let entry = entry(path) else { return nil }
        let room = limits.unpackedBytes - unpacked
        if entry.size > room {
            throw SheetError([SheetProblem(file: file, "the workbook unpacks to more than \(limits.unpackedBytes / 1_000_000) MB, far more than any roster "
                                               + "(a \"zip bomb\"?): it was not unpacked further",
                                           hint: "is this the right file? A roster of 10,000 participants unpacks to about 10 MB")])
        }
        func refused(_ why: String, hint: String = WorkbookArchive.saveAgain) -> SheetError {
            SheetError([SheetProblem(file: file, "the workbook's part \(path) cannot be unpacked: \(why)", hint: hint)])
        }
        if entry.isEncrypted {
            throw refused("it is encrypted (a zip password)", hint: "open the workbook in Excel or LibreOffice, remove the password and save a copy")
        }
        let packed = bytes[entry.start..<(entry.start + entry.packedSize)]
        guard entry.method == 0 || entry.method == 8 else {
            throw refused("it is packed by a method travel-budget does not read (zip method \(entry.method); Excel and LibreOffice use deflate)")
        }
        let out: [UInt8]
        do throws(Inflate.Fault) {
            out = entry.method == 0 ? try Inflate.stored(packed, size: entry.size, crc: entry.crc32)
                                    : try Inflate.deflated(packed, size: entry.size, crc: entry.crc32)
        } catch {
            throw refused("the file is damaged (" + WorkbookArchive.describe(error, declared: entry.size) + ")")
        }
        unpacked += out.count
        return Data(out)
    }

    private static func describe(_ fault: Inflate.Fault, declared: Int) -> String {
        func grouped(_ n: Int) -> String {
            let digits = Array(String(n))
            return String(digits.enumerated().flatMap { i, d in (i > 0 && (digits.count - i) % 3 == 0) ? [",", d] : [d] })
        }
        switch fault {
        case .longerThanDeclared: return "the part unpacks to more than the \(grouped(declared)) bytes the archive declares"
        case .endsEarly: return "the part's packed bytes end before its data does"
        case .shorterThanDeclared(let got): return "the part unpacks to \(grouped(got)) bytes, not the \(grouped(declared)) the archive declares"
        case .notDeflate(let why): return "its packed data cannot be read: \(why)"
        case .checksum: return "its checksum does not match"
        }
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
