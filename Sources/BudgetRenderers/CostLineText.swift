import BudgetCore

/// The cost lines an event file declares, in words, for every report: what each line counts, for whom, its total and its
/// offices' parts, its source or planning assumption; the event costs and the contingency; each role's airfare rule.
enum CostLineText {
    /// `US$ 60.00 per person`, `KRW 20,000 per workshop day present, converted at KRW 1,300 = US$1`.
    static func amount(_ line: CostLine, event: Event) -> String {
        guard case .charge(let basis, let amount) = line.rule else { return line.name }
        switch amount {
        case .usd(let money): return "US$ \(money.grouped) \(basis.words)"
        case .local(let units):
            let rates = event.localExpenses.rates
            return "\(rates.currency) \(AssumptionText.group(units)) \(basis.words), converted at \(rates.currency) "
                + "\(AssumptionText.rate(rates.exchangeRate)) = US$1 (\(basis == .perEvent ? "once" : "once per person"), half up to the cent)"
        }
    }

    /// `for participants and resource persons, not for self-funded persons`.
    static func whom(_ line: CostLine) -> String {
        let roles = Role.allCases.filter(line.roles.contains).map { $0.heading.lowercased() }
        let who = roles.count == Role.allCases.count ? "for everyone on the roster" : "for " + list(roles)
        return who + (line.coversSelfFunded ? "" : ", not for self-funded persons")
    }

    /// `(PLANNING ASSUMPTION …)` or the announcement's words in quotes.
    static func provenance(source: String?, assumption: String?) -> String {
        if let assumption { return assumption }
        return source.map { "Announcement: \"\($0)\"" } ?? ""
    }

    /// Each declared per-person line in a sentence: what it counts, for whom, its total, and why.
    static func personLines(_ budget: Budget) -> [String] {
        let event = budget.event
        return event.personLines.indices.dropFirst(2).map { index in
            let line = event.personLines[index]
            let total = index < budget.totals.amounts.count ? budget.totals.amounts[index] : .zero
            return "\(line.name): \(amount(line, event: event)), \(whom(line)); total US$ \(total.grouped)"
                + officeParts(budget.offices.map { index < $0.amounts.count ? $0.amounts[index] : .zero }, budget) + ". "
                + provenance(source: line.source, assumption: line.assumption)
        }
    }

    /// How an event cost is found, in words: `US$ 2,400.00 once for the event`, `5% of assisted airfare, … (US$ 12,000.00)`.
    static func basis(_ cost: EventCost, event: Event) -> String {
        if let line = cost.line { return amount(line, event: event) }
        guard let contingency = event.contingency else { return "" }
        let names = contingency.lines.compactMap { key in (event.personLines + event.eventLines).first { $0.key == key }?.name.lowercased() }
        return "\(formatPercent(contingency.basisPoints)) of \(list(names)) (US$ \((cost.base ?? .zero).grouped)), rounded half up to the cent"
    }

    /// Each event cost in a sentence: how it is found, its offices' parts, and why.
    static func eventCosts(_ budget: Budget) -> [String] {
        budget.eventCosts.map { cost in
            let usd = cost.line.map { if case .charge(_, .usd) = $0.rule { return true } else { return false } } ?? false
            return "\(cost.name): " + (usd ? "" : "US$ \(cost.amount.grouped), ") + basis(cost, event: budget.event)
                + officeParts(cost.offices, budget) + ". " + provenance(source: cost.source, assumption: cost.assumption)
        }
    }

    /// How each role on the roster has its airfare paid, when the roster has other roles than participants.
    static func roles(_ budget: Budget) -> [String] {
        let present = Set(budget.lines.map(\.participant.role))
        return Role.allCases.dropFirst().filter(present.contains).map { role in
            let rule = budget.event.airfareRule(for: role)
            let note = budget.event.roleAirfare[role]?.note.map { " \($0)" } ?? " (the default for \(role.heading.lowercased()))"
            return "\(role.heading): airfare \(rule.words); eligibility rules apply to participants only.\(note)"
        }
    }

    /// ` (UNITAR 330.00; RSO 330.00)` when several offices pay; empty for one.
    static func officeParts(_ parts: [Money], _ budget: Budget) -> String {
        guard budget.offices.count > 1 else { return "" }
        return " (" + zip(budget.offices, parts).map { "\($0.share.firstWord) \($1.grouped)" }.joined(separator: "; ") + ")"
    }

    /// `10 participants and 2 resource persons`, or `12 participants` when everyone is a participant.
    static func headcount(_ lines: [ParticipantCosting]) -> String {
        let counts = Role.allCases.map { role in (role, lines.filter { $0.participant.role == role }.count) }
        guard counts.dropFirst().contains(where: { $0.1 > 0 }) else { return counted(lines.count, "participant") }
        return list(counts.filter { $0.1 > 0 }.map { role, n in
            switch role {
            case .participant: return counted(n, "participant")
            case .resourcePerson: return counted(n, "resource person")
            case .staff: return "\(n) staff"
            }
        })
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
