/// The one accumulator of a budget: costs participants one at a time and keeps running totals (by region, paying office
/// and flag, with the eligibility counts), and, when asked, the lines too. A roster held whole keeps its lines; a very
/// large roster keeps only the totals, its lines going straight to a file as they are costed. The roster's size chooses
/// only that; either way the ``Budget`` every report reads is made from the tally.
public struct BudgetTally: Sendable {
    public let event: Event
    public let rosterName: String
    /// The roster's headers that no rule reads.
    public var unusedColumns: [String] = []
    /// What the reader says about how the roster was read, in a report's words (e.g. a total row left out, with its row).
    public var rosterNotes: [String] = []
    public let who: Who
    public let ceilings: BudgetCeilings
    /// Rows the roster sheet sets aside for participants: fixed before streaming (no fewer than will be priced).
    public let rosterRows: Int
    public private(set) var totals = CostTotals()
    /// Subtotals by region, in the order regions are first met (see ``regions``).
    private var regionTotals: [CostTotals] = []
    /// What each paying office pays by region of each per-person line: `[region][office][line]`.
    private var regionOffices: [[[Money]]] = []
    /// The regions met so far, in that order: the index of `regionTotals` and `regionOffices` (a few regions, found by a
    /// search of the list: quicker than hashing a name for every participant).
    private var regionNames: [String] = []
    /// What each paying office pays so far of each per-person line: `[office][line]`, in the cost sharing's order.
    public private(set) var officeAmounts: [[Money]]
    /// How many participants carry each flag, by the flag's place in `Flag.allCases`.
    private var flagTally = [Int](repeating: 0, count: Flag.allCases.count)
    public private(set) var awaitingCap = 0
    public private(set) var awaitingCapFares = Money.zero
    /// Participants awaiting a cap with no fare quoted (an unknown amount each).
    public private(set) var awaitingCapWithoutFare = 0
    public private(set) var eligibilityNotKnown = 0
    /// Whether any planned row gives an application date or the documents received: when none does (a roster without those
    /// columns, or with every cell empty), the reports say once that they are not known, not on every row.
    public private(set) var applicationsGiven = false
    public private(set) var leftOut = 0
    public private(set) var notPlanned = 0
    /// The first few participants left out, with their verdicts, for the report.
    public private(set) var leftOutExamples: [(participant: Participant, verdict: Verdict)] = []
    /// Participants with at least one flag.
    public private(set) var flaggedParticipants = 0
    /// Priced participants whose fare was quoted in another currency, and the rates that converted them (one a currency,
    /// in the order first used).
    public private(set) var quotedFares = 0
    public private(set) var fareRatesUsed: [FareRate] = []
    /// Whether the roster may quote fares in other currencies, known before its participants (a streamed roster's sheet
    /// sets its columns before the first row): its header names a currency, or a rate is stated.
    public var mayQuoteFares = false
    /// The first few participants awaiting a cap, and whose eligibility is not known.
    public private(set) var awaitingCapIDs: [String] = []
    public private(set) var notKnownIDs: [String] = []
    /// A streamed roster (the large-roster mode, its lines gone to the workbook as they were costed) keeps only the
    /// totals; otherwise the lines, and every participant left out or not planned, are kept too.
    public let isStreamed: Bool
    /// The priced lines and their verdicts, in roster order (when kept).
    public private(set) var lines: [ParticipantCosting] = []
    public private(set) var verdicts: [Verdict] = []
    /// Every participant left out, with the verdict, and every row not planned (when the lines are kept).
    public private(set) var everyLeftOut: [(participant: Participant, verdict: Verdict)] = []
    public private(set) var everyNotPlanned: [Participant] = []
    private let costing: Costing
    private let check: EligibilityCheck
    /// Verdicts on participants with nothing known of their application and no cap override, by point of departure: the
    /// verdict depends on nothing else then, and a large roster has thousands of such participants from a few places.
    private var verdictsByDeparture: [String: Verdict] = [:]

    public init(event: Event, rosterName: String, who: Who = .notExcluded, ceilings: BudgetCeilings? = nil, rosterRows: Int,
                isStreamed: Bool = true) {
        self.isStreamed = isStreamed
        self.event = event
        self.rosterRows = rosterRows
        self.rosterName = rosterName
        self.who = who
        self.ceilings = ceilings ?? event.ceilings
        costing = Costing(event: event)
        check = EligibilityCheck(event: event)
        officeAmounts = Array(repeating: Array(repeating: .zero, count: event.personLines.count), count: event.costSharing.offices.count)
    }

