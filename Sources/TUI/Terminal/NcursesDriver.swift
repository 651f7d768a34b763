@preconcurrency import CNcursesw
import Dispatch
import Foundation
import Glibc
import Synchronization

/// The real terminal, through ncurses: the only file that calls it.
///
/// ncurses sets the terminal up (`newterm`: alternate screen through terminfo's smcup, raw mode, no echo) and
/// reads keys (`wget_wch` with `keypad`, so terminfo key sequences arrive as key codes, and `KEY_RESIZE` on
/// SIGWINCH). Frames are written as escape sequences directly (`EscapeWriter`), because that is how true colour,
/// SGR 1006 mouse, bracketed paste, synchronized output and OSC 52 reach terminals whose terminfo knows none of
/// them. All ncurses calls after `start` happen on the one input thread, so ncurses is never used from two
/// threads at once; `stop` joins that thread before `endwin`.
public final class NcursesDriver: TerminalDriver, @unchecked Sendable {
    public enum DriverError: Error, LocalizedError {
        case notATerminal
        case cannotInitialize(term: String)
        public var errorDescription: String? {
            switch self {
            case .notATerminal: return "the console needs a terminal: standard input and output must be a TTY (use the subcommands with --json in scripts)"
            case .cannotInitialize(let term): return "ncurses cannot use the terminal type '\(term)'; set TERM to one terminfo knows (xterm-256color, tmux-256color)"
            }
        }
    }

    private struct State {
        var size = Size(width: 80, height: 24)
        var running = false
        var stopping = false
        var writer: EscapeWriter
        var colorMode: ColorMode = .none
    }

    private let state: Mutex<State>
    private let threadDone = DispatchSemaphore(value: 0)
    private let environment: [String: String]
    private let forcedColorMode: ColorMode?
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var signalSources: [DispatchSourceSignal] = []
    public let events: AsyncStream<InputEvent>
    private let continuation: AsyncStream<InputEvent>.Continuation

    /// - Parameter colorMode: force a colour mode (`--plain` forces `.none`); nil detects it.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, colorMode: ColorMode? = nil) {
        self.environment = environment
        forcedColorMode = colorMode
        state = Mutex(State(writer: EscapeWriter(palette: Palette(theme: .dark, mode: .none))))
        (events, continuation) = AsyncStream.makeStream(of: InputEvent.self)
    }

    public var size: Size { state.withLock { $0.size } }
    public var colorMode: ColorMode { state.withLock { $0.colorMode } }

    public func start() throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw DriverError.notATerminal }
        _ = setlocale(LC_ALL, "")
        set_escdelay(25)
        guard let output = fdopen(dup(1), "w"), let input = fdopen(dup(0), "r"),
              let scr = newterm(nil, output, input) else {
            throw DriverError.cannotInitialize(term: environment["TERM"] ?? "")
        }
        screen = scr
        _ = set_term(scr)
        let win = kf_stdscr()
        window = win
        raw()
        noecho()
        nonl()
        keypad(win, true)
        intrflush(win, false)
        wtimeout(win, 50)
        curs_set(0)
        wrefresh(win)  // ncurses clears the screen now, before the first frame, never after it
        let colors = Int(tigetnum("colors"))
        let mode = forcedColorMode ?? ColorMode.detect(environment: environment, terminalColors: colors)
        state.withLock {
            $0.size = Size(width: Int(getmaxx(win)), height: Int(getmaxy(win)))
            $0.running = true
            $0.colorMode = mode
        }
        Self.writeAll(Array(EscapeWriter.enableModes.utf8))
        installSignalHandlers()
        let thread = Thread { [self] in readLoop() }
        thread.name = "kasfleet-input"
        thread.start()
    }

    public func stop() {
        let wasRunning = state.withLock { s -> Bool in
            let r = s.running && !s.stopping
            s.stopping = true
            return r
        }
        guard wasRunning else { return }
        _ = threadDone.wait(timeout: .now() + 2)
        for source in signalSources { source.cancel() }
        signalSources = []
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        Self.writeAll(Array(EscapeWriter.disableModes.utf8))
        endwin()
        if let scr = screen { delscreen(scr) }
        screen = nil
        state.withLock { $0.running = false }
        continuation.finish()
    }

    public func setPalette(_ palette: Palette) { state.withLock { $0.writer.setPalette(palette) } }

    public func present(_ grid: CellGrid, diff: FrameDiff, cursor: Point?) {
        let bytes = state.withLock { $0.writer.encode(grid, diff: diff, cursor: cursor) }
        Self.writeAll(bytes)
    }

    public func copyToClipboard(_ text: String) { Self.writeAll(EscapeWriter.clipboard(text)) }

    // MARK: - Input thread

    private func readLoop() {
        var decoder = InputDecoder()
        var wch: wint_t = 0
        while !state.withLock({ $0.stopping }) {
            guard let win = window else { break }
            let rc = wget_wch(win, &wch)
            if rc == ERR {
                for e in decoder.flush() { continuation.yield(e) }
                if Self.terminalIsGone() {
                    // The terminal closed (window killed, SSH dropped) without a signal reaching us: quit as on SIGHUP.
                    continuation.yield(.signal(SIGHUP))
                    break
                }
                continue
            }
            if rc == KEY_CODE_YES {
                if Int32(wch) == KEY_RESIZE {
                    let size = Size(width: Int(getmaxx(win)), height: Int(getmaxy(win)))
                    wrefresh(win)  // let ncurses finish its own repaint before the console redraws
                    state.withLock { $0.size = size }
                    continuation.yield(.resize(size))
                } else if let key = Self.key(forCode: Int32(wch)) {
                    for e in decoder.feed(.key(key)) { continuation.yield(e) }
                }
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(wch)) else { continue }
            for e in decoder.feed(.scalar(scalar)) { continuation.yield(e) }
        }
        threadDone.signal()
    }

    /// Whether standard input hung up: `wget_wch` then returns ERR at once instead of after its timeout.
    static func terminalIsGone() -> Bool {
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) >= 0 else { return errno != EINTR }
        return p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 || isatty(0) != 1
    }

    /// ncurses key codes (terminfo-decoded sequences) as console keys.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case 265...276: return .function(Int(code) - 264)  // KEY_F(1)...KEY_F(12)
        default: return nil
        }
    }

    // MARK: - Signals and output

    private func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [continuation] in continuation.yield(.signal(sig)) }
            source.resume()
            signalSources.append(source)
        }
    }

    static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return
                }
                offset += n
            }
        }
    }
}
