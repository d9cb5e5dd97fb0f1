/// One row of a query's answer, by column name. A column the query did not select, or a value
/// of the other kind, reads as absent: the stores decide what that means.
package struct SQLRow: Sendable, Equatable {
    package var values: [String: SQLValue]

    package init(_ values: [String: SQLValue]) {
        self.values = values
    }

    /// The column's text, nil when it is NULL.
    package func text(_ column: String) -> String? {
        if case .text(let text)? = values[column] { return text }
        return nil
    }

    /// The column's whole number, nil when it is NULL.
    package func integer(_ column: String) -> Int64? {
        if case .integer(let number)? = values[column] { return number }
        return nil
    }

    /// The column's text; an empty string when it is NULL (for NOT NULL columns).
    package subscript(text column: String) -> String { text(column) ?? "" }

    /// The column's whole number; zero when it is NULL (for NOT NULL columns).
    package subscript(integer column: String) -> Int64 { integer(column) ?? 0 }
}
