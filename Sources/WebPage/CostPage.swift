import BudgetCore
import BudgetRenderers
import Foundation
import Planner

extension Site {
    /// The form: an event, a roster (uploaded or shipped), and the command line's options.
    func costForm() -> Reply { .page(Pages.layout("Cost a roster", costFormContent(nil))) }

    /// The form's content; `filled`: as a form sent it (shown again after an error).
    func costFormContent(_ filled: Form?) -> [HTML] {
        let offices = Array(Set(planner.tables.events.flatMap(\.payingOffices))).sorted()
        return [
            el("p", [], "Choose an event and a roster; the result is the report the command line prints, as a page, with its downloads."),
            Pages.form("/cost", token: formToken, [
                el("fieldset", [], [
                    el("legend", [], "Event and roster"),
                    Pages.select("event", "Event", Pages.eventChoices(planner), filled: filled),
                    Pages.rosterFile(),
                    Pages.keptRoster(filled),
                    Pages.select("shipped", "Or a roster shipped with the tables", Pages.rosterChoices(planner), filled: filled),
                ]),
                el("fieldset", [], [
                    el("legend", [], "Options"),
                    Pages.select("who", "Who is priced", Who.allCases.map { ($0.rawValue, Site.whoWords[$0] ?? $0.rawValue) }, filled: filled),
                    Pages.select("office", "Paying office", [("", "every paying office (the whole event)")] + offices.map { ($0, "only \($0)") }, filled: filled),
                    Pages.checkbox("redact", "Leave names and organizations out (for a report sent to another office)", filled: filled),
                    Pages.textField("budget", "Budget ceiling for the event, US$", hint: "e.g. 16000; empty: the event file's", filled: filled),
                    Pages.textArea("office_budgets", "Budget ceilings per office", hint: "one OFFICE=AMOUNT a line, e.g. RSO=8000", filled: filled),
                ]),
                el("details", [], [
                    el("summary", [], "Reading the roster: columns, sheet, amounts, dates, currencies"),
                    Pages.textArea("columns", "Column mapping", hint: "one NAME=HEADER a line, e.g. fare_usd=Fare paid, or ignore=HEADER", filled: filled),
                    Pages.textField("sheet", "Sheet of a workbook roster", hint: "default: one named like Roster or Participants, else the first", filled: filled),
                    Pages.checkbox("decimal_comma", "Amounts have a decimal comma (1.050,50)", filled: filled),
                    Pages.select("date_order", "Dates such as 12/11/2023", [("", "only dates that cannot be misread"),
                                                                            ("dmy", "day first (dmy)"), ("mdy", "month first (mdy)")], filled: filled),
                    Pages.textArea("rates", "Rates for fares in other currencies", hint: "one CUR=RATE a line: units per US$1, e.g. THB=35.20", filled: filled),
                ]),
                el("details", [], [
                    el("summary", [], "The workbook"),
                    Pages.textField("created", "Prepared on", hint: "YYYY-MM-DD; default: today (UTC)", filled: filled),
                    Pages.select("paper", "Paper", [("", "the event file's, else A4"), ("a4", "A4"), ("letter", "Letter")], filled: filled),
                    Pages.textField("prepared_by", "Prepared by", filled: filled),
                    Pages.checkbox("no_protect", "Leave the formula cells unprotected", filled: filled),
                ]),
                el("div", [.class("buttons")], [Pages.button("Cost the roster")]
                   + Download.allCases.map { Pages.button("Download the \($0.label)", name: "download", value: $0.rawValue) }),
            ]),
        ]
    }

    static let whoWords: [Who: String] = [
        .notExcluded: "everyone not known to be ineligible or declined (the default)", .eligible: "only those known to be eligible",
        .approved: "only those approved", .all: "everyone on the roster",
    ]

    /// Costs the roster: the page, or one download.
    func cost(_ form: Form) -> Reply {
        answer(form, title: "Cost a roster", refill: costFormContent) { form throws(PageError) in
            guard let roster = try roster(form) else { throw .missing("Choose a roster: upload a file, or pick one shipped with the tables.") }
            // As on the command line, a mistyped ceiling is said before the roster is read.
            do throws(PlannerError) { _ = try Planner.ceilingTexts(ceilings(form)) } catch { throw .planner(error) }
            var request = CostRequest(event: try event(form), roster: roster)
            request.office = form.value("office")
            request.columns = try columns(form)
            request.pricing = try pricing(form)
            request.ceilings = ceilings(form)
            let name = "\(request.event)-\(Site.stem(roster))\(request.office.map { "-" + $0 } ?? "")"
            var notes: [String] = []
            if let download = try download(form, allowed: Download.allCases) {
                return try downloaded(download, form, request, name: name, workbookFile: "budget.xlsx", workbookField: \.workbook,
                                      formatField: \.format) { request throws(PlannerError) in try planner.cost(request, say: { _ in }).report }
            }
            request.format = request.office == nil ? .json : .text
            let result: CostResult
            do throws(PlannerError) { result = try planner.cost(request, say: { notes.append($0) }) } catch { throw .planner(error) }
            let event = try planner.event(request.event, orThrow: ())
            var body: [HTML] = [Pages.notes(notes, warnings: result.warnings)]
            if request.office != nil {
                body.append(el("section", [Attribute("aria-labelledby", "report")], [
                    el("h2", [.id("report")], "\(request.office!)'s budget"), el("pre", [.class("report")], result.report),
                ]))
            } else {
                // The JSON report's document, as a value: every figure and sentence on the page is the renderer's.
                guard let report = JSONReport(result.budget, options: request.pricing.renderOptions).document else {
                    throw .planner(.software("the report could not be shown: the budget kept no participant lines"))
                }
                // The text report, as the command line prints it, is one click away (its download): rendering it into every
                // page cost a fifth of the page's time.
                body += CostReportPage(report: report, event: event).sections
            }
            body.append(Pages.downloads("/cost", site: self, carrying: form, roster: roster, Download.allCases))
            return .page(Pages.layout("Cost: \(request.event), \(roster.name)", body))
        }
    }
}

extension Planner {
    /// An event of the server's list (checked before), or the planner's refusal as a page error.
    func event(_ id: String, orThrow: Void) throws(PageError) -> Event {
        do throws(PlannerError) { return try event(id) } catch { throw .planner(error) }
    }
}
