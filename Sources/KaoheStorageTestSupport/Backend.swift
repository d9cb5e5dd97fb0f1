import Foundation

/// The database backends every store test runs on. PostgreSQL joins when `KAOHE_TEST_POSTGRES`
/// names a server (`.ci/run` starts one and sets it); without it the PostgreSQL runs are left out
/// and `PostgresAvailabilityTests` says so (and fails under CI, which must have it).
package enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    /// The server the PostgreSQL runs use: a `postgres://` address of a user that may create databases.
    package static var postgresServer: String? {
        ProcessInfo.processInfo.environment["KAOHE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The backends this run can test: SQLite always, PostgreSQL when a server is configured.
    package static var available: [Backend] {
        postgresServer == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    package var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}
