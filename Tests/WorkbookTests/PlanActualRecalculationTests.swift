import BudgetCore
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing

/// LibreOffice recomputes the `Plan vs actual` sheet to exactly the engine's reconciliation, to the cent.
@Suite struct PlanActualRecalculationTests {
    typealias C = PlanActualLayout.Column
    typealias P = PlanActualSummary.Place

    /// A recomputed percentage in tenths of a percent; nil for an empty cell (nothing planned).
    func tenths(_ text: String?) -> Int64? {
        guard let text, let value = Double(text) else { return nil }
        return Int64((value * 10).rounded())
    }

    /// The rows after a block's header (found by its label, in column B), `count` of them.
    func block(_ rows: [[String]], _ header: String, _ count: Int) -> [[String]] {
        guard let start = rows.firstIndex(where: { $0[safe: P.label] == header }) else { return [] }
        return Array(rows[(start + 1)...].prefix(count))
    }

    /// Planned, actual, variance and % of a summary row, against the engine's figures.
    func expectFigures(_ row: [String]?, _ figures: PlanActual, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let got = [row?[safe: P.planned], row?[safe: P.actual], row?[safe: P.variance]].map { cents($0) }
        #expect(got == [figures.planned.cents, figures.actual.cents, figures.variance.cents], "\(what)", sourceLocation: sourceLocation)
        #expect(tenths(row?[safe: P.percent]) == figures.percent?.tenths, "\(what) %", sourceLocation: sourceLocation)
    }

    func expectPlanActualMatches(_ r: Reconciliation, in sheets: RecomputedSheets, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let rows = sheets["Plan vs actual"] ?? []
        #expect(rows.count > r.lines.count, "no Plan vs actual sheet", sourceLocation: sourceLocation)
        let layout = PlanActualLayout(r, sheet: "Plan vs actual")
        for line in r.lines {
            guard let row = rows.first(where: { $0.first == line.participant.id }) else {
                Issue.record("no row for \(line.participant.id)", sourceLocation: sourceLocation)
                continue
            }
            let id = line.participant.id
            let expected: [(C, Int64)] = [
                (.plannedAirfare, line.assistedAirfare.planned.cents), (.actualAirfare, line.assistedAirfare.actual.cents),
                (.share, line.participantShare.cents), (.plannedLocal, line.localExpenses.planned.cents),
                (.actualLocal, line.localExpenses.actual.cents), (.plannedTotal, line.total.planned.cents),
                (.actualTotal, line.total.actual.cents), (.variance, line.total.variance.cents),
            ]
            for (column, amount) in expected {
                #expect(cents(row[safe: column.rawValue]) == amount, "\(id) \(column)", sourceLocation: sourceLocation)
            }
            #expect(tenths(row[safe: C.percent.rawValue]) == line.total.percent?.tenths, "\(id) %", sourceLocation: sourceLocation)
            #expect(row[safe: C.attendance.rawValue] == PlanActualLayout.word(line.attendance), "\(id) attendance", sourceLocation: sourceLocation)
            for (index, office) in r.offices.enumerated() where layout.offices > 1 {
                let part = office.lines.first { $0.line.participant.id == id }
                let columns = layout.officeColumns(index)
                #expect([cents(row[safe: columns.planned]), cents(row[safe: columns.actual])] == [part?.total.planned.cents, part?.total.actual.cents],
                        "\(id) \(office.office)", sourceLocation: sourceLocation)
            }
        }
        let total = rows.first { $0.first == "Total" } ?? []
        #expect(cents(total[safe: C.plannedTotal.rawValue]) == r.totals.total.planned.cents, sourceLocation: sourceLocation)
        #expect(cents(total[safe: C.actualTotal.rawValue]) == r.totals.total.actual.cents, sourceLocation: sourceLocation)
        #expect(cents(total[safe: C.variance.rawValue]) == r.varianceSum.cents, sourceLocation: sourceLocation)

        let groups = block(rows, "By attendance", r.groups.count + 2)
        for (group, row) in zip(r.groups, groups) {
            #expect(row[safe: P.count] == String(group.lines.count), "\(group.attendance) count", sourceLocation: sourceLocation)
            expectFigures(row, group.subtotal.total, "\(group.attendance)", sourceLocation: sourceLocation)
        }
        expectFigures(groups[safe: r.groups.count], r.totals.total, "groups' total", sourceLocation: sourceLocation)
        #expect(groups[safe: r.groups.count + 1]?[safe: P.label] == PlanActualSummary.footingLabel, sourceLocation: sourceLocation)
        #expect(cents(groups[safe: r.groups.count + 1]?[safe: P.variance]) == 0, "the variances foot", sourceLocation: sourceLocation)

