import BudgetCore

/// A number cell's value as text, exactly: whole cents as decimals, never a rounding that could change a cent.
enum CellNumber {
    /// How far from a whole cent a float may be and still be that cent: binary floats cannot hold 1120.07 exactly, and a
    /// formula's result can be 1120.0699999999999.
    static let centTolerance = 1e-6

    /// The text of a finite number: within 1e-6 of a whole cent, those cents (`1120.5`, `42`, `0.07`); otherwise every
    /// digit of its shortest exact form (`1120.503`), and `betweenCents`.
    static func text(_ value: Double) -> (text: String, betweenCents: Bool) {
        if abs(value) < 1e11 {
            let cents = (value * 100).rounded()
            if abs(value - cents / 100) <= centTolerance {
                return (centsText(Int64(cents)), false)
            }
        } else if value == value.rounded(), abs(value) < 9e18 {
            return (String(Int64(value)), false)
        }
        return (plainDecimal("\(value)"), true)
    }

    /// `112050` cents → `1120.5`; `4200` → `42`; `-7` → `-0.07`.
    static func centsText(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        return sign + String(whole) + "." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
    }

    /// Swift's shortest round-trip form without an exponent: `1.5e-07` → `0.00000015`, `1e+20` → `100000000000000000000`.
    static func plainDecimal(_ shortest: String) -> String {
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: e)...]) else {
            return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        var mantissa = String(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        var point = parts[0].count + exponent
        while digits.count > 1, digits.first == "0" { digits.removeFirst(); point -= 1 }
        let text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        var trimmed = text
        if trimmed.contains(".") {
            while trimmed.hasSuffix("0") { trimmed.removeLast() }
            if trimmed.hasSuffix(".") { trimmed.removeLast() }
        }
        return (negative ? "-" : "") + trimmed
    }
}

/// Spreadsheet dates: serial day numbers in the 1900 and 1904 systems, and which number formats show dates.
enum SerialDate {
    /// The last day a spreadsheet can show: 9999-12-31.
    static let maximumSerial1900 = 2_958_465

    /// Why a serial is not a date a roster can use, or its `YYYY-MM-DD`.
    static func iso(serial: Double, uses1904: Bool) -> Result<String, Reason> {
        guard serial.isFinite else { return .failure(Reason("not a number")) }
        let day = serial.rounded(.down)
        if day < 0 { return .failure(Reason("a negative day number (\(CellNumber.text(serial).text)), which no date has")) }
        if day > Double(maximumSerial1900) { return .failure(Reason("day number \(CellNumber.text(serial).text), after 31 December 9999")) }
        let n = Int(day)
        let days: Int
        if uses1904 {
            days = CivilDate(year: 1904, month: 1, day: 1)!.dayNumber + n
        } else {
            if n == 0 { return .failure(Reason("day number \(CellNumber.text(serial).text), a time of day (or day 0) rather than a date")) }
            // Excel's 1900 system counts a 29 February 1900 that never was (kept from Lotus 1-2-3).
            if n == 60 { return .failure(Reason("day number 60, 29 February 1900, a day that never was (a spreadsheet quirk)")) }
            days = CivilDate(year: 1899, month: 12, day: n < 60 ? 31 : 30)!.dayNumber + n
        }
        return .success(CivilDate(dayNumber: days).description)
    }

    /// `YYYY-MM-DD` of a date written `2023-12-11` or `2023-12-11T08:00:00` (ODS, and xlsx's `t="d"` cells), if it exists.
    static func isoPrefix(_ text: String) -> String? {
        let head = Array(text.utf8.prefix(10))
        guard head.count == 10, head[4] == UInt8(ascii: "-"), head[7] == UInt8(ascii: "-"),
              let y = Int(String(decoding: head[0..<4], as: UTF8.self)), let m = Int(String(decoding: head[5..<7], as: UTF8.self)),
              let d = Int(String(decoding: head[8..<10], as: UTF8.self)), head.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) }),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        let rest = text.utf8.dropFirst(10)
        guard rest.isEmpty || rest.first == UInt8(ascii: "T") || rest.first == UInt8(ascii: " ") else { return nil }
        return CivilDate(year: y, month: m, day: d)?.description
    }

    /// Whether a number format shows a date: the built-in ids 14–22 and 45–47 (and the East Asian date ids 27–31, 36,
    /// 50–58), or a format code with a day, month or year (a month `m` only where no hour or second says minutes).
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if let code { return isDateCode(code) }
        return (14...22).contains(id) || (45...47).contains(id) || (27...31).contains(id) || id == 36 || (50...58).contains(id)
    }

    static func isDateCode(_ code: String) -> Bool {
        var day = false, month = false, year = false, hour = false, second = false
        var quoted = false, skip = false, bracket = false
        for c in code.lowercased() {
            if skip { skip = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket {
                if c == "]" { bracket = false } else if c == "h" { hour = true } else if c == "s" { second = true }
                continue
            }
            switch c {
            case "\"": quoted = true
            case "\\", "_", "*": skip = true
            case "[": bracket = true
            case ";": return day || year || (month && !hour && !second)   // the first section decides
            case "d": day = true
            case "m": month = true
            case "y": year = true
            case "h": hour = true
            case "s": second = true
            default: break
            }
        }
        return day || year || (month && !hour && !second)
    }
}
