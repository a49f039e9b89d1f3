import BudgetCore
import TOML

/// Reads a scenario file (`Tables/scenarios/*.toml`): a mix of head counts and the assumptions to price it with.
public enum ScenarioReader {
    /// Reads scenario text; countries and regions are checked against the directory and the events' tables.
    public static func read(text: String, file: String, countries: CountryDirectory, events: [Event]) throws(InputError) -> Scenario {
        let document = try TOMLDocument(text: text, file: file)
        var f = TableFields(document.root, path: "", document: document)
        f.rejectUnknownKeys(["title", "notes", "events", "mix", "fare", "local_expenses"])
        let title = f.string("title")
        _ = f.strings("notes", required: false)
        let eventIDs = f.strings("events", required: false)
        if let eventIDs {
            for id in eventIDs where !events.contains(where: { $0.id == id }) {
                f.fail("events", "unknown event `\(id)`", hint: "events in the tables: \(events.map(\.id).joined(separator: ", "))")
            }
        }
        var problems = f.problems
        let regions = Set(countries.countries.map(\.region) + events.flatMap { $0.caps.map(\.region) })
        var entries: [Scenario.Entry] = []
        let mix = document.root["mix"]?.array ?? []
        if mix.isEmpty {
            problems.append(document.diagnostic("", "no [[mix]] entries",
                                                hint: "add one [[mix]] per head count: from = \"Southern Asia\" (a region or a country), count = 6"))
        }
        for (i, item) in mix.enumerated() {
            guard let table = item.table else { continue }
            var m = TableFields(table, path: "mix[\(i)]", document: document)
            m.rejectUnknownKeys(["from", "count"])
            let from = m.string("from"), count = m.integer("count")
            if let count, count < 1 || count > 10_000 { m.fail("count", "`count` is \(count); it must be between 1 and 10,000", hint: "write how many participants come from there, e.g. count = 6") }
            var group: Scenario.Group?
            if let from {
                if let country = countries.country(named: from) {
                    group = .country(country)
                } else if let region = RegionName.region(named: from, among: regions.sorted()) {
                    group = .region(region)
                } else {
                    let near = (countries.suggestions(for: from) + regions.sorted().filter { editDistance($0.lowercased(), from.lowercased()) <= 3 })
                    m.fail("from", "`\(from)` is neither a known country nor a region",
                           hint: near.isEmpty ? "regions: \(regions.sorted().joined(separator: ", "))" : "did you mean \(near.joined(separator: ", "))?")
                }
            }
            problems += m.problems
            if let group, let count, m.problems.isEmpty { entries.append(Scenario.Entry(group: group, count: count)) }
        }
        let fare = fareModel(document, countries: countries, regions: regions, problems: &problems)
        let overrides = localExpenses(document, problems: &problems)
        guard problems.isEmpty, let title, let fare, let overrides else {
            throw .badData(problems.isEmpty ? [document.diagnostic("", "incomplete scenario file", hint: "see Tables/scenarios/six-southern-asia-four-pacific.toml")] : problems)
        }
        return Scenario(title: title, entries: entries, fare: fare, overrides: overrides, eventIDs: eventIDs)
    }

    private static func fareModel(_ document: TOMLDocument, countries: CountryDirectory, regions: Set<String>,
                                  problems: inout [Diagnostic]) -> Scenario.FareModel? {
        guard let table = document.root["fare"]?.table else { return .cap }
        var f = TableFields(table, path: "fare", document: document)
        f.rejectUnknownKeys(["model", "fraction", "quoted"])
        let model = f.string("model")
        var result: Scenario.FareModel?
        switch model {
        case "cap"?: result = .cap
        case "fraction"?:
            if let scaled = f.decimal4("fraction") {
                if scaled > 50_000 { f.fail("fraction", "a fare of more than 5 times the cap is implausible", hint: "write the fare as a fraction of the cap, e.g. \"0.8\"") } else { result = .fraction(basisPoints: Int(scaled)) }
            }
        case "quoted"?:
            var quotes: [String: Money] = [:]
            if let quoted = table["quoted"]?.table {
                var q = TableFields(quoted, path: "fare.quoted", document: document)
                for key in quoted.keys.sorted() {
                    let name = countries.country(named: key)?.name ?? RegionName.region(named: key, among: regions.sorted())
                    guard let name else {
                        q.fail(key, "`\(key)` is neither a known country nor a region", hint: "write a country or a region of the mix")
                        continue
                    }
                    if let amount = q.money(key) { quotes[name] = amount }
                }
                problems += q.problems
            } else {
                f.fail("model", "model = \"quoted\" needs a [fare.quoted] table of fares by country or region",
                       hint: "add [fare.quoted] with lines such as India = 960")
            }
            result = .quoted(quotes)
        case let other?:
            f.fail("model", "unknown fare model `\(other)`", hint: "write \"cap\" (the worst case), \"fraction\" or \"quoted\"")
        case nil: break
        }
        problems += f.problems
        return f.problems.isEmpty ? result : nil
    }

