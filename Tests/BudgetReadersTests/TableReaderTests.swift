import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// The shipped tables against the two announcements, and the table reader's errors.
@Suite struct TableReaderTests {
    let tables: Tables

    init() throws { tables = try Repo.shippedTables() }

    /// The seed's cap section: from "Point of departure" to the local-expenses sentence.
    func capSection(_ seed: String) throws -> String {
        let text = try String(contentsOfFile: fixtures.path("seeds/\(seed)"), encoding: .utf8)
        let start = try #require(text.range(of: "Point of departure"))
        let end = try #require(text.range(of: "Local expenses", range: start.upperBound..<text.endIndex))
        return String(text[start.lowerBound..<end.lowerBound])
    }

    /// Every "US$ N" of a text, in order, as whole dollars.
    func amounts(_ text: String) throws -> [Int64] {
        let pattern = try NSRegularExpression(pattern: #"US\$ ?([0-9][0-9,]*)"#)
        return try pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            let digits = try #require(Range(match.range(at: 1), in: text))
            return try #require(Int64(text[digits].filter(\.isNumber)))
        }
    }

    @Test(arguments: [("jeju-2018", "001_2b1f1f7a20b36993.txt"), ("jeju-2023", "000_1286a31c54f6509b.txt")])
    func everyCapInTheAnnouncementAppearsExactlyOnceInOrder_andNoOther(event: String, seed: String) throws {
        let caps = try #require(tables.event(event)).caps.map { $0.cap.cents / 100 }
        #expect(try caps == amounts(capSection(seed)))
    }

