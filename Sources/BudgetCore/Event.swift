/// A workshop and its rules for travel assistance, as one announcement states them.
public struct Event: Sendable {
    /// Short id used on the command line: `jeju-2018`.
    public let id: String
    public let title: String
    /// The seed announcement this event is transcribed from.
    public let source: String
    /// First and last workshop days.
    public let start: CivilDate
    public let end: CivilDate
    public let venue: String
    /// What the announcement says about dates beyond `start`/`end` (e.g. a postponement).
    public let datesNote: String?
    /// The offices that pay, in the announcement's words.
    public let payingOffices: [String]
    /// The currency of caps and fares (always US$ in the announcements).
    public let currency: String
    /// The cap table, in the announcement's order.
    public let caps: [CapRow]
    /// The first cap row that names each point of departure, by name (looked up for every participant).
    private let capRowIndex: [String: Int]
    /// What happens to a point of departure that no row names.
    public let otherPointsOfDeparture: OtherPointsRule
    /// The announcement's words on a point of departure that no row names; nil when it has none.
    public let otherPointsSource: String?
    public let localExpenses: LocalExpensePolicy
    /// How the paying offices split the costs.
    public let costSharing: CostSharing
    /// Who can be funded at all; nil when the event file states no rules.
    public let eligibility: EligibilityRules?
    /// Budget ceilings given in the event file (none by default).
    public let ceilings: BudgetCeilings
    /// Drafted from the announcement by `travel-budget draft` and not yet checked by an officer: every report says so.
    public let isDraft: Bool
    /// The paper its workbook prints on, from the event file's `paper` (`a4` or `letter`); nil: A4 unless `--paper` says.
    public var paper: String?
    /// The source as a printed page cites it (`the announcement of 25 September 2023`), from the event file's `citation`;
    /// nil: the workbook prints none (`source` names the seed, which is for the preparer).
    public var citation: String?
    /// A short title for page headers (`short_title`); nil: the title where it is short, else the id and dates.
    public var shortTitle: String?
    /// The lines costed for each person, in report order: assisted airfare, local expenses, then the event file's
    /// per-person lines (`[[costs]]`).
    public let personLines: [CostLine]
    /// The lines counted once for the event (`[[costs]]` with `basis = "per-event"`), in the event file's order.
    public let eventLines: [CostLine]
    /// A percentage of chosen lines, added once for the event; nil when the event file states none.
    public let contingency: Contingency?
    /// How each role's airfare is paid, as the event file states it (``airfareRule(for:)`` gives the defaults for roles not listed).
    public let roleAirfare: [Role: RoleAirfare]
    /// The rates at which fares quoted in other currencies are converted (`[[fare_rates]]`), in the file's order.
    public var fareRates: [FareRate] = []

    /// An event; without a cost sharing, the first paying office pays everything.
    public init(id: String, title: String, source: String, start: CivilDate, end: CivilDate, venue: String,
                datesNote: String?, payingOffices: [String], currency: String, caps: [CapRow],
                otherPointsOfDeparture: OtherPointsRule, localExpenses: LocalExpensePolicy, costSharing: CostSharing? = nil,
                eligibility: EligibilityRules? = nil, ceilings: BudgetCeilings = BudgetCeilings(), otherPointsSource: String? = nil, isDraft: Bool = false,
                costLines: [CostLine] = [], contingency: Contingency? = nil, roleAirfare: [Role: RoleAirfare] = [:]) {
        self.id = id
        self.title = title
        self.source = source
        self.start = start
        self.end = end
        self.venue = venue
        self.datesNote = datesNote
        self.payingOffices = payingOffices
        self.currency = currency
        self.caps = caps
        var index: [String: Int] = [:]
        for (row, cap) in caps.enumerated() {
            for name in cap.pointsOfDeparture where index[name] == nil { index[name] = row }
        }
        capRowIndex = index
        self.otherPointsOfDeparture = otherPointsOfDeparture
        self.otherPointsSource = otherPointsSource
        self.localExpenses = localExpenses
        let sharing = costSharing ?? .sole(payingOffices.first ?? "the organisers")
        self.costSharing = sharing
        self.eligibility = eligibility
        self.ceilings = ceilings
        self.isDraft = isDraft
        let airfare = CostLine(key: "airfare", name: "Assisted airfare", rule: .airfare, coversSelfFunded: false,
                               shares: sharing.offices.map(\.airfareBasisPoints), source: "the cap table", assumption: nil)
        let local = CostLine(key: "local", name: "Local expenses", rule: .localExpenses,
                             coversSelfFunded: localExpenses.selfFundedLocalExpensesCovered,
                             shares: sharing.offices.map(\.localExpensesBasisPoints), source: localExpenses.source, assumption: nil)
        personLines = [airfare, local] + costLines.filter { !$0.isEventCost }
        eventLines = costLines.filter(\.isEventCost)
        self.contingency = contingency
        self.roleAirfare = roleAirfare
    }

