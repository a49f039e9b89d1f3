import BudgetCore

/// The roster's columns and the header names officers type for them: the one table of names
/// (documented in `Tables/rosters/README.md`, which a test keeps in step with it).
///
/// A header matches a column when its *key* equals the key of the column's name or of one of its other names. The key
/// ignores case, spaces, punctuation and the US-dollar unit (`Fare (USD)`, `Fare US$`, `fare_usd` and `FARE` are all
/// `fare`); any other currency stays in the key, so `Fare (KRW)` is never read as US dollars.
public enum RosterColumns {
    /// One column of the roster format.
    public struct Column: Sendable {
        /// The column's name in the roster format (what messages and `--columns` call it).
        public let name: String
        /// Whether every roster must have it.
        public let isRequired: Bool
        /// The other header names read as this column.
        public let otherNames: [String]
        /// What the column holds, for the README and hints.
        public let meaning: String
    }

    /// Every column travel-budget reads, in the order the README lists them.
    public static let all: [Column] = [
        Column(name: "id", isRequired: true, otherNames: ["Participant ID", "Participant ref", "Ref", "Ref no", "Reference"],
               meaning: "the participant's id, unique in the roster"),
        Column(name: "name", isRequired: true, otherNames: ["Full name", "Participant", "Participant name", "Name of participant"],
               meaning: "the participant's name (or a placeholder such as TBC-1)"),
        Column(name: "organization", isRequired: false, otherNames: ["Organisation", "Org", "Agency", "Institution", "Affiliation", "Ministry"],
               meaning: "the participant's organization"),
        Column(name: "country", isRequired: true,
               otherNames: ["Point of departure", "Country of departure", "Departure country", "Departure point", "Departing from",
                            "Travelling from", "Traveling from"],
               meaning: "the point of departure (the country the participant flies from, not the nationality)"),
        Column(name: "fare_usd", isRequired: true,
               otherNames: ["Fare", "Airfare", "Air fare", "Quoted fare", "Fare quote", "Return fare", "Estimated fare", "Economy fare"],
               meaning: "the quoted return fare in US$ (empty: not quoted yet, estimated at the cap)"),
        Column(name: "fare_currency", isRequired: false, otherNames: ["Currency", "Fare currency", "Currency of fare", "Quote currency"],
               meaning: "the currency the fare is quoted in when not US$ (`THB`, `PHP`…), converted at its stated rate"),
        Column(name: "arrive", isRequired: false,
               otherNames: ["Arrival", "Arrival date", "Date of arrival", "Arrive date", "Arrives", "Check-in", "Check-in date"],
               meaning: "the arrival date (empty: present for the whole workshop)"),
        Column(name: "leave", isRequired: false,
               otherNames: ["Departure date", "Date of departure", "Leave date", "Leaves", "Check-out", "Check-out date"],
               meaning: "the departure date (empty: present for the whole workshop)"),
        Column(name: "cap_override_usd", isRequired: false,
               otherNames: ["Cap override", "Override cap", "Agreed cap", "Special cap", "Cap agreed"],
               meaning: "a cap agreed for this participant in US$, replacing the cap table's"),
        Column(name: "funding", isRequired: false, otherNames: ["Funding type", "Funding status", "Funded"],
               meaning: "`assisted` (the default) or `self-funded`"),
        Column(name: "passport", isRequired: false, otherNames: ["Passport type", "Type of passport"],
               meaning: "`ordinary` or `official` (the kind of passport, for the deadline; not its number)"),
        Column(name: "applied_on", isRequired: false,
               otherNames: ["Applied", "Application date", "Date applied", "Date of application", "Applied date"],
               meaning: "the date the application was received"),
        Column(name: "documents", isRequired: false, otherNames: ["Documents received", "Docs", "Docs received"],
               meaning: "`all`, `none`, a count, or the event's short names separated by `;`"),
        Column(name: "status", isRequired: false, otherNames: ["Application status", "Approval", "Approval status"],
               meaning: "`applied`, `approved` or `declined`"),
        Column(name: "paid_by", isRequired: false, otherNames: ["Paying office", "Paid by office", "Payer", "Funded by"],
               meaning: "the paying office that pays the participant's whole line (empty: the event's shares)"),
        Column(name: "planned", isRequired: false, otherNames: ["In plan", "In the plan"],
               meaning: "`yes` (the default) or `no` (added after the plan)"),
        Column(name: "ticket_usd", isRequired: false, otherNames: ["Ticket", "Actual ticket", "Ticket cost", "Ticket price", "Actual fare"],
               meaning: "the ticket actually bought, in US$"),
        Column(name: "nights_actual", isRequired: false, otherNames: ["Actual nights", "Nights paid", "Hotel nights paid"],
               meaning: "the hotel nights actually paid"),
        Column(name: "local_actual_usd", isRequired: false,
               otherNames: ["Local actual", "Actual local expenses", "Local expenses paid", "Local expenses actual"],
               meaning: "the local expenses actually paid, in US$"),
        Column(name: "role", isRequired: false, otherNames: ["Category", "Participant category", "Participant type", "Capacity"],
               meaning: "`participant` (the default), `resource person` (also speaker, facilitator, trainer, expert) or `staff`"),
    ]

