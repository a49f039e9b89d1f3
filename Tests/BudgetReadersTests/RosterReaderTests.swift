import BudgetCore
@testable import BudgetReaders
import Testing

@Suite struct RosterReaderTests {
    let reader = RosterReader(countries: Paths.shippedTables.countries)

    @Test func readsAnExcelExport_BOM_CRLF_anyColumnOrder_anyCase_quotedCommasAndQuotes() throws {
        let text = try InputFile.read(Paths.fixture("rosters/excel-export.csv"))
        let roster = try reader.readRoster(text: text, file: "excel-export.csv")
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
        let text = try InputFile.read(Paths.fixture("rosters/with-actuals.csv"))
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
        let event = try #require(Paths.shippedTables.event("jeju-2023"))
        let texts = try ["16000", "rso=8000", "Narnia Office=1"].map { try CeilingText(parsing: $0) }
        let (ceilings, unknown) = CeilingText.ceilings(texts, for: event)
        #expect(ceilings == BudgetCeilings(event: Money(dollars: 16_000), offices: ["RSO of the Bali Process": Money(dollars: 8_000)]))
        #expect(unknown == ["Narnia Office"])
    }

    @Test(arguments: [("1120", 112_000), ("1120.5", 112_050), ("1,120.50", 112_050), ("$1,120.50", 112_050),
                      ("0", 0), (" 950 ", 95_000), ("999,999.99", 99_999_999), ("$1,000,000.00", 100_000_000)] as [(String, Int64)])
    func moneyParsesExactly(text: String, cents: Int64) {
        guard case .success(let money) = MoneyText.parse(text) else { Issue.record("refused \(text)"); return }
        #expect(money == Money(cents: cents))
    }

    @Test(arguments: ["-5", "1,000,000.01", "1234567", "12.345", "1.200,50", "USD 900", "N/A", "1,20", "1e9", "12.", "$", "1.2.3"])
    func moneyRefusesAnythingElse(text: String) {
        if case .success(let money) = MoneyText.parse(text) { Issue.record("accepted \(text) as \(money)") }
    }

    @Test(arguments: Paths.files(in: "roster-errors", ending: ".csv"))
    func everyBadRosterGetsItsExactMessage(name: String) {
        let path = Paths.fixture("roster-errors/\(name)")
        let text = message {
            let text = try InputFile.read(path)
            _ = try reader.read(text: text, file: name)
        }
        #expect(text.contains("error:"))
        expectMessage(text, matches: path.replacingOccurrences(of: ".csv", with: ".expected"))
    }

    @Test func everyProblemInAFileIsReportedInOneRun() {
        do {
            _ = try reader.read(text: try InputFile.read(Paths.fixture("roster-errors/bad-fares.csv")), file: "f.csv")
            Issue.record("expected an error")
        } catch {
            guard case .badData(let problems) = error else { Issue.record("expected bad data"); return }
            #expect(problems.count == 6)
            #expect(problems.map(\.location.line) == [2, 3, 4, 5, 6, 7])
            #expect(problems.map(\.location.column) == [14, 14, 13, 13, 13, 13])
            #expect(error.exitCode == 65)
        }
    }

    @Test func aMissingFileIsExit66_andAFolderIsNotARoster() {
        do { _ = try InputFile.read("/nonexistent/roster.csv") } catch { #expect(error.exitCode == 66) }
        do { _ = try InputFile.read(Paths.fixtures) } catch { #expect(error.description.contains("folder")) }
    }
}
