import Foundation
import Logging
import Synchronization

/// swift-log to a file (conventions.md): one line per message under `$XDG_STATE_HOME/kasfleet/` (XDG default
/// `~/.local/state`), never the terminal the console owns. Callers never log secrets.
public struct FileLogHandler: LogHandler {
    final class Sink: Sendable {
        let handle: Mutex<FileHandle?>
        init(path: String) {
            let fm = FileManager.default
            try? fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
            if !fm.fileExists(atPath: path) { _ = fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) }
            let h = FileHandle(forWritingAtPath: path)
            h?.seekToEndOfFile()
            handle = Mutex(h)
        }
        func write(_ line: String) {
            handle.withLock { $0?.write(Data(line.utf8)) }
        }
    }

    let label: String
    let sink: Sink
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// `$XDG_STATE_HOME/kasfleet/kasfleet.log`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { base = xdg } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return base + "/kasfleet/kasfleet.log"
    }

    /// A logger factory writing every label to one file.
    public static func factory(path: String = defaultPath(), level: Logger.Level = .info) -> @Sendable (String) -> any LogHandler {
        let sink = Sink(path: path)
        return { label in
            var h = FileLogHandler(label: label, sink: sink)
            h.logLevel = level
            return h
        }
    }

    public func log(event: LogEvent) {
        let (level, message) = (event.level, event.message)
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = ISO8601DateFormatter().string(from: Date())
        sink.write("\(time) \(level) \(label): \(message)\(fields.isEmpty ? "" : " " + fields)\n")
    }
}
