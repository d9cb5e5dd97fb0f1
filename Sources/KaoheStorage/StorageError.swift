/// A storage problem for a person: what failed and, where possible, what to do.
package struct StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
