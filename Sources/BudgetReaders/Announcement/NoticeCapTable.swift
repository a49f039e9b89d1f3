import BudgetCore
import Foundation

/// Reads an announcement's cap table ("Point of departure / Airfare assistance limit"): regions, points of departure
/// and caps in the notice's order, whether each sits on its own line or in columns. A cap with no points of departure
/// before it is an unlabelled row of its region. Anything else inside the table stops the reading with the line.
enum NoticeCapTable {
    struct Found {
        var rows: [DraftCapRow] = []
        /// The "other points of departure" line, when the notice has one.
        var otherPoints: NoticeQuote?
        /// The line where the table's heading is, for messages.
        var headingLine: Int = 0
    }

    private enum Token {
        case region(String, printed: String)
        /// Names as printed; `known` when one of them is in the country table.
        case points([String], printed: String, known: Bool)
        case amount(Int64?, printed: String)
        case other
        case heading
        case sentence
    }

    private struct Placed {
        let token: Token
        let line: NoticeLine
        let printed: String
    }

    private static let explain = "this command reads a cap table as a region, its points of departure and a cap (US$ 400), "
        + "each on its own line or in columns (tabs or wide spaces); rewrite this part of the table that way, or transcribe it by hand"

    /// The cap table in the notice's lines: its rows in order, from its heading (or first region or row) to its end.
    static func read(_ lines: [NoticeLine], file: String, countries: CountryDirectory) throws(InputError) -> Found {
        let regions = Dictionary(countries.countries.map { (CountryDirectory.key($0.region), $0.region) }, uniquingKeysWith: { a, _ in a })
        guard let start = tableStart(lines, regions: regions, countries: countries) else {
            let heading = lines.first { CountryDirectory.key($0.text).contains("assistancewithtravel") }
            throw .badData([Diagnostic(SourceLocation(file: file, line: heading?.number ?? 0, column: heading == nil ? 0 : 1),
                "no cap table found: no line \"Point of departure\" and no region of the country table followed by a cap",
                excerpt: heading?.raw, hint: explain)])
        }
        var rows = CapRows(file: file, countries: countries, found: Found(headingLine: lines[start].number))
        try rows.read(tokens(lines[start...], regions: regions, countries: countries))
        if rows.found.rows.isEmpty {
            throw .badData([Diagnostic(SourceLocation(file: file, line: rows.found.headingLine, column: 1),
                                       "the cap table under this heading has no cap", excerpt: lines[start].raw, hint: explain)])
        }
        return rows.found
    }

    /// The table's cells as tokens, line by line from its start, up to the "other points of departure" line or a sentence.
    private static func tokens(_ lines: ArraySlice<NoticeLine>, regions: [String: String], countries: CountryDirectory) -> [Placed] {
        var tokens: [Placed] = []
        scan: for line in lines where !line.isBlank {
            for cell in line.cells {
                for (token, printed) in classify(cell, regions: regions, countries: countries) {
                    tokens.append(Placed(token: token, line: line, printed: printed))
                    if case .other = token { break scan }
                    if case .sentence = token { break scan }
                }
            }
        }
        return tokens
    }

    /// The table's rows read from its tokens in order: the region met last, and the points of departure waiting for
    /// their cap.
    private struct CapRows {
        let file: String
        let countries: CountryDirectory
        var found: Found
        var region: (name: String, quote: NoticeQuote, quoted: Bool)?
        var pending: (names: [String], quote: NoticeQuote, line: NoticeLine)?
        /// The region of the last row when the notice names none (taken from the country table), for a cap after it.
        var inferred: String?

        init(file: String, countries: CountryDirectory, found: Found) {
            self.file = file
            self.countries = countries
            self.found = found
        }

        /// The error that stops the reading at a token, with the table's heading line.
        func stop(_ at: Placed, _ what: String) -> InputError {
            let column = at.line.raw.range(of: at.printed).map { at.line.raw.distance(from: at.line.raw.startIndex, to: $0.lowerBound) + 1 } ?? 1
            return .badData([Diagnostic(SourceLocation(file: file, line: at.line.number, column: column),
                                        "the cap table (from line \(found.headingLine)) cannot be read past this line: \(what)",
                                        excerpt: at.line.raw, hint: explain)])
        }

