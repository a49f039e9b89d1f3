import BudgetCore
import JSONText
import Foundation

/// The same mix under several events, side by side: caps by point of departure, then the mix's costs by region.
public struct CompareReport: Sendable {
    public let comparison: Comparison
    /// What the mix is (a scenario's title or a roster's name) and where it comes from.
    public let mixName: String
    public let mixSource: String
    /// The fare assumption in words.
    public let fareWords: String
    /// Whether to restate the first event's figures in the last event's dollars.
    public let real: Bool
    /// How a roster's stays are read under each event, in words (nil for a scenario: its mix has no dates).
    public let stays: String?

    public init(_ comparison: Comparison, mixName: String, mixSource: String, fareWords: String, real: Bool, stays: String? = nil) {
        self.comparison = comparison
        self.mixName = mixName
        self.mixSource = mixSource
        self.fareWords = fareWords
        self.real = real
        self.stays = stays
    }

    /// Each event's rule for a point of departure that no row names, in its own words.
    var otherPointsNote: String {
        "A head count by region is priced at the region's highest cap among rows that name a point of departure (the worst case); "
            + "a region or country with no cap in an event is priced by that event's rule for other points of departure: "
            + events.map { event in
                let rule: String
                switch event.otherPointsOfDeparture {
                case .contactOrganisers: rule = "no assisted airfare until a cap is agreed"
                case .notFunded: rule = "no assisted airfare and no local expenses"
                }
                let words = event.otherPointsSource.map { "\"\($0)\"" } ?? "no such line in the announcement"
                return "\(event.id) \(event.otherPointsOfDeparture.rawValue), \(rule) (\(words))"
            }.joined(separator: "; ") + "."
    }

    /// How the cost per participant is figured, in words (every output of a comparison states it).
    static let perParticipantNote = "Per participant funded = the total divided by the participants the event funds: someone from a "
        + "point of departure it funds nothing for (not-funded) is priced at 0.00 and not counted."

    /// A measure of a group of participants.
    enum Measure: String, CaseIterable {
        case participants, participants_funded, assisted_airfare, participant_share, local_expenses, total, per_participant
        case airfare_share_of_total

        var words: String {
            switch self {
            case .participants: return "participants"
            case .participants_funded: return "participants funded"
            case .assisted_airfare: return "assisted airfare"
            case .participant_share: return "participant share"
            case .local_expenses: return "local expenses"
            case .total: return "total"
            case .per_participant: return "per participant funded"
            case .airfare_share_of_total: return "airfare share of total"
            }
        }

        /// The measure's value: cents for money, a count, or tenths of a percent.
        func value(_ t: CostTotals) -> Int64? {
            switch self {
            case .participants: return Int64(t.participants)
            case .participants_funded: return Int64(t.funded)
            case .assisted_airfare: return t.assistedAirfare.cents
            case .participant_share: return t.participantShare.cents
            case .local_expenses: return t.localExpenses.cents
            case .total: return t.total.cents
            case .per_participant: return t.perParticipant.cents
            case .airfare_share_of_total: return Ratio.shareTenths(t.assistedAirfare.cents, of: t.total.cents)
            }
        }

        var isMoney: Bool { !isCount && self != .airfare_share_of_total }
        /// A head count (participants, participants funded).
        var isCount: Bool { self == .participants || self == .participants_funded }

        func text(_ value: Int64?) -> String {
            guard let value else { return "-" }
            switch self {
            case .participants, .participants_funded: return String(value)
            case .airfare_share_of_total: return Ratio.percentText(value)
            default: return Money(cents: value).grouped
            }
        }
    }

    /// Change from the first event to the last: money in US$, a count, or percentage points for a share.
    func change(_ measure: Measure, _ values: [Int64?]) -> (delta: String, percent: String) {
        guard let first = values.first ?? nil, let last = values.last ?? nil, values.count > 1 else { return ("-", "-") }
        let delta = last - first
        switch measure {
        case .airfare_share_of_total:
            return ((delta < 0 ? "-" : "+") + "\(delta.magnitude / 10).\(delta.magnitude % 10) pt", "-")
        case .participants, .participants_funded:
            return ((delta < 0 ? "" : "+") + String(delta), "-")
        default:
            return ((delta < 0 ? "" : "+") + Money(cents: delta).grouped,
                    Ratio.percentTenths(from: first, to: last).map { Ratio.percentText($0, signed: true) } ?? "-")
        }
    }

