import WalletKit

/// Screen 9: theme, idle lock, node URL, network, key bindings, and the recovery phrase (only on an explicit,
/// password-confirmed request; hidden on lock and when leaving the screen).
public enum SettingsScreen {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .move(.up), "Previous setting", label: "up"),
        KeyBinding([.down, .char("j")], .move(.down), "Next setting", label: "down"),
        KeyBinding([.enter], .activate, "Change the setting", label: "change", footer: true),
        KeyBinding([.left, .char("h")], .cycleOption(-1), "Previous value (theme, idle lock)", label: "previous"),
        KeyBinding([.right, .char("l")], .cycleOption(1), "Next value (theme, idle lock)", label: "next"),
        KeyBinding([.char("m")], .revealMnemonic, "Show the recovery phrase (asks for the password)", label: "recovery phrase"),
        KeyBinding([.char("H")], .hideMnemonic, "Hide the recovery phrase", label: "hide phrase"),
    ]

    public static func render(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) -> String {
        guard let s = state.settings.settings else {
            canvas.line(" loading the settings…", in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1), style: .dim)
            return ""
        }
        let listHeight = SettingsItem.allCases.count + (canvas.plain ? 1 : 2) + (state.settings.editError == nil ? 0 : 1)
        let parts = rect.rows([listHeight, 0])
        let inner = Panel.draw("Settings", in: parts[0], focused: state.settings.mnemonic == nil, canvas: &canvas)
        var y = inner.y
        for item in SettingsItem.allCases {
            let value: String
            switch item {
            case .theme: value = "\(state.themeName)   (\(state.settings.themes.joined(separator: ", ")))"
            case .idleLock: value = s.idleLockSeconds == 0 ? "never" : "\(s.idleLockSeconds) s"
            case .nodeURL: value = s.nodeURL
            case .network: value = s.network.rawValue
            case .keyBindings: value = "default (? lists them; docs/keybindings.md)"
            case .recoveryPhrase: value = state.settings.mnemonic == nil ? "hidden (Enter or m to show)" : "shown below (Enter or H hides it)"
            }
            let row = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            let isCursor = state.settings.cursor == item
            if isCursor, let field = state.settings.editing {
                FormField.draw(label: "", field: field, error: state.settings.editError, focused: true,
                               in: Rect(x: inner.x + 16, y: y, width: inner.width - 16, height: 2), canvas: &canvas)
                canvas.text(TextLayout.pad(" " + item.title, width: 26), x: row.x, y: y, style: Style(fg: .accent, attributes: .bold), limit: 26)
                y += state.settings.editError == nil ? 1 : 2
                continue
            }
            let base = isCursor ? Style(fg: .selectionFg, bg: .selectionBg, attributes: .bold) : Style.plain
            canvas.fill(row, style: base)
            canvas.text(TextLayout.pad((canvas.plain && isCursor ? ">" : " ") + item.title, width: 28), x: row.x, y: y, style: isCursor ? base : .dim, limit: row.width)
            canvas.line(value, in: Rect(x: row.x + 28, y: y, width: row.width - 28, height: 1), style: base)
            canvas.hit(row, .selectRow(item.rawValue, pane: 0))
            if isCursor && canvas.plain { canvas.cursor = Point(x: row.x, y: y) }
            y += 1
        }
        if let secret = state.settings.mnemonic {
            drawMnemonic(secret, in: parts[1], canvas: &canvas)
        } else if parts[1].height > 2 {
            let help = "Changes apply at once and are saved in the wallet. Themes are files in themes/ (btop-like colour tokens); "
                + "NO_COLOR and --plain turn colour off."
            for (i, line) in TextLayout.wrap(help, width: parts[1].width - 2).prefix(parts[1].height - 1).enumerated() {
                canvas.line(line, in: Rect(x: parts[1].x + 1, y: parts[1].y + 1 + i, width: parts[1].width - 2, height: 1), style: .dim)
            }
        }
        return "theme \(state.themeName)"
    }

    static func drawMnemonic(_ secret: Secret, in rect: Rect, canvas: inout Canvas) {
        let inner = Panel.draw("Recovery phrase", in: rect, focused: true, note: "H hides it", canvas: &canvas)
        let words = secret.reveal().split(separator: " ").map(String.init)
        let perColumn = canvas.plain ? words.count : max(1, min(inner.height - 1, (words.count + 3) / 4))
        let columns = (words.count + perColumn - 1) / max(1, perColumn)
        let width = max(1, inner.width / max(1, columns))
        canvas.line(" Write these words down, in order, and keep them offline.", in: inner, style: .warn)
        for (i, word) in words.enumerated() {
            let col = i / perColumn, row = i % perColumn
            let y = inner.y + 1 + row
            guard y < inner.maxY else { continue }
            canvas.text(TextLayout.pad(String(i + 1), width: 3, align: .right) + ". " + word, x: inner.x + 1 + col * width, y: y, style: .bold, limit: width)
        }
    }
}