    /// Columns officers keep that travel-budget knows it does not use: listed in the report as not used, never an error.
    public static let knownUnused: [String] = [
        "No", "No.", "#", "S/N", "Serial", "Nationality", "Citizenship", "Gender", "Sex", "Title", "Position", "Job title",
        "Designation", "Email", "E-mail", "Phone", "Mobile", "Telephone", "Passport number", "Passport No", "Date of birth",
        "DOB", "Remarks", "Notes", "Comments", "Comment",
    ]

    /// What a column holds, in words (its name when unknown).
    public static func meaning(of name: String) -> String {
        all.first { $0.name == name }?.meaning ?? "`\(name)`"
    }

    /// The required columns, in order.
    public static let required: [String] = all.filter(\.isRequired).map(\.name)
    /// The columns that hold amounts in US$ (their cents are read by one decimal mark).
    static let amounts = ["fare_usd", "cap_override_usd", "ticket_usd", "local_actual_usd"]
    /// The date columns: a column whose header could be one of them is read as it when every filled cell is a date.
    static let dates: Set<String> = ["arrive", "leave", "applied_on"]
    /// The columns whose cells tell which they are (a point of departure, or a date): a header that could name several of
    /// them is read by what its cells hold.
    static let readableByContent: Set<String> = dates.union(["country"])

    /// Every column's name, in order.
    public static var names: [String] { all.map(\.name) }

    /// A header's matching key: lowercased letters and digits only, without the US-dollar unit.
    public static func key(_ header: String) -> String {
        words(header).filter { !dollarWords.contains($0) }.joined()
    }

    /// The column a header names (by its name or another name), if any.
    public static func column(forHeader header: String) -> String? {
        byKey[key(header)]
    }

    /// Whether a header is one travel-budget knows it does not use.
    public static func isKnownUnused(_ header: String) -> Bool {
        let k = key(header)
        return k.isEmpty || unusedKeys.contains(k)
    }

    /// The column an unrecognised header probably means: a name a typo or two away, or a shared word; nil when none.
    public static func resemblance(_ header: String) -> String? { resemblances(header).first }

    /// The columns an unrecognised header may mean, most likely first: the nearest name a typo or two away, else every
    /// column sharing a significant word with it (`Departure` is `country` or `leave`); empty when none.
    public static func resemblances(_ header: String) -> [String] {
        let k = key(header)
        guard !k.isEmpty else { return [] }
        var best: (name: String, distance: Int, spelling: String)?
        for (spelling, name) in byKey {
            let limit = spelling.count >= 5 ? 2 : 1
            if let d = editDistance(k, spelling, atMost: limit), (d, spelling) < (best?.distance ?? Int.max, best?.spelling ?? "") {
                best = (name, d, spelling)
            }
        }
        if let best { return [best.name] }
        let significant = Set(words(header)).subtracting(commonWords).subtracting(dollarWords)
        return all.filter { column in
            !significant.isDisjoint(with: ([column.name] + column.otherNames).flatMap { words($0) }.filter { !commonWords.contains($0) })
        }.map(\.name)
    }

    /// The column whose name (or other name) is nearest to a text, two typos at most: for suggestions.
    public static func nearestName(_ text: String) -> String? {
        let k = key(text)
        return byKey.compactMap { spelling, name in editDistance(k, spelling, atMost: 2).map { ($0, spelling, name) } }
            .min { ($0.0, $0.1) < ($1.0, $1.1) }?.2 ?? resemblance(text)
    }

    /// A currency other than the US dollar named in a header (`KRW` for `Fare (KRW)`, `Fare (won)` or `Fare ₩`; `¥` or
    /// `RUPEE` where the header does not say which), if any.
    public static func otherCurrency(_ header: String) -> String? {
        if let code = FareCurrency.named(inHeader: header) { return code }
        if let symbol = header.first(where: { FareCurrency.ambiguous.contains(String($0)) && $0 != "$" }) { return String(symbol) }
        return words(header).first { FareCurrency.ambiguous.contains($0) && !dollarWords.contains($0) }?.uppercased()
    }

    /// The currency of a fare column named with one (`Fare (THB)`, `Airfare in baht`, `THB fare`): its code; nil for any
    /// other header.
    static func quotedFareCurrency(_ header: String) -> String? {
        guard let currency = FareCurrency.named(inHeader: header) else { return nil }
        let rest = words(header).filter { FareCurrency.code($0) == nil && !["in", "local", "currency"].contains($0) }
        return byKey[rest.joined()] == "fare_usd" ? currency : nil
    }

    /// Whether a header says its amounts are US dollars (`fare_usd`, `Fare (USD)`, `Fare US$`, `Fare ($)`).
    static func namesDollars(_ header: String) -> Bool {
        words(header).contains { dollarWords.contains($0) && $0 != "us" }
    }

