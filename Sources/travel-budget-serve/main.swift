import ArgumentParser
import Foundation
import Planner
import WebPage

/// `travel-budget serve`: the planner as a local web page. `travel-budget serve` runs this program with its arguments.
@main
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travel-budget serve",
        abstract: "Serve the planner as a web page on this computer: events, cost a roster, compare events, fit a budget.",
        discussion: """
            Listens on 127.0.0.1 (this computer only) and prints the address to open in the browser. Ctrl-C stops it.
            Rosters are read in memory (a workbook is written in a private temporary folder, removed when it is sent):
            nothing is kept after a page is sent. The tables are read once, when the server starts.

            --host with another address lets other computers reach the page: rosters hold personal data, so the server
            then asks for an access token on every request (printed in the address, as notebook servers do).

            Examples:
              travel-budget serve
              travel-budget serve --port 8090 --tables Tables
            """)

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(help: ArgumentHelp("The address to listen on. Default 127.0.0.1: this computer only.", valueName: "ADDRESS"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The tables folder (countries.toml, events/*.toml).", valueName: "DIR"))
    var tables: String = "Tables"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port is 0 to 65535, not \(port)") }
    }

    func run() async throws {
        let planner: Planner
        do {
            planner = try Planner(tables: tables)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(error.exitCode)
        }
        planner.warnings.forEach { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let loopback = ServeSettings.isLoopback(host)
        let settings = ServeSettings(host: host, port: port, accessToken: loopback ? nil : ServeSettings.randomToken())
        if !loopback {
            FileHandle.standardError.write(Data("""
                warning: listening on \(host), not only on this computer: rosters hold personal data (names, organizations). \
                Every request must carry the access token in the address below; share it only with the officers who need it.

                """.utf8))
        }
        let site = Site(planner: planner, formToken: ServeSettings.randomToken())
        let app = WebServer.application(site: site, settings: settings) { host, port in
            let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            let address = "http://\(shown):\(port)/" + (settings.accessToken.map { "?token=\($0)" } ?? "")
            FileHandle.standardOutput.write(Data("travel-budget serve: open \(address) in your browser (Ctrl-C stops the server)\n".utf8))
        }
        try await app.runService()
    }
}
