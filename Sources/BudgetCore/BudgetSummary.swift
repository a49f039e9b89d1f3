/// What a budget's summary shows, whether the budget holds its lines (``Budget``) or only running totals (``BudgetTally``).
public protocol BudgetSummary: Sendable {
    var event: Event { get }
    /// The roster's name as given (file name), for headings.
    var rosterName: String { get }
    /// The roster's headers that no rule reads.
    var unusedColumns: [String] { get }
    var who: Who { get }
    var totals: CostTotals { get }
    /// Region subtotals in report order.
    var regionSubtotals: [(region: String, subtotal: CostTotals)] { get }
    /// What each paying office pays, in the cost sharing's order.
    var officeTotals: [(share: OfficeShare, assistedAirfare: Money, localExpenses: Money)] { get }
    /// Flags that occur, with how many participants carry each.
    var flagCounts: [(flag: Flag, count: Int)] { get }
    /// Participants with at least one flag.
    var flaggedParticipants: Int { get }
    var awaitingCapCount: Int { get }
    var awaitingCapFares: Money { get }
    /// Participants awaiting a cap with no fare quoted: an unknown amount each.
    var awaitingCapWithoutFare: Int { get }
    /// The first few participants awaiting a cap.
    var awaitingCapIDs: [String] { get }
    var leftOutCount: Int { get }
    /// The first few participants left out, with their verdicts.
    var leftOutExamples: [(participant: Participant, verdict: Verdict)] { get }
    var eligibilityNotKnown: Int { get }
    /// The first few priced participants whose eligibility is not known.
    var notKnownIDs: [String] { get }
    var headroom: [Headroom] { get }
    /// Rows the roster sheet sets aside for participants: their number, or more when a stream had to fix it in advance.
    var rosterRows: Int { get }
    /// Roster rows marked `planned = no`, never in the budget.
    var notPlannedCount: Int { get }
    /// The participant lines, in roster order, when the budget keeps them (nil: only running totals were kept).
    var keptLines: [ParticipantCosting]? { get }
}

/// How many ids a summary names before it says "and N more".
public let summaryExamples = 20

extension Budget: BudgetSummary {
    public var regionSubtotals: [(region: String, subtotal: CostTotals)] { regions.map { ($0.region, $0.subtotal) } }
    public var officeTotals: [(share: OfficeShare, assistedAirfare: Money, localExpenses: Money)] {
        offices.map { ($0.share, $0.assistedAirfare, $0.localExpenses) }
    }
    public var flaggedParticipants: Int { lines.filter { !$0.flags.isEmpty }.count }
    public var rosterRows: Int { lines.count }
    public var awaitingCapCount: Int { awaitingCap.count }
    public var notPlannedCount: Int { notPlanned.count }
    public var keptLines: [ParticipantCosting]? { lines }
    public var awaitingCapIDs: [String] { Array(awaitingCap.prefix(summaryExamples).map(\.participant.id)) }
    public var leftOutCount: Int { leftOut.count }
    public var leftOutExamples: [(participant: Participant, verdict: Verdict)] { Array(leftOut.prefix(summaryExamples)) }
    public var notKnownIDs: [String] {
        Array(zip(lines, verdicts).filter { $0.1.eligible == nil }.prefix(summaryExamples).map(\.0.participant.id))
    }
}

extension BudgetTally: BudgetSummary {
    public var regionSubtotals: [(region: String, subtotal: CostTotals)] { regions.map { ($0.region, $0.subtotal) } }
    public var officeTotals: [(share: OfficeShare, assistedAirfare: Money, localExpenses: Money)] { offices }
    public var flagCounts: [(flag: Flag, count: Int)] { flags }
    public var awaitingCapCount: Int { awaitingCap }
    public var leftOutCount: Int { leftOut }
    public var notPlannedCount: Int { notPlanned }
    public var keptLines: [ParticipantCosting]? { nil }
}
