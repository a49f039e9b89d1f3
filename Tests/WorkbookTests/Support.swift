import BudgetCore
@testable import BudgetReaders
@testable import BudgetRenderers
import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSXWriter

/// The shipped tables and sample rosters, costed: what `travel-budget report` puts in its workbook.
enum Shipped {
    /// The day the tests' workbooks are prepared, fixed: 12 December 2023 (midnight UTC, in seconds since 1970).
    static let created = Int64(CivilDate(year: 2023, month: 12, day: 12)!.dayNumber) * 86_400

    /// Each shipped event's sample roster costed under it, in the tables' order.
    static func budgets() throws -> [Budget] { try Repo.shippedTables().events.map { try Repo.sampleBudget($0.id) } }

    /// The workbook of some budgets (by default the shipped ones) and reconciliations, over every shipped event.
    static func workbook(_ budgets: [Budget]? = nil, reconciliations: [Reconciliation] = [], redact: Bool = false) throws -> Workbook {
        try BudgetWorkbook(budgets: try budgets ?? Shipped.budgets(), reconciliations: reconciliations, events: try Repo.shippedTables().events,
                           options: RenderOptions(redact: redact), inputs: ["Tables/events", "Tables/rosters"], created: created).make()
    }

    /// The sample with actuals under jeju-2023 where a self-funded participant's local expenses are not covered, with the
    /// self-funded P23-11's local expenses left to be worked out from the nights (Formulas.coveredLocal's IF).
    static func reconciliationSelfFundedNotCovered() throws -> Reconciliation {
        let uncovered = event(try Repo.shippedEvent("jeju-2023"), selfFundedCovered: false)
        return try Repo.sampleReconciliation(under: uncovered) { p in
            p.id == "P23-11" ? participant(p, actual: ActualSpend(ticket: p.actual.ticket, nights: p.actual.nights, localExpenses: nil)) : p
        }
    }

    /// The workbook `reconcile --xlsx` writes for a reconciliation.
    static func workbook(_ reconciliation: Reconciliation) throws -> Workbook {
        try workbook([reconciliation.plan], reconciliations: [reconciliation])
    }
}

/// An event like another with a different room rate, or with a self-funded participant's local expenses covered or not.
func event(_ event: Event, roomPerNight: Int64? = nil, selfFundedCovered: Bool? = nil) -> Event {
    let policy = event.localExpenses
    let rates = policy.rates
    return Event(id: event.id, title: event.title, source: event.source, start: event.start, end: event.end, venue: event.venue,
                 datesNote: event.datesNote, payingOffices: event.payingOffices, currency: event.currency, caps: event.caps,
                 otherPointsOfDeparture: event.otherPointsOfDeparture,
                 localExpenses: LocalExpensePolicy(
                    covers: policy.covers, participantsPay: policy.participantsPay, coveredBy: policy.coveredBy, source: policy.source,
                    nightsBeforeStart: policy.nightsBeforeStart, nightsAfterEnd: policy.nightsAfterEnd,
                    selfFundedLocalExpensesCovered: selfFundedCovered ?? policy.selfFundedLocalExpensesCovered,
                    rates: LocalRates(currency: rates.currency, roomPerNight: roomPerNight ?? rates.roomPerNight, mealsPerDay: rates.mealsPerDay,
                                      transportPerDay: rates.transportPerDay, exchangeRate: rates.exchangeRate),
                    assumptions: policy.assumptions),
                 costSharing: event.costSharing)
}

/// A participant like another with some fields changed (an id, a fare, who pays the line, whether planned, the actual
/// figures, the role).
func participant(_ p: Participant, id: String? = nil, fare: Money?? = nil, paidBy: String?? = nil, isPlanned: Bool? = nil,
                 actual: ActualSpend? = nil, role: Role? = nil) -> Participant {
    Participant(id: id ?? p.id, name: p.name, organization: p.organization, country: p.country, fare: fare ?? p.fare, arrive: p.arrive,
                leave: p.leave, capOverride: p.capOverride, funding: p.funding, application: p.application, paidBy: paidBy ?? p.paidBy,
                isPlanned: isPlanned ?? p.isPlanned, actual: actual ?? p.actual, location: p.location, role: role ?? p.role)
}

/// A workbook's sheets as LibreOffice recomputed them: sheet name → rows of cell texts.
typealias RecomputedSheets = [String: [[String]]]

/// LibreOffice headless: opens workbooks, recalculates every formula and exports every sheet as CSV.
enum LibreOffice {
    /// Recomputes several workbooks in one LibreOffice run (it takes seconds to start); results by workbook name.
    /// `streamed` names workbooks written by a closure (given the path; it returns the sheet names), e.g. through StreamedWorkbook.
    static func recompute(_ workbooks: [String: Workbook], streamed: [String: (String) throws -> [String]] = [:]) throws -> [String: RecomputedSheets] {
        let folder = try temporaryFolder("recompute").path
        let csv = folder + "/csv"
        try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true)
        // A private profile that makes LibreOffice 7.4 recalculate xlsx files on load (by default it trusts cached results).
        let profile = folder + "/profile"
        try FileManager.default.createDirectory(atPath: profile + "/user", withIntermediateDirectories: true)
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """.write(toFile: profile + "/user/registrymodifications.xcu", atomically: true, encoding: .utf8)
        var paths: [String] = []
        for (name, workbook) in workbooks.sorted(by: { $0.key < $1.key }) {
            let path = "\(folder)/\(name).xlsx"
            try XLSXFile.write(workbook, to: path)
            paths.append(path)
        }
        var sheetNames = workbooks.mapValues { $0.sheets.map(\.name) }
        for (name, write) in streamed.sorted(by: { $0.key < $1.key }) {
            let path = "\(folder)/\(name).xlsx"
            sheetNames[name] = try write(path)
            paths.append(path)
        }
        let soffice = try ProcessOutput(URL(fileURLWithPath: "/usr/bin/env"), [
            "soffice", "-env:UserInstallation=file://\(profile)", "--headless", "--norestore",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", csv] + paths)
        // soffice exits 0 even when it could not load a file: the CSVs are the proof.
        var results: [String: RecomputedSheets] = [:]
        for (name, names) in sheetNames {
            var sheets: RecomputedSheets = [:]
            for sheet in names {
                let path = "\(csv)/\(name)-\(sheet).csv"
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw RecomputeError(message: "LibreOffice wrote no \(path) (is libreoffice-calc-nogui installed? soffice status \(soffice.status): \(soffice.errors))")
                }
                sheets[sheet] = try CSVTable(text: text, file: path).records.map { $0.fields.map(\.text) }
            }
            results[name] = sheets
        }
        try? FileManager.default.removeItem(atPath: folder)
        return results
    }
}

struct RecomputeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A recomputed cell's number in cents (LibreOffice writes full precision; a cent is what a budget keeps).
func cents(_ text: String?) -> Int64? {
    guard let text, let value = Double(text) else { return nil }
    return Int64((value * 100).rounded())
}
