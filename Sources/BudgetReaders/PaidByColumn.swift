import BudgetCore

/// The roster's optional `paid_by` column: the paying office that pays a participant's whole costs.
struct PaidByColumn {
    let event: Event?

    /// The office's name as the event file spells it; `.some(nil)` for an empty cell; nil after reporting a problem.
    func read(_ raw: String, at location: (Int, Int), problem: (Int, Int, String, String?) -> Void) -> String?? {
        if raw.isEmpty { return .some(nil) }
        guard let offices = event?.payingOffices else { return .some(raw) }
        let key = raw.lowercased()
        // The office's full name, or its first word (`UNITAR`, `RSO`), in any case.
        let matches = offices.filter { office in
            office.lowercased() == key || office.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first?.lowercased() == key
        }
        if matches.count == 1 { return .some(matches[0]) }
        problem(location.0, location.1, "`paid_by` is `\(raw)`, not one of this event's paying offices",
                "write one of: \(offices.joined(separator: "; ")) (or its first word), or leave it empty for the event's shares")
        return nil
    }
}
