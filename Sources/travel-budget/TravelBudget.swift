import ArgumentParser
import Foundation

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
            """,
        subcommands: [Report.self, Cost.self, Caps.self, Events.self])

    /// Runs the command. A file-size limit then makes a write fail (exit 73) instead of killing the process
    /// with SIGXFSZ, which would leave a temporary file behind.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}

/// Where the tables live; shared by every command.
struct TablesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The tables folder (countries.toml, events/*.toml).", valueName: "DIR"))
    var tables: String = "Tables"
}
