import Foundation

/// The time limits of the hostile-input tests ("refused within a second"), scaled when the suite
/// runs under a sanitizer, which slows everything down: `.ci/run` sets KAOHE_TEST_TIME_SCALE.
enum TimeLimit {
    static var scale: Double {
        ProcessInfo.processInfo.environment["KAOHE_TEST_TIME_SCALE"].flatMap(Double.init) ?? 1
    }

    static func seconds(_ limit: Double) -> Double { limit * scale }
}
