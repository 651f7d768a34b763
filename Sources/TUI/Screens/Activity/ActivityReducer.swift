/// The Activity list: filter and loading windows of history.
enum ActivityReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .beginFilter:
            state.activity.filterField = TextField(state.activity.filter, maxLength: 64)
            return []
        case .applyFilter:
            state.activity.filterField = nil
            return []
        case .cancelFilter:
            state.activity.filterField = nil
            return filterChanged(&state, "")
        default:
            return []
        }
    }

    static func filterChanged(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        guard text != state.activity.filter else { return [] }
        state.activity.filter = text
        state.activity.window.cursor = 0
        state.activity.window.scroll = 0
        return loadIfNeeded(&state, force: true)
    }

    static func move(_ state: inout ConsoleState, _ m: Movement) -> [ConsoleEffect] {
        state.activity.window.move(m, page: ActivityScreen.pageSize(state))
        return loadIfNeeded(&state, force: false)
    }

    static func loadIfNeeded(_ state: inout ConsoleState, force: Bool) -> [ConsoleEffect] {
        let page = ActivityScreen.pageSize(state)
        var query = ActivityQuery(filter: state.activity.filter)
        if force {
            query.offset = max(0, state.activity.window.scroll - 2 * page)
            query.limit = 5 * page
        } else {
            guard let window = state.activity.window.windowToLoad(page: page) else { return [] }
            query.offset = window.offset
            query.limit = window.limit
        }
        if !force, state.activity.requested == query { return [] }
        state.activity.requested = query
        return [.loadActivity(query)]
    }

    static func loaded(_ state: inout ConsoleState, _ page: ActivityPage, query: ActivityQuery) -> [ConsoleEffect] {
        guard query.filter == state.activity.filter else { return [] }
        if state.activity.requested == query { state.activity.requested = nil }
        state.activity.window.load(total: page.total, offset: page.offset, rows: page.rows, page: ActivityScreen.pageSize(state))
        state.activity.loaded = true
        return loadIfNeeded(&state, force: false)
    }
}
