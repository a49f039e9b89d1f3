import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// Every input either counts as the officer meant or is refused with a reason: headers, dates, spaces.
@Suite(.cleansUpTemporaryFolders) struct NothingSilentlyWrongTests {
    let event2023: Event
    let countries: CountryDirectory
    let reader: RosterReader

    init() throws {
        event2023 = try Repo.shippedEvent("jeju-2023")
        countries = try Repo.shippedTables().countries
        // The reader knows the tables' other events, as the tool's does: a roster of another event's dates is said to be it.
        reader = RosterReader(countries: countries, event: event2023, events: try Repo.shippedTables().events)
    }

    func read(_ text: String, mapping: ColumnMapping = ColumnMapping()) throws(InputError) -> RosterReader.Roster {
        try RosterReader(countries: countries, event: event2023, mapping: mapping).readRoster(text: text, file: "r.csv")
    }

    // MARK: Columns the officer meant are never ignored

    @Test(arguments: [
        ("Fare (USD)", "fare_usd"), ("Fare US$", "fare_usd"), ("fare_usd", "fare_usd"), ("Airfare", "fare_usd"), ("FARE", "fare_usd"),
        ("Country of departure", "country"), ("Point of departure", "country"), ("Departure country", "country"),
        ("Paid by", "paid_by"), ("Applied on", "applied_on"), ("Cap override (USD)", "cap_override_usd"), ("Cap Override US$", "cap_override_usd"),
        ("Participant ID", "id"), ("Full name", "name"), ("Organisation", "organization"), ("Arrival date", "arrive"),
        ("Departure date", "leave"), ("Check-out", "leave"), ("Passport type", "passport"), ("Ticket (USD)", "ticket_usd"),
    ])
    func aHeaderIsReadByTheNamesPeopleType(header: String, column: String) {
        #expect(RosterColumns.column(forHeader: header) == column)
    }

    @Test(arguments: ["Nationality", "Citizenship", "Fare (KRW)", "Nights", "Hotel"])
    func aHeaderThatIsNotAColumnIsNeverReadAsOne(header: String) {
        #expect(RosterColumns.column(forHeader: header) == nil)
    }

    @Test(arguments: [("Payed by", "paid_by"), ("Ticket (KRW)", "ticket_usd"), ("Nights", "nights_actual"), ("Countyr", "country"),
                      ("Country of nationality", "country"), ("Arival", "arrive")])
    func aHeaderThatResemblesAColumnIsAnErrorNamingIt(header: String, column: String) {
        let said = message { () throws(InputError) in _ = try read("id,name,country,fare_usd,\(header)\nA1,Ann,India,900,x\n") }
        #expect(said.contains("column 5, \(header.quoted), is not a column travel-budget reads, but it looks like `\(column)`"))
        #expect(said.contains("exit status: 65"))
    }

    @Test func aFareHeaderInAnotherCurrencyIsNeverReadAsUSD_withoutARateItIsAnErrorGivingTheFlag() {
        let said = message { () throws(InputError) in _ = try read("id,name,country,fare_usd,Fare (KRW)\nA1,Ann,India,,910000\n") }
        #expect(said.contains("r.csv:1:26: error: column 5, `Fare (KRW)`, holds fares in KRW, and no rate for KRW is stated"))
        #expect(said.contains("--rate KRW=RATE"))
        #expect(said.contains("exit status: 65"))
    }

    @Test func aHeaderThatResemblesNothingIsListedAsNotRead_inTheOrderOfTheHeader() throws {
        let roster = try read("Hotel,id,name,Nationality,country,fare_usd,Extra notes\nH,A1,Ann,Indian,India,900,x\n")
        #expect(roster.unusedColumns == ["Hotel", "Nationality", "Extra notes"])
        #expect(roster.participants.count == 1)
    }

    @Test func columnsMapsAnyHeaderByHand_andIgnoresOne() throws {
        let mapping = try ColumnMapping(["fare_usd=Fare paid", "ignore=Nights"])
        let roster = try read("id,name,country,Fare paid,Nights\nA1,Ann,India,875.50,3\n", mapping: mapping)
        #expect(roster.participants[0].fare == Money(cents: 87_550))
        #expect(roster.unusedColumns == ["Nights"])
    }

