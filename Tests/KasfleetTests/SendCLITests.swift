import Foundation
import Testing
import Sync
import WalletKit

/// `kasfleet send`, `sweep`, `compound` and `sync --once` against a devnet node this test starts in process,
/// the binary pointed at it with `--node 127.0.0.1:PORT`.
@Suite(.serialized) struct SendCLITests {
    /// A devnet wallet imported from the known mnemonic, its first receive address funded on a new node with `outputs`
    /// UTXOs of `amount` each (one funding transaction), mature.
    static func fundedWallet(_ amount: Sompi, outputs: Int = 1, node configure: (inout DevnetNode.Config) -> Void = { _ in }) async throws
        -> (CLIWallet, DevnetNode, String) {
        let w = try CLIWallet()
        try await w.create()
        let list = try await w.run(["address", "list", "--json"])
        let first = try #require((list.json as? [[String: Any]])?.first { $0["chain"] as? String == "receive" }?["address"] as? String, "\(list.stdout)")
        var config = DevnetNode.Config()
        configure(&config)
        let node = DevnetNode(config: config)
        let port = try await node.startServing(host: "127.0.0.1", port: 0)
        let address = try Address(first)
        await node.fund(Array(repeating: (address: address, amount: amount), count: outputs))
        await node.produceBlocks(11)
        return (w, node, "127.0.0.1:\(port)")
    }

