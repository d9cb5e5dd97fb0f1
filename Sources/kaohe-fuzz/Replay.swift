import Foundation
import KaoheFuzzTargets

/// `kaohe-fuzz TARGET FILE…` runs saved inputs (a corpus, a crash the fuzzer found) through a
/// fuzz target and prints any invariant they break. The fuzzing itself is fuzz/run.sh.
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
