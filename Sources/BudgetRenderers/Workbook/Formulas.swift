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
    static func assistedAirfare(fare: String, cap: String, funding: FundingCheck) -> String {
        let capped = "IF(\(cap)=\"\",0,MIN(\(fare),\(cap)))"
        switch funding {
        case .knownAssisted: return capped
        case .cell(let f): return "IF(OR(\(f)=\"self-funded\",\(cap)=\"\"),0,MIN(\(fare),\(cap)))"
        case .cellFirst(let f): return "IF(\(f)=\"self-funded\",0,\(capped))"
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
    static func actualAssistedAirfare(travelled: String, ticket: String, planned: String, cap: String, funding: String) -> String {
        "IF(NOT(\(travelled)),0,IF(\(ticket)=\"\",\(planned),\(assistedAirfare(fare: ticket, cap: cap, funding: .cellFirst(funding)))))"
    }

    /// A plan-vs-actual participant's share of the ticket: 0 for one who did not travel, the planned share where no ticket is
    /// recorded. Mirrors `Reconciling.reconcile(_:planned:)`.
    static func actualParticipantShare(travelled: String, ticket: String, plannedShare: String, actualAirfare: String) -> String {
        "IF(NOT(\(travelled)),0,IF(\(ticket)=\"\",\(plannedShare),\(difference(ticket, actualAirfare))))"
    }

    /// Whether a plan-vs-actual participant travelled: a ticket, nights or local expenses are recorded (`ActualSpend.isEmpty`).
    static func travelled(ticket: String, nights: String, local: String) -> String {
        "OR(\(ticket)<>\"\",\(nights)<>\"\",\(local)<>\"\")"
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
    /// recorded, else 0. Mirrors `Reconciling.reconcile(_:planned:)`.
    static func actualLocal(recorded: String, nights: String, fromNights: String, ticket: String, planned: String) -> String {
        "IF(\(recorded)<>\"\",\(recorded),IF(\(nights)<>\"\",\(fromNights),IF(\(ticket)<>\"\",\(planned),0)))"
    }

    // MARK: Sums and differences of money

    /// a + b, kept to the cent (a line's total: `ParticipantCosting.total`, `OfficeLine.total`, `ReconciliationLine.total`).
    static func total(_ a: String, _ b: String) -> String { "ROUND(\(a)+\(b),2)" }

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
