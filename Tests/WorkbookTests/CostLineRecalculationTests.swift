import BudgetCore
@testable import BudgetReaders
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing
import WorkbookOutput
import XLSXWriter

/// The events with cost lines beyond assisted airfare and local expenses whose workbooks LibreOffice recomputes: the worked
/// example (`Tables/examples/full-budget-example.*`: a visa fee and insurance per person, an allowance per day in KRW, a venue
/// and interpretation per event, a 5% contingency, resource persons paid in full) and the every-rule fixture
/// (`Fixtures/cost-lines/every-rule.*`: a line per basis, a per-night line that counts a self-funded person's nights, three
/// offices, a resource person's own cap, staff paid nothing, the not-funded rule).
enum CostLineBudgets {
    static let fixtures = Fixtures(of: "WorkbookTests")

    /// An event file and its roster, read as the tool reads them.
    static func read(event: String, roster: String) throws -> (Event, [Participant]) {
        let countries = try Repo.shippedTables().countries
        let event = try TableReader.event(text: try InputFile.read(event), file: event, countries: countries)
        let people = try RosterReader(countries: countries, event: event).read(text: try InputFile.read(roster), file: roster)
        return (event, people)
    }

    static func example() throws -> (Event, [Participant]) {
        try read(event: Repo.path("Tables/examples/full-budget-example.toml"), roster: Repo.path("Tables/examples/full-budget-example.csv"))
    }

    static func everyRule() throws -> (Event, [Participant]) {
        try read(event: fixtures.path("cost-lines/every-rule.toml"), roster: fixtures.path("cost-lines/every-rule.csv"))
    }

    static func exampleBudget() throws -> Budget {
        let (event, people) = try example()
        return Budget(event: event, participants: people, rosterName: "full-budget-example.csv")
    }

    /// Everyone priced, the participant from a point the event does not fund too (at 0.00).
    static func everyRuleBudget() throws -> Budget {
        let (event, people) = try everyRule()
        return Budget(event: event, participants: people, rosterName: "every-rule.csv", who: .all)
    }

    /// The same event with other amounts for some lines and another contingency percentage (what the edited workbook types).
    static func event(_ event: Event, amounts: [String: LineAmount], contingencyBasisPoints: Int? = nil) -> Event {
        let lines = event.declaredLines.map { line -> CostLine in
            guard case .charge(let basis, _) = line.rule, let amount = amounts[line.key] else { return line }
            return CostLine(key: line.key, name: line.name, rule: .charge(basis, amount), roles: line.roles, coversSelfFunded: line.coversSelfFunded,
                            shares: line.shares, source: line.source, assumption: line.assumption)
        }
        let contingency = event.contingency.map { c in
            Contingency(name: c.name, basisPoints: contingencyBasisPoints ?? c.basisPoints, lines: c.lines, shares: c.shares,
                        source: c.source, assumption: c.assumption)
        }
        return Event(id: event.id, title: event.title, source: event.source, start: event.start, end: event.end, venue: event.venue,
                     datesNote: event.datesNote, payingOffices: event.payingOffices, currency: event.currency, caps: event.caps,
                     otherPointsOfDeparture: event.otherPointsOfDeparture, localExpenses: event.localExpenses,
                     costSharing: event.costSharing, eligibility: event.eligibility, ceilings: event.ceilings,
                     otherPointsSource: event.otherPointsSource, costLines: lines, contingency: contingency, roleAirfare: event.roleAirfare)
    }

    /// The edits the edited workbook makes in its cells: the visa fee US$ 75, the allowance KRW 26,000, a 6% contingency, and
    /// R-02 staff instead of a resource person (no visa fee then).
    static let editedVisa = Money(dollars: 75)
    static let editedAllowance: Int64 = 26_000
    static let editedContingency = 600
    static func editedBudget() throws -> Budget {
        let (event, people) = try example()
        let edited = self.event(event, amounts: ["visa-fee": .usd(editedVisa), "allowance": .local(editedAllowance)],
                                contingencyBasisPoints: editedContingency)
        return Budget(event: edited, participants: people.map { $0.id == "R-02" ? participant($0, role: .staff) : $0 },
                      rosterName: "full-budget-example.csv")
    }

