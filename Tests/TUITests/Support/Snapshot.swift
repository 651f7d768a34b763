import Foundation
import Testing

/// Text snapshots of rendered screens, stored in Tests/Fixtures/screens and reviewed by eye. With
/// `KASFLEET_WRITE_SNAPSHOTS=1` the tests write them instead of comparing.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screens")

    static var writing: Bool { ProcessInfo.processInfo.environment["KASFLEET_WRITE_SNAPSHOTS"] == "1" }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let content = text + "\n"
        if writing {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(content.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(name).txt: run the tests with KASFLEET_WRITE_SNAPSHOTS=1 and review it", sourceLocation: sourceLocation)
            return
        }
        let stored = String(decoding: data, as: UTF8.self)
        if stored != content {
            Issue.record("snapshot \(name) differs:\n\(difference(stored, content))", sourceLocation: sourceLocation)
        }
    }

    /// The first lines that differ, stored (-) and rendered (+).
    static func difference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false), lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(la.count, lb.count) where out.count < 12 {
            let x = i < la.count ? String(la[i]) : "", y = i < lb.count ? String(lb[i]) : ""
            if x != y { out += ["line \(i + 1):", "- \(x)", "+ \(y)"] }
        }
        return out.joined(separator: "\n")
    }
}
