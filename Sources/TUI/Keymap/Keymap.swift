/// The binding tables: the global one here, one per screen beside the screen, one per modal and text input.
public enum Keymap {
    public static let global: [KeyBinding] = [
        KeyBinding([.char("?"), .function(1)], .openHelp, "Show every key of this screen", label: "help", footer: true),
        KeyBinding([.ctrl("p")], .openPalette, "Open the command palette (fuzzy search of every command)", label: "commands", footer: true),
        KeyBinding([.char("q")], .backOrQuit, "Go back; quit from a top screen", label: "back/quit", footer: true),
        KeyBinding([.esc], .back, "Go back or close", label: "back"),
        KeyBinding([.ctrl("c")], .quit, "Quit Kasfleet", label: "quit"),
        KeyBinding([.char("1")], .show(.dashboard), "Go to the Dashboard", label: "dashboard"),
        KeyBinding([.char("2")], .show(.fleet), "Go to the Fleet", label: "fleet"),
        KeyBinding([.char("3")], .show(.machine), "Go to the Machine (the one picked in the Fleet)", label: "machine"),
        KeyBinding([.char("7")], .show(.activity), "Go to the Activity", label: "activity"),
        KeyBinding([.char("8")], .show(.node), "Go to the Node", label: "node"),
        KeyBinding([.char("9")], .show(.settings), "Go to the Settings", label: "settings"),
        KeyBinding([.char("]")], .nextScreen, "Next screen", label: "next screen"),
        KeyBinding([.char("[")], .previousScreen, "Previous screen", label: "previous screen"),
        KeyBinding([.char("s")], .openSend, "Send funds (to the machine in view, if any)", label: "send", footer: true),
        KeyBinding([.char("r")], .openReceive, "Receive: an address as QR and text (the machine in view, if any)", label: "receive"),
        KeyBinding([.char("L")], .lock, "Lock the wallet now", label: "lock"),
        KeyBinding([.char("T")], .nextTheme, "Change the theme (the next one)", label: "theme"),
        KeyBinding([.ctrl("l")], .redraw, "Redraw the screen", label: "redraw"),
    ]