    /// The header's lowercase words: runs of letters and digits (`US$` is the word `usd`).
    static func words(_ header: String) -> [String] {
        let text = header.lowercased().replacingOccurrences(of: "us$", with: " usd ").replacingOccurrences(of: "$", with: " usd ")
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    private static let dollarWords: Set<String> = ["usd", "us", "dollar", "dollars"]
    /// Words too common to tie a header to a column on their own.
    private static let commonWords: Set<String> = ["of", "the", "by", "on", "in", "for", "a", "to", "from", "and", "date",
                                                   "no", "number", "type", "total", "amount", "per", "cost", "price", "paid", "actual", "hotel"]

    private static let byKey: [String: String] = {
        var keys: [String: String] = [:]
        for column in all {
            for spelling in [column.name] + column.otherNames { keys[key(spelling)] = column.name }
        }
        return keys
    }()

    private static let unusedKeys = Set(knownUnused.map(key))
}

/// Headers mapped by hand (`--columns NAME=HEADER`): a column read from a header the names table does not know, or a
/// header set aside (`ignore=HEADER`).
public struct ColumnMapping: Sendable, Equatable {
    /// Column name to the header text that holds it.
    public private(set) var headers: [String: String] = [:]
    /// Headers not to read (listed as not used).
    public private(set) var ignored: [String] = []
    /// The sheet of a workbook roster to read (`--sheet NAME`); nil chooses one named like a roster, else the first.
    public var sheet: String?
    /// Amounts are written with a decimal comma (`--decimal-comma`): `1.050,50`.
    public var decimalComma = false
    /// Which of day and month comes first in dates such as `12/11/2023` (`--date-order`); nil reads only unambiguous ones.
    public var dateOrder: DateOrder?
    /// Rates for fares quoted in other currencies, given on the command line (`--rate THB=35.20`): they come before the
    /// event file's `[[fare_rates]]`.
    public var rates: [FareRate] = []
    /// The event's declared per-person lines whose actuals a roster may give: each line's key and name
    /// (``RosterReader`` fills it in from the event). Their columns are ``lineActualColumn(_:)``.
    var lineActuals: [LineActual] = []

    /// A declared line whose actual amount a roster may give in a column of its own.
    struct LineActual: Sendable, Equatable {
        let key: String
        let name: String
    }

    /// The roster column of a declared line's actual amount: `visa-fee_actual_usd`.
    static func lineActualColumn(_ key: String) -> String { "\(key)_actual_usd" }

    /// The declared line's actual column a header names: `visa-fee_actual_usd`, `Visa fee actual`, `Actual visa fee (USD)`.
    func lineActualColumn(forHeader header: String) -> String? {
        let key = RosterColumns.key(header)
        guard !key.isEmpty else { return nil }
        for line in lineActuals {
            let spellings = [line.key + " actual", line.name + " actual", "actual " + line.name, "actual " + line.key]
            if spellings.contains(where: { RosterColumns.key($0) == key }) { return ColumnMapping.lineActualColumn(line.key) }
        }
        return nil
    }

    public init() {}

    /// Reads `NAME=HEADER` specifications; the error says which one is wrong and how to write it.
    public init(_ specifications: [String]) throws(ColumnMappingError) {
        for spec in specifications {
            guard let equals = spec.firstIndex(of: "=") else {
                throw ColumnMappingError("`--columns \(spec)` has no `=`: write NAME=HEADER, e.g. --columns \"fare_usd=Fare paid\"")
            }
            let name = String(spec[..<equals]).trimmingWhitespace(), header = String(spec[spec.index(after: equals)...]).trimmingWhitespace()
            guard !header.isEmpty else { throw ColumnMappingError("`--columns \(spec)` names no header after `=`") }
            if RosterColumns.key(name) == "ignore" {
                ignored.append(header)
                continue
            }
            guard let column = RosterColumns.column(forHeader: name) else {
                let near = RosterColumns.nearestName(name).map { "did you mean `\($0)`? " } ?? ""
                throw ColumnMappingError("`--columns \(spec)`: \(name.quoted) is not a roster column; \(near)the columns are: "
                                         + RosterColumns.names.joined(separator: ", ") + " (or `ignore`)")
            }
            if let other = headers[column], RosterColumns.key(other) != RosterColumns.key(header) {
                throw ColumnMappingError("`--columns` maps `\(column)` twice (to \(other.quoted) and \(header.quoted)): keep one")
            }
            if let (other, _) = headers.first(where: { RosterColumns.key($0.value) == RosterColumns.key(header) && $0.key != column }) {
                throw ColumnMappingError("`--columns` maps \(header.quoted) to both `\(other)` and `\(column)`: keep one")
            }
            headers[column] = header
        }
    }

    /// The column a header is mapped to by hand, if any.
    func column(forHeader header: String) -> String? {
        let key = RosterColumns.key(header)
        return headers.first { RosterColumns.key($0.value) == key }?.key
    }

    /// Whether a header is set aside by hand.
    func ignores(_ header: String) -> Bool {
        let key = RosterColumns.key(header)
        return ignored.contains { RosterColumns.key($0) == key }
    }
}

/// A `--columns` specification that cannot be used.
public struct ColumnMappingError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
