import BudgetCore

/// Every workbook formula that carries a costing rule, in one place beside the names it reads (``WorkbookNames``).
/// Each says which Swift rule it mirrors; where a sheet needs a variant of a rule (a shorter row for a large roster, a ticket
/// instead of a fare), the variant is a parameter of the one function, and LibreOffice recomputes every variant
/// (Tests/WorkbookTests/*RecalculationTests.swift). Sums, counts and references between sheets stay with their sheets.
enum Formulas {
    // MARK: Cap

    /// How a cap lookup treats a point of departure that no cap row names.
    enum CapLookup {
        /// An empty text, which the assisted airfare reads as "no cap" (the roster and plan-vs-actual sheets).
        case emptyWhenUnlisted
        /// A plain lookup: the point is known to be listed (a large roster's rows: a shorter row is a faster one).
        case listed
        /// A plain lookup written with FALSE (the Charts and Compare sheets, which show only listed points).
        case listedExact
    }

    /// The cap of the point of departure in `departure`, from the cap table named `table`.
    /// Mirrors `Event.capRow(for:)` as `Costing.cost(_:)` uses it (a cap override is an input cell instead).
    static func cap(table: String, departure: String, _ lookup: CapLookup = .emptyWhenUnlisted) -> String {
        switch lookup {
        case .emptyWhenUnlisted: return "IFERROR(VLOOKUP(\(departure),\(table),2,0),\"\")"
        case .listed: return "VLOOKUP(\(departure),\(table),2,0)"
        case .listedExact: return "VLOOKUP(\(departure),\(table),2,FALSE)"
        }
    }

    // MARK: Assisted airfare and participant share

    /// How the assisted airfare learns the participant's funding.
    enum FundingCheck {
        /// From a funding cell, tested with the cap in one OR (the roster sheet).
        case cell(String)
        /// Not at all: the participant is known to be assisted (a large roster's assisted rows).
        case knownAssisted
        /// From a funding cell, tested before the cap (the plan-vs-actual sheet's ticket).
        case cellFirst(String)
    }

    /// min(fare, cap); 0 without a cap or for a self-funded participant. MIN ignores an empty fare, so a participant with no
    /// quote gets the cap (the estimate). Mirrors `Costing.cost(_:)` (and `Reconciling.reconcile(_:planned:)` for a ticket).
    /// With `roles` (a roster with roles), a person's airfare follows their role's rule, `Costing.assist(_:cap:rule:)`: a
    /// role paid in full gets the whole fare (0 where none is quoted: N of an empty cell is 0), a role paid nothing gets 0,
    /// a role with a cap of its own is capped like a participant (its cap cell is ``roleCap(table:departure:_:)``).
    static func assistedAirfare(fare: String, cap: String, funding: FundingCheck, roles: RoleRules? = nil) -> String {
        guard let roles, roles.mayDiffer else {
            let capped = "IF(\(cap)=\"\",0,MIN(\(fare),\(cap)))"
            switch funding {
            case .knownAssisted: return capped
            case .cell(let f): return "IF(OR(\(f)=\"self-funded\",\(cap)=\"\"),0,MIN(\(fare),\(cap)))"
            case .cellFirst(let f): return "IF(\(f)=\"self-funded\",0,\(capped))"
            }
        }
        let noCap = roles.is(roles.paid(.full)).choose("N(\(fare))", else: "0")
        let capped = "IF(\(cap)=\"\",\(noCap),MIN(\(fare),\(cap)))"
        let paidNothing = roles.is(roles.paid(.none))
        switch funding {
        case .knownAssisted: return paidNothing.choose("0", else: capped)
        case .cell(let f): return Condition.any([.formula("\(f)=\"self-funded\""), paidNothing]).choose("0", else: capped)
        case .cellFirst(let f): return "IF(\(f)=\"self-funded\",0,\(paidNothing.choose("0", else: capped)))"
        }
    }

    /// A fare quoted in another currency in US$: the quote divided by its currency's rate (units per US$1) from the fare-rate
    /// table named `table`, rounded to the cent. Mirrors `QuotedFare.usd` (`ExchangeRate.convertToUSD(hundredths:)`, half
    /// up): ROUND rounds half away from zero, the same for a fare, which is positive.
    static func quotedFare(amount: String, currency: String, table: String) -> String {
        "ROUND(\(amount)/VLOOKUP(\(currency),\(table),2,FALSE),2)"
    }

