import BudgetCore
import JSONText
import Foundation

/// What `travel-budget draft --format json` prints: everything found in the announcement, with the lines and words.
public enum DraftJSON {
    struct Quote: Encodable {
        let lines: [Int]
        let text: String
        init(_ q: NoticeQuote) { lines = q.lines; text = q.text }
    }

    struct Field<Value: Encodable>: Encodable {
        let value: Value
        let source: Quote
    }

    struct CapRow: Encodable {
        let region: String
        let points_of_departure: [String]
        let printed: [String]
        let label: String
        let cap_usd: String
        let source: Quote
        /// Why the region is the country table's when the notice names none for the row (an inference); absent otherwise.
        let region_inferred: String?
    }

    struct Deadline: Encodable {
        let passport: String?
        let date: String
        let year_inferred: Bool
        let source: Quote
    }

    struct Document: Encodable {
        let short: String
        let name: String
        let source: Quote
    }

    struct NewCountryEntry: Encodable {
        let name: String
        let region: String?
        let line: Int
    }

    struct LocalExpenses: Encodable {
        let covers: String?
        let covered_by: String?
        let participants_pay: String?
        let source: Quote
    }

    struct Document_: Encodable {
        let id: String
        let announcement: String
        let title: Field<String>?
        let start: String
        let end: String
        let dates: Quote
        let dates_note: Field<String>?
        let venue: Field<String>?
        let paying_offices: Field<[String]>?
        let local_expenses: LocalExpenses?
        let caps: [CapRow]
        let other_points_of_departure: Quote?
        /// The rule drafted, and whether it is the notice's, an inference from its words, or the default (the notice is silent).
        let other_points_rule: String
        let other_points_rule_from: String
        let deadlines: [Deadline]
        let documents: [Document]
        let stated_document_count: Int?
        let open_to: Field<[String]>?
        let countries_not_in_table: [NewCountryEntry]
        let checks: [String]
    }

    /// The draft as JSON (money as strings with two decimals); absent parts are left out.
    public static func render(_ d: AnnouncementDraft, id: String) throws(JSONTextError) -> String {
        func field<V: Encodable>(_ q: AnnouncementDraft.Quoted<V>?) -> Field<V>? { q.map { Field(value: $0.value, source: Quote($0.quote)) } }
        let document = Document_(
            id: id, announcement: d.file, title: field(d.title), start: d.start.description, end: d.end.description,
            dates: Quote(d.dates), dates_note: field(d.datesNote), venue: field(d.venue), paying_offices: field(d.payingOffices),
            local_expenses: d.localExpenses.map { LocalExpenses(covers: $0.covers, covered_by: $0.coveredBy,
                                                                participants_pay: $0.participantsPay, source: Quote($0.quote)) },
            caps: d.caps.map { CapRow(region: $0.region, points_of_departure: $0.pointsOfDeparture, printed: $0.printed,
                                      label: $0.label.rawValue, cap_usd: $0.cap.plain, source: Quote($0.quote),
                                      region_inferred: $0.regionInferred) },
            other_points_of_departure: d.otherPoints.map(Quote.init),
            other_points_rule: d.otherPointsRule.rawValue,
            other_points_rule_from: d.otherPoints == nil ? "default" : d.otherPointsRuleInferred ? "inference" : "notice",
            deadlines: d.deadlines.map { Deadline(passport: $0.passport, date: $0.date.description, year_inferred: $0.yearInferred,
                                                  source: Quote($0.quote)) },
            documents: d.documents.map { Document(short: $0.short, name: $0.name, source: Quote($0.quote)) },
            stated_document_count: d.statedDocumentCount, open_to: field(d.openTo),
            countries_not_in_table: d.newCountries.map { NewCountryEntry(name: $0.name, region: $0.region, line: $0.line) },
            checks: d.checks)
        return try JSONText.render(document)
    }
}
