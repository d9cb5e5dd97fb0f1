import Foundation
import KaoheBundledPacks
import KaoheCore
import KaoheLedger
@testable import KaoheServer
import KaoheStorageTestSupport

/// A service on a fresh database of `backend` (SQLite by default), with the repository's rules, a
/// clock the test moves, an admin and two unit users of 市中区's annual round.
final class ServiceFixture: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let scratch: ScratchDatabase
    let store: SQLServerStore
    let service: KaoheService
    let clock = ManualClock(start: 1_795_000_000)
    let round = Round(id: "2026-annual", checklist: "leshan-shizhong.annual", asOf: Day("2026-11-30") ?? Day(ordinal: 0))

    /// An empty store with the rules and nothing else in it.
    static func empty() throws -> ServiceFixture { try ServiceFixture(.sqlite, seeded: false) }

    init(_ backend: Backend = .sqlite, seeded: Bool = true) throws {
        scratch = try ScratchDatabase(backend)
        store = try SQLServerStore(database: try scratch.open())
        let engine = try Engine(packs: BundledPacks.all)
        let rules = try engine.rules(at: [Self.repository.appendingPathComponent("rules").path])
        let clock = self.clock
        service = KaoheService(store: store, engine: engine, rules: rules, clock: ServerClock { clock.now }, hasher: .testing)
        guard seeded else { return }
        try service.addUser(User(id: "admin", name: "工委", roles: [.admin]), password: "admin-password", by: "test")
        try service.addUser(User(id: "xc", name: "宣传部", roles: [.unit], unit: "szq-xuanchuan"), password: "xc-password-1", by: "test")
        try service.addUser(User(id: "cz", name: "财政局", roles: [.unit], unit: "szq-caizheng"), password: "cz-password-1", by: "test")
        try service.addUser(User(id: "hc", name: "核查人", roles: [.verifier]), password: "hc-password-1", by: "test")
        let units = try UnitsCSV.parse("""
            id,name,category
            szq-xuanchuan,区委宣传部机关党支部,party-government
            szq-caizheng,区财政局机关党支部,economic
            """, path: "units.csv")
        try service.openRound(round, units: units, by: "admin")
    }

    func signIn(_ user: String, _ password: String) throws -> Actor { try service.signIn(user: user, password: password).actor }

    /// An example self-assessment of the annual round, as its file holds it.
    static func example(_ name: String, folder: String = "examples/leshan-shizhong-annual") throws -> String {
        try String(contentsOf: repository.appendingPathComponent("\(folder)/\(name).yaml"), encoding: .utf8)
    }
}

/// A clock a test sets; read by the service through `ServerClock`.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64

    init(start: Int64) {
        seconds = start
    }

    var now: Int64 { lock.withLock { seconds } }

    func advance(_ by: Int64) { lock.withLock { seconds += by } }
}
