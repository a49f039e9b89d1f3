import BudgetCore
import BudgetRenderers

/// The cost report as sections of a page: the summary, the regions with their subtotals, the flags and their meaning, the
/// offices' parts, awaiting-cap exposure, eligibility, ceilings and headroom, notes and assumptions.
struct CostReportPage {
    let report: JSONReport.Document
    let event: Event

    var sections: [HTML] {
        [summary, table, flags, eventCosts, offices, awaitingCap, eligibility, headroom, notes].filter { !$0.isEmpty }
    }

    private var otherKeys: [String] { Array(Set(report.participants.flatMap { ($0.other_lines ?? [:]).keys })).sorted() }

    private var summary: HTML {
        let t = report.totals
        var rows: [(String, String)] = [
            ("Event", "\(report.event): \(report.title)"),
            ("Dates", "\(report.start) to \(report.end)"),
            ("Paying offices", report.paying_offices.joined(separator: "; ")),
            ("Roster", report.roster),
            ("Participants priced", String(t.participants)),
            ("Assisted airfare", "US$ " + grouped(t.assisted_airfare)),
            ("Local expenses", "US$ " + grouped(t.local_expenses)),
            ("Total", "US$ " + grouped(t.total)),
        ]
        if let grand = report.grand_total { rows.append(("Grand total (with the event costs)", "US$ " + grouped(grand))) }
        return el("section", [Attribute("aria-labelledby", "summary")], [
            el("h2", [.id("summary")], "Summary"),
            event.isDraft ? el("p", [.class("draft")], AssumptionText.draftNotice.uppercased()) : .empty,
            el("dl", [.class("summary")], rows.flatMap { row -> [HTML] in
                [el("dt", [], row.0), el("dd", row.0 == "Total" ? [.id("total")] : [], row.1)]
            }),
        ])
    }

    private var table: HTML {
        let others = otherKeys
        let headers = ["ID", "Name", "Organization", "Departure", "Fare", "Cap", "Assisted", "Share", "Local"] + others + ["Total", "Flags"]
        let width = String(headers.count)
        func money(_ text: String?) -> HTML { el("td", [.class("num")], text.map(grouped) ?? "-") }
        func totalsCells(_ t: JSONReport.Totals) -> [HTML] {
            [money(t.assisted_airfare), money(t.participant_share), money(t.local_expenses)]
                + others.map { money(t.other_lines?[$0] ?? "0.00") } + [money(t.total), el("td", [], "")]
        }
        var bodies: [HTML] = []
        for region in report.regions {
            let lines = report.participants.filter { regionName(of: $0) == region.region }
            bodies.append(el("tbody", [], [
                el("tr", [.class("region")], [el("th", [.scope("rowgroup"), Attribute("colspan", width)], region.region)]),
            ] + lines.map { line in
                el("tr", [], [el("th", [.scope("row")], line.id), el("td", [], line.name), el("td", [], line.organization),
                              el("td", [], line.country), money(line.fare), money(line.cap), money(line.assisted_airfare),
                              money(line.participant_share), money(line.local_expenses)]
                   + others.map { money(line.other_lines?[$0] ?? "0.00") }
                   + [money(line.total), el("td", [.class("flags")], line.flags.map { flag in
                       el("abbr", [Attribute("title", flag)], Flag(rawValue: flag)?.letter ?? flag)
                   })])
            } + [
                el("tr", [.class("subtotal")], [el("th", [.scope("row"), Attribute("colspan", "6")],
                                                   "\(region.region) (\(region.totals.participants))")] + totalsCells(region.totals)),
            ]))
        }
        return el("section", [Attribute("aria-labelledby", "lines")], [
            el("h2", [.id("lines")], "Participants by region"),
            el("p", [], "Amounts in US$. Assisted = min(fare, cap): the airfare the event pays. Share = fare - assisted: what the "
               + "participant pays. Total = assisted + local expenses\(others.isEmpty ? "" : " + the other lines"): the cost to the "
               + "paying offices (the participant share is not in it)."),
            el("div", [.class("scroll")], [
                el("table", [.class("budget")], [
                    el("caption", [], "\(report.event): every participant priced, by region, with subtotals"),
                    el("thead", [], [el("tr", [], headers.map { el("th", [.scope("col")], $0) })]),
                ] + bodies + [
                    el("tfoot", [], [el("tr", [.class("total")], [el("th", [.scope("row"), Attribute("colspan", "6")],
                                                                      "TOTAL (\(report.totals.participants))")]
                                        + totalsCells(report.totals))]),
                ]),
            ]),
        ])
    }

    /// The region a line is listed under: a resource person's or staff's group, else the point of departure's region.
    private func regionName(of line: JSONReport.Line) -> String {
        if let role = line.role, let parsed = Role(rawValue: role), parsed != .participant { return parsed.heading }
        return line.region
    }

    private var flags: HTML {
        guard !report.flags.isEmpty else { return .empty }
        return el("section", [Attribute("aria-labelledby", "flags")], [
            el("h2", [.id("flags")], "Flags"),
            el("table", [], [
                el("thead", [], [el("tr", [], ["Code", "Flag", "Participants", "Meaning"].map { el("th", [.scope("col")], $0) })]),
                el("tbody", [], report.flags.map { note in
                    el("tr", [], [el("td", [], Flag(rawValue: note.flag)?.letter ?? ""), el("th", [.scope("row")], note.flag),
                                  el("td", [.class("num")], String(note.participants)), el("td", [], note.meaning)])
                }),
            ]),
        ])
    }

