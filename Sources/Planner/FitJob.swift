import Foundation
import BudgetCore
import BudgetRenderers

extension FitBound {
    /// The most a bound can be.
    public static let largestCount = 100_000

    /// A bound as typed, `REGION_OR_COUNTRY=N` (N from 0 to 100,000), as `--min`/`--max` and the page's lines take it;
    /// the name is matched later, against the event and the countries table. Nil when it is not of that form.
    public init?(typed text: String, side: Side) {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let number = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, number.allSatisfy(\.isASCII), let count = Int(number), (0...FitBound.largestCount).contains(count) else {
            return nil
        }
        self.init(name: name, side: side, count: count)
    }
}

/// What to fit: the most participants an event's budget can fund within bounds.
public struct FitJob: Sendable {
    public var event: String
    public var budget: Money
    public var bounds: [FitBound] = []
    public var fare: FareAssumption = .cap
    /// The sweep's fare fractions and rate changes; nil: no sweep.
    public var sweep: (fractions: [Proportion], rateChanges: [Proportion])?
    /// Text or JSON.
    public var json = false

    public init(event: String, budget: Money) {
        self.event = event
        self.budget = budget
    }

    /// The most a budget can be: no workshop budget is more.
    public static let largestBudget = Money(dollars: 10_000_000)

    /// What is wrong with the job before any table is read: a budget beyond any workshop's, a fare fraction outside (0, 1],
    /// sweep values out of range.
    public func validate() throws(PlannerError) {
        if budget > FitJob.largestBudget {
            throw .usage("--budget \(budget.grouped) is more than US$ 10,000,000.00, which no workshop budget can be")
        }
        if case .fractionOfCap(let f) = fare, !(Proportion(tenThousandths: 1)...Proportion.one).contains(f) {
            throw .usage("--fare \(f.fractionText): a fare fraction is more than 0 and at most 1 (a fare above the cap "
                         + "is assisted only up to the cap: use --fare cap)")
        }
        if let sweep {
            let problems = FitSweep.problems(fractions: sweep.fractions, rateChanges: sweep.rateChanges)
            if !problems.isEmpty { throw .usage("sweep: " + problems.joined(separator: "; ")) }
        }
    }
}

extension Planner {
    /// The mix with the most participants the budget can fund within the bounds, as text or JSON; with the sweep when asked.
    /// No mix within the bounds is refused with every reason (exit 1), nothing printed.
    public func fit(_ job: FitJob) throws(PlannerError) -> String {
        try job.validate()
        let event = try self.event(job.event)
        let request = FitRequest(event: event, countries: tables.countries, budget: job.budget, fare: job.fare, bounds: job.bounds)
        let answer: FitAnswer
        do {
            answer = try request.fit()
        } catch {
            switch error {
            case .badRequest(let problems):
                throw .usage(problems.joined(separator: "\n"))
            case .cannotMeet(let reasons):
                throw .refused("error: no mix meets the bounds within the budget of US$ \(job.budget.grouped):\n"
                               + reasons.map { "  - \($0)" }.joined(separator: "\n")
                               + "\n    hint: loosen a bound or raise the budget; nothing was printed", exitCode: 1)
            }
        }
        let report = FitReport(answer, sweep: job.sweep.map { FitSweep(answer, fractions: $0.fractions, rateChanges: $0.rateChanges) })
        return job.json ? try planned { try report.json() } : report.text()
    }
}
