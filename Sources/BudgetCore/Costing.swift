/// What one person costs under one event's rules: an amount for each of the event's per-person lines.
public struct ParticipantCosting: Sendable {
    public let participant: Participant
    /// The group used for subtotals: a participant's region (the cap row's, else the country's planning region); for a
    /// resource person or staff, their role's group (``Role/heading``).
    public let region: String
    /// The cap that applies, or nil where there is none.
    public let cap: Money?
    /// What the participant pays of the fare: fare − assisted airfare.
    public let participantShare: Money
    /// Covered nights and workshop days.
    public let nights: Int
    public let days: Int
    /// Local expenses in the rates' currency (e.g. won), before conversion.
    public let localExpensesLocal: Int64
    /// The amount of each of the event's per-person lines (``Event/personLines``), in their order: assisted airfare, local
    /// expenses, then the lines the event file declares.
    public let amounts: [Money]
    public let flags: [Flag]

    /// Airfare paid by the event: for a participant min(fare, cap), the cap when no fare is quoted, 0.00 without cap or when
    /// self-funded; for other roles by their rule (``AirfareRule``).
    public var assistedAirfare: Money { amounts[0] }
    /// Local expenses in US$, converted once per participant, rounded half up to the cent.
    public var localExpenses: Money { amounts[1] }
    /// The amounts of the lines the event file declares (none for most events).
    public var declaredAmounts: ArraySlice<Money> { amounts.dropFirst(2) }
    /// Cost to the paying offices: the sum of every line (assisted airfare + local expenses + any declared line).
    public var total: Money { amounts.count == 2 ? amounts[0] + amounts[1] : amounts.sum() }
}

/// Costs participants under an event's rules.
public struct Costing: Sendable {
    public let event: Event
    /// The event's covered nights and workshop days, worked out once.
    private let nights: [CivilDate]
    private let days: [CivilDate]

    public init(event: Event) {
        self.event = event
        nights = event.coveredNights
        days = event.workshopDays
    }

    /// The cap that applies to a person and the flags it brings: a participant's from the cap table (or an override), a
    /// role's own cap; nil where there is none.
    private func cap(_ p: Participant, row: CapRow?, rule: AirfareRule, flags: inout [Flag]) -> Money? {
        switch rule {
        case .full, .none: return nil
        case .ownCap(let cap): return p.capOverride ?? cap
        case .capped: break
        }
        if let override = p.capOverride {
            flags.append(.capOverride)
            return override
        }
        if let row {
            if row.isInferred { flags.append(.inferredCap) }
            return row.cap
        }
        switch event.otherPointsOfDeparture {
        case .contactOrganisers:
            // A self-funded participant needs no cap, so there is nothing to ask the organisers.
            if p.funding == .assisted { flags.append(.contactOrganisers) }
        case .notFunded:
            flags.append(.notFunded)
        }
        return nil
    }

    /// The costing of one participant, by the rules of the event.
    public func cost(_ p: Participant) -> ParticipantCosting {
        var flags: [Flag] = []
        let row = event.capRow(for: p.country)
        let rule = event.airfareRule(for: p.role)
        let cap = cap(p, row: row, rule: rule, flags: &flags)

        let assisted: Money
        let share: Money
        switch (p.funding, p.fare, cap) {
        case (.selfFunded, let fare, _):
            flags.append(.selfFunded)
            assisted = .zero
            share = fare ?? .zero
        case (.assisted, let fare, _) where rule == .none:
            assisted = .zero
            share = fare ?? .zero
        case (.assisted, nil, nil) where rule == .full:
            flags.append(.fareNotQuoted)
            assisted = .zero
            share = .zero
        case (.assisted, nil, let cap):
            if cap != nil { flags.append(.estimate) }
            assisted = cap ?? .zero
            share = .zero
        case (.assisted, let fare?, let cap):
            (assisted, share) = Costing.assist(fare, cap: cap, rule: rule)
            if share > .zero && cap != nil { flags.append(.aboveCap) }
        }

        let fundsNothing = event.fundsNothing(for: p)
        let coveredLocal = coversLocalExpenses(of: p)
        let (nights, days, partial) = coveredStay(arrive: p.arrive, leave: p.leave)
        if partial && !fundsNothing { flags.append(.partialStay) }
        let local = coveredLocal ? localExpenses(nights: nights, days: days) : (units: 0, usd: .zero)
        var amounts = [assisted, local.usd]
        for line in event.personLines.dropFirst(2) {
            let applies = !fundsNothing && line.roles.contains(p.role) && (p.funding == .assisted || line.coversSelfFunded)
            amounts.append(applies ? line.personAmount(nights: nights, days: days, rates: event.localExpenses.rates) ?? .zero : .zero)
        }
        return ParticipantCosting(
            participant: p,
            region: p.role == .participant ? row?.region ?? p.country.region : p.role.heading,
            cap: cap,
            participantShare: share,
            nights: coveredLocal ? nights : 0,
            days: coveredLocal ? days : 0,
            localExpensesLocal: local.units,
            amounts: amounts,
            flags: flags.sorted()
        )
    }

    /// The assisted part of a fare (or a ticket) and the rest, the person's share: min(amount, cap) under a cap, the whole
    /// amount when the role is paid in full, nothing without a cap. The one cap rule, for the plan and the actuals.
    public static func assist(_ amount: Money, cap: Money?, rule: AirfareRule) -> (assisted: Money, share: Money) {
        let assisted: Money
        switch (rule, cap) {
        case (.none, _): assisted = .zero
        case (_, let cap?): assisted = min(amount, cap)
        case (.full, nil): assisted = amount
        case (_, nil): assisted = .zero
        }
        return (assisted, amount - assisted)
    }

    /// Whether the event covers a participant's local expenses (a self-funded one's only if the event file says so; none
    /// for a point of departure the event does not fund).
    public func coversLocalExpenses(of p: Participant) -> Bool {
        !event.fundsNothing(for: p) && (p.funding == .assisted || event.localExpenses.selfFundedLocalExpensesCovered)
    }

    /// Local expenses for nights and workshop days at the planning rates: in local units, and in US$ converted once, half up.
    public func localExpenses(nights: Int, days: Int) -> (units: Int64, usd: Money) {
        let rates = event.localExpenses.rates
        let units = rates.localUnits(nights: nights, days: days)
        return (units, rates.exchangeRate.convertToUSD(units))
    }

    /// Covered nights and workshop days for a stay, and whether the stay cuts any of them.
    public func coveredStay(arrive: CivilDate?, leave: CivilDate?) -> (nights: Int, days: Int, partial: Bool) {
        let allNights = nights, allDays = days
        if arrive == nil && leave == nil { return (allNights.count, allDays.count, false) }
        let nights = allNights.filter { night in
            (arrive.map { $0 <= night } ?? true) && (leave.map { night < $0 } ?? true)
        }.count
        let days = allDays.filter { day in
            (arrive.map { $0 <= day } ?? true) && (leave.map { day <= $0 } ?? true)
        }.count
        return (nights, days, nights < allNights.count || days < allDays.count)
    }
}
