import Foundation
import KaoheFuzzTargets

// Built two ways. With `--sanitize=fuzzer -Xswiftc -DKAOHE_FUZZ` (fuzz/run.sh), libFuzzer owns
// `main` and calls `LLVMFuzzerTestOneInput` with each input; the target comes from
// KAOHE_FUZZ_TARGET. In an ordinary build this is a replay tool:
// `kaohe-fuzz TARGET FILE…` runs saved inputs (a corpus, a crash) through a target.

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

#if !KAOHE_FUZZ
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: kaohe-fuzz TARGET FILE…  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))\n".utf8))
            exit(2)
        }
        var failed = 0
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                failed += 1
                continue
            }
            let problems = target.run(data)
            if !problems.isEmpty {
                failed += 1
                print("\(path):\n  " + problems.joined(separator: "\n  "))
            }
        }
        print("\(arguments.count - 1) inputs, \(failed) failed")
        exit(failed == 0 ? 0 : 1)
    }
}
#endif
