import Foundation

/// One replica of some worker state per thread that may use it at once, lent out whole: a
/// thread borrows one, uses it for a chunk of work and gives it back. Replicas share no heap
/// objects, so the reference counting of a hot loop stays in the core that runs it instead of
/// bouncing one cache line between cores (two processes on two cores did 1.5× the work of two
/// threads in one process sharing one compiled plan).
package final class ReplicaPool<Replica: Sendable>: @unchecked Sendable {
    /// Behind a pthread-based lock (NSLock), which ThreadSanitizer follows.
    private let lock = NSLock()
    private var free: [Replica]
    private let spare: Replica

    /// A pool of `replicas`; a borrower that finds none free (more threads than replicas) uses
    /// `spare`, shared.
    package init(_ replicas: [Replica], spare: Replica) {
        free = replicas
        self.spare = spare
    }

    /// Runs `body` with a replica no other thread is using.
    package func borrow<R>(_ body: (Replica) -> R) -> R {
        lock.lock()
        let replica = free.popLast()
        lock.unlock()
        guard let replica else { return body(spare) }
        defer {
            lock.lock()
            free.append(replica)
            lock.unlock()
        }
        return body(replica)
    }
}
