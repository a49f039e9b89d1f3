import BudgetCore
@testable import BudgetReaders
import Testing

/// Amounts and dates as people write them: read where they cannot be misread, refused with the fix where they can.
@Suite struct NumbersAndDatesTests {
    func cents(_ raw: String, _ mark: MoneyText.DecimalMark) -> Int64? {
        if case .success(let money) = MoneyText.parse(raw, mark: mark) { return money.cents }
        return nil
    }

    @Test("A decimal comma: 380,00 and 1.050,00 are amounts; a dot then separates thousands only")
    func decimalComma() {
        #expect(cents("380,00", .comma) == 38_000)
        #expect(cents("1.050,00", .comma) == 105_000)
        #expect(cents("1.050", .comma) == 105_000)
        #expect(cents("$1.050,5", .comma) == 105_050)
        #expect(cents("12.50", .comma) == nil)
        #expect(cents("1,050.00", .dot) == 105_000)
    }

    @Test("The roster's amounts tell the mark: a dot before cents says dot; a comma before cents says comma in a ; roster only")
    func markFromTheAmounts() {
        #expect(MoneyText.mark(of: ["380,00", "1.050,00"], delimiter: ";", forced: false) == .comma)
        #expect(MoneyText.mark(of: ["380,00", "1,050"], delimiter: ",", forced: false) == .dot)
        #expect(MoneyText.mark(of: ["1120.50", "1,120"], delimiter: ";", forced: false) == .dot)
        #expect(MoneyText.mark(of: ["1,050", "900"], delimiter: ",", forced: false) == .unknown)
        #expect(MoneyText.mark(of: ["1,050"], delimiter: ",", forced: true) == .comma)
        #expect(MoneyText.mark(of: ["THB 17,500", "KRW 1,300,000"], delimiter: ",", forced: false) == .dot,
                "commas written twice separate thousands, so the roster's decimal mark is the dot")
        #expect(MoneyText.mark(of: ["17.500", "1.300.000 ₩"], delimiter: ";", forced: false) == .comma)
        #expect(MoneyText.mark(of: ["17.500", "1.300.000"], delimiter: ",", forced: false) == .dot)
    }

    @Test("1,050 alone is refused as ambiguous, with the fix")
    func ambiguousThousands() {
        guard case .failure(let refusal) = MoneyText.parse("1,050", mark: .unknown) else { Issue.record("read"); return }
        #expect(refusal.reason == "1050 with a thousands separator, or 1.050 with a decimal comma? No amount in the roster has cents to tell which")
        #expect(refusal.hint == "write 1050 (or 1050.00); if the roster's amounts use decimal commas, give --decimal-comma")
        #expect(cents("900", .unknown) == 90_000)
        #expect(cents("1,050,000", .unknown) == nil, "more than US$ 1,000,000, which no fare or cap can be")
    }

    @Test("A mark written twice can only separate thousands: 1,300,000 and 1.300.000 are read, whatever the roster's mark")
    func thousandsWrittenTwice() {
        func ceiling(_ raw: String, _ mark: MoneyText.DecimalMark) -> Int64? {
            if case .success(let money) = MoneyText.parse(raw, limit: .ceiling, mark: mark) { return money.cents }
            return nil
        }
        #expect(ceiling("1,300,000", .unknown) == 130_000_000)
        #expect(ceiling("1.300.000", .unknown) == 130_000_000)
        #expect(ceiling("$2,500,000", .unknown) == 250_000_000)
        #expect(ceiling("1.300.000", .comma) == 130_000_000)
        #expect(ceiling("1,300,000", .dot) == 130_000_000)
        #expect(ceiling("1,300.000", .unknown) == nil, "two different marks with three digits after the last: refused")
        #expect(ceiling("1,30,000", .unknown) == nil, "groups of three only")
    }

    func date(_ raw: String, _ order: DateOrder? = nil) -> String {
        switch DateText.parse(raw, order: order) {
        case .success(let read): return "\(read.date)" + (read.form.map { " " + $0.rawValue } ?? "")
        case .failure(let refusal): return "refused: " + refusal.reason
        }
    }

    @Test("Dates: ISO always; day first or month first where only one reading is a date; the month in words")
    func dates() {
        #expect(date("2023-12-13") == "2023-12-13")
        #expect(date("13/12/2023") == "2023-12-13 day first (DD/MM/YYYY)")
        #expect(date("13.12.2023") == "2023-12-13 day first (DD/MM/YYYY)")
        #expect(date("12/13/2023") == "2023-12-13 month first (MM/DD/YYYY)")
        #expect(date("11/11/2023") == "2023-11-11 day first (DD/MM/YYYY)")
        #expect(date("13 December 2023") == "2023-12-13 with the month in words")
        #expect(date("13-Dec-2023") == "2023-12-13 with the month in words")
        #expect(date("December 13, 2023") == "2023-12-13 with the month in words")
        #expect(date("Sept 3rd 2023") == "2023-09-03 with the month in words")
        #expect(date("31 November 2023") == "refused: there is no 31 November 2023 (November 2023 has 30 days)")
        #expect(date("12/11/2023") == "refused: 12 November 2023 or 11 December 2023? Day and month cannot be told apart")
        #expect(date("12/11/23") == "refused: a two-digit year")
        #expect(date("13/12-2023") == "refused: not a date")
    }

    @Test("--date-order reads the ambiguous ones, and refuses a date that does not exist in that order")
    func dateOrder() {
        #expect(date("12/11/2023", .dmy) == "2023-11-12 day first (DD/MM/YYYY)")
        #expect(date("12/11/2023", .mdy) == "2023-12-11 month first (MM/DD/YYYY)")
        #expect(date("12/13/2023", .dmy) == "refused: read day first (--date-order dmy), there is no month 13 in a year")
    }

    @Test("An Excel day number in a CSV is refused, saying the date it would be")
    func serial() {
        #expect(date("45272") == "refused: a spreadsheet's day number, not a date (as Excel counts days, 45272 is 12 December 2023)")
    }
}

/// US dollars typed on the command line or in a form (a fit's budget, a ceiling) are read by the roster's rule.
@Suite struct TypedUSDTests {
    @Test func aBudgetIsReadAsARostersAmountIs_withOrWithoutItsDollarSign() throws {
        for text in ["20000", "20,000.50", "$20,000.50", "US$20,000.50", " 20000.5 "] {
            let amount = try USDText.read(text, maximumDollars: 10_000_000, what: "no budget")
            #expect(amount.cents == (text.contains("50") || text.contains(".5") ? 2_000_050 : 2_000_000), "\(text)")
        }
        for text in ["20,00", "-5", "1e4", "USD 900", "20000.505", ""] {
            #expect(throws: USDText.Refusal.self, "\(text)") { try USDText.read(text, maximumDollars: 10_000_000, what: "no budget") }
        }
        #expect(throws: USDText.Refusal.self) { try USDText.read("20,000,000", maximumDollars: 10_000_000, what: "no budget") }
    }
}