    /// The worked example reconciled with actual figures, a line recorded for some (`<key>_actual_usd`), one travelling with
    /// only a line recorded, one not planned; ceilings for the event and the RSO.
    static func exampleReconciliation() throws -> Reconciliation {
        let (event, people) = try example()
        let money = { (dollars: String) in Money(cents: Int64((Double(dollars)! * 100).rounded())) }
        let actuals: [String: ActualSpend] = [
            "X-01": ActualSpend(ticket: money("395"), nights: 4, lines: ["visa-fee": money("60"), "insurance": money("40.10")]),
            "X-02": ActualSpend(ticket: money("640")),
            "X-04": ActualSpend(ticket: money("790"), localExpenses: money("450.25"), lines: ["allowance": money("50")]),
            "X-06": ActualSpend(lines: ["visa-fee": money("60")]),
            "X-07": ActualSpend(ticket: money("880"), nights: 3),
            "X-08": ActualSpend(ticket: money("760"), nights: 4, lines: ["insurance": money("35.50")]),
            "R-01": ActualSpend(ticket: money("450"), lines: ["visa-fee": money("65")]),
        ]
        var edited = people.map { p in
            participant(p, paidBy: p.id == "X-07" ? "RSO of the Bali Process" : p.paidBy, actual: actuals[p.id] ?? p.actual)
        }
        edited.append(participant(people[6], id: "X-11", isPlanned: false,
                                  actual: ActualSpend(ticket: money("700"), nights: 4, lines: ["visa-fee": money("60")])))
        return Reconciliation(event: event, participants: edited, rosterName: "full-budget-example-actuals.csv",
                              ceilings: BudgetCeilings(event: Money(dollars: 15_000), offices: ["RSO of the Bali Process": Money(dollars: 6_000)]))
    }

    /// The example's roster priced under jeju-2023 (no cost lines: a Role column for its resource persons) and under the example.
    static func compareReport() throws -> CompareReport {
        let (example, people) = try example()
        let jeju = try Repo.shippedEvent("jeju-2023")
        let budgets = [jeju, example].map { Budget(event: $0, participants: people, rosterName: "full-budget-example.csv", who: .all) }
        return CompareReport(Comparison(events: budgets.map(\.event), budgets: budgets), mixName: "the worked example's roster",
                             mixSource: "full-budget-example.csv", fareWords: "as quoted", real: false)
    }

    /// A large roster (streamed): the every-rule roster twenty times over, each copy's ids numbered.
    static func streamedPeople() throws -> [Participant] {
        let (_, people) = try everyRule()
        return (1...20).flatMap { copy in people.map { participant($0, id: "\($0.id)-\(copy)") } }
    }

    /// Writes a roster through StreamedWorkbook (as `cost --stream` does) and returns its sheets' names.
    static func stream(_ event: Event, _ people: [Participant], who: Who = .all, to path: String) throws -> [String] {
        var tally = BudgetTally(event: event, rosterName: "streamed.csv", who: who, rosterRows: people.count)
        _ = try StreamedWorkbook(event: event, events: [event], inputs: ["streamed.csv"], created: Shipped.created)
            .write(people, rows: people.count, to: path, add: { tally.add($0) }, totals: { Budget(tally) })
        return BudgetWorkbook.sheetNames(costing: [event], showing: [event])
    }

    /// The whole-roster budget of the streamed roster (its lines, for the expected rows) and the streamed one (its totals).
    static func streamedBudgets() throws -> (whole: Budget, streamed: Budget) {
        let (event, _) = try everyRule()
        let people = try streamedPeople()
        var tally = BudgetTally(event: event, rosterName: "streamed.csv", who: .all, rosterRows: people.count)
        for p in people { _ = tally.add(p) }
        return (Budget(event: event, participants: people, rosterName: "streamed.csv", who: .all), Budget(tally))
    }
}

