import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import BudgetCore
import Planner
import TestSupport
import Testing
@testable import WebPage

/// Every page as an officer opens it, in process: what it shows, and every download byte for byte the command line's.
@Suite(.cleansUpTemporaryFolders)
struct PageTests {
    @Test("every page answers with the safety headers: a CSP with no script, nosniff, no caching")
    func pagesAndHeaders() async throws {
        try await Web.app().test(.router) { client in
            for path in ["/", "/events", "/cost", "/compare", "/fit", "/style.css"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script") == false, "no script is allowed at all: \(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[.cacheControl] == "no-store", "\(path)")
            }
            let missing = try await client.execute(uri: "/no-such-page", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("There is no page /no-such-page here."))
            #expect(missing.headers[.cacheControl] == "no-store")
        }
    }

    @Test("the events page: dates and title, each cap row with the announcement's words, unlabelled and inferred rows marked, the rule for other points, the assumptions")
    func events() async throws {
        try await Web.app().test(.router) { client in
            let page = try await client.execute(uri: "/events", method: .get).text
            #expect(page.contains("jeju-2018</a>: 2018-04-03 to 2018-04-06"))
            #expect(page.contains("<q>Eastern Asia / Hong Kong / US$ 300</q>"))
            #expect(page.contains("[INFERRED]"))
            #expect(page.contains("[UNLABELLED]"))
            #expect(page.contains("Rule `contact-organisers`: &quot;Other points of departure – please contact UNITAR CIFAL Jeju/JITC&quot;"))
            #expect(page.contains("Rates (PLANNING ASSUMPTIONS, not in the announcement)"))
            #expect(page.contains("<th scope=\"col\">Cap</th>"), "the cap tables have column headers")
        }
    }

