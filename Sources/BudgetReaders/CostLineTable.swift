import BudgetCore
import TOML

/// Reads an event file's optional cost lines beyond assisted airfare and local expenses: `[[costs]]`, `[contingency]`, and
/// `[roles.resource-person]` / `[roles.staff]` (how their airfare is paid).
enum CostLineTable {
    /// The bases as written in an event file.
    static var basisWords: String { CostBasis.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }

    /// Keys that name the lines every event has, or the contingency: no declared line may take them.
    static let reservedKeys = ["airfare", "local", "contingency"]

    /// The declared lines, in the file's order; nil when any is wrong (its problems added).
    static func lines(_ document: TOMLDocument, sharing: CostSharing?, problems: inout [Diagnostic]) -> [CostLine]? {
        guard let value = document.root["costs"] else { return [] }
        guard let array = value.array else {
            problems.append(document.diagnostic("costs", "`costs` must be [[costs]] tables", hint: "write each cost line as a [[costs]] table"))
            return nil
        }
        var lines: [CostLine] = []
        var seen: Set<String> = []
        var failed = false
        for (i, item) in array.enumerated() {
            let path = "costs[\(i)]"
            guard let table = item.table else {
                problems.append(document.diagnostic("costs", "entry #\(i + 1) of `costs` is not a table", hint: "write each cost line as a [[costs]] table"))
                failed = true
                continue
            }
            var f = TableFields(table, path: path, document: document)
            f.rejectUnknownKeys(["key", "name", "basis", "amount_usd", "amount_local", "roles", "funding", "shares", "source", "assumption"])
            let name = f.string("name")
            let key = f.string("key", required: false) ?? name.map(slug)
            let basisText = f.string("basis")
            let basis = basisText.flatMap(CostBasis.init(rawValue:))
            if let basisText, basis == nil {
                f.fail("basis", "unknown basis \(basisText.quoted)", hint: "use one of \(basisWords)")
            }
            let amount = self.amount(&f)
            let roles = self.roles(&f)
            let funding = f.string("funding", required: false) ?? "all"
            if !["all", "assisted-only"].contains(funding) {
                f.fail("funding", "unknown funding \(funding.quoted)", hint: "write \"all\" (the default) or \"assisted-only\" (not for self-funded persons)")
            }
            let (source, assumption) = provenance(&f)
            let shares = self.shares(table, path: path, document: document, sharing: sharing, fields: &f)
            if let key {
                if reservedKeys.contains(key) {
                    f.fail("key", "the key \(key.quoted) is the name of a line every event has", hint: "give this line another `key`")
                } else if !TableReader.canNameFiles(key) {
                    f.fail(table["key"] == nil ? "name" : "key", "the line's key \(key.quoted) cannot be used in file and column names",
                           hint: "add `key = \"…\"` with letters, digits and hyphens, e.g. key = \"visa-fee\"")
                } else if seen.contains(key) {
                    f.fail(table["key"] == nil ? "name" : "key", "two cost lines have the key \(key.quoted)", hint: "give each [[costs]] line its own `key`")
                }
            }
            if let key { seen.insert(key) }
            problems += f.problems
            guard f.problems.isEmpty, let name, let key, let basis, let amount, let roles, let shares else { failed = true; continue }
            lines.append(CostLine(key: key, name: name, rule: .charge(basis, amount), roles: roles, coversSelfFunded: funding == "all",
                                  shares: shares, source: source, assumption: assumption))
        }
        return failed ? nil : lines
    }

    /// The `[contingency]` table; nil when there is none or it is wrong (`failed` set then).
    static func contingency(_ document: TOMLDocument, lines: [CostLine], sharing: CostSharing?, failed: inout Bool,
                            problems: inout [Diagnostic]) -> Contingency? {
        guard let table = document.root["contingency"]?.table else { return nil }
        var f = TableFields(table, path: "contingency", document: document)
        f.rejectUnknownKeys(["name", "percent", "lines", "shares", "source", "assumption"])
        let name = f.string("name", required: false) ?? "Contingency"
        let percent = f.percent("percent")
        let keys = f.strings("lines")
        let (source, assumption) = provenance(&f)
        let shares = self.shares(table, path: "contingency", document: document, sharing: sharing, fields: &f)
        let known = reservedKeys.dropLast() + lines.map(\.key)
        for key in keys ?? [] where !known.contains(key) {
            f.fail("lines", "the contingency names no line \(key.quoted)", hint: "name lines by their keys: \(known.joined(separator: ", "))", item: key)
        }
        if keys?.isEmpty == true { f.fail("lines", "the contingency names no line", hint: "list the lines it is a percentage of, e.g. [\"airfare\", \"local\"]") }
        problems += f.problems
        guard f.problems.isEmpty, let percent, let keys, let shares else { failed = true; return nil }
        return Contingency(name: name, basisPoints: percent, lines: keys, shares: shares, source: source, assumption: assumption)
    }

