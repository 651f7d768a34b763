/// The top bar (network, node, sync state, DAA score, wallet lock, clock), the tab bar and the status line
/// (transient messages, long work with a spinner).
public enum StatusBar {
    public static func drawTop(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, style: .bar)
        let g = canvas.glyphs
        var x = rect.x + 1
        func put(_ s: String, _ style: Style) {
            x += canvas.text(s, x: x, y: rect.y, style: style.bg(.barBg), limit: rect.maxX - x - 1)
        }
        put("Kasfleet", Style(fg: .accent, attributes: .bold))
        put(g.separator, Style(fg: .dim))
        put((state.node?.network ?? state.settings.settings?.network).map(\.rawValue) ?? "…", .bar)
        put(g.separator, Style(fg: .dim))
        if let node = state.node {
            let (symbol, token) = nodeSymbol(node.sync, glyphs: g)
            put("node ", .bar)
            put(symbol + " " + node.stateText, Style(fg: token, attributes: .bold))
            if let daa = node.daaScore {
                put(g.separator, Style(fg: .dim))
                put("DAA \(NumberText.grouped(daa))", .bar)
            }
        } else {
            put("node …", Style(fg: .dim))
        }
        let lockWord = state.lock.isLocked ? "locked" : "unlocked"
        let clock = "  " + TimeText.clock(state.now, offset: state.utcOffset) + " "
        let start = rect.maxX - CharWidth.of(lockWord + clock)
        if start > x + 1 {
            let lockStyle = state.lock.isLocked ? Style(fg: .warn, bg: .barBg, attributes: .bold) : Style.bar
            canvas.text(lockWord, x: start, y: rect.y, style: lockStyle)
            canvas.text(clock, x: start + CharWidth.of(lockWord), y: rect.y, style: .bar)
        }
    }

    static func nodeSymbol(_ sync: NodeStatus.Sync, glyphs g: Glyphs) -> (String, ColorToken) {
        switch sync {
        case .synced: return (g.ok, .ok)
        case .syncing, .connecting: return (g.info, .warn)
        case .behind, .lagging: return (g.warn, .warn)
        case .offline: return (g.danger, .danger)
        }
    }

    public static func drawTabs(_ state: ConsoleState, in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect)
        var x = rect.x + 1
        var tabs = ScreenID.tabs
        if !tabs.contains(state.screen) { tabs.append(state.screen) }
        for screen in tabs {
            let label = screen.number.map { " \($0) \(screen.title) " } ?? " \(screen.title) "
            let w = CharWidth.of(label)
            guard x + w <= rect.maxX else { break }
            let active = screen == state.screen
            let style = active ? Style(fg: .tabActiveFg, bg: .tabActiveBg, attributes: .bold) : Style(fg: .dim)
            let shown = canvas.plain && active ? "[" + label.dropFirst().dropLast() + "]" : label
            canvas.text(shown, x: x, y: rect.y, style: style)
            canvas.hit(Rect(x: x, y: rect.y, width: w, height: 1), .show(screen))
            x += w + 1
        }
    }

    /// The status line: long work (spinner, bar) on the left, else the newest message; `right` on the right.
    public static func drawStatus(_ state: ConsoleState, right: String, in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect)
        let g = canvas.glyphs
        var leftWidth = rect.width
        let rw = CharWidth.of(right)
        if rw > 0 && rw + 2 < rect.width {
            canvas.text(right, x: rect.maxX - rw - 1, y: rect.y, style: .dim)
            leftWidth = rect.width - rw - 3
        }
        let left = Rect(x: rect.x + 1, y: rect.y, width: max(0, leftWidth - 1), height: 1)
        if let busy = state.busy {
            let spin = g.spinner[state.spinnerPhase % g.spinner.count]
            let used = canvas.line(spin + " " + busy.label, in: left, style: .accent)
            if let p = busy.progress, left.width - used > 12 {
                ProgressBar.render(permille: p.permille, width: min(30, left.width - used - 2), at: Point(x: left.x + used + 2, y: rect.y), canvas: &canvas)
            }
        } else if let toast = state.toasts.last {
            let (symbol, style): (String, Style) = {
                switch toast.kind {
                case .info: return (g.info, .accent)
                case .ok: return (g.ok, .ok)
                case .warning: return (g.warn, .warn)
                case .error: return (g.danger, .danger)
                }
            }()
            canvas.line(symbol + " " + toast.text, in: left, style: style)
        }
    }
}

/// The footer: key hints of the focused context (`DisplayOnScreen` bindings), each clickable.
public enum Footer {
    public static func draw(_ context: KeyContext, in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, style: .bar)
        var x = rect.x + 1
        for b in Keymap.footer(for: context) {
            let keys = canvas.plain ? b.asciiKeyText : b.keyText
            let w = CharWidth.of(keys) + 1 + CharWidth.of(b.label)
            guard x + w < rect.maxX else { break }
            canvas.text(keys, x: x, y: rect.y, style: Style(fg: .accent, bg: .barBg, attributes: .bold))
            canvas.text(b.label, x: x + CharWidth.of(keys) + 1, y: rect.y, style: .bar)
            canvas.hit(Rect(x: x, y: rect.y, width: w, height: 1), b.action)
            x += w + 2
        }
    }
}