    @Test("a draft event is marked on the events page and in its cost")
    func draftEvent() async throws {
        let tables = try temporaryFolder("web-draft")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables"), to: tables.appendingPathComponent("Tables"))
        let event = tables.appendingPathComponent("Tables/events/jeju-2023.toml")
        try (try String(contentsOf: event, encoding: .utf8).replacingOccurrences(of: "id = \"jeju-2023\"", with: "id = \"jeju-2023\"\ndraft = true"))
            .write(to: event, atomically: true, encoding: .utf8)
        let planner = try Planner(tables: tables.appendingPathComponent("Tables").path)
        try #require(planner.tables.events.contains { $0.isDraft }, "the copied event reads as a draft")
        let app = WebServer.application(site: Site(planner: planner, formToken: Web.formToken), settings: ServeSettings(port: 0))
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/events", method: .get).text
            #expect(page.contains("<strong class=\"draft\"> [DRAFT]</strong>"))
            #expect(page.contains("DRAFT: check against the announcement."))
            let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("shipped", try #require(planner.rosterFiles().first { $0.hasSuffix("/jeju-2023.csv") }))])
            let cost = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body).text
            #expect(cost.contains("DRAFT: CHECK AGAINST THE ANNOUNCEMENT"))
        }
    }

    @Test("costing the 40-person sample: regions with subtotals, flags with their meaning, offices, eligibility, assumptions, the total")
    func costPage() async throws {
        let roster = try Web.bytes(Web.sample)
        let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "jeju-2023-40.csv", roster)])
        try await Web.app().test(.router) { client in
            let response = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body)
            #expect(response.status == .ok)
            let page = response.text
            let (cli, _) = try Programs.commandLine(["cost", "--event", "jeju-2023", "--roster", "jeju-2023-40.csv"], roster: roster,
                                                    named: "jeju-2023-40.csv")
            let total = try #require(cli.output.split(separator: "\n").first { $0.hasPrefix("TOTAL (40 participants)") })
            let figure = try #require(total.split(separator: " ").last)
            #expect(page.contains("<dd id=\"total\">US$ \(figure)</dd>"), "the page's total is the command line's: \(figure)")
            #expect(page.contains("<th scope=\"rowgroup\" colspan=\"11\">Pacific Islands</th>"))
            #expect(page.contains("Pacific Islands (7)"), "a subtotal per region")
            #expect(page.contains("the fare is above the cap; the participant pays the difference (participant share)"))
            #expect(page.contains("<th scope=\"row\">RSO of the Bali Process</th>"))
            #expect(page.contains("PLANNING ASSUMPTION: the announcement names both offices as paying"))
            #expect(page.contains("Rates (PLANNING ASSUMPTIONS, not in the announcement)"))
            #expect(page.contains("name=\"roster_data\""), "the download buttons carry the roster")
        }
    }

    @Test("ceilings, the office, awaiting a cap, eligibility and notes: as the command line has them")
    func costOptions() async throws {
        let roster = try Web.bytes("Tables/rosters/jeju-2023.csv")
        try await Web.app().test(.router) { client in
            let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("budget", "16000"), ("office_budgets", "RSO=8000")],
                                     files: [("roster", "my roster.csv", roster)])
            let page = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body).text
            #expect(page.contains("warning: the plan passes the budget ceiling for the event total by US$ 607.29"))
            #expect(page.contains("<td>PASSED</td>"))
            // Awaiting a cap: the text report's sentence, word for word.
            let (cliText, _) = try Programs.commandLine(["cost", "--event", "jeju-2023", "--roster", "my roster.csv"], roster: roster, named: "my roster.csv")
            let awaiting = try #require(cliText.output.components(separatedBy: "\n\n").first { $0.hasPrefix("Awaiting a cap: ") })
            var sentence = ""
            HTML.escape(awaiting.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "), into: &sentence)
            #expect(page.contains("<p>\(sentence)</p>"), "the awaiting-cap sentence as the text report words it")
            #expect(sentence.hasPrefix("Awaiting a cap: participant P23-13, with a quoted fare of US$ 520.00."))
            #expect(page.contains("<th scope=\"row\">P23-16</th>"), "left out by eligibility, with the reasons")
            #expect(page.contains("applied 2023-11-08, after the 7 November 2023 deadline"))
            let office = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("office", "RSO of the Bali Process")],
                                       files: [("roster", "my roster.csv", roster)])
            let officePage = try await client.execute(uri: "/cost", method: .post, headers: office.headers, body: office.body).text
            let (cli, _) = try Programs.commandLine(["cost", "--event", "jeju-2023", "--roster", "my roster.csv", "--office", "RSO of the Bali Process"],
                                                    roster: roster, named: "my roster.csv")
            var escaped = ""
            HTML.escape(cli.output, into: &escaped)
            #expect(officePage.contains(escaped), "one office's budget is its report, as printed")
            // A ; roster with a decimal comma: the notes above the result.
            let semicolon = Array("id;name;country;fare_usd\nP1;Ana;India;1.050,50\n".utf8)
            let notes = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "semi.csv", semicolon)])
            let notesPage = try await client.execute(uri: "/cost", method: .post, headers: notes.headers, body: notes.body).text
            let (cliNotes, _) = try Programs.commandLine(["cost", "--event", "jeju-2023", "--roster", "semi.csv"], roster: semicolon, named: "semi.csv")
            #expect(!cliNotes.errors.isEmpty)
            for note in cliNotes.errors.split(separator: "\n") {
                var text = ""
                HTML.escape(String(note), into: &text)
                #expect(notesPage.contains(text), "the note `\(note)` is shown")
            }
            #expect(notesPage.contains("How the roster was read"))
        }
    }

    @Test("every download of a cost is the command line's output, byte for byte: text, JSON, CSV and the workbook, uploaded or shipped",
          arguments: Site.Download.allCases)
    func costDownloads(_ download: Site.Download) async throws {
        let roster = try Web.bytes(Web.sample)
        let options: [(String, String)] = [("who", "all"), ("redact", "on"), ("budget", "30000"), ("office_budgets", "RSO=15000"),
                                           ("columns", "ignore=passport"), ("created", Web.day)]
        let cliOptions = ["--who", "all", "--redact", "--budget", "30000", "--budget", "RSO=15000", "--columns", "ignore=passport"]
        try await Web.app().test(.router) { client in
            for shipped in [false, true] {
                let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("download", download.rawValue)] + options
                                         + (shipped ? [("shipped", Repo.path(Web.sample))] : []),
                                         files: shipped ? [] : [("roster", "jeju-2023-40.csv", roster)])
                let response = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body)
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"jeju-2023-jeju-2023-40.\(download.fileExtension)\"")
                #expect(response.headers[.cacheControl] == "no-store")
                let rosterArgument = shipped ? Repo.path(Web.sample) : "jeju-2023-40.csv"
                var arguments = ["cost", "--event", "jeju-2023", "--roster", rosterArgument] + cliOptions
                if download == .xlsx {
                    arguments += ["--xlsx", "out.xlsx", "--created", Web.day]
                } else {
                    arguments += ["--format", download.format.rawValue]
                }
                let (cli, folder) = try Programs.commandLine(arguments, roster: shipped ? nil : roster, named: "jeju-2023-40.csv")
                #expect(cli.status == 0, "\(cli.errors)")
                let expected = download == .xlsx ? Array(try Data(contentsOf: folder.appendingPathComponent("out.xlsx"))) : Array(cli.stdout)
                #expect(response.bytes == expected, "\(download) \(shipped ? "shipped" : "uploaded"): the same bytes as the command line")
            }
        }
    }

    @Test("a download from the result page carries the roster and the options: the same bytes as from the form")
    func downloadFromResultPage() async throws {
        let roster = try Web.bytes(Web.sample)
        try await Web.app().test(.router) { client in
            let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("who", "all"), ("created", Web.day)],
                                     files: [("roster", "jeju-2023-40.csv", roster)])
            let page = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body).text
            let carried = hiddenFields(page)
            #expect(carried.contains { $0.0 == "roster_name" && $0.1 == "jeju-2023-40.csv" })
            let again = Web.multipart(carried + [("download", "xlsx")])
            let fromPage = try await client.execute(uri: "/cost", method: .post, headers: again.headers, body: again.body)
            let direct = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("who", "all"), ("created", Web.day), ("download", "xlsx")],
                                       files: [("roster", "jeju-2023-40.csv", roster)])
            let fromForm = try await client.execute(uri: "/cost", method: .post, headers: direct.headers, body: direct.body)
            #expect(fromPage.status == .ok)
            #expect(fromPage.bytes == fromForm.bytes)
        }
    }

    @Test("compare: a scenario and a roster across events, as a page and each download the command line's bytes")
    func compare() async throws {
        let scenario = Repo.path("Tables/scenarios/six-southern-asia-four-pacific.toml")
        let roster = try Web.bytes("Tables/rosters/jeju-2023.csv")
        try await Web.app().test(.router) { client in
            let form = Web.multipart([("token", Web.formToken), ("scenario", scenario), ("real", "on")])
            let page = try await client.execute(uri: "/compare", method: .post, headers: form.headers, body: form.body)
            #expect(page.status == .ok)
            let (cli, _) = try Programs.commandLine(["compare", "--scenario", scenario, "--real"])
            var escaped = ""
            HTML.escape(cli.output, into: &escaped)
            #expect(page.text.contains(escaped), "the comparison as the command line prints it")
            for download in Site.Download.allCases {
                let asked = Web.multipart([("token", Web.formToken), ("events", "jeju-2018"), ("events", "jeju-2023"), ("created", Web.day),
                                           ("download", download.rawValue)], files: [("roster", "r.csv", roster)])
                let response = try await client.execute(uri: "/compare", method: .post, headers: asked.headers, body: asked.body)
                #expect(response.status == .ok, "\(response.text)")
                var arguments = ["compare", "--roster", "r.csv", "--event", "jeju-2018", "--event", "jeju-2023"]
                arguments += download == .xlsx ? ["--xlsx", "out.xlsx", "--created", Web.day] : ["--format", download.format.rawValue]
                let (cli, folder) = try Programs.commandLine(arguments, roster: roster, named: "r.csv")
                let expected = download == .xlsx ? Array(try Data(contentsOf: folder.appendingPathComponent("out.xlsx"))) : Array(cli.stdout)
                #expect(response.bytes == expected, "compare \(download)")
            }
        }
    }

    @Test("fit: the mix and the sweep as a page, its text and JSON the command line's")
    func fit() async throws {
        try await Web.app().test(.router) { client in
            let fields: [(String, String)] = [("token", Web.formToken), ("event", "jeju-2023"), ("budget", "20,000"),
                                              ("min", "South-Eastern Asia=3"), ("max", "Southern Asia=2"), ("fare", "0.8"), ("sweep", "on")]
            let form = Web.multipart(fields)
            let page = try await client.execute(uri: "/fit", method: .post, headers: form.headers, body: form.body)
            #expect(page.status == .ok)
            let arguments = ["fit", "--event", "jeju-2023", "--budget", "20,000", "--min", "South-Eastern Asia=3", "--max", "Southern Asia=2",
                             "--fare", "0.8", "--sweep"]
            let (cli, _) = try Programs.commandLine(arguments)
            var escaped = ""
            HTML.escape(cli.output, into: &escaped)
            #expect(page.text.contains(escaped))
            for (download, format) in [("text", "text"), ("json", "json")] {
                let asked = Web.multipart(fields + [("download", download)])
                let response = try await client.execute(uri: "/fit", method: .post, headers: asked.headers, body: asked.body)
                let (cli, _) = try Programs.commandLine(arguments + ["--format", format])
                #expect(response.bytes == Array(cli.stdout), "fit \(download)")
            }
            // No mix within the bounds: the command line's refusal, every reason.
            let refused = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("budget", "1000"), ("min", "Southern Asia=5")])
            let answer = try await client.execute(uri: "/fit", method: .post, headers: refused.headers, body: refused.body)
            let (cliRefused, _) = try Programs.commandLine(["fit", "--event", "jeju-2023", "--budget", "1000", "--min", "Southern Asia=5"])
            #expect(cliRefused.status == 1)
            #expect(answer.status == .unprocessableContent)
            var message = ""
            HTML.escape(cliRefused.errors.trimmingCharacters(in: .newlines), into: &message)
            #expect(answer.text.contains(message))
        }
    }

    @Test("a fit bound is read by the planner's one rule, on the page as with --min and --max: REGION_OR_COUNTRY=N, N from 0 to 100,000",
          arguments: [("South-Eastern Asia=3", true), (" Pacific Islands = 0 ", true), ("Nepal=100000", true), ("Nepal=100001", false),
                      ("Nepal=-1", false), ("Nepal", false), ("=3", false), ("Nepal=٣", false)])
    func oneRuleForBounds(typed: String, read: Bool) async throws {
        #expect((FitBound(typed: typed, side: .minimum) != nil) == read)
        #expect(((try? Site.bounds([typed], .maximum)) != nil) == read)
        let (cli, _) = try Programs.commandLine(["fit", "--event", "jeju-2023", "--budget", "20000", "--min", typed])
        #expect((cli.status == 0 || cli.status == 1) == read, "the command line: \(cli.errors)")
    }

    @Test("a roster with errors: the command line's messages (file, line, the offending line, the caret, the hint) and nothing of a result")
    func errorsAsTheCommandLineSaysThem() async throws {
        let roster = try Web.bytes("Tests/BudgetReadersTests/Fixtures/roster-errors/unknown-country.csv")
        try await Web.app().test(.router) { client in
            let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2018")], files: [("roster", "unknown-country.csv", roster)])
            let response = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body)
            #expect(response.status == .unprocessableContent)
            let (cli, _) = try Programs.commandLine(["cost", "--event", "jeju-2018", "--roster", "unknown-country.csv"], roster: roster,
                                                    named: "unknown-country.csv")
            #expect(cli.status == 65)
            var message = ""
            HTML.escape(cli.errors.trimmingCharacters(in: .newlines), into: &message)
            #expect(response.text.contains("<pre>\(message)</pre>"), "the messages as printed:\n\(cli.errors)")
            #expect(!response.text.contains("id=\"total\""), "nothing half-rendered")
            #expect(!response.text.contains("class=\"downloads\""))
            #expect(response.text.contains("<option value=\"jeju-2018\" selected>"), "the form again, as it was sent")
            #expect(response.text.contains("name=\"roster_name\" value=\"unknown-country.csv\""), "the roster kept")
            #expect(response.text.contains("Kept: the roster you sent, unknown-country.csv."))
            // An unknown option value: the command line's usage message.
            let bad = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("budget", "lots")], files: [("roster", "r.csv", roster)])
            let (cliUsage, _) = try Programs.commandLine(["cost", "--event", "jeju-2023", "--roster", "r.csv", "--budget", "lots"], roster: roster, named: "r.csv")
            #expect(cliUsage.status == 64, "the command line says it before reading the roster, as the page does")
            let usage = try await client.execute(uri: "/cost", method: .post, headers: bad.headers, body: bad.body)
            #expect(usage.status == .badRequest)
            #expect(usage.text.contains("error: --budget"))
            #expect(usage.text.contains("id=\"budget\" aria-describedby=\"budget-hint\" value=\"lots\""), "the ceiling as typed, to correct")
            // Corrected and sent again with the roster kept (no file chosen this time): the roster is read from the page.
            let kept = hiddenFields(usage.text, in: "<form ")
            #expect(kept.contains { $0.0 == "roster_data" })
            let again = Web.multipart(kept.filter { $0.0 != "budget" } + [("event", "jeju-2023"), ("budget", "16000")],
                                      files: [("roster", "", [])])
            let resent = try await client.execute(uri: "/cost", method: .post, headers: again.headers, body: again.body)
            #expect(resent.status == .unprocessableContent, "the kept roster's own errors, now that the ceiling reads")
            #expect(resent.text.contains("r.csv:2:8: error: unknown point of departure `Vietnan`"))
            // No roster chosen.
            let none = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")])
            let noRoster = try await client.execute(uri: "/cost", method: .post, headers: none.headers, body: none.body)
            #expect(noRoster.status == .badRequest)
            #expect(noRoster.text.contains("Choose a roster"))
        }
    }

    /// The hidden fields of a page's forms (the download form), in order, the last form's.
    func hiddenFields(_ page: String, in start: String = "<section class=\"downloads\"") -> [(String, String)] {
        guard let start = page.range(of: start) else { return [] }
        var fields: [(String, String)] = []
        var rest = page[start.upperBound...]
        while let input = rest.range(of: "<input type=\"hidden\" name=\"") {
            rest = rest[input.upperBound...]
            let name = rest.prefix { $0 != "\"" }
            guard let value = rest.range(of: "value=\"") else { break }
            rest = rest[value.upperBound...]
            let raw = String(rest.prefix { $0 != "\"" })
            fields.append((String(name), raw.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")))
        }
        return fields
    }
}