    /// The lines the event file declares beyond assisted airfare and local expenses: per person, then per event.
    public var declaredLines: [CostLine] { Array(personLines.dropFirst(2)) + eventLines }

    /// Whether the event's budget has more than the two lines every event has (assisted airfare, local expenses): any
    /// declared line or a contingency. Reports add their columns and sections only then.
    public var hasDeclaredLines: Bool { personLines.count > 2 || !eventLines.isEmpty || contingency != nil }

    /// How a role's airfare is paid: the event file's rule, else capped for participants, in full for resource persons and staff.
    public func airfareRule(for role: Role) -> AirfareRule {
        if role == .participant { return .capped }
        return roleAirfare[role]?.rule ?? .full
    }

    /// The same event with other local-expense rules (a scenario's overrides).
    public func with(localExpenses: LocalExpensePolicy) -> Event {
        var event = Event(id: id, title: title, source: source, start: start, end: end, venue: venue, datesNote: datesNote,
                          payingOffices: payingOffices, currency: currency, caps: caps, otherPointsOfDeparture: otherPointsOfDeparture,
                          localExpenses: localExpenses, costSharing: costSharing, eligibility: eligibility, ceilings: ceilings,
                          otherPointsSource: otherPointsSource, isDraft: isDraft, costLines: declaredLines, contingency: contingency,
                          roleAirfare: roleAirfare)
        event.paper = paper
        event.fareRates = fareRates
        return event
    }

    /// The highest cap among a region's rows that name a point of departure: the worst case for "someone from REGION".
    public func worstCaseCap(region: String) -> Money? {
        caps.filter { $0.region.lowercased() == region.lowercased() && !$0.pointsOfDeparture.isEmpty }.map(\.cap).max()
    }

    /// The workshop days, first to last.
    public var workshopDays: [CivilDate] {
        (0...(end.dayNumber - start.dayNumber)).map { start.adding(days: $0) }
    }

    /// The nights a hotel is covered: from `nightsBeforeStart` before the first day to `nightsAfterEnd` after the last,
    /// each night named by its evening's date.
    public var coveredNights: [CivilDate] {
        let first = start.adding(days: -localExpenses.nightsBeforeStart)
        let last = end.adding(days: localExpenses.nightsAfterEnd - 1)
        guard first <= last else { return [] }
        return (0...(last.dayNumber - first.dayNumber)).map { first.adding(days: $0) }
    }

    /// Local expenses of a participant present for every covered night and workshop day, in US$ (converted once, half up).
    public var fullStayLocalExpenses: Money {
        let rates = localExpenses.rates
        return rates.exchangeRate.convertToUSD(rates.localUnits(nights: coveredNights.count, days: workshopDays.count))
    }

    /// The row that names a country (labelled or inferred), if any.
    public func capRow(for country: Country) -> CapRow? {
        capRowIndex[country.name].map { caps[$0] }
    }

    /// Whether the event funds nothing for a participant: no row names the point of departure, no cap was agreed
    /// (`cap_override_usd`) and the rule for other points of departure is `not-funded`.
    public func fundsNothing(for p: Participant) -> Bool {
        p.role == .participant && otherPointsOfDeparture == .notFunded && p.capOverride == nil && capRow(for: p.country) == nil
    }

    /// This event's rule for a point of departure that no row names, in its announcement's words when the event file
    /// quotes them, else as the event file's rule: `"Other points of departure – please contact …"`.
    public var otherPointsWords: String {
        if let quote = otherPointsSource { return "\"\(quote)\"" }
        switch otherPointsOfDeparture {
        case .contactOrganisers: return "the event file's rule for other points of departure: contact the organisers"
        case .notFunded: return "the event file's rule for other points of departure: not funded"
        }
    }

    /// Regions in report order: the cap table's in its order, then any others alphabetically, then the groups of resource
    /// persons and staff (``Role/heading``).
    public func reportOrder(of regions: some Sequence<String>) -> [String] {
        let present = Set(regions)
        let roles = Role.allCases.dropFirst().map(\.heading)
        return regionOrder.filter(present.contains) + present.subtracting(regionOrder + roles).sorted() + roles.filter(present.contains)
    }

