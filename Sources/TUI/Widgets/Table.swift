/// A column of a `Table`.
public struct TableColumn: Sendable {
    public var title: String
    public var width: Int
    /// Share of the room left over (0: fixed width).
    public var flex: Int
    public var align: TextAlign
    /// When the table is too narrow, columns with the lowest priority go first.
    public var priority: Int
    /// Clicking the header (sorting).
    public var headerAction: ConsoleAction?

    public init(_ title: String, width: Int, flex: Int = 0, align: TextAlign = .left, priority: Int = 5, headerAction: ConsoleAction? = nil) {
        self.title = title
        self.width = width
        self.flex = flex
        self.align = align
        self.priority = priority
        self.headerAction = headerAction
    }
}

public struct TableRow: Sendable {
    public var cells: [String]
    /// Per-cell styles (nil: the row's).
    public var styles: [Style?]
    public var marked: Bool
    public init(_ cells: [String], styles: [Style?] = [], marked: Bool = false) {
        self.cells = cells
        self.styles = styles
        self.marked = marked
    }
}

/// A virtualised table: only the visible rows are asked for (`row(i)`), so the size of the list does not matter.
/// A leading mark column shows multi-selection; the cursor row is highlighted (and, in plain mode, marked `>`
/// and given the terminal cursor so screen readers follow it); rows not loaded yet show as an ellipsis.
public enum Table {
    public struct Placed: Equatable, Sendable {
        public var column: Int
        public var x: Int
        public var width: Int
    }

    static let markWidth = 2

    /// Which columns fit and where they go.
    public static func layout(_ columns: [TableColumn], width: Int) -> [Placed] {
        var kept = Array(columns.indices)
        func needed(_ ks: [Int]) -> Int { ks.reduce(markWidth) { $0 + columns[$1].width } + max(0, ks.count - 1) }
        while needed(kept) > width, kept.count > 1 {
            let drop = kept.min { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }!
            kept.removeAll { $0 == drop }
        }
        var extra = max(0, width - needed(kept))
        let flexTotal = kept.reduce(0) { $0 + columns[$1].flex }
        var widths = kept.map { columns[$0].width }
        if flexTotal > 0 {
            let share = extra
            for (n, c) in kept.enumerated() where columns[c].flex > 0 {
                let add = share * columns[c].flex / flexTotal
                widths[n] += add
                extra -= add
            }
            if let last = kept.lastIndex(where: { columns[$0].flex > 0 }) { widths[last] += extra }
        }
        var x = markWidth
        return kept.enumerated().map { n, c in
            defer { x += widths[n] + 1 }
            return Placed(column: c, x: x, width: widths[n])
        }
    }

    public static func render(columns: [TableColumn], sort: (column: Int, ascending: Bool)?, in rect: Rect, total: Int, scroll: Int,
                              cursor: Int?, focused: Bool, pane: Int = 0, canvas: inout Canvas, row: (Int) -> TableRow?) {
        guard rect.height > 0, rect.width > 0 else { return }
        let placed = layout(columns, width: rect.width)
        let g = canvas.glyphs
        for p in placed {
            var title = columns[p.column].title
            if let s = sort, s.column == p.column { title += " " + (s.ascending ? g.sortAscending : g.sortDescending) }
            let area = Rect(x: rect.x + p.x, y: rect.y, width: p.width, height: 1)
            canvas.text(TextLayout.pad(title, width: p.width, align: columns[p.column].align, ellipsis: g.ellipsis), x: area.x, y: area.y,
                        style: Style(fg: .dim, attributes: .bold), clip: rect)
            if let a = columns[p.column].headerAction { canvas.hit(area, a) }
        }
        let visible = rect.height - 1
        for r in 0..<max(0, visible) {
            let i = scroll + r
            guard i < total else { break }
            let y = rect.y + 1 + r
            let isCursor = i == cursor
            var base = Style.plain
            if isCursor { base = focused ? Style(fg: .selectionFg, bg: .selectionBg, attributes: .bold) : Style(fg: .fg, bg: .cursorBg) }
            let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
            canvas.fill(line, style: base)
            canvas.hit(line, .selectRow(i, pane: pane))
            guard let data = row(i) else {
                canvas.text(g.ellipsis, x: rect.x + markWidth, y: y, style: base.fg(.dim), clip: rect)
                continue
            }
            var mark = data.marked ? g.selected : g.unselected
            if canvas.plain && isCursor { mark = data.marked ? ">*" : ">" }
            canvas.text(mark, x: rect.x, y: y, style: data.marked ? base.fg(.accent) : base, limit: markWidth, clip: rect)
            if isCursor && canvas.plain { canvas.cursor = Point(x: rect.x, y: y) }
            for p in placed where p.column < data.cells.count {
                var style = base
                if !isCursor || !focused, p.column < data.styles.count, let s = data.styles[p.column] { style = s.bg(base.bg) }
                canvas.text(TextLayout.pad(data.cells[p.column], width: p.width, align: columns[p.column].align, ellipsis: g.ellipsis),
                            x: rect.x + p.x, y: y, style: style, clip: rect)
            }
        }
    }
}
