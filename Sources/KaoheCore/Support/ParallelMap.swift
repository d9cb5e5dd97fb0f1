import Dispatch
import Synchronization

/// Maps a collection on all cores in chunks, keeping the input order. `progress` is told how
/// many elements are done after each chunk (from whichever thread finished it).
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(
        _ items: [T], chunk: Int = 64, progress: (@Sendable (Int) -> Void)? = nil, _ transform: @Sendable (T) -> R
    ) -> [R] {
        let chunks = (items.count + chunk - 1) / chunk
        guard chunks > 1 else { return items.map(transform) }
        let done = Mutex<(results: [Int: [R]], count: Int)>(([:], 0))
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = (index * chunk)..<min(items.count, (index + 1) * chunk)
            let results = items[range].map(transform)
            let count = done.withLock { state in
                state.results[index] = results
                state.count += results.count
                return state.count
            }
            progress?(count)
        }
        return done.withLock { state in (0..<chunks).flatMap { state.results[$0] ?? [] } }
    }
}
