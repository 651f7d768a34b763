/// The wallet's lock: the unlock prompt while locked.
public enum LockState: Equatable, Sendable {
    case locked(UnlockState)
    case unlocked

    public var isLocked: Bool { if case .locked = self { return true } else { return false } }
}

public struct UnlockState: Equatable, Sendable {
    public var password = TextField(secure: true)
    public var error: String?
    public var busy = false
    public var failedAttempts = 0
    /// Why it locked ("locked after 300 s idle"), shown above the prompt.
    public var reason: String?
    public init(reason: String? = nil) { self.reason = reason }
}
