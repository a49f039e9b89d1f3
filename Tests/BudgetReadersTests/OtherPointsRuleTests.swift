import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// `other_points_of_departure = "not-funded"`: a point of departure that no row names gets no assisted airfare and no
/// local expenses and is not eligible, in the words of its own event (fixture `not-funded/`, a CSV roster with a `rule` column).
@Suite struct OtherPointsRuleTests {
    let tables: Tables

    init() throws { tables = try Repo.shippedTables() }

    func listedOnly() throws -> Event {
        let path = fixtures.path("not-funded/listed-only.toml")
        return try TableReader.event(text: try InputFile.read(path), file: path, countries: tables.countries)
    }

    func roster() throws -> [Participant] {
        let path = fixtures.path("not-funded/roster.csv")
        return try RosterReader(countries: tables.countries).read(text: try InputFile.read(path), file: path)
    }

    @Test func theEventFileReadsTheRuleAndItsWords() throws {
        let event = try listedOnly()
        #expect(event.otherPointsOfDeparture == .notFunded)
        #expect(event.otherPointsSource?.hasPrefix("This training is open to ... 11 Asia Pacific countries") == true)
    }

    @Test func aNotFundedParticipantGetsNoAirfareAndNoLocalExpenses_evenSelfFundedOrWithoutAFare() throws {
        let budget = Budget(event: try listedOnly(), participants: try roster(), rosterName: "roster.csv", who: .all)
        let lines = Dictionary(uniqueKeysWithValues: budget.lines.map { ($0.participant.id, $0) })
        for id in ["N02", "N03", "N04"] {
            let line = try #require(lines[id])
            #expect(line.assistedAirfare == .zero, "\(id)")
            #expect(line.localExpenses == .zero, "\(id)")
            #expect((line.nights, line.days, line.localExpensesLocal) == (0, 0, 0), "\(id)")
            #expect(line.flags.contains(.notFunded), "\(id)")
            #expect(!line.flags.contains(.contactOrganisers) && !line.flags.contains(.partialStay), "\(id)")
        }
        #expect(lines["N02"]?.participantShare == Money(dollars: 1_450))   // the whole fare is the participant's
        #expect(lines["N04"]?.flags == [.notFunded, .selfFunded])
        // A listed point of departure, and an unlisted one with a cap agreed, are funded as usual: 472.73 for the full stay.
        #expect(lines["N01"]?.assistedAirfare == Money(dollars: 800))
        #expect(lines["N01"]?.localExpenses == Money(cents: 47_273))
        #expect(lines["N05"]?.assistedAirfare == Money(dollars: 900))
        #expect(lines["N05"]?.localExpenses == Money(cents: 47_273))
        #expect(lines["N05"]?.flags == [.capOverride, .aboveCap])
        #expect(budget.totals.total == Money(cents: 264_546))
        #expect(budget.awaitingCap.isEmpty)   // nobody waits for a cap that the event will not give
    }

    @Test func aNotFundedParticipantIsNotEligible_andTheReasonQuotesThisEventsAnnouncement() throws {
        let event = try listedOnly()
        let check = EligibilityCheck(event: event)
        let verdicts = Dictionary(uniqueKeysWithValues: try roster().map { ($0.id, check.verdict($0)) })
        let reason = "Samoa is not in the cap table and listed-only funds no other point of departure (\"This training is open "
            + "to ... 11 Asia Pacific countries (Hong Kong, Mongolia, Malaysia, Vietnam, Afghanistan, Bhutan, India, Maldives, "
            + "Pakistan, Sri Lanka, and Nepal).\")"
        #expect(verdicts["N02"]?.eligible == false)
        #expect(verdicts["N02"]?.failures == [reason])
        #expect(verdicts["N04"]?.eligible == false)
        #expect(verdicts["N01"]?.eligible == true)
        #expect(verdicts["N05"]?.eligible == true)
        #expect(verdicts["N05"]?.reasons.contains("Papua New Guinea is not in the cap table; a cap was agreed with the organisers") == true)
        // Priced by default (everyone not known to be ineligible), the not-funded participants are left out with that reason.
        let budget = Budget(event: event, participants: try roster(), rosterName: "roster.csv")
        #expect(budget.leftOut.map(\.participant.id) == ["N02", "N03", "N04"])
        #expect(budget.leftOut.first?.verdict.failures == [reason])
    }