    /// fare − assisted airfare, 0 where no fare is quoted. Mirrors `Costing.cost(_:)`'s participant share.
    static func participantShare(fare: String, assisted: String) -> String {
        "IF(\(fare)=\"\",0,\(difference(fare, assisted)))"
    }

    /// A plan-vs-actual participant's assisted airfare: 0 for one who did not travel, the plan where no ticket is recorded,
    /// else the ticket capped. Mirrors `Reconciling.reconcile(_:planned:)`.
    static func actualAssistedAirfare(travelled: String, ticket: String, planned: String, cap: String, funding: String,
                                      roles: RoleRules? = nil) -> String {
        "IF(NOT(\(travelled)),0,IF(\(ticket)=\"\",\(planned),\(assistedAirfare(fare: ticket, cap: cap, funding: .cellFirst(funding), roles: roles))))"
    }

    /// A plan-vs-actual participant's share of the ticket: 0 for one who did not travel, the planned share where no ticket is
    /// recorded. Mirrors `Reconciling.reconcile(_:planned:)`.
    static func actualParticipantShare(travelled: String, ticket: String, plannedShare: String, actualAirfare: String) -> String {
        "IF(NOT(\(travelled)),0,IF(\(ticket)=\"\",\(plannedShare),\(difference(ticket, actualAirfare))))"
    }

    /// Whether a plan-vs-actual participant travelled: a ticket, nights, local expenses or any other line are recorded
    /// (`ActualSpend.isEmpty`); `lines` are the other lines' recorded cells.
    static func travelled(ticket: String, nights: String, local: String, lines: [String] = []) -> String {
        "OR(" + ([ticket, nights, local] + lines).map { "\($0)<>\"\"" }.joined(separator: ",") + ")"
    }

    /// A plan-vs-actual participant's actual amount of another line: 0 for one who did not travel, the amount recorded, else
    /// the plan. Mirrors `Reconciling.reconcile(_:planned:)`.
    static func actualLine(travelled: String, recorded: String, planned: String) -> String {
        "IF(NOT(\(travelled)),0,IF(\(recorded)<>\"\",\(recorded),\(planned)))"
    }

    // MARK: Roles

    /// How a formula learns a person's role.
    enum RoleCheck {
        /// From a role cell (the roster sheet's Role column), which holds `Role`'s raw value; an empty cell is a participant.
        case cell(String)
        /// Known when the sheet is written (a sheet without a role column).
        case known(Role)
    }

    /// A role check with the event's airfare rule for each role (`Event.airfareRule(for:)`).
    struct RoleRules {
        let check: RoleCheck
        let event: Event

        /// Whether the role can change what the formula gives: a role cell, or a known role other than participant.
        var mayDiffer: Bool {
            if case .known(.participant) = check { return false }
            return true
        }

        /// The roles whose airfare is paid by a kind of rule (`.full`, `.none`; a cap of its own counts as `.ownCap`).
        func paid(_ rule: AirfareRule) -> Set<Role> {
            Set(Role.allCases.filter { role in
                switch (event.airfareRule(for: role), rule) {
                case (.ownCap, .ownCap): return true
                case (let a, let b): return a == b
                }
            })
        }

        /// Whether the person's role is one of `roles`.
        func `is`(_ roles: Set<Role>) -> Condition { Formulas.role(check, isOneOf: roles) }
    }

    /// A condition in a formula, simplified where it is known when the sheet is written.
    enum Condition {
        case always, never
        case formula(String)

        /// Every condition holds (AND).
        static func all(_ conditions: [Condition]) -> Condition {
            if conditions.contains(where: { if case .never = $0 { return true } else { return false } }) { return .never }
            let texts = conditions.compactMap { if case .formula(let text) = $0 { return text } else { return nil } }
            return texts.isEmpty ? .always : texts.count == 1 ? .formula(texts[0]) : .formula("AND(\(texts.joined(separator: ",")))")
        }

        /// Some condition holds (OR).
        static func any(_ conditions: [Condition]) -> Condition {
            if conditions.contains(where: { if case .always = $0 { return true } else { return false } }) { return .always }
            let texts = conditions.compactMap { if case .formula(let text) = $0 { return text } else { return nil } }
            return texts.isEmpty ? .never : texts.count == 1 ? .formula(texts[0]) : .formula("OR(\(texts.joined(separator: ",")))")
        }

        /// The condition negated.
        var not: Condition {
            switch self {
            case .always: return .never
            case .never: return .always
            case .formula(let text): return .formula("NOT(\(text))")
            }
        }

