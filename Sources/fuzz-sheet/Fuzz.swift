import FuzzChecks

/// libFuzzer's entry point: one input, read as a workbook roster (.xlsx or .ods).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzChecks.sheet(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
/// A plain build replays files through the same checks: `fuzz-sheet FILE…`.
@main
struct Replay {
    static func main() { FuzzChecks.replay(FuzzChecks.sheet) }
}
#endif
