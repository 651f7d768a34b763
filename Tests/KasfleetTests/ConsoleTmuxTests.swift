import Foundation
import Testing

/// The console end to end: the real binary in a real terminal (tmux), driven with keys and the mouse.
@Suite(.serialized, .enabled(if: Tmux.path != nil, "tmux is not installed: make test installs it (apt-get install tmux)"))
struct ConsoleTmuxTests {
    /// The balance column of a machine's Fleet row, in sompi.
    static func balance(of machine: String, in screen: String) -> UInt64? {
        let line = row(of: machine, in: screen)
        for word in line.split(separator: " ") where word.contains(".") && word.first?.isNumber == true {
            let parts = word.replacingOccurrences(of: ",", with: "").split(separator: ".")
            guard parts.count == 2, parts[1].count == 8, let whole = UInt64(parts[0]), let fraction = UInt64(parts[1]) else { continue }
            return whole * 100_000_000 + fraction
        }
        return nil
    }

    static func row(of machine: String, in screen: String) -> String {
        screen.split(separator: "\n").first { $0.hasPrefix("│") && $0.contains(" \(machine) ") }.map(String.init) ?? ""
    }

    @Test func openNavigateSendFreezeResizeQuit() async throws {
        let tmux = try Tmux(width: 120, height: 40)
        defer { tmux.kill() }
        try await tmux.waitFor("e2e$")
        try tmux.literal("echo before-$((40+2)); \(CLI.binary.path) console --demo --machines 60")
        try tmux.keys("Enter")

        // Open: the unlock prompt, then the Dashboard.
        try await tmux.waitFor("Unlock the wallet")
        try tmux.literal("demo")
        try tmux.keys("Enter")
        try await tmux.waitFor("Balances")

        // Screens by their keys.
        for (key, text) in [("2", "all machines"), ("7", "newest first"), ("8", "URL"), ("9", "Lock after idle"), ("3", "Addresses"), ("1", "Balances")] {
            try tmux.literal(key)
            try await tmux.waitFor(text)
        }
        // And with the mouse: the Fleet tab (cells 15-23 of row 1), then the Activity tab (37-48).
        try tmux.click(x: 17, y: 1)
        try await tmux.waitFor("all machines")
        try tmux.click(x: 40, y: 1)
        try await tmux.waitFor("newest first")
        try tmux.literal("2")
        try await tmux.waitFor("all machines")

        // Filter the Fleet down to one machine.
        try tmux.literal("/drone-0003")
        try await tmux.waitFor("1 match")
        try tmux.keys("Enter")
        var screen = try await tmux.waitFor("the filter applied") { $0.contains("filter: drone-0003") }
        let before = try #require(Self.balance(of: "drone-0003", in: screen), "drone-0003's balance in:\n\(screen)")
        #expect(Self.row(of: "drone-0003", in: screen).contains("active"))

        // Send it 12.5 KAS: the form, the preview, the password, the receipt.
        try tmux.literal("s")
        try await tmux.waitFor("Tab moves, Enter continues")
        try tmux.literal("12.5")
        try await tmux.waitFor("the preview of 12.5 KAS") { $0.contains("12.50000000 KAS") && $0.contains("allowed") }
        try tmux.keys("Enter")
        try await tmux.waitFor("Type the wallet password")
        try tmux.literal("demo")
        try tmux.keys("Enter")
        try await tmux.waitFor("The payment was signed")
        try tmux.keys("Enter")
        screen = try await tmux.waitFor("drone-0003's new balance") { Self.balance(of: "drone-0003", in: $0) == before + 1_250_000_000 }

        // Freeze it.
        try tmux.literal("f")
        screen = try await tmux.waitFor("drone-0003 frozen") { Self.row(of: "drone-0003", in: $0).contains("frozen") }
        #expect(screen.contains("froze 1 machine"))

        // Resize: the layout follows; below 80x24, the notice; back again.
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitFor("a 100-column frame") { s in
            s.split(separator: "\n").contains { $0.hasPrefix("╭─ Fleet") && $0.hasSuffix("╮") && $0.count == 100 }
        }
        try tmux.resize(width: 70, height: 20)
        try await tmux.waitFor("this terminal is 70x20")
        try tmux.resize(width: 120, height: 40)
        try await tmux.waitFor("a 120-column frame") { s in
            s.split(separator: "\n").contains { $0.hasPrefix("╭─ Fleet") && $0.count == 120 }
        }

        // Quit: the shell is back, with what it showed before the console (the alternate screen is gone).
        try tmux.literal("q")
        try await tmux.waitFor("the shell again") { $0.contains("before-42") && !$0.contains("Kasfleet │") }
        try tmux.literal("echo exit=$?")
        try tmux.keys("Enter")
        try await tmux.waitFor("exit=0")
    }

    @Test func sigtermRestoresTheTerminal() async throws {
        let tmux = try Tmux(width: 100, height: 30)
        defer { tmux.kill() }
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-e2e-\(UUID().uuidString).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        try await tmux.waitFor("e2e$")
        // In the foreground (a background job may not take the terminal); sh writes its pid, then becomes kasfleet.
        try tmux.literal("echo before-$((40+2)); sh -c 'echo $$ > \(pidFile.path); exec \(CLI.binary.path) console --demo --machines 10'; echo status=$?")
        try tmux.keys("Enter")
        try await tmux.waitFor("Unlock the wallet")
        let pid = try #require(Int32(String(decoding: try Data(contentsOf: pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTERM) == 0)
        try await tmux.waitFor("status=143")
        let screen = try tmux.screen()
        #expect(screen.contains("before-42") && !screen.contains("Unlock the wallet"), "the shell's screen is back")
    }

    @Test func closingTheTerminalEndsTheConsole() async throws {
        let tmux = try Tmux(width: 100, height: 30)
        defer { tmux.kill() }
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-e2e-\(UUID().uuidString).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        try await tmux.waitFor("e2e$")
        try tmux.literal("sh -c 'echo $$ > \(pidFile.path); exec \(CLI.binary.path) console --demo --machines 10'")
        try tmux.keys("Enter")
        try await tmux.waitFor("Unlock the wallet")
        let pid = try #require(Int32(String(decoding: try Data(contentsOf: pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        try tmux.run(["kill-session", "-t", tmux.session])
        // Gone within a few seconds, not left spinning on a dead terminal.
        let deadline = Date().addingTimeInterval(20)
        while kill(pid, 0) == 0 && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(kill(pid, 0) != 0, "kasfleet (pid \(pid)) still runs after its terminal closed")
    }
}
