/// A labelled input line with its inline validation message underneath:
///
///     To        drone-0007▏
///               ✗ no machine named 'drone-0007x'
///
/// The focused field shows the terminal cursor; a secure field shows bullets.
public enum FormField {
    public static let labelWidth = 10

    /// Draws the field in the first row of `rect` and the message (if any) in the second; returns the rows used.
    @discardableResult
    public static func draw(label: String, field: TextField?, value: String? = nil, placeholder: String = "", error: String?, focused: Bool,
                            in rect: Rect, click: ConsoleAction? = nil, canvas: inout Canvas) -> Int {
        guard rect.height > 0 else { return 0 }
        let labelStyle = focused ? Style(fg: .accent, attributes: .bold) : Style.dim
        let marker = canvas.plain ? (focused ? "> " : "  ") : ""
        canvas.text(TextLayout.pad(marker + label + (canvas.plain ? ":" : ""), width: labelWidth), x: rect.x, y: rect.y, style: labelStyle, limit: rect.width)
        let box = Rect(x: rect.x + labelWidth, y: rect.y, width: max(0, rect.width - labelWidth), height: 1)
        canvas.fill(box, style: Style(bg: .inputBg))
        if let click { canvas.hit(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), click) }
        let shown = value ?? field?.displayText ?? ""
        if shown.isEmpty && !placeholder.isEmpty {
            canvas.line(placeholder, in: box, style: Style(fg: .dim, bg: .inputBg))
        } else {
            // Keep the cursor in view: show the tail of a long value.
            var text = shown
            while CharWidth.of(text) >= box.width, !text.isEmpty { text.removeFirst() }
            canvas.line(text, in: box, style: Style(fg: .fg, bg: .inputBg))
        }
        if focused, let f = field {
            let before = String(f.displayText.prefix(f.cursor))
            let offset = CharWidth.of(shown) >= box.width ? CharWidth.of(shown) - box.width + 1 : 0
            canvas.cursor = Point(x: box.x + min(box.width - 1, CharWidth.of(before) - offset), y: box.y)
        }
        guard let error, rect.height > 1 else { return 1 }
        let g = canvas.glyphs
        canvas.line(g.danger + " " + error, in: Rect(x: box.x, y: rect.y + 1, width: box.width, height: 1), style: .danger)
        return 2
    }
}

/// A centred box over the screen (help, palette, confirmations).
public enum ModalFrame {
    public static func draw(_ title: String, width: Int, height: Int, canvas: inout Canvas) -> Rect {
        let area = canvas.grid.bounds.inset(dx: 2, dy: 1)
        let rect = area.centered(width: width, height: height)
        return Panel.draw(title, in: rect, focused: true, canvas: &canvas)
    }
}
