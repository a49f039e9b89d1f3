import ArgumentParser
import Planner

/// `--budget [OFFICE=]AMOUNT`: budget ceilings given on the command line, over the event file's `budget_usd`.
struct CeilingOptions: ParsableArguments {
    @Option(name: .customLong("budget"),
            help: ArgumentHelp("A budget ceiling in US$: AMOUNT for the event total, OFFICE=AMOUNT for what one paying office pays "
                               + "(its full name or first word, e.g. RSO=8500); repeat for several. Replaces the event file's budget_usd.",
                               valueName: "[OFFICE=]AMOUNT"))
    var budget: [String] = []

    /// A bad amount is exit 64 with what is wrong, before anything is read.
    func validate() throws { _ = try Console.run { () throws(PlannerError) in try Planner.ceilingTexts(budget) } }
}

extension Console {
    /// Tells every ceiling passed, one warning line each (a warning, not an error: the exit status stays 0).
    static func warn(_ warnings: [String]) { warnings.forEach(Console.error) }
}
