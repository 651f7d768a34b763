/// What sits on top of the screen, innermost last: it owns every key until it closes.
public enum Modal: Equatable, Sendable {
    case help(scroll: Int)
    case palette(PaletteState)
    case confirm(ConfirmState)
    case reveal(RevealState)

    public var context: KeyContext {
        switch self {
        case .help: return .help
        case .palette: return .palette
        case .confirm: return .confirm
        case .reveal: return .reveal
        }
    }
}

/// The command palette: a query and the highlighted match.
public struct PaletteState: Equatable, Sendable {
    public var query = TextField()
    public var cursor = 0
    public init() {}
}

/// "Are you sure?" before something that changes money or policy for many machines, or quits with a draft.
public struct ConfirmState: Equatable, Sendable {
    public enum Intent: Equatable, Sendable {
        case setFrozen([MachineID], frozen: Bool)
        case quit
    }

    public var title: String
    public var message: String
    public var intent: Intent

    public init(title: String, message: String, intent: Intent) {
        self.title = title
        self.message = message
        self.intent = intent
    }
}

/// Showing the recovery phrase asks for the password again (an explicit, confirmed action).
public struct RevealState: Equatable, Sendable {
    public var password = TextField(secure: true)
    public var error: String?
    public var busy = false
    public init() {}
}

/// A transient message in the status line.
public struct Toast: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, ok, warning, error }
    public var text: String
    public var kind: Kind
    /// Unix seconds after which it disappears.
    public var expiresAt: Int64

    public init(_ text: String, kind: Kind = .info, expiresAt: Int64) {
        self.text = text
        self.kind = kind
        self.expiresAt = expiresAt
    }
}

/// Long work the status line shows with a spinner (and a bar when the work is measurable).
public struct BusyTask: Equatable, Sendable {
    public var label: String
    public var progress: WorkProgress?
    public init(_ label: String, progress: WorkProgress? = nil) {
        self.label = label
        self.progress = progress
    }
}
