import ArgumentParser
import BudgetCore
import BudgetRenderers
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

    func validate() throws {
        if budget.amount > Money(dollars: 10_000_000) {
            throw ValidationError("--budget \(budget.amount.grouped) is more than US$ 10,000,000.00, which no workshop budget can be")
        }
        if case .fractionOfCap(let f) = fare.assumption, !(Proportion(tenThousandths: 1)...Proportion.one).contains(f) {
            throw ValidationError("--fare \(f.fractionText): a fare fraction is more than 0 and at most 1 (a fare above the cap "
                                  + "is assisted only up to the cap: use --fare cap)")
        }
        let problems = FitSweep.problems(fractions: sweepFractions?.values ?? FitSweep.defaultFractions,
                                         rateChanges: sweepRates?.values ?? FitSweep.defaultRateChanges)
        if !problems.isEmpty { throw ValidationError("sweep: " + problems.joined(separator: "; ")) }
    }

    func run() throws {
        let tables = try Console.tables(tablesOption)
        let event = try Console.event(event, in: tables)
        let bounds = minimums.map { FitBound(name: $0.name, side: .minimum, count: $0.count) }
            + maximums.map { FitBound(name: $0.name, side: .maximum, count: $0.count) }
        let request = FitRequest(event: event, countries: tables.countries, budget: budget.amount, fare: fare.assumption,
                                 bounds: bounds)
        let answer: FitAnswer
        do {
            answer = try request.fit()
        } catch {
            switch error {
            case .badRequest(let problems):
                throw ValidationError(problems.joined(separator: "\n"))
            case .cannotMeet(let reasons):
                Console.error("error: no mix meets the bounds within the budget of US$ \(budget.amount.grouped):\n"
                              + reasons.map { "  - \($0)" }.joined(separator: "\n")
                              + "\n    hint: loosen a bound or raise the budget; nothing was printed")
                throw ExitCode(1)
            }
        }
        let swept = sweep || sweepFractions != nil || sweepRates != nil
            ? FitSweep(answer, fractions: sweepFractions?.values ?? FitSweep.defaultFractions,
                       rateChanges: sweepRates?.values ?? FitSweep.defaultRateChanges)
            : nil
        let report = FitReport(answer, sweep: swept)
        print(format == .json ? try Console.guarded { try report.json() } : report.text(), terminator: "")
    }
}

/// A budget typed in US dollars: `20000`, `20,000.50`, `$20,000` or `US$20,000`.
struct BudgetAmount: ExpressibleByArgument {
    let amount: Money

    init?(argument: String) {
        var text = Substring(argument)
        for prefix in ["US$", "$"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        guard let cents = DecimalText.scaled(String(text), places: 2, grouping: true), cents >= 0 else { return nil }
        amount = Money(cents: cents)
    }
}

/// A bound typed as `REGION_OR_COUNTRY=N`; the name is matched later, against the event and the countries table.
struct BoundText: ExpressibleByArgument {
    let name: String
    let count: Int

    init?(argument: String) {
        guard let equals = argument.lastIndex(of: "=") else { return nil }
        let name = argument[..<equals].trimmingCharacters(in: .whitespaces)
        let number = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, number.allSatisfy(\.isASCII), let count = Int(number), (0...100_000).contains(count) else { return nil }
        self.name = name
        self.count = count
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
