import Foundation

/// Everything that can happen to the console: input, navigation, commands, and the results of effects.
/// Key bindings name actions; the reducer is the only code that changes state in response to them.
public enum ConsoleAction: Equatable, Sendable {
    // Input and time
    case input(InputEvent)
    case tick(now: Int64)

    // Navigation
    case show(ScreenID)
    case back
    /// `q`: back, or quit from a top screen.
    case backOrQuit
    case quit
    case redraw
    case nextScreen, previousScreen
    case focusPane(Int)
    case openHelp, openPalette, closeModal
    case runPaletteItem

    // Lists and tables
    case move(Movement)
    /// Moves the cursor of the focused list to an absolute row (a mouse click).
    case selectRow(Int, pane: Int)
    /// Enter on the focused item.
    case activate
    case beginFilter, applyFilter, cancelFilter
    case toggleSelection, selectAllShown, clearSelection
    case nextSort, reverseSort
    case sortBy(MachineSortKey)

    // Commands
    case toggleFreeze
    case confirm
    case openSend, openReceive
    case nextField, previousField
    case cycleOption(Int)
    case submit
    case copyAddress, freshAddress
    case export(ExportFormat)
    case refresh
    case revealMnemonic, hideMnemonic
    case nextTheme
    case lock

    // Results of effects
    case summaryLoaded(WalletSummary)
    case machinesLoaded(MachinePage, query: MachineQuery)
    case machineLoaded(MachineDetail)
    case activityLoaded(ActivityPage, query: ActivityQuery)
    case nodeUpdated(NodeStatus)
    case settingsLoaded(ConsoleSettings, themes: [String])
    case receiveLoaded(ReceiveAddress, qr: QRMatrix?)
    case previewed(SendPreview)
    case previewFailed(ConsoleFailure, request: SendRequest)
    case sent(SendReceipt)
    case sendFailed(ConsoleFailure)
    case frozenChanged(count: Int, frozen: Bool)
    case unlocked
    case unlockFailed(ConsoleFailure)
    case mnemonicRevealed(Secret)
    case mnemonicFailed(ConsoleFailure)
    case exported(path: String)
    case settingsSaved(ConsoleSettings)
    case themeApplied(String)
    case dataChanged(DataChange)
    case failed(ConsoleFailure)
}

/// Cursor movements in lists.
public enum Movement: Equatable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    /// Wheel scrolling: `n` rows (negative is up).
    case by(Int)
}

/// An error as the console shows it.
public struct ConsoleFailure: Equatable, Sendable, Error {
    public var message: String
    /// The Send form field at fault, if any.
    public var field: SendField?
    public var isWrongPassword: Bool

    public init(message: String, field: SendField? = nil, isWrongPassword: Bool = false) {
        self.message = message
        self.field = field
        self.isWrongPassword = isWrongPassword
    }

    public init(_ error: Error) {
        if let e = error as? ConsoleFailure { self = e; return }
        if let e = error as? ConsoleDataError {
            switch e {
            case .invalidField(let f, let m): self.init(message: m, field: f)
            case .wrongPassword: self.init(message: "wrong password", isWrongPassword: true)
            default: self.init(message: e.errorDescription ?? "\(e)")
            }
            return
        }
        let message = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
        self.init(message: message)
    }
}

/// Data events, coalesced: what changed since the last reload.
public struct DataChange: Equatable, Sendable {
    public var node: NodeStatus?
    /// Machines whose balance or status changed; `allMachines` when too many to list.
    public var machines: Set<MachineID>
    public var allMachines: Bool
    public var wallet: Bool
    public var activity: Bool
    public var locked: Bool

    public init(node: NodeStatus? = nil, machines: Set<MachineID> = [], allMachines: Bool = false, wallet: Bool = false,
                activity: Bool = false, locked: Bool = false) {
        self.node = node
        self.machines = machines
        self.allMachines = allMachines
        self.wallet = wallet
        self.activity = activity
        self.locked = locked
    }

    public var isEmpty: Bool { self == DataChange() }

    /// Adds one event.
    public mutating func merge(_ event: DataEvent) {
        switch event {
        case .node(let n): node = n
        case .machinesChanged(let ids):
            if ids.isEmpty || machines.count + ids.count > 1_000 { allMachines = true; machines = [] } else if !allMachines { machines.formUnion(ids) }
        case .walletChanged: wallet = true
        case .activityAppended: activity = true
        case .locked: locked = true
        }
    }
}
