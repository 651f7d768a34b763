/// The whole console as a value: which screen, each screen's state, modals, toasts, the lock, the size and the
/// data on screen. Only the reducer changes it; rendering is a pure function of it.
public struct ConsoleState: Equatable, Sendable {
    public var size: Size
    public var screen: ScreenID = .dashboard
    /// Screens to return to with `q`/Esc (Machine opened from Fleet, Send from anywhere...).
    public var history: [ScreenID] = []
    public var modals: [Modal] = []
    public var toasts: [Toast] = []
    public var busy: BusyTask?
    public var lock: LockState
    /// Unix seconds now (from ticks) and of the last key or click, for the idle lock.
    public var now: Int64
    public var lastInputAt: Int64
    /// Seconds added to UTC for the clock and times shown.
    public var utcOffset: Int
    /// `--plain`: no colour, ASCII only, panels one under the other.
    public var plain: Bool
    public var themeName: String
    /// A line under the unlock prompt (the demo tells its password there).
    public var unlockHint: String?
    public var spinnerPhase = 0
    public var quitting = false
    /// The signal that ended the console, if one did (the exit status is 128 + it).
    public var exitSignal: Int32?

    public var node: NodeStatus?
    public var summary: WalletSummary?
    public var dashboard = DashboardState()
    public var fleet = FleetState()
    public var machine = MachineViewState()
    public var activity = ActivityState()
    public var settings = SettingsState()
    public var send = SendState()
    public var receive = ReceiveState()

    public init(size: Size, locked: Bool, now: Int64, utcOffset: Int = 0, plain: Bool = false, themeName: String = "dark") {
        self.size = size
        lock = locked ? .locked(UnlockState()) : .unlocked
        self.now = now
        lastInputAt = now
        self.utcOffset = utcOffset
        self.plain = plain
        self.themeName = themeName
    }

    /// Where keys are looked up now.
    public var keyContext: KeyContext {
        if lock.isLocked { return .unlock }
        if let m = modals.last { return m.context }
        switch screen {
        case .fleet where fleet.filterField != nil: return .filter
        case .activity where activity.filterField != nil: return .filter
        case .settings where settings.editing != nil: return .settingsEdit
        default: return screen.context
        }
    }

    /// The idle lock in seconds (0: never), from the settings once loaded.
    public var idleLockSeconds: Int { settings.settings?.idleLockSeconds ?? 300 }

    /// The machine in view: the one on the Machine screen, or under the Fleet cursor.
    public var machineInView: MachineRow? {
        switch screen {
        case .machine: return machine.detail?.row
        case .fleet: return fleet.window.current
        default: return nil
        }
    }

    public mutating func toast(_ text: String, _ kind: Toast.Kind = .info, seconds: Int64 = 4) {
        toasts.removeAll { $0.text == text }
        toasts.append(Toast(text, kind: kind, expiresAt: now + seconds))
        if toasts.count > 3 { toasts.removeFirst(toasts.count - 3) }
    }
}
