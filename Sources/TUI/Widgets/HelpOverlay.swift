/// `?`: every binding of the focused context and the global ones, from the same tables as the footer.
public enum HelpOverlay {
    public struct Line: Equatable, Sendable {
        public var keys: String
        public var text: String
        public var isHeading: Bool
    }

    /// The context beneath the help overlay.
    static func context(of state: ConsoleState) -> KeyContext {
        var s = state
        if case .help = s.modals.last { s.modals.removeLast() }
        return s.keyContext
    }

    public static func lines(for state: ConsoleState) -> [Line] {
        let ctx = context(of: state)
        var out: [Line] = []
        let ascii = state.plain
        func section(_ c: KeyContext) {
            out.append(Line(keys: "", text: c.title, isHeading: true))
            for b in Keymap.table(c) { out.append(Line(keys: ascii ? b.asciiKeyText : b.keyText, text: b.description, isHeading: false)) }
        }
        section(ctx)
        if ctx != .global && !ctx.takesText && ctx != .help { section(.global) }
        return out
    }

    public static func render(_ state: ConsoleState, scroll: Int, canvas: inout Canvas) {
        let lines = self.lines(for: state)
        let width = min(canvas.size.width - 4, 76)
        let height = min(canvas.size.height - 2, lines.count + 2)
        let inner = ModalFrame.draw("Keys", width: width, height: height, canvas: &canvas)
        let keyWidth = min(16, (lines.map { CharWidth.of($0.keys) }.max() ?? 0) + 2)
        for (row, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.isHeading {
                canvas.line(line.text, in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: 1), style: Style(fg: .accent, attributes: .bold))
            } else {
                canvas.text(TextLayout.pad(line.keys, width: keyWidth), x: inner.x + 1, y: y, style: Style(fg: .warn, attributes: .bold), limit: inner.width)
                canvas.line(line.text, in: Rect(x: inner.x + 1 + keyWidth, y: y, width: inner.width - keyWidth - 1, height: 1))
            }
        }
    }
}
