import BudgetCore
import BudgetReaders
import Foundation
import Planner

extension Site {
    /// The compare form: a scenario or a roster, the events, the real-terms option.
    func compareForm() -> Reply { .page(Pages.layout("Compare events", compareFormContent(nil))) }

    /// The form's content; `filled`: as a form sent it (shown again after an error).
    func compareFormContent(_ filled: Form?) -> [HTML] {
        [
            el("p", [], "Price the same mix under several events: the caps that changed, and the mix's cost under each event."),
            Pages.form("/compare", token: formToken, [
                el("fieldset", [], [
                    el("legend", [], "The mix: a scenario, or a roster"),
                    Pages.select("scenario", "A scenario shipped with the tables",
                                 [("", "(none: use a roster below)")] + planner.scenarioFiles().map { ($0, $0) }, filled: filled),
                    Pages.rosterFile("Or upload a roster (.csv, .xlsx or .ods, at most 10 MB)"),
                    Pages.keptRoster(filled),
                    Pages.select("shipped", "Or a roster shipped with the tables", Pages.rosterChoices(planner), filled: filled),
                    Pages.select("roster_event", "The event whose dates a roster's arrive/leave are",
                                 [("", "the one event every dated stay falls in")] + Pages.eventChoices(planner), filled: filled),
                ]),
                el("fieldset", [], [
                    el("legend", [], "Events to compare (none ticked: the scenario's, else every event)"),
                ] + planner.tables.events.map { Pages.checkbox("events", "\($0.id): \($0.title)", value: $0.id, id: "events-\($0.id)", filled: filled) }),
                Pages.checkbox("real", "Also restate the first event's figures in the last event's dollars (price index)", filled: filled),
                el("details", [], [
                    el("summary", [], "Reading a roster: columns, sheet, amounts, dates, currencies"),
                    Pages.textArea("columns", "Column mapping", hint: "one NAME=HEADER a line", filled: filled),
                    Pages.textField("sheet", "Sheet of a workbook roster", filled: filled),
                    Pages.checkbox("decimal_comma", "Amounts have a decimal comma (1.050,50)", filled: filled),
                    Pages.select("date_order", "Dates such as 12/11/2023", [("", "only dates that cannot be misread"),
                                                                            ("dmy", "day first (dmy)"), ("mdy", "month first (mdy)")], filled: filled),
                    Pages.textArea("rates", "Rates for fares in other currencies", hint: "one CUR=RATE a line", filled: filled),
                    Pages.textField("created", "Workbook prepared on", hint: "YYYY-MM-DD; default: today (UTC)", filled: filled),
                ]),
                el("div", [.class("buttons")], [Pages.button("Compare")]
                   + Download.allCases.map { Pages.button("Download the \($0.label)", name: "download", value: $0.rawValue) }),
            ]),
        ]
    }

    /// Compares: the page, or one download.
    func compare(_ form: Form) -> Reply {
        answer(form, title: "Compare events", refill: compareFormContent) { form throws(PageError) in
            let roster = try roster(form)
            let mix: CompareRequest.Mix
            if let scenario = form.value("scenario") {
                guard roster == nil else { throw .missing("Choose either a scenario or a roster, not both.") }
                guard planner.scenarioFiles().contains(scenario) else { throw .missing("There is no scenario `\(scenario)` on this server.") }
                mix = .scenario(scenario)
            } else if let roster {
                mix = .roster(roster)
            } else {
                throw .missing("Choose a scenario or a roster.")
            }
            var request = CompareRequest(mix: mix)
            if form.value("roster_event") != nil { request.rosterEvent = try event(form, field: "roster_event") }
            for id in form.values("events") {
                guard planner.tables.events.contains(where: { $0.id == id }) else { throw .missing("There is no event `\(id)` on this server.") }
                request.events.append(id)
            }
            request.real = form.isOn("real")
            request.columns = try columns(form)
            let name = "compare-" + (roster.map(Site.stem) ?? ((form.value("scenario")! as NSString).lastPathComponent as NSString).deletingPathExtension)
            var notes: [String] = []
            if let download = try download(form, allowed: Download.allCases) {
                return try downloaded(download, form, request, name: name, workbookFile: "compare.xlsx", workbookField: \.workbook,
                                      formatField: \.format) { request throws(PlannerError) in try planner.compare(request, say: { _ in }).text }
            }
            let result: CompareResult
            do throws(PlannerError) { result = try planner.compare(request, say: { notes.append($0) }) } catch { throw .planner(error) }
            return .page(Pages.layout("Compare: \(result.report.mixName)", [
                Pages.notes(notes),
                el("section", [Attribute("aria-labelledby", "report")], [
                    el("h2", [.id("report")], "The caps that changed, and the mix under each event"),
                    el("pre", [.class("report")], result.text),
                ]),
                Pages.downloads("/compare", site: self, carrying: form, roster: roster, Download.allCases),
            ]))
        }
    }