    /// `[roles.resource-person]` and `[roles.staff]`: `airfare = "full" | "capped" | "none"`, `cap_usd` for a cap of the role's own.
    static func roleAirfare(_ document: TOMLDocument, problems: inout [Diagnostic]) -> [Role: RoleAirfare]? {
        guard let value = document.root["roles"] else { return [:] }
        guard let table = value.table else {
            problems.append(document.diagnostic("roles", "`roles` must be a table", hint: "write [roles.resource-person] with `airfare = \"full\"`"))
            return nil
        }
        var f = TableFields(table, path: "roles", document: document)
        f.rejectUnknownKeys(["resource-person", "staff"])
        problems += f.problems
        var rules: [Role: RoleAirfare] = [:]
        var failed = !f.problems.isEmpty
        for role in [Role.resourcePerson, .staff] {
            guard let entry = table[role.rawValue] else { continue }
            guard let roleTable = entry.table else { failed = true; continue }
            var r = TableFields(roleTable, path: "roles.\(role.rawValue)", document: document)
            r.rejectUnknownKeys(["airfare", "cap_usd", "source", "assumption"])
            let airfare = r.string("airfare")
            let cap = r.money("cap_usd", required: false)
            let (source, assumption) = provenance(&r, at: "airfare")
            let note = source.map { "\"\($0)\"" } ?? assumption
            switch (airfare, cap) {
            case ("full", nil): rules[role] = RoleAirfare(rule: .full, note: note)
            case ("none", nil): rules[role] = RoleAirfare(rule: .none, note: note)
            case ("capped", let cap?): rules[role] = RoleAirfare(rule: .ownCap(cap), note: note)
            case ("capped", nil):
                r.fail("airfare", "a \(role.words)'s capped airfare needs its own cap", hint: "add `cap_usd = …` (the cap table is for participants)")
            case ("full", _?), ("none", _?):
                r.fail("cap_usd", "`cap_usd` is only for airfare = \"capped\"", hint: "remove `cap_usd`, or write airfare = \"capped\"", at: .key)
            case (let other?, _):
                r.fail("airfare", "unknown airfare rule \(other.quoted)", hint: "write \"full\" (no cap), \"capped\" with `cap_usd`, or \"none\"")
            default: break
            }
            if let cap, cap <= .zero { r.fail("cap_usd", "a cap must be more than zero", hint: "write airfare = \"none\" for no airfare") }
            problems += r.problems
            if !r.problems.isEmpty { failed = true }
        }
        return failed ? nil : rules
    }

    /// `amount_usd` (US$) or `amount_local` (whole units of the planning rates' currency): one of them, more than zero.
    private static func amount(_ f: inout TableFields) -> LineAmount? {
        let usd = f.money("amount_usd", required: false)
        let local = f.integer("amount_local", required: false)
        switch (usd, local) {
        case (let usd?, nil):
            if usd <= .zero { f.fail("amount_usd", "a cost line's amount must be more than zero", hint: "leave out a line that costs nothing"); return nil }
            return .usd(usd)
        case (nil, let local?):
            if local <= 0 || local > 100_000_000 {
                f.fail("amount_local", "`amount_local` is \(local); it must be between 1 and 100,000,000", hint: "write whole units of the planning rates' currency")
                return nil
            }
            return .local(Int64(local))
        case (_?, _?):
            f.fail("amount_local", "a cost line has one amount: `amount_usd` or `amount_local`", hint: "remove one of them", at: .key)
        case (nil, nil):
            if f.table["amount_usd"] == nil && f.table["amount_local"] == nil {
                f.fail("name", "the cost line has no amount", hint: "add `amount_usd = …` (US$) or `amount_local = …` (the planning rates' currency)", at: .key)
            }
        }
        return nil
    }

