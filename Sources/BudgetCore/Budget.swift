/// The sums of a group of participant costings.
public struct CostTotals: Sendable, Equatable {
    public var participants: Int = 0
    public var participantShare: Money = .zero
    public var total: Money = .zero
    /// Covered nights and workshop days, and local expenses in the rates' currency, summed.
    public var nights: Int = 0
    public var days: Int = 0
    public var localExpensesLocal: Int64 = 0
    /// The sum of each per-person line (``ParticipantCosting/amounts``): assisted airfare, local expenses, declared lines.
    public var amounts: [Money] = [.zero, .zero]
    /// The fares quoted (in US$), summed: a participant with none adds nothing (the roster sheet's fare column's total).
    public var fares: Money = .zero
    /// The participants the event funds: all but those from a point of departure it funds nothing for (`not-funded`), whom
    /// it prices at 0.00.
    public var funded: Int = 0

    public init() {}

    public var assistedAirfare: Money { amounts[0] }
    public var localExpenses: Money { amounts[1] }
    /// The sums of the lines the event file declares.
    public var declaredAmounts: ArraySlice<Money> { amounts.dropFirst(2) }

    /// Adds one participant's figures.
    public mutating func add(_ line: ParticipantCosting) {
        participants += 1
        if amounts.count < line.amounts.count { amounts += Array(repeating: .zero, count: line.amounts.count - amounts.count) }
        for (index, amount) in line.amounts.enumerated() { amounts[index] += amount }
        participantShare += line.participantShare
        total += line.total
        nights += line.nights
        days += line.days
        localExpensesLocal += line.localExpensesLocal
        if let fare = line.participant.fare { fares += fare }
        if !line.flags.contains(.notFunded) { funded += 1 }
    }
}

/// The participants of one region and their subtotal.
public struct RegionBudget: Sendable {
    public let region: String
    public let lines: [ParticipantCosting]
    public let subtotal: CostTotals
}

/// A whole event's budget for a roster: the report value every renderer and the workbook read, at every roster size. Its
/// figures are those of its tally (``BudgetTally``, the one accumulator). A roster held whole keeps its lines, grouped by
/// region and by paying office; a very large roster keeps only the totals, its lines having gone to the workbook as they
/// were costed (``isStreamed``). The roster's size decides only that.
public struct Budget: Sendable {
    /// What the budget was summed into: running totals, counts, and the lines when kept.
    public let tally: BudgetTally
    /// Regions with their subtotals and (when kept) their lines: the cap table's regions in its order, then other regions
    /// alphabetically.
    public let regions: [RegionBudget]
    /// What each paying office pays, in the event's cost-sharing order; their totals add up to `totals` to the cent. Each
    /// office's part of every line is listed when the lines are kept.
    public let offices: [OfficeBudget]
    /// The costs counted once for the event (per-event lines, then the contingency); none unless the event file declares them.
    public let eventCosts: [EventCost]

    /// Costs the planned participants of a roster that `who` selects under an event; ceilings default to the event file's.
    public init(event: Event, participants roster: [Participant], rosterName: String, who: Who = .notExcluded,
                ceilings: BudgetCeilings? = nil, unusedColumns: [String] = [], rosterNotes: [String] = []) {
        var tally = BudgetTally(event: event, rosterName: rosterName, who: who, ceilings: ceilings, rosterRows: 0, isStreamed: false)
        tally.unusedColumns = unusedColumns
        tally.rosterNotes = rosterNotes
        for participant in roster { _ = tally.add(participant) }
        self.init(tally)
    }

    /// The budget of a tally, its totals as the tally summed them: with the lines when the tally kept them, else the totals only.
    public init(_ tally: BudgetTally) {
        self.tally = tally
        let lines = tally.lines
        regions = tally.regions.map { region, subtotal in
            RegionBudget(region: region, lines: lines.filter { $0.region == region }, subtotal: subtotal)
        }
        eventCosts = tally.eventCosts
        offices = !tally.isStreamed
            ? OfficeBudget.split(lines, by: tally.event.costSharing, lines: tally.event.personLines, eventCosts: eventCosts)
            : tally.offices
    }

    /// The whole budget: the participants' lines and the event costs.
    public var grandTotal: Money { totals.total + eventCosts.map(\.amount).sum() }

