import Foundation
@testable import SheetReader
import TestSupport
import Testing

/// A zip archive made byte by byte, so that each rule of the container reader can be shown on the smallest file that
/// breaks it. Deflated parts are made of deflate's stored blocks (no compression), which any inflater must read.
struct ZipBuilder {
    struct Part {
        var name: String
        var method = 8
        /// The packed bytes as written (for method 8, a deflate stream).
        var packed: [UInt8]
        var size: Int
        var crc: UInt32
        var flags = 0
        /// Sizes and offset in the zip64 extra field, 0xFFFFFFFF in the header.
        var zip64 = false
    }

    var parts: [Part] = []
    /// The end record counts this many entries instead of the parts' number.
    var declaredCount: Int?
    var zip64End = false

    /// A part holding `text`, deflated (in one final stored block) unless `stored`.
    mutating func add(_ name: String, _ text: String, stored: Bool = false, zip64: Bool = false) {
        let bytes = Array(text.utf8)
        parts.append(Part(name: name, method: stored ? 0 : 8, packed: stored ? bytes : ZipBuilder.storedBlocks(bytes), size: bytes.count,
                          crc: Inflate.checksum(bytes), zip64: zip64))
    }

    /// A deflate stream of stored blocks holding `bytes`; the last block is final unless `final` is false.
    static func storedBlocks(_ bytes: [UInt8], final: Bool = true) -> [UInt8] {
        let length = UInt16(bytes.count)
        return [final ? 0x01 : 0x00] + le(Int(length), 2) + le(Int(~length), 2) + bytes
    }

