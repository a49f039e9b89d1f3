import BudgetCore

/// The roster's optional columns beyond the costing: the application (`passport`, `applied_on`, `documents`, `status`),
/// the paying office (`paid_by`), and what was actually spent (`planned`, `ticket_usd`, `nights_actual`, `local_actual_usd`).
/// An empty cell is "not known", never a default that hides a problem.
extension RosterRow {

    /// A value from a fixed list, in any case: `.some(nil)` when empty, nil when refused.
    private mutating func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type) -> T?? where T.RawValue == String {
        let raw = text(column)
        if raw.isEmpty { return .some(nil) }
        if let value = T(rawValue: raw.lowercased()) { return .some(value) }
        refuse(column, "`\(column)` is \(raw.quoted)",
               "write one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")), or leave it empty if not known")
        return nil
    }

    /// The application; nil when a cell is refused.
    mutating func application(documents names: [String]?) -> Application? {
        let passport = choice("passport", Passport.self), status = choice("status", ApplicationStatus.self)
        let appliedOn = date("applied_on"), documents = self.documents(names)
        guard let passport, let status, let appliedOn, let documents else { return nil }
        return Application(passport: passport, appliedOn: appliedOn, documents: documents, status: status)
    }

    /// `all`, `none`, a count (`5`) or short names separated by `;`, `,`, `|` or spaces; empty is not known.
    private mutating func documents(_ known: [String]?) -> DocumentsReceived?? {
        let raw = text("documents")
        let lowered = raw.lowercased()
        if lowered.isEmpty { return .some(nil) }
        if lowered == "all" { return .some(.all) }
        if lowered == "none" { return .some(.count(0)) }
        if lowered.allSatisfy(\.isNumber) {
            guard let n = Int(lowered), n <= 100 else {
                refuse("documents", "`documents` is \(raw.quoted), more documents than any event asks for", "write the number received, e.g. 7")
                return nil
            }
            return .some(.count(n))
        }
        let names = lowered.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || $0.isWhitespace }).map(String.init)
        if let known, let first = names.first(where: { !known.contains($0) }) {
            let unknown = names.filter { !known.contains($0) }
            let near = known.min { editDistance(first, $0) < editDistance(first, $1) }
            refuse("documents", "`documents` names `\(unknown.joined(separator: "`, `"))`, not a document this event asks for",
                   (near.map { "did you mean `\($0)`? " } ?? "") + "the documents are: \(known.joined(separator: ", ")) (or write all, none or a count)")
            return nil
        }
        return .some(.named(names))
    }

    /// The person's role: participant when empty; nil when refused.
    mutating func role() -> Role? {
        let raw = text("role")
        if raw.isEmpty { return .participant }
        if let role = Role(words: raw) { return role }
        refuse("role", "`role` is \(raw.quoted)",
               "write participant, resource person (or speaker, facilitator, trainer, expert) or staff; leave it empty for a participant")
        return nil
    }

    /// The office that pays the participant's whole line, as the event file spells it: `.some(nil)` when empty.
    mutating func paidBy(_ event: Event?) -> String?? {
        let raw = text("paid_by")
        if raw.isEmpty { return .some(nil) }
        guard let event else { return .some(raw) }
        if let office = event.costSharing.office(named: raw) { return .some(office) }
        refuse("paid_by", "`paid_by` is \(raw.quoted), not one of this event's paying offices",
               "write one of: \(event.payingOffices.joined(separator: "; ")) (or its first word), or leave it empty for the event's shares")
        return nil
    }

    /// What was actually spent (with the declared lines' actuals, by key, from their `<key>_actual_usd` columns); nil when a
    /// cell is refused.
    mutating func actualSpend(lines keys: [String] = []) -> ActualSpend? {
        let ticket = money("ticket_usd"), local = money("local_actual_usd")
        var lines: [String: Money] = [:]
        var refused = false
        for key in keys {
            switch money(ColumnMapping.lineActualColumn(key)) {
            case .some(let amount?): lines[key] = amount
            case .some(nil): break
            case nil: refused = true
            }
        }
        let raw = text("nights_actual")
        var nights: Int?? = .some(nil)
        if !raw.isEmpty {
            if raw.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(raw), (0...RosterReader.maximumNights).contains(n) {
                nights = .some(n)
            } else {
                refuse("nights_actual", "`nights_actual` is \(raw.quoted): not a whole number of nights from 0 to \(RosterReader.maximumNights)",
                       "write the hotel nights actually paid, e.g. 4; leave it empty if they are not known")
                nights = nil
            }
        }
        guard let ticket, let local, let nights, !refused else { return nil }
        return ActualSpend(ticket: ticket, nights: nights, localExpenses: local, lines: lines)
    }

    /// Whether the row is in the plan: `yes` (the default, also when empty) or `no` (added after the plan).
    mutating func planned() -> Bool? {
        switch text("planned").lowercased() {
        case "", "yes": return true
        case "no": return false
        default:
            refuse("planned", "`planned` is \(text("planned").quoted)", "write `yes` (the default: in the plan) or `no` (added after the plan)")
            return nil
        }
    }
}
