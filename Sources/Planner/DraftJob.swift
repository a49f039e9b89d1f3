import BudgetCore
import BudgetReaders
import Foundation

/// What to draft: an event file from an announcement's text.
public struct DraftRequest: Sendable {
    public var announcement: String
    public var id: String
    /// Where to write the event file: nil for `<tables>/events/<id>.toml`, `-` for the result only (standard output).
    public var output: String?
    /// JSON (what was found, for scripts; no event file is written) instead of the event file.
    public var json = false
    /// Add the points of departure that countries.toml lacks to it.
    public var addCountries = false

    public init(announcement: String, id: String) {
        self.announcement = announcement
        self.id = id
    }

    /// Why the id cannot name an event file; nil when it can.
    public static func idProblem(_ id: String) -> String? {
        TableReader.canNameFiles(id) ? nil : "the event id `\(id)` cannot name an event file: use letters, digits and hyphens, e.g. jeju-2025"
    }
}

/// A drafted event: the text to show (the event file or the JSON when it goes to standard output), and the summary lines.
public struct DraftResult: Sendable {
    /// The text for standard output, when the draft is not written to a file (`-`, or JSON without `--output`).
    public let printed: String?
    /// What was drafted and where, with the advice (for standard output, or standard error when the draft itself is there).
    public let summary: [String]
    /// Whether the summary goes to standard error (the draft itself is on standard output).
    public let summaryToErrors: Bool
    /// The JSON's refusal (countries the table lacks), said after the JSON is printed: exit 65.
    public var refusal: String? = nil
}

extension Planner {
    /// Drafts an event file from an announcement; checks, added countries and refusals are said.
    public func draft(_ request: DraftRequest, say: Say) throws(PlannerError) -> DraftResult {
        if let problem = DraftRequest.idProblem(request.id) { throw .usage(problem) }
        let id = request.id, announcement = request.announcement
        let eventsFolder = (tables.directory as NSString).appendingPathComponent("events")
        let target = request.output ?? (eventsFolder as NSString).appendingPathComponent("\(id).toml")
        if !request.json && target != "-" {
            if request.output == nil && FileManager.default.fileExists(atPath: target) {
                throw .usage("\(target) already exists: give --output FILE to write the draft elsewhere (or to replace it)")
            }
            if let existing = tables.eventFiles[id], Planner.samePath(existing) != Planner.samePath(target),
               Planner.samePath((target as NSString).deletingLastPathComponent) == Planner.samePath(eventsFolder) {
                throw .usage("the event id `\(id)` is already used by \(existing): choose another id")
            }
        }
        let draft = try planned {
            try AnnouncementDraft.read(text: try InputFile.read(announcement), file: announcement, countries: tables.countries)
        }
        let newCountries = DraftCountries(draft.newCountries, directory: tables.countries)
        let countriesFile = (tables.directory as NSString).appendingPathComponent("countries.toml")
        let missing = !newCountries.countries.isEmpty || !newCountries.withoutRegion.isEmpty

        if request.json {
            let json = try planned { try DraftJSON.render(draft, id: id) }
            var printed: String? = json
            if let output = request.output, output != "-" {
                try write(json, to: output)
                printed = nil
            }
            let refused = missing && !request.addCountries ? refusal(newCountries, announcement: announcement, countriesFile: countriesFile) : nil
            return DraftResult(printed: printed, summary: [], summaryToErrors: false, refusal: refused)
        }
        if missing && (!request.addCountries || !newCountries.withoutRegion.isEmpty) {
            throw .refused(refusal(newCountries, announcement: announcement, countriesFile: countriesFile), exitCode: 65)
        }
        let text = EventFileDraft(draft, id: id, template: EventFileDraft.template(among: tables.events)).text()
        // The draft must load as it is, with the countries it adds.
        let directory = newCountries.adding(to: tables.countries) ?? tables.countries
        let problems = draft.problems(countries: directory)
        if !problems.isEmpty { throw .input(.badData(problems)) }
        let event: Event
        do {
            event = try TableReader.event(text: text, file: target == "-" ? "\(id).toml" : target, countries: directory)
        } catch {
            throw .refused("\(announcement): error: the drafted event file does not load; the problems in it:\n\(error.description)",
                           exitCode: error.exitCode)
        }
        for check in draft.checks { say("\(announcement): note: \(check)") }
        if missing {
            let current = try planned { try InputFile.read(countriesFile) }
            let added = current + (current.hasSuffix("\n") ? "\n" : "\n\n") + newCountries.entries(announcement: announcement)
            _ = try planned { try TableReader.countries(text: added, file: countriesFile) }
            try write(added, to: countriesFile)
            say("\(countriesFile): note: added \(newCountries.countries.map(\.name).joined(separator: ", ")) "
                + "with placeholder ISO codes: replace them, and check each region")
        }
        if target != "-" { try write(text, to: target) }
        let unlabelled = event.caps.filter { row in row.label == CapRow.Label.unlabelled }.count
        let deadlines: Int = event.eligibility?.deadlines.count ?? 0
        let documents: Int = event.eligibility?.documents.count ?? 0
        var summary = "\(id): \(event.caps.count) cap rows"
        if unlabelled > 0 { summary += " (\(unlabelled) unlabelled)" }
        summary += ", \(deadlines) deadline(s), \(documents) document(s) -> " + (target == "-" ? "standard output" : target)
        let advice = "DRAFT: check every figure against the announcement, replace the PLACEHOLDERs, then delete `draft = true`."
        return DraftResult(printed: target == "-" ? text : nil, summary: [summary, advice], summaryToErrors: target == "-")
    }

    /// The countries the table lacks, with entries to paste: the refusal (exit 65, no event file written).
    private func refusal(_ new: DraftCountries, announcement: String, countriesFile: String) -> String {
        var message = InputError.badData(new.diagnostics(file: announcement, countriesFile: countriesFile)).description
            .replacingOccurrences(of: "nothing was written.", with: "no event file was written.")
        if !new.countries.isEmpty {
            message += (message.hasSuffix("\n") ? "" : "\n") + "\nReady to paste at the end of \(countriesFile) (or run again with --add-countries):\n"
                + new.entries(announcement: announcement)
        }
        return message
    }

    private static func samePath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
