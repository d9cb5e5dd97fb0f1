import Foundation
import KaoheCore
@testable import KaoheServer
import KaoheStorageTestSupport
import Testing

@Suite("Accounts and sessions")
struct AccountTests {
    @Test("five wrong passwords lock the account for 15 minutes, even against the right one", arguments: Backend.available)
    func lockout(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        for _ in 1...4 {
            #expect(throws: ServiceError.unauthorized) { try f.service.signIn(user: "xc", password: "wrong-password") }
        }
        #expect(throws: ServiceError.locked(until: f.clock.now + Accounts.lockSeconds)) { try f.service.signIn(user: "xc", password: "wrong-password") }
        #expect(throws: ServiceError.locked(until: f.clock.now + Accounts.lockSeconds)) { try f.service.signIn(user: "xc", password: "xc-password-1") }
        f.clock.advance(Accounts.lockSeconds + 1)
        #expect(try f.signIn("xc", "xc-password-1").user.id == "xc")
    }

    @Test("an unknown user and a wrong password look the same; a disabled user cannot sign in", arguments: Backend.available)
    func unknownAndDisabled(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        #expect(throws: ServiceError.unauthorized) { try f.service.signIn(user: "nobody", password: "whatever-1234") }
        let xc = try f.service.signIn(user: "xc", password: "xc-password-1")
        try f.service.disable("xc", by: "admin")
        #expect(throws: ServiceError.unauthorized) { try f.service.authenticate(token: xc.token) }
        #expect(throws: ServiceError.unauthorized) { try f.service.signIn(user: "xc", password: "xc-password-1") }
    }

    @Test("a session ends on sign-out and after 8 hours idle; the store keeps no token, only its digest", arguments: Backend.available)
    func sessions(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let signed = try f.service.signIn(user: "xc", password: "xc-password-1")
        #expect(signed.token.count == 32 && signed.token.allSatisfy(\.isHexDigit))
        #expect(try f.store.session(signed.token) == nil)
        #expect(try f.service.authenticate(token: signed.token).user.id == "xc")
        f.clock.advance(Session.idleLimit - 10)
        #expect(try f.service.authenticate(token: signed.token).user.id == "xc")
        f.clock.advance(Session.idleLimit + 1)
        #expect(throws: ServiceError.unauthorized) { try f.service.authenticate(token: signed.token) }
        let again = try f.service.signIn(user: "xc", password: "xc-password-1")
        try f.service.signOut(again.actor)
        #expect(throws: ServiceError.unauthorized) { try f.service.authenticate(token: again.token) }
    }

    @Test("a state change without the session's CSRF token is refused and recorded", arguments: Backend.available)
    func csrf(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let xc = try f.signIn("xc", "xc-password-1")
        #expect(throws: ServiceError.forbidden("缺少或错误的 CSRF 令牌；请刷新页面后重试")) { try f.service.checkCSRF(xc, token: nil) }
        #expect(throws: ServiceError.forbidden("缺少或错误的 CSRF 令牌；请刷新页面后重试")) { try f.service.checkCSRF(xc, token: (xc.session.csrf.first == "0" ? "1" : "0") + xc.session.csrf.dropFirst()) }
        try f.service.checkCSRF(xc, token: xc.session.csrf)
        #expect(try f.store.auditEntries().filter { $0.action == "csrf" && $0.outcome == .denied }.count == 2)
    }

    @Test("passwords are stored as bcrypt hashes; the service's hasher uses cost 12", arguments: Backend.available)
    func hashing(_ backend: Backend) throws {
        let f = try ServiceFixture(backend)
        let stored = try #require(try f.store.user("xc")).passwordHash
        #expect(stored.hasPrefix("$2b$04$") || stored.hasPrefix("$2a$04$") || stored.hasPrefix("$2y$04$"), "\(stored)")
        #expect(!stored.contains("xc-password-1"))
        #expect(PasswordHasher().cost == 12)
        #expect(PasswordHasher().hash("a-password-x").contains("$12$"))
        #expect(throws: ServiceError.invalid("a password needs at least 10 characters")) {
            try f.service.addUser(User(id: "u2", name: "u", roles: [.admin]), password: "short", by: "test")
        }
    }
}