/// The cost-line workbooks, recomputed in one LibreOffice run for every test below.
enum RecomputedLines {
    static let sheets: Result<[String: RecomputedSheets], any Error> = Result {
        func workbook(_ budget: Budget) throws -> Workbook {
            try BudgetWorkbook(budgets: [budget], events: [budget.event], inputs: ["cost lines"], created: Shipped.created).make()
        }
        let example = try workbook(CostLineBudgets.exampleBudget())
        var edited = example
        try edit(&edited)
        let r = try CostLineBudgets.exampleReconciliation()
        let reconciled = try BudgetWorkbook(budgets: [r.plan], reconciliations: [r], events: [r.event], inputs: ["actuals"],
                                            created: Shipped.created).make()
        let compare = try CompareWorkbook(report: CostLineBudgets.compareReport(), options: RenderOptions(), inputs: ["compare"],
                                          created: Shipped.created).make()
        let (everyRule, _) = try CostLineBudgets.everyRule()
        let (example2, examplePeople) = try CostLineBudgets.example()
        let jeju = try Repo.shippedEvent("jeju-2023")
        return try LibreOffice.recompute(
            ["example": example, "example-wrong": Recomputed.wrongCachedResults(example), "example-edited": edited,
             "every-rule": try workbook(CostLineBudgets.everyRuleBudget()), "reconciled": reconciled, "compare": compare],
            streamed: [
                "streamed": { try CostLineBudgets.stream(everyRule, try CostLineBudgets.streamedPeople(), to: $0) },
                "streamed-example": { try CostLineBudgets.stream(example2, examplePeople, to: $0) },
                // A shipped event's large roster with resource persons: no Role column, each row's formulas by its role.
                "streamed-roles": { try CostLineBudgets.stream(jeju, examplePeople, to: $0) },
            ])
    }

    /// Types the edits of ``CostLineBudgets/editedBudget()`` into the example's workbook, its old results left cached.
    static func edit(_ workbook: inout Workbook) throws {
        guard let lines = workbook.sheets.firstIndex(where: { $0.name == "Cost lines" }),
              let roster = workbook.sheets.firstIndex(where: { $0.name == "Roster full-budget-example" }) else {
            throw RecomputeError(message: "the example's workbook has no Cost lines or roster sheet")
        }
        func row(_ label: String) throws -> Int {
            guard let row = (0...200).first(where: { workbook.sheets[lines].cell($0, 0)?.value == .text(label) }) else {
                throw RecomputeError(message: "no \(label) on the Cost lines sheet")
            }
            return row
        }
        for (label, value) in [("Visa fee", CostLineBudgets.editedVisa.number), ("Incidentals allowance", Double(CostLineBudgets.editedAllowance)),
                               ("Contingency", Double(CostLineBudgets.editedContingency) / 10_000)] {
            let at = try row(label), amount = CostLinesSheet.Column.amount
            guard let cell = workbook.sheets[lines].cell(at, amount) else { throw RecomputeError(message: "no amount for \(label)") }
            workbook.sheets[lines].set(at, amount, Cell(.number(value), cell.style))
        }
        let budget = try CostLineBudgets.exampleBudget()
        let layout = RosterLayout(budget)
        guard let r02 = budget.lines.firstIndex(where: { $0.participant.id == "R-02" }),
              let cell = workbook.sheets[roster].cell(layout.firstRow + r02, layout.roleColumn) else {
            throw RecomputeError(message: "no role cell for R-02")
        }
        workbook.sheets[roster].set(layout.firstRow + r02, layout.roleColumn, Cell(.text(Role.staff.rawValue), cell.style))
    }

    static func workbook(_ name: String) throws -> RecomputedSheets {
        guard let sheets = try sheets.get()[name] else { throw RecomputeError(message: "no recomputed workbook \(name)") }
        return sheets
    }
}

/// What LibreOffice recomputes on each sheet of a workbook with cost lines, against the engine's figures, to the cent.
struct CostLineExpectations {
    let budget: Budget
    let sheets: RecomputedSheets
    var sourceLocation: Testing.SourceLocation

