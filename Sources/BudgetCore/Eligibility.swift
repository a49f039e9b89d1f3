/// An application deadline; `passport` nil means every passport.
public struct Deadline: Hashable, Sendable {
    public let passport: Passport?
    public let date: CivilDate
    /// The announcement's words.
    public let source: String

    public init(passport: Passport?, date: CivilDate, source: String) {
        self.passport = passport
        self.date = date
        self.source = source
    }
}

/// A document an application must include.
public struct RequiredDocument: Hashable, Sendable {
    /// The short name a roster uses: `cv`, `commitment`.
    public let short: String
    /// The announcement's name: "Letter of commitment".
    public let name: String

    public init(short: String, name: String) {
        self.short = short
        self.name = name
    }
}

/// Who can be funded at all, by the announcement's rules.
public struct EligibilityRules: Hashable, Sendable {
    /// Late applications are not accepted.
    public let deadlines: [Deadline]
    /// An application without them is not considered.
    public let documents: [RequiredDocument]
    /// The countries the event is open to (canonical names); nil: the cap table's points of departure, and others
    /// after contacting the organisers.
    public let openTo: [String]?
    /// The announcement's words on eligibility.
    public let source: String

    public init(deadlines: [Deadline], documents: [RequiredDocument], openTo: [String]?, source: String) {
        self.deadlines = deadlines
        self.documents = documents
        self.openTo = openTo
        self.source = source
    }
}

/// One participant's eligibility: true, false, or nil when not known, with every reason in words.
public struct Verdict: Hashable, Sendable {
    public let eligible: Bool?
    /// Each rule's finding, in the rules' order: deadline, documents, point of departure, approval.
    public let reasons: [String]
    /// The reasons that make the participant ineligible.
    public let failures: [String]
    /// The reasons that leave eligibility not known.
    public let unknowns: [String]
    public let status: ApplicationStatus?

    /// Why the verdict is not "eligible": the failures, else what is not known.
    public var why: [String] { failures.isEmpty ? unknowns : failures }

    /// In words: `eligible`, `not eligible`, `not known`.
    public var word: String { eligible.map { $0 ? "eligible" : "not eligible" } ?? "not known" }
}

/// Applies an event's eligibility rules to participants.
public struct EligibilityCheck: Sendable {
    public let event: Event

    public init(event: Event) { self.event = event }

    /// The reasons given when a row says nothing of the application date or of the documents (reports say them once for a
    /// roster that gives neither for anyone).
    public static let applicationDateNotKnown = "application date not known"
    public static let documentsNotKnown = "documents not known"

    /// A verdict's reasons for not being eligible, less those a roster without application dates or documents gives every row.
    public static func why(_ verdict: Verdict, rosterGivesApplications: Bool) -> [String] {
        rosterGivesApplications ? verdict.why : verdict.why.filter { $0 != applicationDateNotKnown && $0 != documentsNotKnown }
    }

    private enum Finding {
        case met(String), failed(String), unknown(String)
    }

    /// The verdict on one participant.
    public func verdict(_ p: Participant) -> Verdict {
        if p.role != .participant {
            let reason = "a \(p.role.words): eligibility rules apply to participants only"
            return Verdict(eligible: true, reasons: [reason], failures: [], unknowns: [], status: p.application.status)
        }
        guard let rules = event.eligibility else {
            if event.fundsNothing(for: p) {
                // The rule for other points of departure holds even where the event file states no other rules.
                let reason = notFunded(p)
                return Verdict(eligible: false, reasons: [reason], failures: [reason], unknowns: [], status: p.application.status)
            }
            let reason = "the event file states no eligibility rules"
            return Verdict(eligible: nil, reasons: [reason], failures: [], unknowns: [reason], status: p.application.status)
        }
        var reasons: [String] = [], failures: [String] = [], unknowns: [String] = []
        reasons.reserveCapacity(4)
        func take(_ finding: Finding) {
            switch finding {
            case .met(let reason): reasons.append(reason)
            case .failed(let reason): reasons.append(reason); failures.append(reason)
            case .unknown(let reason): reasons.append(reason); unknowns.append(reason)
            }
        }
        take(deadline(p.application, rules))
        take(documents(p.application, rules))
        take(pointOfDeparture(p, rules))
        switch p.application.status {
        case .approved?: take(.met("approved by the organisers"))
        case .declined?: take(.failed("declined by the organisers"))
        case .applied?: take(.met("applied; approval pending"))
        case nil: take(.met("approval not known"))
        }
        let eligible: Bool? = !failures.isEmpty ? false : unknowns.isEmpty ? true : nil
        return Verdict(eligible: eligible, reasons: reasons, failures: failures, unknowns: unknowns, status: p.application.status)
    }

