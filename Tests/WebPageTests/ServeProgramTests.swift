import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing
@testable import WebPage

/// `travel-budget serve` as an officer starts it: the address printed, the pages served, SIGTERM stops it cleanly.
@Suite(.cleansUpTemporaryFolders)
struct ServeProgramTests {
    @Test("travel-budget serve prints a 127.0.0.1 address, serves the page, and stops cleanly on SIGTERM (and Ctrl-C)",
          arguments: [SIGTERM, SIGINT])
    func startAndStop(_ signal: Int32) throws {
        let process = Process()
        process.executableURL = Programs.program("travel-budget")
        process.arguments = ["serve", "--port", "0", "--tables", Repo.tablesPath]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let line = try #require(Self.firstLine(out.fileHandleForReading, timeout: 30), "the address is printed")
        #expect(line.hasPrefix("travel-budget serve: open http://127.0.0.1:"))
        #expect(line.hasSuffix("in your browser (Ctrl-C stops the server)"))
        let port = try #require(Int(line.split(separator: ":")[3].prefix { $0.isNumber }))
        let answer = try RawClient(port: port).exchange([RawClient.request("GET", "/events")])
        #expect(status(answer) == 200)
        #expect(answer.contains("jeju-2023"))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0, "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
    }

    @Test("travel-budget serve --help is the web page's own help; a bad port is refused; broken tables are the command line's error")
    func helpAndErrors() throws {
        let help = try ProcessOutput(Programs.program("travel-budget"), ["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--host <ADDRESS>"))
        #expect(help.output.contains("Listens on 127.0.0.1 (this computer only)"))
        let port = try ProcessOutput(Programs.program("travel-budget"), ["serve", "--port", "70000"])
        #expect(port.status == 64)
        #expect(port.errors.contains("--port is 0 to 65535, not 70000"))
        let missing = try ProcessOutput(Programs.program("travel-budget"), ["serve", "--tables", "/no/such/tables"])
        #expect(missing.status == 66)
        #expect(missing.errors.contains("/no/such/tables"))
    }

    @Test("travel-budget serve without the web page's program beside it says how to build it (exit 69)")
    func programNotBuilt() throws {
        let folder = try temporaryFolder("web-alone")
        let alone = folder.appendingPathComponent("travel-budget")
        try FileManager.default.copyItem(at: Programs.program("travel-budget"), to: alone)
        let run = try ProcessOutput(alone, ["serve"])
        #expect(run.status == 69)
        #expect(run.errors.contains("error: the web page is its own program, \(folder.path)/travel-budget-serve, and it is not built"))
        #expect(run.errors.contains("hint: build it with `swift build --product travel-budget-serve`"))
    }

    /// The first line a process writes, or nil when none comes within the timeout.
    static func firstLine(_ handle: FileHandle, timeout: Double) -> String? {
        let found = LineBox()
        let reading = Thread {
            var data = Data()
            while !data.contains(0x0A) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data += chunk
            }
            found.line = String(decoding: data.prefix { $0 != 0x0A }, as: UTF8.self)
            found.done.signal()
        }
        reading.start()
        return found.done.wait(timeout: .now() + timeout) == .success ? found.line : nil
    }
}

/// The clients' answers, gathered under a lock.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var ok = 0, failed = 0
    private var latencies: [Double] = []

    func add(_ answer: (ok: Bool, latency: Double)) {
        lock.lock()
        if answer.ok { ok += 1 } else { failed += 1 }
        latencies.append(answer.latency)
        lock.unlock()
    }

    var result: (ok: Int, failed: Int, latencies: [Double]) {
        lock.lock()
        defer { lock.unlock() }
        return (ok, failed, latencies)
    }
}

private final class LineBox: @unchecked Sendable {
    var line: String?
    let done = DispatchSemaphore(value: 0)
}

/// Several officers at once: a bounded run on loopback (16 connections for a few seconds) costing the 40-person sample.
/// Zero errors, every answer the same page, memory flat. The measured figures (release build, wrk, 10 s) are in the README;
/// this test keeps the server honest under load in CI.
@Suite(.serialized)
struct LoadTests {
    @Test("16 clients costing the 40-person roster for 3 s: no error, every total the same, memory flat")
    func sixteenClients() async throws {
        let roster = try Web.bytes(Web.sample)
        let form = Web.multipart([("token", Web.formToken), ("event", "jeju-2023")], files: [("roster", "jeju-2023-40.csv", roster)])
        let request = RawClient.request("POST", "/cost", headers: ["Content-Type: \(form.headers[.contentType]!)"], body: Array(buffer: form.body))
        try await Web.app().test(.live) { client in
            let port = try #require(client.port)
            let warm = try await RawClient(port: port).ask([request])
            let total = try #require(warm.range(of: "<dd id=\"total\">").map { String(warm[$0.upperBound...].prefix { $0 != "<" }) },
                                     "the first answer: \(warm.prefix(1500))")
            let before = LoadTests.residentKB()
            // The clients block on their sockets: each runs on a thread of its own, never on the tasks' shared threads (which
            // the server in this process needs).
            let results = await LoadTests.clients(16, seconds: 3) {
                let start = Date()
                let answer = (try? RawClient(port: port).exchange([request])) ?? ""
                return (status(answer) == 200 && answer.contains("<dd id=\"total\">\(total)</dd>"), Date().timeIntervalSince(start))
            }
            let after = LoadTests.residentKB()
            let sorted = results.latencies.sorted()
            let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
            print("load (debug build, in process): \(results.ok) costed pages in 3 s, \(results.failed) errors, p99 \(Int(p99 * 1000)) ms, "
                  + "RSS \(before / 1024) MB -> \(after / 1024) MB")
            #expect(results.failed == 0)
            #expect(results.ok >= 16)
            #expect(after - before < 200 * 1024, "memory stays flat: \(before) KB -> \(after) KB")
        }
    }

    /// Runs `count` clients, each on its own thread, each sending requests one after another for `seconds`; what they got.
    static func clients(_ count: Int, seconds: Double, _ request: @escaping @Sendable () -> (ok: Bool, latency: Double)) async
        -> (ok: Int, failed: Int, latencies: [Double]) {
        let tally = Tally()
        let deadline = Date().addingTimeInterval(seconds)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            for _ in 0..<count {
                group.enter()
                Thread {
                    while Date() < deadline { tally.add(request()) }
                    group.leave()
                }.start()
            }
            group.notify(queue: .global()) { done.resume() }
        }
        return tally.result
    }

    /// This process's resident memory in KB (Linux: /proc/self/status).
    static func residentKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
