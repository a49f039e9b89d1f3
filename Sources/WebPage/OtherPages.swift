import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import Planner

extension Site {
    /// The first page: what the server does, and where to go.
    func home() -> Reply {
        .page(Pages.layout("travel-budget", [
            el("p", [], "The travel budget planner of UNITAR CIFAL Jeju/JITC and the RSO of the Bali Process: the same planner as the "
               + "command line, on this computer. Rosters are read in memory and nothing is kept after a page is sent."),
            el("ul", [.class("jobs")], [
                ("/events", "Events", "each event's dates, cap table with the announcement's words, and planning assumptions"),
                ("/cost", "Cost a roster", "upload a roster or pick one, and get the report, the workbook and the text, JSON or CSV report"),
                ("/compare", "Compare events", "a roster or a scenario priced under several events, side by side"),
                ("/fit", "Fit a budget", "the mix with the most participants a budget can fund, and the sweep"),
            ].map { job in el("li", [], [el("a", [.href(job.0)], job.1), .text(": " + job.2)]) }),
        ]))
    }

    /// The events: dates and title, each cap table with the announcement's words per row, the rule for other points of
    /// departure, the planning assumptions; a draft marked; an event file with problems listed with them.
    func events() -> Reply {
        var content: [HTML] = [
            el("nav", [Attribute("aria-label", "Events")], [el("ul", [], planner.tables.events.map { event in
                el("li", [], [el("a", [.href("#\(event.id)")], event.id), .text(": \(event.start) to \(event.end), \(event.title)"),
                              event.isDraft ? el("strong", [.class("draft")], " [DRAFT]") : .empty])
            })]),
        ]
        for broken in planner.tables.broken {
            content.append(el("section", [.class("error")], [el("h2", [], "\(broken.id): not read"), el("pre", [], broken.error.description)]))
        }
        content += planner.tables.events.map(eventSection)
        return .page(Pages.layout("Events", content))
    }

    private func eventSection(_ event: Event) -> HTML {
        el("section", [.id(event.id), Attribute("aria-labelledby", "\(event.id)-title")], [
            el("h2", [.id("\(event.id)-title")], "\(event.id): \(event.title)"),
            .fragment(AssumptionText.draft(event).map { el("p", [.class("draft")], $0) }),
            el("dl", [.class("summary")], [
                ("Dates", "\(event.start.long) to \(event.end.long)" + (event.datesNote.map { " (\($0))" } ?? "")),
                ("Venue", event.venue), ("Paying offices", event.payingOffices.joined(separator: "; ")), ("Source", event.source),
            ].flatMap { [el("dt", [], $0.0), el("dd", [], $0.1)] }),
            el("table", [.class("caps")], [
                el("caption", [], "\(event.id): airfare assistance limit (cap) per point of departure, US$"),
                el("thead", [], [el("tr", [], ["#", "Region", "Cap", "Points of departure", "The announcement's words"].map {
                    el("th", [.scope("col")], $0)
                })]),
                el("tbody", [], event.caps.enumerated().map { index, row in
                    let points: [HTML]
                    switch row.label {
                    case .labelled: points = [.text(row.pointsOfDeparture.joined(separator: ", "))]
                    case .inferred(let reason):
                        points = [.text(row.pointsOfDeparture.joined(separator: ", ") + " "), el("strong", [.class("mark")], "[INFERRED]"),
                                  el("p", [.class("hint")], "Label missing in the announcement; inference: " + reason)]
                    case .unlabelled:
                        points = [el("strong", [.class("mark")], "[UNLABELLED]"),
                                  el("p", [.class("hint")], "Label missing in the announcement; applies to nobody until assigned.")]
                    }
                    return el("tr", row.label == .labelled ? [] : [.class("marked")], [
                        el("td", [], String(index + 1)), el("td", [], row.region), el("td", [.class("num")], row.cap.grouped),
                        el("td", [], points), el("td", [], [el("q", [], row.source)]),
                    ])
                }),
            ]),
            el("h3", [], "Other points of departure"),
            el("p", [], "Rule `\(event.otherPointsOfDeparture.rawValue)`: " + event.otherPointsWords),
            el("h3", [], "Planning assumptions"),
            el("ul", [], (AssumptionText.all(event) + [event.costSharing.basis]).map { el("li", [], $0) }),
            el("details", [], [el("summary", [], "The cap table as the command line prints it (travel-budget caps \(event.id))"),
                               el("pre", [.class("report")], (try? planner.capsText(event.id)) ?? "")]),
        ])
    }
}
