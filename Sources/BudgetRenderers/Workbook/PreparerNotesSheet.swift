import BudgetCore
import Spreadsheet

/// `Preparer's notes`: what the person at the keyboard needs and a partner office does not read — the input files, each
/// roster's path, the seed an event was transcribed from, how the roster was read, the command-line hints. A hidden sheet:
/// never printed with the workbook (the text report says the same).
struct PreparerNotesSheet {
    let budgets: [Budget]
    let reconciliations: [Reconciliation]
    let options: RenderOptions
    let inputs: [String]

    func make() -> Sheet {
        var sheet = Sheet(name: WorkbookNames.preparersNotes)
        sheet.columnWidths[0] = 110
        sheet.set(0, 0, .text("Preparer's notes", .title))
        sheet.set(1, 0, .text("For whoever prepares this workbook: a hidden sheet, not printed with it. The text report says the same.", .note))
        var row = 3
        func note(_ text: String) {
            sheet.set(row, 0, .text(text, CellStyle(.item, wrap: true)))
            row += 1
        }
        note("Written by travel-budget from: " + inputs.joined(separator: ", ") + ".")
        note(options.redact ? "Names and organizations are withheld (--redact)."
             : "Names and organizations are in this workbook; write it with --redact to leave them out.")
        if let partner = options.partner { note("Written for \(partner) (--office): its own part first.") }
        for budget in budgets {
            row += 1
            let event = budget.event
            sheet.set(row, 0, .text(event.id, .head))
            row += 1
            note("Roster: \(budget.rosterName).")
            note("Source: \(event.source)." + (event.citation.map { " The printed pages cite it as \"\($0)\"." }
                ?? " The event file gives no citation, so the printed pages cite no source: add citation = \"…\" (e.g. the announcement of its date)."))
            if let unused = RosterNotes.unusedColumnsSentence(budget.unusedColumns) { note(unused) }
            for sentence in budget.rosterNotes { note("Reading the roster: " + sentence) }
            for sentence in EligibilityReport.budgetSentences(budget) { note(sentence) }
        }
        for reconciliation in reconciliations where !reconciliation.leftOutNotTravelled.isEmpty {
            note("\(reconciliation.event.id): left out of the plan with no actual figures: "
                 + IDText.list(reconciliation.leftOutNotTravelled.map(\.id)) + " (`travel-budget check` gives the reasons).")
        }
        sheet.hidden = true
        sheet.printSetup = PrintSetup(landscape: false, header: "Preparer's notes")
        return sheet
    }
}
