import Foundation
import Testing
import TOML

/// The reader's own promises: positions, key order, exact number text, plain-words errors, bounded nesting.
struct ReaderTests {
    func refusal(_ text: String) -> TOMLError? {
        do { _ = try TOMLReader.parse(text); return nil } catch { return error }
    }

    @Test func everyKeyAndValueKnowsItsLineAndColumn() throws {
        let table = try TOMLReader.parse("""
            id = "bad"
            [local_expenses]
              room = 100000
            [[caps]]
            points = ["India", "Nepal"]
            """)
        #expect(table.entry("id")?.keyPosition == TOMLPosition(line: 1, column: 1))
        #expect(table["id"]?.position == TOMLPosition(line: 1, column: 6))
        let local = try #require(table["local_expenses"])
        #expect(local.position == TOMLPosition(line: 2, column: 1))
        #expect(local.table?.entry("room")?.keyPosition == TOMLPosition(line: 3, column: 3))
        #expect(local.table?["room"]?.position == TOMLPosition(line: 3, column: 10))
        let caps = try #require(table["caps"]?.array)
        #expect(caps[0].position == TOMLPosition(line: 4, column: 1))
        #expect(caps[0].table?["points"]?.array?.map(\.position.column) == [11, 20])
    }

    @Test func tablesKeepTheirKeysInTheOrderWritten() throws {
        let table = try TOMLReader.parse("zeta = 1\nalpha = 2\nmid.b = 3\nmid.a = 4\n")
        #expect(table.keys == ["zeta", "alpha", "mid"])
        #expect(table["mid"]?.table?.keys == ["b", "a"])
    }

    @Test func aNumberKeepsItsTextSoAnAmountCanBeReadExactly() throws {
        let table = try TOMLReader.parse("cap = 1_050\nrate = 1305.41\n")
        #expect(table["cap"]?.integer == 1050 && table["cap"]?.text == "1_050")
        #expect(table["rate"]?.text == "1305.41")
    }

    @Test func columnsCountCodePoints() throws {
        let table = try TOMLReader.parse("name = \"Türkiye\"\nnext = [\"é\", 1]")
        #expect(table["next"]?.array?.map(\.position.column) == [9, 14])
    }

    @Test(arguments: [
        ("venue = \"Jeju\nx = 1", 1, 14, "a text in double quotes is not closed before the end of the line"),
        ("end = 2023-12-15 9", 1, 18, "a date followed by a lone digit"),
        ("end = 2023-12-$5 9", 1, 7, "`2023-12-$5` is not a date written YYYY-MM-DD (or a date-time such as 2023-12-15T09:30:00)"),
        ("a = [\"x\", }]", 1, 11, "a `}` inside a list, which `]` closes"),
        ("a = [\"x\"\u{2028}]", 1, 9, "a Unicode line separator inside a list"),
        ("[\n", 1, 2, "a table name is missing after `[`"),
        ("[étapes]", 1, 2, "a table name cannot start with `é`"),
        ("[\u{12}x]", 1, 2, "a table name cannot start with `\u{FFFD}`"),
        ("venue = Jeju", 1, 9, "`Jeju` is not a value: a text goes in double quotes"),
        ("a = 1\na = 2", 2, 1, "`a` is defined twice (first at line 1)"),
        ("[a]\n[a]", 2, 1, "the table [a] is defined twice (first at line 1)"),
    ])
    func aRefusalSaysWhereAndWhatInPlainWords(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(refusal(text))
        #expect((error.line, error.column, error.message) == (line, column, message))
    }

    @Test func deepNestingIsRefusedNotAStackOverflow() throws {
        let arrays = String(repeating: "[", count: 100_000)
        #expect(refusal("a = " + arrays)?.message.contains("nested more than") == true)
        let tables = String(repeating: "{b=", count: 100_000)
        #expect(refusal("a = " + tables)?.message.contains("nested more than") == true)
        let dotted = (0..<10_000).map { _ in "k" }.joined(separator: ".")
        #expect(refusal(dotted + " = 1")?.message.contains("nested more than") == true)
        #expect(refusal("[" + dotted + "]")?.message.contains("nested more than") == true)
        #expect(refusal("a = " + String(repeating: "[", count: 90) + String(repeating: "]", count: 90)) == nil)
    }

    @Test func invalidUTF8IsRefusedWithItsPlace() {
        #expect(throws: TOMLError(line: 2, column: 6, "the text is not UTF-8 here", hint: "save the file as UTF-8 text")) {
            try TOMLReader.parse(bytes: Array("a = 1\nb = \"".utf8) + [0xE9, 0x22])
        }
    }

    @Test func theSuiteComparisonNoticesADifference() throws {
        let table = try TOMLReader.parse("a = 1\nt = 1979-05-27 07:32:00.5+00:00\n")
        let value = TOMLValue(.table(table), at: TOMLPosition(line: 1, column: 1))
        let same: [String: Any] = ["a": ["type": "integer", "value": "1"], "t": ["type": "datetime", "value": "1979-05-27T07:32:00.500Z"]]
        let other: [String: Any] = ["a": ["type": "integer", "value": "2"], "t": ["type": "datetime", "value": "1979-05-27T07:32:00.500Z"]]
        #expect(Tagged.difference(value, same, at: "") == nil)
        #expect(Tagged.difference(value, other, at: "") != nil)
    }
}