    /// Rows of a sheet from the one whose first cell starts with `prefix` on.
    func rows(_ sheet: String, from prefix: String? = nil) -> ArraySlice<[String]> {
        let rows = sheets[sheet] ?? []
        guard let prefix else { return rows[...] }
        guard let start = rows.firstIndex(where: { $0.first?.hasPrefix(prefix) == true }) else {
            Issue.record("no \(prefix) on \(sheet)", sourceLocation: sourceLocation)
            return []
        }
        return rows[start...]
    }

    func expect(_ got: String?, _ want: Money?, _ what: String) {
        #expect(cents(got) == want?.cents, "\(what)", sourceLocation: sourceLocation)
    }

    /// Each person's row: cap, assisted airfare, share, local expenses, every declared line, total; and the totals row.
    /// `layout` says where the columns are (a streamed roster's, or the whole one's); `lines` are the rows expected.
    func roster(_ layout: RosterLayout, lines: [ParticipantCosting]) {
        let rows = sheets[layout.sheet] ?? []
        #expect(rows.count > lines.count, "no roster sheet \(layout.sheet)", sourceLocation: sourceLocation)
        typealias C = RosterLayout.Column
        for line in lines {
            guard let row = rows.first(where: { $0.first == line.participant.id }) else {
                Issue.record("no row for \(line.participant.id)", sourceLocation: sourceLocation)
                continue
            }
            let id = line.participant.id
            expect(row[safe: C.cap.rawValue], line.cap, "\(id) cap")
            expect(row[safe: C.share.rawValue], line.participantShare, "\(id) share")
            expect(row[safe: C.total.rawValue], line.total, "\(id) total")
            for (index, amount) in line.amounts.enumerated() where index < 2 + layout.declaredLines {
                expect(row[safe: layout.column(personLine: index)], amount, "\(id) \(budget.event.personLines[index].key)")
            }
            if layout.hasRole { #expect(row[safe: layout.roleColumn] == line.participant.role.rawValue, "\(id) role", sourceLocation: sourceLocation) }
        }
        let totals = rows.first { $0.first == "Total" } ?? []
        for index in 0..<(2 + layout.declaredLines) {
            expect(totals[safe: layout.column(personLine: index)], budget.totals.amounts[index], "total \(budget.event.personLines[index].key)")
        }
        expect(totals[safe: C.total.rawValue], budget.totals.total, "total")
    }

    /// The Summary's regions (with Other lines), and what each office pays of every line and event cost, the total of the
    /// offices (each office's whole part, and the grand total) and its footing check at 0.00.
    func summary() {
        let block = rows("Summary", from: "\(budget.event.id): ")
        func figures(_ label: String) -> [Int64?] { (block.first { $0.first == label } ?? []).dropFirst().map { cents($0) } }
        let declared = budget.event.personLines.count > 2
        for region in budget.regions {
            let s = region.subtotal
            let expected = [s.assistedAirfare, s.participantShare, s.localExpenses] + (declared ? [s.declaredAmounts.sum()] : []) + [s.total]
            #expect(Array(figures(region.region).dropFirst().prefix(expected.count)) == expected.map(\.cents), "\(region.region)",
                    sourceLocation: sourceLocation)
        }
        let offices = budget.offices
        for (index, line) in budget.event.personLines.enumerated() {
            #expect(Array(figures(line.name).prefix(offices.count + 1)) == (offices.map { $0.amounts[index] } + [budget.totals.amounts[index]]).map(\.cents),
                    "\(line.name) by office", sourceLocation: sourceLocation)
        }
        for (index, cost) in budget.eventCosts.enumerated() {
            #expect(Array(figures("\(cost.name) (event cost)").prefix(offices.count + 1)) == (offices.map { $0.eventCosts[index] } + [cost.amount]).map(\.cents),
                    "\(cost.name) by office", sourceLocation: sourceLocation)
        }
        #expect(Array(figures("Total of the offices").prefix(offices.count + 1)) == (offices.map(\.grandTotal) + [budget.grandTotal]).map(\.cents),
                "the total of the offices", sourceLocation: sourceLocation)
        let footing = block.first { $0.first?.hasPrefix("Footing: the total of the offices") == true } ?? []
        #expect(cents(footing[safe: offices.count + 1]) == 0, "the offices foot", sourceLocation: sourceLocation)
    }

    /// The Cost lines sheet's event costs: each cost and each office's part, their sum, the participants' lines and the grand total.
    func costLines() {
        let block = rows("Cost lines", from: "\(budget.event.id): ")
        guard let header = block.firstIndex(where: { $0.first == "Event costs" && $0[safe: 1] == "Base (US$)" }) else {
            Issue.record("no event costs on the Cost lines sheet", sourceLocation: sourceLocation)
            return
        }
        let rows = block[(header + 1)...]
        func check(_ label: String, _ amount: Money, _ parts: [Money]) {
            let row = rows.first { $0.first == label } ?? []
            let (at, first) = (CostLinesSheet.Column.amount, CostLinesSheet.Column.firstOffice)
            #expect(([row[safe: at]] + parts.indices.map { row[safe: first + $0] }).map { cents($0) } == ([amount] + parts).map(\.cents),
                    "\(label)", sourceLocation: sourceLocation)
        }
        for cost in budget.eventCosts {
            check(cost.name, cost.amount, cost.offices)
            if let base = cost.base {
                expect((rows.first { $0.first == cost.name } ?? [])[safe: CostLinesSheet.Column.basis], base, "\(cost.name) base")
            }
        }
        check("Event costs", budget.eventCosts.map(\.amount).sum(), budget.offices.map { $0.eventCosts.sum() })
        check("Participants' lines (the roster's total)", budget.totals.total, budget.offices.map(\.total))
        check("Grand total", budget.grandTotal, budget.offices.map(\.grandTotal))
    }

    /// Each office sheet of a roster held whole: its part of every line of every person, its total, its part of each event
    /// cost and its whole part.
    func officeSheets() {
        let totalPaid = OfficeSheet.totalPaidColumn(budget)
        for (index, (office, name)) in zip(budget.offices, WorkbookNames.offices(budget.event)).enumerated() {
            let rows = sheets[name] ?? []
            for line in office.lines {
                let row = rows.first { $0.first == line.costing.participant.id } ?? []
                for (personLine, amount) in line.amounts.enumerated() {
                    expect(row[safe: OfficeSheet.paidColumn(personLine: personLine, budget)], amount, "\(name) \(line.costing.participant.id) line \(personLine)")
                }
                expect(row[safe: totalPaid], line.total, "\(name) \(line.costing.participant.id) total")
            }
            expect((rows.first { $0.first == "Total" } ?? [])[safe: totalPaid], office.total, "\(name) total")
            eventCostParts(rows, office: index, label: 1, amount: totalPaid, name)
        }
    }

    /// Each office sheet of a streamed roster: its part of every line by region, the totals, the event costs and its whole part.
    func regionOfficeSheets(whole: Budget) {
        let totalPaid = OfficeSheet.totalPaidColumn(streamed: true, declaredLines: RosterLayout(budget).declaredLines)
        for (index, (office, name)) in zip(whole.offices, WorkbookNames.offices(budget.event)).enumerated() {
            let rows = sheets[name] ?? []
            for region in whole.regions {
                let row = rows.first { $0.first == region.region } ?? []
                let parts = office.lines.filter { $0.costing.region == region.region }
                for personLine in budget.event.personLines.indices {
                    expect(row[safe: OfficeSheet.paidColumn(personLine: personLine, streamed: true)], parts.map { $0.amounts[personLine] }.sum(),
                           "\(name) \(region.region) line \(personLine)")
                }
                expect(row[safe: totalPaid], parts.map(\.total).sum(), "\(name) \(region.region) total")
            }
            expect((rows.first { $0.first == "Total" } ?? [])[safe: totalPaid], office.total, "\(name) total")
            eventCostParts(rows, office: index, label: 0, amount: totalPaid, name)
        }
    }

    private func eventCostParts(_ rows: [[String]], office index: Int, label: Int, amount: Int, _ name: String) {
        guard let start = rows.firstIndex(where: { $0[safe: label]?.hasPrefix("Event costs, the office's part") == true }) else {
            Issue.record("no event costs on \(name)", sourceLocation: sourceLocation)
            return
        }
        let after = rows[(start + 1)...]
        for (cost, part) in zip(budget.eventCosts, budget.offices[index].eventCosts) {
            expect((after.first { $0[safe: label] == cost.name } ?? [])[safe: amount], part, "\(name) \(cost.name)")
        }
        expect((after.first { $0[safe: label]?.hasPrefix("The office's whole part") == true } ?? [])[safe: amount],
               budget.offices[index].grandTotal, "\(name) whole part")
    }
}