    /// Regions in the order the cap table first names them.
    public var regionOrder: [String] {
        var seen: [String] = []
        for row in caps where !seen.contains(row.region) { seen.append(row.region) }
        return seen
    }
}

/// One row of an event's cap table: a region, its points of departure and the airfare assistance limit.
public struct CapRow: Hashable, Sendable {
    /// How the row's points of departure are known.
    public enum Label: Hashable, Sendable {
        /// The announcement names the points of departure.
        case labelled
        /// The announcement lost the label; the points of departure are inferred, for the stated reason.
        case inferred(reason: String)
        /// The announcement lost the label and nothing is inferred: the row names no point of departure.
        case unlabelled
    }

    public let region: String
    /// Canonical country names this row applies to (empty for an unlabelled row).
    public let pointsOfDeparture: [String]
    public let cap: Money
    public let label: Label
    /// The announcement's words for this row.
    public let source: String
    /// 1-based position of the row in its table file, for messages.
    public let line: Int

    public init(region: String, pointsOfDeparture: [String], cap: Money, label: Label, source: String, line: Int = 0) {
        self.region = region
        self.pointsOfDeparture = pointsOfDeparture
        self.cap = cap
        self.label = label
        self.source = source
        self.line = line
    }

    public var isInferred: Bool { if case .inferred = label { return true } else { return false } }
}

/// The rule for a point of departure that no cap row names.
public enum OtherPointsRule: String, Sendable, CaseIterable {
    /// No cap: the participant is flagged to contact the organisers, assisted airfare 0.00 until an override.
    case contactOrganisers = "contact-organisers"
    /// Not funded: no assisted airfare and no local expenses, and not eligible (unless a cap is agreed as an override).
    case notFunded = "not-funded"
}

/// Local expenses: what they cover, the covered nights and days, and the planning rates.
public struct LocalExpensePolicy: Sendable {
    /// What local expenses cover, in the announcement's words.
    public let covers: String
    /// What participants pay themselves, in the announcement's words.
    public let participantsPay: String
    /// Who covers local expenses, in the announcement's words.
    public let coveredBy: String
    /// The announcement's sentences on local expenses, quoted.
    public let source: String
    /// Nights covered before the first workshop day (planning assumption).
    public let nightsBeforeStart: Int
    /// Nights covered after the last workshop day (planning assumption).
    public let nightsAfterEnd: Int
    /// Whether a self-funded participant's local expenses are still covered.
    public let selfFundedLocalExpensesCovered: Bool
    public let rates: LocalRates
    /// Each planning assumption in words, for every report.
    public let assumptions: [String]

    public init(covers: String, participantsPay: String, coveredBy: String, source: String = "", nightsBeforeStart: Int,
                nightsAfterEnd: Int, selfFundedLocalExpensesCovered: Bool, rates: LocalRates, assumptions: [String]) {
        self.covers = covers
        self.participantsPay = participantsPay
        self.coveredBy = coveredBy
        self.source = source
        self.nightsBeforeStart = nightsBeforeStart
        self.nightsAfterEnd = nightsAfterEnd
        self.selfFundedLocalExpensesCovered = selfFundedLocalExpensesCovered
        self.rates = rates
        self.assumptions = assumptions
    }
}

/// Planning rates for local expenses, in whole units of a local currency, with the rate to US$.
public struct LocalRates: Sendable {
    /// ISO code of the rates' currency (`KRW`).
    public let currency: String
    public let roomPerNight: Int64
    public let mealsPerDay: Int64
    /// Venue–hotel transport per workshop day.
    public let transportPerDay: Int64
    public let exchangeRate: ExchangeRate

    /// Local expenses for a stay, in whole local units: nights × room + days × (meals + transport).
    public func localUnits(nights: Int, days: Int) -> Int64 {
        Int64(nights) * roomPerNight + Int64(days) * (mealsPerDay + transportPerDay)
    }

    public init(currency: String, roomPerNight: Int64, mealsPerDay: Int64, transportPerDay: Int64, exchangeRate: ExchangeRate) {
        self.currency = currency
        self.roomPerNight = roomPerNight
        self.mealsPerDay = mealsPerDay
        self.transportPerDay = transportPerDay
        self.exchangeRate = exchangeRate
    }
}