    /// Cursor keys shared by every list.
    static let listNavigation: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .move(.up), "Move up", label: "up"),
        KeyBinding([.down, .char("j")], .move(.down), "Move down", label: "down"),
        KeyBinding([.pageUp, .ctrl("b")], .move(.pageUp), "Page up", label: "page up"),
        KeyBinding([.pageDown, .ctrl("f")], .move(.pageDown), "Page down", label: "page down"),
        KeyBinding([.home, .char("g")], .move(.top), "Go to the first row", label: "top"),
        KeyBinding([.end, .char("G")], .move(.bottom), "Go to the last row", label: "bottom"),
    ]

    /// Pane focus for screens with several panes.
    static let panes: [KeyBinding] = [
        KeyBinding([.tab], .focusPane(+1), "Focus the next pane", label: "pane", footer: true),
        KeyBinding([.backTab], .focusPane(-1), "Focus the previous pane", label: "previous pane"),
    ]

    public static let filter: [KeyBinding] = [
        KeyBinding([.enter], .applyFilter, "Keep the filter and return to the list", label: "apply", footer: true),
        KeyBinding([.esc], .cancelFilter, "Clear the filter", label: "clear", footer: true),
        KeyBinding([.up], .move(.up), "Move up", label: "up"),
        KeyBinding([.down], .move(.down), "Move down", label: "down"),
    ]

    public static let palette: [KeyBinding] = [
        KeyBinding([.enter], .runPaletteItem, "Run the highlighted command", label: "run", footer: true),
        KeyBinding([.esc], .closeModal, "Close the palette", label: "close", footer: true),
        KeyBinding([.up, .ctrl("k")], .move(.up), "Previous command", label: "up"),
        KeyBinding([.down, .ctrl("j")], .move(.down), "Next command", label: "down"),
    ]

    public static let help: [KeyBinding] = [
        KeyBinding([.esc, .char("q"), .char("?")], .closeModal, "Close the help", label: "close", footer: true),
        KeyBinding([.up, .char("k")], .move(.up), "Scroll up", label: "up"),
        KeyBinding([.down, .char("j")], .move(.down), "Scroll down", label: "down"),
        KeyBinding([.pageUp], .move(.pageUp), "Page up", label: "page up"),
        KeyBinding([.pageDown, .char(" ")], .move(.pageDown), "Page down", label: "page down"),
    ]

    public static let confirm: [KeyBinding] = [
        KeyBinding([.enter, .char("y")], .confirm, "Confirm", label: "confirm", footer: true),
        KeyBinding([.esc, .char("n")], .closeModal, "Cancel", label: "cancel", footer: true),
    ]

    public static let reveal: [KeyBinding] = [
        KeyBinding([.enter], .confirm, "Show the recovery phrase", label: "show", footer: true),
        KeyBinding([.esc], .closeModal, "Cancel", label: "cancel", footer: true),
    ]

    public static let unlock: [KeyBinding] = [
        KeyBinding([.enter], .submit, "Unlock with the password", label: "unlock", footer: true),
        KeyBinding([.ctrl("c"), .esc], .quit, "Quit Kasfleet", label: "quit", footer: true),
    ]

    public static let settingsEdit: [KeyBinding] = [
        KeyBinding([.enter], .submit, "Save the value", label: "save", footer: true),
        KeyBinding([.esc], .cancelFilter, "Cancel the edit", label: "cancel", footer: true),
    ]

    public static func table(_ context: KeyContext) -> [KeyBinding] {
        switch context {
        case .global: return global
        case .dashboard: return DashboardScreen.bindings
        case .fleet: return FleetScreen.bindings
        case .machine: return MachineScreen.bindings
        case .activity: return ActivityScreen.bindings
        case .node: return NodeScreen.bindings
        case .settings: return SettingsScreen.bindings
        case .send: return SendScreen.bindings
        case .receive: return ReceiveScreen.bindings
        case .unlock: return unlock
        case .filter: return filter
        case .palette: return palette
        case .help: return help
        case .confirm: return confirm
        case .reveal: return reveal
        case .settingsEdit: return settingsEdit
        }
    }

    /// The binding a key triggers in a context: the context's table first, then the global table (for contexts
    /// that take text only its non-typing keys, and never for modals, which own every key).
    public static func lookup(_ key: Key, in context: KeyContext) -> KeyBinding? {
        if let b = table(context).first(where: { $0.keys.contains(key) }) { return b }
        switch context {
        case .palette, .help, .confirm, .reveal, .unlock, .filter, .settingsEdit: return nil
        case .send:
            if case .char = key { return nil }
            if key == .esc || key == .ctrl("p") || key == .ctrl("c") || key == .ctrl("l") || key == .function(1) {
                return global.first { $0.keys.contains(key) }
            }
            return nil
        case .global: return nil
        default: return global.first { $0.keys.contains(key) }
        }
    }

    /// The footer's hints: the context's, then (where they apply) the global ones.
    public static func footer(for context: KeyContext) -> [KeyBinding] {
        let own = table(context).filter(\.showInFooter)
        switch context {
        case .palette, .help, .confirm, .reveal, .unlock, .filter, .settingsEdit: return own
        case .send:
            return own + global.filter { ($0.showInFooter || $0.keys == [.esc]) && $0.keys.contains(where: { $0.typedCharacter == nil }) }
        default: return own + global.filter(\.showInFooter)
        }
    }

    /// docs/keybindings.md, generated from the tables (a test keeps the file current).
    public static func markdown() -> String {
        var out = "# Kasfleet console key bindings\n\nGenerated from the binding tables in `Sources/TUI` (`Keymap.markdown()`);"
        out += " the footer, the `?` overlay and the Ctrl-P palette read the same tables.\n"
        for context in KeyContext.allCases {
            out += "\n## \(context.title)\n\n| keys | what it does |\n|---|---|\n"
            for b in table(context) { out += "| \(b.asciiKeyText.replacingOccurrences(of: "|", with: "\\|")) | \(b.description) |\n" }
        }
        return out
    }
}
