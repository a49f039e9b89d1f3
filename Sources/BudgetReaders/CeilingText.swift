import BudgetCore

/// A budget ceiling as the command line writes it: `AMOUNT` for the event's total, `OFFICE=AMOUNT` for a paying office.
public struct CeilingText: Hashable, Sendable {
    /// The office as written (its full name or first word), or nil for the event's total.
    public let office: String?
    public let amount: Money

    /// Why a ceiling was refused.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Parses `17000`, `$17,000.00` or `RSO=8,500`; the amount is read like a roster's, up to US$ 1,000,000,000.
    public init(parsing text: String) throws(Refusal) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let office = parts.count == 2 ? parts[0].trimmingWhitespace() : nil
        if office?.isEmpty == true {
            throw Refusal(description: "`\(text)`: no office before `=`; write OFFICE=AMOUNT, e.g. RSO=8500, or just the amount")
        }
        let amountText = String(parts[parts.count - 1])
        switch MoneyText.parse(amountText, limit: .ceiling) {
        case .success(let amount):
            self.office = office
            self.amount = amount
        case .failure(let refusal):
            throw Refusal(description: "`\(text)`: \(refusal.reason); \(refusal.hint), or OFFICE=AMOUNT for a paying office")
        }
    }

    /// The ceilings these texts set for an event, and the office names in them that are not among its paying offices.
    public static func ceilings(_ texts: [CeilingText], for event: Event) -> (ceilings: BudgetCeilings, unknownOffices: [String]) {
        var ceilings = BudgetCeilings()
        var unknown: [String] = []
        for text in texts {
            guard let name = text.office else {
                ceilings.event = text.amount
                continue
            }
            if let office = event.costSharing.office(named: name) {
                ceilings.offices[office] = text.amount
            } else {
                unknown.append(name)
            }
        }
        return (ceilings, unknown)
    }
}
