/// Ctrl-P: every command of the focused screen, the global ones and every screen, fuzzy-searched by what they
/// do (Textual's palette: "th" finds "Change theme"). Each shows its key, so the palette also teaches the keys.
public enum CommandPalette {
    public struct Item: Equatable, Sendable {
        public var title: String
        public var keys: String
        public var action: ConsoleAction
    }

    /// The context beneath the palette.
    static func context(of state: ConsoleState) -> KeyContext {
        var s = state
        if case .palette = s.modals.last { s.modals.removeLast() }
        return s.keyContext
    }

    public static func items(for state: ConsoleState) -> [Item] {
        let ctx = context(of: state)
        var items: [Item] = []
        var seen: [ConsoleAction] = []
        func add(_ b: KeyBinding) {
            guard !seen.contains(b.action), b.action != .openPalette else { return }
            seen.append(b.action)
            items.append(Item(title: b.description, keys: state.plain ? b.asciiKeyText : b.keyText, action: b.action))
        }
        if ctx != .global { Keymap.table(ctx).forEach(add) }
        Keymap.global.forEach(add)
        if state.screen != .settings {
            items.append(Item(title: "Change the theme (Settings)", keys: "9", action: .show(.settings)))
        }
        return items
    }

    public static func matches(for state: ConsoleState) -> [Item] {
        guard case .palette(let p) = state.modals.last else { return [] }
        let all = items(for: state)
        let query = p.query.text
        guard !query.isEmpty else { return all }
        return all.enumerated()
            .compactMap { i, item in Fuzzy.score(query, in: item.title).map { (i, item, $0) } }
            .sorted { ($0.2, -$0.0) > ($1.2, -$1.0) }
            .map(\.1)
    }

    public static func render(_ state: ConsoleState, palette: PaletteState, canvas: inout Canvas) {
        let matches = self.matches(for: state)
        let width = min(canvas.size.width - 4, 72)
        let height = min(canvas.size.height - 4, 16)
        let inner = ModalFrame.draw("Commands", width: width, height: height, canvas: &canvas)
        FormField.draw(label: "Find", field: palette.query, placeholder: "type to search", error: nil, focused: true,
                       in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), canvas: &canvas)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        let first = max(0, palette.cursor - list.height + 1)
        for (row, item) in matches.dropFirst(first).prefix(list.height).enumerated() {
            let index = first + row
            let y = list.y + row
            let selected = index == palette.cursor
            let style = selected ? Style(fg: .selectionFg, bg: .selectionBg, attributes: .bold) : Style.plain
            let line = Rect(x: list.x, y: y, width: list.width, height: 1)
            canvas.fill(line, style: style)
            canvas.line((canvas.plain && selected ? "> " : " ") + item.title, in: Rect(x: list.x, y: y, width: list.width - 14, height: 1), style: style)
            canvas.line(item.keys + " ", in: line, style: selected ? style : Style(fg: .warn), align: .right)
            canvas.hit(line, item.action)
        }
        if matches.isEmpty { canvas.line(" nothing matches", in: list, style: .dim) }
    }
}

/// Subsequence matching with bonuses for consecutive letters and word starts; nil when not all letters match.
public enum Fuzzy {
    public static func score(_ query: String, in text: String) -> Int? {
        let q = Array(query.lowercased()), t = Array(text.lowercased())
        guard !q.isEmpty else { return 0 }
        var score = 0, qi = 0, previous = -2
        for (ti, c) in t.enumerated() where qi < q.count && c == q[qi] {
            score += 1
            if ti == previous + 1 { score += 5 }
            if ti == 0 || t[ti - 1] == " " || t[ti - 1] == "-" || t[ti - 1] == "(" { score += 8 }
            previous = ti
            qi += 1
        }
        return qi == q.count ? score - t.count / 16 : nil
    }
}
