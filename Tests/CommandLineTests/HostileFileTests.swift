import Foundation
import TestSupport
import Testing

/// Files and folders that fight back: limits, read-only places, huge and unreadable rosters.
@Suite(.cleansUpTemporaryFolders) struct HostileFileTests {
    static let tables = Repo.tablesPath
    static let roster = Repo.root.appendingPathComponent("Tables/rosters/jeju-2023.csv").path

    /// Runs the tool under shell limits (`ulimit …`).
    static func limited(_ limits: String) -> [String] { ["/bin/bash", "-c", "\(limits); exec \"$0\" \"$@\""] }

    /// Root may write anywhere and read anything, so the permission tests run the tool as `nobody` then.
    static let asUnprivileged: [String] = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []
    static let canDropPrivileges = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test("A 5 KB workbook whose part inflates past its declared size (it once hung the reader for ever) is refused at once")
    func aWorkbookThatOnceHungTheReaderIsRefusedAtOnce() throws {
        let started = Date()
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tests/BudgetReadersTests/Fixtures/workbook-errors/inflate-spin.xlsx"],
                          wrapper: ["/usr/bin/timeout", "20"])
        #expect(run.status == 65, "exit 124 is the 20-second timeout: the reader hangs again")
        #expect(run.stderr.hasPrefix("Tests/BudgetReadersTests/Fixtures/workbook-errors/inflate-spin.xlsx: error: the workbook's part "
            + "xl/worksheets/sheet1.xml cannot be unpacked: the file is damaged (the part unpacks to more than the 1,707 bytes the archive declares)\n"))
        #expect(run.stdout.isEmpty)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aFileSizeLimitReachedMidWriteIsExit73_andTheEarlierReportIsUntouched() throws {
        let folder = try temporaryFolder()
        let report = folder.appendingPathComponent("budget.txt")
        try "the earlier report\n".write(to: report, atomically: true, encoding: .utf8)
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", HostileFileTests.roster, "--output", "budget.txt",
                           "--tables", HostileFileTests.tables], in: folder, wrapper: HostileFileTests.limited("ulimit -f 1"))
        #expect(run.status == 73)
        #expect(run.stderr == "budget.txt: error: cannot write: File too large\n"
                + "    hint: free some disk space (or raise the file size limit); any earlier report is unchanged\n")
        #expect(try String(contentsOf: report, encoding: .utf8) == "the earlier report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["budget.txt"])
    }

    @Test func aFolderWhereNoFileCanBeMadeIsExit73_evenForRoot() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", HostileFileTests.roster, "--output", "/proc/budget.txt"])
        #expect(run.status == 73)
        #expect(run.stderr == "/proc/budget.txt: error: cannot write: no file can be made in /proc\n"
                + "    hint: choose a folder you may write to; any earlier report there is unchanged\n")
    }

    @Test(.enabled(if: canDropPrivileges))
    func aReadOnlyOutputFolderIsExit73_andTheEarlierReportIsUntouched() throws {
        let folder = try temporaryFolder()
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try "the earlier report\n".write(to: reports.appendingPathComponent("jeju-2023.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: reports.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: reports.path) }
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", HostileFileTests.roster, "--output", "reports/jeju-2023.txt",
                           "--tables", HostileFileTests.tables], in: folder, wrapper: HostileFileTests.asUnprivileged)
        #expect(run.status == 73)
        #expect(run.stderr == "reports/jeju-2023.txt: error: cannot write: Permission denied\n"
                + "    hint: choose a folder you may write to; any earlier report there is unchanged\n")
        #expect(try String(contentsOf: reports.appendingPathComponent("jeju-2023.txt"), encoding: .utf8) == "the earlier report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == ["jeju-2023.txt"])
    }

    @Test(.enabled(if: canDropPrivileges))
    func aRosterNobodyMayReadIsExit66() throws {
        let folder = try temporaryFolder()
        let secret = folder.appendingPathComponent("secret.csv")
        try "id,name,country,fare_usd\n".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "secret.csv", "--tables", HostileFileTests.tables],
                          in: folder, wrapper: HostileFileTests.asUnprivileged)
        #expect(run.status == 66)
        #expect(run.stderr == "secret.csv: error: you may not read this file (permission denied)\n"
                + "    hint: check its permissions (ls -l), or ask its owner for a copy\n")
    }

    /// Writes `megabytes` MiB of one line with no line break.
    static func oneLine(_ url: URL, megabytes: Int) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<megabytes { try handle.write(contentsOf: chunk) }
    }

    /// A roster of one huge line: over the size limit it is refused unread; under it, before it is parsed.
    static let oneLineRosters: [(megabytes: Int, message: String)] = [
        (100, "one-line.csv: error: the file is 104.9 MB; a roster or table file is at most 10 MB\n"
            + "    hint: is this the right file? A roster of 10,000 participants is about 1 MB; a larger roster is costed "
            + "straight into its workbook with `cost --xlsx FILE` (read as a stream, without this limit)\n"),
        (9, "one-line.csv:1:1: error: line 1 is longer than any roster row (more than 10000 characters)\n"
            + "    hint: is this the right file? A roster has one short row per participant\n"),
    ]

    @Test(arguments: oneLineRosters)
    func aRosterOfOneHugeLineFailsFast_withinAMemoryLimit(megabytes: Int, message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try HostileFileTests.oneLine(folder.appendingPathComponent("one-line.csv"), megabytes: megabytes)
        let started = Date()
        // 256 MB of address space: reading a 100 MB file whole, let alone parsing it, would not fit.
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "one-line.csv", "--tables", HostileFileTests.tables],
                          in: folder, wrapper: HostileFileTests.limited("ulimit -v 262144"))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(run.status == 65)
        #expect(run.stderr == message + "1 problem found; nothing was written.\n")
    }
}
