import BudgetCore
import TOML

/// Reads an event file's optional `[eligibility]` table: deadlines, required documents, countries it is open to.
enum EligibilityTable {
    static func read(_ document: TOMLDocument, countries: CountryDirectory, problems: inout [Diagnostic]) -> EligibilityRules? {
        guard let table = document.root["eligibility"]?.table else { return nil }
        var f = TableFields(table, path: "eligibility", document: document)
        f.rejectUnknownKeys(["source", "open_to", "deadlines", "documents"])
        let source = f.string("source")
        let openNames = f.strings("open_to", required: false)
        var open: [String]?
        if let openNames {
            var names: [String] = []
            for name in openNames {
                if let country = countries.country(named: name) {
                    names.append(country.name)
                } else {
                    let near = countries.suggestions(for: name)
                    f.fail("open_to", "unknown country `\(name)`",
                           hint: near.isEmpty ? "add it to Tables/countries.toml" : "did you mean \(near.joined(separator: ", "))?")
                }
            }
            open = names
        }
        problems += f.problems
        var failed = !f.problems.isEmpty

        var deadlines: [Deadline] = []
        for (i, entry) in (table["deadlines"]?.array ?? []).enumerated() {
            guard let entry = entry.table else { continue }
            var d = TableFields(entry, path: "eligibility.deadlines[\(i)]", document: document)
            d.rejectUnknownKeys(["passport", "date", "source"])
            let passportText = d.string("passport", required: false), date = d.date("date"), words = d.string("source")
            var passport: Passport?
            if let passportText {
                passport = Passport(rawValue: passportText)
                if passport == nil { d.fail("passport", "unknown passport `\(passportText)`", hint: "write \"ordinary\" or \"official\", or leave it out for every passport") }
            }
            if let date, deadlines.contains(where: { $0.passport == passport && $0.date != date }) {
                d.fail("date", "a second deadline for the same passport (\(date))", hint: "give each passport one deadline")
            }
            problems += d.problems
            guard d.problems.isEmpty, let date, let words else { failed = true; continue }
            deadlines.append(Deadline(passport: passport, date: date, source: words))
        }

        var required: [RequiredDocument] = []
        for (i, entry) in (table["documents"]?.array ?? []).enumerated() {
            guard let entry = entry.table else { continue }
            var d = TableFields(entry, path: "eligibility.documents[\(i)]", document: document)
            d.rejectUnknownKeys(["short", "name"])
            let short = d.string("short"), name = d.string("name")
            if let short, short.isEmpty || short.contains(where: { $0 == ";" || $0 == "," || $0 == "|" || $0.isWhitespace }) {
                d.fail("short", "`short` is a name a roster writes: no spaces, `;`, `,` or `|`", hint: "e.g. short = \"cv\"")
            } else if let short, short == "all" || short == "none" || required.contains(where: { $0.short == short }) {
                d.fail("short", "`\(short)` is used twice or is a reserved word (all, none)", hint: "give each document its own short name")
            }
            problems += d.problems
            guard d.problems.isEmpty, let short, let name else { failed = true; continue }
            required.append(RequiredDocument(short: short.lowercased(), name: name))
        }
        guard !failed, let source else { return nil }
        return EligibilityRules(deadlines: deadlines, documents: required, openTo: open, source: source)
    }
}
