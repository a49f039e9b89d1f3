@testable import BudgetCore
import Testing

/// Messages stay readable whatever the input: long lines and long fields are cut around what matters.
@Suite struct DiagnosticTests {
    @Test func aLongLineIsShownAsAWindowAroundTheCaret() {
        let line = String(repeating: "a", count: 300) + "BAD" + String(repeating: "b", count: 300)
        let text = Diagnostic(SourceLocation(file: "f.csv", line: 2, column: 301), "bad", excerpt: line, hint: "fix it").description
        let lines = text.split(separator: "\n")
        #expect(lines[1].count <= 4 + Diagnostic.excerptWidth + 2)
        #expect(lines[1].hasPrefix("    …") && lines[1].hasSuffix("…"))
        let caret = lines[2].count - 1
        let shown = Array(lines[1])
        #expect(String(shown[caret..<caret + 3]) == "BAD")
    }

    @Test func aShortLineIsShownWhole() {
        let text = Diagnostic(SourceLocation(file: "f.csv", line: 2, column: 3), "bad", excerpt: "P1,x", hint: "h").description
        #expect(text == "f.csv:2:3: error: bad\n    P1,x\n      ^\n    hint: h")
    }

    @Test func aQuotedFieldIsCutAt40Characters_andControlCharactersAreMarked() {
        #expect(String(repeating: "x", count: 100).quoted == "`" + String(repeating: "x", count: 40) + "…`")
        #expect("a\tb".quoted == "`a\u{FFFD}b`")
    }
}

/// A message's place is a file's line and column, or a workbook cell (the record type of every roster source).
@Suite struct SourceLocationTests {
    @Test func aTextFilePlaceIsFileLineColumn() {
        #expect(SourceLocation(file: "r.csv", line: 7, column: 3).description == "r.csv:7:3")
        #expect(SourceLocation(file: "r.csv", line: 7, column: 0).description == "r.csv:7")
        #expect(SourceLocation(file: "r.csv", line: 0, column: 0).description == "r.csv")
    }

    @Test func aWorkbookPlaceIsACellReference() {
        #expect(SourceLocation(file: "r.xlsx", sheet: "Roster", row: 7, column: 3).description == "r.xlsx:[Roster]!C7")
        #expect(SourceLocation(file: "r.xlsx", sheet: "Roster", row: 12, column: 28).description == "r.xlsx:[Roster]!AB12")
        #expect(SourceLocation(file: "r.xlsx", sheet: "Roster", row: 0, column: 0).description == "r.xlsx:[Roster]")
        let said = Diagnostic(SourceLocation(file: "r.xlsx", sheet: "Roster", row: 7, column: 4), "`fare_usd` is `N/A`: not an amount",
                              hint: "write US dollars").description
        #expect(said == "r.xlsx:[Roster]!D7: error: `fare_usd` is `N/A`: not an amount\n    hint: write US dollars")
    }

    @Test func columnLettersCountAsASpreadsheetDoes() {
        #expect([1, 26, 27, 52, 53, 702, 703].map(SourceLocation.columnLetters) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }
}
