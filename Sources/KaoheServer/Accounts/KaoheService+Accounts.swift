import KaoheCore

extension KaoheService {
    /// Adds a user (`kaohe users add`); the password is checked and kept only as its hash.
    package func addUser(_ user: User, password: String, by actor: String) throws(ServiceError) {
        if let weakness = PasswordHasher.weakness(of: password) { throw .invalid(weakness) }
        guard !user.id.isEmpty, user.id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw .invalid("a user id is letters, digits, '-', '_' or '.'")
        }
        if user.has(.unit) && user.unit == nil { throw .invalid("a unit user needs --unit") }
        try store.addUser(user, passwordHash: hasher.hash(password))
        try record(actor, "users.add", user.id, .done, user.roles.map(\.rawValue).joined(separator: ","))
    }

    package func setPassword(_ id: String, password: String, by actor: String) throws(ServiceError) {
        if let weakness = PasswordHasher.weakness(of: password) { throw .invalid(weakness) }
        try store.setPassword(id, hash: hasher.hash(password))
        try record(actor, "users.passwd", id, .done)
    }

    package func disable(_ id: String, by actor: String) throws(ServiceError) {
        try store.setDisabled(id, true)
        try record(actor, "users.disable", id, .done)
    }

    /// Signs in: a new session with its CSRF token. A wrong password, an unknown or disabled
    /// user all answer 401 alike; the fifth failure in a row locks the account (423).
    package func signIn(user id: String, password: String) throws(ServiceError) -> (token: String, actor: Actor) {
        let now = clock.now()
        guard let (user, hash) = try store.user(id), !user.disabled else {
            try record(id, "session.create", id, .denied, "unknown or disabled user")
            throw .unauthorized
        }
        if user.isLocked(at: now) {
            try record(id, "session.create", id, .denied, "locked")
            throw .locked(until: user.lockedUntil)
        }
        guard hasher.verify(password, against: hash) else {
            let after = try store.recordSignIn(id, succeeded: false, at: now)
            try record(id, "session.create", id, .denied, after.isLocked(at: now) ? "wrong password; locked" : "wrong password")
            if after.isLocked(at: now) { throw .locked(until: after.lockedUntil) }
            throw .unauthorized
        }
        let signedIn = try store.recordSignIn(id, succeeded: true, at: now)
        let token = SessionToken.make()
        let session = Session(tokenDigest: SessionToken.digest(token), user: id, csrf: SessionToken.make(), lastSeen: now)
        try store.createSession(session)
        try record(id, "session.create", id, .done)
        return (token, Actor(user: signedIn, session: session))
    }

    /// The actor behind a session token: 401 when there is none, it expired, or its user was disabled.
    package func authenticate(token: String) throws(ServiceError) -> Actor {
        let digest = SessionToken.digest(token)
        let now = clock.now()
        guard let session = try store.session(digest) else { throw .unauthorized }
        guard !session.isExpired(at: now) else {
            try store.deleteSession(digest)
            throw .unauthorized
        }
        guard let (user, _) = try store.user(session.user), !user.disabled else { throw .unauthorized }
        if session.needsTouch(at: now) { try store.touchSession(digest, at: now) }
        return Actor(user: user, session: session)
    }

    /// Whether a state-changing request carries the session's CSRF token.
    package func checkCSRF(_ actor: Actor, token: String?) throws(ServiceError) {
        guard let token, !token.isEmpty, token == actor.session.csrf else {
            try deny(actor, "csrf", actor.user.id, .forbidden("缺少或错误的 CSRF 令牌；请刷新页面后重试"))
        }
    }

    package func signOut(_ actor: Actor) throws(ServiceError) {
        try store.deleteSession(actor.session.tokenDigest)
        try record(actor.user.id, "session.delete", actor.user.id, .done)
    }
}
