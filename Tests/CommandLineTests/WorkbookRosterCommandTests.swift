import Foundation
import TestSupport
import Testing

/// The command line with workbook rosters: `--roster X.xlsx`, `--sheet`, `report --rosters DIR` finding `<event>.xlsx`.
@Suite(.cleansUpTemporaryFolders) struct WorkbookRosterCommandTests {
    static let fixtures = "Tests/SheetReaderTests/Fixtures/xlsx"

    @Test("cost --roster X.xlsx prints the same report as the CSV, naming the sheet read, and says how it was read")
    func costAWorkbook() throws {
        let csv = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv"])
        let xlsx = try Run(["cost", "--event", "jeju-2023", "--roster", "\(Self.fixtures)/libreoffice-resaved-openpyxl-jeju-2023.xlsx"])
        #expect(xlsx.status == 0)
        #expect(xlsx.stderr.contains("note: read sheet `Roster` (its name is like \"Roster\" or \"Participants\"; the workbook's sheets: `Notes`, `Roster`)"))
        #expect(xlsx.stderr.contains("row 1 is above the header (row 3) and was skipped"))
        #expect(xlsx.stderr.contains("row 6 is hidden in the sheet; it was read like every other row"))
        #expect(xlsx.stdout.contains("[Roster]"))   // the roster line names the sheet (wrapped after the long path)
        let strip = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("Roster:") && !$0.hasPrefix("  ") && !$0.hasPrefix("                ") }.joined(separator: "\n") }
        #expect(strip(xlsx.stdout) == strip(csv.stdout))
    }

    @Test("A bad cell is named with its sheet, and the run exits 65; --sheet names a sheet that is not there")
    func refusals() throws {
        let bad = try Run(["check", "--event", "jeju-2023", "--roster", "Tests/BudgetReadersTests/Fixtures/workbook-errors/cells-no-roster-can-use.xlsx"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("cells-no-roster-can-use.xlsx:[Roster]!C3: error: cell C3 holds the error `#N/A`"))
        let missing = try Run(["check", "--event", "jeju-2023", "--roster", "\(Self.fixtures)/libreoffice-jeju-2023.xlsx", "--sheet", "Budget"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("the workbook has no sheet `Budget`"))
        let stream = try Run(["cost", "--event", "jeju-2023", "--roster", "\(Self.fixtures)/libreoffice-jeju-2023.xlsx", "--xlsx", "/tmp/x.xlsx", "--stream"])
        #expect(stream.status == 64)
    }

    @Test("report --rosters DIR finds <event>.xlsx and <event>.ods, and refuses two rosters for one event")
    func reportFindsWorkbooks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rosters = folder.appendingPathComponent("rosters"), out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: rosters, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent("\(Self.fixtures)/libreoffice-jeju-2023.xlsx").path,
                                         toPath: rosters.appendingPathComponent("jeju-2023.xlsx").path)
        try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent("\(Self.fixtures)/libreoffice-jeju-2018.ods").path,
                                         toPath: rosters.appendingPathComponent("jeju-2018.ods").path)
        let run = try Run(["report", "--rosters", rosters.path, "--output-dir", out.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("jeju-2023: 15 participants"))
        #expect(run.stdout.contains("jeju-2018:"))
        try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent("Tables/rosters/jeju-2023.csv").path,
                                         toPath: rosters.appendingPathComponent("jeju-2023.csv").path)
        let twice = try Run(["report", "--rosters", rosters.path, "--output-dir", out.path])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("jeju-2023 has 2 rosters"))
    }
}
