/// A screen's worth of cells, row-major. Rendering writes into it; the diff compares two of them.
public struct CellGrid: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: fill, count: self.size.width * self.size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
    }

    /// Sets one cell, keeping wide characters whole: a half-overwritten wide character becomes a space.
    @inline(__always)
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * size.width + x
        let old = cells[i]
        if old.width == 2 && cell.width != 2, x + 1 < size.width { cells[i + 1] = Cell(" ", style: cells[i + 1].style) }
        if old.width == 0 && cell.width != 0 && x > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
        cells[i] = cell
    }

    /// Writes `text` from `(x, y)`, at most `limit` columns (and never past `clip` or the grid's edge).
    /// Control characters are skipped, zero-width scalars dropped, and a wide character that does not fit
    /// whole is replaced by a space. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int = .max, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard y >= area.y && y < area.maxY else { return 0 }
        let end = min(area.maxX, limit == .max ? .max : x + max(0, limit))
        var cx = x
        for scalar in text.unicodeScalars {
            if cx >= end { break }
            let w = CharWidth.of(scalar)
            if w == 0 { continue }
            if cx < area.x { cx += w; continue }
            if w == 2 {
                if cx + 1 >= end {
                    set(cx, y, Cell(" ", style: style))
                    cx += 1
                    break
                }
                set(cx, y, Cell(scalar, style: style, width: 2))
                set(cx + 1, y, .continuation(style))
            } else {
                set(cx, y, Cell(scalar, style: style))
            }
            cx += w
        }
        return max(0, cx - x)
    }

    /// Fills a rectangle with one cell (blank spaces of a style, a shade, ...).
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { set(x, y, cell) }
        }
    }

    public mutating func fill(_ rect: Rect, style: Style) { fill(rect, with: Cell(" ", style: style)) }

    /// Changes the style of the cells in a rectangle, keeping their characters (selection bars, focus).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * size.width
            for x in r.x..<r.maxX { cells[row + x].style = transform(cells[row + x].style) }
        }
    }

    /// Copies another grid onto this one at `origin` (clipped).
    public mutating func blit(_ other: CellGrid, at origin: Point) {
        for y in 0..<other.height where origin.y + y >= 0 && origin.y + y < height {
            for x in 0..<other.width where origin.x + x >= 0 && origin.x + x < width {
                cells[(origin.y + y) * size.width + origin.x + x] = other[x, y]
            }
        }
    }

    /// One row as text (continuation cells skipped).
    public func line(_ y: Int) -> String {
        var s = String.UnicodeScalarView()
        let row = y * size.width
        for x in 0..<size.width where cells[row + x].width != 0 { s.append(cells[row + x].scalar) }
        return String(s)
    }

    /// The screen as text, one line per row, trailing spaces removed: what snapshot tests store.
    public var text: String {
        (0..<height).map { y in
            var l = line(y)
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}