    static func le(_ value: Int, _ width: Int) -> [UInt8] { (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for part in parts {
            let offset = out.count
            let name = Array(part.name.utf8)
            let big = part.zip64 ? 0xFFFF_FFFF : nil
            let extra = part.zip64 ? ZipBuilder.le(1, 2) + ZipBuilder.le(24, 2) + ZipBuilder.le(part.size, 8) + ZipBuilder.le(part.packed.count, 8)
                + ZipBuilder.le(offset, 8) : []
            out += ZipBuilder.le(0x0403_4B50, 4) + ZipBuilder.le(part.zip64 ? 45 : 20, 2) + ZipBuilder.le(part.flags, 2) + ZipBuilder.le(part.method, 2)
                + ZipBuilder.le(0, 4) + ZipBuilder.le(Int(part.crc), 4) + ZipBuilder.le(big ?? part.packed.count, 4) + ZipBuilder.le(big ?? part.size, 4)
                + ZipBuilder.le(name.count, 2) + ZipBuilder.le(0, 2) + name + part.packed
            directory += ZipBuilder.le(0x0201_4B50, 4) + ZipBuilder.le(45, 2) + ZipBuilder.le(part.zip64 ? 45 : 20, 2) + ZipBuilder.le(part.flags, 2)
                + ZipBuilder.le(part.method, 2) + ZipBuilder.le(0, 4) + ZipBuilder.le(Int(part.crc), 4) + ZipBuilder.le(big ?? part.packed.count, 4)
                + ZipBuilder.le(big ?? part.size, 4) + ZipBuilder.le(name.count, 2) + ZipBuilder.le(extra.count, 2) + ZipBuilder.le(0, 2)
                + ZipBuilder.le(0, 2) + ZipBuilder.le(0, 2) + ZipBuilder.le(0, 4) + ZipBuilder.le(big ?? offset, 4) + name + extra
        }
        let start = out.count
        out += directory
        let count = declaredCount ?? parts.count
        if zip64End {
            let record = out.count
            out += ZipBuilder.le(0x0606_4B50, 4) + ZipBuilder.le(44, 8) + ZipBuilder.le(45, 2) + ZipBuilder.le(45, 2) + ZipBuilder.le(0, 4)
                + ZipBuilder.le(0, 4) + ZipBuilder.le(count, 8) + ZipBuilder.le(count, 8) + ZipBuilder.le(directory.count, 8) + ZipBuilder.le(start, 8)
            out += ZipBuilder.le(0x0706_4B50, 4) + ZipBuilder.le(0, 4) + ZipBuilder.le(record, 8) + ZipBuilder.le(1, 4)
            out += ZipBuilder.le(0x0605_4B50, 4) + ZipBuilder.le(0, 4) + ZipBuilder.le(0xFFFF, 2) + ZipBuilder.le(0xFFFF, 2)
                + ZipBuilder.le(0xFFFF_FFFF, 4) + ZipBuilder.le(0xFFFF_FFFF, 4) + ZipBuilder.le(0, 2)
        } else {
            out += ZipBuilder.le(0x0605_4B50, 4) + ZipBuilder.le(0, 4) + ZipBuilder.le(count, 2) + ZipBuilder.le(count, 2)
                + ZipBuilder.le(directory.count, 4) + ZipBuilder.le(start, 4) + ZipBuilder.le(0, 2)
        }
        return out
    }

    /// The smallest workbook the sheet reader reads: one sheet, `Roster`, with `A1` = `id`; `styles` replaces the
    /// styles part's packed bytes when given.
    static func workbook(sheetXML: String = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row></sheetData></worksheet>"#,
                         zip64: Bool = false) -> ZipBuilder {
        var zip = ZipBuilder()
        zip.zip64End = zip64
        zip.add("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#, stored: true)
        zip.add("xl/workbook.xml", #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>"#, zip64: zip64)
        zip.add("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#)
        zip.add("xl/worksheets/sheet1.xml", sheetXML, zip64: zip64)
        zip.add("xl/styles.xml", #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#)
        return zip
    }

    subscript(name: String) -> Part {
        get { parts.first { $0.name == name }! }
        set { parts[parts.firstIndex { $0.name == name }!] = newValue }
    }
}

/// The one problem reading a file gives, as `place: message`, or `read` when it is read.
private func outcome(_ bytes: [UInt8], limits: SheetLimits = .standard) -> String {
    do throws(SheetError) {
        _ = try SheetFile.read(bytes, file: "roster.xlsx", limits: limits)
        return "read"
    } catch {
        return error.problems.map { "\($0.place): \($0.message)" }.joined(separator: "\n")
    }
}

private let damagedArchive = "roster.xlsx: the workbook cannot be opened: its zip archive is damaged or cut short"

@Suite("The zip container: every part read within the bytes and sizes the archive declares")
struct ZipContainerTests {
    @Test("A workbook of stored and deflated parts is read; so is one whose sizes and offsets are in zip64 fields")
    func wellFormed() throws {
        #expect(outcome(ZipBuilder.workbook().bytes) == "read")
        #expect(outcome(ZipBuilder.workbook(zip64: true).bytes) == "read")
        let grid = try SheetFile.read(ZipBuilder.workbook(zip64: true).bytes, file: "roster.xlsx")
        #expect(grid.rows.first?.cells.first?.text == "id")
    }

    @Test("A deflate stream whose packed bytes end before the stream does is damaged, at once")
    func streamEndsEarly() {
        var zip = ZipBuilder.workbook()
        let styles = Array(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#.utf8)
        zip["xl/styles.xml"].packed = ZipBuilder.storedBlocks(styles, final: false)   // no final block: the stream never ends
        #expect(outcome(zip.bytes) == "roster.xlsx: the workbook's part xl/styles.xml cannot be unpacked: the file is damaged "
            + "(the part's packed bytes end before its data does)")
        zip["xl/styles.xml"].packed = Array(ZipBuilder.storedBlocks(styles).prefix(40))
        #expect(outcome(zip.bytes).hasSuffix("(the part's packed bytes end before its data does)"))
    }

    @Test("A stream that unpacks to more than its declared size is damaged as soon as it passes it; to fewer, also damaged")
    func sizeNotAsDeclared() {
        var zip = ZipBuilder.workbook()
        zip["xl/styles.xml"].size = 10
        #expect(outcome(zip.bytes) == "roster.xlsx: the workbook's part xl/styles.xml cannot be unpacked: the file is damaged "
            + "(the part unpacks to more than the 10 bytes the archive declares)")
        zip["xl/styles.xml"].size = 1_000
        #expect(outcome(zip.bytes) == "roster.xlsx: the workbook's part xl/styles.xml cannot be unpacked: the file is damaged "
            + "(the part unpacks to 79 bytes, not the 1,000 the archive declares)")
    }

    @Test("Bytes that are not deflate, a wrong checksum, an unknown method, an encrypted part: each damaged with its reason")
    func partFaults() {
        var zip = ZipBuilder.workbook()
        zip["xl/styles.xml"].packed = [0x07, 0xFF, 0xFF, 0xFF]   // block type 3 does not exist
        #expect(outcome(zip.bytes) == "roster.xlsx: the workbook's part xl/styles.xml cannot be unpacked: the file is damaged "
            + "(its packed data cannot be read: invalid block type)")
        zip = ZipBuilder.workbook()
        zip["xl/styles.xml"].crc ^= 1
        #expect(outcome(zip.bytes).hasSuffix("(its checksum does not match)"))
        zip = ZipBuilder.workbook()
        zip["xl/styles.xml"].method = 12
        #expect(outcome(zip.bytes) == "roster.xlsx: the workbook's part xl/styles.xml cannot be unpacked: it is packed by a method travel-budget "
            + "does not read (zip method 12; Excel and LibreOffice use deflate)")
        zip = ZipBuilder.workbook()
        zip["xl/styles.xml"].flags = 1
        #expect(outcome(zip.bytes) == "roster.xlsx: the workbook's part xl/styles.xml cannot be unpacked: it is encrypted (a zip password)")
        zip = ZipBuilder.workbook()
        zip["[Content_Types].xml"].size += 1   // damaged, but a part the reader does not need is not unpacked
        #expect(outcome(zip.bytes) == "read")
    }

    @Test("A directory, local header or part outside the file, or an end record that is not there: the archive is damaged")
    func containerFaults() {
        let good = ZipBuilder.workbook().bytes
        #expect(outcome(Array(good.dropLast(1))) == damagedArchive)          // the end record cut
        #expect(outcome(Array(good.prefix(good.count / 2))) == damagedArchive)
        var zip = ZipBuilder.workbook()
        zip.declaredCount = 9   // more entries than the directory holds
        #expect(outcome(zip.bytes) == damagedArchive)
        // The last part's (xl/styles.xml) packed size, in its directory entry, said larger than the file.
        var bytes = good
        let header = bytes.count - 22 - (46 + "xl/styles.xml".utf8.count)
        bytes.replaceSubrange((header + 20)..<(header + 24), with: ZipBuilder.le(1 << 30, 4))
        #expect(outcome(bytes) == damagedArchive)
    }

    @Test("More parts than the limit are refused from the end record's count, before any part is read")
    func tooManyParts() {
        var zip = ZipBuilder.workbook()
        zip.declaredCount = 20_000
        #expect(outcome(zip.bytes) == "roster.xlsx: the archive has more than 10000 parts, far more than any workbook: it was not unpacked")
        #expect(outcome(ZipBuilder.workbook().bytes, limits: SheetLimits(entries: 4, unpackedBytes: 1_000_000, cells: 100))
            == "roster.xlsx: the archive has more than 4 parts, far more than any workbook: it was not unpacked")
    }

