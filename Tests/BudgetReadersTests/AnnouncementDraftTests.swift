import BudgetCore
@testable import BudgetReaders
import Foundation
import TestSupport
import Testing

/// `travel-budget draft`: an event file drafted from an announcement's text reproduces what the officers transcribed.
@Suite struct AnnouncementDraftTests {
    let tables: Tables

    init() throws { tables = try Repo.shippedTables() }

    /// The seed announcements: `../shared/seeds` beside the package, else the copy among the fixtures.
    static let seeds: String? = {
        [Repo.shared("seeds"), fixtures.path("seeds")].first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(seed2018)) }
    }()
    static let seed2018 = "001_2b1f1f7a20b36993.txt"
    static let seed2023 = "000_1286a31c54f6509b.txt"
    static let seedPairs = [("jeju-2018", seed2018), ("jeju-2023", seed2023)]

    func draft(seed: String) throws -> AnnouncementDraft {
        let path = (try #require(AnnouncementDraftTests.seeds) as NSString).appendingPathComponent(seed)
        return try AnnouncementDraft.read(text: try InputFile.read(path), file: path, countries: tables.countries)
    }

    // MARK: The real notices

    @Test(.enabled(if: seeds != nil, "the seed announcements are not in ../shared/seeds"), arguments: seedPairs)
    func theDraftOfEachSeedHasTheShippedCapTable_rowForRow(event id: String, seed: String) throws {
        let shipped = try #require(tables.event(id)).caps
        let drafted = try draft(seed: seed).caps
        #expect(drafted.count == shipped.count)
        for (row, ship) in zip(drafted, shipped) {
            #expect(row.region == ship.region)
            #expect(row.cap == ship.cap)
            switch ship.label {
            case .labelled:
                #expect(row.label == .printed)
                #expect(row.pointsOfDeparture == ship.pointsOfDeparture)
            case .inferred, .unlabelled:
                // The 2018 inferences (Mongolia, Nepal) stay the officer's: the draft leaves those rows unlabelled.
                #expect(row.label == .unlabelled)
                #expect(row.pointsOfDeparture.isEmpty)
            }
        }
    }

    @Test(.enabled(if: seeds != nil, "the seed announcements are not in ../shared/seeds"), arguments: seedPairs)
    func theDraftOfEachSeedHasTheShippedDatesDeadlinesDocumentsAndWords(event id: String, seed: String) throws {
        let shipped = try #require(tables.event(id))
        let d = try draft(seed: seed)
        #expect((d.start, d.end) == (shipped.start, shipped.end))
        #expect(d.title?.value == shipped.title)
        #expect(d.venue?.value == shipped.venue)
        #expect(d.payingOffices?.value == shipped.payingOffices)
        #expect(d.localExpenses?.covers == shipped.localExpenses.covers)
        #expect(d.localExpenses?.coveredBy == shipped.localExpenses.coveredBy)
        #expect(d.localExpenses?.participantsPay == shipped.localExpenses.participantsPay)
        let rules = try #require(shipped.eligibility)
        #expect(d.deadlines.map(\.date) == rules.deadlines.map(\.date))
        #expect(d.deadlines.map { $0.passport } == rules.deadlines.map { $0.passport?.rawValue })
        #expect(d.documents.map(\.short) == rules.documents.map(\.short))
        #expect(d.documents.map(\.name) == rules.documents.map(\.name))
        #expect(d.openTo?.value == rules.openTo)
        #expect(d.newCountries.isEmpty)
    }

    @Test(.enabled(if: seeds != nil, "the seed announcements are not in ../shared/seeds"))
    func the2018DeadlinesTakeTheWorkshopsYear_saidToBeInferred() throws {
        let d = try draft(seed: AnnouncementDraftTests.seed2018)
        #expect(d.deadlines.map(\.yearInferred) == [true, true])
        let text = EventFileDraft(d, id: "jeju-2018-draft", template: nil).text()
        #expect(text.contains("date = 2018-02-18   # the notice gives no year: 2018, the last such date before the workshop (inferred); a Sunday, as the notice says"))
    }

    @Test(.enabled(if: seeds != nil, "the seed announcements are not in ../shared/seeds"), arguments: seedPairs)
    func theDraftLoadsAsItIs_markedDraft_withTheShippedCaps(event id: String, seed: String) throws {
        let text = EventFileDraft(try draft(seed: seed), id: "\(id)-draft", template: tables.event("jeju-2023")).text()
        let event = try TableReader.event(text: text, file: "\(id)-draft.toml", countries: tables.countries)
        #expect(event.isDraft)
        #expect(event.caps.map(\.cap) == tables.event(id)?.caps.map(\.cap))
        #expect(text.hasPrefix("# DRAFT event file"))
        #expect(text.contains("\ndraft = true\n"))
    }

    @Test(.enabled(if: seeds != nil, "the seed announcements are not in ../shared/seeds"), arguments: seedPairs)
    func everyQuoteIsOnTheLineItNames(event id: String, seed: String) throws {
        let path = (try #require(AnnouncementDraftTests.seeds) as NSString).appendingPathComponent(seed)
        let lines = NoticeLine.lines(try InputFile.read(path))
        let d = try draft(seed: seed)
        var quotes = d.caps.map(\.quote) + d.deadlines.map(\.quote) + d.documents.map(\.quote) + [d.dates]
        quotes += [d.title?.quote, d.venue?.quote, d.payingOffices?.quote, d.localExpenses?.quote, d.openTo?.quote, d.otherPoints].compactMap { $0 }
        for quote in quotes {
            #expect(quote.pieces.allSatisfy { piece in quote.lines.contains { lines[$0 - 1].text.contains(piece) } }, "\(quote)")
        }
    }

    // MARK: Layouts of my own

    /// What the command says for a fixture: the drafted event file, the countries to add, or the error.
    func drafted(_ fixture: String) -> String {
        let path = fixtures.path("announcements/\(fixture)")
        return outcome(relativeTo: fixtures.folder) { () throws(InputError) -> [Diagnostic] in
            let d = try AnnouncementDraft.read(text: try InputFile.read(path), file: path, countries: tables.countries)
            let new = DraftCountries(d.newCountries, directory: tables.countries)
            if !new.countries.isEmpty {
                throw .badData(new.diagnostics(file: path, countriesFile: "countries.toml")
                               + [Diagnostic(BudgetCore.SourceLocation(file: path, line: 0, column: 0), "entries to paste", hint: new.entries(announcement: path))])
            }
            let id = (fixture as NSString).deletingPathExtension
            let text = EventFileDraft(d, id: id, template: nil).text()
            let event = try TableReader.event(text: text, file: "\(id).toml", countries: tables.countries)
            #expect(event.isDraft)
            return [Diagnostic(BudgetCore.SourceLocation(file: "\(id).toml", line: 0, column: 0), "drafted:\n" + text, severity: .note)]
        }
    }

    static let announcements = fixtures.files(in: "announcements", ending: ".txt")

    @Test(arguments: announcements)
    func eachLayoutGivesItsExpectedDraft(fixture: String) {
        let expected = fixtures.path("announcements/" + (fixture as NSString).deletingPathExtension + ".expected")
        expectMessage(drafted(fixture), matches: expected)
    }

    @Test func theLayoutsCoverEveryWayOfWritingACap() {
        let caps = ["amounts-on-label-line", "usd-before-amount", "us-space-dollar", "usd-after-amount", "row-with-two-caps", "tabs"]
            .map { drafted($0 + ".txt") }
        #expect(caps[0].contains("source = \"Eastern Asia / Mongolia and Japan / US$ 500\""))
        #expect(caps[1].contains("cap_usd = 1250\nsource = \"Pacific Islands / Fiji / USD 1,250\""))
        #expect(caps[2].contains("cap_usd = 400\nsource = \"Eastern Asia / China and Macao / US $400\""))
        #expect(caps[3].contains("cap_usd = 1050\nsource = \"Southern Asia / Pakistan / 1,050 USD\""))
        #expect(caps[4].contains("points_of_departure = []\nlabel = \"unlabelled\"\ncap_usd = 550"))
        #expect(caps[5].contains("points_of_departure = []\nlabel = \"unlabelled\"\ncap_usd = 650"))
    }

    // MARK: The partner office's layouts

    @Test func thePartnerOfficesNotices_weekdayDates_venueLine_fullOfficeName_localExpensesInOtherWords() {
        let names = drafted("partner-weekday-names.txt")
        #expect(names.contains("start = 2026-07-08\nend = 2026-07-10\n"))
        #expect(names.contains("# notice line 9: \"Bangkok, Thailand\"\nvenue = \"Bangkok, Thailand\"\n"))
        #expect(names.contains("/ \"Regional Support Office of the Bali Process (RSO)\"\npaying_offices = [\"Regional Support Office of the Bali Process\"]\n"))
        #expect(names.contains("covers = \"accommodation and meals during the workshop\"\ncovered_by = \"Regional Support Office of the Bali Process\"\n"))
        #expect(names.contains("date = 2026-06-01   # a Monday, as the notice says\nsource = \"Send the following 2 documents by Monday, 1 June 2026:\""))

        let abbreviated = drafted("partner-abbreviated-weekdays.txt")
        #expect(abbreviated.contains("start = 2026-08-03\nend = 2026-08-06\n"))
        #expect(abbreviated.contains("venue = \"Denpasar, Indonesia\""))
        #expect(abbreviated.contains("date = 2026-06-01\nsource = \"Nominations, with the application form and a letter of support, should reach us no later than 1 Jun 2026.\""))

        let after = drafted("partner-weekdays-after.txt")
        #expect(after.contains("# notice line 6: \"8-10 July 2026 (Wed–Fri)\"\nstart = 2026-07-08\nend = 2026-07-10\n"))
        #expect(after.contains("venue = \"Kuala Lumpur, Malaysia\""))   // not "Wed–Fri"
        #expect(after.contains("covers = \"accommodation, meals and local transport during the workshop\"\ncovered_by = \"Regional Support Office of the Bali Process\"\n"))
        #expect(after.contains("date = 2026-05-29   # a Friday, as the notice says\nsource = \"Completed application forms must reach us before Friday, 29 May 2026.\""))

        let us = drafted("partner-us-dates.txt")
        #expect(us.contains("# notice line 5: \"July 8–10, 2026\"\nstart = 2026-07-08\nend = 2026-07-10\n"))
        #expect(us.contains("participants_pay = \"visa fees and travel insurance\"\n"))
        #expect(us.contains("date = 2026-06-01   # a Monday, as the notice says\nsource = \"Nominations must be received no later than Monday, June 1, 2026.\""))
    }

    @Test func aCapTableWithoutRegionHeadings_takesEachRowsRegionFromTheCountryTable_markedAsAnInference() throws {
        let said = drafted("partner-weekday-names.txt")
        #expect(said.contains("""
            # notice line 19
            # region INFERRED, taken from countries.toml, not the notice's: the notice names no region for this row: countries.toml puts Bangladesh, India and Nepal in Southern Asia
            region = "Southern Asia"
            points_of_departure = ["Bangladesh", "India", "Nepal"]
            label = "printed"
            cap_usd = 650
            source = "Bangladesh, India and Nepal / USD 650"
            """))
        #expect(said.contains("#   - The cap table names no region for 3 rows (lines 19, 20, 21): each one's region is taken from countries.toml and marked INFERRED in the file; check it."))
        // Columns under "Country of departure / Maximum airfare" read the same.
        #expect(drafted("partner-weekdays-after.txt").contains("region = \"Pacific Islands\"\npoints_of_departure = [\"Samoa\", \"Tonga\", \"Vanuatu\"]\nlabel = \"printed\"\ncap_usd = 1250\n"))
        // A row whose points are in two regions gets one of them, saying so; a cap after it with no points keeps the row above's.
        let mixed = drafted("partner-us-dates.txt")
        #expect(mixed.contains("countries.toml puts Mongolia in Eastern Asia, and Nepal in Southern Asia; a row has one region: Eastern Asia, the first named's (as many are in each)\nregion = \"Eastern Asia\""))
        #expect(mixed.contains("the notice names neither a region nor a point of departure for this cap: South-Eastern Asia is the region of the row above it (itself from countries.toml)\nregion = \"South-Eastern Asia\"\npoints_of_departure = []\nlabel = \"unlabelled\"\ncap_usd = 900"))
        // A region the notice names is the notice's: no inference.
        let path = (try #require(AnnouncementDraftTests.seeds) as NSString).appendingPathComponent(AnnouncementDraftTests.seed2023)
        let seed = try AnnouncementDraft.read(text: try InputFile.read(path), file: path, countries: tables.countries)
        #expect(seed.caps.allSatisfy { $0.regionInferred == nil })
    }

    @Test func thePartnerOfficesNotices_eachSayWhatTheyFundElsewhere_orTheDraftSaysItsRuleIsTheDefault() {
        #expect(drafted("partner-weekday-names.txt").contains("other_points_of_departure = \"not-funded\"\nother_points_source = \"Applicants from other countries are not eligible for travel support.\""))
        #expect(drafted("partner-weekdays-after.txt").contains("other_points_of_departure = \"not-funded\"\nother_points_source = \"Participants from countries not listed above cannot be supported.\""))
        #expect(drafted("partner-us-dates.txt").contains("other_points_of_departure = \"not-funded\"\nother_points_source = \"Nominees from elsewhere will receive no travel assistance.\""))
        let silent = drafted("partner-abbreviated-weekdays.txt")
        #expect(silent.contains("# DEFAULT, not the notice's: the announcement says nothing of points of departure that no row names."))
        #expect(silent.contains("#   - The announcement says nothing of points of departure that its cap table does not name"))
    }

    @Test func anAbbreviationIsExpandedFromTheWordsBeforeIt_whoseInitialsHoldItsLetters() {
        let lines = NoticeLine.lines("""
            Against this backdrop, the Regional Support Office of the Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime (RSO) has laid foundation.
            UNITAR CIFAL Jeju/Jeju International Training Center (JITC) hosts it.
            Surtees (2021). Bangkok: Regional Support Office of the Bali Process (RSO) and NEXUS.
            """)
        let found = AnnouncementDraft.abbreviations(lines)
        #expect(found["RSO"]?.value == "Regional Support Office of the Bali Process")
        #expect(found["RSO"]?.quote.lines == [3])
        #expect(found["JITC"]?.value == "Jeju International Training Center")
        #expect(AnnouncementDraft.fullName("the RSO", abbreviations: found).0 == "Regional Support Office of the Bali Process")
        #expect(AnnouncementDraft.fullName("The Regional Support Office of the Bali Process (RSO)", abbreviations: found).0
                == "Regional Support Office of the Bali Process")
        #expect(AnnouncementDraft.fullName("RSO of the Bali Process", abbreviations: found).0 == "RSO of the Bali Process")
    }

    @Test func aVenueLineAfterTheDatesIsACityAndACountryOfTheTable() {
        let c = tables.countries
        #expect(AnnouncementDraft.isCityAndCountry("Bangkok, Thailand", countries: c))
        #expect(AnnouncementDraft.isCityAndCountry("Seogwipo, Jeju-do, Republic of Korea", countries: c))
        #expect(!AnnouncementDraft.isCityAndCountry("Identification, Assistance and Protection", countries: c))
        #expect(!AnnouncementDraft.isCityAndCountry("Organised by the RSO, Thailand.", countries: c))
        #expect(!AnnouncementDraft.isCityAndCountry("Thailand", countries: c))
    }

    @Test func aWeekdayThatIsNotTheDatesDay_isToCheck() throws {
        let text = "Workshop X\n\nTuesday, 8 July – Friday, 10 July 2026\n\nPoint of departure\nEastern Asia\nChina\nUS$ 400\n"
        let d = try AnnouncementDraft.read(text: text, file: "n.txt", countries: tables.countries)
        #expect((d.start.description, d.end.description) == ("2026-07-08", "2026-07-10"))
        #expect(d.checks.first == "Line 3 gives 8 July 2026 as a Tuesday; it is a Wednesday: check the workshop's dates.")
    }

    @Test(arguments: [("Send the documents by Monday, 1 June 2026.", "2026-06-01"),
                      ("Nominations should reach us no later than 1 Jun 2026.", "2026-06-01"),
                      ("Applications must reach us before Friday, 29 May 2026.", "2026-05-29"),
                      ("Closing date: 29 May 2026", "2026-05-29"),
                      ("Forms are due by May 29, 2026.", "2026-05-29")])
    func deadlinesInThePartnerOfficesWords(sentence: String, date: String) throws {
        let text = "Workshop X\n\n8-10 July 2026\n\nPoint of departure\nEastern Asia\nChina\nUS$ 400\n\n\(sentence)\n"
        let d = try AnnouncementDraft.read(text: text, file: "n.txt", countries: tables.countries)
        #expect(d.deadlines.map(\.date.description) == [date])
    }

    @Test func aDateInASentenceNotAboutApplying_isNoDeadline() throws {
        let text = "Workshop X\n\n8-10 July 2026\n\nPoint of departure\nEastern Asia\nChina\nUS$ 400\n\nThe report was published by 3 June 2025.\n"
        #expect(try AnnouncementDraft.read(text: text, file: "n.txt", countries: tables.countries).deadlines.isEmpty)
    }

    @Test func aNewCountryInARowWithoutARegion_getsTheRowsInferredRegion_saidToBeInferred() throws {
        let text = "Workshop X\n\n8-10 July 2026\n\nPoint of departure\nIndia and Narnia: up to USD 500\n"
        let d = try AnnouncementDraft.read(text: text, file: "n.txt", countries: tables.countries)
        #expect(d.newCountries.map(\.name) == ["Narnia"])
        #expect(d.caps.first?.regionInferred == "the notice names no region for this row: countries.toml puts India in Southern Asia; Narnia is not in it")
        let entries = DraftCountries(d.newCountries, directory: tables.countries).entries(announcement: "n.txt")
        #expect(entries.contains("region = \"Southern Asia\"   # INFERRED: the notice names no region for its row; this is the region of the row's other points of departure in countries.toml (notice line 6)"))
    }

    @Test func aCapTableNeedsARegionForARowTheCountryTableDoesNotKnow() {
        let text = "Workshop X\n\n8-10 July 2026\n\nPoint of departure\nNarnia and Oz: up to USD 500\n"
        #expect(message { () throws(InputError) in
            _ = try AnnouncementDraft.read(text: text, file: "n.txt", countries: tables.countries)
        }.contains("n.txt:6:1: error: the cap table (from line 5) cannot be read past this line: the points of departure `Narnia and Oz` come before any region, and the country table knows none of them"))
    }

    @Test func aCapTableThatCannotBeReadNamesTheLineWhereReadingStopped() {
        #expect(drafted("cap-in-words.txt").hasPrefix("announcements/cap-in-words.txt:36:1: error: the cap table (from line 28) cannot be read past this line"))
        #expect(drafted("cap-before-region.txt").contains("cap-before-region.txt:32:1: error: the cap table (from line 28) cannot be read past this line: the cap `US$ 500` comes before any region"))
    }

    @Test func aPointOfDepartureTheTableLacksGetsAnEntryWithTheCapTablesRegion() {
        let said = drafted("country-not-in-table.txt")
        #expect(said.contains("point of departure `Narnia` (Southern Asia) is not in countries.toml"))
        #expect(said.contains("name = \"Narnia\"\nregion = \"Southern Asia\""))
        #expect(!said.contains("India"))   // India is in the table
    }

    @Test func aRegionTheTableLacks_andAPointOnTwoRows_areToldAtTheNoticesLines() throws {
        let text = "Workshop X\n\n1-3 May 2026\n\nPoint of departure\nCentral Asia\nMongolia\nUS$ 500\nEastern Asia\nChina and Mongolia\nUS$ 400\n"
        let d = try AnnouncementDraft.read(text: text, file: "n.txt", countries: tables.countries)
        let problems = d.problems(countries: tables.countries).map(\.description)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("n.txt:6: error: the region `Central Asia` is not a region of any country") == true)
        #expect(problems.last?.hasPrefix("n.txt:10: error: `Mongolia` is on two rows of the cap table (also line 7)") == true)
    }

    @Test func aNoticeWithoutDatesOrWithoutACapTableIsRefused() {
        let c = tables.countries
        #expect(message { () throws(InputError) in
            _ = try AnnouncementDraft.read(text: "Workshop\n\nPoint of departure\nEastern Asia\nChina\nUS$ 400\n", file: "n.txt", countries: c)
        }.contains("n.txt: error: no workshop dates found"))
        #expect(message { () throws(InputError) in
            _ = try AnnouncementDraft.read(text: "Workshop\n\n1-3 May 2026\n\nAssistance with travel expenses\nNone this year.\n", file: "n.txt", countries: c)
        }.contains("n.txt:5:1: error: no cap table found"))
    }

    // MARK: Points of departure the cap table does not name

    /// A notice with a one-row cap table and a sentence after it.
    func notice(saying sentence: String) throws -> (AnnouncementDraft, String) {
        let text = "Workshop X\n\n1-3 May 2026\n\nPoint of departure\nEastern Asia\nChina\nUS$ 400\n\n\(sentence)\n"
        let d = try AnnouncementDraft.read(text: text, file: "n.txt", countries: tables.countries)
        return (d, EventFileDraft(d, id: "x", template: nil).text())
    }

    @Test(arguments: ["Applicants from other countries are not eligible for support.",
                      "Participants from countries not listed above cannot be supported.",
                      "Nominees from elsewhere will receive no travel assistance.",
                      "Applicants based outside these countries will not receive any financial support.",
                      "No travel support will be provided to participants from other countries.",
                      "Participants from other countries are ineligible for funding.",
                      "Participants from other countries may attend at their own expense.",
                      "Only applicants from the countries listed above are eligible for travel support.",
                      "* Other points of departure: not eligible for support"])
    func wordsThatOtherPointsAreNotSupported_draftNotFunded_quotingThem(sentence: String) throws {
        let (d, text) = try notice(saying: sentence)
        let words = sentence.hasPrefix("* ") ? String(sentence.dropFirst(2)) : sentence
        #expect(d.otherPointsRule == .notFunded)
        #expect(d.otherPoints?.text == words)
        #expect(text.contains("other_points_of_departure = \"not-funded\"\nother_points_source = \"\(words)\"\n"))
        let event = try TableReader.event(text: text, file: "x.toml", countries: tables.countries)
        #expect(event.otherPointsOfDeparture == .notFunded)
        #expect(event.otherPointsSource == words)
    }

    @Test func aSentenceInALongerLineIsQuotedAlone() throws {
        let (d, _) = try notice(saying: "Travel is economy class. Participants from other countries cannot be supported. Visas are your own.")
        #expect(d.otherPoints?.text == "Participants from other countries cannot be supported.")
        #expect(d.otherPoints?.lines == [10])
    }

    @Test func aNoticeThatSendsOthersToTheOrganisers_draftsContactOrganisers_quotingIt() throws {
        let (d, text) = try notice(saying: "Applicants from other countries should contact the organisers.")
        #expect(d.otherPointsRule == .contactOrganisers)
        #expect(text.contains("other_points_of_departure = \"contact-organisers\"\nother_points_source = \"Applicants from other countries should contact the organisers.\""))
        #expect(!d.checks.contains { $0.contains("points of departure") })
    }

    @Test(arguments: ["Late application will NOT be accepted.", "Expenses outside the workshop period are not covered.",
                      "All other expenses are not covered.", "Participants from China are not eligible for a per diem.",
                      "Visa fees will not be reimbursed."])
    func wordsNotAboutOtherPoints_leaveTheNoticeSilent_andTheDraftSaysItsRuleIsTheDefault(sentence: String) throws {
        let (d, text) = try notice(saying: sentence)
        #expect(d.otherPoints == nil)
        #expect(d.otherPointsRule == .contactOrganisers)
        #expect(text.contains("# DEFAULT, not the notice's: the announcement says nothing of points of departure that no row names."))
        #expect(!text.contains("other_points_source ="))
        #expect(d.checks.contains { $0.hasPrefix("The announcement says nothing of points of departure that its cap table does not name") })
        #expect(try TableReader.event(text: text, file: "x.toml", countries: tables.countries).otherPointsOfDeparture == .contactOrganisers)
    }

    @Test func twoStatementsThatDisagree_theTablesLineIsKept_andTheOtherIsToCheck() throws {
        let (d, _) = try notice(saying: "* Other points of departure - please contact the RSO\n\nApplicants from other countries will receive no travel assistance.")
        #expect(d.otherPointsRule == .contactOrganisers)
        #expect(d.otherPoints?.text == "Other points of departure - please contact the RSO")
        #expect(d.checks.filter { $0.contains("points of departure") || $0.contains("not-funded") } == ["Line 12 says \"Applicants from other countries will receive no travel assistance.\", which reads as \"not-funded\"; "
                             + "the draft keeps \"contact-organisers\" (line 10): check which applies."])
    }

    @Test func anOtherPointsLineThatSaysNeitherRule_isReadAsContactOrganisers_markedAnInference() throws {
        let (d, text) = try notice(saying: "* Other points of departure: see the guidelines")
        #expect(d.otherPointsRule == .contactOrganisers && d.otherPointsRuleInferred)
        #expect(text.contains("(an INFERENCE: the words say neither rule; check it)\nother_points_of_departure = \"contact-organisers\""))
        #expect(d.checks.first?.hasPrefix("Line 10 speaks of other points of departure without saying whether they are funded") == true)
    }

    // MARK: The pieces

    @Test(arguments: [("12 ~ 15 December 2023", "2023-12-12", "2023-12-15"), ("3-6 April 2018 (Jeju-do, Korea)", "2018-04-03", "2018-04-06"),
                      ("10 – 13 June 2025", "2025-06-10", "2025-06-13"), ("December 12~15, 2023", "2023-12-12", "2023-12-15"),
                      ("30 June – 2 July 2025", "2025-06-30", "2025-07-02"), ("30 December 2024 - 2 January 2025", "2024-12-30", "2025-01-02"),
                      ("Date: 5 June 2025", "2025-06-05", "2025-06-05"),
                      ("Wednesday, 8 July – Friday, 10 July 2026", "2026-07-08", "2026-07-10"),
                      ("Mon 3 – Thu 6 August 2026", "2026-08-03", "2026-08-06"), ("8-10 July 2026 (Wed–Fri)", "2026-07-08", "2026-07-10"),
                      ("July 8–10, 2026", "2026-07-08", "2026-07-10"), ("Wednesday, July 8 – Friday, July 10, 2026", "2026-07-08", "2026-07-10"),
                      ("Dates: Tue. 9 June 2026", "2026-06-09", "2026-06-09")])
    func workshopDatesAreReadInTheNoticesWays(text: String, start: String, end: String) throws {
        let (a, b) = try #require(AnnouncementDraft.dateRange(text))
        #expect((a.description, b.description) == (start, end))
    }

    @Test func aSentenceWithADateIsNotTheWorkshopsDates() {
        #expect(AnnouncementDraft.dateRange("The application deadline is extended to November 7 (Tuesday) accordingly.") == nil)
        #expect(AnnouncementDraft.dateRange("31-33 April 2025") == nil)
    }

    @Test func pointsOfDepartureSplitOnCommasAndAnd_butNotInsideAName() {
        let c = tables.countries
        #expect(NoticeCapTable.splitNames("China, Macao, and Chinese Taipei", countries: c) == ["China", "Macao", "Chinese Taipei"])
        #expect(NoticeCapTable.splitNames("Afghanistan, Bhutan, India, Maldives and Pakistan", countries: c)
                == ["Afghanistan", "Bhutan", "India", "Maldives", "Pakistan"])
        #expect(NoticeCapTable.splitNames("Trinidad and Tobago", countries: c) == ["Trinidad and Tobago"])
        #expect(NoticeCapTable.splitNames("Viet Nam & Laos", countries: c) == ["Viet Nam", "Laos"])
    }

    @Test func aDocumentsNameLosesItsRemarks_butNotItsAbbreviation() {
        #expect(AnnouncementDraft.documentName("Case study description (see guidelines)") == "Case study description")
        #expect(AnnouncementDraft.documentName("Curriculum vitae (CV) – form of your own") == "Curriculum vitae (CV)")
        #expect(AnnouncementDraft.numberedItem("2Case study description")?.0 == 2)
        #expect(AnnouncementDraft.numberedItem("2023 was a good year") == nil)
        #expect(AnnouncementDraft.shortName("Acknowledgement, waiver, and release of liability") == "waiver")
    }

    @Test func noticeLinesLoseTheirBulletsAndNonBreakingSpaces() {
        let line = NoticeLine(number: 1, raw: "\u{00B7}\u{00A0} Local expenses\u{00A0}\u{00A0}(meals)  ")
        #expect(line.text == "Local expenses (meals)")
        #expect(NoticeLine(number: 1, raw: "Eastern Asia\tHong Kong\u{00A0}\u{00A0}\u{00A0}US$ 300").cells == ["Eastern Asia", "Hong Kong", "US$ 300"])
        #expect(NoticeLine.lines("a\r\nb\rc\n").map(\.text) == ["a", "b", "c"])
    }

    @Test func capsAreReadInEveryCurrencySpelling() {
        for (text, cents) in [("US$ 400", 40_000), ("US $400", 40_000), ("USD 400", 40_000), ("400 USD", 40_000), ("US$ 1,050", 105_000),
                              ("$1,300.50", 130_050), ("1,050 US$", 105_000)] as [(String, Int64)] {
            #expect(NoticePattern.amounts(in: text).map(\.cents) == [cents], "\(text)")
        }
        #expect(NoticePattern.amounts(in: "20.9 million persons, around 3 out of every 1,000").isEmpty)
    }
}
