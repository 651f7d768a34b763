/// What a frame is drawn into: the cell grid, the clickable regions (so a mouse click finds the action under it),
/// where the text cursor goes, and how to draw (Unicode or ASCII glyphs; plain mode stacks panels in one column).
public struct Canvas: Sendable {
    public var grid: CellGrid
    public var hits: [HitRegion] = []
    public var cursor: Point?
    public let glyphs: Glyphs
    public let plain: Bool

    public init(size: Size, plain: Bool = false) {
        grid = CellGrid(size: size)
        glyphs = plain ? .ascii : .unicode
        self.plain = plain
    }

    public var size: Size { grid.size }

    /// Writes text (see `CellGrid.put`), clipped to `clip`.
    @discardableResult
    public mutating func text(_ s: String, x: Int, y: Int, style: Style = .plain, limit: Int = .max, clip: Rect? = nil) -> Int {
        grid.put(s, x: x, y: y, style: style, limit: limit, clip: clip)
    }

    /// Writes text inside a rectangle's row, cut with an ellipsis when too long.
    @discardableResult
    public mutating func line(_ s: String, in rect: Rect, row: Int = 0, style: Style = .plain, align: TextAlign = .left) -> Int {
        guard row >= 0 && row < rect.height else { return 0 }
        let t = TextLayout.fit(s, width: rect.width, ellipsis: glyphs.ellipsis)
        let w = CharWidth.of(t)
        let x: Int
        switch align {
        case .left: x = rect.x
        case .right: x = rect.maxX - w
        case .center: x = rect.x + (rect.width - w) / 2
        }
        return grid.put(t, x: x, y: rect.y + row, style: style, clip: rect)
    }

    public mutating func fill(_ rect: Rect, style: Style = .plain) { grid.fill(rect, style: style) }

    /// Registers a clickable region; later regions win (overlays are drawn last).
    public mutating func hit(_ rect: Rect, _ action: ConsoleAction) {
        if !rect.isEmpty { hits.append(HitRegion(rect: rect, action: action)) }
    }

    /// The action under a point.
    public func action(at p: Point) -> ConsoleAction? { hits.last { $0.rect.contains(p) }?.action }
}

public struct HitRegion: Equatable, Sendable {
    public var rect: Rect
    public var action: ConsoleAction
}

public enum TextAlign: Sendable { case left, right, center }

/// Measuring and cutting text by display width.
public enum TextLayout {
    /// The longest prefix of `s` that fits `width` columns, ending with an ellipsis when cut.
    public static func fit(_ s: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if CharWidth.of(s) <= width { return s }
        let ew = CharWidth.of(ellipsis)
        guard width > ew else { return String(repeating: ".", count: width) }
        var out = String.UnicodeScalarView()
        var w = 0
        for sc in s.unicodeScalars {
            let cw = CharWidth.of(sc)
            if w + cw > width - ew { break }
            out.append(sc)
            w += cw
        }
        return String(out) + ellipsis
    }

    /// Pads (or cuts) to exactly `width` columns.
    public static func pad(_ s: String, width: Int, align: TextAlign = .left, ellipsis: String = "…") -> String {
        let t = fit(s, width: width, ellipsis: ellipsis)
        let gap = max(0, width - CharWidth.of(t))
        switch align {
        case .left: return t + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + t
        case .center: return String(repeating: " ", count: gap / 2) + t + String(repeating: " ", count: gap - gap / 2)
        }
    }

    /// Breaks text into lines of at most `width` columns, at spaces where possible.
    public static func wrap(_ s: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                let candidate = line.isEmpty ? w : line + " " + w
                if CharWidth.of(candidate) <= width { line = candidate; continue }
                if !line.isEmpty { lines.append(line); line = "" }
                while CharWidth.of(w) > width {
                    var head = String.UnicodeScalarView(), hw = 0
                    var rest = w.unicodeScalars[...]
                    while let sc = rest.first, hw + CharWidth.of(sc) <= width { head.append(sc); hw += CharWidth.of(sc); rest = rest.dropFirst() }
                    lines.append(String(head))
                    w = String(String.UnicodeScalarView(rest))
                }
                line = w
            }
            lines.append(line)
        }
        return lines
    }
}