        /// `IF(condition,a,b)`, or a or b where the condition is known.
        func choose(_ a: String, else b: String) -> String {
            switch self {
            case .always: return a
            case .never: return b
            case .formula(let text): return "IF(\(text),\(a),\(b))"
            }
        }
    }

    /// Whether the role is one of `roles`; a role cell that is empty is a participant's.
    static func role(_ check: RoleCheck, isOneOf roles: Set<Role>) -> Condition {
        switch check {
        case .known(let role): return roles.contains(role) ? .always : .never
        case .cell(let cell):
            if roles.isEmpty { return .never }
            if roles.count == Role.allCases.count { return .always }
            if roles.contains(.participant) {
                let others = Role.allCases.filter { !roles.contains($0) }
                return .all(others.map { .formula("\(cell)<>\(quoted($0.rawValue))") })
            }
            return .any(Role.allCases.filter(roles.contains).map { .formula("\(cell)=\(quoted($0.rawValue))") })
        }
    }

    /// The cap of a person by their role: a participant's from the cap table (``cap(table:departure:_:)``), a role's own cap
    /// (its defined name, ``WorkbookNames/roleCap(_:_:)``), or an empty text for a role with no cap (paid in full, or not at
    /// all). Mirrors `Costing`'s cap for a rule (a cap override is an input cell instead).
    static func roleCap(table: String, departure: String, _ roles: RoleRules) -> String {
        func capOf(_ role: Role) -> String {
            switch roles.event.airfareRule(for: role) {
            case .capped: return cap(table: table, departure: departure)
            case .ownCap: return WorkbookNames.roleCap(roles.event, role)
            case .full, .none: return "\"\""
            }
        }
        switch roles.check {
        case .known(let role): return capOf(role)
        case .cell(let cell):
            return Role.allCases.dropFirst().reversed().reduce(capOf(.participant)) { otherwise, role in
                "IF(\(cell)=\(quoted(role.rawValue)),\(capOf(role)),\(otherwise))"
            }
        }
    }

    /// Whether the event funds nothing for the person: a participant with no cap (no row names the point of departure and no
    /// override) where the event's rule for other points is `not-funded`. Mirrors `Event.fundsNothing(for:)`.
    static func fundsNothing(cap: String, _ roles: RoleRules) -> Condition {
        guard roles.event.otherPointsOfDeparture == .notFunded else { return .never }
        return .all([roles.is([.participant]), .formula("\(cap)=\"\"")])
    }

    // MARK: Cost lines: one function per basis

    /// Once for each person the line applies to. Mirrors `CostBasis.perParticipant`'s count (1).
    static func perParticipant(_ amount: String) -> String { amount }

    /// For each covered night of the person's stay. Mirrors `CostBasis.perNight`'s count.
    static func perNight(_ amount: String, nights: String) -> String { "\(amount)*\(nights)" }

    /// For each workshop day the person is present. Mirrors `CostBasis.perDay`'s count.
    static func perDay(_ amount: String, days: String) -> String { "\(amount)*\(days)" }

    /// Once for the event, whoever comes. Mirrors `CostBasis.perEvent`.
    static func perEvent(_ amount: String) -> String { amount }

    /// A line's amount counted by its basis, before conversion: the one place that chooses a basis's function (a new basis is
    /// a case of `CostBasis` and a function above). `nights` and `days` are the row's (unused for an event cost).
    static func charge(_ basis: CostBasis, amount: String, nights: String, days: String) -> String {
        switch basis {
        case .perParticipant: return perParticipant(amount)
        case .perNight: return perNight(amount, nights: nights)
        case .perDay: return perDay(amount, days: days)
        case .perEvent: return perEvent(amount)
        }
    }

    /// A line's amount in US$ for a person (or, per event, for the event): its amount cell counted by its basis, to the cent
    /// in US$, or converted from the local currency once, half up to the cent. Mirrors `CostLine.personAmount(nights:days:rates:)`
    /// and `CostLine.eventAmount(rates:)`. `amount` is the line's amount cell (``WorkbookNames/lineAmount(_:_:)``).
    static func lineAmount(_ line: CostLine, amount: String, nights: String = "0", days: String = "0", _ rates: WorkbookNames.Rates) -> String {
        guard case .charge(let basis, let value) = line.rule else { return "0" }
        let charge = self.charge(basis, amount: amount, nights: nights, days: days)
        switch value {
        case .usd: return "ROUND(\(charge),2)"
        case .local: return usd(localUnits: charge == amount ? charge : "(\(charge))", rates)
        }
    }

