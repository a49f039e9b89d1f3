import ArgumentParser
import BudgetCore
import BudgetReaders
import BudgetRenderers

/// `--budget [OFFICE=]AMOUNT`: budget ceilings given on the command line, over the event file's `budget_usd`.
struct CeilingOptions: ParsableArguments {
    @Option(name: .customLong("budget"),
            help: ArgumentHelp("A budget ceiling in US$: AMOUNT for the event total, OFFICE=AMOUNT for what one paying office pays "
                               + "(its full name or first word, e.g. RSO=8500); repeat for several. Replaces the event file's budget_usd.",
                               valueName: "[OFFICE=]AMOUNT"))
    var budget: [String] = []

    /// The texts as read; a bad one is exit 64 with what is wrong.
    private func texts() throws -> [CeilingText] {
        try budget.map { text in
            do { return try CeilingText(parsing: text) } catch { throw ValidationError("--budget \(error)") }
        }
    }

    func validate() throws { _ = try texts() }

    /// One event's ceilings: the event file's with the command line's over them; an office that does not pay is exit 64.
    func ceilings(for event: Event) throws -> BudgetCeilings {
        let (given, unknown) = CeilingText.ceilings(try texts(), for: event)
        if let office = unknown.first { throw unknownOffice(office, [event]) }
        return event.ceilings.overridden(by: given)
    }

    /// Each event's ceilings, by id, for a command that costs several events: an unscoped amount is each event's ceiling,
    /// an office's applies wherever it pays; an office that pays in none of them is exit 64.
    func ceilings(for events: [Event]) throws -> [String: BudgetCeilings] {
        let texts = try texts()
        let resolved = events.map { ($0, CeilingText.ceilings(texts, for: $0)) }
        let everywhereUnknown = Set(resolved.flatMap(\.1.unknownOffices)).filter { office in
            resolved.allSatisfy { $0.1.unknownOffices.contains(office) }
        }
        if let office = everywhereUnknown.sorted().first { throw unknownOffice(office, events) }
        return Dictionary(uniqueKeysWithValues: resolved.map { ($0.0.id, $0.0.ceilings.overridden(by: $0.1.ceilings)) })
    }

    private func unknownOffice(_ office: String, _ events: [Event]) -> ValidationError {
        let offices = Set(events.flatMap { $0.costSharing.offices.map(\.office) }).sorted()
        return ValidationError("--budget: `\(office)` is not a paying office; the paying offices are: \(offices.joined(separator: "; "))")
    }
}

extension Console {
    /// Tells every ceiling the plan or the actuals pass, one warning line each (a warning, not an error: the exit status stays 0).
    static func warn(event: Event, plan: [Headroom], actual: [Headroom] = []) {
        HeadroomText.warnings(event: event, plan: plan, actual: actual).forEach(Console.error)
    }
}
