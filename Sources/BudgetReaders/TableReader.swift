import BudgetCore
import TOML

/// Reads the human-editable tables: the country directory and the event files.
public enum TableReader {
    /// Whether an event id can name its event and report files: ASCII letters, digits, `-`, `_` and `.`, not starting
    /// with a dot.
    public static func canNameFiles(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix(".") && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// Reads `countries.toml`.
    public static func countries(text: String, file: String) throws(InputError) -> CountryDirectory {
        let document = try TOMLDocument(text: text, file: file)
        var problems: [Diagnostic] = []
        var rootFields = TableFields(document.root, path: "", document: document)
        rootFields.rejectUnknownKeys(["country"])
        problems += rootFields.problems
        guard let array = document.root["country"]?.array else {
            throw .badData(problems + [document.diagnostic("country", "no [[country]] entries", hint: "add [[country]] tables")])
        }
        var countries: [Country] = []
        for (i, item) in array.enumerated() {
            guard let table = item.table else {
                problems.append(document.diagnostic("country", "entry #\(i + 1) of `country` is not a table",
                                                    hint: "write each country as a [[country]] table"))
                continue
            }
            var f = TableFields(table, path: "country[\(i)]", document: document)
            f.rejectUnknownKeys(["name", "region", "iso2", "iso3", "aliases"])
            let name = f.string("name"), region = f.string("region"), iso2 = f.string("iso2"), iso3 = f.string("iso3")
            let aliases = f.strings("aliases")
            problems += f.problems
            if let name, let region, let iso2, let iso3, let aliases {
                countries.append(Country(name: name, region: region, iso2: iso2, iso3: iso3, aliases: aliases))
            }
        }
        if !problems.isEmpty { throw .badData(problems) }
        do {
            return try CountryDirectory(countries)
        } catch {
            let index = countries.firstIndex { $0.name == error.second } ?? 0
            throw .badData([document.diagnostic("country[\(index)].aliases",
                "\(error.spelling.quoted) names both \(error.first) and \(error.second)",
                hint: "an alias or code must name exactly one country; remove it from one of them", item: error.spelling)])
        }
    }

    /// Reads one event file, resolving its points of departure against the directory.
    public static func event(text: String, file: String, countries: CountryDirectory) throws(InputError) -> Event {
        let document = try TOMLDocument(text: text, file: file)
        var f = TableFields(document.root, path: "", document: document)
        f.rejectUnknownKeys(["id", "title", "short_title", "source", "citation", "start", "end", "dates_note", "venue", "paying_offices",
                             "currency", "other_points_of_departure", "other_points_source", "local_expenses", "caps", "cost_sharing", "eligibility",
                             "budget_usd", "draft", "paper", "fare_rates", "costs", "contingency", "roles"])
        let id = f.string("id"), title = f.string("title"), source = f.string("source")
        let shortTitle = f.string("short_title", required: false), citation = f.string("citation", required: false)
        let start = f.date("start"), end = f.date("end")
        let datesNote = f.string("dates_note", required: false)
        let venue = f.string("venue"), offices = f.strings("paying_offices"), currency = f.string("currency")
        let otherText = f.string("other_points_of_departure")
        let otherSource = f.string("other_points_source", required: false)
        let ceiling = f.money("budget_usd", required: false, limit: .ceiling)
        let draft = f.bool("draft", required: false) ?? false
        let paper = f.string("paper", required: false)
        var problems = f.problems
        if let paper, !["a4", "letter"].contains(paper) {
            problems.append(document.diagnostic("paper", "unknown paper \(paper.quoted) for the workbook",
                                                hint: "write paper = \"a4\" or paper = \"letter\" (or leave it out: A4)"))
        }
        if let id, !TableReader.canNameFiles(id) {
            problems.append(document.diagnostic("id", "the event id \(id.quoted) cannot name a report file",
                                                hint: "use letters, digits and hyphens, e.g. jeju-2023"))
        }
        if let start, let end, end < start {
            problems.append(document.diagnostic("end", "`end` \(end) is before `start` \(start)", hint: "swap the dates"))
        } else if let start, let end, end.dayNumber - start.dayNumber > 365 {
            problems.append(document.diagnostic("end", "the event lasts more than a year (\(start) to \(end))",
                                                hint: "check the year of `start` and `end`"))
        }
        if let offices, offices.isEmpty {
            problems.append(document.diagnostic("paying_offices", "`paying_offices` is empty", hint: "name at least one office"))
        }
        if let currency, currency != "USD" {
            problems.append(document.diagnostic("currency", "`currency` is \(currency.quoted); caps and fares are in US$",
                                                hint: "write currency = \"USD\""))
        }
        var other: OtherPointsRule?
        if let otherText {
            other = OtherPointsRule(rawValue: otherText)
            if other == nil {
                problems.append(document.diagnostic("other_points_of_departure", "unknown rule \(otherText.quoted)",
                                                    hint: "use " + OtherPointsRule.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")))
            }
        }
        let local = localExpenses(document, problems: &problems)
        let caps = capRows(document, countries: countries, problems: &problems)
        var officeCeilings: [String: Money] = [:]
        let sharing = offices.flatMap { costSharing(document, offices: $0, ceilings: &officeCeilings, problems: &problems) }
        let rules = EligibilityTable.read(document, countries: countries, problems: &problems)
        let fareRates = fareRates(document, problems: &problems)
        let lines = CostLineTable.lines(document, sharing: sharing, problems: &problems)
        var contingencyFailed = false
        let contingency = CostLineTable.contingency(document, lines: lines ?? [], sharing: sharing, failed: &contingencyFailed, problems: &problems)
        let roleAirfare = CostLineTable.roleAirfare(document, problems: &problems)
        guard problems.isEmpty, !contingencyFailed, let lines, let roleAirfare, let id, let title, let source, let start, let end, let venue, let offices,
              let currency, let other, let local, let caps, let sharing else {
            throw .badData(problems.isEmpty ? [document.diagnostic("", "incomplete event file", hint: "see Tables/events/jeju-2023.toml")] : problems)
        }
        var event = Event(id: id, title: title, source: source, start: start, end: end, venue: venue, datesNote: datesNote,
                          payingOffices: offices, currency: currency, caps: caps, otherPointsOfDeparture: other,
                          localExpenses: local, costSharing: sharing, eligibility: rules,
                          ceilings: BudgetCeilings(event: ceiling, offices: officeCeilings), otherPointsSource: otherSource, isDraft: draft,
                          costLines: lines, contingency: contingency, roleAirfare: roleAirfare)
        event.paper = paper
        event.shortTitle = shortTitle
        event.citation = citation
        event.fareRates = fareRates
        // No stay can cost more than a full one; bounding it keeps every total far from overflowing.
        let fullStay = event.fullStayLocalExpenses
        if fullStay > Money(dollars: MoneyText.maximumDollars) {
            throw .badData([document.diagnostic("local_expenses.planning",
                "a participant present throughout would cost US$ \(fullStay.grouped) in local expenses, more than US$ 1,000,000",
                hint: "check the rates and `usd_exchange_rate` (local currency units per US$1)")])
        }
        return event
    }

    private static func localExpenses(_ document: TOMLDocument, problems: inout [Diagnostic]) -> LocalExpensePolicy? {
        guard let table = document.root["local_expenses"]?.table else {
            problems.append(document.diagnostic("", "missing [local_expenses] table", hint: "see Tables/events/jeju-2023.toml"))
            return nil
        }
        var f = TableFields(table, path: "local_expenses", document: document)
        f.rejectUnknownKeys(["covers", "covered_by", "participants_pay", "source", "planning"])
        let covers = f.string("covers"), coveredBy = f.string("covered_by"), pay = f.string("participants_pay")
        let source = f.string("source")
        problems += f.problems
        guard let planning = table["planning"]?.table else {
            problems.append(document.diagnostic("local_expenses", "missing [local_expenses.planning] table",
                                                hint: "add the planning rates; see Tables/events/jeju-2023.toml"))
            return nil
        }
        var p = TableFields(planning, path: "local_expenses.planning", document: document)
        p.rejectUnknownKeys(["nights_before_start", "nights_after_end", "self_funded_covered", "currency",
                             "room_per_night", "meals_per_day", "transport_per_day", "usd_exchange_rate", "notes"])
        let before = p.integer("nights_before_start"), after = p.integer("nights_after_end")
        let selfFunded = p.bool("self_funded_covered"), currency = p.string("currency")
        let room = p.integer("room_per_night"), meals = p.integer("meals_per_day"), transport = p.integer("transport_per_day")
        let rate = p.decimal4("usd_exchange_rate")
        let notes = p.strings("notes", required: false) ?? []
        for (key, value, limit) in [("nights_before_start", before, 31), ("nights_after_end", after, 31),
                                    ("room_per_night", room, 100_000_000), ("meals_per_day", meals, 100_000_000),
                                    ("transport_per_day", transport, 100_000_000)] {
            if let value, value < 0 || value > limit {
                p.fail(key, "`\(key)` is \(value); it must be between 0 and \(limit)",
                       hint: key.hasPrefix("nights") ? "count the hotel nights covered around the workshop days" : "write the rate in whole units of `currency`")
            }
        }
        problems += p.problems
        guard let covers, let coveredBy, let pay, let source, let before, let after, let selfFunded, let currency,
              let room, let meals, let transport, let rate, p.problems.isEmpty else { return nil }
        return LocalExpensePolicy(
            covers: covers, participantsPay: pay, coveredBy: coveredBy, source: source, nightsBeforeStart: before,
            nightsAfterEnd: after, selfFundedLocalExpensesCovered: selfFunded,
            rates: LocalRates(currency: currency, roomPerNight: Int64(room), mealsPerDay: Int64(meals),
                              transportPerDay: Int64(transport), exchangeRate: ExchangeRate(unitsPerUSDTimes10000: rate)),
            assumptions: notes)
    }

    /// The `[cost_sharing]` table; optional when one office pays everything. Offices' `budget_usd` go into `ceilings`.
    private static func costSharing(_ document: TOMLDocument, offices: [String], ceilings: inout [String: Money],
                                    problems: inout [Diagnostic]) -> CostSharing? {
        guard let table = document.root["cost_sharing"]?.table else {
            if offices.count == 1 { return .sole(offices[0]) }
            problems.append(document.diagnostic("paying_offices",
                "\(offices.count) paying offices are named but no [cost_sharing] says how they split the costs",
                hint: "add [cost_sharing] with a `basis` and one [[cost_sharing.offices]] per office (see Tables/events/jeju-2023.toml)"))
            return nil
        }
        var f = TableFields(table, path: "cost_sharing", document: document)
        f.rejectUnknownKeys(["basis", "assumption", "offices"])
        let basis = f.string("basis"), assumption = f.bool("assumption")
        problems += f.problems
        guard let array = table["offices"]?.array, !array.isEmpty else {
            problems.append(document.diagnostic("cost_sharing", "no [[cost_sharing.offices]] entries",
                                                hint: "add one [[cost_sharing.offices]] per paying office"))
            return nil
        }
        var shares: [OfficeShare] = []
        var failed = !f.problems.isEmpty
        for (i, item) in array.enumerated() {
            guard let entry = item.table else { continue }
            var o = TableFields(entry, path: "cost_sharing.offices[\(i)]", document: document)
            o.rejectUnknownKeys(["office", "airfare_percent", "local_expenses_percent", "budget_usd"])
            let office = o.string("office")
            let airfare = o.percent("airfare_percent"), local = o.percent("local_expenses_percent")
            let ceiling = o.money("budget_usd", required: false, limit: .ceiling)
            if let office, !offices.contains(office) {
                let nearest = offices.min { editDistance(office, $0) < editDistance(office, $1) }
                o.fail("office", "`\(office)` is not one of the paying_offices (\(offices.joined(separator: "; ")))",
                       hint: nearest.map { "did you mean `\($0)`? Spell the office exactly as in paying_offices" }
                           ?? "spell the office exactly as in paying_offices")
            } else if let office, shares.contains(where: { $0.office == office }) {
                o.fail("office", "`\(office)` has two [[cost_sharing.offices]] entries", hint: "give each office one entry")
            }
            problems += o.problems
            guard o.problems.isEmpty, let office, let airfare, let local else { failed = true; continue }
            shares.append(OfficeShare(office: office, airfareBasisPoints: airfare, localExpensesBasisPoints: local))
            if let ceiling { ceilings[office] = ceiling }
        }
        guard !failed, let basis, let assumption else { return nil }
        var sharing: [Diagnostic] = []
        if let missing = offices.first(where: { office in !shares.contains { $0.office == office } }) {
            sharing.append(document.diagnostic("cost_sharing", "`\(missing)` pays but has no [[cost_sharing.offices]] entry",
                                               hint: "give every paying office an entry (0 if it pays none of a line)"))
        }
        for (line, total) in [("airfare_percent", shares.map(\.airfareBasisPoints).reduce(0, +)),
                              ("local_expenses_percent", shares.map(\.localExpensesBasisPoints).reduce(0, +))] where total != 10_000 {
            sharing.append(document.diagnostic("cost_sharing", "the offices' `\(line)` add up to \(total / 100)\(total % 100 == 0 ? "" : "." + String(format2: total % 100))%, not 100%",
                                               hint: "make the shares of each cost line add up to 100"))
        }
        problems += sharing
        return sharing.isEmpty ? CostSharing(offices: shares, basis: basis, isAssumption: assumption) : nil
    }

    /// The rates at which fares quoted in other currencies are converted (`[[fare_rates]]`, optional): each a currency's
    /// code, its units per US$1 (up to four decimals), the day it was taken and its source: a planning assumption.
    private static func fareRates(_ document: TOMLDocument, problems: inout [Diagnostic]) -> [FareRate] {
        guard let value = document.root["fare_rates"] else { return [] }
        guard let array = value.array else {
            problems.append(document.diagnostic("fare_rates", "`fare_rates` must be a list of [[fare_rates]] tables",
                                                hint: "write each rate as [[fare_rates]] with currency, units_per_usd, date and source"))
            return []
        }
        var rates: [FareRate] = []
        for (i, item) in array.enumerated() {
            let path = "fare_rates[\(i)]"
            guard let table = item.table else {
                problems.append(document.diagnostic("fare_rates", "rate #\(i + 1) of `fare_rates` is not a table",
                                                    hint: "write each rate as a [[fare_rates]] table"))
                continue
            }
            var f = TableFields(table, path: path, document: document)
            f.rejectUnknownKeys(["currency", "units_per_usd", "date", "source"])
            let code = f.string("currency"), scaled = f.decimal4("units_per_usd"), date = f.date("date"), source = f.string("source")
            var currency: String?
            if let code {
                currency = FareCurrency.code(code).flatMap { $0 == code.uppercased() && $0 != "USD" ? $0 : nil }
                if currency == nil {
                    f.fail("currency", code.uppercased() == "USD" ? "fares in US$ need no rate" : "\(code.quoted) is not a currency code travel-budget knows",
                           hint: "write the currency's ISO code, e.g. currency = \"THB\"")
                } else if rates.contains(where: { $0.currency == currency }) {
                    f.fail("currency", "\(currency!) has a rate already", hint: "keep one [[fare_rates]] for each currency")
                }
            }
            problems += f.problems
            guard f.problems.isEmpty, let currency, let scaled, let date, let source else { continue }
            rates.append(FareRate(currency: currency, rate: ExchangeRate(unitsPerUSDTimes10000: scaled), date: date, source: source, origin: .eventFile))
        }
        return rates
    }

    private static func capRows(_ document: TOMLDocument, countries: CountryDirectory, problems: inout [Diagnostic]) -> [CapRow]? {
        guard let array = document.root["caps"]?.array, !array.isEmpty else {
            problems.append(document.diagnostic("", "no [[caps]] rows", hint: "add one [[caps]] table per row of the cap table"))
            return nil
        }
        var rows: [CapRow] = []
        var claimed: [String: Int] = [:]
        var failed = false
        let regions = Set(countries.countries.map(\.region))
        for (i, item) in array.enumerated() {
            let path = "caps[\(i)]"
            guard let table = item.table else {
                problems.append(document.diagnostic("caps", "row #\(i + 1) of `caps` is not a table",
                                                    hint: "write each row as a [[caps]] table"))
                failed = true
                continue
            }
            var f = TableFields(table, path: path, document: document)
            f.rejectUnknownKeys(["region", "points_of_departure", "label", "inference", "cap_usd", "source"])
            let region = f.string("region"), points = f.strings("points_of_departure")
            let labelText = f.string("label"), inference = f.string("inference", required: false)
            let cap = f.money("cap_usd"), source = f.string("source")
            var label: CapRow.Label?
            switch (labelText, inference) {
            case ("printed", nil): label = .labelled
            case ("unlabelled", nil): label = .unlabelled
            case ("inferred", let reason?): label = .inferred(reason: reason)
            case ("inferred", nil):
                f.fail("label", "an inferred row needs an `inference` key giving the reason",
                       hint: "add `inference = \"…\"` saying why these points of departure belong to this row")
            case ("printed", _?), ("unlabelled", _?):
                f.fail("inference", "`inference` is only for rows with label = \"inferred\"",
                       hint: "remove `inference`, or write label = \"inferred\"", at: .key)
            case (let other?, _): f.fail("label", "unknown label \(other.quoted)", hint: "use \"printed\", \"inferred\" or \"unlabelled\"")
            default: break
            }
            if let cap, cap <= .zero { f.fail("cap_usd", "a cap must be more than zero", hint: "a point of departure with no assistance has no row") }
            if let region, !regions.contains(region) {
                let limit = max(2, region.count / 3)
                let near = regions.compactMap { r in editDistance(region, r, atMost: limit).map { (r, $0) } }
                    .min { ($0.1, $0.0) < ($1.1, $1.0) }
                f.fail("region", region.isEmpty ? "the `region` is empty" : "no country of the country table is in region \(region.quoted)",
                       hint: near.map { "did you mean `\($0.0)`?" }
                           ?? "use a region of Tables/countries.toml: \(regions.sorted().joined(separator: ", "))")
            }
            var names: [String] = []
            if let points {
                if label == .unlabelled && !points.isEmpty {
                    f.fail("points_of_departure", "an unlabelled row names no point of departure",
                           hint: "use label = \"inferred\" with an `inference`, or leave the list empty")
                }
                if (label == .labelled || label?.isInferredCase == true) && points.isEmpty {
                    f.fail("points_of_departure", "this row names no point of departure", hint: "use label = \"unlabelled\"")
                }
                for point in points {
                    guard let country = countries.country(named: point) else {
                        let near = point.count <= 60 ? countries.suggestions(for: point) : []
                        f.fail("points_of_departure", "unknown point of departure \(point.quoted)",
                               hint: near.isEmpty ? "add it to Tables/countries.toml" : "did you mean \(near.map { "`\($0)`" }.joined(separator: ", "))?",
                               item: point)
                        continue
                    }
                    if let other = claimed[country.name] {
                        f.fail("points_of_departure", "\(country.name) is already on row #\(other + 1) of [[caps]]",
                               hint: "a point of departure belongs to one row only", item: point)
                    }
                    claimed[country.name] = i
                    names.append(country.name)
                }
            }
            problems += f.problems
            guard f.problems.isEmpty, let region, let cap, let source, let label else { failed = true; continue }
            rows.append(CapRow(region: region, pointsOfDeparture: names, cap: cap, label: label, source: source,
                               line: document.location(path).line))
        }
        return failed ? nil : rows
    }
}

extension CapRow.Label {
    fileprivate var isInferredCase: Bool { if case .inferred = self { return true } else { return false } }
}

extension String {
    /// Two digits: 5 → "05".
    fileprivate init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