    @Test func withoutTheAnnouncementsWordsTheMessageNamesTheEventFilesRule_notAnotherEventsWording() throws {
        let path = fixtures.path("not-funded/listed-only.toml")
        let text = try InputFile.read(path).replacingOccurrences(of: "other_points_source = ", with: "# other_points_source = ")
        let event = try TableReader.event(text: text, file: path, countries: tables.countries)
        let samoa = try #require(tables.countries.country(named: "Samoa"))
        let verdict = EligibilityCheck(event: event).verdict(Participant(id: "N1", name: "N", country: samoa, fare: nil))
        #expect(verdict.failures == ["Samoa is not in the cap table and listed-only funds no other point of departure "
                                     + "(the event file's rule for other points of departure: not funded)"])
        #expect(!Flag.notFunded.explanation(under: event).contains("please contact"))
        // The 2018 announcement has no line on other points of departure; it is open to 11 countries, so other points of
        // departure are not funded, in its own words, never 2023's.
        let jeju2018 = try #require(tables.event("jeju-2018"))
        let seed2018 = try String(contentsOfFile: fixtures.path("seeds/001_2b1f1f7a20b36993.txt"), encoding: .utf8)
        #expect(seed2018.contains(try #require(jeju2018.otherPointsSource)))
        #expect(jeju2018.otherPointsSource?.contains("11 Asia Pacific countries") == true)
        #expect(!Flag.notFunded.explanation(under: jeju2018).contains("please contact"))
        let jeju2023 = try #require(tables.event("jeju-2023"))
        #expect(Flag.contactOrganisers.explanation(under: jeju2023).contains("(\"Other points of departure – please contact UNITAR CIFAL Jeju/JITC\")"))
    }

    @Test func the2023RulesWordsAreQuotedVerbatimFromItsAnnouncement() throws {
        let seed = try String(contentsOfFile: fixtures.path("seeds/000_1286a31c54f6509b.txt"), encoding: .utf8)
        let event = try #require(tables.event("jeju-2023"))
        let words = try #require(event.otherPointsSource)
        #expect(seed.contains(words))
    }

    @Test func anUnknownRuleIsRefusedNamingBothRules() throws {
        let path = fixtures.path("not-funded/listed-only.toml")
        let text = try InputFile.read(path).replacingOccurrences(of: "\"not-funded\"", with: "\"unfunded\"")
        #expect(throws: InputError.self) { try TableReader.event(text: text, file: path, countries: tables.countries) }
        do {
            _ = try TableReader.event(text: text, file: path, countries: tables.countries)
        } catch {
            #expect(error.description.contains("unknown rule `unfunded`"))
            #expect(error.description.contains("hint: use \"contact-organisers\" or \"not-funded\""))
        }
    }
}

/// A roster's stays read relative to another event (fixture `stays/`): whole stays stay whole, partial stays keep their
/// days from the first and last workshop days.
@Suite struct StayRestatingTests {
    let tables: Tables

    init() throws { tables = try Repo.shippedTables() }

    func read(_ fixture: String) throws -> [Participant] {
        let path = fixtures.path(fixture)
        return try RosterReader(countries: tables.countries).read(text: try InputFile.read(path), file: path)
    }

    func local(_ people: [Participant], from source: Event, under target: Event) -> [String: Money] {
        let restating = StayRestating(source: source)
        let costing = Costing(event: target)
        return Dictionary(uniqueKeysWithValues: people.map { ($0.id, costing.cost(restating.participant($0, under: target)).localExpenses) })
    }

