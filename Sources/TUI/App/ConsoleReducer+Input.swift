/// Terminal input into actions: keys through the binding tables (or into the focused text field), mouse clicks
/// through the hit regions of the frame on screen, wheel as scrolling, pastes into the focused field.
extension ConsoleReducer {
    static func input(_ state: inout ConsoleState, _ event: InputEvent) -> [ConsoleEffect] {
        switch event {
        case .resize(let size):
            state.size = size
            return resized(&state)
        case .signal(let number):
            state.exitSignal = number
            state.quitting = true
            return [.quit]
        case .key(let key):
            state.lastInputAt = state.now
            return self.key(&state, key)
        case .mouse(let mouse):
            state.lastInputAt = state.now
            return self.mouse(&state, mouse)
        case .paste(let text):
            state.lastInputAt = state.now
            return edit(&state) { $0.insert(text) }
        }
    }

    static func key(_ state: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        if state.size.isBelowMinimum {
            if key == .char("q") || key == .ctrl("c") { return reduce(&state, .quit) }
            return []
        }
        let context = state.keyContext
        if let binding = Keymap.lookup(key, in: context) { return reduce(&state, binding.action) }
        // Esc and a key typed quickly arrive as Alt-key; unbound, it is what the operator meant: Esc, then the key.
        if case .alt(let c) = key { return self.key(&state, .esc) + self.key(&state, .char(c)) }
        if context.takesText { return edit(&state) { field in _ = field.apply(key) } }
        return []
    }

    static func mouse(_ state: inout ConsoleState, _ mouse: MouseEvent) -> [ConsoleEffect] {
        guard !state.size.isBelowMinimum else { return [] }
        switch mouse.kind {
        case .press(button: 0):
            let canvas = ConsoleView.render(state)
            guard let action = canvas.action(at: mouse.position) else { return [] }
            return reduce(&state, action)
        case .wheelUp: return reduce(&state, .move(.by(-3)))
        case .wheelDown: return reduce(&state, .move(.by(3)))
        default: return []
        }
    }

    /// Applies an edit to the text field that has the focus, then lets its owner react (live filter, validation).
    static func edit(_ state: inout ConsoleState, _ change: (inout TextField) -> Void) -> [ConsoleEffect] {
        switch state.keyContext {
        case .unlock:
            guard case .locked(var u) = state.lock, !u.busy else { return [] }
            change(&u.password)
            u.error = nil
            state.lock = .locked(u)
            return []
        case .palette:
            guard case .palette(var p) = state.modals.last else { return [] }
            change(&p.query)
            p.cursor = 0
            state.modals[state.modals.count - 1] = .palette(p)
            return []
        case .reveal:
            guard case .reveal(var r) = state.modals.last, !r.busy else { return [] }
            change(&r.password)
            r.error = nil
            state.modals[state.modals.count - 1] = .reveal(r)
            return []
        case .filter:
            if state.screen == .activity {
                guard var f = state.activity.filterField else { return [] }
                change(&f)
                state.activity.filterField = f
                return ActivityReducer.filterChanged(&state, f.text)
            }
            guard var f = state.fleet.filterField else { return [] }
            change(&f)
            state.fleet.filterField = f
            return FleetReducer.filterChanged(&state, f.text)
        case .settingsEdit:
            guard var f = state.settings.editing else { return [] }
            change(&f)
            state.settings.editing = f
            state.settings.editError = nil
            return []
        case .send:
            return SendReducer.edit(&state, change)
        default:
            return []
        }
    }

    /// After a resize: lists keep their cursor on screen and load what became visible.
    static func resized(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.size.isBelowMinimum, !state.lock.isLocked else { return [] }
        state.fleet.window.clamp(page: FleetScreen.pageSize(state))
        state.activity.window.clamp(page: ActivityScreen.pageSize(state))
        switch state.screen {
        case .fleet: return FleetReducer.loadIfNeeded(&state, force: false)
        case .activity: return ActivityReducer.loadIfNeeded(&state, force: false)
        default: return []
        }
    }
}
