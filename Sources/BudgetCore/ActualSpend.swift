/// What was actually spent on a participant, as recorded after the workshop; nil where nothing is recorded yet.
public struct ActualSpend: Hashable, Sendable {
    /// The return ticket actually bought (roster column `ticket_usd`).
    public let ticket: Money?
    /// Hotel nights actually paid (roster column `nights_actual`).
    public let nights: Int?
    /// Local expenses actually paid, in US$ (roster column `local_actual_usd`).
    public let localExpenses: Money?
    /// What was actually spent on the event file's other lines, by the line's key (roster columns `<key>_actual_usd`).
    public let lines: [String: Money]

    public init(ticket: Money? = nil, nights: Int? = nil, localExpenses: Money? = nil, lines: [String: Money] = [:]) {
        self.ticket = ticket
        self.nights = nights
        self.localExpenses = localExpenses
        self.lines = lines
    }

    /// Nothing recorded: the participant did not travel (or nothing is known yet).
    public var isEmpty: Bool { ticket == nil && nights == nil && localExpenses == nil && lines.isEmpty }
}
