import Testing
@testable import BudgetCore

@Suite struct MoneyTests {
    @Test(arguments: [(0, "0.00", "0.00"), (5, "0.05", "0.05"), (112_050, "1120.50", "1,120.50"),
                      (123_456_789, "1234567.89", "1,234,567.89"), (-305, "-3.05", "-3.05")] as [(Int64, String, String)])
    func formats(cents: Int64, plain: String, grouped: String) {
        #expect(Money(cents: cents).plain == plain)
        #expect(Money(cents: cents).grouped == grouped)
        #expect(Money(plain: plain) == Money(cents: cents), "the plain form reads back")
    }

    @Test("Only the plain form reads back as an amount", arguments: ["", "-", "12", "12.5", "1,120.50", "1120.505", ".50", "+3.05", "12.5x", "1e3.00"])
    func onlyThePlainFormReadsBack(text: String) {
        #expect(Money(plain: text) == nil)
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

    @Test("A fare quoted in another currency: quoted / rate, half up to the cent, by the same rule as local expenses")
    func quotedFareConversion() {
        func usd(_ hundredths: Int64, _ scaledRate: Int64) -> Int64 {
            QuotedFare(amount: Money(cents: hundredths), rate: .commandLine("XXX", ExchangeRate(unitsPerUSDTimes10000: scaledRate))).usd.cents
        }
        #expect(usd(1_250_000, 35_2000) == 35_511)        // THB 12,500.00 / 35.2 = 355.1136… -> 355.11
        #expect(usd(2_851_100, 56_0000) == 50_913)        // PHP 28,511.00 / 56 = 509.125 -> 509.13 (half up)
        #expect(usd(25_600_160, 320_0000) == 80_001)      // LKR 256,001.60 / 320 = 800.005 -> 800.01 (half up)
        #expect(usd(2_851_000, 56_0000) == 50_911)        // 509.1071… -> 509.11
        #expect(usd(1, 10_000) == 1)                      // 0.01 / 1 = 0.01
        let won = ExchangeRate(unitsPerUSDTimes10000: 1300_0000)
        for units: Int64 in [0, 5, 648_000, 123_457] {
            #expect(won.convertToUSD(units) == won.convertToUSD(hundredths: units * 100))   // one rule
        }
    }

    @Test func aQuotedFareIsTheParticipantsFareInUSD_convertedOnce() {
        let rate = FareRate(currency: "THB", rate: ExchangeRate(unitsPerUSDTimes10000: 35_2000), date: CivilDate(year: 2023, month: 10, day: 2),
                            source: "bank", origin: .eventFile)
        let country = Country(name: "Thailand", region: "South-Eastern Asia", iso2: "TH", iso3: "THA", aliases: [])
        let p = Participant(id: "Q1", name: "S", country: country, fare: nil, quotedFare: QuotedFare(amount: Money(cents: 1_250_000), rate: rate))
        #expect(p.fare == Money(cents: 35_511))
        #expect(rate.statement == "THB 35.2 per US$1 (event file, 2 October 2023: bank; planning assumption)")
        #expect(FareRate.commandLine("THB", rate.rate).statement == "THB 35.2 per US$1 (rate given on the command line; planning assumption)")
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
