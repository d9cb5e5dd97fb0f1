import Dispatch
import Foundation

/// Maps a collection on all cores in chunks, keeping the input order. `progress` is told how
/// many elements are done after each chunk (from whichever thread finished it).
package enum ParallelMap {
    package static func map<T: Sendable, R: Sendable>(
        _ items: [T], chunk: Int = 64, progress: (@Sendable (Int) -> Void)? = nil, _ transform: @Sendable (T) -> R
    ) -> [R] {
        let chunks = (items.count + chunk - 1) / chunk
        guard chunks > 1 else { return items.map(transform) }
        let done = Results<R>(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = (index * chunk)..<min(items.count, (index + 1) * chunk)
            let count = done.store(items[range].map(transform), at: index)
            progress?(count)
        }
        return done.joined()
    }

    /// The chunks' results behind a pthread-based lock (NSLock), which ThreadSanitizer can
    /// follow; it could not see inside the futex-based `Mutex` used before and reported a race.
    final class Results<R: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[R]]
        private var count = 0

        init(chunks: Int) {
            slots = Array(repeating: [], count: chunks)
        }

        func store(_ results: [R], at index: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = results
            count += results.count
            return count
        }

        func joined() -> [R] {
            lock.lock()
            defer { lock.unlock() }
            return slots.flatMap { $0 }
        }
    }
}
