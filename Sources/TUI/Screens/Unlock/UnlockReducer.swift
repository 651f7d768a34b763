/// The unlock prompt: the password goes to the wallet; on success the screen in view loads.
enum UnlockReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .submit:
            guard case .locked(var u) = state.lock, !u.busy else { return [] }
            guard !u.password.text.isEmpty else {
                u.error = "type the wallet password"
                state.lock = .locked(u)
                return []
            }
            let password = Secret(text: u.password.text)
            u.password.clear()
            u.busy = true
            u.error = nil
            state.lock = .locked(u)
            return [.unlock(password)]
        case .unlocked:
            guard state.lock.isLocked else { return [] }
            state.lock = .unlocked
            state.lastInputAt = state.now
            return ConsoleReducer.load(&state, screen: state.screen)
        case .unlockFailed(let f):
            guard case .locked(var u) = state.lock else { return [] }
            u.busy = false
            u.failedAttempts += 1
            u.error = f.isWrongPassword ? "wrong password (attempt \(u.failedAttempts))" : f.message
            state.lock = .locked(u)
            return []
        default:
            return []
        }
    }
}
