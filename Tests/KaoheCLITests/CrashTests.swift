import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KaoheBundledPacks
import KaoheCore
import KaoheLedger
import KaoheServer
import KaoheStorageTestSupport
import Testing

/// `kaohe serve` killed with SIGKILL in the middle of a burst of draft saves, on each backend:
/// every draft is left as it was before or after a save (never a mix, never a half-written
/// version), every save the server answered is kept, and the server starts again on the same
/// database and serves the latest version.
@Suite("A killed server", .serialized)
struct CrashTests {
    static let round = "crash"
    static let units = (1...8).map { String(format: "szq-u%02d", $0) }

    @Test("SIGKILL during a burst of saves: every draft as before or after a save, every answered save kept", arguments: Backend.available)
    func killedDuringSaves(_ backend: Backend) async throws {
        let scratch = try ScratchDatabase(backend)
        try Self.prepare(scratch.location)
        let template = try String(contentsOf: CLITests.repository.appendingPathComponent("examples/leshan-shizhong-annual/xuanchuan.yaml"), encoding: .utf8)
        // A document per unit and step: whole, and told apart by its step number (and long
        // enough that writing it takes a moment).
        let padding = "# " + String(repeating: "填", count: 6000) + "\n"
        func document(_ unit: String, _ step: Int) -> String {
            "# step \(step)\n" + padding + template.replacingOccurrences(of: "szq-xuanchuan", with: unit)
                .replacingOccurrences(of: "  members: 21", with: "  members: \(21 + step)")
        }

        let server = try Server(location: scratch.location)
        var sessions: [String: Session] = [:]
        for unit in Self.units { sessions[unit] = try await server.signIn(unit, "password-\(unit)") }
        let acknowledged = Locked<[String: Int]>([:])
        let sessionsByUnit = sessions
        let port = server.port
        try await withThrowingTaskGroup(of: Void.self) { group in
            for unit in Self.units {
                guard let session = sessionsByUnit[unit] else { continue }
                group.addTask {
                    for step in 1...400 {
                        guard let status = try? await Server.put(port: port, "/api/v1/rounds/\(Self.round)/units/\(unit)/draft",
                                                                 body: document(unit, step), session: session) else { return }
                        guard status == 200 || status == 422 else { return }
                        acknowledged.update { $0[unit] = step }
                    }
                }
            }
            // Kill it once every unit has had some saves answered, while they keep coming.
            group.addTask {
                for _ in 0..<200 where acknowledged.value.values.reduce(0, +) < 60 { try await Task.sleep(for: .milliseconds(25)) }
                server.kill()
            }
            try await group.waitForAll()
        }
        let answered = acknowledged.value
        #expect(answered.values.reduce(0, +) >= 8, "the burst had barely started: \(answered)")

        let store = try SQLServerStore(location: scratch.location)
        for unit in Self.units {
            let versions = try store.draftVersions(round: Self.round, unit: unit)
            #expect(versions.map(\.version) == (0..<versions.count).map { $0 + 1 }, "\(unit): versions not in a row")
            let steps = versions.map { version -> Int? in
                guard let line = version.document.split(separator: "\n").first, line.hasPrefix("# step "), let step = Int(line.dropFirst(7)) else { return nil }
                return version.document == document(unit, step) ? step : nil
            }
            #expect(!steps.contains(nil), "\(unit): a stored draft is not one of the documents sent whole")
            #expect(steps == (0..<steps.count).map { $0 + 1 }, "\(unit): drafts out of order")
            #expect(versions.count >= (answered[unit] ?? 0), "\(unit): the server answered save \(answered[unit] ?? 0) but only \(versions.count) are stored")
        }
        #expect(try store.verifyAudit().isEmpty)
        #expect(try store.ledger.verify(head: nil).isIntact)

        // It starts again on the same database and serves what was stored last.
        let again = try Server(location: scratch.location)
        defer { again.kill() }
        let unit = Self.units[0]
        let session = try await again.signIn(unit, "password-\(unit)")
        let latest = try store.latestDraft(round: Self.round, unit: unit)
        let (status, body) = try await Server.get(port: again.port, "/api/v1/rounds/\(Self.round)/units/\(unit)/draft", session: session)
        #expect(status == (latest == nil ? 404 : 200))
        if let latest {
            var sources = SourceStore()
            var diagnostics = Diagnostics()
            let stored = YAMLReader().parse(data: Data(latest.document.utf8), path: "draft", sources: &sources, diagnostics: &diagnostics).first
            #expect(body == stored?.json, "the latest version, as §5 JSON")
        }
    }

