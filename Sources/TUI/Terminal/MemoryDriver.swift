import Synchronization

/// A terminal in memory, for tests: it applies each frame's changed runs to its own screen (so a test sees what a
/// real terminal would show, and how many cells were written), records clipboard writes, and lets the test
/// send input events.
public final class MemoryDriver: TerminalDriver, Sendable {
    private struct Screen {
        var size: Size
        var grid: CellGrid
        var cursor: Point?
        var frames = 0
        var cellsWritten = 0
        var lastDiff: FrameDiff?
        var clipboard: [String] = []
        var palette: Palette?
        var started = false
        var stopped = false
    }

    private let screen: Mutex<Screen>
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation
    public let colorMode: ColorMode

    public init(size: Size, colorMode: ColorMode = .trueColor) {
        screen = Mutex(Screen(size: size, grid: CellGrid(size: size)))
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self)
        self.colorMode = colorMode
    }

    public var size: Size { screen.withLock { $0.size } }
    public func start() throws { screen.withLock { $0.started = true } }
    public func stop() {
        screen.withLock { $0.stopped = true }
        continuation.finish()
    }
    public func setPalette(_ palette: Palette) { screen.withLock { $0.palette = palette } }

    public func present(_ grid: CellGrid, diff: FrameDiff, cursor: Point?) {
        screen.withLock { s in
            if diff.isFull || s.grid.size != grid.size { s.grid = CellGrid(size: grid.size) }
            var target = s.grid
            for run in diff.runs {
                for x in run.x..<(run.x + run.count) { target.set(x, run.y, grid[x, run.y]) }
            }
            s.grid = target
            s.cursor = cursor
            s.frames += 1
            s.cellsWritten += diff.cellCount
            s.lastDiff = diff
        }
    }

    public func copyToClipboard(_ text: String) { screen.withLock { $0.clipboard.append(text) } }

    // MARK: - For tests

    public func send(_ event: InputEvent) { continuation.yield(event) }
    public func send(keys: [Key]) { for k in keys { continuation.yield(.key(k)) } }
    public func type(_ text: String) { for c in text { continuation.yield(.key(.char(c))) } }

    /// Changes the size and reports it, as SIGWINCH would.
    public func resize(to size: Size) {
        screen.withLock { $0.size = size }
        continuation.yield(.resize(size))
    }

    public var text: String { screen.withLock { $0.grid.text } }
    public var grid: CellGrid { screen.withLock { $0.grid } }
    public var frames: Int { screen.withLock { $0.frames } }
    public var cellsWritten: Int { screen.withLock { $0.cellsWritten } }
    public var lastDiff: FrameDiff? { screen.withLock { $0.lastDiff } }
    public var clipboard: [String] { screen.withLock { $0.clipboard } }
    public var cursor: Point? { screen.withLock { $0.cursor } }
    public var isStopped: Bool { screen.withLock { $0.stopped } }
}
