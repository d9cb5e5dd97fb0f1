import Dispatch
import Foundation

/// Work started on another thread now and collected later, so that the caller can do
/// something else meanwhile (the stream reads and writes one block while the next is scored).
package final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    /// Behind a pthread-based lock (NSLock), which ThreadSanitizer follows.
    private let lock = NSLock()
    private var result: Result?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` on a global queue.
    package init(_ body: @escaping @Sendable () -> Result) {
        DispatchQueue.global().async { [self] in
            let value = body()
            lock.lock()
            result = value
            lock.unlock()
            finished.signal()
        }
    }

    /// Waits for the work to finish and returns what it made (once; nil after that).
    package func wait() -> Result? {
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        let value = result
        result = nil
        return value
    }
}
