import ArgumentParser
import BudgetCore
import BudgetReaders
import Foundation
import Planner

struct Draft: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draft an event file from an announcement's text, quoting the notice for every figure.",
        discussion: """
            Reads the announcement as saved from the web page (plain UTF-8 text) and writes an event file with
            `draft = true` (default: <tables>/events/<id>.toml, which must not exist yet): title, dates, venue, paying
            offices, local expenses, deadlines, documents, the countries it is open to, and the cap table in the notice's
            order, each with the notice's words and line. It reads the centre's notices and the partner office's
            layouts: dates with weekdays ("Wednesday, 8 July – Friday, 10 July 2026", "8-10 July 2026 (Wed–Fri)"),
            a "City, Country" venue line after the dates, an office by the full name the notice expands
            ("Regional Support Office of the Bali Process (RSO)"), and cap rows without a region heading, whose
            region is then taken from countries.toml and marked INFERRED. What the notice says of other points of
            departure ("please contact …", "are not eligible for support") is the rule, quoted; a notice silent on
            them gets the default, contact-organisers, said to be the default. What the notice does not give
            (local rates, exchange rate, cost sharing) is a marked placeholder; what needs a look is listed at the
            top of the file and on stderr. Every report from a draft event says "DRAFT: check against the
            announcement" until you delete `draft = true`.

            A point of departure that Tables/countries.toml lacks is listed with an entry to paste (exit 65, nothing
            written) unless --add-countries adds it. A cap table in a layout the command cannot read is an error naming
            the line where reading stopped.

            Examples:
              travel-budget draft --announcement notice.txt --id jeju-2025
              travel-budget draft --announcement notice.txt --id jeju-2025 --output -
              travel-budget draft --announcement notice.txt --id jeju-2025 --format json
              travel-budget draft --announcement notice.txt --id jeju-2025 --add-countries
            """)

    @Option(help: ArgumentHelp("The announcement as plain text (saved from the web page).", valueName: "FILE"))
    var announcement: String

    @Option(help: ArgumentHelp("The new event's id: letters, digits and hyphens (jeju-2025).", valueName: "ID"))
    var id: String

    @Option(help: ArgumentHelp("Where to write the event file (default: <tables>/events/<id>.toml; - for standard output).",
                               valueName: "FILE"))
    var output: String?

    @Option(help: "toml (the event file) or json (what was found, printed for scripts; no event file is written).")
    var format: DraftFormat = .toml

    @ArgumentParser.Flag(name: .customLong("add-countries"),
                         help: "Add the points of departure that countries.toml lacks to it (with placeholder ISO codes to replace).")
    var addCountries = false

    @OptionGroup var tablesOption: TablesOption

    func validate() throws {
        if let problem = DraftRequest.idProblem(id) { throw ValidationError(problem) }
    }

    func run() throws {
        let planner = try Console.planner(tablesOption)
        var request = DraftRequest(announcement: announcement, id: id)
        request.output = output
        request.json = format == .json
        request.addCountries = addCountries
        let result = try Console.run { () throws(PlannerError) in try planner.draft(request, say: Console.error) }
        if let printed = result.printed { print(printed, terminator: "") }
        if let refusal = result.refusal {
            Console.error(refusal)
            throw ExitCode(65)
        }
        guard !result.summary.isEmpty else { return }
        if result.summaryToErrors { Console.error(result.summary.joined(separator: "\n")) } else { print(result.summary.joined(separator: "\n")) }
    }
}

/// Output formats for `draft`.
enum DraftFormat: String, ExpressibleByArgument, CaseIterable {
    case toml, json
}
