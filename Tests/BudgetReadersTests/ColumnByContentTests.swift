import BudgetCore
@testable import BudgetReaders
import TestSupport
import Testing

/// A header whose name leaves a doubt (`Departure`: the point of departure or the departure date?) is read by what its
/// cells hold when every filled cell settles it, and said; otherwise it stays an error with the same hint.
@Suite struct ColumnByContentTests {
    let reader: RosterReader

    init() throws { reader = RosterReader(countries: try Repo.shippedTables().countries) }

    func roster(_ text: String, mapping: ColumnMapping = ColumnMapping()) throws(InputError) -> RosterReader.Roster {
        try RosterReader(countries: reader.countries, mapping: mapping).readRoster(text: text, file: "r.csv")
    }

    @Test func arrivalAndDepartureSideBySide_departureHoldsDates_isTheDepartureDate() throws {
        let read = try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("rosters/arrival-departure.csv")), file: "a.csv")
        #expect(read.participants.map(\.leave) == [CivilDate(year: 2023, month: 12, day: 16), nil, CivilDate(year: 2023, month: 12, day: 16)])
        #expect(read.participants.map(\.country.name) == ["China", "Indonesia", "Thailand"])
        #expect(read.reportNotes == ["Column 6, `Departure`, was read as `leave` (the departure date) by what it holds: its name could be "
                                     + "`country` or `leave`, and each of its 2 filled cells is a date (e.g. `16/12/2023`).",
                                     "Headers read by another name: `Ref` as `id`, `Full Name` as `name`, `Organisation` as "
                                     + "`organization`, `Point of departure` as `country`, `Arrival` as `arrive` (Tables/rosters/README.md lists the "
                                     + "names read; --columns NAME=HEADER reads a header as another column)."])
        #expect(read.notes.first?.location == BudgetCore.SourceLocation(file: "a.csv", line: 1, column: 55))
    }

    @Test func departureHoldingKnownPointsOfDepartureIsTheCountry() throws {
        let read = try reader.readRoster(bytes: try InputFile.bytes(fixtures.path("rosters/departure-is-the-country.csv")), file: "d.csv")
        #expect(read.participants.map(\.country.name) == ["China", "Indonesia", "Philippines"])
        #expect(read.participants.first?.leave == CivilDate(year: 2023, month: 12, day: 16))
        #expect(read.reportNotes.first?.contains("was read as `country` (the point of departure)") == true)
    }

    @Test("Dates that are dates but not read yet (12/11/2023 without --date-order) still settle the column; their own error follows")
    func ambiguousDatesStillSettleTheColumn() {
        let said = message { () throws(InputError) in
            _ = try roster("id,name,Point of departure,Departure,fare_usd\nA1,Ann,India,12/11/2023,700\n")
        }
        #expect(said.contains("r.csv:2:14: error: `leave` is `12/11/2023`: 12 November 2023 or 11 December 2023?"))
    }

    @Test(arguments: [
        ("id,name,Point of departure,Departure,fare_usd\nA1,Ann,India,TBC,700\nA2,Ben,Nepal,2023-12-16,800\n",
         "Its cells do not settle it: `TBC` (line 2) is neither a date nor a known point of departure."),
        ("id,name,Point of departure,Departure,fare_usd\nA1,Ann,India,,700\n", "Its cells do not settle it: they are all empty."),
        ("id,name,Departure,fare_usd\nA1,Ann,2023-12-16,700\nA2,Ben,Nepal,800\n",
         "Its cells do not settle it: it holds 1 date and 1 point of departure."),
        ("id,name,Point of departure,Departure date,Departure,fare_usd\nA1,Ann,India,2023-12-16,2023-12-16,700\n",
         "Its cells do not settle it: every column it could be is named by another header."),
    ])
    func cellsThatDoNotSettleItLeaveItAnError(text: String, reason: String) {
        let said = message { () throws(InputError) in _ = try roster(text) }
        #expect(said.contains("`Departure`, is not a column travel-budget reads, but it looks like `country` or `leave`; it was not guessed. " + reason))
        #expect(said.contains("hint: if it holds the point of departure (the country the participant flies from, not the nationality), rename it to `country`"))
        #expect(said.hasSuffix("exit status: 65\n"))
    }

    @Test func aNamedColumnIsNeverReadByContent_aTypoStaysAnError() {
        let said = message { () throws(InputError) in _ = try roster("id,name,country,fare_usd,Arival\nA1,Ann,India,700,2023-12-11\n") }
        #expect(said.contains("`Arival`, is not a column travel-budget reads, but it looks like `arrive`; it was not guessed."))
    }

    @Test func columnsOnTheCommandLineWinOverTheCells() throws {
        let text = "id,name,Point of departure,Departure,fare_usd\nA1,Ann,India,2023-12-16,700\n"
        let ignored = try roster(text, mapping: try ColumnMapping(["ignore=Departure"]))
        #expect(ignored.participants.first?.leave == nil)
        #expect(ignored.reportNotes == ["Headers read by another name: `Point of departure` as `country` (Tables/rosters/README.md "
                                        + "lists the names read; --columns NAME=HEADER reads a header as another column)."])
        #expect(ignored.unusedColumns == ["Departure"])
    }

    @Test("An officer's workbook from Excel for Mac: Arrival and Departure date cells, Full Name, Ticket price, a blank row and a Total")
    func officerWorkbook() throws {
        let read = try reader.readRoster(workbook: try InputFile.bytes(fixtures.path("workbook-rosters/officer-budget-sheet.xlsx")), file: "o.xlsx")
        #expect(read.participants.map(\.id) == ["JITC-001", "JITC-002", "JITC-003", "JITC-004"])
        #expect(read.participants.map(\.leave) == [CivilDate(year: 2023, month: 12, day: 16), nil, CivilDate(year: 2023, month: 12, day: 16),
                                                   CivilDate(year: 2023, month: 12, day: 14)])
        #expect(read.participants.map(\.actual.ticket) == [Money(dollars: 395), Money(dollars: 600), Money(dollars: 505), nil])
        #expect(read.reportNotes.count == 3)
        #expect(read.reportNotes[1].hasPrefix("Headers read by another name: `Full Name` as `name`"))
        #expect(read.reportNotes[2].hasPrefix("Row 9 is a total row (`Total`)"))
    }
}
