/// A roster's stays read relative to another event, so that comparing events compares like for like: a participant
/// present for the whole workshop in the roster's own event is present for the whole workshop in the other; a partial
/// stay keeps its arrival as days after (or before) the first workshop day and its departure as days before (or after)
/// the last.
public struct StayRestating: Sendable {
    /// The event the roster's dates belong to.
    public let source: Event
    private let costing: Costing

    public init(source: Event) {
        self.source = source
        costing = Costing(event: source)
    }

    /// The participant with their stay restated under `target`: no dates for a whole stay; a partial stay's arrival
    /// moved by the distance from the source's first day to the target's, its departure by the distance between last days.
    public func participant(_ p: Participant, under target: Event) -> Participant {
        if p.arrive == nil && p.leave == nil { return p }
        let whole = !costing.coveredStay(arrive: p.arrive, leave: p.leave).partial
        let arrive = whole ? nil : p.arrive.map { target.start.adding(days: $0.dayNumber - source.start.dayNumber) }
        let leave = whole ? nil : p.leave.map { target.end.adding(days: $0.dayNumber - source.end.dayNumber) }
        return p.with(arrive: arrive, leave: leave)
    }

    /// Whether a stay overlaps the source event at all (some covered night or workshop day); a stay without dates does.
    public func overlaps(_ p: Participant) -> Bool {
        if p.arrive == nil && p.leave == nil { return true }
        let stay = costing.coveredStay(arrive: p.arrive, leave: p.leave)
        return stay.nights + stay.days > 0
    }

    /// The event a roster's dates belong to: `given` when named, else the one event every dated stay overlaps (of several
    /// with the same days and covered nights, the first); nil when no participant has dates (every stay is whole, in any event).
    public static func source(of people: [Participant], in events: [Event], given: Event? = nil) throws(StayError) -> Event? {
        let dated = people.filter { $0.arrive != nil || $0.leave != nil }
        guard !dated.isEmpty else { return given }
        if let given {
            let outside = dated.filter { !StayRestating(source: given).overlaps($0) }
            if !outside.isEmpty { throw .outside(given, outside) }
            return given
        }
        let fitting = events.filter { event in
            let restating = StayRestating(source: event)
            return dated.allSatisfy(restating.overlaps)
        }
        guard let first = fitting.first else { throw .noEvent(dated, events) }
        // Events with the same days and covered nights read a stay alike: any of them will do.
        func window(_ e: Event) -> [Int] {
            [e.start.dayNumber, e.end.dayNumber, e.localExpenses.nightsBeforeStart, e.localExpenses.nightsAfterEnd]
        }
        guard fitting.allSatisfy({ window($0) == window(first) }) else { throw .several(fitting) }
        return first
    }
}

/// Why a roster's dates cannot be read relative to an event.
public enum StayError: Error, Sendable {
    /// These participants' stays overlap no covered night or workshop day of the event named as the roster's.
    case outside(Event, [Participant])
    /// No one event holds every dated stay.
    case noEvent([Participant], [Event])
    /// Several events hold every dated stay.
    case several([Event])

    /// The problem in words, with the fix.
    public var message: String {
        func stay(_ p: Participant) -> String {
            "\(p.id) (\([p.arrive.map { "arrives \($0)" }, p.leave.map { "leaves \($0)" }].compactMap { $0 }.joined(separator: ", ")))"
        }
        func dates(_ e: Event) -> String { "\(e.id) (\(e.start) to \(e.end))" }
        switch self {
        case .outside(let event, let people):
            return "the roster's dates are said to be those of \(dates(event)), but these stays miss it: "
                + people.prefix(10).map(stay).joined(separator: "; ") + (people.count > 10 ? "; and \(people.count - 10) more" : "")
                + ". Correct the arrive/leave dates, or name the roster's own event with --roster-event"
        case .noEvent(let people, let events):
            return "the roster's dates fit no one event (\(events.map(dates).joined(separator: ", "))), so its stays cannot be "
                + "read relative to each event: " + people.prefix(10).map(stay).joined(separator: "; ")
                + (people.count > 10 ? "; and \(people.count - 10) more" : "")
                + ". Correct the arrive/leave dates so that every stay falls in the roster's own event, or name it with --roster-event"
        case .several(let events):
            return "the roster's dates fit several events (\(events.map(dates).joined(separator: ", "))): name the roster's own "
                + "event with --roster-event"
        }
    }

    /// The rule in words, for the notes of a comparison.
    public static func rule(source: Event) -> String {
        "Stays are read relative to each event: the roster's dates are those of \(source.id) (\(source.start) to \(source.end)). "
            + "A participant present for the whole workshop there is present for the whole workshop in every event; a partial "
            + "stay keeps its arrival as the same number of days after (or before) the first workshop day, and its departure "
            + "as the same number of days before (or after) the last."
    }
}

extension Participant {
    /// The same participant with other arrival and departure dates.
    public func with(arrive: CivilDate?, leave: CivilDate?) -> Participant {
        Participant(id: id, name: name, organization: organization, country: country, fare: fare, arrive: arrive, leave: leave,
                    capOverride: capOverride, funding: funding, application: application, paidBy: paidBy, isPlanned: isPlanned,
                    actual: actual, location: location, quotedFare: quotedFare, role: role)
    }
}
