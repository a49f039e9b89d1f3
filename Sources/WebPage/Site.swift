import BudgetCore
import BudgetReaders
import Foundation
import Planner

/// The web page's jobs, each a thin front end on the planner: a form in, the planner called once for what was asked, a page
/// or a download out. It holds only values set when the server starts (the planner on its tables, the form token, the
/// clock): requests share nothing that changes.
public struct Site: Sendable {
    /// The planner on the server's tables, read once at start.
    public let planner: Planner
    /// The token every form that computes carries (a page from elsewhere cannot know it).
    public let formToken: String
    /// The environment the workbook's prepared day is read from (`SOURCE_DATE_EPOCH`), as on the command line.
    let environment: [String: String]
    /// The server's clock: the prepared day of a workbook is its UTC day, as on the command line.
    let now: @Sendable () -> Date

    public init(planner: Planner, formToken: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.planner = planner
        self.formToken = formToken
        self.environment = environment
        self.now = now
    }

    /// What a job answers: a page or a file, with its status.
    public struct Reply: Sendable {
        public var status: Int
        public var contentType: String
        public var body: [UInt8]
        /// The file name of a download (sent as an attachment); nil for a page.
        public var filename: String?

        static func page(_ html: HTML, status: Int = 200) -> Reply {
            Reply(status: status, contentType: "text/html; charset=utf-8", body: html.document(), filename: nil)
        }
    }

    /// Runs a job that reads a form; its refusal is the message above the same form as it was sent (the roster kept), to
    /// correct and send again.
    func answer(_ form: Form, title: String, refill: (Form?) -> [HTML], _ job: (Form) throws(PageError) -> Reply) -> Reply {
        do throws(PageError) {
            guard let token = form.value("token"), constantTimeEqual(token, formToken) else { throw PageError.formToken }
            return try job(form)
        } catch {
            return .page(Pages.refused(error, title: title, form: refill(form)), status: error.status)
        }
    }

    // MARK: What the forms give

    /// The event a form names, only from the server's own list of events (never a path).
    func event(_ form: Form, field: String = "event") throws(PageError) -> String {
        guard let id = form.value(field) else { throw .missing("Choose an event.") }
        guard planner.tables.events.contains(where: { $0.id == id }) else {
            throw .missing("There is no event `\(id)` on this server; choose one from the list.")
        }
        return id
    }

    /// The roster a form gives: an uploaded file, else a roster shipped with the tables picked by its name on the server's own
    /// list (no path from the request reaches the file system), else the file a page carried back (a result's download
    /// buttons, a form shown again after an error).
    func roster(_ form: Form) throws(PageError) -> RosterInput? {
        if let file = form.file("roster") { return .bytes(file.bytes, name: Site.uploadName(file.filename ?? "")) }
        if let name = form.value("shipped") {
            guard planner.rosterFiles().contains(name) else {
                throw .missing("There is no roster `\(name)` on this server; choose one from the list or upload a file.")
            }
            return .file(name)
        }
        if let data = form.value("roster_data") {
            guard let bytes = Data(base64Encoded: data) else { throw .missing("The roster carried by the page is damaged; choose the file again.") }
            return .bytes(Array(bytes), name: Site.uploadName(form.value("roster_name") ?? ""))
        }
        return nil
    }

    /// An uploaded file's name as messages and reports give it: its last path component, without control characters, at
    /// most 120 characters; `roster.csv` when the browser gave none.
    static func uploadName(_ given: String) -> String {
        let cleaned = String(String.UnicodeScalarView(Form.lastPathComponent(given).unicodeScalars.filter {
            $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && $0 != "\u{2028}" && $0 != "\u{2029}"
        })).trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty || cleaned == "." || cleaned == ".." { return "roster.csv" }
        return String(cleaned.prefix(120))
    }

    /// The roster's column options as the command line's `--columns`, `--sheet`, `--decimal-comma`, `--date-order`, `--rate`.
    func columns(_ form: Form) throws(PageError) -> ColumnMapping {
        var mapping: ColumnMapping
        do { mapping = try ColumnMapping(form.lines("columns")) } catch { throw .usage("columns: \(error)") }
        mapping.sheet = form.value("sheet")
        mapping.decimalComma = form.isOn("decimal_comma")
        if let order = form.value("date_order") {
            guard let read = DateOrder(rawValue: order) else { throw .usage("the date order is dmy or mdy, not `\(order)`") }
            mapping.dateOrder = read
        }
        do { mapping.rates = try FareCurrency.rates(parsing: form.lines("rates")) } catch { throw .usage("\(error)") }
        return mapping
    }

    /// Who is priced and whether names are withheld.
    func pricing(_ form: Form) throws(PageError) -> Pricing {
        let who = try form.value("who").map { text throws(PageError) -> Who in
            guard let who = Who(rawValue: text) else { throw .usage("`\(text)` is not one of: \(Who.allCases.map(\.rawValue).joined(separator: ", "))") }
            return who
        } ?? .notExcluded
        return Pricing(who: who, redact: form.isOn("redact"))
    }

    /// The budget ceilings typed, as `--budget`: the event's in one field, the offices' as `OFFICE=AMOUNT` lines.
    func ceilings(_ form: Form) -> [String] { (form.value("budget").map { [$0] } ?? []) + form.lines("office_budgets") }

