import BudgetCore
@testable import BudgetReaders
import TestSupport
import Testing

/// Fares quoted in other currencies: a `Fare (THB)` column, `fare` with `fare_currency`, or `THB 12,500` in the cell, each
/// converted at the rate the command line or the event file states; a currency with no rate is an error with the fix, and a
/// bare amount under a header in another currency is never read as US$.
@Suite struct QuotedFareTests {
    let countries: CountryDirectory
    let event: Event

    init() throws {
        countries = try Repo.shippedTables().countries
        event = try TableReader.event(text: try InputFile.read(fixtures.path("fares/jeju-2023-fares.toml")), file: "jeju-2023-fares.toml",
                                      countries: countries)
    }

    func reader(_ rates: [String] = [], event: Event? = nil) throws -> RosterReader {
        var mapping = ColumnMapping()
        mapping.rates = try FareCurrency.rates(parsing: rates)
        return RosterReader(countries: countries, event: event, mapping: mapping)
    }

    func roster(_ text: String, rates: [String] = [], event: Event? = nil) throws -> RosterReader.Roster {
        try reader(rates, event: event).readRoster(text: text, file: "r.csv")
    }

    func said(_ text: String, rates: [String] = []) -> String {
        message { () throws(InputError) in
            _ = try RosterReader(countries: countries, mapping: { var m = ColumnMapping(); m.rates = (try? FareCurrency.rates(parsing: rates)) ?? []; return m }())
                .readRoster(text: text, file: "r.csv")
        }
    }

    @Test func theEventFileStatesRatesWithTheirDateAndSource() {
        #expect(event.fareRates.map(\.currency) == ["THB", "PHP", "LKR"])
        #expect(event.fareRates[0].rate == ExchangeRate(unitsPerUSDTimes10000: 35_2000))
        #expect(event.fareRates[0].date == CivilDate(year: 2023, month: 10, day: 2))
        #expect(event.fareRates[0].origin == .eventFile)
    }

    @Test("Every way a roster gives a fare's currency, read under the event's rates and one given on the command line")
    func everyWay() throws {
        let read = try reader(["NPR=133.2"], event: event).readRoster(bytes: try InputFile.bytes(fixtures.path("fares/quoted-fares.csv")),
                                                                       file: "q.csv")
        let people = read.participants
        #expect(people.map(\.id) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(people.map { $0.quotedFare?.currency } == ["THB", "PHP", "LKR", "LKR", "NPR", nil])
        #expect(people.map { $0.quotedFare?.amount.cents } == [1_250_000, 2_851_100, 25_600_160, 25_536_160, 12_000_000, nil])
        #expect(people.map { $0.fare?.cents } == [35_511, 50_913, 80_001, 79_801, 90_090, 38_000])
        #expect(people[4].quotedFare?.rate.origin == .commandLine)
        #expect(read.notes.contains { $0.message.hasPrefix("2 fares quoted in LKR were converted to US$ at LKR 320 per US$1 (event file, 2 October 2023") })
    }

    @Test func aRateOnTheCommandLineComesBeforeTheEventFiles() throws {
        let read = try roster("id,name,country,Fare (THB)\nA1,Ann,Thailand,\"12,500.00\"\n", rates: ["THB=40"], event: event)
        #expect(read.participants[0].fare == Money(cents: 31_250))
        #expect(read.participants[0].quotedFare?.rate.source == "rate given on the command line")
    }

    @Test(arguments: ["THB 12,500.00", "12,500.00 THB", "thb12500", "฿12,500.00", "12500 baht", "THB 12500"])
    func aCellNamesItsCurrency(cell: String) throws {
        let read = try roster("id,name,country,Fare\nA1,Ann,Thailand,\"\(cell)\"\n", rates: ["THB=35.20"])
        #expect(read.participants[0].quotedFare?.amount == Money(cents: 1_250_000))
        #expect(read.participants[0].fare == Money(cents: 35_511))
    }

