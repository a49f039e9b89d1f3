import BudgetCore
@testable import BudgetReaders
import TestSupport
import Testing

@Suite struct RosterReaderTests {
    let reader: RosterReader

    init() throws { reader = RosterReader(countries: try Repo.shippedTables().countries) }

    /// What the reader says about a fixture, as the tool prints it, then the exit status.
    func outcome(of folder: String, _ name: String) -> String {
        let path = fixtures.path("\(folder)/\(name)")
        return BudgetReadersTests.outcome(relativeTo: fixtures.path(folder)) { () throws(InputError) -> [Diagnostic] in
            try reader.readRoster(bytes: try InputFile.bytes(path), file: name).notes
        }
    }

    /// Reads a readable fixture's participants.
    func participants(_ name: String) throws -> [Participant] {
        try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("rosters/\(name)")), file: name).participants
    }

    @Test(arguments: fixtures.files(in: "roster-errors", ending: ".csv"))
    func everyBadRosterGetsItsExactMessageAndExitStatus(name: String) {
        let said = outcome(of: "roster-errors", name)
        #expect(said.contains("error:"))
        #expect(!said.hasSuffix("exit status: 0\n"))
        expectMessage(said, matches: fixtures.path("roster-errors/\(name)").replacingOccurrences(of: ".csv", with: ".expected"))
    }

    @Test(arguments: fixtures.files(in: "rosters", ending: ".csv"))
    func everyMessyButReadableRosterIsReadWithItsNotes(name: String) {
        let said = outcome(of: "rosters", name)
        #expect(said.hasSuffix("exit status: 0\n"))
        expectMessage(said, matches: fixtures.path("rosters/\(name)").replacingOccurrences(of: ".csv", with: ".expected"))
    }

    @Test func readsAnExcelExport_BOM_CRLF_anyColumnOrder_anyCase_quotedCommasAndQuotes() throws {
        let roster = try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("rosters/excel-export.csv")), file: "x.csv")
        let people = roster.participants
        #expect(people.map(\.id) == ["A1", "A2", "A3", "A4"])
        #expect(people[0].name == "Nguyen, \"Mai\"")
        #expect(people[0].organization == "Ha Noi \"Dept\", Labour")
        #expect(people.map(\.country.name) == ["Vietnam", "India", "Lao PDR", "Papua New Guinea"])
        #expect(people.map(\.fare) == [Money(cents: 112_050), Money(cents: 112_050), Money(cents: 112_000), nil])
        #expect(people[0].location?.line == 2)
        #expect(roster.unusedColumns == ["Extra Notes"])
    }

    @Test func readsTheActualColumns_andThePlannedMarker_fromAnExcelExport() throws {
        let text = try InputFile.read(fixtures.path("actuals/with-actuals.csv"))
        let roster = try reader.readRoster(text: text, file: "with-actuals.csv")
        let people = roster.participants
        #expect(people.map(\.isPlanned) == [true, true, true, false])
        #expect(people.map(\.actual) == [
            ActualSpend(ticket: Money(cents: 102_050), nights: 4),
            ActualSpend(),
            ActualSpend(nights: 3, localExpenses: Money(dollars: 350)),
            ActualSpend(ticket: Money(dollars: 880)),
        ])
        #expect(roster.unusedColumns.isEmpty)
    }

    @Test(arguments: [("17000", nil, 1_700_000), ("$17,000.50", nil, 1_700_050), ("RSO=8,500", "RSO", 850_000),
                      (" UNITAR CIFAL Jeju/JITC = 9000 ", "UNITAR CIFAL Jeju/JITC", 900_000),
                      ("1,000,000,000", nil, 100_000_000_000)] as [(String, String?, Int64)])
    func aBudgetCeilingIsAnAmount_orAnOfficeAndAnAmount(text: String, office: String?, cents: Int64) throws {
        let ceiling = try CeilingText(parsing: text)
        #expect(ceiling.office == office)
        #expect(ceiling.amount == Money(cents: cents))
    }

    @Test func aBadBudgetCeilingSaysWhatIsWrong() {
        for (text, words) in [("=500", "no office before `=`"), ("RSO=lots", "not an amount"), ("-5", "cannot be negative"),
                              ("1,000,000,000.01", "more than US$ 1,000,000,000.00")] {
            do {
                _ = try CeilingText(parsing: text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.description.contains(words), "\(text): \(error.description)")
            }
        }
    }

    @Test func officeCeilingsNameThePayingOffices_byFullNameOrFirstWord() throws {
        let event = try Repo.shippedEvent("jeju-2023")
        let texts = try ["16000", "rso=8000", "Narnia Office=1"].map { try CeilingText(parsing: $0) }
        let (ceilings, unknown) = CeilingText.ceilings(texts, for: event)
        #expect(ceilings == BudgetCeilings(event: Money(dollars: 16_000), offices: ["RSO of the Bali Process": Money(dollars: 8_000)]))
        #expect(unknown == ["Narnia Office"])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstColumn() throws {
        #expect(try participants("bom.csv").map(\.name) == ["São Tomé"])
    }

    @Test func windows1252IsReadAsExcelMeantIt() throws {
        let people = try participants("windows-1252.csv")
        #expect(people.map(\.name) == ["São Tomé", "Sinéad O’Brien"])
        #expect(people.map(\.organization) == ["Ministério da Justiça", "Garda – Immigration"])
    }

    @Test(arguments: ["semicolons.csv", "sep-line.csv", "tabs.csv"])
    func europeanExcelDelimitersAreDetected(name: String) throws {
        let people = try participants(name)
        #expect(people.first?.id == "P1" && people.first?.country.name == "India")
        if name == "semicolons.csv" {
            #expect(people.map(\.organization) == ["Ministry; Justice", ""])
            #expect(people.map(\.fare) == [Money(cents: 112_050), Money(cents: 112_000)])
        }
    }

    @Test func crlfBlankAndTrailingRowsAndExtraColumnsChangeNothing() throws {
        #expect(try participants("crlf.csv").map(\.name) == ["Ana", "Ben\nBenson"])
        #expect(try participants("blank-and-trailing-rows.csv").map(\.id) == ["P1", "P2"])
        #expect(try participants("extra-columns.csv").map(\.fare) == [Money(dollars: 700), Money(dollars: 800)])
    }

    @Test func aCountryMissingFromTheEventsTableIsReadNotRefused() throws {
        #expect(try participants("country-not-in-event.csv").map(\.country.name) == ["Hong Kong", "India"])
    }

    @Test(arguments: [("1120", 112_000), ("1120.5", 112_050), ("1,120.50", 112_050), ("$1,120.50", 112_050),
                      ("0", 0), (" 950 ", 95_000), ("999,999.99", 99_999_999), ("$1,000,000.00", 100_000_000)] as [(String, Int64)])
    func moneyParsesExactly(text: String, cents: Int64) {
        guard case .success(let money) = MoneyText.parse(text) else { Issue.record("refused \(text)"); return }
        #expect(money == Money(cents: cents))
    }

    @Test(arguments: ["-5", "1,000,000.01", "1234567", "12.345", "1.200,50", "USD 900", "N/A", "1,20", "1e9", "12.", "$", "1.2.3",
                      "900,50", "-", "US$ 900", "900 USD", "1E+09"])
    func moneyRefusesAnythingElse(text: String) {
        if case .success(let money) = MoneyText.parse(text) { Issue.record("accepted \(text) as \(money)") }
    }

    @Test func everyProblemInAFileIsReportedInOneRun() {
        do {
            _ = try reader.read(text: try InputFile.read(fixtures.path("roster-errors/bad-fares.csv")), file: "f.csv")
            Issue.record("expected an error")
        } catch {
            guard case .badData(let problems) = error else { Issue.record("expected bad data"); return }
            #expect(problems.map(\.location.line) == Array(2...9))
            #expect(problems.map { $0.repeats?.count ?? 1 }.reduce(0, +) == 9)
            #expect(error.exitCode == 65)
        }
    }

    @Test func problemsBeyondTheLimitAreCounted_notPrinted() {
        let rows = (1...60).map { "P\($0),Ana,Atlantis \($0),700" }.joined(separator: "\n")
        let said = message { () throws(InputError) in _ = try reader.read(text: "id,name,country,fare_usd\n" + rows, file: "f.csv") }
        #expect(said.components(separatedBy: ": error: ").count - 1 == InputError.reportLimit)
        #expect(said.hasSuffix("… and 10 more problems not shown\n60 problems found; nothing was written.\nexit status: 65\n"))
    }

    @Test func oneProblemOnManyRowsIsOneMessage_withItsFirstRowAndTheOthersLines() {
        let rows = (1...60).map { "P\($0),Ana,India,N/A" }.joined(separator: "\n")
        let said = message { () throws(InputError) in _ = try reader.read(text: "id,name,country,fare_usd\n" + rows, file: "f.csv") }
        #expect(said == """
            f.csv:2:14: error: `fare_usd` is `N/A`: not an amount; the same on 60 rows: lines 2–61
                P1,Ana,India,N/A
                             ^
                hint: leave the field empty if no fare is quoted yet; otherwise write US dollars like 1120, 1120.50, 1,120.50 or $1,120.50
            1 problem found; nothing was written.
            exit status: 65

            """)
    }
}
