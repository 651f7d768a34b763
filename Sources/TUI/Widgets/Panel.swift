/// A titled box. The focused panel's border takes the accent colour; in plain mode there is no border, only the
/// title on its own line (marked `>` when focused), so a screen reader reads the title, then the items.
public enum Panel {
    /// Draws the panel and returns the rectangle inside it.
    @discardableResult
    public static func draw(_ title: String, in rect: Rect, focused: Bool = false, note: String? = nil, click: ConsoleAction? = nil,
                            canvas: inout Canvas) -> Rect {
        guard !rect.isEmpty else { return rect }
        canvas.fill(rect)
        if let click { canvas.hit(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), click) }
        if canvas.plain {
            var head = (focused ? "> " : "") + title
            if let note { head += " (\(note))" }
            canvas.line(head, in: rect, style: .title)
            return Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        }
        let g = canvas.glyphs
        let border = Style(fg: focused ? .borderFocus : .border)
        let inner = max(0, rect.width - 2)
        canvas.text(g.topLeft + String(repeating: g.horizontal, count: inner) + g.topRight, x: rect.x, y: rect.y, style: border)
        if rect.height > 1 {
            canvas.text(g.bottomLeft + String(repeating: g.horizontal, count: inner) + g.bottomRight, x: rect.x, y: rect.maxY - 1, style: border)
        }
        if rect.height > 2 {
            for y in (rect.y + 1)..<(rect.maxY - 1) {
                canvas.text(g.vertical, x: rect.x, y: y, style: border)
                canvas.text(g.vertical, x: rect.maxX - 1, y: y, style: border)
            }
        }
        let titleArea = Rect(x: rect.x + 2, y: rect.y, width: max(0, rect.width - 4), height: 1)
        let used = canvas.line(" \(title) ", in: titleArea, style: focused ? Style(fg: .accent, attributes: .bold) : .title)
        if let note {
            let noteArea = Rect(x: titleArea.x + used + 1, y: rect.y, width: max(0, titleArea.width - used - 1), height: 1)
            canvas.line(" \(note) ", in: noteArea, style: .dim, align: .right)
        }
        return rect.inset(by: 1)
    }
}

/// A list of "label  value" lines (one item per line in every mode).
public enum KeyValueList {
    public static func draw(_ items: [(String, String, Style)], in rect: Rect, labelWidth: Int? = nil, canvas: inout Canvas) {
        let lw = labelWidth ?? min(rect.width / 2, (items.map { CharWidth.of($0.0) }.max() ?? 0) + 2)
        for (i, item) in items.enumerated() where i < rect.height {
            let y = rect.y + i
            canvas.text(TextLayout.pad(item.0 + (canvas.plain ? ":" : ""), width: lw), x: rect.x, y: y, style: .dim, limit: rect.width)
            canvas.line(item.1, in: Rect(x: rect.x + lw, y: y, width: rect.width - lw, height: 1), style: item.2)
        }
    }
}