    /// The first event's amount in the last event's dollars, and the real change, when asked for and possible.
    func realTerms(_ measure: Measure, _ values: [Int64?]) -> (restated: String, percent: String)? {
        guard real else { return nil }
        guard measure.isMoney, let first = values.first ?? nil, let last = values.last ?? nil,
              let restated = comparison.inLastYearsDollars(Money(cents: first)) else { return ("-", "-") }
        return (restated.grouped, Ratio.percentTenths(from: restated.cents, to: last).map { Ratio.percentText($0, signed: true) } ?? "-")
    }

    private var events: [Event] { comparison.events }

    /// The comparison as text.
    public func text() -> String {
        typealias L = TextLayout
        let ids = events.map(\.id)
        let years = comparison.years
        var out = ["COMPARE  " + ids.joined(separator: " vs ")]
        out += L.wrap("\(mixName) (\(mixSource))", first: "Mix:    ", indent: "        ")
        out += L.wrap(fareWords, first: "Fares:  ", indent: "        ")
        out.append("")
        let realHeads = real ? [L.right("\(years.first ?? 0) in \(years.last ?? 0) $", 15), L.right("Real %", 8)] : []
        func row(_ label: String, _ cells: [String], _ change: (String, String), _ realCells: (String, String)?, note: String = "") -> [String] {
            var line = L.left(L.clip(label, 24), 24)
            for cell in cells { line += L.right(cell, 11) }
            line += L.right(change.0, 11) + L.right(change.1, 8)
            if let realCells { line += L.right(realCells.0, 15) + L.right(realCells.1, 8) }
            var lines = [line]
            if !note.isEmpty {
                if line.count + 2 + note.count <= L.width { lines[0] += "  " + note }
                else { lines += L.wrap(note, first: "    ", indent: "    ") }
            }
            return lines
        }
        out.append("Caps by point of departure (US$)")
        out.append(L.left("Point of departure", 24) + ids.map { L.right(L.clip($0, 10), 11) }.joined() + L.right("Change", 11) + L.right("%", 8)
                   + realHeads.joined() + "  Note")
        out.append(String(repeating: "-", count: L.width))
        for line in comparison.caps {
            let values = line.caps.map { $0?.cents }
            out += row(line.point, values.map { $0.map { Money(cents: $0).grouped } ?? "-" }, change(.total, values),
                       realTerms(.total, values), note: comparison.note(line))
        }
        if !comparison.unlabelled.isEmpty {
            out.append("")
            out += L.wrap("Rows whose label the announcements lost name no point of departure and are not compared: "
                          + comparison.unlabelled.map { "\($0.event.id) \($0.row.region) \($0.row.cap.grouped)" }.joined(separator: "; ") + ".")
        }
        out.append("")
        out.append("The mix, priced under each event (US$)")
        out.append(L.left("Region / measure", 24) + ids.map { L.right(L.clip($0, 10), 11) }.joined() + L.right("Change", 11) + L.right("%", 8)
                   + realHeads.joined())
        out.append(String(repeating: "-", count: L.width))
        let groups = comparison.regions.map { ($0, comparison.subtotals($0)) } + [("All regions", comparison.budgets.map(\.totals))]
        for (name, totals) in groups {
            out.append(name)
            for measure in Measure.allCases {
                let values = totals.map { measure.value($0) }
                out += row("  " + measure.words, values.map(measure.text), change(measure, values), realTerms(measure, values))
            }
        }
        if comparison.hasDeclaredLines {
            out.append("")
            out.append("Every cost line, under each event (US$; - where an event has no such line)")
            out.append(L.left("Line", 24) + ids.map { L.right(L.clip($0, 10), 11) }.joined() + L.right("Change", 11) + L.right("%", 8) + realHeads.joined())
            out.append(String(repeating: "-", count: L.width))
            for line in comparison.lines {
                let values = line.amounts.map { $0?.cents }
                out += row(line.name, values.map(Measure.total.text), change(.total, values), realTerms(.total, values))
            }
        }
        out.append("")
        out.append("Notes")
        var notes = [
            "Change and % compare the last event with the first; an airfare share changes in percentage points. Percentages are rounded half away from zero to a tenth.",
            otherPointsNote,
            "Everyone in the mix is priced under every event (eligibility is not applied), so the events are compared like for like.",
            CompareReport.perParticipantNote,
        ]
        if let stays { notes.append(stays) }
        notes += quotedFares
        for event in events { notes += (AssumptionText.draft(event) + [AssumptionText.rates(event)]).map { "\(event.id): " + $0 } }
        if real, let index = comparison.index {
            let values = years.map { year in index.values[year].map { "\(year) = \(Double($0) / 1000)" } ?? "\(year) = not in the index" }
            notes.append("Real terms: \(index.title), \(index.source) (\(index.series): \(values.joined(separator: ", "))). "
                         + "Amounts of \(years.first ?? 0) are restated in \(years.last ?? 0) dollars, rounded half up to the cent. "
                         + "This index is not from the announcements.")
        }
        for note in notes { out += L.wrap(note, first: "  ", indent: "  ") }
        return out.joined(separator: "\n") + "\n"
    }

