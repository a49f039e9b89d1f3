import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import TestSupport
import Testing

/// Fits on the shipped tables, bounds written as on the command line.
private func fit(_ event: String, budget dollars: Int64, min: [String] = [], max: [String] = [],
                 fare: FareAssumption = .cap) throws -> FitAnswer {
    func bounds(_ texts: [String], _ side: FitBound.Side) -> [FitBound] {
        texts.map { text in
            let parts = text.split(separator: "=")
            return FitBound(name: String(parts[0]), side: side, count: Int(parts[1]) ?? 0)
        }
    }
    let request = FitRequest(event: try Repo.shippedEvent(event), countries: try Repo.shippedTables().countries,
                             budget: Money(dollars: dollars), fare: fare, bounds: bounds(min, .minimum) + bounds(max, .maximum))
    return try request.fit()
}

@Suite struct FitReportTests {
    @Test func theShippedExampleReadsAsPinned() throws {
        let answer = try fit("jeju-2023", budget: 20_000, min: ["South-Eastern Asia=3"], max: ["Southern Asia=2"])
        expectSnapshot(FitReport(answer, sweep: FitSweep(answer)).text(), named: "fit-jeju-2023.txt")
    }

    @Test func everyLineFits100Columns_evenWithLargeAmountsLongNamesAndAWideSweep() throws {
        let big = try fit("jeju-2023", budget: 1_000_000, min: ["Papua New Guinea=3", "Lao PDR=1"], max: ["Eastern Asia=0"],
                          fare: .fractionOfCap(Proportion(tenThousandths: 7_777)))
        let wide = FitSweep(big, fractions: (1...10).map { Proportion(tenThousandths: Int64($0) * 1_000 - 1) },
                            rateChanges: [-4_999, -1_234, 0, 3_333, 10_000].map(Proportion.init(tenThousandths:)))
        let texts = [FitReport(big, sweep: wide).text(), FitReport(try fit("jeju-2018", budget: 0)).text()]
        for text in texts {
            for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        }
        #expect(texts[0].contains("Papua New Guinea"))
        #expect(texts[1].contains("No participant fits the budget: the cheapest costs US$ 922.73."))
    }

    @Test func theJSONHasEveryKey_moneyAsStrings_andNullsWhereThereIsNoBound() throws {
        let answer = try fit("jeju-2023", budget: 20_000, min: ["South-Eastern Asia=3"], max: ["Southern Asia=2"])
        let json = try FitReport(answer, sweep: FitSweep(answer)).json()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document.keys.sorted() == ["assumptions", "bounds", "budget", "event", "fare", "local_expenses_per_participant",
                                           "money_left", "notes", "participants", "regions", "rules", "sweep", "total"])
        #expect(document["total"] as? String == "19917.66" && document["money_left"] as? String == "82.34")
        #expect(document["participants"] as? Int == 21 && document["fare"] as? String == "cap")
        let regions = try #require(document["regions"] as? [[String: Any]])
        #expect(regions.map { $0["region"] as? String } == ["Eastern Asia", "South-Eastern Asia", "Southern Asia", "Pacific Islands"])
        #expect(regions[0]["min"] is NSNull && regions[1]["min"] as? Int == 3)
        let next = try #require(regions[0]["next_participant"] as? [String: Any])
        #expect(next["cost"] as? String == "898.46" && next["fits"] as? Bool == false && next["short_by"] as? String == "816.12")
        let sweep = try #require(document["sweep"] as? [String: Any])
        let totals = try #require(sweep["totals"] as? [[String]])
        #expect(totals.count == 5 && totals.allSatisfy { $0.count == 5 } && totals[4][2] == "19917.66")
        #expect(json.hasSuffix("}\n"))
        #expect(try FitReport(answer).json().contains("\"sweep\" : null"))
    }
}