    @Test func aRostersStaysUnder2018KeepTheirDaysFromTheFirstAndLastWorkshopDays() throws {
        let y2018 = try #require(tables.event("jeju-2018"))
        let y2023 = try #require(tables.event("jeju-2023"))
        let people = try read("stays/jeju-2023-stays.csv")
        #expect(try StayRestating.source(of: people, in: tables.events)?.id == "jeju-2023")
        // 2018: room KRW 80,000, meals and transport KRW 50,000 a day, KRW 1,100 = US$1; 4 nights and 4 days in full.
        #expect(local(people, from: y2023, under: y2018) == [
            "S1": Money(cents: 47_273), "S2": Money(cents: 47_273),   // whole: 4 × 80,000 + 4 × 50,000 = 520,000
            "S3": Money(cents: 35_455),   // arrives 4 April: 3 nights, 3 days = 390,000
            "S4": Money(cents: 28_182),   // leaves 5 April: 2 nights, 3 days = 310,000
            "S5": Money(cents: 16_364),   // 4 to 5 April: 1 night, 2 days = 180,000
            "S6": Money(cents: 40_000),   // 3 to 6 April: 3 nights, 4 days = 440,000
        ])
        // Under its own event the roster costs what `cost` gives it.
        let own = Costing(event: y2023)
        #expect(local(people, from: y2023, under: y2023) == Dictionary(uniqueKeysWithValues: people.map { ($0.id, own.cost($0).localExpenses) }))
        #expect(local(people, from: y2023, under: y2023)["S6"] == Money(cents: 42_154))
    }

    @Test func theShipped2023RosterUnder2018GivesEveryWholeStayTheFull2018LocalExpenses() throws {
        let y2018 = try #require(tables.event("jeju-2018"))
        let y2023 = try #require(tables.event("jeju-2023"))
        let path = (Repo.tablesPath as NSString).appendingPathComponent("rosters/jeju-2023.csv")
        let people = try RosterReader(countries: tables.countries).read(text: try InputFile.read(path), file: path)
        let figures = local(people, from: y2023, under: y2018)
        // 2018 funds only its 11 countries (not-funded) and agreed caps (P23-12's cap_override_usd): the 7 participants so
        // funded all stay throughout; the others get nothing.
        let listed = Set(y2018.caps.flatMap(\.pointsOfDeparture))
        for person in people {
            let funded = listed.contains(person.country.name) || person.capOverride != nil
            #expect(figures[person.id] == (funded ? Money(cents: 47_273) : .zero), "\(person.id)")
        }
        #expect(figures["P23-01"] == .zero)                   // China: not one of 2018's 11 countries
        #expect(figures["P23-10"] == Money(cents: 47_273))   // India, whole stay
        #expect(figures.values.sum() == Money(cents: 330_911))
    }

    @Test func datesThatFitNoEventAreRefusedWithTheFix() throws {
        let people = try read("stays/outside-every-event.csv")
        #expect(throws: StayError.self) { try StayRestating.source(of: people, in: tables.events) }
        do {
            _ = try StayRestating.source(of: people, in: tables.events)
        } catch {
            #expect(error.message.contains("X1 (arrives 2020-12-12, leaves 2020-12-16)"))
            #expect(error.message.contains("--roster-event"))
        }
        let y2023 = try #require(tables.event("jeju-2023"))
        do {
            _ = try StayRestating.source(of: people, in: tables.events, given: y2023)
            Issue.record("a stay outside the named event was accepted")
        } catch {
            guard case .outside(_, let outside) = error else { Issue.record("\(error)"); return }
            #expect(outside.map(\.id) == ["X1"])
        }
    }

    @Test func aRosterWithoutDatesNeedsNoSourceEvent() throws {
        let people = try read("stays/jeju-2023-stays.csv").filter { $0.arrive == nil && $0.leave == nil }
        #expect(try StayRestating.source(of: people, in: tables.events) == nil)
    }
}