    struct Document: Encodable {
        let events: [String]
        let mix: String
        let mix_source: String
        let fares: String
        let caps: [CapEntry]
        let unlabelled_rows: [UnlabelledRow]
        let regions: [RegionEntry]
        /// How `per_participant` is figured: over the participants each event funds (`participants_funded`).
        let per_participant: String
        let price_index: String?
        /// How a roster's stays are read under each event (left out for a scenario).
        let stays: String?
        /// The draft notices of draft events (left out when none is a draft).
        let drafts: [String]?
        /// Every cost line under each event, by key (left out unless an event declares lines beyond the two).
        let lines: [LineEntry]?
        /// The roster's fares quoted in other currencies and their rates, in words (left out when every fare is in US$).
        let quoted_fares: [String]?
    }

    struct LineEntry: Encodable {
        let key: String
        let name: String
        let amounts: [String: String?]
    }

    /// A roster's fares quoted in other currencies and their rates, in words: the same in every event (they were converted
    /// when the roster was read).
    private var quotedFares: [String] { comparison.budgets.first.map(QuotedFareText.sentences) ?? [] }

    struct CapEntry: Encodable {
        let point_of_departure: String
        let region: String
        let caps: [String: String?]
        let change: String?
        let change_percent: String?
        let real_first_in_last_dollars: String?
        let real_change_percent: String?
        let note: String
    }

    struct UnlabelledRow: Encodable {
        let event: String
        let region: String
        let cap: String
    }

    struct RegionEntry: Encodable {
        let region: String
        let measures: [String: [String: String?]]
    }

    /// The comparison as JSON: money as strings with two decimals, percentages as strings (`12.5`).
    public func json() throws(JSONTextError) -> String {
        func percent(_ tenths: Int64?) -> String? { tenths.map { Ratio.percentText($0).replacingOccurrences(of: "%", with: "") } }
        let caps = comparison.caps.map { line -> CapEntry in
            let values = line.caps
            let first = values.first ?? nil, last = values.last ?? nil
            var change: String?, pct: String?, restated: String?, realPct: String?
            if let first, let last, values.count > 1 {
                change = (last - first).plain
                pct = percent(Ratio.percentTenths(from: first.cents, to: last.cents))
                if real, let r = comparison.inLastYearsDollars(first) {
                    restated = r.plain
                    realPct = percent(Ratio.percentTenths(from: r.cents, to: last.cents))
                }
            }
            return CapEntry(point_of_departure: line.point, region: line.region,
                            caps: Dictionary(uniqueKeysWithValues: zip(events.map(\.id), values.map { $0?.plain })),
                            change: change, change_percent: pct, real_first_in_last_dollars: restated, real_change_percent: realPct,
                            note: comparison.note(line))
        }
        let groups = comparison.regions.map { ($0, comparison.subtotals($0)) } + [("All regions", comparison.budgets.map(\.totals))]
        let regions = groups.map { name, totals in
            RegionEntry(region: name, measures: Dictionary(uniqueKeysWithValues: Measure.allCases.map { measure in
                (measure.rawValue, Dictionary(uniqueKeysWithValues: zip(events.map(\.id), totals.map { t -> String? in
                    guard let v = measure.value(t) else { return nil }
                    return measure.isCount ? String(v) : measure == .airfare_share_of_total ? percent(v) : Money(cents: v).plain
                })))
            }))
        }
        let document = Document(
            events: events.map(\.id), mix: mixName, mix_source: mixSource, fares: fareWords, caps: caps,
            unlabelled_rows: comparison.unlabelled.map { UnlabelledRow(event: $0.event.id, region: $0.row.region, cap: $0.row.cap.plain) },
            regions: regions, per_participant: CompareReport.perParticipantNote,
            price_index: real ? comparison.index.map { "\($0.series): \($0.title), \($0.source)" } : nil, stays: stays,
            drafts: events.contains(where: \.isDraft) ? events.flatMap { e in AssumptionText.draft(e).map { "\(e.id): " + $0 } } : nil,
            lines: comparison.hasDeclaredLines ? comparison.lines.map { line in
                LineEntry(key: line.key, name: line.name, amounts: Dictionary(uniqueKeysWithValues: zip(events.map(\.id), line.amounts.map { $0?.plain })))
            } : nil,
            quoted_fares: quotedFares.isEmpty ? nil : quotedFares)
        return try JSONText.render(document)
    }

