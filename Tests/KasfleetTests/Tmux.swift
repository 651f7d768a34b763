import Foundation
import Testing

/// A detached tmux session running a shell, driven like an operator: keys in (`send-keys`), screen out
/// (`capture-pane -p`). Each one runs on its own tmux server (`-L`), so it neither sees nor touches anyone
/// else's sessions, and `kill` ends only that server.
struct Tmux {
    static let path: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    let session: String
    let socket: String

    /// A new session `width` x `height` with `sh` (prompt `e2e$ `), UTF-8, tmux-256color and no status line.
    init(width: Int, height: Int) throws {
        let id = UUID().uuidString.prefix(8)
        session = "kasfleet-e2e-\(id)"
        socket = "kasfleet-e2e-\(id)"
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                 "env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='e2e$ ' sh"])
        try run(["set-option", "-t", session, "status", "off"])
    }

    /// Runs a tmux command. Commands go through `system(3)`: the first one starts the tmux server, a daemon that
    /// keeps the descriptors it inherits, and Foundation's `Process` would wait for it to close the one it watches
    /// the child with, that is, forever. Only `capture` (the server exists by then) reads output through `Process`.
    @discardableResult
    func run(_ args: [String], capture: Bool = false) throws -> String {
        let all = ["-L", socket, "-f", "/dev/null"] + args
        guard capture else {
            let command = ([Tmux.path ?? "tmux"] + all).map(Self.quote).joined(separator: " ") + " </dev/null >/dev/null 2>&1"
            let status = system(command)
            guard status == 0 else { throw TmuxFailed(command: args.first ?? "", status: status) }
            return ""
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Tmux.path ?? "tmux")
        p.arguments = all
        p.standardInput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Named keys (`Enter`, `Escape`, `Down`) or text, as tmux send-keys takes them.
    func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }
    /// Text sent byte for byte (escape sequences included).
    func literal(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }
    /// A left click at a 0-based cell, as an SGR 1006 press and release.
    func click(x: Int, y: Int) throws { try literal("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m") }
    func resize(width: Int, height: Int) throws { try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"]) }
    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session], capture: true) }
    /// Ends this test's tmux server and removes its socket.
    func kill() {
        _ = try? run(["kill-server"])
        let dir = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/tmux-\(getuid())"
        try? FileManager.default.removeItem(atPath: dir + "/" + socket)
    }

    /// Waits until the screen satisfies `condition` and returns it; records the screen when it never does.
    /// The wait is a task sleep, so the tests running beside this one keep their threads.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 40, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxTimeout()
    }

    func waitFor(_ text: String, timeout: Double = 40, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await waitFor("'\(text)'", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }
}

struct TmuxTimeout: Error {}
struct TmuxFailed: Error {
    let command: String
    let status: Int32
}

extension Tmux {
    /// Single-quoted for sh.
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
