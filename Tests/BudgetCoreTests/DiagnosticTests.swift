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
