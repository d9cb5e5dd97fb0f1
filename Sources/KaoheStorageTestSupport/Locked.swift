import Foundation

/// A value the threads or tasks of one test share, behind a lock (what a concurrency or crash
/// test counts while its requests run).
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    package init(_ value: Value) {
        stored = value
    }

    package var value: Value { lock.withLock { stored } }

    package func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