    private var eventCosts: HTML {
        guard let costs = report.event_costs, !costs.isEmpty || !(report.cost_lines ?? []).isEmpty else { return .empty }
        return el("section", [Attribute("aria-labelledby", "event-costs")], [
            el("h2", [.id("event-costs")], "Cost lines and event costs"),
            el("ul", [], (report.cost_lines ?? []).map { line in
                el("li", [], "\(line.name): \(line.amount), total US$ \(grouped(line.total)). \(line.source.map { "Source: \"\($0)\"" } ?? line.planning_assumption ?? "")")
            } + costs.map { cost in
                el("li", [], "\(cost.name) (event cost): US$ \(grouped(cost.amount)), \(cost.basis). \(cost.source.map { "Source: \"\($0)\"" } ?? cost.planning_assumption ?? "")")
            }),
        ])
    }

    private var offices: HTML {
        let others = otherKeys
        let hasEventCosts = report.offices.contains { $0.event_costs != nil }
        let headers = ["Office", "Share of airfare", "Share of local", "Assisted", "Local"] + others + ["Total"]
            + (hasEventCosts ? ["Event costs", "Grand total"] : [])
        return el("section", [Attribute("aria-labelledby", "offices")], [
            el("h2", [.id("offices")], "Paying offices"),
            el("table", [], [
                el("thead", [], [el("tr", [], headers.map { el("th", [.scope("col")], $0) })]),
                el("tbody", [], report.offices.map { office in
                    el("tr", [], [el("th", [.scope("row")], office.office), el("td", [.class("num")], office.airfare_share_percent + "%"),
                                  el("td", [.class("num")], office.local_expenses_share_percent + "%"),
                                  el("td", [.class("num")], grouped(office.assisted_airfare)),
                                  el("td", [.class("num")], grouped(office.local_expenses))]
                       + others.map { el("td", [.class("num")], grouped(office.other_lines?[$0] ?? "0.00")) }
                       + [el("td", [.class("num")], grouped(office.total))]
                       + (hasEventCosts ? [el("td", [.class("num")], grouped(office.event_costs ?? "0.00")),
                                           el("td", [.class("num")], grouped(office.grand_total ?? office.total))] : []))
                }),
            ]),
            el("p", [], report.cost_sharing.basis),
        ])
    }

    private var awaitingCap: HTML {
        let awaiting = report.awaiting_cap
        guard !awaiting.participants.isEmpty else { return .empty }
        // The text report's sentence, from the same figures.
        let text = AwaitingCapText.sentence(ids: awaiting.participants, fares: Money(plain: awaiting.fares) ?? .zero,
                                            withoutFare: awaiting.no_fare_quoted?.count ?? 0)
        return el("section", [Attribute("aria-labelledby", "awaiting")], [el("h2", [.id("awaiting")], "Awaiting a cap"), el("p", [], text)])
    }

    private var eligibility: HTML {
        let e = report.eligibility
        var content: [HTML] = [el("h2", [.id("eligibility")], "Eligibility"),
                               el("p", [], "Priced: \(Site.whoWords[Who(rawValue: e.who) ?? .notExcluded] ?? e.who).")]
        if !e.left_out.isEmpty {
            content.append(el("table", [], [
                el("caption", [], "Left out of the plan"),
                el("thead", [], [el("tr", [], ["ID", "Eligible", "Reasons"].map { el("th", [.scope("col")], $0) })]),
                el("tbody", [], e.left_out.map { left in
                    el("tr", [], [el("th", [.scope("row")], left.id), el("td", [], left.eligible.map { $0 ? "yes" : "no" } ?? "not known"),
                                  el("td", [], [el("ul", [], left.reasons.map { el("li", [], $0) })])])
                }),
            ]))
        }
        if !e.not_known.isEmpty {
            content.append(el("p", [], "Eligibility not known (priced, to check): \(e.not_known.joined(separator: ", "))."))
        }
        if !report.not_planned.isEmpty {
            content.append(el("p", [], "Not in the plan (marked planned = no): \(report.not_planned.joined(separator: ", "))."))
        }
        return el("section", [Attribute("aria-labelledby", "eligibility")], content)
    }

    private var headroom: HTML {
        guard !report.headroom.isEmpty else { return .empty }
        return el("section", [Attribute("aria-labelledby", "headroom")], [
            el("h2", [.id("headroom")], "Budget ceilings and headroom"),
            el("table", [], [
                el("thead", [], [el("tr", [], ["Ceiling for", "Ceiling", "Planned", "Headroom", ""].map { el("th", [.scope("col")], $0) })]),
                el("tbody", [], report.headroom.map { h in
                    el("tr", h.passed ? [.class("passed")] : [], [
                        el("th", [.scope("row")], h.scope), el("td", [.class("num")], grouped(h.ceiling)),
                        el("td", [.class("num")], grouped(h.spent)), el("td", [.class("num")], grouped(h.headroom)),
                        el("td", [], h.passed ? "PASSED" : "within"),
                    ])
                }),
            ]),
        ] + report.warnings.map { el("p", [.class("warning")], "warning: " + $0) })
    }

    private var notes: HTML {
        var items: [String] = report.roster_notes ?? []
        if !report.unused_columns.isEmpty { items.append("Columns not read: " + report.unused_columns.joined(separator: ", ")) }
        items += (report.fare_rates ?? []).map { "Fares in \($0.currency) converted at \($0.units_per_usd) per US$1 (\($0.source))" }
        return el("section", [Attribute("aria-labelledby", "assumptions")], [
            el("h2", [.id("assumptions")], "Notes and assumptions"),
            el("ul", [], (items + report.assumptions).map { el("li", [], $0) }),
        ])
    }
}

/// A plain amount of the JSON report (`-16607.29`) written with thousands separators (`-16,607.29`), as the text report does.
func grouped(_ plain: String) -> String {
    Money(plain: plain)?.grouped ?? plain
}