    @Test(arguments: [("jeju-2018", "001_2b1f1f7a20b36993.txt"), ("jeju-2023", "000_1286a31c54f6509b.txt")])
    func everyRowQuotesItsSourceVerbatim(event: String, seed: String) throws {
        let section = try capSection(seed)
        for row in try #require(tables.event(event)).caps {
            for piece in row.source.components(separatedBy: " / ") {
                #expect(section.contains(piece), "\(event) row \(row.line): \"\(piece)\" is not in the seed")
            }
        }
    }

    @Test(arguments: [("jeju-2018", "001_2b1f1f7a20b36993.txt"), ("jeju-2023", "000_1286a31c54f6509b.txt")])
    func theLocalExpenseWordsAreQuotedVerbatim(event: String, seed: String) throws {
        let text = try String(contentsOfFile: fixtures.path("seeds/\(seed)"), encoding: .utf8)
        let local = try #require(tables.event(event)).localExpenses
        for piece in local.source.components(separatedBy: " / ") {
            #expect(text.contains(piece), "\(event): \"\(piece)\" is not in the seed")
        }
        #expect(text.contains(local.coveredBy))
        #expect(text.contains(local.participantsPay))
    }

    @Test func the2018UnlabelledRowsCarryMongoliaAndNepal_markedInferred_withAReason() throws {
        let event = try #require(tables.event("jeju-2018"))
        let inferred = event.caps.filter(\.isInferred)
        #expect(inferred.map(\.pointsOfDeparture) == [["Mongolia"], ["Nepal"]])
        #expect(inferred.map(\.cap) == [Money(dollars: 550), Money(dollars: 950)])
        #expect(inferred.map(\.region) == ["Eastern Asia", "Southern Asia"])
        for row in inferred {
            guard case .inferred(let reason) = row.label else { continue }
            #expect(reason.contains("11 target countries"))
        }
        #expect(event.caps.filter { $0.label == .unlabelled }.isEmpty)
    }

    @Test func the2023UnlabelledRowsStayUnassigned() throws {
        let event = try #require(tables.event("jeju-2023"))
        let unlabelled = event.caps.filter { $0.label == .unlabelled }
        #expect(unlabelled.map(\.cap) == [Money(dollars: 650), Money(dollars: 950), Money(dollars: 1050)])
        #expect(unlabelled.map(\.region) == ["Eastern Asia", "Southern Asia", "Southern Asia"])
        #expect(unlabelled.allSatisfy { $0.pointsOfDeparture.isEmpty })
        #expect(event.caps.filter(\.isInferred).isEmpty)
    }

    @Test func theShippedEventsHaveTheAnnouncementsDatesAndOffices() throws {
        let e18 = try #require(tables.event("jeju-2018")), e23 = try #require(tables.event("jeju-2023"))
        #expect((e18.start.description, e18.end.description) == ("2018-04-03", "2018-04-06"))
        #expect((e23.start.description, e23.end.description) == ("2023-12-12", "2023-12-15"))
        #expect(e18.payingOffices == ["UNITAR CIFAL Jeju/JITC"])
        #expect(e23.payingOffices == ["UNITAR CIFAL Jeju/JITC", "RSO of the Bali Process"])
        #expect(e23.datesNote?.contains("early November") == true)
        // Hong Kong is listed in 2018 only; Samoa in 2023 only.
        let hk = try #require(tables.countries.country(named: "Hong Kong"))
        let samoa = try #require(tables.countries.country(named: "Samoa"))
        #expect(e18.capRow(for: hk)?.cap == Money(dollars: 300) && e23.capRow(for: hk) == nil)
        #expect(e23.capRow(for: samoa)?.cap == Money(dollars: 1300) && e18.capRow(for: samoa) == nil)
    }

    @Test func everySeedCountryIsInTheDirectoryUnderItsSeedSpelling() throws {
        let named = tables.events.flatMap { $0.caps.flatMap(\.pointsOfDeparture) }
        for name in named { #expect(tables.countries.country(named: name)?.name == name) }
        for alias in ["Viet Nam", "Laos", "Macau", "PNG", "HK", "LKA", "sri lanka"] {
            #expect(tables.countries.country(named: alias) != nil, "\(alias)")
        }
    }

    @Test func budgetCeilingsAreOptional_forTheEventAndForEachPayingOffice() throws {
        #expect(tables.events.allSatisfy { $0.ceilings.isEmpty })
        let path = (Repo.tablesPath as NSString).appendingPathComponent("events/jeju-2023.toml")
        let text = try InputFile.read(path)
            .replacingOccurrences(of: "currency = \"USD\"", with: "currency = \"USD\"\nbudget_usd = 16000")
            .replacingOccurrences(of: "office = \"RSO of the Bali Process\"", with: "office = \"RSO of the Bali Process\"\nbudget_usd = \"8,000.50\"")
        let event = try TableReader.event(text: text, file: "jeju-2023.toml", countries: tables.countries)
        #expect(event.ceilings == BudgetCeilings(event: Money(dollars: 16_000), offices: ["RSO of the Bali Process": Money(cents: 800_050)]))
    }

    @Test(arguments: fixtures.files(in: "table-errors", ending: ".toml"))
    func everyBadEventFileGetsItsExactMessage(name: String) {
        let path = fixtures.path("table-errors/\(name)")
        let text = message { () throws(InputError) in
            _ = try TableReader.event(text: try InputFile.read(path), file: name, countries: tables.countries)
        }.replacingOccurrences(of: fixtures.path("table-errors") + "/", with: "")
        #expect(text.contains("error:"))
        expectMessage(text, matches: path.replacingOccurrences(of: ".toml", with: ".expected"))
    }

    @Test func aPointOfDepartureOnItsOwnLineOfAListIsPointedAtOnThatLine() throws {
        let path = (Repo.tablesPath as NSString).appendingPathComponent("events/jeju-2023.toml")
        let original = try InputFile.read(path)
        let row = try #require(original.range(of: #"points_of_departure = ["Afghanistan""#))
        let text = original.replacingCharacters(in: row, with: "points_of_departure = [\n  \"Indai\"")
        let said = message { () throws(InputError) in _ = try TableReader.event(text: text, file: "jeju-2023.toml", countries: tables.countries) }
        let line = text[..<row.lowerBound].filter { $0 == "\n" }.count + 2
        #expect(said.hasPrefix("jeju-2023.toml:\(line):4: error: unknown point of departure `Indai`\n      \"Indai\", \"Bhutan\""), "\(said)")
    }

    @Test func anAliasThatNamesTwoCountriesIsAnError() {
        let path = fixtures.path("countries-errors/alias-names-two-countries.toml")
        let text = message { () throws(InputError) in _ = try TableReader.countries(text: try InputFile.read(path), file: "countries.toml") }
        expectMessage(text, matches: path.replacingOccurrences(of: ".toml", with: ".expected"))
    }
}