    @Test func anAmbiguousThousandsSeparatorIsAsAmbiguousInAnyCurrency() {
        let message = said("id,name,country,Fare\nA1,Ann,Thailand,\"THB 12,500\"\n", rates: ["THB=35.2"])
        #expect(message.contains("r.csv:2:17: error: `fare_usd` is `THB 12,500`: 12500 with a thousands separator, or 12.500 with a decimal comma?"))
        #expect(message.contains("hint: write 12500 (or 12500.00)"))
    }

    @Test("Commas written twice can only separate thousands: KRW 1,300,000 is read, and it settles THB 12,500 in the same roster")
    func thousandsWrittenTwiceSettleTheRoster() throws {
        let read = try roster("id,name,country,Fare\nA1,Ann,Thailand,\"THB 12,500\"\nA2,Min,Republic of Korea,\"KRW 1,300,000\"\n",
                              rates: ["THB=35.2", "KRW=1300"])
        #expect(read.participants.map { $0.quotedFare?.amount.cents } == [1_250_000, 130_000_000])
        #expect(read.participants.map { $0.fare?.cents } == [35_511, 100_000])
    }

    @Test func ambiguousFaresInOtherCurrenciesAreOneMessage() {
        let message = said("id,name,country,Fare\nA1,Ann,Thailand,\"THB 12,500\"\nA2,Bo,Thailand,\"THB 14,200\"\nA3,Cy,Thailand,\"THB 9,900\"\n",
                           rates: ["THB=35.2"])
        #expect(message.contains("12500 with a thousands separator, or 12.500 with a decimal comma? No amount in the roster has cents to tell which; 3 amounts alike, on lines 2–4"))
        #expect(message.contains("1 problem found"))
    }

    @Test(arguments: ["Fare (THB)", "THB fare", "Airfare in baht", "Fare ฿", "Fare (thb)"])
    func aHeaderNamesTheColumnsCurrency(header: String) throws {
        let read = try roster("id,name,country,\(header)\nA1,Ann,Thailand,12500\n", rates: ["THB=35.2"])
        #expect(read.participants[0].quotedFare?.currency == "THB")
        #expect(read.participants[0].fare == Money(cents: 35_511))
    }

    @Test func aColumnMappedOnTheCommandLineKeepsTheCurrencyItsHeaderNames() throws {
        var mapping = try ColumnMapping(["fare_usd=Price (THB)"])
        mapping.rates = try FareCurrency.rates(parsing: ["THB=35.2"])
        let read = try RosterReader(countries: countries, mapping: mapping).readRoster(text: "id,name,country,Price (THB)\nA1,Ann,Thailand,12500\n", file: "r.csv")
        #expect(read.participants[0].fare == Money(cents: 35_511))
    }

    @Test func aRosterInUSDIsReadAsBefore_noteless() throws {
        let read = try roster("id,name,country,fare_usd,fare_currency\nA1,Ann,India,700,USD\nA2,Ben,Nepal,\"$1,120.50\",\n", rates: ["THB=35.2"])
        #expect(read.participants.map(\.fare) == [Money(dollars: 700), Money(cents: 112_050)])
        #expect(read.participants.allSatisfy { $0.quotedFare == nil })
        #expect(read.notes.isEmpty)
    }

    @Test(arguments: [
        ("id,name,country,Fare (THB)\nA1,Ann,Thailand,12500\n",
         "r.csv:1:17: error: column 4, `Fare (THB)`, holds fares in THB, and no rate for THB is stated"),
        ("id,name,country,Fare\nA1,Ann,Thailand,THB 12500\nA2,Ben,Thailand,THB 9000\n",
         "r.csv:2:17: error: the fare `THB 12500` is quoted in THB, and no rate for THB is stated"),
        ("id,name,country,Fare,Currency\nA1,Ann,Thailand,12500,THB\n",
         "r.csv:2:17: error: the fare `12500` is quoted in THB, and no rate for THB is stated"),
    ])
    func aCurrencyWithNoRateIsAnErrorGivingTheFlag(text: String, error: String) {
        let message = said(text)
        #expect(message.contains(error), "\(message)")
        #expect(message.contains("--rate THB=RATE"))
        #expect(message.contains("1 problem found"))   // once a currency, not once a row
    }