    /// Whether a per-person line applies to a person: their role among the line's, not self-funded unless the line covers them,
    /// and not someone the event funds nothing for. Mirrors `Costing.cost(_:)`.
    static func lineApplies(_ line: CostLine, funding: String, fundsNothing: Condition, _ roles: RoleRules) -> Condition {
        .all([roles.is(line.roles), line.coversSelfFunded ? .always : .formula("\(funding)<>\"self-funded\""), fundsNothing.not])
    }

    /// A per-person line's amount where it applies, else 0.
    static func personLine(_ amount: String, where applies: Condition) -> String { applies.choose(amount, else: "0") }

    /// A contingency: base × percentage in cents, rounded half up (away from zero) to the cent. Mirrors
    /// `Contingency.amount(on:)`. `percent` is the contingency's percentage cell (a fraction: 5% is 0.05).
    static func contingency(base: String, percent: String) -> String {
        "ROUND(ROUND(\(base)*100,0)*ROUND(\(percent)*10000,0)/10000,0)/100"
    }

    // MARK: Local expenses

    /// Nights × room + days × (meals + transport), in the rates' currency. Mirrors `LocalRates.localUnits(nights:days:)`.
    static func localUnits(nights: String, days: String, _ rates: WorkbookNames.Rates) -> String {
        "\(nights)*\(rates.room)+\(days)*(\(rates.meals)+\(rates.transport))"
    }

    /// Local units converted to US$ once, rounded half up to the cent. Mirrors `ExchangeRate.convertToUSD(_:)`.
    /// `units` is a cell or an expression in parentheses.
    static func usd(localUnits units: String, _ rates: WorkbookNames.Rates) -> String {
        "ROUND(\(units)*100/\(rates.rate),0)/100"
    }

    /// A large roster's local expenses: a full stay (nights and days left empty) is the Rates sheet's full stay, any other
    /// stay is converted. Mirrors `Costing.localExpenses(nights:days:)` and `Event.fullStayLocalExpenses`.
    static func usdOrFullStay(nights: String, days: String, localUnits units: String, _ rates: WorkbookNames.Rates) -> String {
        "IF(\(nights)&\(days)=\"\",\(rates.fullStay),\(usd(localUnits: units, rates)))"
    }

    /// Local expenses only where the event covers them: a self-funded participant's are 0 unless the event file says so.
    /// Mirrors `Costing.coversLocalExpenses(of:)`.
    static func coveredLocal(_ amount: String, funding: String, _ event: Event) -> String {
        event.localExpenses.selfFundedLocalExpensesCovered ? amount : "IF(\(funding)=\"self-funded\",0,\(amount))"
    }

