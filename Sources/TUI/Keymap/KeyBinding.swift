/// One key binding: the keys, the action they send, what it does (help overlay and palette), a short label for
/// the footer, and whether the footer shows it. The key dispatcher, the footer, `?` help, the Ctrl-P palette and
/// docs/keybindings.md all read these tables, so they cannot disagree (lazygit's `Binding`).
public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var action: ConsoleAction
    public var description: String
    public var label: String
    public var showInFooter: Bool

    public init(_ keys: [Key], _ action: ConsoleAction, _ description: String, label: String? = nil, footer: Bool = false) {
        self.keys = keys
        self.action = action
        self.description = description
        self.label = label ?? description
        self.showInFooter = footer
    }

    /// "j/↓" style key names.
    public var keyText: String { keys.map(\.description).joined(separator: "/") }
    public var asciiKeyText: String { keys.map(\.asciiDescription).joined(separator: "/") }
}

/// Where a key is looked up: a screen, a modal, or a focused text input; `global` applies everywhere else.
public enum KeyContext: String, CaseIterable, Sendable, Hashable {
    case global, dashboard, fleet, machine, activity, node, settings, send, receive
    case unlock, filter, palette, help, confirm, reveal, settingsEdit

    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .dashboard: return "Dashboard"
        case .fleet: return "Fleet"
        case .machine: return "Machine"
        case .activity: return "Activity"
        case .node: return "Node"
        case .settings: return "Settings"
        case .send: return "Send"
        case .receive: return "Receive"
        case .unlock: return "Unlock"
        case .filter: return "Filter"
        case .palette: return "Command palette"
        case .help: return "Help"
        case .confirm: return "Confirmation"
        case .reveal: return "Recovery phrase"
        case .settingsEdit: return "Editing a setting"
        }
    }

    /// Contexts where typing goes into a text field: only bindings of non-character keys (and Ctrl/Alt keys)
    /// of the global table apply there.
    public var takesText: Bool {
        switch self {
        case .send, .unlock, .filter, .palette, .reveal, .settingsEdit: return true
        default: return false
        }
    }
}
