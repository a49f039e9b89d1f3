import BudgetCore
import BudgetReaders
import Foundation
import TestSupport
import Testing

/// The workbooks as a partner office prints them: every workbook the tool writes, printed by LibreOffice to PDF once, and
/// read back with poppler's `pdfinfo`/`pdftotext` (Debian poppler-utils; scripts/test installs it).
@Suite(.serialized, .cleansUpTemporaryFolders) struct PrintedWorkbookTests {
    /// One conversion for every test: the shipped report, a one-event `cost --xlsx`, a workbook for one paying office
    /// (`cost --office RSO`), a 40-person roster, a reconcile of the sample, a 12-person reconcile and a compare workbook,
    /// each with its PDF's pages as text.
    struct Printed: Sendable {
        let workbooks: [String: String]
        /// The folder the workbooks and their inputs were written to (a local path no page may print).
        let folder: String
        /// Each workbook's pages, in reading order (`pdftotext -raw`).
        let pages: [String: [String]]
        /// Each workbook's pages as laid out on paper, top to bottom (`pdftotext -layout`): the page header first, the footer last.
        let layout: [String: [String]]
        /// Each workbook's page sizes and the smallest word height on each page, in points (`pdftotext -bbox`).
        let boxes: [String: [(width: Double, height: Double, smallestWord: Double)]]
    }