    /// Costs one participant and adds it in; nil when `who` leaves the participant out (counted, with a few examples kept).
    public mutating func add(_ p: Participant) -> (costing: ParticipantCosting, verdict: Verdict)? {
        guard p.isPlanned else {
            notPlanned += 1
            if !isStreamed { everyNotPlanned.append(p) }
            return nil
        }
        if p.application.appliedOn != nil || p.application.documents != nil { applicationsGiven = true }
        let verdict = verdict(p)
        // Resource persons and staff are never left out by the eligibility rules, which are for participants.
        guard p.role != .participant || who.includes(verdict) else {
            leftOut += 1
            if leftOutExamples.count < summaryExamples { leftOutExamples.append((p, verdict)) }
            if !isStreamed { everyLeftOut.append((p, verdict)) }
            return nil
        }
        if verdict.eligible == nil {
            eligibilityNotKnown += 1
            if notKnownIDs.count < summaryExamples { notKnownIDs.append(p.id) }
        }
        let line = costing.cost(p)
        if let quoted = p.quotedFare {
            quotedFares += 1
            if !fareRatesUsed.contains(quoted.rate) { fareRatesUsed.append(quoted.rate) }
        }
        if !isStreamed {
            lines.append(line)
            verdicts.append(verdict)
        }
        totals.add(line)
        let region = regionIndex(line.region)
        regionTotals[region].add(line)
        // Each line split by its own shares, added in place (no array of arrays a participant).
        for (index, costLine) in event.personLines.enumerated() {
            let parts = event.costSharing.parts(of: line.amounts[index], paidBy: p.paidBy, shares: costLine.shares)
            for office in parts.indices {
                officeAmounts[office][index] += parts[office]
                regionOffices[region][office][index] += parts[office]
            }
        }
        for flag in line.flags { flagTally[Flag.allCases.firstIndex(of: flag)!] += 1 }
        if !line.flags.isEmpty { flaggedParticipants += 1 }
        if line.flags.contains(.contactOrganisers) {
            awaitingCap += 1
            if awaitingCapIDs.count < summaryExamples { awaitingCapIDs.append(p.id) }
            awaitingCapFares += p.fare ?? .zero
            if p.fare == nil { awaitingCapWithoutFare += 1 }
        }
        return (line, verdict)
    }

    /// The place of a region in `regionNames`, added (with zero totals) when first met.
    private mutating func regionIndex(_ region: String) -> Int {
        if let index = regionNames.firstIndex(of: region) { return index }
        regionNames.append(region)
        regionTotals.append(CostTotals())
        regionOffices.append(officeAmounts.map { Array(repeating: .zero, count: $0.count) })
        return regionNames.count - 1
    }

    /// The eligibility verdict on a participant (the same as `EligibilityCheck.verdict`, remembered where it can be).
    private mutating func verdict(_ p: Participant) -> Verdict {
        guard p.role == .participant, p.capOverride == nil, p.application == Application.unknown else { return check.verdict(p) }
        if let known = verdictsByDeparture[p.country.name] { return known }
        let verdict = check.verdict(p)
        if verdictsByDeparture.count < 1_000 { verdictsByDeparture[p.country.name] = verdict }
        return verdict
    }

    /// Region subtotals: the cap table's regions in its order, then others alphabetically (as ``Budget/regions``).
    public var regions: [(region: String, subtotal: CostTotals)] {
        event.reportOrder(of: regionNames).compactMap { region in regionNames.firstIndex(of: region).map { (region, regionTotals[$0]) } }
    }

    /// What an office (by its place in the cost sharing) pays in a region of each per-person line.
    public func office(_ index: Int, region: String) -> [Money] {
        regionNames.firstIndex(of: region).map { regionOffices[$0][index] } ?? officeAmounts[index].map { _ in .zero }
    }

    /// Flags that occur, in a stable order, with how many participants carry each.
    public var flags: [(flag: Flag, count: Int)] {
        zip(Flag.allCases, flagTally).filter { $0.1 > 0 }.map { (flag: $0.0, count: $0.1) }
    }

    /// The event costs (per-event lines, contingency) on the totals so far.
    public var eventCosts: [EventCost] { event.hasDeclaredLines ? EventCost.all(for: event, totals: totals) : [] }

    /// Each office's totals (its part of each per-person line and of each event cost), in the cost sharing's order.
    public var offices: [OfficeBudget] {
        let costs = eventCosts
        return event.costSharing.offices.indices.map { index in
            OfficeBudget(share: event.costSharing.offices[index], lines: [], amounts: officeAmounts[index], eventCosts: costs.map { $0.offices[index] })
        }
    }

    /// Headroom under each ceiling: of the whole budget, event costs included.
    public var headroom: [Headroom] {
        Headroom.check(ceilings, total: totals.total + eventCosts.map(\.amount).sum(), offices: offices.map { ($0.office, $0.grandTotal) })
    }
}

/// How many ids a summary names before it says "and N more".
public let summaryExamples = 20
