import TOML

/// Reads one input as TOML; when it is accepted, walks every value and checks that each position is inside
/// the text. A refusal is fine; a crash, a hang or a position outside the text is a finding.
func check(_ bytes: [UInt8]) {
    guard let table = try? TOMLReader.parse(bytes: bytes) else { return }
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    func inside(_ p: TOMLPosition) {
        precondition(p.line >= 1 && p.line <= lines && p.column >= 1, "position \(p) outside the text")
    }
    func walk(_ table: TOMLTable) {
        for entry in table.entries {
            inside(entry.keyPosition)
            precondition(table.entry(entry.key) != nil, "key \(entry.key) not found again")
            walk(entry.value)
        }
    }
    func walk(_ value: TOMLValue) {
        inside(value.position)
        switch value.kind {
        case .array(let items): items.forEach(walk)
        case .table(let t): walk(t)
        default: precondition(value.text != nil, "a scalar without its text")
        }
    }
    walk(table)
}

/// libFuzzer's entry point: one input, read as TOML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
import Foundation

/// A plain build replays files through the same check: `fuzz-toml FILE…`, printing each file's outcome.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("\(path): cannot read"); continue }
            check([UInt8](data))
            do {
                _ = try TOMLReader.parse(bytes: [UInt8](data))
                print("\(path): read")
            } catch {
                print("\(path): refused at \(error)")
            }
        }
    }
}
#endif
