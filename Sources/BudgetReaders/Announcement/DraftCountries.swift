import BudgetCore
import Foundation

/// Entries for `Tables/countries.toml` for the points of departure an announcement names that the table lacks.
/// The region is the cap table's; the ISO codes are user-assigned placeholders (ISO 3166 keeps QM–QZ and XA–XZ for
/// such use) that the officer replaces with the country's real codes.
public struct DraftCountries: Sendable {
    /// The new countries with their entries, in the order the notice names them.
    public let countries: [Country]
    /// The notice's line for each, by name.
    public let lines: [String: Int]
    /// The names whose region is the country table's for their row's other points of departure (the notice names none).
    public let inferredRegions: Set<String>
    /// Names the notice gives no region for (only the open-to list names them): they cannot be added for you.
    public let withoutRegion: [NewCountry]

    public init(_ new: [NewCountry], directory: CountryDirectory) {
        var codes = (Array("MNOPQRSTUVWXYZ").map { "Q\($0)" } + Array("ABCDEFGHIJLMNOPQRSTUVWXYZ").map { "X\($0)" })
            .filter { directory.country(named: $0) == nil && directory.country(named: $0 + "A") == nil }.makeIterator()
        var countries: [Country] = []
        var lines: [String: Int] = [:]
        var inferred: Set<String> = []
        for country in new {
            guard let region = country.region, let code = codes.next() else { continue }
            countries.append(Country(name: country.name, region: region, iso2: code, iso3: code + "A", aliases: []))
            lines[country.name] = country.line
            if country.regionInferred { inferred.insert(country.name) }
        }
        self.countries = countries
        self.lines = lines
        self.inferredRegions = inferred
        self.withoutRegion = new.filter { $0.region == nil }
    }

    /// The directory with the new countries added (for reading the drafted event back).
    public func adding(to directory: CountryDirectory) -> CountryDirectory? {
        try? CountryDirectory(directory.countries + countries)
    }

    /// The `[[country]]` entries, ready to paste at the end of countries.toml.
    public func entries(announcement: String) -> String {
        var out = ["# ---- Added by `travel-budget draft` from \((announcement as NSString).lastPathComponent): check each region,"
                   + " and replace the placeholder ISO codes ----"]
        for c in countries {
            out += [
                "",
                "[[country]]",
                "name = \(toml(c.name))",
                "region = \(toml(c.region))   # " + (inferredRegions.contains(c.name)
                    ? "INFERRED: the notice names no region for its row; this is the region of the row's other points of departure in countries.toml (notice line \(lines[c.name] ?? 0))"
                    : "the cap table's region for it (notice line \(lines[c.name] ?? 0))"),
                "iso2 = \(toml(c.iso2))   # PLACEHOLDER (a user-assigned code): write the ISO 3166-1 alpha-2 code",
                "iso3 = \(toml(c.iso3))   # PLACEHOLDER (a user-assigned code): write the ISO 3166-1 alpha-3 code",
                "aliases = []",
            ]
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One diagnostic per new country, for the message that lists them.
    public func diagnostics(file: String, countriesFile: String) -> [Diagnostic] {
        countries.map { c in
            Diagnostic(SourceLocation(file: file, line: lines[c.name] ?? 0, column: 0),
                       "point of departure \(c.name.quoted) (\(c.region)) is not in \(countriesFile)",
                       hint: "paste its entry below into \(countriesFile), or run again with --add-countries")
        } + withoutRegion.map { c in
            Diagnostic(SourceLocation(file: file, line: c.line, column: 0),
                       "\(c.name.quoted), in the list of countries the event is open to, is not in \(countriesFile), and the cap table gives no region for it",
                       hint: "add a [[country]] entry for it by hand (name, region, iso2, iso3, aliases), or check its spelling")
        }
    }
}

extension AnnouncementDraft {
    /// What would stop the drafted event file from loading, told at the notice's lines: a region that no country of the
    /// table (with the countries to add) belongs to, and a point of departure on two rows.
    public func problems(countries directory: CountryDirectory) -> [Diagnostic] {
        let regions = Set(directory.countries.map(\.region))
        var out: [Diagnostic] = []
        var claimed: [String: Int] = [:]
        for row in caps {
            let line = row.quote.lines.first ?? 0
            if !regions.contains(row.region) {
                out.append(Diagnostic(SourceLocation(file: file, line: line, column: 0),
                    "the region \(row.region.quoted) is not a region of any country in the country table",
                    hint: "use one of its regions (\(regions.sorted().joined(separator: ", "))) in the text, or add the region's countries to countries.toml"))
            }
            for name in row.pointsOfDeparture {
                if let first = claimed[name] {
                    out.append(Diagnostic(SourceLocation(file: file, line: row.quote.lines.dropLast().last ?? line, column: 0),
                        "\(name.quoted) is on two rows of the cap table (also line \(first))",
                        hint: "a point of departure belongs to one row only: correct the text, or write the event file by hand"))
                } else {
                    claimed[name] = row.quote.lines.dropLast().last ?? line
                }
            }
        }
        return out
    }
}