    @Test(arguments: [
        ("id,name,country,fare_usd\nA1,Ann,Thailand,THB 12500\n", "r.csv:2:17: error: the fare's currency is USD by the column `fare_usd` but THB by the cell"),
        ("id,name,country,Fare (USD),Currency\nA1,Ann,Thailand,12500,THB\n", "the fare's currency is USD by the column `fare_usd` but THB by `fare_currency`"),
        ("id,name,country,Fare (THB)\nA1,Ann,Thailand,PHP 12500\n", "the fare's currency is THB by the column `Fare (THB)` but PHP by the cell"),
        ("id,name,country,Fare,Fare (THB)\nA1,Ann,Thailand,350,12500\n", "the fare is given twice: `fare_usd` is `350` and `Fare (THB)` is `12500`"),
        ("id,name,country,Fare,Currency\nA1,Ann,Thailand,12500,Baht?\n", "`fare_currency` is `Baht?`, not a currency code travel-budget knows"),
        ("id,name,country,Fare (THB)\nA1,Ann,Thailand,0\n", "`Fare (THB)` is `0`: a return fare is never free"),
        ("id,name,country,Fare (THB)\nA1,Ann,Thailand,\"12,500.505\"\n", "`Fare (THB)` is `12,500.505`: more than two decimals"),
        ("id,name,country,Fare (THB)\nA1,Ann,Thailand,99000000\n", "THB 99,000,000.00 at THB 35.2 per US$1 is US$ 2,812,500.00, more than US$ 1,000,000.00"),
        ("id,name,country,Ticket (THB)\nA1,Ann,Thailand,12500\n", "`Ticket (THB)`, is not a column travel-budget reads"),
    ])
    func aFareThatCannotBeReadIsRefusedWithItsReason(text: String, words: String) {
        let message = said(text, rates: ["THB=35.2", "PHP=56"])
        #expect(message.contains(words), "\(message)")
        #expect(message.hasSuffix("exit status: 65\n"))
    }

    @Test(arguments: [("THB=35.20", 35_2000), ("thb=35.2", 35_2000), ("KRW=1300", 1300_0000), ("LKR = 320.1234", 320_1234)] as [(String, Int64)])
    func aRateOnTheCommandLine(text: String, scaled: Int64) throws {
        let rate = try FareCurrency.rate(parsing: text)
        #expect(rate.rate == ExchangeRate(unitsPerUSDTimes10000: scaled))
        #expect(rate.origin == .commandLine)
    }

    @Test(arguments: [("THB", "has no `=`"), ("USD=1", "fares in US$ need no rate"), ("XYZ=3", "not a currency code"),
                      ("THB=0", "is not a rate"), ("THB=35.12345", "is not a rate"), ("THB=-3", "is not a rate"), ("THB=abc", "is not a rate")])
    func aBadRateSaysWhy(text: String, words: String) {
        do {
            _ = try FareCurrency.rate(parsing: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains(words), "\(error.description)")
        }
    }

    @Test func theSameCurrencyTwiceAtTwoRatesIsRefused() {
        #expect(throws: FareCurrency.Refusal.self) { try FareCurrency.rates(parsing: ["THB=35.2", "THB=36"]) }
        #expect((try? FareCurrency.rates(parsing: ["THB=35.2", "THB=35.20"]))?.count == 1)
    }

