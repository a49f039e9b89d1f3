import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import TestSupport
import Testing

/// The comparison of a shipped scenario under both events, as text (pinned), JSON and CSV.
@Suite struct CompareReportTests {
    static func report(_ name: String, real: Bool) throws -> CompareReport {
        let path = "Tables/scenarios/\(name).toml"
        let tables = try Repo.shippedTables()
        let scenario = try ScenarioReader.read(text: try InputFile.read(Repo.path(path)), file: path,
                                               countries: tables.countries, events: tables.events)
        let budgets = tables.events.map { event -> Budget in
            let adjusted = scenario.adjust(event)
            return Budget(event: adjusted, participants: scenario.participants(under: adjusted), rosterName: path, who: .all)
        }
        let comparison = Comparison(events: budgets.map(\.event), budgets: budgets, index: tables.priceIndex)
        return CompareReport(comparison, mixName: scenario.title, mixSource: path, fareWords: "at the cap", real: real)
    }

    @Test func theSixAndFourScenarioReadsAsPinned() throws {
        let text = try Self.report("six-southern-asia-four-pacific", real: true).text()
        expectSnapshot(text, named: "compare-six-southern-asia-four-pacific.txt")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test func indiasCapRose12Point5PercentNominalAndFell7Point3PercentReal() throws {
        let text = try Self.report("six-southern-asia-four-pacific", real: true).text()
        #expect(text.contains("India                        800.00     900.00    +100.00  +12.5%         970.75   -7.3%"))
    }

    @Test func theJSONGivesEachCapAndEachRegionsMeasuresPerEvent() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try Self.report("six-southern-asia-four-pacific", real: true).json().utf8)) as? [String: Any])
        let caps = try #require(json["caps"] as? [[String: Any]])
        let india = try #require(caps.first { $0["point_of_departure"] as? String == "India" })
        #expect(india["change"] as? String == "100.00")
        #expect(india["change_percent"] as? String == "12.5")
        #expect(india["real_change_percent"] as? String == "-7.3")
        let hongKong = try #require(caps.first { $0["point_of_departure"] as? String == "Hong Kong" })
        #expect(hongKong["note"] as? String == "jeju-2018 only")
        let regions = try #require(json["regions"] as? [[String: Any]])
        let all = try #require(regions.first { $0["region"] as? String == "All regions" }?["measures"] as? [String: [String: Any]])
        #expect(all["total"]?["jeju-2023"] as? String == "15584.60")
    }

    @Test func theCSVHasPlainNumbersAndATotalThatFoots() throws {
        let csv = try Self.report("six-southern-asia-four-pacific", real: false).csv()
        #expect(csv.contains("cap,India,cap_usd,800.00,900.00,100.00,12.5,\r\n"))
        #expect(csv.contains("mix,Southern Asia,assisted_airfare,5700.00,5400.00,-300.00,-5.3,\r\n"))
        // jeju-2018 funds no Pacific point of departure (not-funded): its four Pacific participants cost nothing there.
        #expect(csv.contains("mix,All regions,total,8536.38,15584.60,7048.22,82.6,\r\n"))
    }
}
