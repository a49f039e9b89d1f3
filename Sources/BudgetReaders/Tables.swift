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

    /// Loads `countries.toml` and every `events/*.toml` under a folder; reports every bad file's problems.
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
        var problems: [Diagnostic] = []
        for name in names {
            let path = (eventsFolder as NSString).appendingPathComponent(name)
            do {
                let event = try TableReader.event(text: try InputFile.read(path), file: path, countries: countries)
                if let other = events.first(where: { $0.id == event.id }) {
                    problems.append(Diagnostic(SourceLocation(file: path, line: 0, column: 0),
                                               "event id `\(event.id)` is also used by another file (\(other.title))",
                                               hint: "give every event file its own id"))
                }
                events.append(event)
                files[event.id] = path
            } catch .badData(let found) {
                problems += found
            }
        }
        if !problems.isEmpty { throw .badData(problems) }
        let indexPath = (directory as NSString).appendingPathComponent("price-index.toml")
        let index = FileManager.default.fileExists(atPath: indexPath)
            ? try PriceIndexReader.read(text: try InputFile.read(indexPath), file: indexPath) : nil
        return Tables(directory: directory, countries: countries, events: events.sorted { $0.id < $1.id }, eventFiles: files,
                      priceIndex: index)
    }

    /// The file an event was read from.
    public func eventFile(_ event: Event) -> String { eventFiles[event.id] ?? event.id }

    /// The event with an id, or an error listing the known ids.
    public func event(_ id: String) -> Event? { events.first { $0.id == id } }
}

/// Reading input files as UTF-8 text, with errors people can act on.
public enum InputFile {
    /// The file's text; a missing or unreadable file is `.missing`, bytes that are not UTF-8 are `.badData`.
    public static func read(_ path: String) throws(InputError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .missing(path: path, reason: "no such file",
                           hint: "check the path; a relative path starts from \(FileManager.default.currentDirectoryPath)")
        }
        if isFolder.boolValue {
            throw .missing(path: path, reason: "this is a folder, not a file", hint: "give the path of a file inside it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .missing(path: path, reason: "cannot read the file", hint: "check its permissions (ls -l)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            var line = 1, column = 1, offset = 0
            // Find the first byte that breaks UTF-8, for the message.
            let bytes = [UInt8](data)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
                if length == 0 || i + length > bytes.count || !bytes[(i + 1)..<(i + length)].allSatisfy({ $0 >> 6 == 0b10 }) {
                    offset = i
                    break
                }
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += length
            }
            throw .badData([Diagnostic(SourceLocation(file: path, line: line, column: column),
                                       "the file is not UTF-8 text (byte \(offset) is 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                                       hint: "in Excel, save as \"CSV UTF-8 (Comma delimited)\"")])
        }
        return text
    }
}
