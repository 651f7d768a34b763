import Foundation
import Testing

/// Runs the real `kasfleet` binary (built by `swift build --build-tests`) as a child process.
enum CLI {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
        var object: [String: Any] { (json as? [String: Any]) ?? [:] }
    }

    static let binary: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL {
            // Inside the .xctest bundle or beside it.
            candidates += [exe.deletingLastPathComponent(), exe.deletingLastPathComponent().deletingLastPathComponent()]
        }
        candidates += [root.appendingPathComponent(".build/debug")]
        for dir in candidates {
            let url = dir.appendingPathComponent("kasfleet")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("kasfleet binary not found near \(candidates.map(\.path)); run swift build --build-tests")
    }()

    static func run(_ args: [String], stdin: String, in directory: URL? = nil) async throws -> Result {
        try await run(args, stdin: Data(stdin.utf8), in: directory)
    }

    /// Waits for the child on a Dispatch thread, not on one of the few threads Swift concurrency runs tests and
    /// in-process nodes on: a test blocking those for the child's whole run can starve another test's gRPC
    /// client past its timeout (seen once, on two busy cores).
    static func run(_ args: [String], stdin: Data? = nil, in directory: URL? = nil) async throws -> Result {
        try await offPool { Swift.Result { try runBlocking(args, stdin: stdin, in: directory) } }.get()
    }

    /// Runs blocking `work` on a Dispatch thread and awaits its result.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { c in DispatchQueue.global().async { c.resume(returning: work()) } }
    }

    private static func runBlocking(_ args: [String], stdin: Data?, in directory: URL?) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        // stderr is read beside stdout: read after it, a child filling the stderr pipe (64 KB) would never end.
        var e = Data()
        let reader = DispatchWorkItem { e = err.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(execute: reader)
        let o = out.fileHandleForReading.readDataToEndOfFile()
        reader.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A private temporary file holding `contents`, removed by the caller's `defer`.
    static func tempFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-test-\(UUID().uuidString)")
        try Data(contents.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return url
    }
}

enum Vectors {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func json(_ name: String) -> [String: Any] {
        let data = try! Data(contentsOf: directory.appendingPathComponent(name))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
