import BudgetCore

/// The roster's optional application columns: `passport`, `applied_on`, `documents`, `status`. An empty cell is "not known".
struct ApplicationColumns {
    static let names = ["passport", "applied_on", "documents", "status"]

    /// The event's document short names, or nil to accept any.
    let documentNames: [String]?

    /// The application of one row, or nil after reporting a problem.
    func read(text: (String) -> String, at: (String) -> (Int, Int), date: (String) -> CivilDate??,
              problem: (Int, Int, String, String?) -> Void) -> Application? {
        var ok = true
        func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type) -> T? where T.RawValue == String {
            let raw = text(column)
            if raw.isEmpty { return nil }
            if let value = T(rawValue: raw.lowercased()) { return value }
            let (l, c) = at(column)
            problem(l, c, "`\(column)` is `\(raw)`", "write one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")), or leave it empty if not known")
            ok = false
            return nil
        }
        let passport = choice("passport", Passport.self)
        let status = choice("status", ApplicationStatus.self)
        let appliedOn = date("applied_on")
        if appliedOn == nil { ok = false }
        let documents = readDocuments(text("documents"), at: at("documents"), problem: problem)
        if documents == nil { ok = false }
        guard ok, let appliedOn, let documents else { return nil }
        return Application(passport: passport, appliedOn: appliedOn, documents: documents, status: status)
    }

    /// `all`, `none`, a count (`5`) or short names separated by `;`, `,`, `|` or spaces; empty is not known.
    private func readDocuments(_ raw: String, at location: (Int, Int), problem: (Int, Int, String, String?) -> Void) -> DocumentsReceived?? {
        let lowered = raw.lowercased()
        if lowered.isEmpty { return .some(nil) }
        if lowered == "all" { return .some(.all) }
        if lowered == "none" { return .some(.count(0)) }
        if lowered.allSatisfy(\.isNumber) {
            guard let n = Int(lowered), n <= 100 else {
                problem(location.0, location.1, "`documents` is `\(raw)`, more documents than any event asks for", "write the number received, e.g. 7")
                return nil
            }
            return .some(.count(n))
        }
        let names = lowered.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || $0.isWhitespace }).map(String.init)
        if let known = documentNames {
            let unknown = names.filter { !known.contains($0) }
            if let first = unknown.first {
                let near = known.min { editDistance(first, $0) < editDistance(first, $1) }
                problem(location.0, location.1, "`documents` names `\(unknown.joined(separator: "`, `"))`, not a document this event asks for",
                        (near.map { "did you mean `\($0)`? " } ?? "") + "the documents are: \(known.joined(separator: ", ")) (or write all, none or a count)")
                return nil
            }
        }
        return .some(.named(names))
    }
}
