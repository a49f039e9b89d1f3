import ArgumentParser
import BudgetCore
import BudgetReaders
import Planner
import Foundation

struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the mix with the most participants a budget can fund within bounds per region or country.",
        discussion: """
            Each region of the cap table gives a participant from any point of departure, priced at the worst case: \
            the region's highest cap among the rows that name a point of departure (unlabelled rows apply to nobody). \
            A country named in --min or --max is priced at its own row's cap and counts toward its region. One \
            participant costs the assisted airfare plus the full stay's local expenses. The mix has the most \
            participants within the budget and the bounds; among those, the cheapest. --sweep adds the mix's total at \
            other fares and exchange rates.

            Exit status: 0 a mix was found (possibly of nobody, when the budget is below the cheapest participant); \
            1 no mix meets the bounds within the budget (the reasons are on stderr, nothing on stdout); 64 bad flags, \
            an unknown event, region or country, or a bound given twice with different counts.

            Examples:
              travel-budget fit --event jeju-2023 --budget 20000 --min "South-Eastern Asia=3" --max "Southern Asia=2"
              travel-budget fit --event jeju-2018 --budget 15,000 --min India=2 --fare 0.8 --sweep
              travel-budget fit --event jeju-2023 --budget 20000 --format json --sweep-rates -20,-10,0,10,20
            """)

    @Option(help: "The event id (see `travel-budget events`).")
    var event: String

    @Option(help: ArgumentHelp("The budget in US$: 20000, 20,000.50 or $20,000 (at most 10,000,000).", valueName: "AMOUNT"))
    var budget: BudgetAmount

    @Option(name: .customLong("min"), help: ArgumentHelp("At least N participants from a region or a country; repeatable.",
                                                         valueName: "REGION_OR_COUNTRY=N"))
    var minimums: [BoundText] = []

    @Option(name: .customLong("max"), help: ArgumentHelp("At most N participants from a region or a country; repeatable.",
                                                         valueName: "REGION_OR_COUNTRY=N"))
    var maximums: [BoundText] = []

    @Option(help: ArgumentHelp("Fares: cap (the worst case, the default) or a fraction of the cap such as 0.8.",
                               valueName: "cap|FRACTION"))
    var fare: FareArgument = FareArgument(assumption: .cap)

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    @ArgumentParser.Flag(help: "Also give the mix's total at fares of 0.6 to 1.0 of the cap and exchange rates 10% and 5% either side.")
    var sweep = false

    @Option(name: .customLong("sweep-fractions"),
            help: ArgumentHelp("The sweep's fare fractions, up to 10 (implies --sweep).", valueName: "F,F,..."))
    var sweepFractions: ProportionList<Fractions>?

    @Option(name: .customLong("sweep-rates"), parsing: .unconditional,
            help: ArgumentHelp("The sweep's exchange-rate changes in %, up to 5, -50 to 100 (implies --sweep).", valueName: "P,P,..."))
    var sweepRates: ProportionList<Percents>?

    @OptionGroup var tablesOption: TablesOption

    /// The job as the planner takes it.
    private var job: FitJob {
        var job = FitJob(event: event, budget: budget.amount)
        job.bounds = minimums.map { FitBound(name: $0.name, side: .minimum, count: $0.count) }
            + maximums.map { FitBound(name: $0.name, side: .maximum, count: $0.count) }
        job.fare = fare.assumption
        if sweep || sweepFractions != nil || sweepRates != nil {
            job.sweep = (sweepFractions?.values ?? FitSweep.defaultFractions, sweepRates?.values ?? FitSweep.defaultRateChanges)
        }
        job.json = format == .json
        return job
    }

    func validate() throws { try Console.run { () throws(PlannerError) in try job.validate() } }

    func run() throws {
        let planner = try Console.planner(tablesOption)
        let job = self.job
        print(try Console.run { () throws(PlannerError) in try planner.fit(job) }, terminator: "")
    }
}

/// A budget typed in US dollars: `20000`, `20,000.50`, `$20,000` or `US$20,000` (``USDText``, the one US$ reader).
struct BudgetAmount: ExpressibleByArgument {
    let amount: Money

    init?(argument: String) {
        guard let amount = try? USDText.read(argument, maximumDollars: 1_000_000_000, what: "no budget") else { return nil }
        self.amount = amount
    }
}

/// A bound typed as `REGION_OR_COUNTRY=N`, read by the planner's one rule (``FitBound/init(typed:side:)``).
struct BoundText: ExpressibleByArgument {
    let name: String
    let count: Int

    init?(argument: String) {
        guard let bound = FitBound(typed: argument, side: .minimum) else { return nil }
        name = bound.name
        count = bound.count
    }
}

/// `cap` or a fraction of the cap.
struct FareArgument: ExpressibleByArgument {
    let assumption: FareAssumption

    init(assumption: FareAssumption) { self.assumption = assumption }

    var defaultValueDescription: String { "cap" }

    init?(argument: String) {
        if argument.lowercased() == "cap" {
            assumption = .cap
        } else if let fraction = Proportion(fraction: argument) {
            assumption = .fractionOfCap(fraction)
        } else {
            return nil
        }
    }
}

/// How one value of a comma-separated list is read.
protocol ProportionReading {
    static func read(_ text: String) -> Proportion?
}

/// Fractions of the cap: `0.6`.
enum Fractions: ProportionReading {
    static func read(_ text: String) -> Proportion? { Proportion(fraction: text) }
}

/// Percentages: `-10`, `+5%`.
enum Percents: ProportionReading {
    static func read(_ text: String) -> Proportion? { Proportion(percent: text) }
}

/// Values separated by commas: `0.6,0.8,1` or `-10,-5,0,5,10`.
struct ProportionList<Reading: ProportionReading>: ExpressibleByArgument {
    let values: [Proportion]

    init?(argument: String) {
        let values = argument.split(separator: ",", omittingEmptySubsequences: false).map { Reading.read(String($0)) }
        guard !values.contains(where: { $0 == nil }) else { return nil }
        self.values = values.compactMap { $0 }
    }
}
