import BudgetCore

/// Reading money and dates exactly from text.
enum MoneyText {
    /// Why a money text was refused, with a hint.
    struct Refusal: Error {
        let reason: String
        let hint: String
    }

    /// The largest amount accepted: far above any fare or cap, and far from overflowing any total.
    static let maximumDollars: Int64 = 1_000_000

    /// The most an amount of some kind can be, and what the amount is, for the message.
    struct Limit: Sendable {
        let dollars: Int64
        let what: String

        /// Fares, caps, tickets and a participant's local expenses.
        static let amount = Limit(dollars: MoneyText.maximumDollars, what: "no fare or cap")
        /// Budget ceilings: an event's total may be far above one fare.
        static let ceiling = Limit(dollars: 1_000_000_000, what: "no budget ceiling")
    }

    /// Parses `1120`, `1120.5`, `1,120.50`, `$1,120.50` exactly; refuses anything else.
    static func parse(_ raw: String, limit: Limit = .amount) -> Result<Money, Refusal> {
        var text = Substring(raw.trimmingWhitespace())
        let hint = "write US dollars like 1120, 1120.50, 1,120.50 or $1,120.50"
        if text.hasPrefix("-") || text.hasPrefix("(") {
            return .failure(Refusal(reason: "an amount cannot be negative", hint: hint))
        }
        if text.hasPrefix("$") { text = text.dropFirst() }
        guard !text.isEmpty else { return .failure(Refusal(reason: "no digits", hint: hint)) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            return .failure(Refusal(reason: "more than one decimal point", hint: hint + " (a dot is the decimal point)"))
        }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }),
              fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(Refusal(reason: "not an amount", hint: hint))
        }
        if parts.count == 2 && fraction.isEmpty {
            return .failure(Refusal(reason: "nothing after the decimal point", hint: hint))
        }
        guard fraction.count <= 2 else {
            return .failure(Refusal(reason: "more than two decimals (cents are the smallest unit)", hint: hint))
        }
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(Refusal(reason: "thousands separators in the wrong place",
                                        hint: hint + " (a comma separates thousands)"))
            }
        }
        let digits = whole.filter { $0 != "," }
        let cents = fraction.isEmpty ? 0 : Int64(fraction.count == 1 ? fraction + "0" : String(fraction)) ?? 0
        // Twelve digits at most, so the product below cannot overflow before the bound is checked.
        guard digits.count <= 12, let dollars = Int64(digits), dollars * 100 + cents <= limit.dollars * 100 else {
            return .failure(Refusal(reason: "more than US$ \(Money(dollars: limit.dollars).grouped), which \(limit.what) can be",
                                    hint: "check the amount; cents go after a dot (1120.50)"))
        }
        return .success(Money(cents: dollars * 100 + cents))
    }
}
