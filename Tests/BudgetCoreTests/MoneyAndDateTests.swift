import Testing
@testable import BudgetCore

@Suite struct MoneyTests {
    @Test(arguments: [(0, "0.00", "0.00"), (5, "0.05", "0.05"), (112_050, "1120.50", "1,120.50"),
                      (123_456_789, "1234567.89", "1,234,567.89"), (-305, "-3.05", "-3.05")] as [(Int64, String, String)])
    func formats(cents: Int64, plain: String, grouped: String) {
        #expect(Money(cents: cents).plain == plain)
        #expect(Money(cents: cents).grouped == grouped)
    }

    @Test func exchangeRateConversionRoundsHalfUpToTheCent() {
        let rate = ExchangeRate(unitsPerUSDTimes10000: 1000_0000) // 1,000 KRW = US$1
        #expect(rate.convertToUSD(5) == Money(cents: 1))       // 0.005 -> 0.01
        #expect(rate.convertToUSD(4) == Money(cents: 0))       // 0.004 -> 0.00
        #expect(rate.convertToUSD(648_000) == Money(cents: 64_800))
        let odd = ExchangeRate(unitsPerUSDTimes10000: 1305_4100) // 1,305.41
        #expect(odd.convertToUSD(648_000) == Money(cents: 49_640)) // 496.3958... -> 496.40
        #expect(odd.description == "1305.41")
    }
}

@Suite struct CivilDateTests {
    @Test func refusesDatesThatDoNotExist() {
        #expect(CivilDate(iso: "2023-02-30") == nil)
        #expect(CivilDate(iso: "2023-13-01") == nil)
        #expect(CivilDate(iso: "12/11/2023") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
    }

    @Test func countsDaysAcrossMonthsAndYears() {
        let d = CivilDate(iso: "2023-12-31")!
        #expect(d.adding(days: 1).description == "2024-01-01")
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(iso: "2018-04-03")!.long == "3 April 2018")
    }
}

@Suite struct CountryDirectoryTests {
    let directory: CountryDirectory

    init() throws {
        directory = try CountryDirectory([
            Country(name: "Vietnam", region: "South-Eastern Asia", iso2: "VN", iso3: "VNM", aliases: ["Viet Nam"]),
            Country(name: "Lao PDR", region: "South-Eastern Asia", iso2: "LA", iso3: "LAO", aliases: ["Laos"]),
            Country(name: "Papua New Guinea", region: "Pacific Islands", iso2: "PG", iso3: "PNG", aliases: []),
        ])
    }

    @Test(arguments: ["Vietnam", "viet nam", "VIET-NAM", "vn", "VNM", " Viet  Nam "])
    func matchesWithoutRegardToCaseAndSpacing(text: String) {
        #expect(directory.country(named: text)?.name == "Vietnam")
    }

    @Test func matchesCodesAndAliases() {
        #expect(directory.country(named: "PNG")?.name == "Papua New Guinea")
        #expect(directory.country(named: "laos")?.name == "Lao PDR")
        #expect(directory.country(named: "Lao P.D.R.")?.name == "Lao PDR")
    }

    @Test func suggestsTheClosestNamesForAnUnknownOne() {
        #expect(directory.country(named: "Vietnan") == nil)
        #expect(directory.suggestions(for: "Vietnan").first == "Vietnam")
        #expect(directory.suggestions(for: "Papua") == ["Papua New Guinea"])
    }

    @Test func anAliasThatNamesTwoCountriesIsRefused() {
        #expect(throws: CountryDirectory.Clash.self) {
            try CountryDirectory([
                Country(name: "A", region: "r", iso2: "AA", iso3: "AAA", aliases: ["Same"]),
                Country(name: "B", region: "r", iso2: "BB", iso3: "BBB", aliases: ["same"]),
            ])
        }
    }
}
