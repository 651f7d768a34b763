/// Work the reducer asks for, done outside the render path by `ConsoleEnvironment` (data) or by the loop
/// (terminal: clipboard, theme, redraw, quit). Results come back as actions.
public enum ConsoleEffect: Equatable, Sendable {
    case loadSummary
    case loadMachines(MachineQuery)
    case loadMachine(MachineID)
    case loadActivity(ActivityQuery)
    case loadNode
    case loadSettings
    case loadReceive(ReceiveTarget, fresh: Bool)
    case previewSend(SendRequest)
    case send(SendRequest, password: Secret)
    case setFrozen([MachineID], frozen: Bool)
    case unlock(Secret)
    case lock
    case revealMnemonic(Secret)
    case saveSettings(ConsoleSettings)
    case exportActivity(ActivityQuery, ExportFormat)
    case copyToClipboard(String)
    case applyTheme(String)
    case redraw
    case quit
}

extension ConsoleEffect {
    /// Reads of the same kind are answered in the order they were asked: a reload asked after a change must
    /// not be overtaken by an earlier, staler one (the screen would keep the old figures until the next change).
    var orderingKey: String? {
        switch self {
        case .loadSummary: return "summary"
        case .loadMachines: return "machines"
        case .loadMachine: return "machine"
        case .loadActivity: return "activity"
        case .loadNode: return "node"
        default: return nil
        }
    }
}
