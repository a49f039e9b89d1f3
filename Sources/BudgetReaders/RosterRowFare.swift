import BudgetCore

/// A participant's fare as the roster gives it: in US$, or quoted in another currency (a `Fare (THB)` column, a
/// `fare_currency` column beside a fare column that names no currency, or the currency in the cell: `THB 12,500`) and
/// converted at the rate the command line or the event file states (``QuotedFare``: once per participant, half up to the
/// cent, before the cap). A bare amount under a header in another currency is never read as US$.
extension RosterRow {
    /// The fare read: in US$ (`quoted` nil) or converted from its quote, and the place of the column it was read from; all
    /// nil when no fare is quoted. Nil when refused (the problem recorded). `rate` finds a currency's stated rate;
    /// `firstMissing` says whether a currency without a rate is met for the first time (it is refused once, with the fix).
    mutating func fare(rate: (String) -> FareRate?, firstMissing: (String) -> Bool) -> (usd: Money?, quoted: QuotedFare?, place: Int?)? {
        let fares = records.fares
        // The common roster: one fare column, no currency column, an amount that starts and ends with a digit (or `$`):
        // read as a US$ fare always was, without looking further.
        if fares.quoted.isEmpty, columns["fare_currency"] == nil {
            let raw = text("fare_usd")
            if raw.isEmpty { return (nil, nil, nil) }
            func plain(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "$") } ?? false }
            if plain(raw.utf8.first) && plain(raw.utf8.last) {
                return money("fare_usd", raw: raw, zeroMeans: "a return fare is never free").map { ($0, nil, columns["fare_usd"]) }
            }
        }
        var cells: [(place: Int, header: String, currency: String?)] = []
        if let place = columns["fare_usd"] { cells.append((place, "fare_usd", fares.namesDollars ? "USD" : nil)) }
        for column in fares.quoted { cells.append((column.place, column.header, column.currency)) }
        let filled = cells.filter { $0.place < record.fields.count && !RosterRow.plain(record.fields[$0.place].text).isEmpty }
        guard let cell = filled.first else { return (nil, nil, nil) }
        let field = record.fields[cell.place]
        let raw = RosterRow.plain(field.text)
        if filled.count > 1 {
            let second = filled[1], other = RosterRow.plain(record.fields[second.place].text)
            refuse(at: record.fields[second.place], "the fare is given twice: \(cell.header.quoted) is \(raw.quoted) and \(second.header.quoted) is \(other.quoted)",
                   "keep one fare a participant: clear the other cell")
            return nil
        }
        let (cellCurrency, amountText) = FareCurrency.split(raw)
        guard let currency = fareCurrency(column: cell.currency, header: cell.header, cell: cellCurrency, at: field) else { return nil }
        if currency == "USD" {
            // Read exactly as a US$ fare always was (the same rules and messages).
            return money("fare_usd", zeroMeans: "a return fare is never free").map { ($0, nil, cell.place) }
        }
        guard let amount = quotedAmount(amountText, currency: currency, header: cell.header, raw: raw, at: field) else { return nil }
        guard let rate = rate(currency) else {
            // A column named with the currency is refused once, at its header; a cell or `fare_currency`, at the first fare.
            if cell.currency == nil && firstMissing(currency) {
                refuse(at: field, "the fare \(raw.quoted) is quoted in \(currency), and no rate for \(currency) is stated",
                       FareCurrency.missingRateHint(currency))
            }
            return nil
        }
        let quoted = QuotedFare(amount: amount, rate: rate)
        let usd = quoted.usd
        if usd == .zero || usd > Money(dollars: MoneyText.maximumDollars) {
            refuse(at: field, "\(quoted.shown) at \(rate.perDollar) is US$ \(usd.grouped), "
                   + (usd == .zero ? "which is no fare" : "more than US$ \(Money(dollars: MoneyText.maximumDollars).grouped), which no fare can be"),
                   "check the amount and the rate (units of \(currency) per US$1)")
            return nil
        }
        return (usd, quoted, cell.place)
    }

    /// The fare's currency, from the column's header, the cell, and the `fare_currency` column (US$ when none says one);
    /// nil (refused) when they disagree or `fare_currency` names no currency travel-budget knows.
    private mutating func fareCurrency(column: String?, header: String, cell cellCurrency: String?, at field: SourceField) -> String? {
        var said: [(code: String, by: String)] = []
        if let currency = column { said.append((currency, "the column \(header.quoted)")) }
        if let cellCurrency { said.append((cellCurrency, "the cell")) }
        let stated = text("fare_currency")
        if !stated.isEmpty {
            guard let code = FareCurrency.code(stated) ?? (["$", "US$"].contains(stated) ? "USD" : nil) else {
                refuse("fare_currency", "`fare_currency` is \(stated.quoted), not a currency code travel-budget knows",
                       "write the currency's ISO code, e.g. THB, PHP, NPR or KRW (USD or empty: US$)")
                return nil
            }
            said.append((code, "`fare_currency`"))
        }
        if let disagreeing = said.first(where: { $0.code != said[0].code }) {
            refuse(at: field, "the fare's currency is \(said[0].code) by \(said[0].by) but \(disagreeing.code) by \(disagreeing.by)",
                   "give the fare in one currency: correct the cell, the `fare_currency` or the column it is in")
            return nil
        }
        return said.first?.code ?? "USD"
    }

    /// The amount of a fare quoted in another currency, in that currency; nil (refused) when it is zero or not an amount.
    private mutating func quotedAmount(_ amountText: String, currency: String, header: String, raw: String, at field: SourceField) -> Money? {
        let name = header == "fare_usd" ? "`fare_usd`" : header.quoted
        switch MoneyText.parse(amountText, limit: MoneyText.Limit(dollars: 1_000_000_000, what: "no fare", unit: currency), mark: records.decimalMark) {
        case .success(let read) where read == .zero:
            refuse(at: field, "\(name) is \(raw.quoted): a return fare is never free",
                   "leave the field empty if no fare is quoted yet (the cap is then the planning estimate)")
            return nil
        case .success(let read):
            return read
        case .failure(let refusal):
            // The amount's own hint, unless it speaks of US dollars.
            refuse(at: field, "\(name) is \(raw.quoted): \(refusal.reason)", refusal.hint.contains("US") || refusal.hint.contains("$")
                   ? "write the fare in \(currency) like 12500, 12500.50 or 12,500.50, its currency before or after it (\(currency) 12,500.00)"
                   : refusal.hint,
                   cause: refusal.cause.map { Diagnostic.Cause("amount:\(header):\($0)", things: "amounts") })
            return nil
        }
    }

    /// Records a problem at a field.
    mutating func refuse(at field: SourceField, _ message: String, _ hint: String, cause: Diagnostic.Cause? = nil) {
        problems.append(Diagnostic(records.location(field.line, field.column), message, excerpt: records.excerpt(field.line), hint: hint,
                                   cause: cause))
    }
}

extension FareCurrency {
    /// How to state a currency's rate: on the command line, or in the event file.
    static func missingRateHint(_ currency: String) -> String {
        "state how many \(currency) buy US$1 (a planning assumption) on the command line, --rate \(currency)=RATE, "
            + "or in the event file: [[fare_rates]] with currency = \"\(currency)\", units_per_usd = \"RATE\", date = YYYY-MM-DD and source = \"…\""
    }
}
