/// What one participant costs under one event's rules.
public struct ParticipantCosting: Sendable {
    public let participant: Participant
    /// The region used for subtotals: the cap row's, else the country's planning region.
    public let region: String
    /// The cap that applies, or nil where there is none.
    public let cap: Money?
    /// Airfare paid by the event: min(fare, cap), the cap when no fare is quoted, 0.00 without cap or when self-funded.
    public let assistedAirfare: Money
    /// What the participant pays of the fare: fare − assisted airfare.
    public let participantShare: Money
    /// Covered nights and workshop days.
    public let nights: Int
    public let days: Int
    /// Local expenses in the rates' currency (e.g. won), before conversion.
    public let localExpensesLocal: Int64
    /// Local expenses in US$, converted once per participant, rounded half up to the cent.
    public let localExpenses: Money
    public let flags: [Flag]

    /// Cost to the paying offices: assisted airfare + local expenses.
    public var total: Money { assistedAirfare + localExpenses }
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

    /// The costing of one participant, by the rules of the event.
    public func cost(_ p: Participant) -> ParticipantCosting {
        var flags: [Flag] = []
        let row = event.capRow(for: p.country)
        let cap: Money?
        if let override = p.capOverride {
            cap = override
            flags.append(.capOverride)
        } else if let row {
            cap = row.cap
            if row.isInferred { flags.append(.inferredCap) }
        } else {
            cap = nil
            switch event.otherPointsOfDeparture {
            case .contactOrganisers:
                // A self-funded participant needs no cap, so there is nothing to ask the organisers.
                if p.funding == .assisted { flags.append(.contactOrganisers) }
            case .notFunded:
                flags.append(.notFunded)
            }
        }

        let assisted: Money
        let share: Money
        switch (p.funding, p.fare, cap) {
        case (.selfFunded, let fare, _):
            flags.append(.selfFunded)
            assisted = .zero
            share = fare ?? .zero
        case (.assisted, nil, let cap):
            if cap != nil { flags.append(.estimate) }
            assisted = cap ?? .zero
            share = .zero
        case (.assisted, let fare?, let cap?):
            assisted = min(fare, cap)
            share = fare - assisted
            if share > .zero { flags.append(.aboveCap) }
        case (.assisted, let fare?, nil):
            assisted = .zero
            share = fare
        }

        let coveredLocal = coversLocalExpenses(of: p)
        let (nights, days, partial) = coveredStay(arrive: p.arrive, leave: p.leave)
        if partial && !event.fundsNothing(for: p) { flags.append(.partialStay) }
        let local = coveredLocal ? localExpenses(nights: nights, days: days) : (units: 0, usd: .zero)
        return ParticipantCosting(
            participant: p,
            region: row?.region ?? p.country.region,
            cap: cap,
            assistedAirfare: assisted,
            participantShare: share,
            nights: coveredLocal ? nights : 0,
            days: coveredLocal ? days : 0,
            localExpensesLocal: local.units,
            localExpenses: local.usd,
            flags: flags.sorted()
        )
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
    func coveredStay(arrive: CivilDate?, leave: CivilDate?) -> (nights: Int, days: Int, partial: Bool) {
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
