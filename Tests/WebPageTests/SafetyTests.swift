import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing
@testable import WebPage

/// Safe by default: escaping, the form token, the access token beyond loopback, the Host check, the limits, names only
/// from the server's own lists, a server that goes on serving whatever it is sent.
@Suite(.cleansUpTemporaryFolders)
struct SafetyTests {
    @Test("a name that is a script comes back as text, in the table, the notes, the file name and the carried fields")
    func escaping() async throws {
        let evil = "<script>alert(1)</script>"
        let roster = Array("id,name,organization,country,fare_usd\nP1,\(evil),\"<b onmouseover=alert(2)>Org</b>\",India,700\n".utf8)
        try await Web.app().test(.router) { client in
            let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "<img src=x onerror=alert(3)>.csv", roster)])
            let response = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body)
            #expect(response.status == .ok)
            let page = response.text
            #expect(!page.contains("<script"), "no script element at all")
            #expect(!page.contains("<b onmouseover"))
            #expect(page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), "the name is text in its cell")
            #expect(page.contains("&lt;b onmouseover=alert(2)&gt;Org&lt;/b&gt;"))
            #expect(!page.contains("<img"))
            #expect(page.contains("value=\"&lt;img src=x onerror=alert(3)&gt;.csv\""), "the file name carried, escaped")
            #expect(page.contains("<dd>&lt;img src=x onerror=alert(3)&gt;.csv</dd>"), "and shown as text")
            // A roster error quoting the line: escaped in the message too.
            let broken = Array("id,name,country,fare_usd\nP1,\(evil),Narnia,700\n".utf8)
            let bad = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "r.csv", broken)])
            let error = try await client.execute(uri: "/cost", method: .post, headers: bad.headers, body: bad.body).text
            #expect(error.contains("P1,&lt;script&gt;alert(1)&lt;/script&gt;,Narnia,700"))
            #expect(!error.contains("<script"))
        }
    }

    @Test("the HTML builder escapes every text and attribute value, and control characters")
    func builder() {
        let page = el("p", [.class("a\"b' <c>")], [.text("1 < 2 & \"3\" > '0'\u{0}\u{7}"), el("a", [.href("javascript:\"")], "x")])
        #expect(page.markup == "<p class=\"a&quot;b&#39; &lt;c&gt;\">1 &lt; 2 &amp; &quot;3&quot; &gt; &#39;0&#39;\u{FFFD}\u{FFFD}<a href=\"javascript:&quot;\">x</a></p>")
        #expect(HTML.element("input", [.value("v")], [.text("ignored")]).markup == "<input value=\"v\">", "a void element has no content")
    }

    @Test("a form without the server's token is refused (403) before anything is computed")
    func formToken() async throws {
        let roster = try Web.bytes(Web.sample)
        try await Web.app().test(.router) { client in
            for token in [nil, "", "0000", Web.formToken.uppercased()] {
                let form = Web.multipart((token.map { [("token", $0)] } ?? []) + [("event", "jeju-2023")], files: [("roster", "r.csv", roster)])
                let response = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body)
                #expect(response.status == .forbidden, "token \(token ?? "none")")
                #expect(response.text.contains("This form is not from this server&#39;s page"))
                #expect(!response.text.contains("id=\"total\""))
            }
            for path in ["/compare", "/fit"] {
                let form = Web.multipart([("event", "jeju-2023"), ("budget", "20000")])
                #expect(try await client.execute(uri: path, method: .post, headers: form.headers, body: form.body).status == .forbidden)
            }
            // The form pages carry the token.
            #expect(try await client.execute(uri: "/cost", method: .get).text.contains("name=\"token\" value=\"\(Web.formToken)\""))
        }
    }

    @Test("beyond loopback, every request needs the access token: in the address once, then a cookie")
    func accessToken() async throws {
        let settings = ServeSettings(host: "127.0.0.1", port: 0, accessToken: "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6")
        try await Web.app(settings: settings).test(.router) { client in
            let refused = try await client.execute(uri: "/events", method: .get)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("access token"))
            #expect(!refused.text.contains("jeju-2023"))
            #expect(try await client.execute(uri: "/events?token=wrong", method: .get).status == .forbidden)
            let opened = try await client.execute(uri: "/?token=\(settings.accessToken!)", method: .get)
            #expect(opened.status == .ok)
            let cookie = try #require(opened.headers[.setCookie])
            #expect(cookie == "travel_budget_token=\(settings.accessToken!); Path=/; HttpOnly; SameSite=Strict")
            let next = try await client.execute(uri: "/events", method: .get, headers: [.cookie: "other=1; travel_budget_token=\(settings.accessToken!)"])
            #expect(next.status == .ok)
            let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023"), ("shipped", Repo.path(Web.sample))])
            var headers = form.headers
            #expect(try await client.execute(uri: "/cost", method: .post, headers: headers, body: form.body).status == .forbidden)
            headers[.cookie] = "travel_budget_token=\(settings.accessToken!)"
            #expect(try await client.execute(uri: "/cost", method: .post, headers: headers, body: form.body).status == .ok)
        }
    }

    @Test("the server listens on 127.0.0.1 by default; --host beyond it warns and asks for a token")
    func loopbackDefault() throws {
        #expect(ServeSettings().host == "127.0.0.1")
        for host in ["127.0.0.1", "127.0.0.2", "localhost", "::1"] { #expect(ServeSettings.isLoopback(host), "\(host)") }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.org", "127.0.0.1.example.org"] { #expect(!ServeSettings.isLoopback(host), "\(host)") }
        let token = ServeSettings.randomToken()
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit))
        #expect(ServeSettings.randomToken() != token)
    }

    @Test("names only from the server's lists: an event path, a roster path or a scenario path from the request reaches no file")
    func namesFromTheServersLists() async throws {
        try await Web.app().test(.router) { client in
            let attempts: [(String, [(String, String)])] = [
                ("/cost", [("event", Repo.path("Tables/events/jeju-2023.toml")), ("shipped", Repo.path(Web.sample))]),
                ("/cost", [("event", "jeju-2023"), ("shipped", "/etc/passwd")]),
                ("/cost", [("event", "jeju-2023"), ("shipped", Repo.path("Tables/rosters/../samples/jeju-2023-40.csv"))]),
                ("/compare", [("scenario", "/etc/passwd")]),
                ("/compare", [("scenario", Repo.path("Tables/scenarios/../events/jeju-2023.toml"))]),
                ("/fit", [("event", "../Tables/events/jeju-2023.toml"), ("budget", "1000")]),
            ]
            for (path, fields) in attempts {
                let form = Web.multipart([("token", Web.formToken)] + fields)
                let response = try await client.execute(uri: path, method: .post, headers: form.headers, body: form.body)
                #expect(response.status == .badRequest, "\(path) \(fields)")
                #expect(response.text.contains("on this server"), "\(response.text)")
            }
            // An uploaded file's name is only a name: its path is dropped.
            #expect(Site.uploadName("C:\\Users\\officer\\roster.csv") == "roster.csv")
            #expect(Site.uploadName("../../etc/passwd") == "passwd")
            #expect(Site.uploadName("..") == "roster.csv")
            #expect(Site.uploadName("a\u{0}b\nc.csv") == "abc.csv")
        }
    }

    @Test("uploads: over 10 MB refused with the command line's message; a body over the limit is 413; a malformed form is 400")
    func limits() async throws {
        try await Web.app().test(.router) { client in
            var big = Array("id,name,country,fare_usd\n".utf8)
            big += [UInt8](repeating: UInt8(ascii: "x"), count: 10 * 1_048_576 + 10)
            let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "big.csv", big)])
            let tooBig = try await client.execute(uri: "/cost", method: .post, headers: form.headers, body: form.body)
            #expect(tooBig.status == .unprocessableContent || tooBig.status == .badRequest, "\(tooBig.status)")
            #expect(tooBig.text.contains("big.csv"))
            #expect(tooBig.text.contains("10 MB") || tooBig.text.contains("10,485,760"), "\(tooBig.text.prefix(2000))")
            let huge = Web.multipart([("token", Web.formToken)], files: [("roster", "huge.csv", [UInt8](repeating: 0x41, count: WebServer.bodyLimit + 1))])
            let over = try await client.execute(uri: "/cost", method: .post, headers: huge.headers, body: huge.body)
            #expect(over.status == .contentTooLarge)
            #expect(over.text.contains("larger than 16 MB"))
            let cases: [(HTTPFields, [UInt8])] = [
                ([.contentType: "multipart/form-data; boundary=abc"], Array("no boundary here".utf8)),
                ([.contentType: "multipart/form-data"], Array("--x\r\n".utf8)),
                ([.contentType: "multipart/form-data; boundary=abc"], Array("--abc\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nunterminated".utf8)),
                ([.contentType: "multipart/form-data; boundary=abc"], Array("--abc\r\nX: y\r\n\r\nv\r\n--abc--".utf8)),
                ([.contentType: "text/plain"], Array("token=x".utf8)),
                ([:], []),
            ]
            for (headers, body) in cases {
                let response = try await client.execute(uri: "/cost", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                #expect(response.status == .badRequest, "\(headers) \(String(decoding: body, as: UTF8.self))")
                #expect(response.text.contains("The form could not be read"))
            }
            // The server goes on serving.
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
        }
    }

    @Test("the same form read as multipart and as URL-encoded")
    func formReading() throws {
        let multipart = Web.multipart([("a", "1 2"), ("b", "x=y&z")], files: [("f", "C:\\dir\\r.csv", Array("id\r\n".utf8))])
        let form = try Form.read(Array(buffer: multipart.body), contentType: multipart.headers[.contentType])
        #expect(form.value("a") == "1 2")
        #expect(form.value("b") == "x=y&z")
        #expect(form.file("f")?.filename == "r.csv")
        #expect(form.file("f")?.bytes == Array("id\r\n".utf8))
        let encoded = try Form.read(Array("a=1+2&b=x%3Dy%26z&c".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(encoded.value("a") == "1 2")
        #expect(encoded.value("b") == "x=y&z")
        #expect(throws: FormError.self) { try Form.read(Array("a=%G1".utf8), contentType: "application/x-www-form-urlencoded") }
        let quoted = try Form.read(Array("--q q\r\nContent-Disposition: form-data; name=\"a;b\"; filename=\"x%22y.csv\"\r\n\r\nv\r\n--q q--".utf8),
                                   contentType: "multipart/form-data; boundary=\"q q\"")
        #expect(quoted.fields.first?.name == "a;b")
        #expect(quoted.fields.first?.filename == "x%22y.csv")
    }

    @Test("on a real socket: a wrong Host (a rebinding page) is refused; huge headers, a broken body and a slow client get an answer and the server goes on")
    func liveSocket() async throws {
        try await Web.app().test(.live) { client in
            let port = try #require(client.port)
            let raw = RawClient(port: port)
            #expect(status(try await raw.ask([RawClient.request(host: "127.0.0.1:\(port)")])) == 200)
            #expect(status(try await raw.ask([RawClient.request(host: "localhost")])) == 200)
            let rebound = try await raw.ask([RawClient.request(host: "attacker.example:\(port)")])
            #expect(status(rebound) == 421)
            #expect(rebound.contains("only to this computer"))
            let huge = try await raw.ask([RawClient.request(headers: ["X-Big: " + String(repeating: "a", count: 200_000)])])
            #expect(status(huge) == nil || status(huge)! >= 400, "\(huge.prefix(200))")
            let body = Array("--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n\(Web.formToken)\r\n--b\r\nbroken".utf8)
            let broken = try await raw.ask([RawClient.request("POST", "/cost", headers: ["Content-Type: multipart/form-data; boundary=b"], body: body)])
            #expect(status(broken) == 400)
            // A client that declares more than it sends, slowly, and goes away: the server is not held.
            let slow = RawClient.request("POST", "/cost", headers: ["Content-Type: multipart/form-data; boundary=b"], body: [])
                .dropLast(0)
            var declared = Array(String(decoding: slow, as: UTF8.self).replacingOccurrences(of: "Content-Length: 0", with: "Content-Length: 1000").utf8)
            declared += Array("--b\r\n".utf8)
            _ = try? await raw.ask([declared, Array("Content-Disp".utf8)], pause: 0.5, timeout: 1)
            #expect(status(try await raw.ask([RawClient.request(host: "127.0.0.1")])) == 200, "the server answers the next request")
        }
    }

    @Test("fuzz: 300 (WEB_FUZZ_CASES) broken, truncated and mutated uploads never crash the server, and it answers the next request")
    func fuzzUploads() async throws {
        let roster = try Web.bytes(Web.sample)
        let workbook = try Web.bytes("Tests/SheetReaderTests/Fixtures/xlsx/libreoffice-jeju-2023.xlsx")
        let valid = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "r.csv", roster)])
        let validBytes = Array(buffer: valid.body)
        let cases = try await Web.app().test(.router) { client in
            var generator = SplitMix(seed: 23)
            var cases = 0
            // A fixed number of cases (not a time): the whole suite's other tests may hold the shared threads a while.
            // WEB_FUZZ_CASES=N runs more (a longer fuzzing run by hand).
            while cases < SafetyTests.fuzzCases {
                cases += 1
                var body = validBytes
                switch generator.next() % 6 {
                case 0: body = Array(body.prefix(Int(generator.next() % UInt64(body.count))))           // truncated anywhere
                case 1: for _ in 0..<8 { body[Int(generator.next() % UInt64(body.count))] = UInt8(truncatingIfNeeded: generator.next()) }
                case 2: body.insert(contentsOf: Array("\r\n--XyZzy-boundary-42\r\n".utf8), at: Int(generator.next() % UInt64(body.count)))
                case 3:                                                                                    // a truncated workbook
                    let cut = Array(workbook.prefix(Int(generator.next() % UInt64(max(workbook.count, 1)))))
                    body = Array(buffer: Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "r.xlsx", cut)]).body)
                case 4: body = (0..<Int(generator.next() % 4096)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                default:                                                                                   // a mutated workbook
                    var mutated = workbook
                    for _ in 0..<16 where !mutated.isEmpty { mutated[Int(generator.next() % UInt64(mutated.count))] = UInt8(truncatingIfNeeded: generator.next()) }
                    body = Array(buffer: Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "r.xlsx", mutated)]).body)
                }
                let response = try await client.execute(uri: "/cost", method: .post, headers: valid.headers, body: ByteBuffer(bytes: body))
                #expect([200, 400, 403, 413, 422].contains(response.status.code), "case \(cases): \(response.status)")
                #expect(response.text.hasPrefix("<!DOCTYPE html>"), "a whole page, case \(cases)")
            }
            #expect(try await client.execute(uri: "/cost", method: .post, headers: valid.headers, body: valid.body).status == .ok)
            return cases
        }
        #expect(cases == SafetyTests.fuzzCases)
    }
}

extension SafetyTests {
    static let fuzzCases = Int(ProcessInfo.processInfo.environment["WEB_FUZZ_CASES"] ?? "") ?? 300
}

/// A small deterministic generator (SplitMix64), so that a failing fuzz case can be run again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
