/// A cursor over a long list of which only a window of rows is loaded: the total, the loaded rows and their
/// offset, the cursor and the first row shown. Moving near the edge of what is loaded asks for the next window,
/// so a table of 100,000 machines holds only a few hundred rows.
public struct ListWindow<Row: Equatable & Sendable>: Equatable, Sendable {
    public var total: Int
    public var offset: Int
    public var rows: [Row]
    public var cursor: Int
    public var scroll: Int

    public init(total: Int = 0, offset: Int = 0, rows: [Row] = [], cursor: Int = 0, scroll: Int = 0) {
        self.total = total
        self.offset = offset
        self.rows = rows
        self.cursor = cursor
        self.scroll = scroll
    }

    /// The row at an absolute index, if loaded.
    public func row(at index: Int) -> Row? {
        let i = index - offset
        return i >= 0 && i < rows.count ? rows[i] : nil
    }

    public var current: Row? { row(at: cursor) }

    /// Moves the cursor; `page` is the number of rows visible.
    public mutating func move(_ movement: Movement, page: Int) {
        let p = max(1, page)
        switch movement {
        case .up: cursor -= 1
        case .down: cursor += 1
        case .pageUp: cursor -= p
        case .pageDown: cursor += p
        case .top: cursor = 0
        case .bottom: cursor = total - 1
        case .by(let n): cursor += n
        }
        clamp(page: p)
    }

    /// Keeps cursor and scroll inside the list and the cursor on screen.
    public mutating func clamp(page: Int) {
        let p = max(1, page)
        cursor = max(0, min(cursor, total - 1))
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + p { scroll = cursor - p + 1 }
        scroll = max(0, min(scroll, max(0, total - p)))
    }

    /// The window to load so that the visible rows and a page either side are present, or nil when they are.
    public func windowToLoad(page: Int) -> (offset: Int, limit: Int)? {
        let p = max(1, page)
        let wantStart = max(0, scroll - p), wantEnd = min(total, scroll + 2 * p)
        let loadedEnd = offset + rows.count
        if total > 0 && wantStart >= offset && wantEnd <= loadedEnd { return nil }
        if total == 0 && !rows.isEmpty { return nil }
        return (max(0, scroll - 2 * p), 5 * p)
    }

    /// Takes a freshly loaded window.
    public mutating func load(total: Int, offset: Int, rows: [Row], page: Int) {
        self.total = total
        self.offset = offset
        self.rows = rows
        clamp(page: page)
    }
}