    @Test func dryRunShowsThePreviewAndSendIsAcceptedUnderTheComputedId() async throws {
        let (w, node, endpoint) = try await Self.fundedWallet(Sompi(50 * Sompi.perKas))
        let payee = Address.p2pk(try PrivateKey(hex: String(repeating: "42", count: 32)).xOnlyPublicKey, prefix: .devnet)
        let args = ["send", "--to", payee.string, "--amount", "1.5", "--node", endpoint, "--json"]

        let dry = try await w.run(args + ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let preview = dry.object
        #expect(preview["dryRun"] as? Bool == true && preview["submitted"] as? Bool == false)
        #expect(preview["amount"] as? Int == 150_000_000 && preview["to"] as? String == payee.string)
        for key in ["transactionId", "fee", "feeRate", "computeMass", "transientMass", "storageMass", "inputs", "outputs", "policy", "from"] {
            #expect(preview[key] != nil, "missing \(key)")
        }
        #expect((preview["policy"] as? [String: Any])?["allowed"] as? Bool == true)
        #expect(await node.mempoolSize == 0, "a dry run broadcasts nothing")

        let sent = try await w.run(args, password: true)
        #expect(sent.status == 0, "\(sent.stderr)")
        let id = try Hash32(hex: try #require(sent.object["transactionId"] as? String))
        #expect(sent.object["submitted"] as? Bool == true)
        #expect(await node.mempoolTransaction(id) != nil, "the node holds it under the id Kasfleet computed")
        await node.produceBlock()
        #expect(await node.isAccepted(id))
        #expect(await node.balance(of: payee) == Sompi(150_000_000))

        let sync = try await w.run(["sync", "--once", "--node", endpoint, "--json"])
        #expect(sync.status == 0, "\(sync.stderr)")
        let balance = try #require(sync.object["balance"] as? [String: Any])
        let fee = try #require(sent.object["fee"] as? Int)
        #expect((balance["mature"] as? Int ?? 0) + (balance["pending"] as? Int ?? 0) == 50 * 100_000_000 - 150_000_000 - fee)
        let history = try await w.run(["history", "list", "--json"])
        #expect(history.stdout.contains(id.hex))
        await node.stopServing()
    }

    @Test func deniedUnreachableAndShortOfFundsHaveTheirExitCodes() async throws {
        let (w, node, endpoint) = try await Self.fundedWallet(Sompi(5 * Sompi.perKas))
        let payee = Address.p2pk(try PrivateKey(hex: String(repeating: "43", count: 32)).xOnlyPublicKey, prefix: .devnet).string
        #expect(try await w.run(["fleet", "add", "drone-1"], password: true).status == 0)
        #expect(try await w.run(["fleet", "budget", "drone-1", "--per-tx", "1"]).status == 0)
        let poor = try await w.run(["send", "--to", payee, "--amount", "9", "--node", endpoint], password: true)
        #expect(poor.status == 65 && poor.stderr.contains("insufficient funds"), "\(poor.stderr)")
        let denied = try await w.run(["send", "--from", "drone-1", "--to", payee, "--amount", "2", "--node", endpoint, "--dry-run", "--json"])
        // Denied before anything else, even before finding the machine has no funds.
        #expect(denied.status == 77 && denied.stderr.contains("per-transaction limit"), "\(denied.stderr)")
        let deniedSend = try await w.run(["send", "--from", "drone-1", "--to", payee, "--amount", "2", "--node", endpoint], password: true)
        #expect(deniedSend.status == 77 && deniedSend.stderr.contains("per-transaction limit"), "\(deniedSend.stderr)")
        let offline = try await w.run(["send", "--to", payee, "--amount", "1", "--node", "127.0.0.1:1", "--node-timeout", "2"], password: true)
        #expect(offline.status == 69, "\(offline.stderr)")
        #expect(await node.mempoolSize == 0)
        await node.stopServing()
    }

    /// 150 UTXOs of 1 KAS: `compound` plans more than one transaction (each within the reference wallet's 100,000 g
    /// cap), the node accepts every one under the ids printed, and the wallet ends with one UTXO per transaction
    /// holding exactly what went in less the fees. `sweep` then moves all of it to one address, the node's balance
    /// of which is exactly the swept total.
    @Test func compoundSplitsAndSweepEmptiesTheAccountThroughTheBinary() async throws {
        let (w, node, endpoint) = try await Self.fundedWallet(Sompi(Sompi.perKas), outputs: 150)
        let accounts = try await w.run(["account", "list", "--json"])
        let account = try #require((accounts.json as? [[String: Any]])?.first?["name"] as? String, "\(accounts.stdout)")

        let compound = try await w.run(["compound", "--from", account, "--node", endpoint, "--json"], password: true)
        #expect(compound.status == 0, "\(compound.stderr)")
        let transactions = try #require(compound.object["transactions"] as? [[String: Any]])
        let ids = try #require(compound.object["transactionIds"] as? [String])
        #expect(transactions.count >= 2 && ids.count == transactions.count, "one transaction would exceed the mass cap: \(compound.stdout)")
        #expect(transactions.map { ($0["inputs"] as? [Any])?.count ?? 0 }.reduce(0, +) == 150)
        #expect(transactions.allSatisfy { ($0["computeMass"] as? Int ?? .max) <= 100_000 && ($0["outputs"] as? [Any])?.count == 1 })
        for id in ids { #expect(await node.mempoolTransaction(try Hash32(hex: id)) != nil, "the node holds \(id)") }
        await node.produceBlocks(11)
        for id in ids { #expect(await node.isAccepted(try Hash32(hex: id))) }
        let totalFee = try #require(compound.object["totalFee"] as? Int)

        let synced = try await w.run(["sync", "--once", "--node", endpoint, "--json"])
        #expect(synced.status == 0, "\(synced.stderr)")
        let utxos = try #require(try await w.run(["utxo", "list", "--json"]).json as? [[String: Any]])
        #expect(utxos.count == transactions.count && utxos.map { $0["amount"] as? Int ?? 0 }.reduce(0, +) == 150 * 100_000_000 - totalFee)

        let payee = Address.p2pk(try PrivateKey(hex: String(repeating: "44", count: 32)).xOnlyPublicKey, prefix: .devnet)
        let sweep = try await w.run(["sweep", "--from", account, "--to", payee.string, "--node", endpoint, "--json"], password: true)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        await node.produceBlock()
        let swept = try #require(sweep.object["totalOutput"] as? Int), sweepFee = try #require(sweep.object["totalFee"] as? Int)
        #expect(swept + sweepFee == 150 * 100_000_000 - totalFee)
        #expect(await node.balance(of: payee) == Sompi(UInt64(swept)))
        await node.stopServing()
    }

    /// A node without its UTXO index (kaspad without `--utxoindex`, here the devnet's `--no-utxoindex`): `sync`
    /// exits 78 (EX_CONFIG) with the message that says what to do, and `send` never gets as far as signing.
    @Test func aNodeWithoutItsUtxoIndexIsAConfigurationError() async throws {
        let (w, node, endpoint) = try await Self.fundedWallet(Sompi(5 * Sompi.perKas)) { $0.utxoIndex = false }
        let expected = "the node at \(endpoint) has no UTXO index: start kaspad with --utxoindex"
        let sync = try await w.run(["sync", "--once", "--node", endpoint])
        #expect(sync.status == 78 && sync.stderr.contains(expected), "\(sync.status): \(sync.stderr)")
        let payee = Address.p2pk(try PrivateKey(hex: String(repeating: "45", count: 32)).xOnlyPublicKey, prefix: .devnet).string
        let send = try await w.run(["send", "--to", payee, "--amount", "1", "--node", endpoint], password: true)
        #expect(send.status == 78 && send.stderr.contains(expected), "\(send.status): \(send.stderr)")
        #expect(await node.mempoolSize == 0)
        await node.stopServing()
    }
}