        /// Points of departure left with no cap after them, in words.
        func unpaired(_ p: (names: [String], quote: NoticeQuote, line: NoticeLine)) -> String {
            "the points of departure \(p.quote.text.quoted) on line \(p.line.number) have no cap after them"
        }

        /// Reads the tokens as regions, points of departure and caps, to the end of the table.
        mutating func read(_ tokens: [Placed]) throws(InputError) {
            loop: for (i, placed) in tokens.enumerated() {
                switch placed.token {
                case .heading:
                    continue
                case .region(let name, let printed):
                    if let p = pending { throw stop(placed, unpaired(p)) }
                    region = (name, NoticeQuote(lines: [placed.line.number], pieces: [printed]), false)
                case .points(let names, let printed, let known):
                    if let p = pending {
                        // A list wrapped onto the next line ("Afghanistan, Bhutan," / "India and Nepal") continues.
                        let last = p.quote.pieces.last ?? ""
                        guard last.hasSuffix(",") || last.lowercased().hasSuffix(" and") else {
                            throw stop(placed, unpaired(p) + " before the next list, \(printed.quoted)")
                        }
                        pending = (p.names + names, NoticeQuote(lines: p.quote.lines + [placed.line.number],
                                                               pieces: [last + " " + printed]), p.line)
                        continue
                    }
                    let nextIsCap: Bool
                    if i + 1 < tokens.count, case .amount = tokens[i + 1].token { nextIsCap = true } else { nextIsCap = false }
                    if !known && !nextIsCap {
                        // Text after the table that happens to look like a name ("Contact", "Remarks") ends it.
                        if !found.rows.isEmpty { break loop }
                        throw stop(placed, "\(printed.quoted) is neither a region, a point of departure of the country table nor a cap")
                    }
                    if region == nil && !known {
                        throw stop(placed, "the points of departure \(printed.quoted) come before any region, and the country table knows none of them")
                    }
                    pending = (names, NoticeQuote(lines: [placed.line.number], pieces: [printed]), placed.line)
                case .amount(let cents, let printed):
                    try cap(cents, printed: printed, at: placed)
                case .other:
                    if let p = pending { throw stop(placed, unpaired(p)) }
                    found.otherPoints = NoticeQuote(lines: [placed.line.number], pieces: [placed.line.text])
                    break loop
                case .sentence:
                    if let p = pending { throw stop(placed, unpaired(p)) }
                    if found.rows.isEmpty {
                        throw stop(placed, "expected a region, points of departure or a cap, found \(placed.printed.quoted)")
                    }
                    break loop
                }
            }
            if let p = pending, let last = tokens.last { throw stop(last, unpaired(p)) }
        }

        /// A cap: a row of the current region, for the points of departure before it (none: an unlabelled row); with no
        /// region heading, of the region the country table gives them, or of the row above (an inference, said).
        mutating func cap(_ cents: Int64?, printed: String, at placed: Placed) throws(InputError) {
            guard let cents, cents > 0 else { throw stop(placed, "\(printed.quoted) is not a cap between US$ 0.01 and US$ 1,000,000") }
            let amountQuote = NoticeQuote(lines: [placed.line.number], pieces: [printed])
            guard let current = region else {
                // No region heading: the region is the country table's for the row's points of departure (an inference).
                if let p = pending, let (name, reason) = regionOf(p.names, countries: countries) {
                    inferred = name
                    found.rows.append(DraftCapRow(region: name, printed: p.names, cap: Money(cents: cents), label: .printed,
                                                  quote: p.quote + amountQuote, regionInferred: reason))
                } else if pending == nil, let name = inferred {
                    found.rows.append(DraftCapRow(region: name, printed: [], cap: Money(cents: cents), label: .unlabelled, quote: amountQuote,
                        regionInferred: "the notice names neither a region nor a point of departure for this cap: \(name) is the region "
                            + "of the row above it (itself from countries.toml)"))
                } else {
                    throw stop(placed, "the cap \(printed.quoted) comes before any region")
                }
                pending = nil
                return
            }
            var quote = current.quoted ? NoticeQuote(lines: [], pieces: []) : current.quote
            region?.quoted = true
            if let p = pending { quote = quote + p.quote }
            quote = quote + amountQuote
            let names = pending?.names ?? []
            found.rows.append(DraftCapRow(region: current.name, printed: names, cap: Money(cents: cents),
                                          label: pending == nil ? .unlabelled : .printed, quote: quote))
            pending = nil
        }
    }

