import BudgetCore

/// Budget ceilings in words: the headroom lines of a report and the warning when a total passes its ceiling.
public enum HeadroomText {
    /// Whether the figures checked are the plan's or the actuals'.
    public enum Stage: Sendable {
        case plan, actuals

        var subject: String { self == .plan ? "the plan passes" : "the actuals pass" }
        var adjective: String { self == .plan ? "planned" : "actual" }
    }

    /// Whose ceiling: `the event total` or the office's name.
    static func scope(_ h: Headroom) -> String {
        switch h.scope {
        case .event: return "the event total"
        case .office(let office): return office
        }
    }

    /// `the plan passes the budget ceiling for the event total by US$ 607.29 (planned US$ 16,607.29, ceiling US$ 16,000.00)`.
    public static func warning(_ h: Headroom, _ stage: Stage) -> String {
        "\(stage.subject) the budget ceiling for \(scope(h)) by US$ \((h.spent - h.ceiling).grouped) "
            + "(\(stage.adjective) US$ \(h.spent.grouped), ceiling US$ \(h.ceiling.grouped))"
    }

    /// The warnings for standard error, one line each: `warning: jeju-2023: the plan passes …`.
    public static func warnings(event: Event, plan: [Headroom], actual: [Headroom] = []) -> [String] {
        let passed = plan.filter(\.isPassed).map { ($0, Stage.plan) } + actual.filter(\.isPassed).map { ($0, Stage.actuals) }
        return passed.map { "warning: \(event.id): \(warning($0, $1))" }
    }

    /// A ceiling row's words in a CSV: `ceiling 17000.00; headroom 392.71 planned, 339.11 actual; PASSED by the actuals`.
    static func csvNote(_ plan: Headroom, _ actual: Headroom? = nil) -> String {
        var text = "ceiling \(plan.ceiling.plain); headroom \(plan.headroom.plain) planned"
        if let actual { text += ", \(actual.headroom.plain) actual" }
        let passed = [plan.isPassed ? "the plan" : nil, actual?.isPassed == true ? "the actuals" : nil].compactMap { $0 }
        return text + (passed.isEmpty ? "" : "; PASSED by " + passed.joined(separator: " and "))
    }

    /// The stated rule, for every report that shows headroom.
    static let rule = "Headroom = ceiling - total: below zero when the total passes the ceiling (reaching it exactly does not). "
        + "Passing a ceiling is a warning, not an error."

    /// A report's `Budget ceiling` section: a row per ceiling with its headroom (planned, and actual when given), then a
    /// WARNING line for each ceiling passed.
    static func section(plan: [Headroom], actual: [Headroom]? = nil) -> [String] {
        guard !plan.isEmpty else { return [] }
        typealias L = TextLayout
        let labels = plan.map { h in h.scope == .event ? "Event total" : scope(h) }
        let labelWidth = min(max(labels.map(\.count).max() ?? 0, 12), 30)
        let titles = ["Ceiling", "Planned", "Headroom"] + (actual == nil ? [] : ["Actual", "Headroom"])
        let rows = plan.enumerated().map { index, h in
            [h.ceiling.grouped, h.spent.grouped, h.headroom.grouped]
                + (actual.flatMap { $0[safe: index] }.map { [$0.spent.grouped, $0.headroom.grouped] } ?? [])
        }
        let width = (rows.flatMap { $0 } + titles).map(\.count).max() ?? 8
        func line(_ label: String, _ cells: [String]) -> [String] {
            let cellsText = cells.map { "  " + L.right($0, width) }.joined()
            guard label.count <= labelWidth else { return ["  " + label, "  " + String(repeating: " ", count: labelWidth) + cellsText] }
            return ["  " + L.left(label, labelWidth) + cellsText]
        }
        var out = [L.left("Budget ceiling", labelWidth + 2) + titles.map { "  " + L.right($0, width) }.joined()]
        for (label, cells) in zip(labels, rows) { out += line(label, cells) }
        for h in plan where h.isPassed { out += L.wrap("WARNING: \(warning(h, .plan)).", first: "  ", indent: "  ") }
        for h in actual ?? [] where h.isPassed { out += L.wrap("WARNING: \(warning(h, .actuals)).", first: "  ", indent: "  ") }
        out += L.wrap(rule, first: "  ", indent: "  ")
        out.append("")
        return out
    }
}

extension Array {
    /// The element at an index, or nil past the end.
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension Money {
    /// Grouped with an explicit sign for a variance: `+607.29`, `-1,003.46`, `0.00`.
    var signed: String { cents > 0 ? "+" + grouped : grouped }
}