/// LibreOffice recomputes every line of a workbook with cost lines to the engine's figures.
@Suite struct CostLineRecalculationTests {
    func expectations(_ budget: Budget, _ workbook: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CostLineExpectations {
        CostLineExpectations(budget: budget, sheets: try RecomputedLines.workbook(workbook), sourceLocation: sourceLocation)
    }

    @Test func theWorkedExamplesEveryLineRecomputesToTheEnginesFigures() throws {
        let budget = try CostLineBudgets.exampleBudget()
        // What the example is there to show: each basis but per night (the every-rule fixture has it), a line in KRW, resource
        // persons paid in full, a self-funded participant, event costs and a contingency, two offices.
        #expect(Set(budget.event.declaredLines.compactMap(\.basis)) == [.perParticipant, .perDay, .perEvent])
        #expect(budget.lines.contains { $0.participant.role == .resourcePerson && $0.assistedAirfare == $0.participant.fare })
        #expect(budget.lines.contains { $0.participant.funding == .selfFunded } && budget.eventCosts.contains { $0.key == "contingency" })
        let expected = try expectations(budget, "example")
        expected.roster(RosterLayout(budget), lines: budget.lines)
        expected.summary()
        expected.costLines()
        expected.officeSheets()
    }

    @Test func everyRuleRecomputesToTheEnginesFigures_aBasisEachOwnCapsNoAirfareNotFundedAndThreeOffices() throws {
        let budget = try CostLineBudgets.everyRuleBudget()
        #expect(Set(budget.event.declaredLines.compactMap(\.basis)) == Set(CostBasis.allCases))
        #expect(budget.offices.count == 3 && budget.event.otherPointsOfDeparture == .notFunded)
        // The self-funded participant's nights show 0 (local expenses not covered) but the city tax counts their two nights.
        let e06 = try #require(budget.lines.first { $0.participant.id == "E-06" })
        #expect(e06.nights == 0 && e06.amounts[2] == Money(cents: 670))
        let expected = try expectations(budget, "every-rule")
        expected.roster(RosterLayout(budget), lines: budget.lines)
        expected.summary()
        expected.costLines()
        expected.officeSheets()
    }

    @Test func wrongCachedResultsAreReplacedByRecomputedOnes() throws {
        let budget = try CostLineBudgets.exampleBudget()
        let expected = try expectations(budget, "example-wrong")
        expected.roster(RosterLayout(budget), lines: budget.lines)
        expected.summary()
        expected.costLines()
        expected.officeSheets()
        #expect(!(try RecomputedLines.workbook("example-wrong")).values.flatMap { $0.flatMap { $0 } }.contains("999999"))
    }

    @Test func editingALinesAmountTheContingencyAndARoleInTheFileRecomputesEveryDependentCell() throws {
        let edited = try CostLineBudgets.editedBudget()
        #expect(try edited.grandTotal != CostLineBudgets.exampleBudget().grandTotal)
        let expected = try expectations(edited, "example-edited")
        // The roster's region column is text: R-02 stays under Resource persons there, so the Summary's regions are not compared.
        expected.roster(RosterLayout(edited), lines: edited.lines)
        expected.costLines()
        expected.officeSheets()
    }

    @Test func thePlanVsActualSheetCarriesEveryLine_plannedPaidAndActual() throws {
        let r = try CostLineBudgets.exampleReconciliation()
        #expect(r.flagCounts.contains { $0.flag == .lineNotRecorded })
        // X-06 travelled with only a line recorded: the plan stands for the airfare and the local expenses.
        let x06 = try #require(r.lines.first { $0.participant.id == "X-06" })
        #expect(x06.attendance == .plannedAndTravelled && x06.participant.actual.ticket == nil && x06.localExpenses.actual == x06.localExpenses.planned)
        let sheets = try RecomputedLines.workbook("reconciled")
        PlanActualRecalculationTests().expectPlanActualMatches(r, in: sheets)
        let rows = sheets["Plan vs actual"] ?? []
        let layout = PlanActualLayout(r, sheet: "Plan vs actual")
        for line in r.lines {
            let row = rows.first { $0.first == line.participant.id } ?? []
            for (index, figures) in line.declared.enumerated() {
                let columns = layout.lineColumns(index)
                #expect([cents(row[safe: columns.planned]), cents(row[safe: columns.actual])] == [figures.planned.cents, figures.actual.cents],
                        "\(line.participant.id) line \(index)")
            }
        }
        for cost in r.plan.eventCosts {
            let label = PlanActualSummary.Place.label, planned = PlanActualSummary.Place.planned
            #expect(cents((rows.first { $0[safe: label] == "\(cost.name) (event cost, planned)" } ?? [])[safe: planned]) == cost.amount.cents, "\(cost.name)")
        }
        #expect(cents((rows.first { $0[safe: PlanActualSummary.Place.label] == "The plan's grand total (Cost lines sheet)" } ?? [])[safe: PlanActualSummary.Place.planned])
                == r.plan.grandTotal.cents)
        let expected = try expectations(r.plan, "reconciled")
        expected.costLines()
        expected.officeSheets()
    }

    @Test func theCompareSheetGivesEveryLineUnderEachEvent() throws {
        let report = try CostLineBudgets.compareReport()
        let comparison = report.comparison
        let sheets = try RecomputedLines.workbook("compare")
        let rows = sheets["Compare"] ?? []
        let start = try #require(rows.firstIndex { $0.first == "Every cost line (US$)" })
        let block = rows[(start + 1)...].prefix(comparison.lines.count)
        #expect(block.map { $0.first ?? "" } == comparison.lines.map(\.name))
        for (row, line) in zip(block, comparison.lines) {
            #expect(line.amounts.indices.map { cents(row[safe: $0 + 1]) } == line.amounts.map { $0?.cents }, "\(line.name)")
            if let first = line.amounts.first ?? nil, let last = line.amounts.last ?? nil {
                #expect(cents(row[safe: comparison.events.count + 1]) == (last - first).cents, "\(line.name) change")
            }
        }
        // Each event's roster: jeju-2023's with a Role column for the resource persons, its lines only the two.
        for budget in comparison.budgets {
            let expected = CostLineExpectations(budget: budget, sheets: sheets, sourceLocation: #_sourceLocation)
            expected.roster(RosterLayout(budget), lines: budget.lines)
            #expect(RosterLayout(budget).hasRole)
        }
    }

    @Test func aLargeStreamedRosterCarriesTheSameLines_andItsOfficeSheetsSumThemByRegion() throws {
        let (whole, streamed) = try CostLineBudgets.streamedBudgets()
        #expect(streamed.isStreamed && streamed.grandTotal == whole.grandTotal)
        let expected = try expectations(streamed, "streamed")
        let layout = RosterLayout(sheet: WorkbookNames.roster(whole.event), participants: whole.lines.count, hasRole: true,
                                  declaredLines: whole.event.personLines.count - 2)
        expected.roster(layout, lines: whole.lines)
        expected.summary()
        expected.costLines()
        expected.regionOfficeSheets(whole: whole)
    }

    @Test func aStreamedRosterOfTheExampleRecomputesLikeTheWholeOne() throws {
        let whole = try CostLineBudgets.exampleBudget()
        let expected = try expectations(whole, "streamed-example")
        expected.roster(RosterLayout(sheet: WorkbookNames.roster(whole.event), participants: whole.lines.count, hasRole: true,
                                     declaredLines: whole.event.personLines.count - 2), lines: whole.lines)
        expected.summary()
        expected.costLines()
        expected.regionOfficeSheets(whole: whole)
    }

    @Test func aShippedEventsStreamedRosterWithResourcePersonsPricesEachByItsRole_withoutARoleColumn() throws {
        let (_, people) = try CostLineBudgets.example()
        let budget = Budget(event: try Repo.shippedEvent("jeju-2023"), participants: people, rosterName: "streamed.csv", who: .all)
        let sheets = try RecomputedLines.workbook("streamed-roles")
        let expected = CostLineExpectations(budget: budget, sheets: sheets, sourceLocation: #_sourceLocation)
        expected.roster(RosterLayout(sheet: WorkbookNames.roster(budget.event), participants: budget.lines.count), lines: budget.lines)
        RecalculationTests().expectSummaryMatches(budget, in: sheets)
        let header = sheets["Roster jeju-2023"]?.first ?? []
        #expect(header.count == RosterLayout.Column.paidBy.rawValue + 1 && !header.contains("Role"))
    }
}

/// The workbook model of an event with cost lines: where the lines go, and that the shipped events' workbooks get none of it.
@Suite struct CostLineWorkbookModelTests {
    @Test func anEventWithCostLinesGetsACostLinesSheet_theShippedEventsNone() throws {
        let budget = try CostLineBudgets.exampleBudget()
        let workbook = try BudgetWorkbook(budgets: [budget], events: [budget.event], inputs: [], created: Shipped.created).make()
        #expect(workbook.sheets.map(\.name) == BudgetWorkbook.sheetNames(costing: [budget.event]))
        #expect(workbook.sheets.map(\.name).contains("Cost lines"))
        #expect(!(try Shipped.workbook()).sheets.map(\.name).contains("Cost lines"))
        let names = Set(workbook.definedNames.map(\.name))
        for name in ["full_budget_example_line_visa_fee", "full_budget_example_office2_line_venue", "full_budget_example_contingency_percent",
                     "full_budget_example_cost_contingency", "full_budget_example_grand_total", "full_budget_example_event_costs"] {
            #expect(names.contains(name), "\(name)")
        }
    }

    @Test func twoKeysWithTheSameStemGetNamesOfTheirOwn() throws {
        let (event, _) = try CostLineBudgets.everyRule()
        #expect(WorkbookNames.lineAmount(event, event.declaredLines[2]) == "every_rule_line_lunch_extra")
        #expect(WorkbookNames.lineAmount(event, event.declaredLines[3]) == "every_rule_line_lunch_extra_4")
    }

    @Test func eachRosterRowsLineIsAFormulaOfItsBasisReadingTheLinesNamedAmount() throws {
        let budget = try CostLineBudgets.everyRuleBudget()
        let workbook = try BudgetWorkbook(budgets: [budget], events: [budget.event], inputs: [], created: Shipped.created).make()
        let roster = try #require(workbook.sheet("Roster every-rule"))
        let layout = RosterLayout(budget)
        func formula(_ id: String, _ line: Int) throws -> String {
            let row = try #require(budget.lines.firstIndex { $0.participant.id == id })
            guard case .formula(let text, _)? = roster.cell(layout.firstRow + row, layout.column(personLine: line))?.value else {
                throw RecomputeError(message: "\(id) line \(line) is not a formula")
            }
            return text
        }
        #expect(try formula("E-01", 2).contains("ROUND(every_rule_line_city_tax*K2,2)"))   // per night: the row's nights
        let e06 = try #require(budget.lines.firstIndex { $0.participant.id == "E-06" })
        #expect(try formula("E-06", 2).contains("ROUND(every_rule_line_city_tax*2,2)"))    // nights not covered: the stay's own
        #expect(try formula("E-06", 2).contains("H\(layout.firstRow + e06 + 1)=\"\""))   // not for a point the event does not fund
        #expect(try formula("E-01", 3).contains("ROUND(every_rule_line_sim_card*100/every_rule_rate,0)/100"))  // in KRW, converted
        #expect(try formula("E-01", 4).contains("every_rule_line_lunch_extra*L2"))  // per day: the row's days
        #expect(workbook.sheet("Roster every-rule")?.validations.contains { $0.inputTitle == "Role" } == true)
    }
}