    private static func localExpenses(_ document: TOMLDocument, problems: inout [Diagnostic]) -> Scenario.Overrides? {
        guard let table = document.root["local_expenses"]?.table else { return Scenario.Overrides() }
        var f = TableFields(table, path: "local_expenses", document: document)
        f.rejectUnknownKeys(["nights", "room_per_night", "meals_per_day", "transport_per_day", "usd_exchange_rate"])
        var o = Scenario.Overrides()
        o.nights = f.integer("nights", required: false)
        o.roomPerNight = f.integer("room_per_night", required: false).map(Int64.init)
        o.mealsPerDay = f.integer("meals_per_day", required: false).map(Int64.init)
        o.transportPerDay = f.integer("transport_per_day", required: false).map(Int64.init)
        if table["usd_exchange_rate"] != nil, let rate = f.decimal4("usd_exchange_rate") {
            o.exchangeRate = ExchangeRate(unitsPerUSDTimes10000: rate)
        }
        for (key, value, limit, hint) in [
            ("nights", o.nights.map(Int64.init), Int64(60), "write the covered hotel nights of a full stay, e.g. 4"),
            ("room_per_night", o.roomPerNight, 100_000_000, "write the rate in whole units of the event's local currency"),
            ("meals_per_day", o.mealsPerDay, 100_000_000, "write the rate in whole units of the event's local currency"),
            ("transport_per_day", o.transportPerDay, 100_000_000, "write the rate in whole units of the event's local currency"),
        ] {
            if let value, value < 0 || value > limit { f.fail(key, "`\(key)` is \(value); it must be between 0 and \(limit)", hint: hint) }
        }
        problems += f.problems
        return f.problems.isEmpty ? o : nil
    }
}

/// Reads `Tables/price-index.toml`: a consumer price index by year, with its source.
public enum PriceIndexReader {
    public static func read(text: String, file: String) throws(InputError) -> PriceIndex {
        let document = try TOMLDocument(text: text, file: file)
        var f = TableFields(document.root, path: "", document: document)
        f.rejectUnknownKeys(["series", "title", "source", "year"])
        let series = f.string("series"), title = f.string("title"), source = f.string("source")
        var problems = f.problems
        var values: [Int: Int64] = [:]
        for (i, item) in (document.root["year"]?.array ?? []).enumerated() {
            guard let table = item.table else { continue }
            var y = TableFields(table, path: "year[\(i)]", document: document)
            y.rejectUnknownKeys(["year", "value", "source"])
            let year = y.integer("year"), value = y.decimal4("value")
            _ = y.string("source", required: false)
            if let year, values[year] != nil { y.fail("year", "\(year) appears twice", hint: "give each year one value") }
            problems += y.problems
            // Index values keep three decimals (251.107): the fourth from decimal4 is dropped only if it is zero.
            if let year, let value, y.problems.isEmpty {
                if value % 10 != 0 { problems.append(document.diagnostic("year[\(i)].value", "an index value has at most three decimals", hint: "write it as the source prints it, e.g. \"251.107\"")) }
                values[year] = value / 10
            }
        }
        guard problems.isEmpty, let series, let title, let source else { throw .badData(problems) }
        return PriceIndex(series: series, title: title, source: source, values: values)
    }
}
