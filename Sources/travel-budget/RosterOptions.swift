import ArgumentParser
import BudgetCore
import BudgetReaders
import Planner

/// `--event ID --roster FILE`: the one roster under one event that `cost`, `reconcile` and `check` read.
struct EventRosterOptions: ParsableArguments {
    @Option(help: "The event id (see `travel-budget events`).")
    var event: String

    @Option(help: ArgumentHelp("The roster: CSV, or an .xlsx or .ods workbook.", valueName: "FILE"))
    var roster: String
}

/// `--format text|json|csv --output FILE`: how and where a report is written (`cost`, `reconcile`, `compare`).
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Output format: text, json or csv.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    /// Writes a report to its file, or to standard output.
    func write(_ text: String) throws { try Console.write(text, to: output) }
}

extension ReportFormat: ExpressibleByArgument {}

/// The options of the commands that read one roster under one event and write a report (and a workbook).
struct RosterOptions: ParsableArguments {
    @OptionGroup var eventRoster: EventRosterOptions
    var event: String { eventRoster.event }
    var roster: String { eventRoster.roster }

    @OptionGroup var report: ReportOutputOptions
    var format: ReportFormat { report.format }
    var output: String? { report.output }

    @Option(help: ArgumentHelp("Also write the budget workbook (.xlsx) to this file.", valueName: "FILE"))
    var xlsx: String?

    @OptionGroup var columns: ColumnsOption
    @OptionGroup var pricing: PricingOptions
    @OptionGroup var ceilingOptions: CeilingOptions
    @OptionGroup var workbookOptions: WorkbookOptions
    @OptionGroup var tablesOption: TablesOption

    /// The roster as the planner takes it.
    var rosterInput: RosterInput { .file(roster) }
}

/// Who is priced and whether names are withheld: the options of every command that costs a roster.
struct PricingOptions: ParsableArguments {
    @Option(help: Who.help)
    var who: Who = .notExcluded

    @ArgumentParser.Flag(help: "Replace names and organizations with ids (for a report sent to another office).")
    var redact = false

    var value: Pricing { Pricing(who: who, redact: redact) }
}

/// `--columns NAME=HEADER`: headers mapped by hand, for every command that reads a roster.
struct ColumnsOption: ParsableArguments {
    @Option(name: .customLong("columns"), help: ArgumentHelp(
        "Read the column HEADER as the roster column NAME (e.g. \"fare_usd=Fare paid\"), or leave it out (\"ignore=HEADER\"); repeatable.",
        valueName: "NAME=HEADER"))
    var specifications: [String] = []

    @Option(help: ArgumentHelp("The sheet of an .xlsx or .ods roster to read (default: one named like Roster or Participants, else the first).",
                               valueName: "NAME"))
    var sheet: String?

    @ArgumentParser.Flag(name: .customLong("decimal-comma"), help: "The roster's amounts have a decimal comma (1.050,50); without it, a `;` roster whose amounts have commas before their cents is read that way.")
    var decimalComma = false

    @Option(name: .customLong("date-order"), help: ArgumentHelp("Read dates such as 12/11/2023 day first (dmy) or month first (mdy); without it only dates that cannot be misread are.",
                                                              valueName: "dmy|mdy"))
    var dateOrder: DateOrder?

    @Option(name: .customLong("rate"), help: ArgumentHelp(
        "The rate for fares quoted in another currency: units of it per US$1 (e.g. THB=35.20), a planning assumption said in the report; repeatable. It comes before the event file's [[fare_rates]].",
        valueName: "CUR=RATE"))
    var rates: [String] = []

    /// The mapping (with the sheet to read and how amounts and dates are written), or exit 64 saying which specification is wrong.
    func mapping() throws -> ColumnMapping {
        do {
            var mapping = try ColumnMapping(specifications)
            mapping.sheet = sheet
            mapping.decimalComma = decimalComma
            mapping.dateOrder = dateOrder
            mapping.rates = try FareCurrency.rates(parsing: rates)
            return mapping
        } catch let error as FareCurrency.Refusal {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

extension DateOrder: ExpressibleByArgument {}
