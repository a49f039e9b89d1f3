import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// The announcements' rules on who can be funded, each checked on a fixture roster (column `rule` says what each row shows).
@Suite struct EligibilityTests {
    let tables: Tables

    init() throws { tables = try Repo.shippedTables() }

    func verdicts(_ eventID: String, _ fixture: String) throws -> [String: Verdict] {
        let event = try #require(tables.event(eventID))
        let path = fixtures.path("eligibility/\(fixture)")
        let reader = RosterReader(countries: tables.countries, event: event)
        let people = try reader.read(text: try InputFile.read(path), file: fixture)
        let check = EligibilityCheck(event: event)
        return Dictionary(uniqueKeysWithValues: people.map { ($0.id, check.verdict($0)) })
    }

    @Test func in2018OrdinaryPassportsCloseOn18FebruaryAndOfficialOnesOn28February() throws {
        let v = try verdicts("jeju-2018", "jeju-2018-applications.csv")
        #expect(v["E01"]?.eligible == true)
        #expect(v["E01"]?.reasons.first == "applied 2018-02-18, by the 18 February 2018 deadline for ordinary passport holders")
        #expect(v["E02"]?.eligible == false)
        #expect(v["E02"]?.failures == ["applied 2018-02-19, after the 18 February 2018 deadline for ordinary passport holders; late applications are not accepted"])
        #expect(v["E03"]?.eligible == true)
        #expect(v["E04"]?.eligible == nil)
        #expect(v["E04"]?.unknowns == ["applied 2018-02-20: on time only by the 28 February 2018 deadline for official passport holders; passport not known"])
        #expect(v["E05"]?.eligible == false)
    }

    @Test func anApplicationWithoutEveryDocumentIsNotConsidered() throws {
        let v = try verdicts("jeju-2018", "jeju-2018-applications.csv")
        #expect(v["E06"]?.failures == ["missing: Letter of commitment, Curriculum vitae (CV)"])
        #expect(v["E07"]?.failures == ["5 of 7 documents received; an application without them is not considered"])
        #expect(v["E08"]?.eligible == true)
        #expect(v["E09"]?.eligible == false)
        #expect(v["E10"]?.eligible == nil)
        #expect(v["E10"]?.unknowns == ["documents not known"])
    }

    @Test func in2018OnlyTheElevenNamedCountriesAreOpen() throws {
        let v = try verdicts("jeju-2018", "jeju-2018-applications.csv")
        #expect(v["E11"]?.failures == ["Samoa is not one of the 11 countries the announcement is open to"])
        #expect(v["E01"]?.reasons.contains("India is one of the 11 countries the announcement is open to") == true)
    }

    @Test func aDeclinedApplicationIsNotEligibleAndAPendingOneStillIs() throws {
        let v = try verdicts("jeju-2018", "jeju-2018-applications.csv")
        #expect(v["E12"]?.failures == ["declined by the organisers"])
        #expect(v["E13"]?.eligible == true)
        #expect(v["E13"]?.status == .applied)
    }

    @Test func in2023TheExtendedDeadlineIs7NovemberAndOtherPointsOfDepartureMustContactTheOrganisers() throws {
        let v = try verdicts("jeju-2023", "jeju-2023-applications.csv")
        #expect(v["F01"]?.eligible == true)
        #expect(v["F02"]?.failures == ["applied 2023-11-08, after the 7 November 2023 deadline; late applications are not accepted"])
        #expect(v["F03"]?.eligible == nil)
        #expect(v["F03"]?.unknowns == ["Hong Kong is not in the cap table: other points of departure must contact the organisers"])
        #expect(v["F04"]?.eligible == true)
        #expect(v["F05"]?.eligible == nil)
        #expect(v["F05"]?.unknowns == ["application date not known", "documents not known"])
    }