    /// Made once for every test of the suite: its folder is the run's (removed when the run ends), not the first test's.
    static let printed: Result<Printed, any Error> = Result {
        try TemporaryFolders.$current.withValue(nil) { try PrintedWorkbookTests.print() }
    }

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
        // Twelve of the sample's participants with their actual figures: eleven planned (one did not travel) and the one who
        // travelled though not planned.
        let actuals = try String(contentsOf: Repo.root.appendingPathComponent("Tables/rosters/jeju-2023-actuals.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let twelve = out.appendingPathComponent("twelve.csv")
        try ((Array(actuals.prefix(12)) + actuals.filter { $0.hasPrefix("P23-19,") }).joined(separator: "\n") + "\n")
            .write(to: twelve, atomically: true, encoding: .utf8)
        let path = { (name: String) in out.appendingPathComponent(name + ".xlsx").path }
        // The prepared day is fixed, as every test fixes it (the default is the day of the run).
        let created = ["--created", "2023-12-12"]
        let runs: [(String, [String])] = [
            ("report", ["report", "--output-dir", out.appendingPathComponent("report").path, "--prepared-by", "Kim Officer"] + created),
            ("cost", ["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--xlsx", path("cost")] + created),
            ("office", ["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--office", "RSO", "--xlsx", path("office"),
                        "--prepared-by", "Kim Officer"] + created),
            ("reconcile12", ["reconcile", "--event", "jeju-2023", "--roster", twelve.path, "--xlsx", path("reconcile12")] + created),
            ("forty", ["cost", "--event", "jeju-2023", "--roster", roster40.path, "--xlsx", path("forty")] + created),
            ("reconcile", ["reconcile", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023-actuals.csv", "--xlsx", path("reconcile"),
                           "--budget", "16620", "--budget", "RSO=8000"] + created),
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
        var pages: [String: [String]] = [:], layout: [String: [String]] = [:]
        var boxes: [String: [(width: Double, height: Double, smallestWord: Double)]] = [:]
        for name in workbooks.keys {
            let file = "\(pdf)/\(name).pdf"
            guard FileManager.default.fileExists(atPath: file) else { throw PrintError(message: "LibreOffice printed no \(file)") }
            pages[name] = try tool("pdftotext", ["-raw", file, "-"]).components(separatedBy: "\u{0C}").dropLast()
            layout[name] = try tool("pdftotext", ["-layout", file, "-"]).components(separatedBy: "\u{0C}").dropLast()
            boxes[name] = try pageBoxes(try tool("pdftotext", ["-bbox", file, "-"]))
        }
        return Printed(workbooks: workbooks, folder: out.path, pages: pages, layout: layout, boxes: boxes)
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
        for name in ["report", "cost", "office", "reconcile", "reconcile12", "compare"] {
            let first = Self.words(try #require(printed.pages[name]?.first))
            for line in ["Prepared by", "Checked by", "Approved by", "Name", "Date", "Signature"] {
                #expect(first.contains(line), "\(name): \(line)")
            }
            // What each office pays (in a workbook for one office, its own part).
            #expect(first.contains(name == "office" ? "What RSO of the Bali Process pays" : "Paying office"), "\(name): the paying offices on the first page")
        }
        #expect(Self.words(printed.pages["report"]![0]).contains("Kim Officer"))
        for name in ["report", "cost"] {
            let strings = try unzip(["-p", printed.workbooks[name]!, "xl/sharedStrings.xml"])
            let flags = strings.matches(of: /<t[^>]*>([A-Z]  (estimate|contact-organisers|not-funded|inferred-cap|cap-override|self-funded|above-cap|partial-stay|no-fare-quoted): [^<]+)<\/t>/)
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

    /// A page's lines as laid out, blank lines left out and spaces run together: the page header first, the footer last.
    static func lines(_ page: String) -> [String] {
        page.split(separator: "\n").map { words(String($0)) }.filter { !$0.isEmpty }
    }

    /// The lines between a page's header and its footer.
    static func body(_ page: String) -> [String] { Array(lines(page).dropFirst().dropLast()) }

    /// The sheet a page prints, from its footer (`Page N of M Sheet`) in reading order.
    static func sheet(_ rawPage: String) -> String? {
        rawPage.split(separator: "\n").lazy.compactMap { $0.firstMatch(of: /Page \d+ of \d+ (.+)$/).map { String($0.1) } }.first
    }

    @Test func nothingForThePersonAtTheKeyboardIsPrinted_noLocalPathNoFlagNoSeed() throws {
        let printed = try Self.printed.get()
        for (name, pages) in printed.pages {
            let text = Self.words(pages.joined(separator: " "))
            #expect(!text.contains(printed.folder) && !text.contains("/tmp/"), "\(name): a local path is printed")
            let path = text.firstMatch(of: /[\w.-]+\/[\w.\/-]+\.(csv|toml|xlsx|ods|txt)/).map { String($0.0) }
            #expect(path == nil, "\(name): \(path ?? "") is printed")
            let flag = text.firstMatch(of: /(^|[\s(`])--[a-z][\w-]*/).map { String($0.0) }
            #expect(flag == nil, "\(name): the command-line flag \(flag ?? "") is printed")
            #expect(!text.lowercased().contains("seed 0"), "\(name): a seed's id is printed")
            #expect(!text.contains("`"), "\(name): a command (in backquotes) is printed")
            for hint in ["travel-budget check", "Inputs:", "Roster: Tables", "Preparer's notes"] {
                #expect(!text.contains(hint), "\(name): \(hint)")
            }
            #expect(!pages.contains { Self.sheet($0) == "Preparer's notes" }, "\(name): the preparer's notes are printed")
        }
        // They are kept for the preparer, on a hidden sheet of the workbook.
        for name in ["office", "reconcile12"] {
            let book = try unzip(["-p", printed.workbooks[name]!, "xl/workbook.xml"])
            #expect(book.contains(/<sheet name="Preparer(&apos;|')s notes" sheetId="\d+" state="hidden"/), "\(name)")
            let strings = try unzip(["-p", printed.workbooks[name]!, "xl/sharedStrings.xml"])
            #expect(strings.contains("seed 000_1286a31c54f6509b") && strings.contains(".csv"), "\(name): the preparer's notes")
        }
    }

    @Test func aWorkbookForOneOffice_opensWithItsOwnPart_saysWhatItHoldsAndWhetherItCarriesNames() throws {
        let printed = try Self.printed.get()
        let pages = try #require(printed.pages["office"])
        let first = Self.words(try #require(pages.first))
        for words in ["Travel budget for RSO of the Bali Process", "What RSO of the Bali Process pays of jeju-2023",
                      "Total paid by RSO of the Bali Process $8,303.64",
                      "Names: this workbook carries the participants' names and organizations"] {
            #expect(first.contains(words), "the first page: \(words)")
        }
        // Its own part first, then the roster and the other office's part it is checked against.
        let sheets = pages.map(Self.sheet)
        let order = ["jeju-2023 RSO", "Roster jeju-2023", "jeju-2023 UNITAR"].map { name in sheets.firstIndex(of: name) ?? Int.max }
        #expect(order == order.sorted() && order.last != Int.max, "\(sheets)")
        let text = Self.words(pages.joined(separator: " "))
        for words in ["In this file What it holds", "Awaiting a cap: participant P23-13, with a quoted fare of US$ 520.00",
                      "Source: the announcement of 25 September 2023", "participants P23-13 and P23-14"] {
            #expect(text.contains(words), "\(words)")
        }
    }

    @Test func noPageHoldsOnlyARepeatedHeaderBand_orLinesPrintedOnTheSheetsOtherPages() throws {
        let printed = try Self.printed.get()
        for (name, pages) in printed.layout {
            let raw = try #require(printed.pages[name])
            #expect(raw.count == pages.count, "\(name)")
            let sheets = raw.map(Self.sheet)
            let bodies = pages.map(Self.body)
            for (index, body) in bodies.enumerated() {
                let others = Set(bodies.indices.filter { $0 != index && sheets[$0] == sheets[index] }.flatMap { bodies[$0] })
                #expect(!body.isEmpty && !body.allSatisfy(others.contains),
                        "\(name) page \(index + 1) (\(sheets[index] ?? "?")) holds only lines its sheet's other pages print: \(body)")
            }
        }
    }

    @Test func aTwelvePersonReconciliationPrintsItsPlanVsActualOnAtMostTwoPages_withEveryLabelWhole() throws {
        let printed = try Self.printed.get()
        let raw = try #require(printed.pages["reconcile12"])
        let layout = try #require(printed.layout["reconcile12"])
        let pages = raw.indices.filter { Self.sheet(raw[$0]) == "Plan vs actual" }
        #expect((1...2).contains(pages.count), "Plan vs actual prints on \(pages.count) pages")
        // Each page is a table, not a lone column: a line with three amounts or more.
        for index in pages {
            let amounts = Self.body(layout[index]).map { $0.matches(of: /\$[0-9][0-9,]*\.[0-9]{2}/).count }.max() ?? 0
            #expect(amounts >= 3, "Plan vs actual page \(index + 1): at most \(amounts) amounts a line")
        }
        let text = Self.words(pages.map { raw[$0] }.joined(separator: " "))
        for label in ["Planned and travelled", "Planned, did not travel (no actual figures)",
                      "Not planned, travelled (planned = no, or left out of the plan)", "By cost line", "By paying office",
                      "Footing: the variances less (actual - planned); 0.00 when they foot", "P23-19", "RSO, actual (US$)"] {
            #expect(text.contains(label), "\(label)")
        }
        // One letter, one meaning: the self-funded participant is S, local expenses from nights H.
        #expect(text.contains("S self-funded") && text.contains("H local-from-nights") && !text.contains("N local-from-nights"))
    }

    @Test func everyHeadingIsPrintedOnThePageOfItsFirstRow() throws {
        let printed = try Self.printed.get()
        // Headings and header rows as their first words print (spaces run together).
        let headings = ["Sign-off Name Date Signature", "What RSO of the Bali Process pays", "In this file What it holds",
                        "Paying office Airfare share", "Paying office Event", "Cost line", "Region Participants", "Flagged participants",
                        "By attendance", "By cost line", "By paying office", "Budget ceiling", "Region / measure", "Every cost line",
                        "Total by region", "Cost composition", "Point of departure", "Region Point of departure", "ID Name", "ID Local",
                        "Fare currency"]
        let alone = ["Assumptions", "Eligibility"]
        for (name, pages) in printed.layout {
            for (index, page) in pages.enumerated() {
                let body = Self.body(page)
                // Compare's groups: each region's header row names the events compared.
                func isHeading(_ line: String) -> Bool {
                    alone.contains(line) || headings.contains { line.hasPrefix($0) } || line.contains(/^[A-Za-z -]+ jeju-20\d\d jeju-20\d\d/)
                }
                for (at, line) in body.enumerated() where isHeading(line) {
                    // The first row under it: a line with a figure, or one of several words (not a header's wrapped word).
                    let row = body[(at + 1)...].contains { $0.contains(/[0-9]/) || $0.split(separator: " ").count >= 4 }
                    #expect(row, "\(name) page \(index + 1): \(line) at the foot of the page, its rows on the next")
                }
            }
        }
    }

    @Test func aOneEventWorkbookCarriesOnlyThatEventsCapsAndRates() throws {
        let printed = try Self.printed.get()
        let names = try unzip(["-p", printed.workbooks["cost"]!, "xl/workbook.xml"])
        #expect(names.contains("Caps_jeju_2023") && !names.contains("Caps_jeju_2018"))
        #expect(!names.contains("jeju_2018_room"))
    }
}
