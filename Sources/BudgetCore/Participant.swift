/// Where a value came from in an input file, for messages that point back at it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line; 0 when unknown.
    public let line: Int
    /// 1-based column; 0 when unknown.
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, leaving out what is unknown; in a workbook's sheet (see `cells(of:sheet:)`), `roster.xlsx [Roster]!C7`.
    public var description: String {
        if file.hasSuffix("]!") {
            return line > 0 && column > 0 ? file + SourceLocation.columnName(column) + String(line) : String(file.dropLast()) + (line > 0 ? " row \(line)" : "")
        }
        return line == 0 ? file : column == 0 ? "\(file):\(line)" : "\(file):\(line):\(column)"
    }

    /// The `file` of locations in a workbook's sheet, whose line is the row and column the column (1 = A): they print as
    /// `roster.xlsx [Roster]!C7`.
    public static func cells(of file: String, sheet: String) -> String { "\(file) [\(sheet)]!" }

    /// `A`, …, `Z`, `AA`, … for a 1-based column.
    static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

/// Whether the centre assists a participant's airfare.
public enum Funding: String, Sendable, CaseIterable {
    /// Airfare assisted up to the cap (the default).
    case assisted
    /// Pays their own airfare.
    case selfFunded = "self-funded"
}

/// One person on a roster.
public struct Participant: Sendable {
    public let id: String
    public let name: String
    public let organization: String
    /// The point of departure.
    public let country: Country
    /// Quoted return economy fare; nil when not quoted yet.
    public let fare: Money?
    public let arrive: CivilDate?
    public let leave: CivilDate?
    /// A cap that replaces the event's row (e.g. agreed with the organisers for an unlisted point of departure).
    public let capOverride: Money?
    public let funding: Funding
    /// What the roster says about the application (deadline, documents, approval).
    public let application: Application
    /// The paying office that pays this participant's whole costs (roster column `paid_by`); nil: the event's shares.
    public let paidBy: String?
    /// Whether the participant is in the plan (false: added after the plan, roster column `planned = no`).
    public let isPlanned: Bool
    /// What was actually spent, as far as it is recorded.
    public let actual: ActualSpend
    /// The roster line the participant was read from.
    public let location: SourceLocation?

    public init(id: String, name: String, organization: String = "", country: Country, fare: Money?,
                arrive: CivilDate? = nil, leave: CivilDate? = nil, capOverride: Money? = nil,
                funding: Funding = .assisted, application: Application = .unknown, paidBy: String? = nil,
                isPlanned: Bool = true, actual: ActualSpend = ActualSpend(), location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.organization = organization
        self.country = country
        self.fare = fare
        self.arrive = arrive
        self.leave = leave
        self.capOverride = capOverride
        self.funding = funding
        self.application = application
        self.paidBy = paidBy
        self.isPlanned = isPlanned
        self.actual = actual
        self.location = location
    }
}
