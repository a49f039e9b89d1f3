import BudgetCore

/// Writes participants as a roster CSV the way a spreadsheet might: columns in any order, the header in
/// capitals or not, amounts in any accepted form, CRLF or LF, with or without a byte-order mark, and each
/// point of departure by its name, a code or an alias.
struct RosterWriter: Sendable {
    let order: [Int]
    let capitalHeader: Bool
    let moneyStyle: Int
    let crlf: Bool
    let byteOrderMark: Bool

    static let columns = ["id", "name", "organization", "country", "fare_usd", "arrive", "leave", "cap_override_usd", "funding"]

    func csv(_ participants: [Participant]) -> String {
        let columns = order.map { RosterWriter.columns[$0] }
        let header = columns.map { capitalHeader ? $0.uppercased() : $0 }
        let rows = participants.enumerated().map { index, p in
            columns.map { column -> String in
                switch column {
                case "id": return p.id
                case "name": return p.name
                case "organization": return p.organization
                case "country": return p.country.spellings[index % p.country.spellings.count]
                case "fare_usd": return p.fare.map(money) ?? ""
                case "arrive": return p.arrive?.description ?? ""
                case "leave": return p.leave?.description ?? ""
                case "cap_override_usd": return p.capOverride.map(money) ?? ""
                default: return p.funding.rawValue
                }
            }
        }
        let end = crlf ? "\r\n" : "\n"
        return (byteOrderMark ? "\u{FEFF}" : "") + ([header] + rows).map { $0.map(quoted).joined(separator: ",") + end }.joined()
    }

    private func money(_ m: Money) -> String {
        switch moneyStyle {
        case 0: return m.plain
        case 1: return m.grouped
        default: return "$" + m.grouped
        }
    }

    private func quoted(_ field: String) -> String {
        guard field.contains(where: { ",\"\n\r".contains($0) }) || field != field.trimmingCharacters() else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
