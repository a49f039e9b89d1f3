import Foundation
import TestSupport
import Testing

/// Fares quoted in other currencies through the tool: refused without a rate (with the flag to give), converted with one
/// from the command line or the event file, and shown with the quote, the currency and the rate in every output.
@Suite(.cleansUpTemporaryFolders) struct QuotedFareCommandTests {
    static let roster = "Tests/BudgetReadersTests/Fixtures/fares/quoted-fares.csv"
    static let rates = ["--rate", "THB=35.20", "--rate", "PHP=56", "--rate", "LKR=320", "--rate", "NPR=133.2"]

    /// A tables folder with the shipped countries and the test event with [[fare_rates]], and a rosters folder holding the
    /// quoted roster under that event's id.
    func tablesWithFareRates() throws -> URL {
        let folder = try temporaryFolder()
        for sub in ["events", "rosters"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables/countries.toml"), to: folder.appendingPathComponent("countries.toml"))
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tests/BudgetReadersTests/Fixtures/fares/jeju-2023-fares.toml"),
                                         to: folder.appendingPathComponent("events/jeju-2023-fares.toml"))
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent(Self.roster), to: folder.appendingPathComponent("rosters/jeju-2023-fares.csv"))
        return folder
    }

    @Test func aCurrencyWithNoRateIsRefused_namingTheCurrencyAndTheFlag() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", Self.roster])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        // Every currency without a rate in one run, each once (LKR is on lines 4 and 5): the header's, then the cells'.
        #expect(run.stderr.contains("quoted-fares.csv:1:48: error: column 6, `Fare (THB)`, holds fares in THB, and no rate for THB is stated"))
        #expect(run.stderr.contains("--rate THB=RATE"))
        #expect(run.stderr.contains("quoted-fares.csv:3:29: error: the fare `28511` is quoted in PHP, and no rate for PHP is stated"))
        #expect(run.stderr.contains("quoted-fares.csv:4:28: error: the fare `LKR 256,001.60` is quoted in LKR, and no rate for LKR is stated"))
        #expect(!run.stderr.contains("quoted-fares.csv:5:"))
        #expect(run.stderr.contains("4 problems found; nothing was written."))
    }

    @Test func aBadRateIsABadFlag() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", Self.roster, "--rate", "THB=thirty"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("`--rate THB=thirty`: `thirty` is not a rate"))
    }

    @Test func everyOutputShowsTheQuoteTheCurrencyAndTheRate() throws {
        let text = try Run(["cost", "--event", "jeju-2023", "--roster", Self.roster] + Self.rates)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  Q2 PHP 28,511.00 at PHP 56 per US$1 = US$ 509.13\n"))
        #expect(text.stdout.contains("  Rate: THB 35.2 per US$1 (rate given on the command line; planning assumption).\n"))
        #expect(text.stdout.contains("Q1 Thailand            355.11  550.00    355.11"))
        #expect(text.stderr.contains("note: 2 fares quoted in LKR were converted to US$ at LKR 320 per US$1 (rate given on the command line; planning assumption)"))

        let json = try Run(["cost", "--event", "jeju-2023", "--roster", Self.roster, "--format", "json"] + Self.rates)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let people = try #require(object["participants"] as? [[String: Any]])
        let q3 = try #require(people.first { $0["id"] as? String == "Q3" })
        #expect(q3["fare"] as? String == "800.01")
        #expect(q3["quoted_fare"] as? [String: String] == ["amount": "256001.60", "currency": "LKR", "units_per_usd": "320"])
        #expect(people.first { $0["id"] as? String == "Q6" }?["quoted_fare"] == nil)
        let rates = try #require(object["fare_rates"] as? [[String: Any]])
        #expect(rates.map { $0["currency"] as? String } == ["THB", "PHP", "LKR", "NPR"])
        #expect(rates.allSatisfy { $0["stated_in"] as? String == "command line" && $0["planning_assumption"] as? Bool == true })

        let csv = try Run(["cost", "--event", "jeju-2023", "--roster", Self.roster, "--format", "csv"] + Self.rates)
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",flags,fare_quoted,fare_currency,fare_rate"))
        #expect(lines.contains("participant,Q2,Maria Santos,,Philippines,South-Eastern Asia,509.13,550.00,509.13,0.00,4,4,498.46,1007.59,,28511.00,PHP,56"))
        #expect(lines.contains { $0.hasPrefix("note,,Rate: NPR 133.2 per US$1 (rate given on the command line; planning assumption).") })
        #expect(Set(lines.filter { !$0.isEmpty }.map { $0.filter { $0 == "," }.count }).count >= 1)
    }

    @Test func theWorkbooksFareIsALiveFormulaOfTheQuoteAndTheRatesTable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, extra) in [("whole", [String]()), ("streamed", ["--stream"])] {
            let xlsx = folder.appendingPathComponent("\(name).xlsx").path
            let run = try Run(["cost", "--event", "jeju-2023", "--roster", Self.roster, "--xlsx", xlsx, "--created", "2023-12-01"] + Self.rates + extra)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let parts = XLSXParts(xlsx)
            let sheets = try parts.sheetNames()
            let roster = try parts.text("xl/worksheets/sheet\((sheets.firstIndex(of: "Roster jeju-2023") ?? 0) + 1).xml")
            #expect(roster.contains("ROUND(S3/VLOOKUP(T3,FareRates_jeju_2023,2,FALSE),2)"), "\(name)")
            #expect(try parts.text("xl/workbook.xml").contains("FareRates_jeju_2023"), "\(name)")
        }
    }

    @Test func theEventFilesRatesServeEveryCommandThatReadsARoster() throws {
        let tables = try tablesWithFareRates()
        defer { try? FileManager.default.removeItem(at: tables) }
        let npr = ["--rate", "NPR=133.2", "--tables", tables.path]
        let cost = try Run(["cost", "--event", "jeju-2023-fares", "--roster", Self.roster] + npr)
        #expect(cost.status == 0, "\(cost.stderr)")
        #expect(cost.stdout.contains("Rate: THB 35.2 per US$1 (event file, 2 October 2023: illustrative: a bank's selling rate"))
        #expect(cost.stdout.contains("Rate: NPR 133.2 per US$1 (rate given on the command line; planning assumption)."))
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let report = try Run(["report", "--rosters", tables.appendingPathComponent("rosters").path, "--output-dir", out.path] + npr)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("jeju-2023-fares.txt"), encoding: .utf8).contains("Q3 LKR 256,001.60 at LKR 320 per US$1 = US$ 800.01"))
        let reconcile = try Run(["reconcile", "--event", "jeju-2023-fares", "--roster", Self.roster] + npr)
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        #expect(reconcile.stdout.contains("Planned fares:  Fares quoted in other currencies are converted to US$"))
        let check = try Run(["check", "--event", "jeju-2023-fares", "--roster", Self.roster] + npr)
        #expect(check.status == 0, "\(check.stderr)")
        let compare = try Run(["compare", "--roster", Self.roster, "--roster-event", "jeju-2023-fares", "--event", "jeju-2023-fares",
                               "--event", "jeju-2023-fares"] + npr)
        #expect(compare.stdout.contains("Q1: THB 12,500.00 at THB 35.2 per US$1 = US$ 355.11."), "\(compare.stderr)")
        let refused = try Run(["check", "--event", "jeju-2023-fares", "--roster", Self.roster, "--tables", tables.path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("no rate for NPR is stated"))
    }
}
