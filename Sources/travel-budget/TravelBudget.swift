import ArgumentParser
import BudgetCore
import Foundation
import Planner

@main
struct TravelBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travel-budget",
        abstract: "Budgets travel assistance for CIFAL Jeju/JITC workshops: capped airfare, local expenses, totals.",
        discussion: """
            Tables (events, caps, countries) are read from ./Tables unless --tables says otherwise.

            Examples:
              travel-budget report
              travel-budget events
              travel-budget caps jeju-2023
              travel-budget cost --event jeju-2023 --roster Tables/rosters/jeju-2023.csv --format json
              travel-budget check --event jeju-2023 --roster Tables/rosters/jeju-2023.csv
              travel-budget reconcile --event jeju-2023 --roster Tables/rosters/jeju-2023-actuals.csv
              travel-budget fit --event jeju-2023 --budget 20000 --min "South-Eastern Asia=3" --max "Southern Asia=2"
              travel-budget draft --announcement notice.txt --id jeju-2025
            """,
        version: Version.current,
        subcommands: [Report.self, Cost.self, Reconcile.self, Compare.self, Fit.self, Check.self, Caps.self, Events.self, Draft.self,
                      Serve.self])

    /// Runs the command. A file-size limit then makes a write fail (exit 73) instead of killing the process
    /// with SIGXFSZ, which would leave a temporary file behind.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        // `serve` is the web page's own program, which parses its arguments (and answers `--help`) itself.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "serve" { Serve.exit(withError: Serve.runWebPage(Array(arguments.dropFirst()))) }
        main(nil)
    }
}

/// Where the tables live; shared by every command.
struct TablesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The tables folder (countries.toml, events/*.toml).", valueName: "DIR"))
    var tables: String = "Tables"
}

/// Options of the commands that write a workbook.
struct WorkbookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The day the workbook says it was prepared (its pages' \"Prepared\" date, the Summary's and the document's "
                               + "creation date). Default: the day of SOURCE_DATE_EPOCH (seconds since 1970) when it is set, else today "
                               + "(UTC), so the same inputs give the same bytes all day.",
                               valueName: "YYYY-MM-DD"))
    var created: CivilDate?

    @Option(help: ArgumentHelp("The paper the workbook prints on (default: the event file's `paper`, else A4).", valueName: "a4|letter"))
    var paper: PaperSize?

    @Option(help: ArgumentHelp("The name on the Summary's \"Prepared by\" line and the workbook's author.", valueName: "NAME"))
    var preparedBy: String?

    @ArgumentParser.Flag(help: "Leave the workbook's formula cells unprotected (by default they are protected, without a password).")
    var noProtect = false

    /// The workbook to write at `path`, prepared on the day ``PreparedDay`` chooses (read once, before anything is written);
    /// nil without a path.
    func request(_ path: String?) throws -> WorkbookRequest? {
        guard let path else { return nil }
        let day = try Console.run { () throws(PlannerError) in
            try PreparedDay.choose(created: created, environment: ProcessInfo.processInfo.environment, now: Date())
        }
        return WorkbookRequest(path: path, created: PreparedDay.seconds(day), paper: paper, preparedBy: preparedBy ?? "", protect: !noProtect)
    }
}

extension PaperSize: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
