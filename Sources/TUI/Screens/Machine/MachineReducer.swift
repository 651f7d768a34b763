/// Opening a machine and moving in its panes.
enum MachineReducer {
    /// Shows a machine: the one given, else the one shown last, else the one under the Fleet cursor.
    static func open(_ state: inout ConsoleState, id: MachineID?, push: Bool = false) -> [ConsoleEffect] {
        let target = id ?? state.machine.id ?? state.fleet.window.current?.id
        if push {
            if state.screen != .machine { state.history.append(state.screen) }
            state.screen = .machine
        }
        guard let target else { return [] }
        if state.machine.id != target {
            state.machine = MachineViewState()
            state.machine.id = target
        }
        state.machine.loading = true
        return [.loadMachine(target)]
    }

    static func move(_ state: inout ConsoleState, _ m: Movement) -> [ConsoleEffect] {
        guard let detail = state.machine.detail else { return [] }
        let pane = state.machine.pane
        let count: Int
        switch pane {
        case .addresses: count = detail.addresses.count
        case .utxos: count = detail.utxos.count
        case .history: count = 1
        case .policy: count = 1
        case .events: count = detail.events.count
        }
        var c = state.machine.cursors[pane.rawValue]
        switch m {
        case .up: c -= 1
        case .down: c += 1
        case .pageUp: c -= 10
        case .pageDown: c += 10
        case .top: c = 0
        case .bottom: c = count - 1
        case .by(let n): c += n
        }
        state.machine.cursors[pane.rawValue] = max(0, min(c, count - 1))
        updateQR(&state)
        return []
    }

    /// Takes freshly loaded details (keeping the cursors) and encodes the highlighted address's QR code.
    static func loaded(_ state: inout ConsoleState, _ detail: MachineDetail) -> [ConsoleEffect] {
        guard state.machine.id == detail.row.id else { return [] }
        state.machine.detail = detail
        state.machine.loading = false
        let counts = [detail.addresses.count, detail.utxos.count, 1, 1, detail.events.count]
        for (i, n) in counts.enumerated() { state.machine.cursors[i] = max(0, min(state.machine.cursors[i], n - 1)) }
        updateQR(&state)
        return []
    }

    static func updateQR(_ state: inout ConsoleState) {
        let c = state.machine.cursors[MachinePane.addresses.rawValue]
        guard let d = state.machine.detail, d.addresses.indices.contains(c) else { state.machine.qr = nil; return }
        state.machine.qr = QRMatrix.encode(d.addresses[c].address)
    }
}

/// The Dashboard's panes: moving, and Enter (a group opens the Fleet filtered to it, an alert its machine).
enum DashboardReducer {
    static func count(_ state: ConsoleState, _ pane: DashboardPane) -> Int {
        guard let s = state.summary else { return 0 }
        switch pane {
        case .groups: return s.groups.count
        case .alerts: return s.alerts.count
        case .settlements: return s.recentSettlements.count
        }
    }

    static func move(_ state: inout ConsoleState, _ m: Movement) -> [ConsoleEffect] {
        let pane = state.dashboard.pane
        let n = count(state, pane)
        var c = state.dashboard.cursors[pane.rawValue]
        switch m {
        case .up: c -= 1
        case .down: c += 1
        case .pageUp: c -= 5
        case .pageDown: c += 5
        case .top: c = 0
        case .bottom: c = n - 1
        case .by(let k): c += k
        }
        state.dashboard.cursors[pane.rawValue] = max(0, min(c, n - 1))
        return []
    }

    static func activate(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let s = state.summary else { return [] }
        let c = state.dashboard.cursors[state.dashboard.pane.rawValue]
        switch state.dashboard.pane {
        case .groups:
            guard s.groups.indices.contains(c) else { return [] }
            state.fleet.query.filter = s.groups[c].name
            state.fleet.window = ListWindow()
            state.fleet.loaded = false
            return ConsoleReducer.show(&state, .fleet)
        case .alerts:
            guard s.alerts.indices.contains(c), let id = s.alerts[c].machine else { return [] }
            return open(&state, id: id)
        case .settlements:
            state.toast("settlements open on their own screen (4) when it arrives", .info)
            return []
        }
    }

    static func open(_ state: inout ConsoleState, id: MachineID) -> [ConsoleEffect] {
        MachineReducer.open(&state, id: id, push: true)
    }
}
