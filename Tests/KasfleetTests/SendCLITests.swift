import Foundation
import Testing
import Sync
import WalletKit

/// `kasfleet send`, `sweep`, `compound` and `sync --once` against a devnet node this test starts in process,
/// the binary pointed at it with `--node 127.0.0.1:PORT`.
@Suite(.serialized) struct SendCLITests {
    /// Runs the binary off the concurrency pool (the in-process node needs the pool to answer it).
    static func run(_ w: CLIWallet, _ args: [String], password: Bool = false) async throws -> CLI.Result {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async { c.resume(with: Result { try w.run(args, password: password) }) }
        }
    }

    /// A devnet wallet imported from the known mnemonic, its first receive address funded on a new node.
    static func fundedWallet(_ amount: Sompi) async throws -> (CLIWallet, DevnetNode, String) {
        let w = try CLIWallet()
        try w.create()
        let list = try await run(w, ["address", "list", "--json"])
        let first = try #require((list.json as? [[String: Any]])?.first { $0["chain"] as? String == "receive" }?["address"] as? String, "\(list.stdout)")
        let node = DevnetNode()
        let port = try await node.startServing(host: "127.0.0.1", port: 0)
        await node.fund(try Address(first), amount)
        await node.produceBlocks(11)
        return (w, node, "127.0.0.1:\(port)")
    }

    @Test func dryRunShowsThePreviewAndSendIsAcceptedUnderTheComputedId() async throws {
        let (w, node, endpoint) = try await Self.fundedWallet(Sompi(50 * Sompi.perKas))
        let payee = Address.p2pk(try PrivateKey(hex: String(repeating: "42", count: 32)).xOnlyPublicKey, prefix: .devnet)
        let args = ["send", "--to", payee.string, "--amount", "1.5", "--node", endpoint, "--json"]

        let dry = try await Self.run(w, args + ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let preview = dry.object
        #expect(preview["dryRun"] as? Bool == true && preview["submitted"] as? Bool == false)
        #expect(preview["amount"] as? Int == 150_000_000 && preview["to"] as? String == payee.string)
        for key in ["transactionId", "fee", "feeRate", "computeMass", "transientMass", "storageMass", "inputs", "outputs", "policy", "from"] {
            #expect(preview[key] != nil, "missing \(key)")
        }
        #expect((preview["policy"] as? [String: Any])?["allowed"] as? Bool == true)
        #expect(await node.mempoolSize == 0, "a dry run broadcasts nothing")

        let sent = try await Self.run(w, args, password: true)
        #expect(sent.status == 0, "\(sent.stderr)")
        let id = try Hash32(hex: try #require(sent.object["transactionId"] as? String))
        #expect(sent.object["submitted"] as? Bool == true)
        #expect(await node.mempoolTransaction(id) != nil, "the node holds it under the id Kasfleet computed")
        await node.produceBlock()
        #expect(await node.isAccepted(id))
        #expect(await node.balance(of: payee) == Sompi(150_000_000))

        let sync = try await Self.run(w, ["sync", "--once", "--node", endpoint, "--json"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let balance = try #require(sync.object["balance"] as? [String: Any])
        let fee = try #require(sent.object["fee"] as? Int)
        #expect((balance["mature"] as? Int ?? 0) + (balance["pending"] as? Int ?? 0) == 50 * 100_000_000 - 150_000_000 - fee)
        let history = try await Self.run(w, ["history", "list", "--json"])
        #expect(history.stdout.contains(id.hex))
        await node.stopServing()
    }

    @Test func deniedUnreachableAndShortOfFundsHaveTheirExitCodes() async throws {
        let (w, node, endpoint) = try await Self.fundedWallet(Sompi(5 * Sompi.perKas))
        let payee = Address.p2pk(try PrivateKey(hex: String(repeating: "43", count: 32)).xOnlyPublicKey, prefix: .devnet).string
        #expect(try await Self.run(w, ["fleet", "add", "drone-1"], password: true).status == 0)
        #expect(try await Self.run(w, ["fleet", "budget", "drone-1", "--per-tx", "1"]).status == 0)
        let poor = try await Self.run(w, ["send", "--to", payee, "--amount", "9", "--node", endpoint], password: true)
        #expect(poor.status == 65 && poor.stderr.contains("insufficient funds"), "\(poor.stderr)")
        let denied = try await Self.run(w, ["send", "--from", "drone-1", "--to", payee, "--amount", "2", "--node", endpoint, "--dry-run", "--json"])
        // Denied before anything else, even before finding the machine has no funds.
        #expect(denied.status == 77 && denied.stderr.contains("per-transaction limit"), "\(denied.stderr)")
        let deniedSend = try await Self.run(w, ["send", "--from", "drone-1", "--to", payee, "--amount", "2", "--node", endpoint], password: true)
        #expect(deniedSend.status == 77 && deniedSend.stderr.contains("per-transaction limit"), "\(deniedSend.stderr)")
        let offline = try await Self.run(w, ["send", "--to", payee, "--amount", "1", "--node", "127.0.0.1:1", "--node-timeout", "2"], password: true)
        #expect(offline.status == 69, "\(offline.stderr)")
        #expect(await node.mempoolSize == 0)
        await node.stopServing()
    }
}
