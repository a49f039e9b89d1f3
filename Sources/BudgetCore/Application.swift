/// The passport a participant travels on; the 2018 deadlines depend on it.
public enum Passport: String, Sendable, CaseIterable {
    case ordinary, official
}

/// Where an application stands with the organisers ("Participation is subject to approval").
public enum ApplicationStatus: String, Sendable, CaseIterable {
    case applied, approved, declined
}

/// The application documents received: by short name (as the event file lists them), or only a count.
public enum DocumentsReceived: Hashable, Sendable {
    /// Every document the event asks for.
    case all
    case named([String])
    case count(Int)
}

/// What a roster says about a participant's application; nil is "not known", never "fine".
public struct Application: Hashable, Sendable {
    public let passport: Passport?
    public let appliedOn: CivilDate?
    public let documents: DocumentsReceived?
    public let status: ApplicationStatus?

    public init(passport: Passport? = nil, appliedOn: CivilDate? = nil, documents: DocumentsReceived? = nil,
                status: ApplicationStatus? = nil) {
        self.passport = passport
        self.appliedOn = appliedOn
        self.documents = documents
        self.status = status
    }

    /// Nothing known.
    public static let unknown = Application()
}