    /// `roles = ["participant", "resource-person"]`; every role when left out.
    private static func roles(_ f: inout TableFields) -> Set<Role>? {
        guard let words = f.strings("roles", required: false) else { return f.table["roles"] == nil ? Set(Role.allCases) : nil }
        var roles = Set<Role>()
        for word in words {
            guard let role = Role(words: word) else {
                f.fail("roles", "unknown role \(word.quoted)", hint: "use \"participant\", \"resource-person\" or \"staff\"", item: word)
                continue
            }
            roles.insert(role)
        }
        if words.isEmpty { f.fail("roles", "`roles` is empty", hint: "name the roles the line applies to, or leave `roles` out for every role") }
        return roles
    }

    /// Exactly one of `source` (the announcement's words) and `assumption` (a planning assumption in words).
    private static func provenance(_ f: inout TableFields, at key: String = "name") -> (source: String?, assumption: String?) {
        let source = f.string("source", required: false), assumption = f.string("assumption", required: false)
        if source == nil && assumption == nil && f.table["source"] == nil && f.table["assumption"] == nil {
            f.fail(key, "every figure is traced to the announcement or marked as a planning assumption",
                   hint: "add `source = \"…\"` with the announcement's words, or `assumption = \"…\"` saying why it is budgeted", at: .key)
        }
        if source != nil && assumption != nil {
            f.fail("assumption", "a line is either quoted from the announcement (`source`) or a planning assumption (`assumption`), not both",
                   hint: "keep one of them", at: .key)
        }
        return (source, assumption)
    }

    /// `shares = { "Office" = 50, … }` in hundredths of a percent in the event's office order; by default the event's cost
    /// sharing, when it splits assisted airfare and local expenses alike.
    private static func shares(_ table: TOMLTable, path: String, document: TOMLDocument, sharing: CostSharing?,
                               fields f: inout TableFields) -> [Int]? {
        guard let sharing else { return nil }
        guard let value = table["shares"] else {
            let offices = sharing.offices
            if offices.allSatisfy({ $0.airfareBasisPoints == $0.localExpensesBasisPoints }) { return offices.map(\.airfareBasisPoints) }
            f.fail("name", "the event's cost sharing splits assisted airfare and local expenses differently, so this line needs its own split",
                   hint: "add `shares = { \(offices.map { "\"\($0.office)\" = …" }.joined(separator: ", ")) }` (percentages adding up to 100)", at: .key)
            return nil
        }
        guard let inline = value.table else {
            f.fail("shares", "`shares` must be a table of offices and percentages", hint: "write `shares = { \"Office\" = 50, … }`")
            return nil
        }
        var s = TableFields(inline, path: "\(path).shares", document: document)
        s.rejectUnknownKeys(sharing.offices.map(\.office))
        let shares = sharing.offices.map { s.percent($0.office) }
        f.problems += s.problems
        guard s.problems.isEmpty else { return nil }
        let values = shares.compactMap { $0 }
        if values.reduce(0, +) != 10_000 {
            f.fail("shares", "the offices' shares add up to \(formatPercent(values.reduce(0, +))), not 100%", hint: "make them add up to 100")
            return nil
        }
        return values
    }

    /// `Visa fee` → `visa-fee`.
    static func slug(_ name: String) -> String {
        var out = ""
        for c in name.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.hasSuffix("-") && !out.isEmpty { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

extension Role {
    /// A role as a person writes it in a roster or an event file: `resource person`, `Speaker`, `facilitator`, `staff`…
    public init?(words: String) {
        let key = words.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
        switch key {
        case "participant", "participants", "delegate", "trainee", "attendee", "nominee": self = .participant
        case "resource person", "resource persons", "resource", "rp", "speaker", "facilitator", "trainer", "lecturer", "expert",
             "moderator", "presenter", "panelist", "panellist": self = .resourcePerson
        case "staff", "secretariat", "organiser", "organizer", "organising staff", "organizing staff": self = .staff
        default: return nil
        }
    }
}
