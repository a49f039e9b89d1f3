import BudgetCore
import BudgetReaders
import Foundation
import TestSupport
import Testing

/// The workbooks as a partner office prints them: every workbook the tool writes, printed by LibreOffice to PDF once, and
/// read back with poppler's `pdfinfo`/`pdftotext` (Debian poppler-utils; scripts/test installs it).
@Suite(.serialized) struct PrintedWorkbookTests {
    /// One conversion for every test: the shipped report, a one-event `cost --xlsx`, a 40-person roster, a reconcile and a
    /// compare workbook, each with its PDF's pages as text.
    struct Printed: Sendable {
        let workbooks: [String: String]
        /// Each workbook's pages, in reading order (`pdftotext -raw`).
        let pages: [String: [String]]
        /// Each workbook's page sizes and the smallest word height on each page, in points (`pdftotext -bbox`).
        let boxes: [String: [(width: Double, height: Double, smallestWord: Double)]]
    }

    static let printed: Result<Printed, any Error> = Result { try PrintedWorkbookTests.print() }

    static func print() throws -> Printed {
        let out = try temporaryFolder()
        let roster40 = out.appendingPathComponent("forty.csv")
        let shipped = try String(contentsOf: Repo.root.appendingPathComponent("Tables/rosters/jeju-2023.csv"), encoding: .utf8)
        let lines = shipped.split(separator: "\n").map(String.init)
        var forty = [lines[0]]
        for index in 0..<40 {
            let row = lines[1 + index % 15]   // the shipped roster's first 15 participants are all priced
            forty.append("P40-\(index + 1)" + row.drop { $0 != "," })
        }
        try (forty.joined(separator: "\n") + "\n").write(to: roster40, atomically: true, encoding: .utf8)
        let path = { (name: String) in out.appendingPathComponent(name + ".xlsx").path }
        // The prepared day is fixed, as every test fixes it (the default is the day of the run).
        let created = ["--created", "2023-12-12"]
        let runs: [(String, [String])] = [
            ("report", ["report", "--output-dir", out.appendingPathComponent("report").path, "--prepared-by", "Kim Officer"] + created),
            ("cost", ["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", path("cost")] + created),
            ("forty", ["cost", "--event", "jeju-2023", "--roster", roster40.path, "--xlsx", path("forty")] + created),
            ("reconcile", ["reconcile", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023-actuals.csv", "--xlsx", path("reconcile")] + created),
            ("compare", ["compare", "--scenario", "Tables/scenarios/regional-mix-80-percent-fares.toml", "--real", "--xlsx", path("compare")] + created),
        ]
        var workbooks: [String: String] = [:]
        for (name, arguments) in runs {
            let run = try Run(arguments)
            guard run.status == 0 else { throw PrintError(message: "\(arguments.joined(separator: " ")): \(run.stderr)") }
            workbooks[name] = name == "report" ? out.appendingPathComponent("report/travel-budget.xlsx").path : path(name)
        }
        // The report's workbook is named travel-budget.xlsx: copy it beside the others under its own name.
        try FileManager.default.copyItem(atPath: workbooks["report"]!, toPath: path("report"))
        workbooks["report"] = path("report")
        let pdf = out.appendingPathComponent("pdf").path
        _ = try tool("soffice", ["-env:UserInstallation=file://\(out.path)/profile", "--headless", "--norestore",
                                 "--convert-to", "pdf", "--outdir", pdf] + workbooks.keys.sorted().map(path))
        var pages: [String: [String]] = [:]
        var boxes: [String: [(width: Double, height: Double, smallestWord: Double)]] = [:]
        for name in workbooks.keys {
            let file = "\(pdf)/\(name).pdf"
            guard FileManager.default.fileExists(atPath: file) else { throw PrintError(message: "LibreOffice printed no \(file)") }
            pages[name] = try tool("pdftotext", ["-raw", file, "-"]).components(separatedBy: "\u{0C}").dropLast()
            boxes[name] = try pageBoxes(try tool("pdftotext", ["-bbox", file, "-"]))
        }
        return Printed(workbooks: workbooks, pages: pages, boxes: boxes)
    }

    struct PrintError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let run = try ProcessOutput(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments)
        guard run.status == 0 else {
            throw PrintError(message: "\(name) exited \(run.status) (are libreoffice-calc-nogui and poppler-utils installed?): \(run.errors)")
        }
        return run.output
    }

    /// Each page's size and its smallest word's height, from `pdftotext -bbox`.
    static func pageBoxes(_ html: String) throws -> [(width: Double, height: Double, smallestWord: Double)] {
        var result: [(width: Double, height: Double, smallestWord: Double)] = []
        for page in html.components(separatedBy: "<page ").dropFirst() {
            guard let size = page.firstMatch(of: /width="([0-9.]+)" height="([0-9.]+)"/) else { continue }
            // Words of two characters or more: a chart's slanted axis labels come out a glyph at a time, each glyph's box
            // as high as the glyph itself.
            let heights = page.matches(of: /yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">[^<]{2,}<\/word>/).map { Double($0.2)! - Double($0.1)! }
            result.append((Double(size.1)!, Double(size.2)!, heights.min() ?? .infinity))
        }
        return result
    }

    static func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func everyPageIsA4_withTextAtLeast6PointsHigh_andNoHashes() throws {
        let printed = try Self.printed.get()
        for (name, pages) in printed.boxes {
            #expect(!pages.isEmpty, "\(name)")
            for (index, page) in pages.enumerated() {
                let (short, long) = (min(page.width, page.height), max(page.width, page.height))
                #expect(abs(short - 595.3) < 1 && abs(long - 841.9) < 1, "\(name) page \(index + 1) is \(page.width) x \(page.height)")
                #expect(page.smallestWord >= 6, "\(name) page \(index + 1) of \(pages.count): a word \(page.smallestWord) pt high")
            }
            #expect(!(printed.pages[name] ?? []).contains { $0.contains("###") }, "\(name) prints a figure as ###")
        }
    }

    @Test func everyPageHasTheEventInItsHeader_andPageNOfMAndThePreparedDateInItsFooter() throws {
        let printed = try Self.printed.get()
        for (name, pages) in printed.pages {
            for (index, raw) in pages.enumerated() {
                let page = Self.words(raw)
                #expect(page.contains("Page \(index + 1) of \(pages.count)"), "\(name) page \(index + 1)")
                #expect(page.contains("Prepared 12 December 2023"), "\(name) page \(index + 1)")
                #expect(page.contains("jeju-20"), "\(name) page \(index + 1)")
            }
        }
    }

    @Test func aFortyPersonRosterSheetPrintsOnAtMostTwoPages_withEveryColumnHeaderWhole() throws {
        let printed = try Self.printed.get()
        let pages = try #require(printed.pages["forty"])
        let roster = pages.indices.filter { Self.words(pages[$0]).contains(/Page \d+ of \d+ Roster jeju-2023/) }
        #expect((1...2).contains(roster.count), "the roster sheet prints on \(roster.count) pages")
        let text = Self.words(roster.map { printed.pages["forty"]![$0] }.joined(separator: " "))
        for header in ["ID", "Name", "Organization", "Point of departure", "Region", "Funding", "Fare (US$)", "Cap (US$)",
                       "Assisted airfare (US$)", "Participant share (US$)", "Nights", "Workshop days", "Local expenses (KRW)",
                       "Local expenses (US$)", "Total (US$)", "Flags", "Eligibility", "Paid by (whole line; empty: the shares)"] {
            #expect(text.contains(header), "\(header)")
        }
        #expect(text.contains("P40-40"))
    }

    @Test func theSummaryOpensWithTheSignOffBlock_andEveryFlagDescriptionIsPrintedWhole() throws {
        let printed = try Self.printed.get()
        for name in ["report", "cost", "reconcile", "compare"] {
            let first = Self.words(try #require(printed.pages[name]?.first))
            for line in ["Prepared by", "Checked by", "Approved by", "Name", "Date", "Signature"] {
                #expect(first.contains(line), "\(name): \(line)")
            }
            #expect(first.contains("Paying office"), "\(name): the paying offices on the first page")
        }
        #expect(Self.words(printed.pages["report"]![0]).contains("Kim Officer"))
        for name in ["report", "cost"] {
            let strings = try unzip(["-p", printed.workbooks[name]!, "xl/sharedStrings.xml"])
            let flags = strings.matches(of: /<t[^>]*>((estimate|contact-organisers|not-funded|inferred-cap|cap-override|self-funded|above-cap|partial-stay): [^<]+)<\/t>/)
                .map { String($0.1).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">") }
            #expect(!flags.isEmpty)
            let text = Self.words(printed.pages[name]!.joined(separator: " "))
            for flag in flags { #expect(text.contains(Self.words(flag)), "\(name): \(flag)") }
        }
    }

    @Test func everyEventsTitleIsPrintedWhole_evenWhenLongerThanThePage() throws {
        let printed = try Self.printed.get()
        let tables = try Repo.shippedTables()
        let text = Self.words(try #require(printed.pages["report"]).joined(separator: " "))
        for event in tables.events where ["jeju-2018", "jeju-2023"].contains(event.id) {
            #expect(text.contains(Self.words("\(event.id): \(event.title)")), "\(event.id): \(event.title)")
        }
    }

    @Test func everyPrintedPageOfCapsShowsItsColumnNames() throws {
        let printed = try Self.printed.get()
        for name in ["report", "cost"] {
            let caps = try #require(printed.pages[name]).map(Self.words).filter { $0.contains(/Page \d+ of \d+ Caps/) }
            #expect(!caps.isEmpty)
            for (index, page) in caps.enumerated() {
                #expect(page.contains("Point of departure Cap (US$) Label Announcement's words"), "\(name): Caps page \(index + 1)")
            }
        }
    }

    @Test func inputCellsAreCheckedAndOpen_andFormulaCellsProtectedWithoutAPassword() throws {
        let printed = try Self.printed.get()
        let roster = try unzip(["-p", printed.workbooks["cost"]!, "xl/worksheets/sheet2.xml"])
        #expect(roster.contains("<sheetProtection sheet=\"1\""))
        #expect(!roster.contains("password"))
        #expect(roster.contains("sort=\"0\"") && roster.contains("autoFilter=\"0\""))   // sorting and filtering allowed
        #expect(roster.contains("<dataValidation type=\"list\"") && roster.contains("<formula1>\"assisted,self-funded\"</formula1>"))
        #expect(roster.contains("<dataValidation type=\"decimal\"") && roster.contains("<formula2>1000000</formula2>"))
        #expect(roster.contains("promptTitle=\"Funding\"") && roster.contains("error=\"Choose assisted or self-funded from the list.\""))
        #expect(roster.contains("<conditionalFormatting sqref=\"J2:J16\">"))
        let styles = try unzip(["-p", printed.workbooks["cost"]!, "xl/styles.xml"])
        #expect(styles.contains("<protection locked=\"0\"/>"))
        let pageSetup = roster.firstMatch(of: /<pageSetup [^>]*>/).map { String($0.0) } ?? ""
        #expect(pageSetup.contains("paperSize=\"9\""))
        if let scale = pageSetup.firstMatch(of: /scale="([0-9]+)"/) { #expect(Int(scale.1)! >= 75) }
    }

    @Test func noProtectLeavesTheSheetsOpen_andLetterPaperIsLetter() throws {
        let out = try temporaryFolder()
        let path = out.appendingPathComponent("b.xlsx").path
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", path,
                           "--no-protect", "--paper", "letter"])
        #expect(run.status == 0, "\(run.stderr)")
        let roster = try unzip(["-p", path, "xl/worksheets/sheet2.xml"])
        #expect(!roster.contains("<sheetProtection"))
        #expect(roster.contains("<pageSetup paperSize=\"1\""))
    }

    @Test func theEventFilesPaperIsTheWorkbooks_unlessPaperSaysOtherwise_andAnUnknownPaperIsAnError() throws {
        let out = try temporaryFolder()
        let tables = out.appendingPathComponent("Tables")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables"), to: tables)
        let file = tables.appendingPathComponent("events/jeju-2023.toml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let withPaper = { (paper: String) in text.replacingOccurrences(of: "\nid = ", with: "\npaper = \"\(paper)\"\nid = ") }
        try withPaper("letter").write(to: file, atomically: true, encoding: .utf8)
        let path = out.appendingPathComponent("b.xlsx").path
        let cost = ["cost", "--tables", tables.path, "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", path]
        #expect(try Run(cost).status == 0)
        #expect(try unzip(["-p", path, "xl/worksheets/sheet1.xml"]).contains("<pageSetup paperSize=\"1\""))
        #expect(try Run(cost + ["--paper", "a4"]).status == 0)
        #expect(try unzip(["-p", path, "xl/worksheets/sheet1.xml"]).contains("<pageSetup paperSize=\"9\""))
        try withPaper("A3").write(to: file, atomically: true, encoding: .utf8)
        let bad = try Run(cost)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("error: unknown paper `A3` for the workbook"))
        #expect(bad.stderr.contains("hint: write paper = \"a4\" or paper = \"letter\""))
    }

    @Test func aOneEventWorkbookCarriesOnlyThatEventsCapsAndRates() throws {
        let printed = try Self.printed.get()
        let names = try unzip(["-p", printed.workbooks["cost"]!, "xl/workbook.xml"])
        #expect(names.contains("Caps_jeju_2023") && !names.contains("Caps_jeju_2018"))
        #expect(!names.contains("jeju_2018_room"))
    }
}
