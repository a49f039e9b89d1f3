import BudgetCore
import Foundation

/// A drafted event written as an event file (`Tables/events/<id>.toml`) in the shipped files' schema, with `draft = true`:
/// every figure with the notice's words and line, everything the notice does not give as a marked placeholder.
public struct EventFileDraft: Sendable {
    public let draft: AnnouncementDraft
    public let id: String
    /// The event whose planning assumptions the placeholders copy (the latest one in the tables), if any.
    public let template: Event?

    public init(_ draft: AnnouncementDraft, id: String, template: Event?) {
        self.draft = draft
        self.id = id
        self.template = template
    }

    /// The latest event of some, by first day then id: the planning placeholders' source.
    public static func template(among events: [Event]) -> Event? {
        events.max { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// The event file's text.
    public func text() -> String {
        var out: [String] = []
        let name = (draft.file as NSString).lastPathComponent
        out += [
            "# DRAFT event file, written by `travel-budget draft` from the announcement \(name).",
            "# Every figure quotes the notice, with its line number. Check each against the announcement, replace every",
            "# PLACEHOLDER, then delete `draft = true`: until then every report says \"DRAFT: check against the announcement\".",
        ]
        if !draft.checks.isEmpty {
            out.append("#")
            out.append("# To check:")
            out += draft.checks.map { "#   - " + comment($0) }
        }
        out.append("")
        out.append("draft = true")
        out.append("id = \(toml(id))")
        if let title = draft.title {
            out.append(quoteComment(title.quote))
            out.append("title = \(toml(title.value))")
        } else {
            out.append("title = \(toml("PLACEHOLDER: the workshop's title (not found in the announcement)"))")
        }
        out.append("source = \(toml("announcement \(name)" + (draft.issued.map { " (notice of \($0))" } ?? "") + ", drafted by travel-budget draft"))")
        out.append(quoteComment(draft.dates))
        out.append("start = \(draft.start)")
        out.append("end = \(draft.end)")
        if let note = draft.datesNote {
            out.append(quoteComment(note.quote, words: false))
            out.append("dates_note = \(toml(note.value))")
        }
        if let venue = draft.venue {
            out.append(quoteComment(venue.quote))
            out.append("venue = \(toml(venue.value))")
        } else {
            out.append("venue = \(toml("PLACEHOLDER: the venue (not found in the announcement)"))")
        }
        let offices = draft.payingOffices?.value ?? ["PLACEHOLDER: the paying office"]
        if let quote = draft.payingOffices?.quote { out.append(quoteComment(quote)) }
        out.append("paying_offices = [\(offices.map(toml).joined(separator: ", "))]")
        out.append("currency = \"USD\"              # the caps are in US$")
        out += otherPoints()
        out.append("")
        out += localExpenses()
        out += caps()
        out += costSharing(offices)
        out += eligibility()
        return out.joined(separator: "\n") + "\n"
    }

    /// The rule for points of departure no row names, with the notice's words; when the notice says nothing, the default,
    /// said to be the default.
    private func otherPoints() -> [String] {
        let rule = "other_points_of_departure = \"\(draft.otherPointsRule.rawValue)\""
        guard let quote = draft.otherPoints else {
            return [
                "# DEFAULT, not the notice's: the announcement says nothing of points of departure that no row names. With",
                "# \"contact-organisers\" such a participant has no cap until the organisers agree one (cap_override_usd in the",
                "# roster). Ask them; write their rule (\"not-funded\" if they fund no other) and quote it in other_points_source.",
                rule,
            ]
        }
        let meaning = switch draft.otherPointsRule {
        case .contactOrganisers: "a point of departure that no row names has no cap until the organisers agree one"
        case .notFunded: "a participant from a point of departure that no row names is not funded (no airfare, no local expenses)"
        }
        let inferred = draft.otherPointsRuleInferred ? " (an INFERENCE: the words say neither rule; check it)" : ""
        return ["# notice \(quote.lineReference): \(meaning)\(inferred)", rule, "other_points_source = \(toml(quote.text))"]
    }

    private func localExpenses() -> [String] {
        let local = draft.localExpenses
        let missing = "PLACEHOLDER: not found in the announcement"
        var out = ["[local_expenses]"]
        if let quote = local?.quote { out.append(quoteComment(quote, words: false)) }
        out.append("covers = \(toml(local?.covers ?? missing))")
        out.append("covered_by = \(toml(local?.coveredBy ?? draft.payingOffices?.value.joined(separator: " and ") ?? missing))")
        out.append("participants_pay = \(toml(local?.participantsPay ?? missing))")
        out.append("source = \(toml(local?.quote.text ?? missing))")
        out.append("")
        let source = template.map { "\($0.id)'s planning assumptions, copied as a starting point" } ?? "zero rates"
        out += [
            "# PLANNING PLACEHOLDERS: the announcement gives no local rates, exchange rate or covered nights. These are",
            "# \(source): replace them with this event's.",
            "[local_expenses.planning]",
        ]
        if let p = template?.localExpenses {
            out += [
                "nights_before_start = \(p.nightsBeforeStart)",
                "nights_after_end = \(p.nightsAfterEnd)",
                "self_funded_covered = \(p.selfFundedLocalExpensesCovered)",
                "currency = \(toml(p.rates.currency))",
                "room_per_night = \(p.rates.roomPerNight)",
                "meals_per_day = \(p.rates.mealsPerDay)",
                "transport_per_day = \(p.rates.transportPerDay)",
                "usd_exchange_rate = " + (p.rates.exchangeRate.description.contains(".")
                    ? toml(p.rates.exchangeRate.description) : p.rates.exchangeRate.description),
            ]
        } else {
            out += ["nights_before_start = 0", "nights_after_end = 0", "self_funded_covered = true", "currency = \"USD\"",
                    "room_per_night = 0", "meals_per_day = 0", "transport_per_day = 0", "usd_exchange_rate = 1"]
        }
        out.append("notes = [")
        out.append("  " + toml("PLANNING PLACEHOLDER (draft): the local rates, exchange rate and covered nights are " + source
                               + ", not this announcement's; replace them.") + ",")
        out.append("]")
        out.append("")
        return out
    }

    private func caps() -> [String] {
        var out = [
            "# The cap table, row by row in the announcement's order. `label`: \"printed\" (the notice names the points of",
            "# departure) or \"unlabelled\" (a cap with no points of departure before it: it applies to nobody until you assign",
            "# it with label = \"inferred\" and an `inference` giving your reason).",
        ]
        for row in draft.caps {
            out.append("")
            out.append("[[caps]]")
            out.append("# notice \(row.quote.lineReference)")
            if let reason = row.regionInferred {
                out.append("# region INFERRED, taken from countries.toml, not the notice's: " + comment(reason))
            }
            out.append("region = \(toml(row.region))")
            out.append("points_of_departure = [\(row.pointsOfDeparture.map(toml).joined(separator: ", "))]")
            let respelled = zip(row.printed, row.pointsOfDeparture).filter { $0 != $1 }
            if !respelled.isEmpty {
                out.append("# " + comment(respelled.map { "\"\($0)\" in the notice is \($1) in the country table" }.joined(separator: "; ")))
            }
            out.append("label = \"\(row.label.rawValue)\"")
            out.append("cap_usd = \(row.cap.cents % 100 == 0 ? String(row.cap.cents / 100) : toml(row.cap.plain))")
            out.append("source = \(toml(row.quote.text))")
        }
        out.append("")
        return out
    }

    private func costSharing(_ offices: [String]) -> [String] {
        guard offices.count > 1 else { return [] }
        var out = [
            "# PLANNING PLACEHOLDER: the announcement names \(offices.count) paying offices without a split. Replace the even split",
            "# below with the agreed one. Every office but the last gets its share rounded half up to the cent; the last the rest.",
            "[cost_sharing]",
            "basis = \(toml("PLANNING PLACEHOLDER (draft): the announcement names \(offices.count) paying offices without a split; an even split of every line until one is agreed."))",
            "assumption = true",
        ]
        let each = 10_000 / offices.count
        for (i, office) in offices.enumerated() {
            let points = i == offices.count - 1 ? 10_000 - each * (offices.count - 1) : each
            let percent = points % 100 == 0 ? String(points / 100) : toml("\(points / 100).\(points % 100 < 10 ? "0" : "")\(points % 100)")
            out += ["", "[[cost_sharing.offices]]", "office = \(toml(office))", "airfare_percent = \(percent)",
                    "local_expenses_percent = \(percent)"]
        }
        out.append("")
        return out
    }

    private func eligibility() -> [String] {
        guard !draft.deadlines.isEmpty || !draft.documents.isEmpty || draft.openTo != nil else { return [] }
        var out = ["# Who can be funded: the application section's deadlines and documents, and the countries the event is open to."]
        out.append("[eligibility]")
        let quote = draft.eligibilityQuote ?? draft.deadlines.map(\.quote).reduce(NoticeQuote(lines: [], pieces: []), +)
        if !quote.lines.isEmpty { out.append("# notice \(quote.lineReference)") }
        out.append("source = \(toml(quote.pieces.isEmpty ? "PLACEHOLDER: the announcement's application rules" : quote.text))")
        if let open = draft.openTo {
            out.append(quoteComment(open.quote, words: false))
            out.append("open_to = [\(open.value.map(toml).joined(separator: ", "))]")
        }
        for deadline in draft.deadlines {
            out += ["", "[[eligibility.deadlines]]"]
            out.append("# notice \(deadline.quote.lineReference)")
            if let passport = deadline.passport { out.append("passport = \"\(passport)\"") }
            var notes: [String] = []
            if deadline.yearInferred {
                notes.append("the notice gives no year: \(deadline.date.year), the last such date before the workshop (inferred)")
            }
            if let said = deadline.weekday, said == deadline.date.weekday {
                notes.append("a \(CivilDate.weekdayNames[said]), as the notice says")
            }
            let note = notes.isEmpty ? "" : "   # " + notes.joined(separator: "; ")
            out.append("date = \(deadline.date)" + note)
            out.append("source = \(toml(deadline.quote.text))")
        }
        for document in draft.documents {
            out += ["", "[[eligibility.documents]]"]
            out.append(quoteComment(document.quote))
            out.append("short = \(toml(document.short))")
            out.append("name = \(toml(document.name))")
        }
        out.append("")
        return out
    }

    /// `# notice line 12: "3-6 April 2018 (Jeju-do, Korea)"`; only the line numbers when the value quotes the words anyway.
    private func quoteComment(_ quote: NoticeQuote, words: Bool = true) -> String {
        guard words else { return "# notice \(quote.lineReference)" }
        return "# notice \(quote.lineReference): " + comment(quote.pieces.map { "\"\($0)\"" }.joined(separator: " / "))
    }

    /// Text safe on one comment line.
    private func comment(_ s: String) -> String {
        String(s.map { $0.isNewline || ($0.isASCII && ($0.asciiValue ?? 32) < 32) ? " " : $0 })
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
func toml(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