    private func deadline(_ a: Application, _ rules: EligibilityRules) -> Finding {
        guard !rules.deadlines.isEmpty else { return .met("no deadline stated") }
        guard let applied = a.appliedOn else { return .unknown(EligibilityCheck.applicationDateNotKnown) }
        func phrase(_ d: Deadline) -> String {
            "the \(d.date.long) deadline" + (d.passport.map { " for \($0.rawValue) passport holders" } ?? "")
        }
        let applying = rules.deadlines.filter { $0.passport == nil || $0.passport == a.passport }
        if a.passport != nil || rules.deadlines.allSatisfy({ $0.passport == nil }) {
            guard let latest = applying.max(by: { $0.date < $1.date }) else {
                return .unknown("no deadline for \(a.passport?.rawValue ?? "this") passport holders")
            }
            return applied <= latest.date ? .met("applied \(applied), by \(phrase(latest))")
                                          : .failed("applied \(applied), after \(phrase(latest)); late applications are not accepted")
        }
        // Passport not known: on time for every passport, late for every passport, or it depends.
        if rules.deadlines.allSatisfy({ applied <= $0.date }) {
            return .met("applied \(applied), by every deadline")
        }
        if rules.deadlines.allSatisfy({ applied > $0.date }) {
            return .failed("applied \(applied), after every deadline; late applications are not accepted")
        }
        let met = rules.deadlines.filter { applied <= $0.date }.map(phrase).joined(separator: " and ")
        return .unknown("applied \(applied): on time only by \(met); passport not known")
    }

    private func documents(_ a: Application, _ rules: EligibilityRules) -> Finding {
        let required = rules.documents
        guard !required.isEmpty else { return .met("no documents stated") }
        switch a.documents {
        case nil:
            return .unknown(EligibilityCheck.documentsNotKnown)
        case .all?:
            return .met("all \(required.count) documents received")
        case .count(let n)?:
            return n >= required.count ? .met("\(n) of \(required.count) documents received")
                : .failed("\(n) of \(required.count) documents received; an application without them is not considered")
        case .named(let received)?:
            let missing = required.filter { !received.contains($0.short) }.map(\.name)
            return missing.isEmpty ? .met("all \(required.count) documents received")
                : .failed("missing: \(missing.joined(separator: ", "))")
        }
    }

    private func pointOfDeparture(_ p: Participant, _ rules: EligibilityRules) -> Finding {
        let name = p.country.name
        if let open = rules.openTo {
            guard open.contains(name) else { return .failed("\(name) is not one of the \(open.count) countries the announcement is open to") }
            return event.fundsNothing(for: p) ? .failed(notFunded(p))
                : .met("\(name) is one of the \(open.count) countries the announcement is open to")
        }
        if event.capRow(for: p.country) != nil { return .met("\(name) is in the cap table") }
        if p.capOverride != nil { return .met("\(name) is not in the cap table; a cap was agreed with the organisers") }
        switch event.otherPointsOfDeparture {
        case .contactOrganisers:
            return .unknown("\(name) is not in the cap table: other points of departure must contact the organisers")
        case .notFunded:
            return .failed(notFunded(p))
        }
    }

    /// Why a participant from a point of departure the event does not fund is not eligible, in the event's words.
    private func notFunded(_ p: Participant) -> String {
        "\(p.country.name) is not in the cap table and \(event.id) funds no other point of departure (\(event.otherPointsWords))"
    }
}

/// Which participants a budget prices.
public enum Who: String, Sendable, CaseIterable {
    /// Everyone not known to be ineligible or declined (the default).
    case notExcluded = "not-excluded"
    /// Only those known to be eligible.
    case eligible
    /// Only those approved by the organisers and not known to be ineligible.
    case approved
    /// Everyone on the roster.
    case all

    /// Whether a participant with this verdict is priced.
    public func includes(_ verdict: Verdict) -> Bool {
        switch self {
        case .notExcluded: return verdict.eligible != false
        case .eligible: return verdict.eligible == true
        case .approved: return verdict.status == .approved && verdict.eligible != false
        case .all: return true
        }
    }

    /// The selection in words, for reports.
    public var words: String {
        switch self {
        case .notExcluded: return "everyone not known to be ineligible or declined"
        case .eligible: return "only participants known to be eligible"
        case .approved: return "only participants approved by the organisers"
        case .all: return "everyone on the roster, eligible or not"
        }
    }
}