        // Every per-person line (the event file's other lines too), then the total.
        let lines = [r.totals.assistedAirfare, r.totals.localExpenses] + r.totals.declared + [r.totals.total]
        let costLines = block(rows, "By cost line", lines.count)
        #expect(costLines.map { $0[safe: P.label] ?? "" } == ["Assisted airfare", "Local expenses"] + r.event.personLines.dropFirst(2).map(\.name) + ["Total"],
                sourceLocation: sourceLocation)
        for (row, figures) in zip(costLines, lines) {
            expectFigures(row, figures, row[safe: P.label] ?? "cost line", sourceLocation: sourceLocation)
        }
        let offices = block(rows, "By paying office", r.offices.count + 1)
        for (office, row) in zip(r.offices, offices) {
            #expect(row[safe: P.label] == office.office, sourceLocation: sourceLocation)
            expectFigures(row, office.total, office.office, sourceLocation: sourceLocation)
        }
        #expect(cents(offices.last?[safe: P.variance]) == 0, "the offices add up", sourceLocation: sourceLocation)

        let ceilings = block(rows, "Budget ceiling", r.plan.headroom.count)
        for (row, (plan, actual)) in zip(ceilings, zip(r.plan.headroom, r.actualHeadroom)) {
            #expect([row[safe: P.count], row[safe: P.planned], row[safe: P.actual], row[safe: P.variance], row[safe: P.percent]].map { cents($0) }
                        == [plan.ceiling, plan.spent, plan.headroom, actual.spent, actual.headroom].map(\.cents),
                    "\(row[safe: P.label] ?? "ceiling")", sourceLocation: sourceLocation)
        }
        #expect(ceilings.count == 2, sourceLocation: sourceLocation)
    }

    @Test func thePlanVsActualSheetRecomputesToTheEnginesReconciliation() throws {
        expectPlanActualMatches(try Repo.sampleReconciliation(), in: try Recomputed.workbook("reconciled"))
    }

    @Test func aSelfFundedParticipantsLocalExpensesFromNightsAreZeroWhereTheEventDoesNotCoverThem() throws {
        // Formulas.coveredLocal's IF: the shipped events cover them, so this workbook's event does not.
        let r = try Shipped.reconciliationSelfFundedNotCovered()
        let line = try #require(r.lines.first { $0.participant.id == "P23-11" })
        #expect(line.participant.funding == .selfFunded && line.participant.actual.nights == 4 && line.localExpenses.actual == .zero)
        expectPlanActualMatches(r, in: try Recomputed.workbook("reconciled-self-funded"))
    }

    @Test func wrongCachedResultsOnThePlanVsActualSheetAreReplacedByRecomputedOnes() throws {
        let sheets = try Recomputed.workbook("reconciled-wrong")
        expectPlanActualMatches(try Repo.sampleReconciliation(), in: sheets)
        #expect(!(sheets["Plan vs actual"] ?? []).flatMap { $0 }.contains("999999"))
    }

    @Test func editingATicketAndNightsInTheFileRecomputesTheVariances() throws {
        let edited = try Recomputed.editedReconciliation()
        expectPlanActualMatches(edited, in: try Recomputed.workbook("reconciled-edited"))
        #expect(try edited.totals.total.actual != Repo.sampleReconciliation().totals.total.actual)
    }

    @Test func participantsPaidWhollyByOneOfficeAreThatOfficesWholeLine_plannedAndActual() throws {
        let r = try Recomputed.paidByReconciliation()
        expectPlanActualMatches(r, in: try Recomputed.workbook("reconciled-paid"))
        let rso = try #require(r.offices.last)
        for id in ["P23-01", "P23-19"] {
            let part = try #require(rso.lines.first { $0.line.participant.id == id })
            #expect(part.total == part.line.total, "\(id) is wholly the RSO's")
        }
    }

    @Test func theSampleHasEveryAttendanceGroupAndFlag_soTheSheetIsTestedOnEachRule() throws {
        let r = try Repo.sampleReconciliation()
        #expect(r.groups.filter { $0.lines.isEmpty }.isEmpty)
        // line-not-recorded needs an event that declares other lines: the worked example's reconciliation shows it.
        #expect(Set(r.flagCounts.map(\.flag)) == Set(ReconciliationFlag.allCases).subtracting([.lineNotRecorded]))
        #expect(r.offices.count == 2)
        #expect(!r.actualHeadroom.filter(\.isPassed).isEmpty)
    }
}