    @Test(arguments: [("fare=Fare paid", nil), ("fares_usd=X", "did you mean `fare_usd`?"), ("fare_usd", "has no `=`"),
                      ("fare_usd=A", nil)] as [(String, String?)])
    func columnsSaysWhichSpecificationIsWrong(spec: String, problem: String?) {
        do {
            _ = try ColumnMapping([spec])
            #expect(problem == nil)
        } catch {
            #expect(error.description.contains(problem ?? "(no error expected)"))
        }
    }

    @Test func aMappedHeaderThatIsNotThereIsAnError() throws {
        let mapping = try ColumnMapping(["fare_usd=Fare paid"])
        let said = message { () throws(InputError) in _ = try read("id,name,country,fare_usd\nA1,Ann,India,900\n", mapping: mapping) }
        #expect(said.contains("--columns fare_usd=Fare paid: the header has no column `Fare paid`"))
    }

    @Test func twoHeadersForOneColumnAreAnError() {
        let said = message { () throws(InputError) in _ = try read("id,name,country,Fare,Airfare\nA1,Ann,India,900,900\n") }
        #expect(said.contains("columns `Fare` (column 4) and `Airfare` (column 5) both name `fare_usd`"))
    }

    @Test func theNamesTableIsDocumentedInTheRostersReadme() throws {
        let readme = try String(contentsOfFile: (Repo.tablesPath as NSString).appendingPathComponent("rosters/README.md"), encoding: .utf8)
        for column in RosterColumns.all {
            #expect(readme.contains("| `\(column.name)` |"), "\(column.name) is not in Tables/rosters/README.md")
            for name in column.otherNames { #expect(readme.contains("`\(name)`"), "\(name) is not in Tables/rosters/README.md") }
        }
        for name in RosterColumns.knownUnused { #expect(readme.contains("`\(name)`")) }
    }

    // MARK: An officer's own export, every figure asserted

    @Test func anOfficersExportIsCostedAsSheMeantIt() throws {
        let path = fixtures.path("officer/officer-roster-jeju-2023.csv")
        let roster = try reader.readRoster(bytes: try InputFile.bytes(path), file: "officer.csv")
        #expect(roster.unusedColumns == ["No.", "Nationality", "Remarks"])
        let people = roster.participants
        #expect(people.map(\.id) == ["JITC-001", "JITC-002", "JITC-003", "JITC-004", "JITC-005"])
        #expect(people[0].name == "Li Wei")                                  // a tab inside a name is a space
        #expect(people[3].country.name == "Sri Lanka")                       // so is a no-break space
        #expect(people[1].paidBy == "RSO of the Bali Process")               // `Paid by` is read
        #expect(people[1].capOverride == Money(dollars: 950))                // `Cap override (USD)` is read
        #expect(people[1].fare == Money(dollars: 1_250))                     // quoted thousands
        #expect(people[3].application.appliedOn == CivilDate(iso: "2023-11-08"))  // `Applied on` is read: late

        let budget = Budget(event: event2023, participants: people, rosterName: "officer.csv")
        // The late applicant (JITC-004) is left out as not eligible, not priced.
        #expect(budget.leftOut.map(\.participant.id) == ["JITC-004"])
        let figures = budget.lines.map { [$0.participant.id, $0.cap?.plain ?? "-", $0.assistedAirfare.plain, $0.participantShare.plain,
                                          $0.localExpenses.plain, $0.total.plain] }
        #expect(figures == [
            ["JITC-001", "400.00", "380.00", "0.00", "498.46", "878.46"],
            ["JITC-002", "950.00", "950.00", "300.00", "498.46", "1448.46"],
            ["JITC-003", "550.00", "505.00", "0.00", "373.85", "878.85"],     // arrives 13 December: 3 nights, 3 days
            ["JITC-005", "1300.00", "1190.00", "0.00", "498.46", "1688.46"],
        ])
        #expect(budget.totals.total == Money(cents: 489_423))
        // The RSO-paid line is the RSO's alone; the UNITAR-paid line UNITAR's; the others are split 50/50.
        #expect(budget.offices.map { [$0.assistedAirfare.plain, $0.localExpenses.plain, $0.total.plain] } == [
            ["1290.00", "872.31", "2162.31"], ["1735.00", "996.92", "2731.92"],
        ])
    }

    // MARK: Dates that cannot be right are refused

    @Test(arguments: fixtures.files(in: "stay-errors", ending: ".csv"))
    func aStayThatCannotBeRightIsRefusedWithItsExactMessage(name: String) {
        let path = fixtures.path("stay-errors/\(name)")
        let said = outcome(relativeTo: fixtures.path("stay-errors")) { () throws(InputError) -> [Diagnostic] in
            try reader.readRoster(bytes: try InputFile.bytes(path), file: name).notes
        }
        #expect(said.contains("error:"))
        expectMessage(said, matches: path.replacingOccurrences(of: ".csv", with: ".expected"))
    }

    @Test(arguments: [("2022-12-11", "2022-12-16", "check the year"), ("2023-12-17", "", "after the workshop ends"),
                      ("", "2023-12-11", "before the workshop starts"), ("2023-11-01", "", "more than 30 days away"),
                      ("2023-12-14", "2023-12-13", "is before `arrive`")])
    func aStayOutsideTheWorkshopIsAnError(arrive: String, leave: String, says: String) {
        let said = message { () throws(InputError) in _ = try read("id,name,country,fare_usd,arrive,leave\nA1,Ann,India,900,\(arrive),\(leave)\n") }
        #expect(said.contains(says), "\(said)")
        #expect(said.contains("exit status: 65"))
    }

    @Test(arguments: [("2023-12-13", ""), ("", "2023-12-14"), ("2023-11-20", "2023-12-12"), ("2023-12-15", "2024-01-10")])
    func aPartialStayIsKept(arrive: String, leave: String) throws {
        let roster = try read("id,name,country,fare_usd,arrive,leave\nA1,Ann,India,900,\(arrive),\(leave)\n")
        let line = Costing(event: event2023).cost(roster.participants[0])
        #expect(line.flags.contains(.partialStay))
    }

    // MARK: Spaces that look alike

    @Test(arguments: ["Sri\u{00A0}Lanka", "Sri\u{200B} Lanka", "Sri\tLanka", "Sri  Lanka", "\u{FEFF}Sri Lanka"])
    func aSpaceLikeCharacterInAPointOfDepartureIsASpace(country: String) throws {
        let roster = try read("id,name,country,fare_usd\nA1,Ann,\(country),900\n")
        #expect(roster.participants[0].country.name == "Sri Lanka")
    }

    @Test func aMessageNeverShowsTwoNamesThatLookAlike() {
        #expect("Sri\u{200B}Lanka".quoted == "`Sri<U+200B>Lanka`")
        #expect("Sri\u{00A0}Lanka".quoted == "`Sri<U+00A0>Lanka`")
        let said = message { () throws(InputError) in _ = try read("id,name,country,fare_usd\nA1,Ann,Sri\u{2062}Lanka,900\n") }
        #expect(said.contains("unknown point of departure `Sri<U+2062>Lanka`"), "\(said)")
    }
}

/// A bad event file is set aside with its problems; the other events still load.
@Suite(.cleansUpTemporaryFolders) struct BrokenEventFileTests {
    @Test func aBrokenEventFileIsSetAside_andTheOthersLoad() throws {
        let folder = try temporaryFolder("tables").path
        try FileManager.default.createDirectory(atPath: folder + "/events", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["countries.toml", "events/jeju-2023.toml"] {
            try FileManager.default.copyItem(atPath: (Repo.tablesPath as NSString).appendingPathComponent(name), toPath: folder + "/" + name)
        }
        try "id = \"jeju-2030\"\nstart = 2030-13-01\n".write(toFile: folder + "/events/jeju-2030.toml", atomically: true, encoding: .utf8)
        let tables = try Tables.load(from: folder)
        #expect(tables.events.map(\.id) == ["jeju-2023"])
        #expect(tables.broken.map(\.id) == ["jeju-2030"])
        #expect(tables.broken[0].warning.contains("jeju-2030.toml: warning: this event file has"))
        #expect(!tables.broken[0].problems.isEmpty)
    }
}
