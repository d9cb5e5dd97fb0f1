import Foundation
import KaoheFuzzTargets

/// libFuzzer calls this with each input; the target is chosen by KAOHE_FUZZ_TARGET. A broken
/// invariant is a crash, which libFuzzer saves as a reproducer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let name = ProcessInfo.processInfo.environment["KAOHE_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("set KAOHE_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let problems = target.run(Data(bytes: start, count: count))
    if !problems.isEmpty { fatalError("invariant broken:\n" + problems.joined(separator: "\n")) }
    return 0
}
