import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing
@testable import WebPage

/// The page in a real browser: headless Chromium (Debian's `chromium`, installed by scripts/test) opens the pages, fills the
/// cost page's own form (its markup as the server sent it) with the sample roster as a file, submits it, and the test
/// reads the total from the page the browser shows and downloads the workbook with the fields that page holds. Screenshots
/// are taken of each page; `SCREENSHOTS=DIR swift test --filter BrowserTests` keeps them in DIR to look at.
@Suite(.cleansUpTemporaryFolders, .serialized)
struct BrowserTests {
    @Test("an officer costs the sample roster in Chromium: the total is the command line's, the workbook its bytes")
    func costInChromium() async throws {
        let roster = try Web.bytes(Web.sample)
        let folder = try temporaryFolder("web-browser")
        try await Web.app().test(.live) { client in
            let port = try #require(client.port)
            let base = "http://127.0.0.1:\(port)"
            for page in ["/", "/events", "/cost", "/compare", "/fit"] {
                let shot = try await Chromium.screenshot("\(base)\(page)", in: folder, name: "page\(page == "/" ? "-home" : page.replacingOccurrences(of: "/", with: "-"))")
                #expect(shot.count > 10_000, "a screenshot of \(page)")
            }
            // The cost page's own form, as the browser receives it, filled and submitted by the browser.
            let form = try await client.execute(uri: "/cost", method: .get).text
            let harness = try Chromium.harness(formPage: form, base: base, choose: ["event": "jeju-2023"], file: ("roster", "jeju-2023-40.csv", roster),
                                               button: "Cost the roster", in: folder)
            let dom = try await Chromium.dumpDOM(harness, in: folder)
            let (cli, cliFolder) = try Programs.commandLine(["cost", "--event", "jeju-2023", "--roster", "jeju-2023-40.csv", "--xlsx", "out.xlsx",
                                                             "--created", Web.day], roster: roster, named: "jeju-2023-40.csv")
            let total = try #require(cli.output.split(separator: "\n").first { $0.hasPrefix("TOTAL (40 participants)") }?.split(separator: " ").last)
            #expect(dom.contains("<dd id=\"total\">US$ \(total)</dd>"), "the browser shows the command line's total, US$ \(total)")
            #expect(dom.contains("<h1>Cost: jeju-2023, jeju-2023-40.csv</h1>"))
            let result = try await Chromium.screenshot(harness, in: folder, name: "cost-result", height: 2400)
            #expect(result.count > 10_000)
            // The workbook, with the fields the browser's page holds in its download form.
            let fields = PageTests().hiddenFields(dom).filter { $0.0 != "created" } + [("created", Web.day), ("download", "xlsx")]
            let download = Web.multipart(fields)
            let workbook = try await client.execute(uri: "/cost", method: .post, headers: download.headers, body: download.body)
            #expect(workbook.status == .ok)
            #expect(workbook.bytes == Array(try Data(contentsOf: cliFolder.appendingPathComponent("out.xlsx"))), "the command line's workbook")
            // A roster with an error: the browser shows the message with its caret.
            let broken = Array("id,name,country,fare_usd\nP1,Ana,Vietnan,700\n".utf8)
            let errorHarness = try Chromium.harness(formPage: form, base: base, choose: ["event": "jeju-2023"], file: ("roster", "typo.csv", broken),
                                                    button: "Cost the roster", in: folder, name: "error")
            let errorDOM = try await Chromium.dumpDOM(errorHarness, in: folder)
            #expect(errorDOM.contains("typo.csv:2:8: error: unknown point of departure `Vietnan`"))
            #expect(errorDOM.contains("hint: did you mean `Vietnam`?"))
            _ = try await Chromium.screenshot(errorHarness, in: folder, name: "cost-error")
        }
    }

