import Foundation
import TestSupport
import Testing

/// `travel-budget draft`: from an announcement to an event file that costs a roster at once, with the DRAFT notice everywhere.
@Suite(.cleansUpTemporaryFolders) struct DraftCommandTests {
    static let seed2023 = Repo.root.appendingPathComponent("Tests/BudgetReadersTests/Fixtures/seeds/000_1286a31c54f6509b.txt").path
    static let announcements = Repo.root.appendingPathComponent("Tests/BudgetReadersTests/Fixtures/announcements")
    static let notice = "DRAFT: check against the announcement"

    /// A copy of the shipped tables in a fresh folder, so that drafts can be written into it.
    func tablesCopy() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables"), to: folder.appendingPathComponent("Tables"))
        return folder
    }

    @Test func aDraftedEventCostsARosterAtOnce_andEveryReportSaysItIsADraft() throws {
        let folder = try tablesCopy()
        let draft = try Run(["draft", "--announcement", DraftCommandTests.seed2023, "--id", "jeju-2023-draft"], in: folder)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("jeju-2023-draft: 9 cap rows (3 unlabelled), 1 deadline(s), 7 document(s) -> Tables/events/jeju-2023-draft.toml"))
        let file = try String(contentsOf: folder.appendingPathComponent("Tables/events/jeju-2023-draft.toml"), encoding: .utf8)
        #expect(file.contains("\ndraft = true\n"))

        let roster = ["--roster", "Tables/rosters/jeju-2023.csv"]
        for format in ["text", "json", "csv"] {
            let cost = try Run(["cost", "--event", "jeju-2023-draft", "--format", format] + roster, in: folder)
            #expect(cost.status == 0, "\(cost.stderr)")
            #expect(cost.stdout.contains(DraftCommandTests.notice), "cost --format \(format)")
            // The same caps, rates and split as the shipped file: the same figures.
            let shipped = try Run(["cost", "--event", "jeju-2023", "--format", format] + roster, in: folder)
            if format == "json" {
                func total(_ s: String) throws -> String? {
                    ((try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])?["totals"] as? [String: Any])?["total"] as? String
                }
                #expect(try total(cost.stdout) == total(shipped.stdout))
            }
        }
        for format in ["text", "json", "csv"] {
            let office = try Run(["cost", "--event", "jeju-2023-draft", "--office", "RSO", "--format", format] + roster, in: folder)
            #expect(office.stdout.contains(DraftCommandTests.notice), "office report --format \(format)")
        }
        for format in ["text", "json"] {
            let check = try Run(["check", "--event", "jeju-2023-draft", "--format", format] + roster, in: folder)
            #expect(check.stdout.contains(DraftCommandTests.notice), "check --format \(format)")
        }
        let fit = try Run(["fit", "--event", "jeju-2023-draft", "--budget", "20000"], in: folder)
        #expect(fit.stdout.contains(DraftCommandTests.notice))
        let compare = try Run(["compare", "--event", "jeju-2023", "--event", "jeju-2023-draft"] + roster, in: folder)
        #expect(compare.stdout.contains("jeju-2023-draft: " + DraftCommandTests.notice))
        #expect(try Run(["caps", "jeju-2023-draft"], in: folder).stdout.contains(DraftCommandTests.notice))
        let xlsx = folder.appendingPathComponent("draft.xlsx").path
        #expect(try Run(["cost", "--event", "jeju-2023-draft", "--xlsx", xlsx] + roster, in: folder).status == 0)
        #expect(try unzip(["-p", xlsx, "xl/sharedStrings.xml"]).contains(DraftCommandTests.notice))
        // A checked event: without `draft = true` the notice is gone.
        try file.replacingOccurrences(of: "\ndraft = true\n", with: "\n")
            .write(to: folder.appendingPathComponent("Tables/events/jeju-2023-draft.toml"), atomically: true, encoding: .utf8)
        #expect(!(try Run(["cost", "--event", "jeju-2023-draft"] + roster, in: folder)).stdout.contains("DRAFT"))
    }

    @Test func theShippedEventsSayNothingOfADraft() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("DRAFT"))
    }

    @Test func anExistingEventFileIsNotReplaced_unlessNamedWithOutput() throws {
        let folder = try tablesCopy()
        let run = try Run(["draft", "--announcement", DraftCommandTests.seed2023, "--id", "jeju-2023"], in: folder)
        #expect(run.status == 64)
        #expect(run.stderr.contains("Tables/events/jeju-2023.toml already exists: give --output FILE"))
        let other = try Run(["draft", "--announcement", DraftCommandTests.seed2023, "--id", "jeju-2023",
                             "--output", "Tables/events/another.toml"], in: folder)
        #expect(other.status == 64)
        #expect(other.stderr.contains("is already used by"))
    }

    @Test func aPointOfDepartureTheTableLacks_isListedWithItsEntry_exit65_andNothingIsWritten() throws {
        let folder = try tablesCopy()
        let notice = DraftCommandTests.announcements.appendingPathComponent("country-not-in-table.txt").path
        let countries = try String(contentsOf: folder.appendingPathComponent("Tables/countries.toml"), encoding: .utf8)
        let run = try Run(["draft", "--announcement", notice, "--id", "narnia-2025"], in: folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("point of departure `Narnia` (Southern Asia) is not in Tables/countries.toml"))
        #expect(run.stderr.contains("[[country]]\nname = \"Narnia\"\nregion = \"Southern Asia\""))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Tables/events/narnia-2025.toml").path))
        #expect(try String(contentsOf: folder.appendingPathComponent("Tables/countries.toml"), encoding: .utf8) == countries)

        let added = try Run(["draft", "--announcement", notice, "--id", "narnia-2025", "--add-countries"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("Tables/countries.toml"), encoding: .utf8).hasPrefix(countries))
        let caps = try Run(["caps", "narnia-2025"], in: folder)
        #expect(caps.status == 0, "\(caps.stderr)")
        #expect(caps.stdout.contains("Narnia, India"))
    }

    @Test func anUnreadableCapTableIsExit65_namingItsLine() throws {
        let folder = try tablesCopy()
        let notice = DraftCommandTests.announcements.appendingPathComponent("cap-in-words.txt").path
        let run = try Run(["draft", "--announcement", notice, "--id", "words-2025"], in: folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("cap-in-words.txt:36:1: error: the cap table (from line 28) cannot be read past this line"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Tables/events/words-2025.toml").path))
    }

    @Test func jsonPrintsWhatWasFound_forScripts() throws {
        let run = try Run(["draft", "--announcement", DraftCommandTests.seed2023, "--id", "x", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let caps = try #require(json["caps"] as? [[String: Any]])
        #expect(caps.map { $0["cap_usd"] as? String } == ["400.00", "650.00", "550.00", "750.00", "900.00", "900.00", "950.00", "1050.00", "1300.00"])
        #expect((caps[7]["source"] as? [String: Any])?["lines"] as? [Int] == [218])
        #expect(json["start"] as? String == "2023-12-12")
        #expect(json["other_points_rule"] as? String == "contact-organisers")
        #expect(json["other_points_rule_from"] as? String == "notice")
    }

    @Test func aNoticeThatSaysOthersAreNotEligible_draftsNotFunded_andARosterFromElsewhereIsNotFunded() throws {
        let folder = try tablesCopy()
        let notice = DraftCommandTests.announcements.appendingPathComponent("not-eligible-elsewhere.txt").path
        let draft = try Run(["draft", "--announcement", notice, "--id", "referral-2026"], in: folder)
        #expect(draft.status == 0, "\(draft.stderr)")
        let file = try String(contentsOf: folder.appendingPathComponent("Tables/events/referral-2026.toml"), encoding: .utf8)
        #expect(file.contains("other_points_of_departure = \"not-funded\"\n"
                              + "other_points_source = \"Applicants travelling from other countries are not eligible for support.\"\n"))
        let roster = folder.appendingPathComponent("referral.csv")
        try "id,name,organization,country,fare_usd\nR-1,A,Org,Cambodia,500\nR-2,B,Org,Viet Nam,450\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let cost = try Run(["cost", "--event", "referral-2026", "--roster", roster.path], in: folder)
        #expect(cost.status == 0, "\(cost.stderr)")
        // The reports wrap their lines: compare the words.
        func words(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let reason = "Vietnam is not in the cap table and referral-2026 funds no other point of departure "
            + "(\"Applicants travelling from other countries are not eligible for support.\")"
        #expect(words(cost.stdout).contains("Left out: 1 — participant R-2 (not eligible: " + reason), "\(cost.stdout)")
        let check = try Run(["check", "--event", "referral-2026", "--roster", roster.path], in: folder)
        #expect(words(check.stdout).contains("R-2 not eligible application date not known; documents not known; " + reason), "\(check.stdout)")
    }

    @Test func aPartnerOfficesNotice_isDrafted_regionsFromTheCountryTableMarked_andCostsARoster() throws {
        let folder = try tablesCopy()
        let notice = DraftCommandTests.announcements.appendingPathComponent("partner-weekday-names.txt").path
        let draft = try Run(["draft", "--announcement", notice, "--id", "labour-2026"], in: folder)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.hasPrefix("labour-2026: 3 cap rows, 1 deadline(s), 2 document(s) -> Tables/events/labour-2026.toml"))
        #expect(draft.stderr.contains("partner-weekday-names.txt: note: The cap table names no region for 3 rows (lines 19, 20, 21)"))
        let file = try String(contentsOf: folder.appendingPathComponent("Tables/events/labour-2026.toml"), encoding: .utf8)
        #expect(file.contains("# region INFERRED, taken from countries.toml, not the notice's"))
        #expect(file.contains("paying_offices = [\"Regional Support Office of the Bali Process\"]"))
        let caps = try Run(["caps", "labour-2026"], in: folder)
        #expect(caps.status == 0, "\(caps.stderr)")
        #expect(caps.stdout.contains("Bangladesh, India, Nepal"))
        let roster = folder.appendingPathComponent("labour.csv")
        try "id,name,organization,country,fare_usd\nL-1,A,Org,India,700\nL-2,B,Org,Japan,450\n".write(to: roster, atomically: true, encoding: .utf8)
        let cost = try Run(["cost", "--event", "labour-2026", "--roster", roster.path, "--format", "json"], in: folder)
        #expect(cost.status == 0, "\(cost.stderr)")
        #expect(cost.stdout.contains("\"assisted_airfare\" : \"650.00\""), "\(cost.stdout)")
        let json = try Run(["draft", "--announcement", notice, "--id", "x", "--format", "json"], in: folder)
        let found = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(found["caps"] as? [[String: Any]])
        #expect((rows[0]["region_inferred"] as? String)?.hasPrefix("the notice names no region for this row") == true)
        #expect(found["other_points_rule"] as? String == "not-funded")
    }

    @Test func theDraftIsTheSameBytesEveryTime() throws {
        let a = try Run(["draft", "--announcement", DraftCommandTests.seed2023, "--id", "x", "--output", "-"])
        let b = try Run(["draft", "--announcement", DraftCommandTests.seed2023, "--id", "x", "--output", "-"])
        #expect(a.status == 0 && a.stdout == b.stdout && !a.stdout.isEmpty)
    }
}
