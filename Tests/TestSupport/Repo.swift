import BudgetCore
import BudgetReaders
import Foundation

/// Where things are in the repository, for every test target: its root, the shipped tables and sample rosters, each test
/// target's fixtures. Whatever does not load is thrown to the test that asked, never a crash of the whole run.
public enum Repo {
    /// The repository's root: this file is `Tests/TestSupport/Repo.swift`.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A path inside the repository, e.g. `Tables/rosters/jeju-2018.csv`.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// A path in `../shared` beside the repository (the seed announcements, the TOML conformance suite), which a clone
    /// may not have; CI has it.
    public static func shared(_ relative: String) -> String {
        root.appendingPathComponent("../shared").appendingPathComponent(relative).standardizedFileURL.path
    }

    /// The shipped `Tables/` folder.
    public static let tablesPath = path("Tables")

    /// The shipped tables, read once for the whole run; a failure is rethrown to every test that asks.
    public static func shippedTables() throws -> Tables { try shipped.get() }

    private static let shipped = Result { try Tables.load(from: tablesPath) }

    /// A shipped event by id.
    public static func shippedEvent(_ id: String) throws -> Event {
        guard let event = try shippedTables().event(id) else { throw TestSupportError("no event \(id) in the shipped tables") }
        return event
    }

    /// A shipped sample roster, `Tables/rosters/NAME.csv`, read with the shipped countries (and an event's rules, if given),
    /// its file named as the tool names it when run from the repository's root.
    public static func sampleRoster(_ name: String, event: Event? = nil) throws -> [Participant] {
        let file = "Tables/rosters/\(name).csv"
        return try RosterReader(countries: try shippedTables().countries, event: event).read(text: try InputFile.read(path(file)), file: file)
    }

    /// The sample roster of an event costed under it, named as `travel-budget report` names it.
    public static func sampleBudget(_ id: String) throws -> Budget {
        Budget(event: try shippedEvent(id), participants: try sampleRoster(id), rosterName: "Tables/rosters/\(id).csv")
    }

    /// The ceilings the sample with actuals is reconciled against: the event's and the RSO's.
    public static let sampleCeilings = BudgetCeilings(event: Money(dollars: 16_620), offices: ["RSO of the Bali Process": Money(dollars: 8_000)])

    /// The shipped roster with actuals (`Tables/rosters/jeju-2023-actuals.csv`) reconciled under jeju-2023, named as
    /// `reconcile` names it; `edit` changes participants first (who pays, the actual figures).
    public static func sampleReconciliation(ceilings: BudgetCeilings = sampleCeilings,
                                            _ edit: (Participant) -> Participant = { $0 }) throws -> Reconciliation {
        try sampleReconciliation(under: try shippedEvent("jeju-2023"), ceilings: ceilings, edit)
    }

    /// The same under another event (e.g. jeju-2023 with a rule changed).
    public static func sampleReconciliation(under event: Event, ceilings: BudgetCeilings = sampleCeilings,
                                            _ edit: (Participant) -> Participant = { $0 }) throws -> Reconciliation {
        let people = try sampleRoster("jeju-2023-actuals", event: event).map(edit)
        return Reconciliation(event: event, participants: people, rosterName: "Tables/rosters/jeju-2023-actuals.csv", ceilings: ceilings)
    }
}

/// One test target's fixtures, in the source tree (so that RECORD_EXPECTED=1 rewrites the real files).
public struct Fixtures: Sendable {
    /// The folder, `Tests/TARGET/Fixtures`.
    public let folder: String

    /// The fixtures of a test target, by its name (`BudgetReadersTests`).
    public init(of target: String) { folder = Repo.path("Tests/\(target)/Fixtures") }

    /// A fixture's path, from its path inside the fixtures folder.
    public func path(_ relative: String) -> String { (folder as NSString).appendingPathComponent(relative) }

    /// The names of the files in a fixtures subfolder whose names end so, sorted (none when the folder is missing).
    public func files(in subfolder: String, ending: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(subfolder))) ?? []).filter { $0.hasSuffix(ending) }.sorted()
    }
}

/// A fresh, empty temporary folder for one test, removed with everything in it when the test ends (pass or fail) in a
/// suite marked `.cleansUpTemporaryFolders`, and in any case when the test run ends.
public func temporaryFolder(_ prefix: String = "travel-budget-tests") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    (TemporaryFolders.current ?? TemporaryFolders.run).add(url)
    return url
}

/// Something a test needs is not where the tests expect it (an event missing from the shipped tables).
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
