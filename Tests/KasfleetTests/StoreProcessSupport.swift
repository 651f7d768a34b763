import Foundation
import Testing
import WalletKit

/// A wallet folder for CLI tests: a password file and a devnet wallet created through the real binary.
final class CLIWallet: @unchecked Sendable {
    let root: URL
    let passwordFile: URL
    var dataDir: String { root.appendingPathComponent("wallet").path }
    var databaseURL: URL { WalletStore.databaseURL(directory: URL(fileURLWithPath: dataDir)) }
    var common: [String] { ["--data-dir", dataDir, "--network", "devnet"] }
    var withPassword: [String] { common + ["--password-file", passwordFile.path] }

    init(password: String = "fleet password") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        passwordFile = root.appendingPathComponent("password")
        try Data((password + "\n").utf8).write(to: passwordFile)
    }

    func file(_ name: String, _ contents: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// `wallet create` with a known mnemonic (imported), so addresses are predictable.
    func create(phrase: String = "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry") async throws {
        let words = try file("words", phrase)
        let r = try await CLI.run(["wallet", "import", "--mnemonic-file", words] + withPassword)
        #expect(r.status == 0, "create failed: \(r.stderr)")
    }

    func run(_ args: [String], password: Bool = false, stdin: String? = nil) async throws -> CLI.Result {
        let full = args + (password ? withPassword : common)
        if let stdin { return try await CLI.run(full, stdin: stdin) }
        return try await CLI.run(full)
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

/// A running child process whose stdout is read line by line.
final class Child: @unchecked Sendable {
    let process = Process()
    private let out = Pipe()
    private var buffer = Data()
    private(set) var lines: [String] = []

    init(_ args: [String]) throws {
        process.executableURL = CLI.binary
        process.arguments = args
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Reads until at least `count` lines arrived (or the child ended), on a Dispatch thread (see `CLI.run`).
    func waitForLines(_ count: Int) async {
        await CLI.offPool { self.readLines(count) }
    }

    /// Sends `signal` (SIGKILL unless told) and waits for the exit, reading what is left of stdout.
    func kill(_ signal: Int32 = SIGKILL) async {
        await CLI.offPool { self.killBlocking(signal) }
    }

    private func readLines(_ count: Int) {
        while lines.count < count {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { return }
            buffer += chunk
            while let nl = buffer.firstIndex(of: 0x0a) {
                lines.append(String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self))
                buffer = Data(buffer[(nl + 1)...])
            }
        }
    }

    private func killBlocking(_ signal: Int32) {
        Darwin_or_Glibc_kill(process.processIdentifier, signal)
        process.waitUntilExit()
        // Lines already in the pipe were printed after their commit: count them too.
        buffer += out.fileHandleForReading.readDataToEndOfFile()
        while let nl = buffer.firstIndex(of: 0x0a) {
            lines.append(String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self))
            buffer = Data(buffer[(nl + 1)...])
        }
    }

    var lastCommitted: Int { lines.compactMap { $0.hasPrefix("committed ") ? Int($0.dropFirst(10)) : nil }.max() ?? 0 }
}

#if canImport(Glibc)
import Glibc
func Darwin_or_Glibc_kill(_ pid: Int32, _ sig: Int32) { _ = Glibc.kill(pid, sig) }
#else
import Darwin
func Darwin_or_Glibc_kill(_ pid: Int32, _ sig: Int32) { _ = Darwin.kill(pid, sig) }
#endif
