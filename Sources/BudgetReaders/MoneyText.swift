import BudgetCore

/// Why a field's text was refused, and how to write it.
struct Refusal: Error {
    let reason: String
    let hint: String
    /// What refusals whose words name their own value have in common (`ambiguous-date`): the same cause and fix, told
    /// once for every row (nil: the reason and hint say it).
    var cause: String? = nil
    /// The text holds no digit at all (`N/A`, `TBC`): a field left empty says "not known" (a roster says so in its words).
    var hasNoDigits = false
}

/// Reading US dollar amounts exactly from text, and saying why a text is not one.
enum MoneyText {
    /// The largest amount accepted: far above any fare or cap, and far from overflowing any total.
    static let maximumDollars: Int64 = 1_000_000

    /// The most an amount of some kind can be, and what the amount is, for the message.
    struct Limit: Sendable {
        let dollars: Int64
        let what: String
        /// The unit the limit is in (a fare quoted in another currency has its own).
        var unit = "US$"

        /// Fares, caps, tickets and a participant's local expenses.
        static let amount = Limit(dollars: MoneyText.maximumDollars, what: "no fare or cap")
        /// Budget ceilings: an event's total may be far above one fare.
        static let ceiling = Limit(dollars: 1_000_000_000, what: "no budget ceiling")
    }

    static let hint = "write US dollars like 1120, 1120.50, 1,120.50 or $1,120.50"

    /// Which mark separates the cents in a roster's amounts.
    enum DecimalMark: Sendable, Equatable {
        /// A dot (`1,050.50`): the roster shows it (an amount with a dot before its cents), or says nothing otherwise.
        case dot
        /// A comma (`1.050,50`): `--decimal-comma`, or a `;` file whose amounts have commas before their cents.
        case comma
        /// Nothing in the roster tells: `1,050` and `1.050` are ambiguous (every other amount is read with a dot).
        case unknown
    }

    /// The mark a roster's amounts use, from the amounts themselves: a dot before cents (`610.40`), or commas between
    /// thousands written twice (`1,300,000`), says dot; a comma before cents (`380,00`), or dots written twice
    /// (`1.300.000`), says comma where columns are separated by `;` or tabs, as European Excel writes them.
    static func mark(of amounts: [String], delimiter: Character, forced: Bool) -> DecimalMark {
        if forced { return .comma }
        var dot = false, comma = false
        for raw in amounts {
            let text = raw.trimmingWhitespace()
            // The digits and marks alone, without a currency before or after them (`KRW 1,300,000`, `1.300.000 ₩`).
            let core = Substring(String(text.drop(while: { !$0.isNumber }).reversed().drop(while: { !$0.isNumber }).reversed()))
            if thousandsOnly(core) != nil {
                if core.contains(",") { dot = true } else { comma = true }
                continue
            }
            guard let last = text.lastIndex(where: { $0 == "." || $0 == "," }) else { continue }
            let after = text[text.index(after: last)...]
            guard (1...2).contains(after.count), after.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            if text[last] == "." { dot = true } else { comma = true }
        }
        if dot { return .dot }
        if comma && delimiter != "," { return .comma }
        return comma ? .dot : .unknown
    }

