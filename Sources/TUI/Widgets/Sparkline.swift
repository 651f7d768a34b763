import WalletKit

/// Eight-level block sparklines (`▁▂▃▄▅▆▇█`), coloured along the theme's graph gradient; digits 1-8 in plain mode.
public enum Sparkline {
    /// Draws the last `width` values scaled to the largest (or to `ceiling`), oldest on the left.
    public static func render(_ values: [UInt64], width: Int, at origin: Point, ceiling: UInt64? = nil, canvas: inout Canvas) {
        guard width > 0, !values.isEmpty else { return }
        let shown = Array(values.suffix(width))
        let top = max(ceiling ?? 0, shown.max() ?? 0, 1)
        let g = canvas.glyphs
        for (i, v) in shown.enumerated() {
            let level = v == 0 ? 0 : min(8, 1 + Int(v.multipliedFullWidth(by: 7).low / top))
            let glyph = level == 0 ? (canvas.plain ? "0" : " ") : g.sparkline[level - 1]
            let token: ColorToken = level <= 3 ? .graphStart : level <= 6 ? .graphMid : .graphEnd
            canvas.text(glyph, x: origin.x + i, y: origin.y, style: Style(fg: level == 0 ? .dim : token))
        }
    }

    public static func render(_ values: [Sompi], width: Int, at origin: Point, ceiling: Sompi? = nil, canvas: inout Canvas) {
        render(values.map(\.rawValue), width: width, at: origin, ceiling: ceiling?.rawValue, canvas: &canvas)
    }
}

/// Bars for progress and budget use: `████░░░░ 42%`. Budget bars turn `warn` past 80% and `danger` past 100%.
public enum ProgressBar {
    public static func render(permille: Int, width: Int, at origin: Point, label: String? = nil, budget: Bool = false, canvas: inout Canvas) {
        guard width > 0 else { return }
        let text = label ?? "\(permille / 10)%"
        let barWidth = max(0, width - CharWidth.of(text) - 1)
        let filled = min(barWidth, barWidth * min(permille, 1000) / 1000)
        let token: ColorToken = !budget ? .accent : permille > 1000 ? .danger : permille > 800 ? .warn : .ok
        let g = canvas.glyphs
        canvas.text(String(repeating: g.barFull, count: filled), x: origin.x, y: origin.y, style: Style(fg: token))
        canvas.text(String(repeating: g.barEmpty, count: barWidth - filled), x: origin.x + filled, y: origin.y, style: .dim)
        canvas.text(text, x: origin.x + barWidth + (barWidth > 0 ? 1 : 0), y: origin.y, style: Style(fg: budget && permille > 1000 ? .danger : .fg), limit: width)
    }
}

extension ProgressBar {
    /// The same bar as text, for table cells: `███░ 82%`.
    public static func text(permille: Int, width: Int, glyphs: Glyphs) -> String {
        let label = TextLayout.pad("\(permille / 10)%", width: 4, align: .right)
        let barWidth = max(0, width - label.count - 1)
        let filled = min(barWidth, barWidth * min(permille, 1000) / 1000)
        let bar = String(repeating: glyphs.barFull, count: filled) + String(repeating: glyphs.barEmpty, count: barWidth - filled)
        return barWidth > 0 ? bar + " " + label : label
    }

    /// The style of a budget: ok, warn past 80%, danger past 100%.
    public static func budgetStyle(_ permille: Int) -> Style {
        Style(fg: permille > 1000 ? .danger : permille > 800 ? .warn : .ok)
    }
}
