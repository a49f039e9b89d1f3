import BudgetCore
import BudgetReaders
import Planner

/// The parts every page shares: the layout with its navigation, the form controls (each with its label), the error page.
enum Pages {
    /// A whole page: title, the stylesheet, the navigation, then the content.
    static func layout(_ title: String, _ content: [HTML]) -> HTML {
        el("html", [Attribute("lang", "en")], [
            el("head", [], [
                .element("meta", [Attribute("charset", "utf-8")]),
                .element("meta", [.name("viewport"), Attribute("content", "width=device-width, initial-scale=1")]),
                el("title", [], "\(title) · travel-budget"),
                .element("link", [Attribute("rel", "stylesheet"), .href("/style.css")]),
            ]),
            el("body", [], [
                el("a", [.href("#main"), .class("skip")], "Skip to the content"),
                el("header", [], [
                    el("nav", [Attribute("aria-label", "Pages")], [
                        el("ul", [], [("/", "travel-budget"), ("/events", "Events"), ("/cost", "Cost a roster"),
                                      ("/compare", "Compare events"), ("/fit", "Fit a budget")].map { link in
                            el("li", [], [el("a", [.href(link.0)], link.1)])
                        }),
                    ]),
                ]),
                el("main", [.id("main")], [el("h1", [], title)] + content),
            ]),
        ])
    }

    /// The error page: the command line's message as it prints it (file, line or cell, the offending line, the caret, the
    /// hint), with nothing of a result.
    static func error(_ error: PageError, title: String, back: String = "/") -> HTML {
        layout(title, [
            el("section", [.class("error"), Attribute("role", "alert"), Attribute("aria-labelledby", "error")], [
                el("h2", [.id("error")], "Nothing was computed"),
                el("pre", [], error.message),
            ]),
            el("p", [], [.text("Correct the roster or the options and send the form again ("),
                         el("a", [.href(back)], "back to the form"), .text(").")]),
        ])
    }

    // MARK: Form controls

    /// A labelled select; `choices` are (value, label) and the first is chosen unless `selected` names another.
    static func select(_ name: String, _ label: String, _ choices: [(String, String)], selected: String? = nil, hint: String? = nil,
                       filled: Form? = nil) -> HTML {
        let selected = filled?.value(name) ?? selected
        return field(name, label, hint: hint, el("select", [.name(name), .id(name)] + described(name, hint), choices.map { choice in
            el("option", [.value(choice.0)] + (choice.0 == selected ? [.selected] : []), choice.1)
        }))
    }

    /// A labelled text field.
    static func textField(_ name: String, _ label: String, hint: String? = nil, value: String? = nil, placeholder: String? = nil,
                          filled: Form? = nil) -> HTML {
        let value = filled.map { $0.value(name) ?? "" } ?? value
        return field(name, label, hint: hint, .element("input", [.type("text"), .name(name), .id(name)] + described(name, hint)
            + (value.map { [.value($0)] } ?? []) + (placeholder.map { [Attribute("placeholder", $0)] } ?? [])))
    }

    /// A labelled text area, one entry a line.
    static func textArea(_ name: String, _ label: String, hint: String? = nil, rows: Int = 2, filled: Form? = nil) -> HTML {
        field(name, label, hint: hint, el("textarea", [.name(name), .id(name), Attribute("rows", String(rows))] + described(name, hint),
                                          filled?.value(name) ?? ""))
    }

    /// A labelled checkbox (label after the box).
    static func checkbox(_ name: String, _ label: String, value: String = "on", checked: Bool = false, id: String? = nil,
                         filled: Form? = nil) -> HTML {
        let id = id ?? name
        let checked = filled.map { $0.values(name).contains(value) } ?? checked
        return el("div", [.class("check")], [
            .element("input", [.type("checkbox"), .name(name), .id(id), .value(value)] + (checked ? [.checked] : [])),
            el("label", [.for(id)], label),
        ])
    }

    /// A labelled file chooser for a roster.
    static func rosterFile(_ label: String = "Upload a roster (.csv, .xlsx or .ods, at most 10 MB)") -> HTML {
        field("roster", label, hint: nil, .element("input", [.type("file"), .name("roster"), .id("roster"),
                                                              Attribute("accept", ".csv,.txt,.xlsx,.xlsm,.ods")]))
    }