    /// The fit form: an event, a budget, bounds, the fare assumption, the sweep.
    func fitForm() -> Reply { .page(Pages.layout("Fit a budget", fitFormContent(nil))) }

    /// The form's content; `filled`: as a form sent it (shown again after an error).
    func fitFormContent(_ filled: Form?) -> [HTML] {
        [
            el("p", [], "The mix with the most participants a budget can fund within bounds per region or country, each priced at "
               + "the worst case (the region's highest cap) with the full stay's local expenses."),
            Pages.form("/fit", token: formToken, [
                Pages.select("event", "Event", Pages.eventChoices(planner), filled: filled),
                Pages.textField("budget", "Budget, US$", hint: "20000, 20,000.50 or $20,000 (at most 10,000,000)", filled: filled),
                Pages.textArea("min", "At least", hint: "one REGION_OR_COUNTRY=N a line, e.g. South-Eastern Asia=3", filled: filled),
                Pages.textArea("max", "At most", hint: "one REGION_OR_COUNTRY=N a line, e.g. Southern Asia=2", filled: filled),
                Pages.textField("fare", "Fares", hint: "cap (the worst case) or a fraction of the cap such as 0.8", value: "cap", filled: filled),
                Pages.checkbox("sweep", "Also the mix's total at other fares and exchange rates (the sweep)", filled: filled),
                Pages.textField("sweep_fractions", "Sweep: fare fractions", hint: "e.g. 0.6,0.8,1 (default 0.6 to 1.0)", filled: filled),
                Pages.textField("sweep_rates", "Sweep: exchange-rate changes in %", hint: "e.g. -10,-5,0,5,10 (the default)", filled: filled),
                el("div", [.class("buttons")], [Pages.button("Fit"), Pages.button("Download the \(Download.text.label)", name: "download", value: "text"),
                                                Pages.button("Download the \(Download.json.label)", name: "download", value: "json")]),
            ]),
        ]
    }

    /// Fits: the page, or one download.
    func fit(_ form: Form) -> Reply {
        answer(form, title: "Fit a budget", refill: fitFormContent) { form throws(PageError) in
            guard let budgetText = form.value("budget") else { throw .missing("Give the budget in US$.") }
            let budget: Money
            do { budget = try USDText.read(budgetText, maximumDollars: 1_000_000_000, what: "no budget") } catch { throw .usage("budget: \(error)") }
            var job = FitJob(event: try event(form), budget: budget)
            job.bounds = try Site.bounds(form.lines("min"), .minimum) + Site.bounds(form.lines("max"), .maximum)
            let fare = form.value("fare") ?? "cap"
            if fare.lowercased() != "cap" {
                guard let fraction = Proportion(fraction: fare) else { throw .usage("fare: `\(fare)` is neither cap nor a fraction such as 0.8") }
                job.fare = .fractionOfCap(fraction)
            }
            let fractions = form.value("sweep_fractions"), rates = form.value("sweep_rates")
            if form.isOn("sweep") || fractions != nil || rates != nil {
                job.sweep = (try fractions.map { text throws(PageError) in try Site.proportions(text, Proportion.init(fraction:), "fare fractions") }
                                ?? FitSweep.defaultFractions,
                             try rates.map { text throws(PageError) in try Site.proportions(text, Proportion.init(percent:), "rate changes") }
                                ?? FitSweep.defaultRateChanges)
            }
            let download = try download(form, allowed: [.text, .json])
            job.json = download == .json
            let text: String
            do throws(PlannerError) { text = try planner.fit(job) } catch { throw .planner(error) }
            if let download { return Site.file(Array(text.utf8), download, name: "fit-\(job.event)") }
            return .page(Pages.layout("Fit: \(job.event), US$ \(budget.grouped)", [
                el("section", [Attribute("aria-labelledby", "report")], [
                    el("h2", [.id("report")], "The mix\(job.sweep == nil ? "" : " and the sweep")"), el("pre", [.class("report")], text),
                ]),
                Pages.downloads("/fit", site: self, carrying: form, roster: nil, [.text, .json]),
            ]))
        }
    }

    /// Bounds typed one `REGION_OR_COUNTRY=N` a line, read as `--min` and `--max` are.
    static func bounds(_ lines: [String], _ side: FitBound.Side) throws(PageError) -> [FitBound] {
        var bounds: [FitBound] = []
        for line in lines {
            guard let bound = FitBound(typed: line, side: side) else {
                throw .usage("\(side.rawValue): `\(line)` is not REGION_OR_COUNTRY=N with N from 0 to 100,000")
            }
            bounds.append(bound)
        }
        return bounds
    }

    /// Values separated by commas, each read as the command line reads it.
    static func proportions(_ text: String, _ read: (String) -> Proportion?, _ what: String) throws(PageError) -> [Proportion] {
        var values: [Proportion] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = read(part.trimmingCharacters(in: .whitespaces)) else { throw .usage("sweep \(what): `\(part)` cannot be read") }
            values.append(value)
        }
        return values
    }
}
