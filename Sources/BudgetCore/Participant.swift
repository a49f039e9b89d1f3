/// Where a value came from in an input file, for messages that point back at it: a line and column of a text file
/// (`roster.csv:7:3`), or a cell of a workbook's sheet (`roster.xlsx:[Roster]!C7`).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line (a sheet's row); 0 when unknown.
    public let line: Int
    /// 1-based column (a sheet's column number); 0 when unknown.
    public let column: Int
    /// The workbook sheet the cell is on; nil for a text file.
    public let sheet: String?

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
        sheet = nil
    }

    /// A cell of a workbook's sheet: its row and column, from 1.
    public init(file: String, sheet: String, row: Int, column: Int) {
        self.file = file
        self.line = row
        self.column = column
        self.sheet = sheet
    }

    /// `FILE:LINE:COL` or `FILE:[SHEET]!C7` (`FILE:[SHEET] row 7` for a whole row), leaving out what is unknown.
    public var description: String {
        if let sheet {
            return line == 0 ? "\(file):[\(sheet)]" : column == 0 ? "\(file):[\(sheet)] row \(line)" : "\(file):[\(sheet)]!\(SourceLocation.columnLetters(column))\(line)"
        }
        return line == 0 ? file : column == 0 ? "\(file):\(line)" : "\(file):\(line):\(column)"
    }

    /// A sheet's column as letters: 1 is A, 26 is Z, 27 is AA.
    public static func columnLetters(_ column: Int) -> String {
        var n = column, letters = ""
        while n > 0 {
            let digit = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            n = (n - 1) / 26
        }
        return letters
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
    /// Quoted return economy fare in US$; nil when not quoted yet. A fare quoted in another currency is its conversion.
    public let fare: Money?
    /// The fare as quoted in another currency, with its rate; nil for a fare in US$ (or none).
    public let quotedFare: QuotedFare?
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
    /// Participant (the default), resource person or staff (roster column `role`).
    public let role: Role

    public init(id: String, name: String, organization: String = "", country: Country, fare: Money?,
                arrive: CivilDate? = nil, leave: CivilDate? = nil, capOverride: Money? = nil,
                funding: Funding = .assisted, application: Application = .unknown, paidBy: String? = nil,
                isPlanned: Bool = true, actual: ActualSpend = ActualSpend(), location: SourceLocation? = nil,
                quotedFare: QuotedFare? = nil, role: Role = .participant) {
        self.id = id
        self.name = name
        self.organization = organization
        self.country = country
        // A fare quoted in another currency is converted here, once per participant, before any cap is applied.
        self.fare = quotedFare?.usd ?? fare
        self.quotedFare = quotedFare
        self.arrive = arrive
        self.leave = leave
        self.capOverride = capOverride
        self.funding = funding
        self.application = application
        self.paidBy = paidBy
        self.isPlanned = isPlanned
        self.actual = actual
        self.location = location
        self.role = role
    }
}
