/// A value stored in or read from a column. The tables hold only text and whole numbers, so
/// these are all the two backends need to agree on.
package enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
}

/// A Swift value that can be bound to a statement's `?`.
package protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
}

extension String: SQLValueConvertible {
    package var sqlValue: SQLValue { .text(self) }
}

extension Int64: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    package var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
