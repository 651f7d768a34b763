/// The Fleet table's actions: filter, sort, selection, freezing, and loading windows of machines.
enum FleetReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .beginFilter:
            state.fleet.filterField = TextField(state.fleet.query.filter, maxLength: 64)
            return []
        case .applyFilter:
            state.fleet.filterField = nil
            return []
        case .cancelFilter:
            state.fleet.filterField = nil
            return filterChanged(&state, "")
        case .toggleSelection:
            guard let row = state.fleet.window.current else { return [] }
            if state.fleet.selection.contains(row.id) { state.fleet.selection.remove(row.id) } else { state.fleet.selection.insert(row.id) }
            return move(&state, .down)
        case .selectAllShown:
            let w = state.fleet.window
            for i in w.scroll..<min(w.total, w.scroll + FleetScreen.pageSize(state)) {
                if let row = w.row(at: i) { state.fleet.selection.insert(row.id) }
            }
            return []
        case .clearSelection:
            state.fleet.selection = []
            return []
        case .nextSort:
            let keys = MachineSortKey.allCases
            let next = keys[((keys.firstIndex(of: state.fleet.query.sort) ?? 0) + 1) % keys.count]
            return sort(&state, by: next, ascending: next == .name || next == .group || next == .status)
        case .reverseSort:
            return sort(&state, by: state.fleet.query.sort, ascending: !state.fleet.query.ascending)
        case .sortBy(let key):
            let ascending = key == state.fleet.query.sort ? !state.fleet.query.ascending : (key == .name || key == .group || key == .status)
            return sort(&state, by: key, ascending: ascending)
        default:
            return []
        }
    }

    static func sort(_ state: inout ConsoleState, by key: MachineSortKey, ascending: Bool) -> [ConsoleEffect] {
        state.fleet.query.sort = key
        state.fleet.query.ascending = ascending
        state.fleet.window.cursor = 0
        state.fleet.window.scroll = 0
        return loadIfNeeded(&state, force: true)
    }

    static func filterChanged(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        guard text != state.fleet.query.filter else { return [] }
        state.fleet.query.filter = text
        state.fleet.window.cursor = 0
        state.fleet.window.scroll = 0
        return loadIfNeeded(&state, force: true)
    }

    static func move(_ state: inout ConsoleState, _ m: Movement) -> [ConsoleEffect] {
        state.fleet.window.move(m, page: FleetScreen.pageSize(state))
        return loadIfNeeded(&state, force: false)
    }

    /// Asks for the window around the visible rows when it is not loaded (or always, with `force`).
    static func loadIfNeeded(_ state: inout ConsoleState, force: Bool) -> [ConsoleEffect] {
        let page = FleetScreen.pageSize(state)
        var query = state.fleet.query
        if force {
            let w = state.fleet.window
            let start = max(0, w.scroll - 2 * page)
            query.offset = start
            query.limit = 5 * page
        } else {
            guard let window = state.fleet.window.windowToLoad(page: page) else { return [] }
            query.offset = window.offset
            query.limit = window.limit
        }
        if !force, let r = state.fleet.requested, r.sameOrdering(as: query), r.offset == query.offset { return [] }
        state.fleet.requested = query
        return [.loadMachines(query)]
    }

    static func loaded(_ state: inout ConsoleState, _ page: MachinePage, query: MachineQuery) -> [ConsoleEffect] {
        guard query.sameOrdering(as: state.fleet.query) else { return [] }
        if state.fleet.requested == query { state.fleet.requested = nil }
        state.fleet.window.load(total: page.total, offset: page.offset, rows: page.rows, page: FleetScreen.pageSize(state))
        state.fleet.loaded = true
        return loadIfNeeded(&state, force: false)
    }

    /// `f`: freezes the targets (the selection, or the machine under the cursor; on the Machine screen, that
    /// machine), or unfreezes them when all are frozen. More than one machine asks first.
    static func toggleFreeze(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let targets: [MachineRow]
        switch state.screen {
        case .fleet: targets = state.fleet.targets
        case .machine: targets = state.machine.detail.map { [$0.row] } ?? []
        default: return []
        }
        let ids = state.screen == .fleet ? state.fleet.targetIDs : targets.map(\.id)
        guard !ids.isEmpty else { return [] }
        let freeze = !(targets.count == ids.count && targets.allSatisfy { $0.status == .frozen })
        if ids.count > 1 {
            let verb = freeze ? "Freeze" : "Unfreeze"
            let what = freeze ? "They will not be able to spend until unfrozen." : "They will be able to spend within their budgets again."
            state.modals.append(.confirm(ConfirmState(title: "\(verb) \(ids.count) machines?", message: what, intent: .setFrozen(ids, frozen: freeze))))
            return []
        }
        state.busy = BusyTask(freeze ? "Freezing \(targets.first?.name ?? "machine")" : "Unfreezing \(targets.first?.name ?? "machine")")
        return [.setFrozen(ids, frozen: freeze)]
    }
}