    /// The event the roster is costed under.
    public var event: Event { tally.event }
    /// The roster's name as given (file name), for headings.
    public var rosterName: String { tally.rosterName }
    /// The roster's headers that no rule reads, said in every report so that nothing is left out in silence.
    public var unusedColumns: [String] { tally.unusedColumns }
    /// How the roster was read, said in every report (a total row left out, a column read by what it holds).
    public var rosterNotes: [String] { tally.rosterNotes }
    /// Which participants are priced.
    public var who: Who { tally.who }
    /// The sums of every priced participant.
    public var totals: CostTotals { tally.totals }
    /// The ceilings the plan is checked against (the event file's, or the command line's over them).
    public var ceilings: BudgetCeilings { tally.ceilings }
    /// Headroom of the plan under each ceiling that is set.
    public var headroom: [Headroom] { tally.headroom }

    /// Whether the roster was streamed (the large-roster mode): only the totals are kept, its lines being in its workbook;
    /// the lists below are empty then, and the counts and first few examples stand for them. Otherwise (a roster held
    /// whole) the lines are kept.
    public var isStreamed: Bool { tally.isStreamed }
    /// Participant lines in roster order.
    public var lines: [ParticipantCosting] { tally.lines }
    /// The eligibility verdict of each line, in the order of `lines`.
    public var verdicts: [Verdict] { tally.verdicts }
    /// Rows the roster sheet sets aside for participants: one a line, or, for a stream, the number fixed before it began.
    public var rosterRows: Int { isStreamed ? tally.rosterRows : lines.count }

    /// Planned participants on the roster that `who` leaves out, with their verdicts, in roster order.
    public var leftOut: [(participant: Participant, verdict: Verdict)] { tally.everyLeftOut }
    /// How many participants `who` leaves out.
    public var leftOutCount: Int { tally.leftOut }
    /// The first few participants left out, with their verdicts.
    public var leftOutExamples: [(participant: Participant, verdict: Verdict)] { tally.leftOutExamples }

    /// Roster rows marked `planned = no` (added after the plan): never in the budget, listed by `reconcile`.
    public var notPlanned: [Participant] { tally.everyNotPlanned }
    /// How many roster rows are marked `planned = no`.
    public var notPlannedCount: Int { tally.notPlanned }

    /// Priced participants whose eligibility is not known.
    public var eligibilityNotKnown: Int { tally.eligibilityNotKnown }
    /// Whether any planned row of the roster gives an application date or the documents received.
    public var rosterGivesApplications: Bool { tally.applicationsGiven }
    /// The first few priced participants whose eligibility is not known.
    public var notKnownIDs: [String] { tally.notKnownIDs }

    /// Participants whose point of departure has no cap yet (flag `contact-organisers`), in roster order.
    public var awaitingCap: [ParticipantCosting] { lines.filter { $0.flags.contains(.contactOrganisers) } }
    /// How many participants await a cap.
    public var awaitingCapCount: Int { tally.awaitingCap }
    /// The first few participants awaiting a cap.
    public var awaitingCapIDs: [String] { tally.awaitingCapIDs }

    /// The quoted fares of the participants awaiting a cap: how far the total could rise once caps are agreed (plus the
    /// unknown fares of ``awaitingCapWithoutFare``).
    public var awaitingCapFares: Money { tally.awaitingCapFares }

    /// Participants awaiting a cap with no fare quoted: each an unknown amount on top of ``awaitingCapFares``.
    public var awaitingCapWithoutFare: Int { tally.awaitingCapWithoutFare }

    /// Priced participants whose fare was quoted in another currency, in roster order (when the lines are kept).
    public var quotedFareLines: [ParticipantCosting] { lines.filter { $0.participant.quotedFare != nil } }
    /// How many priced fares were quoted in another currency.
    public var quotedFareCount: Int { tally.quotedFares }
    /// The rates that converted them, one a currency, in the order first used.
    public var fareRates: [FareRate] { tally.fareRatesUsed }
    /// Whether its workbook's roster sheet has the columns of fares quoted in other currencies.
    public var showsQuotedFares: Bool { quotedFareCount > 0 || tally.mayQuoteFares }

    /// Flags that occur, in a stable order, with how many participants carry each.
    public var flagCounts: [(flag: Flag, count: Int)] { tally.flags }
    /// Participants with at least one flag.
    public var flaggedParticipants: Int { tally.flaggedParticipants }
}
