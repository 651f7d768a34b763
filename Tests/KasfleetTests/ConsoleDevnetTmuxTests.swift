import Foundation
import Testing

/// The console over a real wallet and a real node: `kasfleet console --devnet` (what `make run` opens) in tmux,
/// with the embedded devnet node serving gRPC on loopback, the sync engine, the store and the demo fleet paying
/// each other. A payment typed into the console is signed, broadcast, accepted, changes the machine's balance on
/// screen and shows in the history; a payment over a machine's limit is refused before anything is signed; a
/// freeze goes through the registry; resizing and quitting leave the terminal as it was.
@Suite(.serialized, .enabled(if: Tmux.path != nil, "tmux is not installed: make test installs it (apt-get install tmux)"))
struct ConsoleDevnetTmuxTests {
    @Test func payFreezeAndDenyOnTheEmbeddedDevnet() async throws {
        let tmux = try Tmux(width: 140, height: 44)
        defer { tmux.kill() }
        try await tmux.waitFor("e2e$")
        // Machines pay each other only once an hour here, so a balance changes only when the test pays it.
        try tmux.literal("echo before-$((40+2)); \(CLI.binary.path) console --devnet --machines 3 --interval 3600; echo exit=$?")
        try tmux.keys("Enter")

        // The first screen is the live Dashboard, already unlocked: the node synced and the operator's funds.
        let first = try await tmux.waitFor("the Dashboard", timeout: 120) { $0.contains("Balances") }
        #expect(!first.contains("Unlock the wallet") && first.contains("unlocked"), "the demo did not open unlocked:\n\(first)")
        try await tmux.waitFor("the node synced") { $0.contains("node ✓ synced") }
        // Locked by hand, it asks for the demo password (shown in the hint) and opens again.
        try tmux.literal("L")
        try await tmux.waitFor("the unlock form with the hint") { $0.contains("Unlock the wallet") && $0.contains("the password is \"demo\"") }
        try tmux.literal("demo")
        try tmux.keys("Enter")
        try await tmux.waitFor("Balances")

        // Screens by their keys, and by the mouse (the Node tab, then the Fleet tab).
        for (key, text) in [("8", "embedded devnet node"), ("9", "Lock after idle"), ("7", "newest first"), ("1", "Balances")] {
            try tmux.literal(key)
            try await tmux.waitFor(text)
        }
        try tmux.click(x: 52, y: 1)
        try await tmux.waitFor("embedded devnet node")
        try tmux.click(x: 17, y: 1)
        try await tmux.waitFor("all machines")

        // The Fleet: the demo machines, each topped up with 100 KAS by the operator, as the engine saw it.
        try await tmux.waitFor("3 machines funded") { s in
            ["drone-1", "charger-1", "drone-2"].allSatisfy { ConsoleTmuxTests.balance(of: $0, in: s) == 100 * 100_000_000 }
        }
        try await select("charger-1", in: tmux)

        // The operator pays charger-1 1.5 KAS: preview (fee, masses), password, receipt with the node's id.
        try tmux.literal("s")
        try await tmux.waitFor("Tab moves, Enter continues")
        try tmux.literal("1.5")
        try await tmux.waitFor("the preview of 1.5 KAS") { $0.contains("1.50000000 KAS") && $0.contains("allowed") }
        try tmux.keys("Enter")
        try await tmux.waitFor("Type the wallet password")
        try tmux.literal("demo")
        try tmux.keys("Enter")
        let receipt = try await tmux.waitFor("The payment was signed") { $0.contains("The payment was signed") }
        let id = try #require(Self.transactionId(in: receipt), "no transaction id on the receipt:\n\(receipt)")
        try tmux.keys("Enter")
        try await tmux.waitFor("charger-1's new balance", timeout: 60) { ConsoleTmuxTests.balance(of: "charger-1", in: $0) == 10_150_000_000 }

        // The history has it under the node's id (the receipt's), first pending, then accepted: the sync engine
        // follows the transaction to acceptance and the console reloads on the store's change.
        try tmux.literal("7")
        try await tmux.waitFor("newest first")
        try tmux.literal("/")
        try tmux.keys("C-u")
        try tmux.literal(String(id.prefix(16)))
        try tmux.keys("Enter")
        try await tmux.waitFor("the payment accepted", timeout: 60) { s in
            s.contains("the wallet funded charger-1 1.50000000 KAS") && !s.contains("(pending)") && s.contains("1 entry")
        }

        // Freeze drone-2 from the Fleet; the Activity shows it, and a payment from drone-2 is refused.
        try await select("drone-2", in: tmux)
        try tmux.literal("f")
        try await tmux.waitFor("drone-2 frozen") { ConsoleTmuxTests.row(of: "drone-2", in: $0).contains("frozen") }
        try tmux.literal("7")
        try tmux.literal("/")
        try tmux.keys("C-u")
        try tmux.literal("frozen")
        try tmux.keys("Enter")
        try await tmux.waitFor("operator froze drone-2")

        // drone-1 proposes 6 KAS, over its 5 KAS per-transaction limit: the preview says no, with the reason.
        try await select("drone-1", in: tmux)
        try tmux.literal("s")
        try await tmux.waitFor("Tab moves, Enter continues")
        try tmux.keys("BTab", "BTab")
        try tmux.literal("drone-1")
        try tmux.keys("Tab", "C-u")
        try tmux.literal("charger-1")
        try tmux.keys("Tab")
        try tmux.literal("6")
        try await tmux.waitFor("the denial") { $0.contains("per-transaction limit") }
        try tmux.keys("Escape")

        // Resize: the layout follows the window.
        try tmux.literal("2")
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitFor("a 100-column frame") { s in
            s.split(separator: "\n").contains { $0.hasPrefix("╭─ Fleet") && $0.hasSuffix("╮") && $0.count == 100 }
        }

        // Quit: the node, the engine and the demo wallet stop; the shell is back as it was; the exit status is 0.
        try tmux.literal("q")
        try await tmux.waitFor("Quit Kasfleet?")
        try tmux.literal("y")
        try await tmux.waitFor("exit=0", timeout: 60)
        let after = try tmux.screen()
        #expect(after.contains("before-42") && !after.contains("Kasfleet │"), "the terminal was not restored:\n\(after)")
    }

    /// Filters the Fleet down to one machine, which the selection then points at.
    func select(_ machine: String, in tmux: Tmux) async throws {
        try tmux.literal("2")
        try tmux.literal("/")
        try tmux.keys("C-u")
        try tmux.literal(machine)
        try await tmux.waitFor("1 match")
        try tmux.keys("Enter")
        try await tmux.waitFor("\(machine) selected") { $0.contains("filter: \(machine)") }
    }

    /// The first 64-hex-digit word on the screen.
    static func transactionId(in screen: String) -> String? {
        screen.split(whereSeparator: { !$0.isHexDigit }).first { $0.count == 64 }.map(String.init)
    }
}
