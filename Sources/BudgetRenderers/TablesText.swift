import BudgetCore

/// Text listings of the tables: the events, and one event's cap table with provenance.
public enum TablesText {
    /// One line per event, then one per broken event file (id from its file name, its path, its number of problems).
    public static func events(_ events: [Event], broken: [(id: String, file: String, problems: Int)] = []) -> String {
        let idWidth = max(11, ((events.map(\.id) + broken.map(\.id)).map(\.count).max() ?? 0) + 2)
        var out = [TextLayout.left("ID", idWidth) + TextLayout.left("Dates", 26) + "Title"]
        for e in events {
            let dates = "\(e.start.description) to \(e.end.description)"
            out += TextLayout.wrap((e.isDraft ? "[DRAFT] " : "") + e.title, first: TextLayout.left(e.id, idWidth) + TextLayout.left(dates, 26),
                                   indent: String(repeating: " ", count: idWidth + 26))
        }
        for b in broken {
            out += TextLayout.wrap("\(b.file): \(counted(b.problems, "problem")); not read (`--event \(b.id)` shows them)",
                                   first: TextLayout.left(b.id, idWidth) + TextLayout.left("BROKEN", 26),
                                   indent: String(repeating: " ", count: idWidth + 26))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The cap table of an event, row by row, with the announcement's words and inferred or unlabelled rows marked.
    public static func caps(_ event: Event) -> String {
        var out: [String] = []
        out.append("CAP TABLE  \(event.id)  (\(event.source))")
        out += TextLayout.wrap(event.title)
        for sentence in AssumptionText.draft(event) { out += TextLayout.wrap(sentence) }
        out += TextLayout.wrap("Airfare assistance limit per point of departure, US$; paid by \(event.payingOffices.joined(separator: " and ")).")
        out.append("")
        out.append(TextLayout.left("#", 3) + TextLayout.left("Region", 20) + TextLayout.right("Cap", 9) + "  Points of departure")
        out.append(String(repeating: "-", count: 94))
        for (i, row) in event.caps.enumerated() {
            let points: String
            switch row.label {
            case .labelled: points = row.pointsOfDeparture.joined(separator: ", ")
            case .inferred: points = row.pointsOfDeparture.joined(separator: ", ") + " [INFERRED: label missing in the announcement]"
            case .unlabelled: points = "[UNLABELLED: label missing in the announcement; applies to nobody until assigned]"
            }
            out += TextLayout.wrap(points, first: TextLayout.left(String(i + 1), 3) + TextLayout.left(row.region, 20)
                                   + TextLayout.right(row.cap.grouped, 9) + "  ", indent: String(repeating: " ", count: 34))
            out += TextLayout.wrap("source: \"\(row.source)\"", first: String(repeating: " ", count: 34),
                                   indent: String(repeating: " ", count: 34))
            if case .inferred(let reason) = row.label {
                out += TextLayout.wrap("inference: \(reason)", first: String(repeating: " ", count: 34),
                                       indent: String(repeating: " ", count: 34))
            }
        }
        out.append("")
        switch event.otherPointsOfDeparture {
        case .contactOrganisers:
            out += TextLayout.wrap("Any other point of departure has no cap: the participant is flagged contact-organisers "
                                   + "and gets 0.00 assisted airfare until a cap is agreed (roster column cap_override_usd).")
        case .notFunded:
            out += TextLayout.wrap("Any other point of departure is not funded: the participant is flagged not-funded, gets no "
                                   + "assisted airfare and no local expenses, and is not eligible, unless a cap is agreed with the "
                                   + "organisers (roster column cap_override_usd).")
        }
        if let quote = event.otherPointsSource {
            out += TextLayout.wrap("source: \"\(quote)\"", first: "", indent: "")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