    @Test("compare and fit in Chromium: the browser submits each page's form and shows the report")
    func compareAndFitInChromium() async throws {
        let folder = try temporaryFolder("web-browser")
        try await Web.app().test(.live) { client in
            let port = try #require(client.port)
            let base = "http://127.0.0.1:\(port)"
            let compareForm = try await client.execute(uri: "/compare", method: .get).text
            let scenario = Repo.path("Tables/scenarios/six-southern-asia-four-pacific.toml")
            let compare = try Chromium.harness(formPage: compareForm, base: base, choose: ["scenario": scenario], file: nil, button: "Compare",
                                               in: folder, name: "compare")
            let compareDOM = try await Chromium.dumpDOM(compare, in: folder)
            #expect(compareDOM.contains("<h1>Compare: Six from Southern Asia, four from the Pacific Islands"))
            _ = try await Chromium.screenshot(compare, in: folder, name: "compare-result", height: 1600)
            let fitForm = try await client.execute(uri: "/fit", method: .get).text
            let fit = try Chromium.harness(formPage: fitForm, base: base, choose: ["event": "jeju-2023", "budget": "20000", "min": "South-Eastern Asia=3"],
                                           file: nil, button: "Fit", in: folder, name: "fit")
            let fitDOM = try await Chromium.dumpDOM(fit, in: folder)
            #expect(fitDOM.contains("<h1>Fit: jeju-2023, US$ 20,000.00</h1>"))
            _ = try await Chromium.screenshot(fit, in: folder, name: "fit-result", height: 1400)
        }
    }
}

/// Headless Chromium, run as a program: screenshots, and the DOM of the page a harness ends on.
enum Chromium {
    static func run(_ arguments: [String], in folder: URL) async throws -> ProcessOutput {
        let profile = folder.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        // The browser asks the server in this process: it is waited for off the threads the server's tasks need.
        let output = try await offThePool { try ProcessOutput(URL(fileURLWithPath: "/usr/bin/env"), ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                                                              "--no-first-run", "--disable-extensions", "--user-data-dir=\(profile.path)",
                                                                              "--virtual-time-budget=15000"] + arguments) }
        if output.status != 0 {
            throw TestSupportError("chromium exited \(output.status) (is Debian's chromium installed? scripts/test installs it): \(output.errors.suffix(800))")
        }
        return output
    }

    /// A screenshot of a page (or a harness) at 1280 wide; its PNG bytes. Kept in `SCREENSHOTS` when that is set.
    static func screenshot(_ url: String, in folder: URL, name: String, height: Int = 900) async throws -> [UInt8] {
        let path = folder.appendingPathComponent("\(name).png")
        _ = try await run(["--screenshot=\(path.path)", "--window-size=1280,\(height)", "--hide-scrollbars", url], in: folder)
        let bytes = Array(try Data(contentsOf: path))
        if let keep = ProcessInfo.processInfo.environment["SCREENSHOTS"] {
            try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: keep).appendingPathComponent("\(name).png"))
        }
        return bytes
    }

    /// The DOM of the page the browser shows at the end (after a harness has submitted its form).
    static func dumpDOM(_ url: String, in folder: URL) async throws -> String { try await run(["--dump-dom", url], in: folder).output }

    /// A local page holding a form page's own form (its action made absolute), a script that chooses the given values
    /// (select options, text fields), attaches a file to a file input as a person choosing it would, and presses the button
    /// with the given label. Returns its file: URL.
    static func harness(formPage: String, base: String, choose: [String: String], file: (field: String, name: String, bytes: [UInt8])?,
                        button: String, in folder: URL, name: String = "harness") throws -> String {
        guard let start = formPage.range(of: "<form "), let end = formPage.range(of: "</form>", range: start.upperBound..<formPage.endIndex) else {
            throw TestSupportError("the page has no form")
        }
        let form = String(formPage[start.lowerBound..<end.upperBound]).replacingOccurrences(of: "action=\"/", with: "action=\"\(base)/")
        let values = try String(decoding: JSONSerialization.data(withJSONObject: choose), as: UTF8.self)
        let fileScript: String
        if let file {
            let content = try String(decoding: JSONSerialization.data(withJSONObject: [String(decoding: file.bytes, as: UTF8.self)]), as: UTF8.self)
            fileScript = """
                const transfer = new DataTransfer();
                transfer.items.add(new File(\(content), \(try json(file.name)), {type: "text/csv"}));
                form.querySelector('input[type=file][name=\(file.field)]').files = transfer.files;
                """
        } else {
            fileScript = ""
        }
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title></head><body>
            \(form)
            <script>
            const form = document.querySelector("form");
            const values = \(values);
            for (const [name, value] of Object.entries(values)) { form.elements[name].value = value; }
            \(fileScript)
            const button = [...form.querySelectorAll("button")].find(b => b.textContent === \(try json(button)));
            form.requestSubmit(button);
            </script></body></html>
            """
        let path = folder.appendingPathComponent("\(name).html")
        try page.write(to: path, atomically: true, encoding: .utf8)
        return path.absoluteString
    }

    private static func json(_ text: String) throws -> String {
        let array = String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
