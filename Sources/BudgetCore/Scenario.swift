/// A participant mix without names, and the assumptions to price it with: "six from Southern Asia, four from the Pacific".
public struct Scenario: Sendable {
    /// Who a head count is for.
    public enum Group: Hashable, Sendable {
        case country(Country)
        /// Anyone from a region: priced at the region's highest cap among rows that name a point of departure.
        case region(String)

        public var name: String {
            switch self {
            case .country(let c): return c.name
            case .region(let r): return r
            }
        }
    }

    /// A head count.
    public struct Entry: Hashable, Sendable {
        public let group: Group
        public let count: Int

        public init(group: Group, count: Int) {
            self.group = group
            self.count = count
        }
    }

    /// How fares are set for a mix.
    public enum FareModel: Hashable, Sendable {
        /// Fare = cap: the worst case (the default).
        case cap
        /// Fare = cap × fraction (in hundredths of a percent), rounded half up to the cent.
        case fraction(basisPoints: Int)
        /// Quoted fares by country or region name; a group without a quote is priced at the cap.
        case quoted([String: Money])
    }

    /// Local-expense planning rates that replace each event's for this scenario.
    public struct Overrides: Hashable, Sendable {
        public var nights: Int?
        public var roomPerNight: Int64?
        public var mealsPerDay: Int64?
        public var transportPerDay: Int64?
        public var exchangeRate: ExchangeRate?

        public init(nights: Int? = nil, roomPerNight: Int64? = nil, mealsPerDay: Int64? = nil, transportPerDay: Int64? = nil,
                    exchangeRate: ExchangeRate? = nil) {
            self.nights = nights
            self.roomPerNight = roomPerNight
            self.mealsPerDay = mealsPerDay
            self.transportPerDay = transportPerDay
            self.exchangeRate = exchangeRate
        }

        public var isEmpty: Bool { self == Overrides() }
    }

    public let title: String
    public let entries: [Entry]
    public let fare: FareModel
    public let overrides: Overrides
    /// The events to price it under; nil: every event.
    public let eventIDs: [String]?

    public init(title: String, entries: [Entry], fare: FareModel = .cap, overrides: Overrides = Overrides(), eventIDs: [String]? = nil) {
        self.title = title
        self.entries = entries
        self.fare = fare
        self.overrides = overrides
        self.eventIDs = eventIDs
    }

    public var headCount: Int { entries.map(\.count).reduce(0, +) }

    /// The event with this scenario's rate and nights overrides.
    public func adjust(_ event: Event) -> Event {
        guard !overrides.isEmpty else { return event }
        let policy = event.localExpenses
        let rates = policy.rates
        let o = overrides
        var changes: [String] = []
        if let n = o.nights { changes.append(counted(n, "covered night")) }
        if let r = o.roomPerNight { changes.append("room \(rates.currency) \(r) per night") }
        if let m = o.mealsPerDay { changes.append("meals \(rates.currency) \(m) per day") }
        if let t = o.transportPerDay { changes.append("transport \(rates.currency) \(t) per day") }
        if let x = o.exchangeRate { changes.append("exchange rate \(rates.currency) \(x.description) = US$1") }
        // N covered nights from the first workshop day: nights after the last day = N - (days - 1).
        let after = o.nights.map { $0 - (event.workshopDays.count - 1) } ?? policy.nightsAfterEnd
        let adjusted = LocalExpensePolicy(
            covers: policy.covers, participantsPay: policy.participantsPay, coveredBy: policy.coveredBy, source: policy.source,
            nightsBeforeStart: o.nights == nil ? policy.nightsBeforeStart : 0, nightsAfterEnd: after,
            selfFundedLocalExpensesCovered: policy.selfFundedLocalExpensesCovered,
            rates: LocalRates(currency: rates.currency, roomPerNight: o.roomPerNight ?? rates.roomPerNight,
                              mealsPerDay: o.mealsPerDay ?? rates.mealsPerDay, transportPerDay: o.transportPerDay ?? rates.transportPerDay,
                              exchangeRate: o.exchangeRate ?? rates.exchangeRate),
            assumptions: policy.assumptions + ["Scenario overrides (planning assumptions): " + changes.joined(separator: "; ") + "."])
        return event.with(localExpenses: adjusted)
    }

    /// The mix as synthetic participants under an (adjusted) event: ids S01, S02, … in entry order.
    public func participants(under event: Event) -> [Participant] {
        var people: [Participant] = []
        for entry in entries {
            let country: Country
            let cap: Money?
            var override: Money?
            switch entry.group {
            case .country(let c):
                country = c
                cap = event.capRow(for: c)?.cap
            case .region(let region):
                country = Country(name: "\(region) (any point of departure)", region: region, iso2: "", iso3: "", aliases: [])
                cap = event.worstCaseCap(region: region)
                override = cap
            }
            let quote: Money?
            switch self.fare {
            case .cap: quote = nil   // no quote: the cap is the estimate, the worst case
            case .fraction(let basisPoints):
                quote = cap.map { Money(cents: ($0.cents * Int64(basisPoints) + 5_000) / 10_000) }
            case .quoted(let quotes):
                quote = quotes[entry.group.name] ?? quotes[country.region]
            }
            for _ in 0..<entry.count {
                let number = people.count + 1
                people.append(Participant(id: "S" + (number < 10 ? "0\(number)" : "\(number)"), name: "\(entry.group.name) #\(number)",
                                          country: country, fare: quote, capOverride: override))
            }
        }
        return people
    }
}