    @Test("SIGKILL during a burst of on-site scores: each score one that was sent, none answered lost, every result scored on the score stored",
          arguments: Backend.available)
    func killedDuringOnsiteScores(_ backend: Backend) async throws {
        let scratch = try ScratchDatabase(backend)
        let units = try Self.prepareOnsite(scratch.location)
        let server = try Server(location: scratch.location)
        let acknowledged = Locked<[String: Int]>([:])
        let port = server.port
        func points(_ step: Int) -> String { DecimalMath.format(Rational(step % 10, 2)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for unit in units {
                let session = try await server.signIn("kz-\(unit)", "password-kz-\(unit)")
                group.addTask {
                    for step in 1...400 {
                        let body = "{\"points\": \(points(step)), \"method\": \"现场查看\", \"note\": \"step \(step)\"}"
                        guard let status = try? await Server.put(port: port, "/api/v1/rounds/\(Self.onsiteRound)/units/\(unit)/onsite/D1",
                                                                 body: body, session: session), status == 200 else { return }
                        acknowledged.update { $0[unit] = step }
                    }
                }
            }
            group.addTask {
                for _ in 0..<200 where acknowledged.value.values.reduce(0, +) < 40 { try await Task.sleep(for: .milliseconds(25)) }
                server.kill()
            }
            try await group.waitForAll()
        }
        let answered = acknowledged.value
        #expect(answered.values.reduce(0, +) >= 4, "the burst had barely started: \(answered)")

        let store = try SQLServerStore(location: scratch.location)
        let scores = try store.onsite(round: Self.onsiteRound, unit: nil).scores
        for unit in units {
            let stored = try #require(scores.first { $0.unit == unit }, "\(unit): no score stored")
            let step = try #require(stored.note.flatMap { Int($0.dropFirst(5)) }, "\(unit): the note is not one that was sent")
            #expect(stored.points == points(step), "\(unit): step \(step) stored with other points")
            #expect(step >= (answered[unit] ?? 0), "\(unit): the server answered step \(answered[unit] ?? 0), but step \(step) is stored")
            let result = try #require(try store.result(round: Self.onsiteRound, unit: unit))
            #expect(result.contains("现场评分 \(points(step))（现场查看，考核组\(unit)）：step \(step)\""), "\(unit): the result is not scored on the stored score")
        }
        #expect(try store.verifyAudit().isEmpty)
    }

    @Test("SIGKILL during a burst of jurors' scores: each finalist's points one whole save a juror sent (never a mix of two), none answered lost",
          arguments: Backend.available)
    func killedDuringJuryScores(_ backend: Backend) async throws {
        let scratch = try ScratchDatabase(backend)
        let (jurors, finalists) = try Self.prepareCompetition(scratch.location)
        let server = try Server(location: scratch.location)
        let acknowledged = Locked<[String: Int]>([:])
        let port = server.port
        let dimensions = ["political", "ideological", "feasibility", "novelty", "effectiveness"]
        // Step s gives every dimension s/100 (unique per step, and a torn save would show two values).
        func body(_ step: Int) -> String {
            "{" + dimensions.map { "\"\($0)\": \(DecimalMath.format(Rational(step, 100)))" }.joined(separator: ", ") + "}"
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for juror in jurors {
                let session = try await server.signIn(juror, "password-\(juror)")
                group.addTask {
                    for step in 1...600 {
                        let finalist = finalists[step % finalists.count]
                        guard let status = try? await Server.put(port: port, "/api/v1/rounds/\(Self.competitionRound)/competitions/\(Self.competition)/jury/\(finalist)",
                                                                 body: body(step), session: session), status == 200 else { return }
                        acknowledged.update { $0["\(juror)/\(finalist)"] = step }
                    }
                }
            }
            group.addTask {
                for _ in 0..<200 where acknowledged.value.count < jurors.count * finalists.count || acknowledged.value.values.reduce(0, +) < 300 {
                    try await Task.sleep(for: .milliseconds(25))
                }
                server.kill()
            }
            try await group.waitForAll()
        }
        let answered = acknowledged.value
        #expect(answered.count >= jurors.count, "the burst had barely started: \(answered)")
        let record = try SQLServerStore(location: scratch.location).competition(round: Self.competitionRound, competition: Self.competition)
        for juror in jurors {
            for finalist in finalists {
                let cells = record.scores.filter { $0.juror == juror && $0.unit == finalist }
                guard let last = answered["\(juror)/\(finalist)"] else { continue }
                #expect(cells.count == dimensions.count, "\(juror)/\(finalist): \(cells.count) dimensions stored")
                let values = Set(cells.map(\.points))
                #expect(values.count == 1, "\(juror)/\(finalist): a mix of saves \(values)")
                let step = try #require(values.first.flatMap(DecimalMath.parse).flatMap { ($0 * Rational(100)).int })
                #expect(step >= last && step % finalists.count == finalists.firstIndex(of: finalist),
                        "\(juror)/\(finalist): the server answered step \(last), but step \(step) is stored")
            }
        }
        #expect(try SQLServerStore(location: scratch.location).verifyAudit().isEmpty)
    }