    /// The region of a row's points of departure in the country table when the notice names none, with the reason in words:
    /// the region most of them are in (a tie goes to the first named); nil when the table knows none of them.
    static func regionOf(_ names: [String], countries: CountryDirectory) -> (String, String)? {
        let known = names.compactMap { name in countries.country(named: name).map { (name, $0.region) } }
        guard !known.isEmpty else { return nil }
        var count: [String: Int] = [:]
        for (_, region) in known { count[region, default: 0] += 1 }
        var best = known[0].1
        for (_, region) in known where count[region, default: 0] > count[best, default: 0] { best = region }
        let regions = known.reduce(into: [String]()) { if !$0.contains($1.1) { $0.append($1.1) } }
        let unknown = names.filter { name in !known.contains { $0.0 == name } }
        var reason = "the notice names no region for this row: countries.toml puts "
        reason += regions.map { region in list(known.filter { $0.1 == region }.map(\.0)) + " in " + region }.joined(separator: ", and ")
        if regions.count > 1 {
            let tie = count.values.filter { $0 == count[best] }.count > 1
            reason += "; a row has one region: \(best), " + (tie ? "the first named's (as many are in each)" : "where most of them are")
        }
        if !unknown.isEmpty { reason += "; \(list(unknown)) \(unknown.count == 1 ? "is" : "are") not in it" }
        return (best, reason)
    }

