import ArgumentParser
import BudgetCore
import BudgetReaders
import Foundation

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
        if !TableReader.canNameFiles(id) {
            throw ValidationError("the event id `\(id)` cannot name an event file: use letters, digits and hyphens, e.g. jeju-2025")
        }
    }

    func run() throws {
        let tables = try Console.tables(tablesOption)
        let eventsFolder = (tables.directory as NSString).appendingPathComponent("events")
        let target = output ?? (eventsFolder as NSString).appendingPathComponent("\(id).toml")
        if format == .toml && target != "-" {
            if output == nil && FileManager.default.fileExists(atPath: target) {
                throw ValidationError("\(target) already exists: give --output FILE to write the draft elsewhere (or to replace it)")
            }
            if let existing = tables.eventFiles[id], Draft.samePath(existing) != Draft.samePath(target),
               Draft.samePath((target as NSString).deletingLastPathComponent) == Draft.samePath(eventsFolder) {
                throw ValidationError("the event id `\(id)` is already used by \(existing): choose another id")
            }
        }
        let draft = try Console.guarded {
            try AnnouncementDraft.read(text: try InputFile.read(announcement), file: announcement, countries: tables.countries)
        }
        let newCountries = DraftCountries(draft.newCountries, directory: tables.countries)
        let countriesFile = (tables.directory as NSString).appendingPathComponent("countries.toml")
        let missing = !newCountries.countries.isEmpty || !newCountries.withoutRegion.isEmpty

        if format == .json {
            let json = DraftJSON.render(draft, id: id)
            if let output, output != "-" { try OutputFile.write(json, to: output) } else { print(json, terminator: "") }
            if missing && !addCountries { try refuse(newCountries, countriesFile: countriesFile) }
            return
        }
        if missing && (!addCountries || !newCountries.withoutRegion.isEmpty) { try refuse(newCountries, countriesFile: countriesFile) }
        let text = EventFileDraft(draft, id: id, template: EventFileDraft.template(among: tables.events)).text()
        // The draft must load as it is, with the countries it adds.
        let directory = newCountries.adding(to: tables.countries) ?? tables.countries
        let problems = draft.problems(countries: directory)
        if !problems.isEmpty {
            Console.error(InputError.badData(problems).description)
            throw ExitCode(65)
        }
        let event: Event
        do {
            event = try TableReader.event(text: text, file: target == "-" ? "\(id).toml" : target, countries: directory)
        } catch {
            Console.error("\(announcement): error: the drafted event file does not load; the problems in it:")
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
        for check in draft.checks { Console.error("\(announcement): note: \(check)") }
        if missing {
            let current = try Console.guarded { try InputFile.read(countriesFile) }
            let added = current + (current.hasSuffix("\n") ? "\n" : "\n\n") + newCountries.entries(announcement: announcement)
            _ = try Console.guarded { try TableReader.countries(text: added, file: countriesFile) }
            try OutputFile.write(added, to: countriesFile)
            Console.error("\(countriesFile): note: added \(newCountries.countries.map(\.name).joined(separator: ", ")) "
                          + "with placeholder ISO codes: replace them, and check each region")
        }
        if target == "-" { print(text, terminator: "") } else { try OutputFile.write(text, to: target) }
        let unlabelled = event.caps.filter { row in row.label == CapRow.Label.unlabelled }.count
        let deadlines: Int = event.eligibility?.deadlines.count ?? 0
        let documents: Int = event.eligibility?.documents.count ?? 0
        var summary = "\(id): \(event.caps.count) cap rows"
        if unlabelled > 0 { summary += " (\(unlabelled) unlabelled)" }
        summary += ", \(deadlines) deadline(s), \(documents) document(s) -> " + (target == "-" ? "standard output" : target)
        let advice = "DRAFT: check every figure against the announcement, replace the PLACEHOLDERs, then delete `draft = true`."
        if target == "-" { Console.error(summary + "\n" + advice) } else { print(summary + "\n" + advice) }
    }

    /// Lists the countries the table lacks, with entries to paste; exits 65 having written no event file.
    private func refuse(_ new: DraftCountries, countriesFile: String) throws -> Never {
        Console.error(InputError.badData(new.diagnostics(file: announcement, countriesFile: countriesFile)).description
            .replacingOccurrences(of: "nothing was written.", with: "no event file was written."))
        if !new.countries.isEmpty {
            Console.error("\nReady to paste at the end of \(countriesFile) (or run again with --add-countries):\n")
            Console.error(new.entries(announcement: announcement))
        }
        throw ExitCode(65)
    }

    private static func samePath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Output formats for `draft`.
enum DraftFormat: String, ExpressibleByArgument, CaseIterable {
    case toml, json
}
