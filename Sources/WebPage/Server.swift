import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Planner

/// How the server listens and whom it answers.
public struct ServeSettings: Sendable {
    /// The address to listen on: 127.0.0.1 unless asked otherwise.
    public var host: String
    public var port: Int
    /// The token every request must carry (`?token=…` once, then a cookie); set whenever the host is not a loopback address.
    public var accessToken: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, accessToken: String? = nil) {
        self.host = host
        self.port = port
        self.accessToken = accessToken
    }

    /// Whether an address is this computer's own: 127.0.0.0/8, ::1 or localhost.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.") && host.split(separator: ".").count == 4
    }

    /// A random token of 32 hexadecimal digits (128 bits) from the system's generator.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }
}

/// The web page's server: the routes on the ``Site``, behind the ``Gate``.
public enum WebServer {
    /// The largest request body read: a 10 MB roster carried back by a result page's download form in base64, with the options.
    public static let bodyLimit = 16 * 1_048_576
    /// A request's body must arrive within this time (a client that sends it slowly is answered 408 and let go).
    public static let bodyTime: Duration = .seconds(60)
    /// At most this many connections at once (each may hold a form of up to 16 MB in memory); more wait in the backlog.
    public static let connectionLimit = 64

    /// The routes: the pages, the forms, the stylesheet.
    public static func router(site: Site, settings: ServeSettings) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: Gate(settings: settings))
        router.get("/") { _, _ in site.home().response }
        router.get("/events") { _, _ in site.events().response }
        router.get("/cost") { _, _ in site.costForm().response }
        router.get("/compare") { _, _ in site.compareForm().response }
        router.get("/fit") { _, _ in site.fitForm().response }
        router.get("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Style.css)))
        }
        router.post("/cost") { request, _ in await submit(request, title: "Cost a roster", back: "/cost", site.cost) }
        router.post("/compare") { request, _ in await submit(request, title: "Compare events", back: "/compare", site.compare) }
        router.post("/fit") { request, _ in await submit(request, title: "Fit a budget", back: "/fit", site.fit) }
        return router
    }

    /// The application on the settings' address; `onRunning` is told the address it listens on (the port chosen for 0).
    public static func application(site: Site, settings: ServeSettings, logger: Logger? = nil,
                                   onRunning: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: "travel-budget-serve")
        if logger.logLevel > .warning || ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { logger.logLevel = .warning }
        return Application(
            router: router(site: site, settings: settings),
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: nil,
                                                    availableConnectionsDelegate: MaximumAvailableConnections(connectionLimit)),
            onServerRunning: { channel in await onRunning(settings.host, channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// Reads a posted form (bounded in size and time) and runs its job; a body that is too large, too slow or malformed is an
    /// error page, and the server goes on serving.
    static func submit(_ request: Request, title: String, back: String, _ job: @Sendable (Form) -> Site.Reply) async -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > bodyLimit {
            return Site.Reply.page(Pages.error(.tooLarge(bodyLimit), title: title, back: back), status: 413).response
        }
        let body: ByteBuffer
        do {
            body = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { [request] in
                    var request = request
                    return try await request.collectBody(upTo: bodyLimit)
                }
                group.addTask {
                    try await Task.sleep(for: bodyTime)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                guard let first else { throw HTTPError(.requestTimeout) }
                return first
            }
        } catch is NIOTooManyBytesError {
            return Site.Reply.page(Pages.error(.tooLarge(bodyLimit), title: title, back: back), status: 413).response
        } catch let error as HTTPError where error.status == .requestTimeout {
            return Site.Reply.page(Pages.error(.form(.malformed("the form did not arrive within \(bodyTime)")), title: title, back: back),
                                   status: 408).response
        } catch {
            return Site.Reply.page(Pages.error(.form(.malformed("the form was cut short")), title: title, back: back), status: 400).response
        }
        let form: Form
        do {
            form = try Form.read(Array(buffer: body), contentType: request.headers[.contentType])
        } catch {
            return Site.Reply.page(Pages.error(.form(error), title: title, back: back), status: 400).response
        }
        return job(form).response
    }
}

extension Site.Reply {
    /// The reply as an HTTP response: a download is an attachment.
    var response: Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// What every request passes: the Host check (a page on another site cannot reach a loopback server through its own name),
/// the access token when the server listens beyond this computer, and the headers every answer carries (no caching, no
/// sniffing, a Content-Security-Policy with no script at all). An error thrown further on (an unknown page) becomes a page
/// with the same headers.
struct Gate: RouterMiddleware {
    typealias Context = BasicRequestContext
    let settings: ServeSettings

    static let cookie = "travel_budget_token"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        var setCookie = false
        if let refusal = refusal(request, setCookie: &setCookie) {
            response = refusal
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError {
                let message = error.status == .notFound ? "There is no page \(request.uri.path) here." : "\(error.status)"
                response = Site.Reply.page(Pages.error(.missing(message), title: error.status == .notFound ? "Not found" : "Error"),
                                           status: error.status.code).response
            }
        }
        Gate.secure(&response.headers)
        if setCookie, let token = settings.accessToken {
            response.headers[.setCookie] = "\(Gate.cookie)=\(token); Path=/; HttpOnly; SameSite=Strict"
        }
        return response
    }

    /// The headers every answer carries.
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        headers[.referrerPolicy] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
        headers[.crossOriginResourcePolicy] = "same-origin"
    }

    /// Why a request is refused (a page), or nil.
    private func refusal(_ request: Request, setCookie: inout Bool) -> Response? {
        if let token = settings.accessToken {
            if let given = request.uri.queryParameters.get("token"), constantTimeEqual(given, token) {
                setCookie = true
                return nil
            }
            let cookies = request.headers[values: .cookie].flatMap { $0.split(separator: ";") }
            if cookies.contains(where: { cookie in
                let pair = cookie.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return pair.count == 2 && pair[0] == Gate.cookie && constantTimeEqual(pair[1], token)
            }) { return nil }
            return Site.Reply.page(Pages.error(.missing("This server asks for its access token: open the address it printed when it "
                                                        + "started (it ends with ?token=…)."), title: "Access token needed"),
                                   status: 403).response
        }
        // On a loopback address: only this computer's names, so that a page elsewhere cannot rebind its own name to it.
        let host = Gate.hostName(request.head.authority ?? "")
        guard ServeSettings.isLoopback(host) || host == settings.host else {
            return Site.Reply.page(Pages.error(.missing("This server answers only to this computer's own names (127.0.0.1, localhost), "
                                                        + "not `\(host.prefix(100))`."), title: "Wrong address"),
                                   status: 421).response
        }
        return nil
    }

    /// The host of a Host header, without its port: `127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `[::1]`.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]) }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
}