    /// "A", "A and B", "A, B and C".
    private static func list(_ names: [String]) -> String {
        names.count <= 2 ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// The index of the table's heading line ("Point of departure", "Country of departure"), or else of the first region
    /// line with a cap soon after, or else of the first row of points of departure and their cap with no region heading
    /// ("Bangladesh, India and Nepal: up to USD 650").
    private static func tableStart(_ lines: [NoticeLine], regions: [String: String], countries: CountryDirectory) -> Int? {
        if let heading = lines.firstIndex(where: { line in
            let key = CountryDirectory.key(line.text)
            return ["pointofdeparture", "pointsofdeparture", "countryofdeparture", "countriesofdeparture"].contains(where: key.contains)
                && !key.contains("otherpoint") && line.text.count < 120
        }) { return heading }
        if let regionLine = lines.indices.first(where: { i in
            guard let first = lines[i].cells.first, regions[CountryDirectory.key(first)] != nil else { return false }
            return lines[i...].prefix(8).contains { !NoticePattern.amounts(in: $0.text).isEmpty }
        }) { return regionLine }
        return lines.indices.first { i in
            let tokens = lines[i].cells.flatMap { classify($0, regions: regions, countries: countries) }.map(\.0)
            guard tokens.count == 2, case .points(_, _, known: true) = tokens[0], case .amount = tokens[1] else { return false }
            return true
        }
    }

    /// A cell as tokens: the text around each amount, then the amount.
    private static func classify(_ cell: String, regions: [String: String], countries: CountryDirectory) -> [(Token, String)] {
        var out: [(Token, String)] = []
        var rest = cell[...]
        for amount in NoticePattern.amounts(in: cell) {
            out += classifyText(String(rest[..<amount.range.lowerBound]), regions: regions, countries: countries)
            out.append((.amount(amount.cents, printed: amount.printed), amount.printed))
            rest = cell[amount.range.upperBound...]
        }
        out += classifyText(String(rest), regions: regions, countries: countries)
        return out
    }

    private static let separators = CharacterSet(charactersIn: ":–—-|=,;/").union(.whitespaces)

    /// The words before a cap that say it is a cap: "up to", "a maximum of", "max.".
    private static let capWords = NoticePattern.regex(
        "(?:^|\\s|[:–—-])(?:up\\s+to|a\\s+maximum\\s+of|maximum(?:\\s+of)?|max\\.?|not\\s+exceeding|capped\\s+at|at\\s+most|limited\\s+to)\\s*$")

    private static func classifyText(_ raw: String, regions: [String: String], countries: CountryDirectory) -> [(Token, String)] {
        var text = raw.trimmingCharacters(in: separators)
        if let words = NoticePattern.matches(capWords, in: text).first {
            text = String(text[..<words.range.lowerBound]).trimmingCharacters(in: separators)
        }
        let key = CountryDirectory.key(text)
        guard !key.isEmpty else { return [] }
        if key.contains("otherpoint") { return [(.other, text)] }
        if ["pointofdeparture", "pointsofdeparture", "countryofdeparture", "countriesofdeparture", "assistancelimit", "airfarelimit",
            "maximumairfare", "maximumamount"].contains(where: key.contains)
            || ["region", "regions", "cap", "caps", "amount", "limit", "airfare", "country", "countries"].contains(key) {
            return [(.heading, text)]
        }
        if let region = regions[key] { return [(.region(region, printed: text), text)] }
        // A region and its points of departure on one line: "Eastern Asia: Hong Kong".
        for (regionKey, region) in regions.sorted(by: { $0.key.count > $1.key.count }) where key.hasPrefix(regionKey) {
            let words = text.split(separator: " ")
            for n in 1..<max(words.count, 1)
            where CountryDirectory.key(words.prefix(n).joined()).trimmingCharacters(in: separators) == regionKey {
                let printed = words.prefix(n).joined(separator: " ").trimmingCharacters(in: separators)
                return [(.region(region, printed: printed), printed)]
                    + classifyText(words.dropFirst(n).joined(separator: " "), regions: regions, countries: countries)
            }
        }
        if countries.country(named: text) == nil, NoticePattern.groups(unknownRegion, in: text) != nil {
            return [(.region(text, printed: text), text)]
        }
        let names = splitNames(text, countries: countries)
        guard !names.isEmpty, names.allSatisfy({ countries.country(named: $0) != nil || looksLikeName($0) }) else { return [(.sentence, text)] }
        return [(.points(names, printed: text, known: names.contains { countries.country(named: $0) != nil }), text)]
    }

    /// A region the country table does not have yet, named as the UN names sub-regions ("Central Asia", "Western Africa").
    private static let unknownRegion = NoticePattern.regex(
        "^(?:(?:north|south|east|west|central|middle|northern|southern|eastern|western|south-eastern|south-western|north-eastern|north-western|sub-saharan)\\s+)+"
        + "(?:asia|africa|europe|americas?|pacific|oceania|caribbean)$|^(?:middle east|oceania|caribbean|latin america)$")

    /// Points of departure split on commas and "and": "China, Macao, and Chinese Taipei" → China, Macao, Chinese Taipei.
    /// A name that the country table knows whole ("Trinidad and Tobago"), or whose halves it knows neither of, stays whole.
    static func splitNames(_ text: String, countries: CountryDirectory) -> [String] {
        if countries.country(named: text) != nil { return [text] }
        var out: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            var item = part.trimmingCharacters(in: .whitespaces)
            for lead in ["and ", "& "] where item.lowercased().hasPrefix(lead) { item = String(item.dropFirst(lead.count)) }
            item = item.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { continue }
            if countries.country(named: item) != nil { out.append(item); continue }
            let halves = item.components(separatedBy: " and ").flatMap { $0.components(separatedBy: " & ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if halves.count > 1, halves.contains(where: { countries.country(named: $0) != nil }) {
                out += halves
            } else {
                out.append(item)
            }
        }
        return out
    }

    /// Whether a text could be a country's name: capitalised, a few words, no digits, not a sentence.
    private static func looksLikeName(_ s: String) -> Bool {
        guard let first = s.first, first.isUppercase, s.count <= 60, !s.contains(where: \.isNumber),
              !s.contains(":"), !s.hasSuffix("."), s.filter({ $0 == "(" }).count == s.filter({ $0 == ")" }).count else { return false }
        let words = s.split(separator: " ")
        return words.count <= 5 && !words.contains { ["please", "will", "is", "are", "be", "for", "from", "to", "with"].contains($0.lowercased()) }
    }
}
