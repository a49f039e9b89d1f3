import BudgetCore
import BudgetReaders
import PropertyBased
import TestSupport
import Testing

/// The costing rules and the footing, over random cap tables and rosters.
@Suite struct CostingProperties {
    /// The shipped countries, which the generators draw from: a failure to load them fails each property here.
    let countries: CountryDirectory

    init() throws { countries = try Repo.shippedTables().countries }

    /// A random event and a roster under it.
    static let budgets = zip(Random.event, Random.roster).compactMap { spec, people -> (Event, [Participant])? in
        guard let event = spec.event else { return nil }
        return (event, people.enumerated().map { $1.participant($0, in: event) })
    }

    @Test func assistedAirfareNeverExceedsTheCap_andWithoutACapIsZero() async {
        await propertyCheck(input: CostingProperties.budgets) { event, participants in
            for line in Budget(event: event, participants: participants, rosterName: "r").lines {
                if let cap = line.cap {
                    #expect(line.assistedAirfare <= cap)
                } else {
                    #expect(line.assistedAirfare == .zero)
                }
            }
        }
    }

    @Test func assistedAirfarePlusParticipantShareIsTheFare() async {
        await propertyCheck(input: CostingProperties.budgets) { event, participants in
            for line in Budget(event: event, participants: participants, rosterName: "r").lines {
                if let fare = line.participant.fare {
                    #expect(line.assistedAirfare + line.participantShare == fare)
                } else {
                    #expect(line.participantShare == .zero)
                }
            }
        }
    }

    @Test(arguments: RenderedFormat.allCases)
    func everyRendererShowsTotalsThatAreTheSumOfItsLines(format: RenderedFormat) async {
        await propertyCheck(count: 40, input: CostingProperties.budgets) { event, participants in
            let budget = Budget(event: event, participants: participants, rosterName: "r")
            let shown = try format.figures(of: budget)
            #expect(ShownFigures.sum(shown.participants) == shown.total)
            #expect(ShownFigures.sum(shown.regions) == shown.total)
            #expect(shown.sorted == ShownFigures(budget).sorted, "the \(format) report shows other figures than the costing")
        }
    }

    @Test func reorderingTheRosterChangesNoTotal() async {
        await propertyCheck(input: CostingProperties.budgets, Gen.int(in: 0...1_000_000)) { budget, seed in
            let (event, participants) = budget
            // A reordering that the seed determines, so that a failure can be replayed.
            let reordered = participants.enumerated().sorted { ($0.offset * 2_654_435_761 + seed) % 1_000_003 < ($1.offset * 2_654_435_761 + seed) % 1_000_003 }
                .map(\.element)
            let original = Budget(event: event, participants: participants, rosterName: "r")
            let shuffled = Budget(event: event, participants: reordered, rosterName: "r")
            #expect(shuffled.totals == original.totals)
            #expect(shuffled.regions.map(\.region) == original.regions.map(\.region))
            #expect(shuffled.regions.map(\.subtotal) == original.regions.map(\.subtotal))
        }
    }

    static let writers = zip(Gen.shuffled(Array(0..<RosterWriter.columns.count)), Gen.bool(), Gen.int(in: 0...2), Gen.bool(), Gen.bool())
        .map { order, capitals, style, crlf, bom in
            RosterWriter(order: order, capitalHeader: capitals, moneyStyle: style,
                         crlf: crlf, byteOrderMark: bom)
        }

    @Test func costingIsTheSameWhetherTheRosterIsReadFromCSVOrBuiltInCode() async throws {
        await propertyCheck(input: CostingProperties.budgets, CostingProperties.writers) { budget, writer in
            let (event, participants) = budget
            let csv = writer.csv(participants)
            let read = try RosterReader(countries: countries).read(text: csv, file: "random.csv")
            let fromCSV = Budget(event: event, participants: read, rosterName: "r")
            let inCode = Budget(event: event, participants: participants, rosterName: "r")
            #expect(fromCSV.lines.map(\.participant.id) == inCode.lines.map(\.participant.id))
            #expect(fromCSV.lines.map(\.participant.name) == inCode.lines.map { $0.participant.name.trimmed })
            #expect(ShownFigures(fromCSV) == ShownFigures(inCode))
            #expect(fromCSV.lines.map(\.flags) == inCode.lines.map(\.flags))
            #expect(fromCSV.lines.map(\.cap) == inCode.lines.map(\.cap))
        }
    }
}

extension String {
    /// Without the spaces the roster reader trims from a field.
    var trimmed: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