    /// The comparison as CSV: `cap` rows per point of departure, then `mix` rows per region and measure; plain numbers
    /// (money with two decimals, percentages in percent with one decimal, shares' changes in percentage points).
    public func csv() -> String {
        let ids = events.map(\.id)
        var rows = [["section", "name", "measure"] + ids + ["change", "change_percent"]
                    + (real ? ["first_in_last_dollars", "real_change_percent"] : []) + ["note"]]
        func tenths(_ t: Int64?) -> String { t.map { Ratio.percentText($0).replacingOccurrences(of: "%", with: "") } ?? "" }
        func plain(_ measure: Measure, _ v: Int64?) -> String {
            guard let v else { return "" }
            return measure.isCount ? String(v) : measure == .airfare_share_of_total ? tenths(v) : Money(cents: v).plain
        }
        func figures(_ measure: Measure, _ values: [Int64?]) -> [String] {
            var cells = values.map { plain(measure, $0) }
            guard values.count > 1, let first = values.first ?? nil, let last = values.last ?? nil else {
                return cells + ["", ""] + (real ? ["", ""] : [])
            }
            cells.append(plain(measure, last - first))
            cells.append(measure.isMoney ? tenths(Ratio.percentTenths(from: first, to: last)) : "")
            if real {
                if measure.isMoney, let r = comparison.inLastYearsDollars(Money(cents: first)) {
                    cells += [r.plain, tenths(Ratio.percentTenths(from: r.cents, to: last))]
                } else {
                    cells += ["", ""]
                }
            }
            return cells
        }
        for line in comparison.caps {
            rows.append(["cap", line.point, "cap_usd"] + figures(.total, line.caps.map { $0?.cents }) + [comparison.note(line)])
        }
        let groups = comparison.regions.map { ($0, comparison.subtotals($0)) } + [("All regions", comparison.budgets.map(\.totals))]
        for (name, totals) in groups {
            for measure in Measure.allCases {
                rows.append(["mix", name, measure.rawValue] + figures(measure, totals.map { measure.value($0) }) + [""])
            }
        }
        if comparison.hasDeclaredLines {
            for line in comparison.lines { rows.append(["line", line.name, line.key] + figures(.total, line.amounts.map { $0?.cents }) + [""]) }
        }
        rows.append(["note", "", ""] + Array(repeating: "", count: rows[0].count - 4) + [CompareReport.perParticipantNote])
        if let stays { rows.append(["note", "", ""] + Array(repeating: "", count: rows[0].count - 4) + [stays]) }
        for sentence in quotedFares { rows.append(["note", "", ""] + Array(repeating: "", count: rows[0].count - 4) + [sentence]) }
        for event in events {
            for sentence in AssumptionText.draft(event) { rows.append(["note", event.id, ""] + Array(repeating: "", count: rows[0].count - 4) + [sentence]) }
        }
        // Text columns are defused against formulas; the figures are plain numbers (a leading minus is a number, not a formula).
        return rows.map { row in
            row.enumerated().map { index, cell in index < 3 || index == row.count - 1 ? CSVReport.field(cell) : cell }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
