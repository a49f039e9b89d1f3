import Foundation
import TestSupport
import Testing
import TOML

/// The TOML language's own conformance suite, `../shared/toml-test` beside the package (see its README):
/// every case listed for TOML 1.0.0 — valid ones read to the expected tagged JSON, invalid ones refused.
enum Suite {
    static let root = Repo.shared("toml-test/tests")

    static let list = (try? String(contentsOfFile: root + "/files-toml-1.0.0", encoding: .utf8)) ?? ""
    static var available: Bool { !list.isEmpty }

    static func cases(_ kind: String) -> [String] {
        list.split(separator: "\n").map(String.init).filter { $0.hasPrefix(kind + "/") && $0.hasSuffix(".toml") }
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
    }
}

@Suite(.enabled(if: Suite.available, "the TOML conformance suite is not at ../shared/toml-test (a clone without it); CI has it"))
struct ConformanceTests {
    @Test func theSuiteListsTheCasesOfTOML100() {
        #expect(Suite.cases("valid").count > 200)
        #expect(Suite.cases("invalid").count > 400)
    }

    @Test(arguments: Suite.cases("valid"))
    func everyValidCaseReadsToTheExpectedValues(_ relative: String) throws {
        let document: TOMLTable
        do {
            document = try TOMLReader.parse(bytes: try Suite.bytes(relative))
        } catch let error as TOMLError {
            Issue.record("\(relative) was refused: \(error)")
            return
        }
        let json = try Suite.bytes(String(relative.dropLast(".toml".count)) + ".json")
        let expected = try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed])
        if let difference = Tagged.difference(TOMLValue(.table(document), at: TOMLPosition(line: 1, column: 1)), expected, at: "") {
            Issue.record("\(relative): \(difference)")
        }
    }

    @Test(arguments: Suite.cases("invalid"))
    func everyInvalidCaseIsRefused(_ relative: String) throws {
        let bytes = try Suite.bytes(relative)
        #expect(throws: TOMLError.self, "\(relative) was read as valid") { try TOMLReader.parse(bytes: bytes) }
    }
}

/// The suite's tagged JSON: `{"type": …, "value": "…"}` for a scalar, objects for tables, arrays for arrays.
enum Tagged {
    static func difference(_ value: TOMLValue, _ expected: Any, at path: String) -> String? {
        if let object = expected as? [String: Any], object.count == 2, let type = object["type"] as? String,
           let text = object["value"] as? String {
            return scalarDifference(value, type: type, text: text, at: path)
        }
        if let object = expected as? [String: Any] {
            guard let table = value.table else { return "\(path): expected a table, read \(value.kind)" }
            if Set(table.keys.map(scalars)) != Set(object.keys.map(scalars)) {
                return "\(path): keys \(table.keys.sorted()) but expected \(object.keys.sorted())"
            }
            for entry in table.entries {
                let match = object.first { scalars($0.key) == scalars(entry.key) }!
                if let difference = difference(entry.value, match.value, at: path + "." + entry.key) { return difference }
            }
            return nil
        }
        if let array = expected as? [Any] {
            guard let items = value.array else { return "\(path): expected an array, read \(value.kind)" }
            guard items.count == array.count else { return "\(path): \(items.count) items, expected \(array.count)" }
            for (n, (item, want)) in zip(items, array).enumerated() {
                if let difference = difference(item, want, at: "\(path)[\(n)]") { return difference }
            }
            return nil
        }
        return "\(path): unexpected JSON \(expected)"
    }

    /// Strings compare code point by code point (Swift's `==` would take é and e + ◌́ as equal).
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    static func scalarDifference(_ value: TOMLValue, type: String, text: String, at path: String) -> String? {
        let same: Bool
        switch (type, value.kind) {
        case ("string", .string(let s)): same = scalars(s) == scalars(text)
        case ("integer", .integer(let n)): same = Int64(text) == n
        case ("float", .float(let x)):
            if text.lowercased().hasSuffix("nan") { same = x.isNaN } else if let want = Double(text) {
                same = want == x && want.sign == x.sign
            } else { same = false }
        case ("bool", .boolean(let b)): same = text == String(b)
        case ("datetime", .offsetDateTime(let d, let t, let offset)): same = normalised(text) == "\(d)T\(t)" + offsetText(offset)
        case ("datetime-local", .localDateTime(let d, let t)): same = normalised(text) == "\(d)T\(t)"
        case ("date-local", .localDate(let d)): same = normalised(text) == d.description
        case ("time-local", .localTime(let t)): same = normalised(text) == t.description
        default: same = false
        }
        return same ? nil : "\(path): read \(value.kind), expected \(type) \(text)"
    }

    static func offsetText(_ minutes: Int) -> String {
        guard minutes != 0 else { return "Z" }
        let m = abs(minutes)
        return (minutes < 0 ? "-" : "+") + two(m / 60) + ":" + two(m % 60)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A date-time as the suite writes it, in one spelling: `T`, `Z` for a zero offset, the fraction without
    /// trailing zeros (to the nanosecond).
    static func normalised(_ text: String) -> String {
        var chars = Array(text.uppercased())
        if chars.count > 10, chars[10] == " " { chars[10] = "T" }
        var out = ""
        var k = 0
        while k < chars.count {
            if chars[k] == "." {
                var digits = ""
                k += 1
                while k < chars.count, chars[k].isNumber { digits.append(chars[k]); k += 1 }
                digits = String(digits.prefix(9))
                while digits.hasSuffix("0") { digits.removeLast() }
                if !digits.isEmpty { out += "." + digits }
                continue
            }
            out.append(chars[k])
            k += 1
        }
        if out.hasSuffix("+00:00") || out.hasSuffix("-00:00") { out = String(out.dropLast(6)) + "Z" }
        return out
    }
}
