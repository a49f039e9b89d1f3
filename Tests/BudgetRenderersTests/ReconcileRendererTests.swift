import BudgetCore
import BudgetReaders
import BudgetRenderers
import Foundation
import TestSupport
import Testing

@Suite struct ReconcileTextReportTests {
    @Test func theSampleReconciliationReadsAsPinned() throws {
        expectSnapshot(ReconcileTextReport(try Repo.sampleReconciliation()).render(), named: "jeju-2023-actuals.txt")
    }

    @Test func everyLineFits100Columns_evenWithHugeAmountsAndLongIds() throws {
        let tables = try Repo.shippedTables()
        let event = try #require(tables.event("jeju-2023"))
        let india = try #require(tables.countries.country(named: "India"))
        let hongKong = try #require(tables.countries.country(named: "Hong Kong"))
        let people = (1...60).map { n in
            Participant(id: "JEJU2023-PARTICIPANT-\(n)", name: "N", country: n % 2 == 0 ? india : hongKong,
                        fare: Money(cents: 99_999_999), isPlanned: n % 5 != 0,
                        actual: ActualSpend(ticket: n % 3 == 0 ? nil : Money(cents: 100_000_000), nights: 366,
                                            localExpenses: n % 4 == 0 ? Money(cents: 99_999_999) : nil))
        }
        for r in [try Repo.sampleReconciliation(), Reconciliation(event: event, participants: people, rosterName: "r.csv",
                                                               ceilings: BudgetCeilings(event: Money(cents: 1)))] {
            let text = ReconcileTextReport(r).render()
            for line in text.split(separator: "\n") { #expect(line.count <= 100, "\(line.count): \(line)") }
            for line in r.lines { #expect(text.contains(line.participant.id)) }
        }
    }

    @Test func theGroupsAreListedApart_andTheFootingIsStated() throws {
        // Lines are wrapped: compare with runs of white space folded to one space.
        let text = ReconcileTextReport(try Repo.sampleReconciliation()).render().split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        for attendance in Attendance.allCases { #expect(text.contains(attendance.heading)) }
        #expect(text.contains("Footing: the participants' variances add up to +53.60 = actual 16,660.89 - planned 16,607.29, to the cent."))
        #expect(text.contains("rounded half away from zero to one decimal"))
    }

    @Test func aCeilingPassedIsAWarningLine_forThePlanAndForTheActuals() throws {
        let text = ReconcileTextReport(try Repo.sampleReconciliation()).render().split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(text.contains("WARNING: the plan passes the budget ceiling for RSO of the Bali Process by US$ 303.64"))
        #expect(text.contains("WARNING: the actuals pass the budget ceiling for the event total by US$ 40.89"))
        #expect(!text.contains("WARNING: the plan passes the budget ceiling for the event total"))
        let none = ReconcileTextReport(try Repo.sampleReconciliation(ceilings: BudgetCeilings())).render()
        #expect(!none.contains("Budget ceiling") && !none.contains("WARNING"))
    }

    @Test func aRedactedReportNamesNobody() throws {
        let r = try Repo.sampleReconciliation()
        let text = ReconcileTextReport(r, options: RenderOptions(redact: true)).render()
        for line in r.lines { #expect(!text.contains(line.participant.name)) }
    }
}

@Suite struct ReconcileJSONAndCSVTests {
    func json(_ r: Reconciliation? = nil) throws -> [String: Any] {
        let r = try r ?? Repo.sampleReconciliation()
        return try #require(try JSONSerialization.jsonObject(with: Data(try ReconcileJSONReport(r).render().utf8)) as? [String: Any])
    }

    @Test func theJSONGivesPlannedActualVarianceAndPercentPerParticipant_andTheFooting() throws {
        let doc = try json()
        let participants = try #require(doc["participants"] as? [[String: Any]])
        let first = try #require(participants.first)
        let total = try #require(first["total"] as? [String: Any])
        #expect(total["planned"] as? String == "878.46" && total["actual"] as? String == "907.30")
        #expect(total["variance"] as? String == "28.84" && total["variance_percent"] as? String == "3.3")
        let notPlanned = try #require(participants.first { $0["attendance"] as? String == "not-planned" })
        #expect((notPlanned["total"] as? [String: Any])?["variance_percent"] is NSNull)
        let footing = try #require(doc["footing"] as? [String: Any])
        #expect(footing["foots"] as? Bool == true && footing["sum_of_variances"] as? String == "53.60")
        let offices = try #require(doc["offices"] as? [[String: Any]])
        #expect(offices.compactMap { ($0["footing"] as? [String: Any])?["foots"] as? Bool } == [true, true])
        #expect((doc["warnings"] as? [String])?.count == 3)
    }

    @Test func theCSVHasARowPerParticipantGroupAndOffice_withNegativeAmountsAsNumbers() throws {
        let r = try Repo.sampleReconciliation()
        let rows = ReconcileCSVReport(r).render().split(separator: "\r\n").map(String.init)
        #expect(rows.filter { $0.hasPrefix("participant,") }.count == r.lines.count)
        #expect(rows.filter { $0.hasPrefix("group,") }.count == 3)
        #expect(rows.filter { $0.hasPrefix("office,") }.count == 2)
        #expect(rows.contains { $0.hasPrefix("total,") && $0.contains(",16607.29,16660.89,53.60,0.3,") })
        #expect(rows.contains { $0.hasPrefix("participant,P23-05,") && $0.contains(",-1003.46,-100.0,") })
        #expect(rows.contains { $0.hasPrefix("ceiling,") && $0.contains("PASSED by the plan and the actuals") })
        #expect(rows.contains { $0.contains("Footing: the participants' variances add up to 53.60; actual - planned is 53.60 (they foot).") })
    }
}

/// Budget ceilings in the planner's own reports.
@Suite struct CostHeadroomTests {
    func budget(_ ceilings: BudgetCeilings) throws -> Budget {
        let sample = try Repo.sampleBudget("jeju-2023")
        let roster = sample.lines.map(\.participant) + sample.leftOut.map(\.participant)
        return Budget(event: sample.event, participants: roster, rosterName: sample.rosterName, ceilings: ceilings)
    }

    @Test func theTextReportPrintsTheHeadroom_andAWarningOnlyWhenTheCeilingIsPassed() throws {
        let under = TextReport(try budget(BudgetCeilings(event: Money(dollars: 17_000)))).render()
        #expect(under.contains("Budget ceiling"))
        #expect(under.contains("Event total") && under.contains("392.71"))
        #expect(!under.contains("WARNING"))
        let over = TextReport(try budget(BudgetCeilings(event: Money(dollars: 16_000)))).render().split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(over.contains("WARNING: the plan passes the budget ceiling for the event total by US$ 607.29 (planned US$"))
        #expect(try TextReport(budget(BudgetCeilings())).render().components(separatedBy: "Eligibility")[0]
                == TextReport(Repo.sampleBudget("jeju-2023")).render().components(separatedBy: "Eligibility")[0])
    }

    @Test func theJSONAndCSVCarryTheHeadroom() throws {
        let b = try budget(BudgetCeilings(offices: ["RSO of the Bali Process": Money(dollars: 8_000)]))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReport(b).render().utf8)) as? [String: Any])
        let headroom = try #require((json["headroom"] as? [[String: Any]])?.first)
        #expect(headroom["headroom"] as? String == "-303.64" && headroom["passed"] as? Bool == true)
        #expect((json["warnings"] as? [String])?.count == 1)
        #expect(CSVReport(b).render().contains("ceiling,,,,,RSO of the Bali Process,,,,,,,,8303.64,ceiling 8000.00; headroom -303.64 planned; PASSED by the plan\r\n"))
    }

    @Test func rowsNotInThePlanAreLeftOutOfTheBudget_andSaidSo() throws {
        let r = try Repo.sampleReconciliation()
        #expect(try r.plan.totals == Repo.sampleBudget("jeju-2023").totals)
        let text = TextReport(r.plan).render()
        #expect(text.contains("Not in the plan: 1 roster row(s) marked planned = no (participant P23-19)"))
    }
}
