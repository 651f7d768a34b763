/// The terminal the console draws on and reads from. `NcursesDriver` is the real one (the only code that calls
/// ncurses); `MemoryDriver` keeps the screen in memory for tests.
public protocol TerminalDriver: AnyObject, Sendable {
    /// The terminal's size now.
    var size: Size { get }
    /// Colours the terminal can show (from `COLORTERM`, `NO_COLOR` and terminfo).
    var colorMode: ColorMode { get }
    /// Keys, mouse, pastes, resizes and termination signals, in arrival order.
    var events: AsyncStream<InputEvent> { get }

    /// Takes over the terminal: alternate screen, raw mode, mouse and bracketed paste on, cursor hidden.
    func start() throws
    /// Gives the terminal back as it was. Safe to call more than once.
    func stop()
    /// Colours to resolve style tokens with from now on.
    func setPalette(_ palette: Palette)
    /// Writes the changed runs of `grid` (and places the cursor, or hides it when nil).
    func present(_ grid: CellGrid, diff: FrameDiff, cursor: Point?)
    /// Puts text on the system clipboard through OSC 52 (write only; works over SSH and in tmux).
    func copyToClipboard(_ text: String)
}
