import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// Scenario files: the shipped examples read, and a bad one gets every problem told.
@Suite struct ScenarioReaderTests {
    let tables: Tables

    init() throws { tables = try Repo.shippedTables() }

    func scenario(_ name: String) throws -> Scenario {
        let path = (Repo.tablesPath as NSString).appendingPathComponent("scenarios/\(name)")
        return try ScenarioReader.read(text: try InputFile.read(path), file: path, countries: tables.countries, events: tables.events)
    }

    @Test func theShippedScenariosRead() throws {
        let six = try scenario("six-southern-asia-four-pacific.toml")
        #expect(six.entries == [Scenario.Entry(group: .region("Southern Asia"), count: 6), Scenario.Entry(group: .region("Pacific Islands"), count: 4)])
        #expect(six.fare == .cap)
        let quoted = try scenario("named-countries-quoted-fares.toml")
        #expect(quoted.fare == .quoted(["India": Money(dollars: 960), "Nepal": Money(cents: 101_050), "Vietnam": Money(dollars: 480)]))
        #expect(quoted.eventIDs == ["jeju-2018", "jeju-2023"])
        let regional = try scenario("regional-mix-80-percent-fares.toml")
        #expect(regional.fare == .fraction(basisPoints: 8_000))
        #expect(regional.overrides == Scenario.Overrides(roomPerNight: 120_000, exchangeRate: ExchangeRate(unitsPerUSDTimes10000: 1_350_0000)))
    }

    @Test func theShippedPriceIndexIsTheCPIU() throws {
        let index = try #require(tables.priceIndex)
        #expect(index.series == "CUUR0000SA0")
        #expect(index.values == [2018: 251_107, 2023: 304_702])
    }

    @Test func aBadScenarioGetsEveryProblemTold() {
        let path = fixtures.path("scenario-errors/bad-scenario.toml")
        let text = message { () throws(InputError) in
            _ = try ScenarioReader.read(text: try InputFile.read(path), file: "bad-scenario.toml", countries: tables.countries, events: tables.events)
        }
        expectMessage(text, matches: path.replacingOccurrences(of: ".toml", with: ".expected"))
    }
}