    @Test("SIGKILL while a unit reports items rectified and a verifier closes them: each item's status its history's last move, every answered move kept, both chains whole",
          arguments: Backend.available)
    func killedDuringLedgerMoves(_ backend: Backend) async throws {
        let scratch = try ScratchDatabase(backend)
        let ids = try Self.prepareLedger(scratch.location)
        let server = try Server(location: scratch.location)
        let acknowledged = Locked<[Int64: LedgerStatus]>([:])
        let port = server.port
        func move(_ id: Int64, _ status: LedgerStatus, _ session: Session) async -> Bool {
            let status = try? await Server.put(port: port, "/api/v1/ledger/\(id)/status", body: "{\"status\": \"\(status.rawValue)\", \"note\": \"第\(id)项\"}",
                                               session: session, method: "POST")
            return status == 200
        }
        let unit = try await server.signIn("cz", "password-cz")
        let verifier = try await server.signIn("hc", "password-hc")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for id in ids {
                    for status in [LedgerStatus.rectifying, .rectified] {
                        guard await move(id, status, unit) else { return }
                        acknowledged.update { $0[id] = status }
                    }
                }
            }
            group.addTask {
                for id in ids {
                    // Waits for the unit's report, but not for ever: once the server is killed it never comes.
                    for _ in 0..<400 where acknowledged.value[id] != .rectified { try await Task.sleep(for: .milliseconds(5)) }
                    guard acknowledged.value[id] == .rectified, await move(id, .closed, verifier) else { return }
                    acknowledged.update { $0[id] = .closed }
                }
            }
            group.addTask {
                for _ in 0..<400 where acknowledged.value.count < ids.count / 2 { try await Task.sleep(for: .milliseconds(10)) }
                server.kill()
            }
            try await group.waitForAll()
        }
        let answered = acknowledged.value
        #expect(answered.count >= 2, "the burst had barely started: \(answered)")
        let ledger = try SQLServerStore(location: scratch.location).ledger
        let order: [LedgerStatus] = [.open, .rectifying, .rectified, .closed]
        for id in ids {
            let (item, history) = try ledger.item(id)
            #expect(history.last?.to == item.status, "#\(id): its status is not its last move")
            if let last = answered[id] {
                #expect((order.firstIndex(of: item.status) ?? 0) >= (order.firstIndex(of: last) ?? 0), "#\(id): answered \(last), stored \(item.status)")
                #expect(history.contains { $0.to == last }, "#\(id): the answered move to \(last) is not in its history")
            }
        }
        #expect(try ledger.verify(head: nil).isIntact)
        #expect(try SQLServerStore(location: scratch.location).verifyAudit().isEmpty)
    }

    /// 市中区's round with 财政局's example submitted and accepted (17 ledger items), a verifier;
    /// the items' ids.
    static func prepareLedger(_ location: String) throws -> [Int64] {
        let store = try SQLServerStore(location: location)
        let engine = try Engine(packs: BundledPacks.all)
        let service = KaoheService(store: store, engine: engine, rules: try engine.rules(at: [CLITests.repository.appendingPathComponent("rules").path]),
                                   hasher: .testing)
        try service.addUser(User(id: "admin", name: "工委", roles: [.admin]), password: "admin-password", by: "test")
        try service.addUser(User(id: "cz", name: "财政局", roles: [.unit], unit: "szq-caizheng"), password: "password-cz", by: "test")
        try service.addUser(User(id: "hc", name: "核查人", roles: [.verifier]), password: "password-hc", by: "test")
        let round = "crash-ledger"
        try service.openRound(Round(id: round, checklist: "leshan-shizhong.annual", asOf: Day("2026-11-30") ?? Day(ordinal: 0)),
                              units: [KaoheCore.Unit(id: "szq-caizheng", name: "区财政局机关党支部", category: "economic")], by: "test")
        let cz = try service.signIn(user: "cz", password: "password-cz").actor
        let document = try String(contentsOf: CLITests.repository.appendingPathComponent("examples/leshan-shizhong-annual/caizheng.yaml"), encoding: .utf8)
        _ = try service.saveDraft(round, "szq-caizheng", document: document, by: cz)
        guard case .result = try service.submit(round, "szq-caizheng", by: cz) else { throw CrashTestError("财政局 did not submit") }
        _ = try service.accept(round, "szq-caizheng", by: try service.signIn(user: "admin", password: "admin-password").actor)
        return try store.ledger.items(LedgerFilter(unit: "szq-caizheng")).map(\.id)
    }

    static let competitionRound = "crash-competition"
    static let competition = "maonan.innovation-2026"

    /// 茂南区's four example units accepted, daily scores in, the finalists named and five jurors
    /// asked; the jurors' accounts and the finalists.
    static func prepareCompetition(_ location: String) throws -> (jurors: [String], finalists: [String]) {
        let store = try SQLServerStore(location: location)
        let engine = try Engine(packs: BundledPacks.all)
        let service = KaoheService(store: store, engine: engine, rules: try engine.rules(at: [CLITests.repository.appendingPathComponent("rules").path]),
                                   hasher: .testing)
        try service.addUser(User(id: "admin", name: "工委", roles: [.admin]), password: "admin-password", by: "test")
        var units: [KaoheCore.Unit] = []
        var documents: [String: String] = [:]
        for name in ["minzhengju", "shangwuju", "zhifaju", "zuzhibu"] {
            let path = CLITests.repository.appendingPathComponent("examples/maonan/\(name).yaml").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let unit = try engine.evaluate(service.rules, text: text, path: path).batch.results.first?.unit else { throw CrashTestError("\(name) has no unit") }
            units.append(unit)
            documents[unit.id] = text
        }
        try service.openRound(Round(id: competitionRound, checklist: "maonan.organs", asOf: Day("2026-11-30") ?? Day(ordinal: 0)), units: units, by: "test")
        let admin = try service.signIn(user: "admin", password: "admin-password").actor
        for unit in units {
            try service.addUser(User(id: unit.id, name: unit.name, roles: [.unit], unit: unit.id), password: "password-\(unit.id)", by: "test")
            let actor = try service.signIn(user: unit.id, password: "password-\(unit.id)").actor
            _ = try service.saveDraft(competitionRound, unit.id, document: documents[unit.id] ?? "", by: actor)
            guard case .result = try service.submit(competitionRound, unit.id, by: actor) else { throw CrashTestError("\(unit.id) did not submit") }
            _ = try service.accept(competitionRound, unit.id, by: admin)
            try service.saveDaily(competitionRound, competition, unit.id, points: "85", by: admin)
        }
        let finalists = try service.nameFinalists(competitionRound, competition, by: admin)
        let jurors = (1...5).map { "pw\($0)" }
        for juror in jurors {
            try service.addUser(User(id: juror, name: "评委\(juror)", roles: [.juror]), password: "password-\(juror)", by: "test")
            try service.assignJuror(competitionRound, competition, juror: juror, by: admin)
        }
        return (jurors, finalists)
    }

    static let onsiteRound = "crash-onsite"

    /// 茂南区's round of four units, each submitted, each with an assessor of its own.
    static func prepareOnsite(_ location: String) throws -> [String] {
        let store = try SQLServerStore(location: location)
        let engine = try Engine(packs: BundledPacks.all)
        let service = KaoheService(store: store, engine: engine, rules: try engine.rules(at: [CLITests.repository.appendingPathComponent("rules").path]),
                                   hasher: .testing)
        let units = (1...4).map { "mn-c\($0)" }
        try service.addUser(User(id: "admin", name: "工委", roles: [.admin]), password: "admin-password", by: "test")
        try service.openRound(Round(id: onsiteRound, checklist: "maonan.organs", asOf: Day("2026-11-30") ?? Day(ordinal: 0)),
                              units: units.map { KaoheCore.Unit(id: $0, name: "单位\($0)", category: "party-government") }, by: "test")
        let admin = try service.signIn(user: "admin", password: "admin-password").actor
        let template = try String(contentsOf: CLITests.repository.appendingPathComponent("examples/maonan/zuzhibu.yaml"), encoding: .utf8)
        for unit in units {
            try service.addUser(User(id: unit, name: unit, roles: [.unit], unit: unit), password: "password-\(unit)", by: "test")
            try service.addUser(User(id: "kz-\(unit)", name: "考核组\(unit)", roles: [.assessor]), password: "password-kz-\(unit)", by: "test")
            try service.assign(onsiteRound, unit, assessor: "kz-\(unit)", by: admin)
            let actor = try service.signIn(user: unit, password: "password-\(unit)").actor
            _ = try service.saveDraft(onsiteRound, unit, document: template.replacingOccurrences(of: "mn-zuzhibu", with: unit), by: actor)
            guard case .result = try service.submit(onsiteRound, unit, by: actor) else { throw CrashTestError("\(unit) did not submit") }
        }
        return units
    }

    /// Eight unit accounts and a round of them, made as `kaohe users` and `kaohe rounds` would.
    static func prepare(_ location: String) throws {
        let store = try SQLServerStore(location: location)
        let engine = try Engine(packs: BundledPacks.all)
        let service = KaoheService(store: store, engine: engine, rules: try engine.rules(at: [CLITests.repository.appendingPathComponent("rules").path]),
                                   hasher: .testing)
        for unit in units {
            try service.addUser(User(id: unit, name: unit, roles: [.unit], unit: unit), password: "password-\(unit)", by: "test")
        }
        try service.openRound(Round(id: round, checklist: "leshan-shizhong.annual", asOf: Day("2026-11-30") ?? Day(ordinal: 0)),
                              units: units.map { KaoheCore.Unit(id: $0, name: "单位\($0)", category: "party-government") }, by: "test")
    }

    /// A signed-in session: its cookie and CSRF token.
    struct Session: Sendable {
        var cookie: String
        var csrf: String
    }

    /// `kaohe serve` in a child process on a free port.
    final class Server: @unchecked Sendable {
        let process: Process
        let port: Int

        init(location: String) throws {
            port = try Self.freePort()
            process = Process()
            process.executableURL = CLITests.executable
            process.arguments = ["serve", "--rules", "rules", "--db", location, "--port", String(port)]
            process.currentDirectoryURL = CLITests.repository
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<300 {
                if let request = URLRequest(string: "http://127.0.0.1:\(port)/login"), (try? Self.sync(request)) != nil { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            process.terminate()
            throw CrashTestError("kaohe serve did not start on port \(port)")
        }

        /// A port nothing listens on: the kernel's pick for a socket bound to port 0.
        static func freePort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            guard bound else { throw CrashTestError("no free port") }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        func kill() {
            guard process.isRunning else { return }
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func signIn(_ user: String, _ password: String) async throws -> Session {
            guard var request = URLRequest(string: "http://127.0.0.1:\(port)/api/v1/session") else { throw CrashTestError("bad address") }
            request.httpMethod = "POST"
            request.httpBody = Data("{\"user\": \"\(user)\", \"password\": \"\(password)\"}".utf8)
            let (data, response) = try await Self.session.data(for: request)
            guard let http = response as? HTTPURLResponse, http.statusCode == 200,
                  let cookie = (http.value(forHTTPHeaderField: "Set-Cookie")?.split(separator: ";").first).map(String.init),
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let csrf = object["csrf"] as? String else {
                throw CrashTestError("signing in \(user) failed")
            }
            return Session(cookie: cookie, csrf: csrf)
        }

        static func put(port: Int, _ path: String, body: String, session: Session, method: String = "PUT") async throws -> Int {
            guard var request = URLRequest(string: "http://127.0.0.1:\(port)\(path)") else { throw CrashTestError("bad address") }
            request.httpMethod = method
            request.httpBody = Data(body.utf8)
            request.setValue(session.cookie, forHTTPHeaderField: "Cookie")
            request.setValue(session.csrf, forHTTPHeaderField: "X-CSRF-Token")
            let (_, response) = try await Self.session.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }

        static func get(port: Int, _ path: String, session: Session) async throws -> (Int, String) {
            guard var request = URLRequest(string: "http://127.0.0.1:\(port)\(path)") else { throw CrashTestError("bad address") }
            request.setValue(session.cookie, forHTTPHeaderField: "Cookie")
            let (data, response) = try await Self.session.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// No cookie store of its own: each request carries its session's cookie.
        static let session: URLSession = {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpShouldSetCookies = false
            configuration.timeoutIntervalForRequest = 10
            return URLSession(configuration: configuration)
        }()

        static func sync(_ request: URLRequest) throws -> Int {
            let answer = Locked<Int?>(nil)
            let done = DispatchSemaphore(value: 0)
            session.dataTask(with: request) { _, response, _ in
                answer.update { $0 = (response as? HTTPURLResponse)?.statusCode }
                done.signal()
            }.resume()
            done.wait()
            guard let status = answer.value else { throw CrashTestError("no answer") }
            return status
        }
    }
}

struct CrashTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension URLRequest {
    init?(string: String) {
        guard let url = URL(string: string) else { return nil }
        self.init(url: url)
    }
}
