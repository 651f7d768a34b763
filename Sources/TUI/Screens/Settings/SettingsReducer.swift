/// The Settings screen: cycling the theme, editing the idle lock and the node URL, and the recovery phrase
/// (shown only after the password is typed again; dropped on lock and when leaving the screen).
enum SettingsReducer {
    static func reduce(_ state: inout ConsoleState, _ action: ConsoleAction) -> [ConsoleEffect] {
        switch action {
        case .cycleOption(let d):
            switch state.settings.cursor {
            case .theme: return cycleTheme(&state, by: d)
            case .idleLock:
                guard var s = state.settings.settings else { return [] }
                s.idleLockSeconds = max(0, s.idleLockSeconds + 60 * d)
                return [.saveSettings(s)]
            default:
                if var f = state.settings.editing {
                    _ = f.apply(d < 0 ? .left : .right)
                    state.settings.editing = f
                }
                return []
            }
        case .submit: return saveEdit(&state)
        case .revealMnemonic:
            guard state.screen == .settings, state.settings.mnemonic == nil else { return [] }
            state.modals.append(.reveal(RevealState()))
            return []
        case .hideMnemonic:
            state.settings.mnemonic = nil
            return []
        case .mnemonicRevealed(let secret):
            if case .reveal = state.modals.last { state.modals.removeLast() }
            guard !state.lock.isLocked, state.screen == .settings else { return [] }
            state.settings.mnemonic = secret
            return []
        case .mnemonicFailed(let f):
            guard case .reveal(var r) = state.modals.last else { return [] }
            r.busy = false
            r.error = f.message
            r.password.clear()
            state.modals[state.modals.count - 1] = .reveal(r)
            return []
        case .settingsSaved(let s):
            state.settings.settings = s
            state.toast("settings saved", .ok, seconds: 2)
            return []
        default:
            return []
        }
    }

    static func move(_ state: inout ConsoleState, _ m: Movement) -> [ConsoleEffect] {
        let all = SettingsItem.allCases
        var i = state.settings.cursor.rawValue
        switch m {
        case .up: i -= 1
        case .down: i += 1
        case .pageUp, .top: i = 0
        case .pageDown, .bottom: i = all.count - 1
        case .by(let n): i += n
        }
        state.settings.cursor = all[max(0, min(i, all.count - 1))]
        return []
    }

    static func activate(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let s = state.settings.settings else { return [] }
        switch state.settings.cursor {
        case .theme: return cycleTheme(&state, by: 1)
        case .idleLock:
            state.settings.editing = TextField(String(s.idleLockSeconds), maxLength: 6)
        case .nodeURL:
            state.settings.editing = TextField(s.nodeURL, maxLength: 200)
        case .network:
            state.toast("the network is chosen when the wallet is opened (--network)", .info)
        case .keyBindings:
            state.toast("? lists this screen's keys; docs/keybindings.md lists them all", .info)
        case .recoveryPhrase:
            return reduce(&state, state.settings.mnemonic == nil ? .revealMnemonic : .hideMnemonic)
        }
        state.settings.editError = nil
        return []
    }

    static func cycleTheme(_ state: inout ConsoleState, by d: Int) -> [ConsoleEffect] {
        guard var s = state.settings.settings else { return [] }
        let themes = state.settings.themes.isEmpty ? ["dark"] : state.settings.themes
        let i = themes.firstIndex(of: state.themeName) ?? 0
        let next = themes[((i + d) % themes.count + themes.count) % themes.count]
        s.theme = next
        return [.applyTheme(next), .saveSettings(s)]
    }

    static func saveEdit(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let field = state.settings.editing, var s = state.settings.settings else { return [] }
        let text = field.text.trimmingCharacters(in: .whitespaces)
        switch state.settings.cursor {
        case .idleLock:
            guard let seconds = Int(text), (0...86_400).contains(seconds) else {
                state.settings.editError = "type whole seconds from 0 (never lock) to 86400"
                return []
            }
            s.idleLockSeconds = seconds
        case .nodeURL:
            guard !text.isEmpty, !text.contains(" ") else {
                state.settings.editError = "type the node's address, such as grpc://127.0.0.1:16110"
                return []
            }
            s.nodeURL = text
        default:
            break
        }
        state.settings.editing = nil
        state.settings.editError = nil
        return [.saveSettings(s)]
    }

    static func cancelEdit(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.settings.editing = nil
        state.settings.editError = nil
        return []
    }

    static func confirmReveal(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .reveal(var r) = state.modals.last, !r.busy else { return [] }
        guard !r.password.text.isEmpty else {
            r.error = "type the wallet password to show the recovery phrase"
            state.modals[state.modals.count - 1] = .reveal(r)
            return []
        }
        let password = Secret(text: r.password.text)
        r.password.clear()
        r.busy = true
        r.error = nil
        state.modals[state.modals.count - 1] = .reveal(r)
        return [.revealMnemonic(password)]
    }
}
