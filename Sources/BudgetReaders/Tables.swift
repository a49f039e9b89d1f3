import BudgetCore
import Foundation

/// Everything in a `Tables/` folder: the country directory and the events, by id.
public struct Tables: Sendable {
    public let directory: String
    public let countries: CountryDirectory
    /// Events sorted by id.
    public let events: [Event]
    /// The file each event was read from, by event id.
    public let eventFiles: [String: String]
    /// The price index for real terms (`price-index.toml`), if the folder has one.
    public let priceIndex: PriceIndex?
    /// Event files that could not be read, by file name: left out, so that the other events still run.
    public let broken: [BrokenEvent]

    /// An event file left out for its problems.
    public struct BrokenEvent: Sendable {
        /// The file's path.
        public let file: String
        /// The event id the file name gives (`events/<id>.toml`).
        public let id: String
        public let problems: [Diagnostic]

        /// The warning said whenever the tables are loaded.
        public var warning: String {
            "\(file): warning: this event file has \(problems.count == 1 ? "a problem" : "\(problems.count) problems") and is left out; "
                + "the other events still run (`travel-budget events` lists it; `--event \(id)` shows its problems)"
        }

        /// The error when the broken event itself is asked for.
        public var error: InputError { .badData(problems) }
    }

    /// Loads `countries.toml` and every `events/*.toml` under a folder. A bad `countries.toml` is an error; a bad event file
    /// is set aside in `broken` with its problems, so that the other events still run.
    public static func load(from directory: String) throws(InputError) -> Tables {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missing(path: directory, reason: "no tables folder here",
                           hint: "run from the repository's folder, or pass --tables DIR (a folder with countries.toml and events/*.toml)")
        }
        let countriesPath = (directory as NSString).appendingPathComponent("countries.toml")
        let countries = try TableReader.countries(text: try InputFile.read(countriesPath), file: countriesPath)
        let eventsFolder = (directory as NSString).appendingPathComponent("events")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: eventsFolder).filter { $0.hasSuffix(".toml") }.sorted()
        } catch {
            throw .missing(path: eventsFolder, reason: "cannot list the event files: \(error.localizedDescription)",
                           hint: "the tables folder needs an events/ folder holding one <event id>.toml per event")
        }
        var events: [Event] = []
        var files: [String: String] = [:]
        var broken: [BrokenEvent] = []
        for name in names {
            let path = (eventsFolder as NSString).appendingPathComponent(name)
            let id = String(name.dropLast(".toml".count))
            do {
                let event = try TableReader.event(text: try InputFile.read(path), file: path, countries: countries)
                if let other = events.first(where: { $0.id == event.id }) {
                    broken.append(BrokenEvent(file: path, id: id, problems: [Diagnostic(
                        SourceLocation(file: path, line: 0, column: 0),
                        "event id `\(event.id)` is also used by \(files[other.id] ?? "another file") (\(other.title))",
                        hint: "give every event file its own id")]))
                    continue
                }
                events.append(event)
                files[event.id] = path
            } catch .badData(let found) {
                broken.append(BrokenEvent(file: path, id: id, problems: found))
            } catch {
                broken.append(BrokenEvent(file: path, id: id, problems: [error.asDiagnostic]))
            }
        }
        let indexPath = (directory as NSString).appendingPathComponent("price-index.toml")
        let index = FileManager.default.fileExists(atPath: indexPath)
            ? try PriceIndexReader.read(text: try InputFile.read(indexPath), file: indexPath) : nil
        return Tables(directory: directory, countries: countries, events: events.sorted { $0.id < $1.id }, eventFiles: files,
                      priceIndex: index, broken: broken)
    }

    /// The file an event was read from.
    public func eventFile(_ event: Event) -> String { eventFiles[event.id] ?? event.id }

    /// An event file outside the tables' `events/` folder (a draft, a worked example), read with the tables' countries.
    public func event(atPath path: String) throws(InputError) -> Event {
        try TableReader.event(text: try InputFile.read(path), file: path, countries: countries)
    }

    /// Whether an `--event` names an event file rather than an event id.
    public static func isEventFile(_ name: String) -> Bool { name.hasSuffix(".toml") }

    /// The event with an id, if it was read.
    public func event(_ id: String) -> Event? { events.first { $0.id == id } }

    /// The broken event file an id names (by its file name), if any.
    public func brokenEvent(_ id: String) -> BrokenEvent? { broken.first { $0.id == id } }
}