    /// Parses `1120`, `1120.5`, `1,120.50`, `$1,120.50` exactly (with a decimal comma: `1.120,50`); refuses anything else.
    static func parse(_ raw: String, limit: Limit = .amount, mark: DecimalMark = .dot) -> Result<Money, Refusal> {
        if let plain = plainAmount(raw), plain <= limit.dollars * 100, mark != .comma || !raw.contains(".") { return .success(Money(cents: plain)) }
        var text = Substring(raw.trimmingWhitespace())
        if mark == .unknown {
            if let grouped = thousandsOnly(text) { text = Substring(grouped) }
            else if let ambiguous = ambiguousThousands(text) { return .failure(ambiguous) }
        }
        if mark == .comma {
            switch commaDecimals(text) {
            case .success(let swapped): text = Substring(swapped)
            case .failure(let refusal): return .failure(refusal)
            }
        }
        if let refusal = recognisedMistake(text) { return .failure(refusal) }
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
            return .failure(Refusal(
                reason: "more than two decimals (cents are the smallest unit)",
                hint: hint + "; if the dot separates thousands, write \(whole),\(fraction) or \(whole)\(fraction)", cause: "more-than-two-decimals"))
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
            return .failure(Refusal(reason: "more than \(limit.unit) \(Money(dollars: limit.dollars).grouped), which \(limit.what) can be",
                                    hint: "check the amount; cents go after a dot (1120.50)"))
        }
        return .success(Money(cents: dollars * 100 + cents))
    }

    /// Digits grouped by threes with one kind of mark between them (`1,050`, `1.300.000`, `$2,500`), the way a thousands
    /// separator groups them: the sign, the mark and the groups; nil for anything else.
    private static func thousandsGroups(_ text: Substring) -> (sign: String, mark: Character, groups: [Substring])? {
        let sign = text.hasPrefix("$") ? "$" : ""
        let body = text.dropFirst(sign.count)
        let marks = body.filter { $0 == "," || $0 == "." }
        guard let mark = marks.first, Set(marks).count == 1 else { return nil }
        let groups = body.split(separator: mark, omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
              body.allSatisfy({ $0 == mark || ($0.isASCII && $0.isNumber) }) else { return nil }
        return (sign, mark, groups)
    }

    /// `1,300,000` or `1.300.000`, its digits alone (`1300000`): a mark written twice can only separate thousands, so the
    /// amount reads one way whatever the roster's decimal mark; nil for anything else.
    private static func thousandsOnly(_ text: Substring) -> String? {
        guard let grouped = thousandsGroups(text), grouped.groups.count > 2 else { return nil }
        return grouped.sign + grouped.groups.joined()
    }

    /// `1,050` or `1.050` where nothing in the roster says which mark is the decimal one.
    private static func ambiguousThousands(_ text: Substring) -> Refusal? {
        guard let (_, mark, groups) = thousandsGroups(text) else { return nil }
        let whole = groups.joined()
        let decimal = groups.count == 2 ? "\(groups[0]).\(groups[1])" : nil
        return Refusal(reason: "\(whole) with a thousands separator" + (decimal.map { ", or \($0) with a decimal \(mark == "," ? "comma" : "point")" } ?? "")
                           + "? No amount in the roster has cents to tell which",
                       hint: "write \(whole) (or \(whole).00); if the roster's amounts use decimal commas, give --decimal-comma",
                       cause: "ambiguous-thousands")
    }

    /// An amount written with a decimal comma, rewritten with a dot (`1.050,50` → `1050.50`); dots must separate thousands.
    private static func commaDecimals(_ text: Substring) -> Result<String, Refusal> {
        let hint = "with decimal commas (--decimal-comma, or a `;` roster with amounts like 380,00), write 1050,50 or 1.050,50"
        let sign = text.hasPrefix("$") ? "$" : ""
        let body = text.dropFirst(sign.count)
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .failure(Refusal(reason: "more than one decimal comma", hint: hint)) }
        let whole = parts[0]
        if whole.contains(".") {
            let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(Refusal(reason: "a dot in the wrong place for a thousands separator (the amounts use decimal commas)", hint: hint))
            }
        }
        return .success(sign + whole.filter { $0 != "." } + (parts.count == 2 ? "." + parts[1] : ""))
    }

    /// Cents of the commonest form, digits with up to two decimals (`1120`, `1120.5`, `1120.50`), read byte by byte;
    /// nil for anything else, which the full rules then read or refuse.
    private static func plainAmount(_ raw: String) -> Int64? {
        var whole: Int64 = 0, fraction: Int64 = 0, digits = 0, decimals = -1
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if decimals >= 0 {
                    guard decimals < 2 else { return nil }
                    fraction = fraction * 10 + Int64(byte - UInt8(ascii: "0"))
                    decimals += 1
                } else {
                    guard digits < 12 else { return nil }
                    whole = whole * 10 + Int64(byte - UInt8(ascii: "0"))
                    digits += 1
                }
            case UInt8(ascii: "."):
                guard decimals < 0, digits > 0 else { return nil }
                decimals = 0
            default:
                return nil
            }
        }
        guard digits > 0, decimals != 0 else { return nil }
        return whole * 100 + (decimals == 1 ? fraction * 10 : fraction)
    }

    /// The mistakes spreadsheets and other locales make, each with its own reason and fix.
    private static func recognisedMistake(_ text: Substring) -> Refusal? {
        if !text.contains(where: \.isNumber) {
            return Refusal(reason: "not an amount", hint: hint, hasNoDigits: true)
        }
        if text.hasPrefix("-") || text.hasPrefix("(") {
            return Refusal(reason: "an amount cannot be negative", hint: hint)
        }
        let upper = text.uppercased()
        for code in ["USD", "US$", "US"] where upper.hasPrefix(code) || upper.hasSuffix(code) {
            let rest = upper.hasPrefix(code) ? text.dropFirst(code.count) : text.dropLast(code.count)
            if case .success = parse(String(rest)) {
                return Refusal(reason: "a currency in the amount; the column is in US dollars already",
                               hint: "write \(rest.trimmingWhitespace())", cause: "currency-in-amount")
            }
        }
        let digitsAndMarks = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "$") }
        if !digitsAndMarks, text.allSatisfy({ $0.isASCII && ($0.isNumber || ".+-eE$".contains($0)) }),
           text.contains(where: { $0 == "e" || $0 == "E" }) {
            return Refusal(reason: "written in scientific notation (as Excel shows large numbers), which is not an exact amount",
                           hint: "format the column as a number with two decimals, then save again")
        }
        if digitsAndMarks, let comma = text.lastIndex(of: ","), !text[comma...].contains(".") {
            let after = text[text.index(after: comma)...]
            if (1...2).contains(after.count) {
                let european = text[..<comma].contains(".")
                return Refusal(
                    reason: european ? "dots between thousands and a comma before the cents (a European way of writing amounts)"
                                     : "a comma before the last \(after.count == 1 ? "digit" : "two digits"): cents, or a thousands separator in the wrong place?",
                    hint: "cents go after a dot and a comma separates thousands: 1,200.50 or 1200.50; if the roster's amounts use decimal commas, give --decimal-comma")
            }
        }
        return nil
    }
}

/// A US$ amount typed on the command line or in a form (a budget, a ceiling): `20000`, `20,000.50`, `$20,000` or
/// `US$20,000`, read by the roster's rule (``MoneyText``): the one reader of US dollars.
public enum USDText {
    /// Why a typed amount was refused, in words, with how to write it.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let reason: String
        public let hint: String
        public var description: String { "\(reason); \(hint)" }
    }

    /// The amount, up to `maximumDollars` (`what` says what cannot be more, for the message).
    public static func read(_ text: String, maximumDollars: Int64, what: String) throws(Refusal) -> Money {
        var typed = Substring(text.trimmingWhitespace())
        if typed.hasPrefix("US$") { typed = typed.dropFirst(2) }
        switch MoneyText.parse(String(typed), limit: MoneyText.Limit(dollars: maximumDollars, what: what)) {
        case .success(let amount): return amount
        case .failure(let refusal): throw Refusal(reason: refusal.reason, hint: refusal.hint)
        }
    }
}
