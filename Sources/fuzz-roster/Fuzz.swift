import BudgetReaders
import FuzzChecks

/// libFuzzer's entry point: one input, read as a roster file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzChecks.roster(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
/// Without libFuzzer (a plain build): runs the given files through the same checks, to replay a crash.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = try? InputFile.bytes(path) else { print("cannot read \(path)"); continue }
            FuzzChecks.roster(bytes)
            print("ok: \(path)")
        }
    }
}
#endif
