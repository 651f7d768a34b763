/// Cursor movement, panes, Enter and confirmations: routed to the modal on top, or the screen in view.
extension ConsoleReducer {
    static func focusPane(_ state: inout ConsoleState, _ delta: Int) -> [ConsoleEffect] {
        switch state.screen {
        case .dashboard:
            let n = DashboardPane.allCases.count
            state.dashboard.pane = DashboardPane(rawValue: ((state.dashboard.pane.rawValue + delta) % n + n) % n)!
        case .machine:
            let n = MachinePane.allCases.count
            state.machine.pane = MachinePane(rawValue: ((state.machine.pane.rawValue + delta) % n + n) % n)!
        default: break
        }
        return []
    }

    static func move(_ state: inout ConsoleState, _ m: Movement) -> [ConsoleEffect] {
        if let top = state.modals.last {
            switch top {
            case .help(let scroll):
                let page = max(1, state.size.height - 8)
                let lines = HelpOverlay.lines(for: state).count
                var s = scroll
                switch m {
                case .up: s -= 1
                case .down: s += 1
                case .pageUp: s -= page
                case .pageDown: s += page
                case .top: s = 0
                case .bottom: s = lines
                case .by(let n): s += n
                }
                state.modals[state.modals.count - 1] = .help(scroll: max(0, min(s, max(0, lines - page))))
            case .palette(var p):
                let count = CommandPalette.matches(for: state).count
                switch m {
                case .up: p.cursor -= 1
                case .down: p.cursor += 1
                case .by(let n): p.cursor += n
                case .top: p.cursor = 0
                case .bottom: p.cursor = count - 1
                case .pageUp: p.cursor -= 8
                case .pageDown: p.cursor += 8
                }
                p.cursor = max(0, min(p.cursor, count - 1))
                state.modals[state.modals.count - 1] = .palette(p)
            default: break
            }
            return []
        }
        switch state.screen {
        case .dashboard: return DashboardReducer.move(&state, m)
        case .fleet: return FleetReducer.move(&state, m)
        case .machine: return MachineReducer.move(&state, m)
        case .activity: return ActivityReducer.move(&state, m)
        case .settings: return SettingsReducer.move(&state, m)
        default: return []
        }
    }

    static func selectRow(_ state: inout ConsoleState, _ row: Int, pane: Int) -> [ConsoleEffect] {
        switch state.screen {
        case .dashboard:
            guard let p = DashboardPane(rawValue: pane) else { return [] }
            let again = state.dashboard.pane == p && state.dashboard.cursors[pane] == row
            state.dashboard.pane = p
            state.dashboard.cursors[pane] = row
            return again ? activate(&state) : []
        case .fleet:
            let again = state.fleet.window.cursor == row
            state.fleet.window.cursor = row
            state.fleet.window.clamp(page: FleetScreen.pageSize(state))
            return again ? activate(&state) : []
        case .activity:
            let again = state.activity.window.cursor == row
            state.activity.window.cursor = row
            state.activity.window.clamp(page: ActivityScreen.pageSize(state))
            return again ? activate(&state) : []
        case .machine:
            guard let p = MachinePane(rawValue: pane) else { return [] }
            state.machine.pane = p
            state.machine.cursors[pane] = row
            MachineReducer.updateQR(&state)
            return []
        case .send:
            if state.send.step == .form, let f = SendField(rawValue: row) { state.send.focus = f }
            return []
        case .settings:
            guard let item = SettingsItem(rawValue: row) else { return [] }
            let again = state.settings.cursor == item
            state.settings.cursor = item
            return again ? activate(&state) : []
        default:
            return []
        }
    }

    static func activate(_ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.screen {
        case .dashboard: return DashboardReducer.activate(&state)
        case .fleet:
            guard let row = state.fleet.window.current else { return [] }
            return MachineReducer.open(&state, id: row.id, push: true)
        case .activity:
            guard let id = state.activity.window.current?.machineId else { return [] }
            return MachineReducer.open(&state, id: id, push: true)
        case .settings: return SettingsReducer.activate(&state)
        case .send, .receive: return []
        case .machine, .node: return []
        }
    }

    static func confirm(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let top = state.modals.last else { return [] }
        switch top {
        case .confirm(let c):
            state.modals.removeLast()
            switch c.intent {
            case .setFrozen(let ids, let frozen):
                state.busy = BusyTask(frozen ? "Freezing \(ids.count) machines" : "Unfreezing \(ids.count) machines")
                return [.setFrozen(ids, frozen: frozen)]
            case .quit:
                state.quitting = true
                return [.quit]
            }
        case .reveal:
            return SettingsReducer.confirmReveal(&state)
        default:
            return []
        }
    }

    static func runPaletteItem(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .palette(let p) = state.modals.last else { return [] }
        let matches = CommandPalette.matches(for: state)
        state.modals.removeLast()
        guard matches.indices.contains(p.cursor) else { return [] }
        return reduce(&state, matches[p.cursor].action)
    }
}
