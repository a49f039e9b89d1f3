import ArgumentParser
import Foundation

/// `travel-budget serve`: runs the web page's program, `travel-budget-serve` beside this one, with the same arguments. The
/// web page is a program of its own so that the command line (and `scripts/report`) builds without the web server.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the planner as a web page on this computer (runs travel-budget-serve; see `travel-budget serve --help`).",
        discussion: """
            Options: --port N (default 8080), --host ADDRESS (default 127.0.0.1), --tables DIR.

            Examples:
              travel-budget serve
              travel-budget serve --port 8090
            """)

    @Argument(parsing: .allUnrecognized, help: "The web page's options (see `travel-budget serve --help`).")
    var arguments: [String] = []

    func run() throws { throw Serve.runWebPage(arguments) }

    /// Replaces this process with the web page's program and its arguments; what it returns is why that failed.
    static func runWebPage(_ arguments: [String]) -> ExitCode {
        let program = Serve.program()
        guard FileManager.default.isExecutableFile(atPath: program) else {
            FileHandle.standardError.write(Data("""
                error: the web page is its own program, \(program), and it is not built
                    hint: build it with `swift build --product travel-budget-serve` (or `swift build -c release --product travel-budget-serve` for .build/release)

                """.utf8))
            return ExitCode(69)
        }
        var cArguments = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, &cArguments)
        FileHandle.standardError.write(Data("error: cannot run \(program): \(String(cString: strerror(errno)))\n".utf8))
        return ExitCode(71)
    }

    /// The web page's program: `travel-budget-serve` in this program's folder.
    static func program() -> String {
        let own = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let folder = ((own as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        return (folder as NSString).appendingPathComponent("travel-budget-serve")
    }
}
