/// Why the web service refused an operation, mapped to an HTTP status by the front end.
package enum ServiceError: Error, Sendable, Equatable {
    /// 401: not signed in, or the session ended.
    case unauthorized
    /// 403: outside the user's role or scope.
    case forbidden(String)
    /// 404: nothing there, or its very existence is private to someone else.
    case notFound(String)
    /// 409: the thing is in a state that does not allow this (a frozen draft).
    case conflict(String)
    /// 422: the input is not acceptable; the message says why.
    case invalid(String)
    /// 423: the account is locked after failed sign-ins.
    case locked(until: Int64)
    /// 413: the request body is larger than allowed.
    case tooLarge
    /// 500: the database failed; nothing was changed.
    case storage(String)

    package var status: Int {
        switch self {
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .invalid: 422
        case .locked: 423
        case .tooLarge: 413
        case .storage: 500
        }
    }

    package var message: String {
        switch self {
        case .unauthorized: "请先登录"
        case .forbidden(let m), .notFound(let m), .conflict(let m), .invalid(let m), .storage(let m): m
        case .locked: "账户因连续登录失败已锁定15分钟，请稍后再试"
        case .tooLarge: "提交的内容超过 1 MB 上限"
        }
    }
}
