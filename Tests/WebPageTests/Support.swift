import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Planner
import TestSupport
import Testing
@testable import WebPage

/// The site on the shipped tables, with a fixed form token and a fixed clock (2024-01-02), as the tests use it.
enum Web {
    static let formToken = "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0"
    /// 2024-01-02 00:00 UTC: the day a workbook downloaded in the tests says it was prepared.
    static let day = "2024-01-02"
    static let now = Date(timeIntervalSince1970: 1_704_153_600)

    /// The planner on the shipped tables (by their absolute path, which the command line is given too), read once, as the
    /// server reads them.
    static let planner: Result<Planner, PlannerError> = Result { () throws(PlannerError) in try Planner(tables: Repo.tablesPath) }

    /// The site on the shipped tables.
    static func site() throws -> Site { Site(planner: try planner.get(), formToken: formToken, environment: [:], now: { now }) }

    /// The application, as `travel-budget serve` makes it, on any free loopback port.
    static func app(settings: ServeSettings = ServeSettings(host: "127.0.0.1", port: 0)) throws -> some ApplicationProtocol {
        WebServer.application(site: try site(), settings: settings)
    }

    /// A multipart form: fields, then files (name, file name, bytes).
    static func multipart(_ fields: [(String, String)], files: [(String, String, [UInt8])] = [], boundary: String = "XyZzy-boundary-42")
        -> (body: ByteBuffer, headers: HTTPFields) {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, filename, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (ByteBuffer(bytes: body), [.contentType: "multipart/form-data; boundary=\(boundary)"])
    }

    /// A repository file's bytes.
    static func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: Repo.root.appendingPathComponent(relative))) }

    /// The 40-person sample roster.
    static let sample = "Tables/samples/jeju-2023-40.csv"
}

/// The body of a response as text.
extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(buffer: body) }
}

/// The built programs beside this test bundle (SwiftPM builds them: the test target depends on them).
enum Programs {
    static func program(_ name: String) -> URL {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var folder = me.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Repo.root.appendingPathComponent(".build/debug/\(name)")
    }

    /// What the command line writes, given the shipped tables by their path, for a roster uploaded under `name`: run in a
    /// folder holding the roster as `name`, so that the roster is named as the page names it. The folder is returned too
    /// (for a workbook written there).
    static func commandLine(_ arguments: [String], roster: [UInt8]? = nil, named name: String? = nil) throws -> (ProcessOutput, URL) {
        let folder = try temporaryFolder("web-cli")
        if let roster, let name { try Data(roster).write(to: folder.appendingPathComponent(name)) }
        return (try ProcessOutput(program("travel-budget"), arguments + ["--tables", Repo.tablesPath], in: folder), folder)
    }
}

/// A plain TCP client on the loopback address, to send what no well-behaved client sends (a wrong Host, huge headers, a
/// broken body, a body sent slowly) and read the raw answer.
struct RawClient {
    let port: Int

    /// Sends bytes (in pieces, with a pause between them when asked) and reads the answer until the server closes the
    /// connection or `timeout` passes; returns what was read.
    func exchange(_ pieces: [[UInt8]], pause: Double = 0, timeout: Double = 60) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestSupportError("socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var connected: Int32
        repeat {
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        } while connected != 0 && errno == EINTR
        guard connected == 0 else { throw TestSupportError("connect: \(errno)") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        for (i, piece) in pieces.enumerated() {
            if i > 0 && pause > 0 { Thread.sleep(forTimeInterval: pause) }
            var sent = 0
            while sent < piece.count {
                let n = piece[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n < 0 && errno == EINTR { continue }   // a signal (another test's process ending): again
                if n <= 0 { break }   // the server closed: read what it said
                sent += n
            }
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// A whole request: the request line and headers (Host 127.0.0.1 unless given), then the body.
    static func request(_ method: String = "GET", _ path: String = "/", host: String? = "127.0.0.1", headers: [String] = [], body: [UInt8] = [])
        -> [UInt8] {
        var lines = ["\(method) \(path) HTTP/1.1"] + (host.map { ["Host: \($0)"] } ?? []) + headers + ["Connection: close"]
        if !body.isEmpty || method == "POST" { lines.append("Content-Length: \(body.count)") }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }
}

/// Runs blocking work (a socket, a browser) on a thread of its own and waits for it without holding one of the threads the
/// tasks share: on a 2-core machine there are two, and the server under test in this process needs them to answer.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

extension RawClient {
    /// ``exchange(_:pause:timeout:)`` off the shared threads.
    func ask(_ pieces: [[UInt8]], pause: Double = 0, timeout: Double = 60) async throws -> String {
        try await offThePool { try exchange(pieces, pause: pause, timeout: timeout) }
    }
}

/// The status code of a raw answer (`HTTP/1.1 200 OK` → 200), or nil when there is none.
func status(_ answer: String) -> Int? {
    let parts = answer.prefix(20).split(separator: " ")
    return parts.count > 1 ? Int(parts[1]) : nil
}