    @Test("The officer's workbook: a Fare (THB) column of numbers, a Fare column with Currency, a cell naming its currency, a Total")
    func officerWorkbook() throws {
        let read = try reader(event: event).readRoster(workbook: try InputFile.bytes(fixtures.path("fares/officer-quoted-fares.xlsx")),
                                                       file: "o.xlsx")
        #expect(read.participants.map { $0.fare?.cents } == [35_511, 50_913, 80_001, 56_479, 38_000])
        #expect(read.participants.map { $0.quotedFare?.currency } == ["THB", "PHP", "LKR", "THB", nil])
        #expect(read.reportNotes.last?.contains("`Fare (THB)` THB 32,380.50 are the sums of the 5 participant rows above it") == true)
        #expect(read.reportNotes.last?.contains("its `fare_usd` was not compared: the rows' fares in that column are in LKR, PHP and USD") == true)
    }

    @Test func theSameRosterAsCSVAndAsAWorkbookGiveTheSameFares() throws {
        let csv = "No.,Ref,Full Name,Point of departure,Arrival,Departure,Fare (THB),Fare,Currency,Ticket price\n"
            + "1,Q1,Somchai Wong,Thailand,2023-12-11,2023-12-16,12500,,,\n2,Q2,Maria Santos,Philippines,,,,28511,PHP,\n"
            + "3,Q3,Kamala Perera,Sri Lanka,,2023-12-15,,\"LKR 256,001.60\",,\n4,Q4,Preeda Chai,Thailand,,,19880.5,,,\n"
            + "5,Q5,Li Wei,China,2023-12-11,2023-12-16,,380,USD,395\n\nTotal,,,,,,32380.5,,,395\n"
        let fromCSV = try reader(event: event).readRoster(text: csv, file: "o.csv")
        let fromWorkbook = try reader(event: event).readRoster(workbook: try InputFile.bytes(fixtures.path("fares/officer-quoted-fares.xlsx")),
                                                               file: "o.xlsx")
        #expect(fromCSV.participants.map(\.fare) == fromWorkbook.participants.map(\.fare))
        #expect(fromCSV.participants.map(\.quotedFare) == fromWorkbook.participants.map(\.quotedFare))
        #expect(fromCSV.participants.map(\.leave) == fromWorkbook.participants.map(\.leave))
    }

    @Test(arguments: [
        ("[[fare_rates]]\ncurrency = \"USD\"\nunits_per_usd = 1\ndate = 2023-10-02\nsource = \"x\"\n", "fares in US$ need no rate"),
        ("[[fare_rates]]\ncurrency = \"THB\"\nunits_per_usd = 35.2\ndate = 2023-10-02\nsource = \"x\"\n", "`units_per_usd` must be a positive number"),
        ("[[fare_rates]]\ncurrency = \"THB\"\nunits_per_usd = \"35.2\"\nsource = \"x\"\n", "missing required key `date`"),
        ("[[fare_rates]]\ncurrency = \"THB\"\nunits_per_usd = \"35.2\"\ndate = 2023-10-02\nsource = \"x\"\nrate = 3\n", "unknown key `rate`"),
        ("[[fare_rates]]\ncurrency = \"THB\"\nunits_per_usd = \"35.2\"\ndate = 2023-10-02\nsource = \"x\"\n"
         + "[[fare_rates]]\ncurrency = \"THB\"\nunits_per_usd = \"36\"\ndate = 2023-10-02\nsource = \"y\"\n", "THB has a rate already"),
    ])
    func aBadFareRateInTheEventFileIsRefusedWithItsLine(table: String, words: String) throws {
        let text = try InputFile.read(fixtures.path("fares/jeju-2023-fares.toml"))
        let cut = text.components(separatedBy: "\n[[fare_rates]]\n")[0] + "\n" + table + "\n[cost_sharing]" + text.components(separatedBy: "\n[cost_sharing]")[1]
        let message = message { () throws(InputError) in _ = try TableReader.event(text: cut, file: "e.toml", countries: countries) }
        #expect(message.contains(words), "\(message)")
    }
}