    @Test("Parts are unpacked within the workbook's limit on unpacked bytes, counted on the sizes declared")
    func unpackLimit() {
        #expect(outcome(ZipBuilder.workbook().bytes, limits: SheetLimits(entries: 100, unpackedBytes: 300, cells: 100))
            .contains("(a \"zip bomb\"?): it was not unpacked further"))
    }
}

@Suite("Every workbook the project holds is read or refused in well under a second")
struct WorkbookTimeLimitTests {
    /// Every .xlsx, .xlsm, .ods and .xls file under Tests/*/Fixtures and in ../shared/repro (when it is there).
    static let files: [String] = {
        var found: [String] = []
        for root in [Repo.path("Tests"), Repo.shared("repro")] {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let path = walker.nextObject() as? String {
                if ["xlsx", "xlsm", "ods", "xls"].contains((path as NSString).pathExtension.lowercased()) { found.append(root + "/" + path) }
            }
        }
        return found.sorted()
    }()

    @Test("The fixtures and the reproducers include the 5 KB workbook that once hung the reader")
    func theReproducerIsAmongThem() {
        #expect(WorkbookTimeLimitTests.files.contains { $0.hasSuffix("workbook-errors/inflate-spin.xlsx") })
        #expect(WorkbookTimeLimitTests.files.count >= 20)
    }

    @Test(arguments: files)
    func readOrRefusedWithinTheLimit(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let finished = DispatchSemaphore(value: 0)
        // On a thread of its own, so that a reader that never returns fails this test instead of hanging the run.
        let reading = Thread {
            _ = try? SheetFile.read(bytes, file: (path as NSString).lastPathComponent)
            finished.signal()
        }
        reading.stackSize = 8 << 20
        let started = Date()
        reading.start()
        #expect(finished.wait(timeout: .now() + 5) == .success, "\(path) was neither read nor refused within 5 seconds")
        #expect(Date().timeIntervalSince(started) < 1, "\(path) took \(Date().timeIntervalSince(started)) s")
    }
}