    /// The workbook to write into a private folder, prepared on the day the command line would choose: the form's date,
    /// else `SOURCE_DATE_EPOCH`, else the server's UTC day.
    func workbook(_ form: Form, at path: String) throws(PageError) -> WorkbookRequest {
        var created: CivilDate?
        if let text = form.value("created") {
            guard let day = CivilDate(iso: text) else { throw .usage("the prepared day `\(text)` is not a date written YYYY-MM-DD") }
            created = day
        }
        let day: CivilDate
        do { day = try PreparedDay.choose(created: created, environment: environment, now: now()) } catch { throw .planner(error) }
        var paper: PaperSize?
        if let text = form.value("paper") {
            guard let read = PaperSize(rawValue: text) else { throw .usage("the paper is a4 or letter, not `\(text)`") }
            paper = read
        }
        return WorkbookRequest(path: path, created: PreparedDay.seconds(day), paper: paper, preparedBy: form.value("prepared_by") ?? "",
                               protect: !form.isOn("no_protect"))
    }

    /// What a download is: a report format, or the workbook.
    enum Download: String, CaseIterable {
        case text, json, csv, xlsx

        var format: ReportFormat { self == .json ? .json : self == .csv ? .csv : .text }
        var fileExtension: String { self == .text ? "txt" : rawValue }
        var contentType: String {
            switch self {
            case .text: return "text/plain; charset=utf-8"
            case .json: return "application/json"
            case .csv: return "text/csv; charset=utf-8"
            case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
        var label: String {
            switch self {
            case .text: return "Text report (.txt)"
            case .json: return "JSON report (.json)"
            case .csv: return "CSV report (.csv)"
            case .xlsx: return "Workbook (.xlsx)"
            }
        }
    }

    /// The download a form asks for; nil for a page.
    func download(_ form: Form, allowed: [Download]) throws(PageError) -> Download? {
        guard let text = form.value("download") else { return nil }
        guard let download = Download(rawValue: text), allowed.contains(download) else { throw .usage("`\(text)` is not a download of this page") }
        return download
    }

    /// A download of a job's output, as the command line writes it: the workbook written in a private folder (removed once
    /// read), or the report in the asked format. `run` calls the planner with the request as the download sets it.
    func downloaded<Request>(_ download: Download, _ form: Form, _ request: Request, name: String, workbookFile: String,
                             workbookField: WritableKeyPath<Request, WorkbookRequest?>, formatField: WritableKeyPath<Request, ReportFormat>,
                             run: (Request) throws(PlannerError) -> String) throws(PageError) -> Reply {
        var request = request
        if download == .xlsx {
            return try Site.withPrivateFolder { folder throws(PageError) in
                let book = try workbook(form, at: (folder as NSString).appendingPathComponent(workbookFile))
                request[keyPath: workbookField] = book
                do throws(PlannerError) { _ = try run(request) } catch { throw .planner(error) }
                return Site.file(try Site.bytes(at: book.path), .xlsx, name: name)
            }
        }
        request[keyPath: formatField] = download.format
        do throws(PlannerError) { return Site.file(Array(try run(request).utf8), download, name: name) } catch { throw .planner(error) }
    }

    /// A file to download: the planner's bytes, named after what was asked (letters, digits, `.`, `-` and `_` only).
    static func file(_ bytes: [UInt8], _ download: Download, name: String) -> Reply {
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" }.prefix(100))
        return Reply(status: 200, contentType: download.contentType, body: bytes, filename: "\(safe).\(download.fileExtension)")
    }

    /// Runs a body with a private folder (mode 0700) that is removed, with what it holds, when the body returns or throws.
    static func withPrivateFolder<T>(_ body: (String) throws(PageError) -> T) throws(PageError) -> T {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("travel-budget-serve-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .planner(.output("the server cannot make a private temporary folder for the workbook: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }

    /// A workbook's bytes, read back from the private folder it was written to.
    static func bytes(at path: String) throws(PageError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .planner(.output("the workbook was not written")) }
        return Array(data)
    }

    /// The stem of a roster's name, for a download's name.
    static func stem(_ roster: RosterInput) -> String { ((roster.name as NSString).lastPathComponent as NSString).deletingPathExtension }
}

/// Compares two tokens in time that does not depend on where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for i in 0..<x.count { difference |= x[i] ^ y[i] }
    return difference == 0
}

/// Why a page gives no result: the planner's refusal (the command line's message), a form it cannot read, a missing choice.
enum PageError: Error {
    case planner(PlannerError)
    case form(FormError)
    case missing(String)
    case usage(String)
    case formToken
    case tooLarge(Int)

    /// The HTTP status: 400 for a request to correct, 403 without the form's token, 413 too large, 422 for data the planner
    /// refused, 500 when an output could not be made.
    var status: Int {
        switch self {
        case .planner(let error):
            switch error.exitCode {
            case 64: return 400
            case 70, 73: return 500
            default: return 422
            }
        case .form, .missing, .usage: return 400
        case .formToken: return 403
        case .tooLarge: return 413
        }
    }

    /// The message, in the command line's words where it is the planner's.
    var message: String {
        switch self {
        case .planner(.usage(let message)), .usage(let message): return "error: " + message
        case .planner(let error): return error.description
        case .form(let error): return error.description
        case .missing(let message): return message
        case .formToken:
            return "This form is not from this server's page (its token is missing or out of date, e.g. after the server restarted). "
                + "Reload the page and send the form again."
        case .tooLarge(let limit):
            return "The form is larger than \(limit / 1_048_576) MB; a roster may be at most 10 MB (the command line's limit)."
        }
    }
}
