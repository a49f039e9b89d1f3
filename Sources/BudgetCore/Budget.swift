/// The sums of a group of participant costings.
public struct CostTotals: Sendable, Equatable {
    public var participants: Int = 0
    public var assistedAirfare: Money = .zero
    public var participantShare: Money = .zero
    public var localExpenses: Money = .zero
    public var total: Money = .zero
    /// Covered nights and workshop days, and local expenses in the rates' currency, summed.
    public var nights: Int = 0
    public var days: Int = 0
    public var localExpensesLocal: Int64 = 0

    public init() {}

    /// Adds one participant's figures.
    public mutating func add(_ line: ParticipantCosting) {
        participants += 1
        assistedAirfare += line.assistedAirfare
        participantShare += line.participantShare
        localExpenses += line.localExpenses
        total += line.total
        nights += line.nights
        days += line.days
        localExpensesLocal += line.localExpensesLocal
    }
}

/// The participants of one region and their subtotal.
public struct RegionBudget: Sendable {
    public let region: String
    public let lines: [ParticipantCosting]
    public let subtotal: CostTotals
}

/// A whole event's budget for a roster: the report value every renderer reads.
public struct Budget: Sendable {
    public let event: Event
    /// Participant lines in roster order.
    public let lines: [ParticipantCosting]
    /// Lines grouped by region: the cap table's regions in its order, then other regions alphabetically.
    public let regions: [RegionBudget]
    public let totals: CostTotals
    /// What each paying office pays, in the event's cost-sharing order; their totals add up to `totals` to the cent.
    public let offices: [OfficeBudget]
    /// The roster's name as given (file name), for headings.
    public let rosterName: String
    /// The roster's headers that no rule reads, said in every report so that nothing is left out in silence.
    public let unusedColumns: [String]
    /// Which participants are priced.
    public let who: Who
    /// The eligibility verdict of each line, in the order of `lines`.
    public let verdicts: [Verdict]
    /// Planned participants on the roster that `who` leaves out, with their verdicts, in roster order.
    public let leftOut: [(participant: Participant, verdict: Verdict)]
    /// Roster rows marked `planned = no` (added after the plan): never in the budget, listed by `reconcile`.
    public let notPlanned: [Participant]
    /// The ceilings the plan is checked against (the event file's, or the command line's over them).
    public let ceilings: BudgetCeilings
    /// Headroom of the plan under each ceiling that is set.
    public let headroom: [Headroom]

    /// Costs the planned participants of a roster that `who` selects under an event; ceilings default to the event file's.
    public init(event: Event, participants roster: [Participant], rosterName: String, who: Who = .notExcluded,
                ceilings: BudgetCeilings? = nil, unusedColumns: [String] = []) {
        var tally = BudgetTally(event: event, rosterName: rosterName, who: who, ceilings: ceilings, rosterRows: 0, keepsLines: true)
        tally.unusedColumns = unusedColumns
        for participant in roster { _ = tally.add(participant) }
        self.init(tally)
    }

    /// The budget of a tally that kept its lines (the one accumulator, ``BudgetTally``): its totals as it summed them.
    public init(_ tally: BudgetTally) {
        precondition(tally.keepsLines, "a budget is made from a tally that kept its lines")
        let lines = tally.lines
        self.event = tally.event
        self.lines = lines
        self.regions = tally.regions.map { region, subtotal in
            RegionBudget(region: region, lines: lines.filter { $0.region == region }, subtotal: subtotal)
        }
        self.totals = tally.totals
        self.offices = OfficeBudget.split(lines, by: tally.event.costSharing)
        self.rosterName = tally.rosterName
        self.unusedColumns = tally.unusedColumns
        self.who = tally.who
        self.verdicts = tally.verdicts
        self.leftOut = tally.everyLeftOut
        self.notPlanned = tally.everyNotPlanned
        self.ceilings = tally.ceilings
        self.headroom = tally.headroom
    }

    /// Priced participants whose eligibility is not known.
    public var eligibilityNotKnown: Int { verdicts.filter { $0.eligible == nil }.count }

    /// Participants whose point of departure has no cap yet (flag `contact-organisers`), in roster order.
    public var awaitingCap: [ParticipantCosting] { lines.filter { $0.flags.contains(.contactOrganisers) } }

    /// The quoted fares of the participants awaiting a cap: how far the total could rise once caps are agreed (plus the
    /// unknown fares of ``awaitingCapWithoutFare``).
    public var awaitingCapFares: Money { awaitingCap.compactMap(\.participant.fare).sum() }

    /// Participants awaiting a cap with no fare quoted: each an unknown amount on top of ``awaitingCapFares``.
    public var awaitingCapWithoutFare: Int { awaitingCap.filter { $0.participant.fare == nil }.count }

    /// Flags that occur, in a stable order, with how many participants carry each.
    public var flagCounts: [(flag: Flag, count: Int)] {
        Flag.allCases.compactMap { flag in
            let count = lines.filter { $0.flags.contains(flag) }.count
            return count > 0 ? (flag, count) : nil
        }
    }
}
