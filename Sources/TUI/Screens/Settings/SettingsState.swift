/// The rows of the Settings screen.
public enum SettingsItem: Int, CaseIterable, Sendable {
    case theme, idleLock, nodeURL, network, keyBindings, recoveryPhrase

    public var title: String {
        switch self {
        case .theme: return "Theme"
        case .idleLock: return "Lock after idle (seconds)"
        case .nodeURL: return "Node URL"
        case .network: return "Network"
        case .keyBindings: return "Key bindings"
        case .recoveryPhrase: return "Recovery phrase"
        }
    }
}

public struct SettingsState: Equatable, Sendable {
    public var cursor: SettingsItem = .theme
    public var settings: ConsoleSettings?
    public var themes: [String] = ["dark"]
    /// The value being typed (idle lock, node URL); nil when not editing.
    public var editing: TextField?
    public var editError: String?
    /// The recovery phrase, only after an explicit confirmed request; dropped on lock and on leaving the screen.
    public var mnemonic: Secret?
    public init() {}
}