    /// The roster a form sent, kept when the form is shown again (after an error): carried as hidden fields, and said.
    static func keptRoster(_ filled: Form?) -> HTML {
        guard let filled else { return .empty }
        var kept: (bytes: [UInt8], name: String)?
        if let file = filled.file("roster") {
            kept = (file.bytes, Site.uploadName(file.filename ?? ""))
        } else if let data = filled.value("roster_data"), let bytes = Data(base64Encoded: data) {
            kept = (Array(bytes), Site.uploadName(filled.value("roster_name") ?? ""))
        }
        // A roster over the limit is refused as such: it is not sent back.
        guard let kept, kept.bytes.count <= InputFile.maximumBytes else { return .empty }
        return .fragment([
            hidden("roster_data", Data(kept.bytes).base64EncodedString()), hidden("roster_name", kept.name),
            el("p", [.class("kept")], "Kept: the roster you sent, \(kept.name). Choose another file, or a roster shipped with the tables, to replace it."),
        ])
    }

    /// The page of a form shown again after an error: the message first, then the form as it was sent, to correct.
    static func refused(_ error: PageError, title: String, form: [HTML]) -> HTML {
        layout(title, [
            el("section", [.class("error"), Attribute("role", "alert"), Attribute("aria-labelledby", "error")], [
                el("h2", [.id("error")], "Nothing was computed"),
                el("pre", [], error.message),
                el("p", [], "Correct the roster or the options below and send the form again."),
            ]),
        ] + form)
    }

    /// A hidden field.
    static func hidden(_ name: String, _ value: String) -> HTML { .element("input", [.type("hidden"), .name(name), .value(value)]) }

    /// A submit button; with a name, it sends its value (`download=xlsx`).
    static func button(_ label: String, name: String? = nil, value: String? = nil) -> HTML {
        el("button", [.type("submit")] + (name.map { [.name($0)] } ?? []) + (value.map { [.value($0)] } ?? []), label)
    }

    /// A form that computes: posted as multipart with the server's form token.
    static func form(_ action: String, token: String, _ content: [HTML]) -> HTML {
        el("form", [Attribute("method", "post"), Attribute("action", action), Attribute("enctype", "multipart/form-data")],
           [hidden("token", token)] + content)
    }

    /// The download buttons of a result, in a form carrying everything the result was made from.
    static func downloads(_ action: String, site: Site, carrying form: Form, roster: RosterInput?, _ kinds: [Site.Download]) -> HTML {
        var carried: [HTML] = form.fields.filter { field in
            field.filename == nil && !["token", "download", "roster_data", "roster_name"].contains(field.name)
        }.map { hidden($0.name, $0.text) }
        if case .bytes(let bytes, let name) = roster {
            carried += [hidden("roster_data", Data(bytes).base64EncodedString()), hidden("roster_name", name)]
        }
        return el("section", [.class("downloads"), Attribute("aria-labelledby", "downloads")], [
            el("h2", [.id("downloads")], "Download"),
            Pages.form(action, token: site.formToken, carried + [
                el("p", [], "The same bytes the command line writes for the same roster and options:"),
                el("div", [.class("buttons")], kinds.map { button($0.label, name: "download", value: $0.rawValue) }),
            ]),
        ])
    }

    private static func field(_ name: String, _ label: String, hint: String?, _ control: HTML) -> HTML {
        el("div", [.class("field")], [el("label", [.for(name)], label), control]
            + (hint.map { [el("p", [.class("hint"), .id("\(name)-hint")], $0)] } ?? []))
    }

    private static func described(_ name: String, _ hint: String?) -> [Attribute] {
        hint == nil ? [] : [Attribute("aria-describedby", "\(name)-hint")]
    }

    /// The notes the planner said while reading (sheet chosen, separator, decimal comma, unused columns), above a result.
    static func notes(_ notes: [String], warnings: [String] = []) -> HTML {
        guard !notes.isEmpty || !warnings.isEmpty else { return .empty }
        return el("section", [.class("notes"), Attribute("aria-labelledby", "notes")], [
            el("h2", [.id("notes")], "How the roster was read, and warnings"),
            el("ul", [], notes.map { el("li", [], [el("pre", [], $0)]) }
                + warnings.map { el("li", [.class("warning")], [el("pre", [], "warning: " + $0)]) }),
        ])
    }

    /// The events as choices: id, dates and title, a draft marked.
    static func eventChoices(_ planner: Planner) -> [(String, String)] {
        planner.tables.events.map { ($0.id, "\($0.id): \($0.start) to \($0.end)\($0.isDraft ? " [DRAFT]" : "")") }
    }

    /// The shipped rosters as choices, after "none".
    static func rosterChoices(_ planner: Planner) -> [(String, String)] {
        [("", "(none: upload a file above)")] + planner.rosterFiles().map { ($0, $0) }
    }
}

import Foundation
