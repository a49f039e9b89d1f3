/// A point of departure: a country or territory as the announcements name it.
public struct Country: Hashable, Sendable {
    /// The canonical name, as the seed announcements write it ("Vietnam", "Lao PDR").
    public let name: String
    /// The planning region used when no cap row places the country (the seeds' region names where they have one).
    public let region: String
    public let iso2: String
    public let iso3: String
    /// Other spellings that mean this country.
    public let aliases: [String]

    public init(name: String, region: String, iso2: String, iso3: String, aliases: [String]) {
        self.name = name
        self.region = region
        self.iso2 = iso2
        self.iso3 = iso3
        self.aliases = aliases
    }

    /// Every spelling that names this country: the name, the ISO codes and the aliases.
    public var spellings: [String] { [name, iso2, iso3] + aliases }
}

/// The one table of country names and aliases; matching ignores case, spaces and punctuation.
public struct CountryDirectory: Sendable {
    public let countries: [Country]
    private let byKey: [String: Int]

    /// Two spellings of different countries that normalise to the same key.
    public struct Clash: Error, Equatable, Sendable {
        public let spelling: String
        public let first: String
        public let second: String
    }

    /// Builds the directory; throws the first spelling that would name two countries.
    public init(_ countries: [Country]) throws(Clash) {
        var byKey: [String: Int] = [:]
        for (index, country) in countries.enumerated() {
            for spelling in country.spellings {
                let key = CountryDirectory.key(spelling)
                if let other = byKey[key], other != index {
                    throw Clash(spelling: spelling, first: countries[other].name, second: country.name)
                }
                byKey[key] = index
            }
        }
        self.countries = countries
        self.byKey = byKey
    }

    /// The matching key of a spelling: lowercased, without spaces (of any kind, zero-width ones too), dots, hyphens,
    /// apostrophes, commas or brackets.
    public static func key(_ text: String) -> String {
        let dropped: Set<Character> = [" ", "\t", ".", "-", "'", "\u{2019}", ",", "(", ")", "_"]
        return String(text.lowercased().filter { !dropped.contains($0) && !$0.isSpaceLike })
    }

    /// The country a spelling names, if any.
    public func country(named text: String) -> Country? {
        byKey[CountryDirectory.key(text)].map { countries[$0] }
    }

    /// Up to `limit` canonical names closest to an unknown spelling, nearest first.
    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        let key = CountryDirectory.key(text)
        let threshold = max(2, key.count / 3)
        var best: [String: Int] = [:]
        for country in countries {
            for spelling in country.spellings where spelling.count > 3 {
                let other = CountryDirectory.key(spelling)
                let prefix = other.hasPrefix(key) && key.count >= 3
                // A spelling that starts with the text counts as one edit away ("Viet" for "Vietnam").
                guard let distance = prefix ? 1 : editDistance(key, other, atMost: threshold) else { continue }
                if distance < (best[country.name] ?? Int.max) { best[country.name] = distance }
            }
        }
        return best.filter { $0.value <= threshold }
            .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            .prefix(limit).map(\.key)
    }
}

/// Levenshtein distance, or nil when the lengths alone show it is more than `limit` (so a huge text costs nothing).
public func editDistance(_ a: String, _ b: String, atMost limit: Int) -> Int? {
    guard abs(a.count - b.count) <= limit else { return nil }
    let distance = editDistance(a, b)
    return distance <= limit ? distance : nil
}

/// Levenshtein distance between two strings, by characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension Character {
    /// A space other than the plain one (no-break, thin, ideographic, tab) or an invisible mark that separates nothing
    /// (zero-width space and joiners, word joiner, byte-order mark): read as a space in names.
    public var isSpaceLike: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        switch scalar.value {
        case 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}

extension String {
    /// The text with every space-like character (tabs, no-break and zero-width spaces) read as one plain space, runs of
    /// spaces as one; most texts have none, which one pass over the bytes tells.
    public func withPlainSpaces() -> String {
        var plain = true, previousSpace = false
        for byte in utf8 {
            if byte >= 0x80 || byte == 0x09 || (byte == 0x20 && previousSpace) { plain = false; break }
            previousSpace = byte == 0x20
        }
        if plain { return self }
        var out = "", space = false
        for character in self {
            if character == " " || character.isSpaceLike {
                if !space { out.append(" ") }
                space = true
            } else {
                out.append(character)
                space = false
            }
        }
        return out
    }
}
