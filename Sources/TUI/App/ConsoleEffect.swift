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