    @Test func aRosterWithoutTheColumnsIsNotKnownNeverEligible_andIsPricedWhole() throws {
        let event = try #require(tables.event("jeju-2023"))
        let path = fixtures.path("eligibility/no-application-columns.csv")
        let people = try RosterReader(countries: tables.countries).read(text: try InputFile.read(path), file: "r.csv")
        let budget = Budget(event: event, participants: people, rosterName: "r.csv")
        #expect(budget.verdicts.map(\.eligible) == [nil, nil])
        #expect(budget.lines.count == 2)
        #expect(budget.leftOut.isEmpty)
        #expect(budget.eligibilityNotKnown == 2)
    }

    @Test func whoChoosesWhoIsPriced() throws {
        let event = try #require(tables.event("jeju-2023"))
        let path = fixtures.path("eligibility/jeju-2023-applications.csv")
        let people = try RosterReader(countries: tables.countries).read(text: try InputFile.read(path), file: "r.csv")
        func priced(_ who: Who) -> [String] { Budget(event: event, participants: people, rosterName: "r.csv", who: who).lines.map(\.participant.id) }
        #expect(priced(.notExcluded) == ["F01", "F03", "F04", "F05"])
        #expect(priced(.eligible) == ["F01", "F04"])
        #expect(priced(.approved) == ["F01", "F03", "F04"])
        #expect(priced(.all) == ["F01", "F02", "F03", "F04", "F05"])
        let budget = Budget(event: event, participants: people, rosterName: "r.csv")
        #expect(budget.leftOut.map(\.participant.id) == ["F02"])
    }

    @Test func theShippedRulesAreTheAnnouncements() throws {
        let r18 = try #require(tables.event("jeju-2018")?.eligibility)
        #expect(r18.deadlines.map { "\($0.passport?.rawValue ?? "any") \($0.date)" } == ["ordinary 2018-02-18", "official 2018-02-28"])
        #expect(r18.documents.count == 7)
        #expect(r18.openTo?.count == 11)
        let r23 = try #require(tables.event("jeju-2023")?.eligibility)
        #expect(r23.deadlines.map { "\($0.passport?.rawValue ?? "any") \($0.date)" } == ["any 2023-11-07"])
        #expect(r23.documents.map(\.short).sorted() == r18.documents.map(\.short).sorted())
        #expect(r23.openTo == nil)
    }

    @Test func badApplicationAndPaidByCellsGetTheirExactMessages() throws {
        let roster = """
            id,name,country,fare_usd,passport,applied_on,documents,status,paid_by
            B1,Ana,India,900,diplomatic,12/11/2023,all,approved,rso
            B2,Ben,India,900,ordinary,2023-11-01,application;comitment;cv,maybe,Bali

            """
        let text = message { () throws(InputError) in
            _ = try RosterReader(countries: tables.countries, event: tables.event("jeju-2023"))
                .read(text: roster, file: "applications.csv")
        }
        expectMessage(text, matches: fixtures.path("eligibility/bad-application-cells.expected"))
    }
}

/// The tally remembers the verdict on a participant with nothing known of the application and no cap override, by point
/// of departure; the remembered verdict is always the one the rules give.
@Suite struct RememberedVerdictTests {
    @Test(arguments: ["jeju-2018", "jeju-2023"])
    func everyVerdictTheTallyGivesIsTheRulesVerdict(eventID: String) throws {
        let tables = try Repo.shippedTables()
        let event = try #require(tables.event(eventID))
        let check = EligibilityCheck(event: event)
        let countries = ["India", "Nepal", "Samoa", "Mongolia", "Fiji", "Japan", "Viet Nam", "Malaysia"]
            .compactMap { tables.countries.country(named: $0) }
        var people: [Participant] = []
        for round in 0 ..< 3 {
            for (index, country) in countries.enumerated() {
                let application = round == 1 ? Application(status: .declined) : .unknown
                people.append(Participant(id: "P\(round)-\(index)", name: "N", organization: "", country: country,
                                          fare: Money(cents: 90_000), capOverride: round == 2 ? Money(cents: 50_000) : nil,
                                          application: application))
            }
        }
        var tally = BudgetTally(event: event, rosterName: "r", who: .all, rosterRows: people.count)
        for p in people {
            let added = tally.add(p)
            #expect(added?.verdict == check.verdict(p), "\(p.id) \(p.country.name)")
        }
    }
}