    /// A plan-vs-actual participant's local expenses: those paid, else from the actual nights, else the plan once a ticket is
    /// recorded, else 0. Mirrors `Reconciling.reconcile(_:planned:)`. Where another line's amount can be recorded, a
    /// participant with only that recorded travelled too: `travelled` (``travelled(ticket:nights:local:lines:)``) then
    /// decides between the plan and 0.
    static func actualLocal(recorded: String, nights: String, fromNights: String, ticket: String, planned: String,
                            travelled: String? = nil) -> String {
        "IF(\(recorded)<>\"\",\(recorded),IF(\(nights)<>\"\",\(fromNights),IF(\(travelled ?? "\(ticket)<>\"\""),\(planned),0)))"
    }

    // MARK: Sums and differences of money

    /// a + b, kept to the cent (a line's total: `ParticipantCosting.total`, `OfficeLine.total`, `ReconciliationLine.total`).
    static func total(_ a: String, _ b: String) -> String { total([a, b]) }

    /// The sum of several amounts, kept to the cent (a person's every line: `ParticipantCosting.total`).
    static func total(_ parts: [String]) -> String { "ROUND(\(parts.joined(separator: "+")),2)" }

    /// a − b, kept to the cent (a variance: `PlanActual.variance`; a share: fare − assisted airfare).
    static func difference(_ a: String, _ b: String) -> String { "ROUND(\(a)-\(b),2)" }

    /// variance ÷ planned × 100 to one decimal, on cents, rounded half away from zero; an empty text where nothing was
    /// planned. Mirrors `VariancePercent.init(_:of:)`.
    static func variancePercent(variance: String, planned: String) -> String {
        "IF(ROUND(\(planned)*100,0)<=0,\"\",ROUND(ROUND(\(variance)*100,0)*1000/ROUND(\(planned)*100,0),0)/10)"
    }

    // MARK: Paying offices

    /// Text as a formula's string literal: `"RSO of the Bali Process"`.
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Which lines an office's part covers.
    enum OfficeLines {
        /// One line: its amount cell and its `Paid by` cell.
        case line(amount: String, payer: String)
        /// Every line of a region, summed with SUMPRODUCT over the roster's columns (a large roster, whose lines are not
        /// listed on the office sheet): the amounts, the payers, the regions and the region's label cell.
        case region(amounts: String, payers: String, regions: String, region: String)
        /// A cost counted once for the event (a per-event line, the contingency): split by its shares, no payer.
        case eventCost(amount: String)
    }

    /// What an office other than the last pays: its share of each line, in cents times hundredths of a percent rounded half
    /// up (exact integers), or the whole line where the roster's `Paid by` names it. Mirrors `CostSharing.parts(of:paidBy:_:)`.
    /// `share` is the office's defined share name (``WorkbookNames/officeShare(_:office:_:)``).
    static func officePart(office: String, share: String, of lines: OfficeLines) -> String {
        switch lines {
        case .line(let amount, let payer):
            return "IF(\(payer)=\"\",ROUND(ROUND(\(amount)*100,0)*ROUND(\(share)*10000,0)/10000,0)/100,"
                + "IF(\(payer)=\(quoted(office)),\(amount),0))"
        case .region(let amounts, let payers, let regions, let region):
            let inRegion = "(\(regions)=\(region))*"
            return "(SUMPRODUCT(\(inRegion)(\(payers)=\"\")*ROUND(ROUND(\(amounts)*100,0)*ROUND(\(share)*10000,0)/10000,0))"
                + "+SUMPRODUCT(\(inRegion)(\(payers)=\(quoted(office)))*ROUND(\(amounts)*100,0)))/100"
        case .eventCost(let amount):
            return "ROUND(ROUND(\(amount)*100,0)*ROUND(\(share)*10000,0)/10000,0)/100"
        }
    }

    /// What the last office pays: the whole less what the others pay, so the parts add up to the whole (to the cent, or
    /// exactly for shares). Mirrors `CostSharing.split(_:_:)`, whose last office takes the rest.
    static func rest(of whole: String, less others: [String], toTheCent: Bool = true) -> String {
        let expression = ([whole] + others).joined(separator: "-")
        return toTheCent ? "ROUND(\(expression),2)" : expression
    }

    // MARK: Comparisons between events

    /// last − first, exact (cents, counts or shares: `Comparison`'s changes).
    static func change(from first: String, to last: String) -> String { "\(last)-\(first)" }

    /// A change as a fraction of its base to 0.1%, or an empty text over a base of 0 where the base can be 0.
    /// Mirrors `Ratio.percentTenths(from:to:)`.
    static func relativeChange(_ change: String, of base: String, baseCanBeZero: Bool) -> String {
        baseCanBeZero ? "IF(\(base)=0,\"\",ROUND(\(change)/\(base),3))" : "ROUND(\(change)/\(base),3)"
    }

    /// (last − restated) ÷ restated to 0.1%: the change in real terms. Mirrors `Ratio.percentTenths(from:to:)` on
    /// `Comparison.inLastYearsDollars(_:)`.
    static func realChange(from restated: String, to last: String, restatedCanBeZero: Bool) -> String {
        let ratio = "ROUND((\(last)-\(restated))/\(restated),3)"
        return restatedCanBeZero ? "IF(\(restated)=0,\"\",\(ratio))" : ratio
    }

    /// An amount in a later year's dollars, by the price index, to the cent. Mirrors `Comparison.inLastYearsDollars(_:)`.
    static func restated(_ amount: String, indexFrom first: String, to last: String) -> String { "ROUND(\(amount)*\(last)/\(first),2)" }

    /// total ÷ participants to the cent, 0 without participants. Mirrors `CostTotals.perParticipant`.
    static func perParticipant(total: String, count: String) -> String { "IF(\(count)=0,0,ROUND(\(total)/\(count),2))" }

    /// part ÷ whole to 0.1%, 0 for a whole of 0. Mirrors `Ratio.shareTenths(_:of:)`.
    static func shareOfTotal(_ part: String, of whole: String) -> String { "IF(\(whole)=0,0,ROUND(\(part)/\(whole),3))" }
}
