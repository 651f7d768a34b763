/// The one place state changes: `reduce(&state, action)` returns the effects to run outside. Screen-specific
/// parts live beside their screens (`FleetReducer`, `SendReducer`, ...); input decoding into actions lives in
/// `ConsoleReducer+Input.swift`.
public enum ConsoleReducer {
    /// The effects to run when the console opens.
    public static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = [.loadSettings, .loadNode]
        if !state.lock.isLocked { effects += load(&state, screen: state.screen) }
        return effects
    }

    public static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .input(let event): return input(&state, event)
        case .tick(let now): return tick(&state, now: now)

        case .show(let screen): return show(&state, screen)
        case .back: return back(&state, quitAtTop: false)
        case .backOrQuit: return back(&state, quitAtTop: true)
        case .quit:
            state.quitting = true
            return [.quit]
        case .redraw: return [.redraw]
        case .nextScreen, .previousScreen:
            let tabs = ScreenID.tabs
            let i = tabs.firstIndex(of: state.screen) ?? 0
            let next = (i + (action == .nextScreen ? 1 : tabs.count - 1)) % tabs.count
            return show(&state, tabs[next])
        case .focusPane(let delta): return focusPane(&state, delta)
        case .openHelp:
            state.modals.append(.help(scroll: 0))
            return []
        case .openPalette:
            state.modals.append(.palette(PaletteState()))
            return []
        case .closeModal:
            if !state.modals.isEmpty { state.modals.removeLast() }
            return []
        case .runPaletteItem: return runPaletteItem(&state)

        case .move(let m): return move(&state, m)
        case .selectRow(let row, let pane): return selectRow(&state, row, pane: pane)
        case .activate: return activate(&state)
        case .beginFilter, .applyFilter, .cancelFilter:
            if state.keyContext == .settingsEdit, action == .cancelFilter { return SettingsReducer.cancelEdit(&state) }
            return state.screen == .activity ? ActivityReducer.reduce(&state, action) : FleetReducer.reduce(&state, action)
        case .toggleSelection, .selectAllShown, .clearSelection, .nextSort, .reverseSort, .sortBy:
            return FleetReducer.reduce(&state, action)
        case .toggleFreeze: return FleetReducer.toggleFreeze(&state)
        case .confirm: return confirm(&state)
        case .openSend: return SendReducer.open(&state)
        case .openReceive: return ReceiveReducer.open(&state)
        case .nextField, .previousField, .cycleOption, .submit:
            if state.lock.isLocked { return UnlockReducer.reduce(&state, action) }
            if state.screen == .settings { return SettingsReducer.reduce(&state, action) }
            return SendReducer.reduce(&state, action)
        case .copyAddress, .freshAddress: return ReceiveReducer.reduce(&state, action)
        case .export(let format):
            guard state.screen == .activity else { return [] }
            state.busy = BusyTask("Exporting the history as \(format.rawValue.uppercased())")
            return [.exportActivity(ActivityQuery(filter: state.activity.filter), format)]
        case .refresh: return reload(&state, force: true) + [.loadNode]
        case .revealMnemonic, .hideMnemonic: return SettingsReducer.reduce(&state, action)
        case .nextTheme: return SettingsReducer.cycleTheme(&state, by: 1)
        case .lock: return lock(&state, reason: "locked by the operator")

        case .summaryLoaded(let s):
            state.summary = s
            return []
        case .machinesLoaded(let page, let query): return FleetReducer.loaded(&state, page, query: query)
        case .machineLoaded(let detail): return MachineReducer.loaded(&state, detail)
        case .activityLoaded(let page, let query): return ActivityReducer.loaded(&state, page, query: query)
        case .nodeUpdated(let node):
            state.node = node
            return []
        case .settingsLoaded(let settings, let themes):
            state.settings.settings = settings
            state.settings.themes = themes
            return []
        case .receiveLoaded, .previewed, .previewFailed, .sent, .sendFailed:
            return action.isReceive ? ReceiveReducer.reduce(&state, action) : SendReducer.reduce(&state, action)
        case .frozenChanged(let count, let frozen):
            state.busy = nil
            state.fleet.selection = []
            state.toast(count == 0 ? "nothing changed" : "\(frozen ? "froze" : "unfroze") \(count) machine\(count == 1 ? "" : "s")", count == 0 ? .info : .ok)
            return reload(&state, force: true)
        case .unlocked: return UnlockReducer.reduce(&state, action)
        case .unlockFailed: return UnlockReducer.reduce(&state, action)
        case .mnemonicRevealed, .mnemonicFailed, .settingsSaved: return SettingsReducer.reduce(&state, action)
        case .exported(let path):
            state.busy = nil
            state.toast("exported to \(path)", .ok, seconds: 8)
            return []
        case .themeApplied(let name):
            state.themeName = name
            return []
        case .dataChanged(let change): return dataChanged(&state, change)
        case .failed(let failure):
            state.busy = nil
            state.toast(failure.message, .error, seconds: 6)
            return []
        }
    }

    // MARK: - Time and the lock

    static func tick(_ state: inout ConsoleState, now: Int64) -> [ConsoleEffect] {
        state.now = now
        state.spinnerPhase &+= 1
        state.toasts.removeAll { $0.expiresAt <= now }
        let idle = state.idleLockSeconds
        if !state.lock.isLocked, idle > 0, now - state.lastInputAt >= Int64(idle) {
            return lock(&state, reason: "locked after \(idle) s without input")
        }
        return []
    }

    /// Locks: the unlock prompt covers everything, secrets and typed passwords are dropped.
    static func lock(_ state: inout ConsoleState, reason: String) -> [ConsoleEffect] {
        guard !state.lock.isLocked else { return [] }
        state.lock = .locked(UnlockState(reason: reason))
        state.modals = []
        state.settings.mnemonic = nil
        state.send.password.clear()
        if state.send.step == .confirm { state.send.step = .form }
        return [.lock]
    }

    // MARK: - Navigation

    static func show(_ state: inout ConsoleState, _ screen: ScreenID) -> [ConsoleEffect] {
        guard !state.lock.isLocked else { return [] }
        if state.screen == .settings && screen != .settings { state.settings.mnemonic = nil }
        state.modals = []
        state.history = []
        state.screen = screen
        return load(&state, screen: screen)
    }

    /// Opens a screen on top of the current one (`q`/Esc comes back).
    static func push(_ state: inout ConsoleState, _ screen: ScreenID) -> [ConsoleEffect] {
        if state.screen != screen { state.history.append(state.screen) }
        if state.screen == .settings { state.settings.mnemonic = nil }
        state.screen = screen
        return load(&state, screen: screen)
    }

    static func back(_ state: inout ConsoleState, quitAtTop: Bool) -> [ConsoleEffect] {
        if !state.modals.isEmpty {
            state.modals.removeLast()
            return []
        }
        if state.screen == .send, state.send.step == .confirm {
            state.send.step = .form
            state.send.password.clear()
            state.send.submitError = nil
            return []
        }
        if state.screen == .send, state.send.step == .submitting { return [] }
        if state.screen == .settings, state.settings.mnemonic != nil {
            state.settings.mnemonic = nil
            return []
        }
        if let previous = state.history.popLast() {
            if state.screen == .settings { state.settings.mnemonic = nil }
            state.screen = previous
            return load(&state, screen: previous)
        }
        guard quitAtTop else { return [] }
        if state.send.isDraft, state.send.step != .submitting, !isDone(state.send.step) {
            state.modals.append(.confirm(ConfirmState(title: "Quit Kasfleet?", message: "The payment you were writing will be lost.", intent: .quit)))
            return []
        }
        state.quitting = true
        return [.quit]
    }

    static func isDone(_ step: SendState.Step) -> Bool { if case .done = step { return true } else { return false } }

    /// What a screen needs loaded when it opens.
    static func load(_ state: inout ConsoleState, screen: ScreenID) -> [ConsoleEffect] {
        switch screen {
        case .dashboard: return [.loadSummary]
        case .fleet: return FleetReducer.loadIfNeeded(&state, force: !state.fleet.loaded)
        case .machine: return MachineReducer.open(&state, id: nil)
        case .activity: return ActivityReducer.loadIfNeeded(&state, force: true)
        case .node: return [.loadNode]
        case .settings: return [.loadSettings]
        case .send, .receive: return []
        }
    }

    /// Reloads what is on screen (after a change of data).
    static func reload(_ state: inout ConsoleState, force: Bool) -> [ConsoleEffect] {
        guard !state.lock.isLocked else { return [] }
        var effects: [ConsoleEffect] = []
        switch state.screen {
        case .dashboard: effects.append(.loadSummary)
        case .fleet: effects += FleetReducer.loadIfNeeded(&state, force: force)
        case .machine: if let id = state.machine.id { effects.append(.loadMachine(id)) }
        case .activity: effects += ActivityReducer.loadIfNeeded(&state, force: force)
        case .node: break
        case .settings: effects.append(.loadSettings)
        case .send, .receive: break
        }
        if state.screen != .fleet && state.fleet.loaded { state.fleet.loaded = false }  // refresh it when shown again
        return effects
    }

    static func dataChanged(_ state: inout ConsoleState, _ change: DataChange) -> [ConsoleEffect] {
        if let node = change.node { state.node = node }
        if change.locked { return lock(&state, reason: "the wallet locked itself") }
        guard !state.lock.isLocked else { return [] }
        var effects: [ConsoleEffect] = []
        let machines = change.allMachines || !change.machines.isEmpty
        switch state.screen {
        case .dashboard where machines || change.wallet: effects.append(.loadSummary)
        case .fleet where machines: effects += FleetReducer.loadIfNeeded(&state, force: true)
        case .machine:
            if let id = state.machine.id, change.allMachines || change.machines.contains(id) || change.activity { effects.append(.loadMachine(id)) }
        case .activity where change.activity: effects += ActivityReducer.loadIfNeeded(&state, force: true)
        case .send where (machines || change.wallet) && state.send.step == .form && state.send.preview == nil && state.send.pending == nil:
            // A preview that failed (funds still on their way in, say) is tried again once the wallet changes.
            effects += SendReducer.validate(&state)
        default: break
        }
        if state.screen != .fleet && machines { state.fleet.loaded = false }
        return effects
    }
}

extension ConsoleAction {
    var isReceive: Bool { if case .receiveLoaded = self { return true } else { return false } }
}
