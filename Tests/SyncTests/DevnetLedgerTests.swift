import Foundation
import Testing
@testable import Sync
import WalletKit

/// The devnet's ledger in process (no gRPC): mempool chains, block mass limits, coinbase maturity, snapshots.
@Suite struct DevnetLedgerTests {
    @Test func chainedMempoolTransactionsAndBlockOrder() async throws {
        let node = DevnetNode()
        let alice = TestWallet(21), bob = TestWallet(22)
        let funded = await node.fund(alice.address, Sompi(100 * Sompi.perKas))
        let entry = try #require(await node.utxos(of: alice.address).first?.1)
        let parent = try alice.pay(Sompi(40 * Sompi.perKas), to: bob.address, from: (funded, entry))
        try await node.submit(parent)
        // The child spends the parent's change while the parent is still in the mempool.
        let change = Outpoint(transactionId: parent.id, index: 1)
        let changeEntry = UtxoEntry(amount: parent.outputs[1].value, scriptPublicKey: alice.script)
        let child = try alice.pay(Sompi(10 * Sompi.perKas), to: bob.address, from: (change, changeEntry), fee: Sompi(5_000_000))
        try await node.submit(child)
        let block = await node.produceBlock()
        #expect(block.acceptedTransactionIds.dropFirst() == [child.id, parent.id] || block.acceptedTransactionIds.dropFirst() == [parent.id, child.id])
        #expect(await node.mempoolSize == 0)
        // The parent's change was created and spent in the same block: it never reached the UTXO set.
        #expect(await node.utxos(of: alice.address).map(\.0) == [Outpoint(transactionId: child.id, index: 1)])
        #expect(await node.balance(of: bob.address) == Sompi(50 * Sompi.perKas))
        #expect(await node.isAccepted(parent.id))
        #expect(await node.isAccepted(child.id))
    }

    /// kaspad's relay rule for P2SH inputs (`check_transaction_standard_in_context`): at most 15 signature operations
    /// counted in the redeem script. The script here never runs a check (they sit in a branch not taken), so the
    /// consensus rules take both transactions; only the count tells them apart.
    @Test func p2shInputsAreHeldToFifteenSignatureOperations() async throws {
        let node = DevnetNode()
        let bob = TestWallet(22)
        for (checks, standard) in [(15, true), (16, false)] {
            let redeem = [Opcode.opFalse.rawValue, Opcode.opIf.rawValue] + [UInt8](repeating: Opcode.opCheckSig.rawValue, count: checks)
                + [Opcode.opEndIf.rawValue, Opcode.opTrue.rawValue]
            let outpoint = await node.fund(Address.p2sh(redeemScript: redeem, prefix: .devnet), Sompi(10 * Sompi.perKas))
            var tx = Transaction(
                inputs: [TransactionInput(previousOutpoint: outpoint, signatureScript: try SignatureScript.p2sh(pushes: [], redeemScript: redeem),
                                          computeCommit: .sigOpCount(0))],
                outputs: [TransactionOutput(value: Sompi(1), scriptPublicKey: bob.script)])
            tx.outputs[0].value = Sompi(10 * Sompi.perKas - Fees.minimumFee(for: tx).rawValue - 1_000_000)
            do {
                try await node.submit(tx)
                #expect(standard, "\(checks) signature operations were accepted")
            } catch {
                #expect(!standard, "\(checks) signature operations: \(error)")
                #expect(error.description == "transaction \(tx.id) is not standard: transaction input #0 has 16 signature operations which is more than the allowed max amount of 15")
            }
        }
        #expect(await node.mempoolSize == 1)
    }

    @Test func blocksRespectTheMassLimits() async throws {
        let node = DevnetNode()
        let alice = TestWallet(23), bob = TestWallet(24)
        let outpoints = await node.fund(Array(repeating: (address: alice.address, amount: Sompi(Sompi.perKas)), count: 400))
        let entry = UtxoEntry(amount: Sompi(Sompi.perKas), scriptPublicKey: alice.script)
        var last: MempoolTransaction?
        for o in outpoints {
            let tx = try alice.pay(Sompi(Sompi.perKas / 2), to: bob.address, from: (o, entry))
            try await node.submit(tx)
            last = await node.mempoolTransaction(tx.id)
        }
        // Every transaction weighs the same; the heaviest dimension (storage mass, for 1 KAS split in two) decides.
        let mtx = try #require(last)
        let limits = MassLimits.toccata
        let fit = min(limits.compute / mtx.computeMass, limits.storage / mtx.storageMass, limits.transient / mtx.transientMass)
        #expect(mtx.storageMass > mtx.computeMass)
        let block = await node.produceBlock()
        #expect(UInt64(block.acceptedTransactionIds.count - 1) == fit)
        #expect(await node.mempoolSize == 400 - Int(fit))
    }

    @Test func coinbaseMaturityIsDevnets() async throws {
        let miner = TestWallet(25)
        var config = DevnetNode.Config()
        config.miner = miner.address
        let node = DevnetNode(config: config)
        let first = await node.produceBlock()
        let reward = try #require(await node.utxos(of: miner.address).first)
        #expect(reward.1.isCoinbase && reward.1.amount == Sompi(44 * Sompi.perKas) && reward.1.blockDaaScore == first.daaScore)
        let spend = try miner.pay(Sompi(Sompi.perKas), to: TestWallet(26).address, from: reward)
        await #expect(throws: MempoolError.self) { try await node.submit(spend) }
        await node.produceBlocks(Int(DevnetParams.devnet.coinbaseMaturity) - 1)
        try await node.submit(spend)
    }

    @Test func snapshotRoundTrip() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-devnet-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = DevnetNode.Config()
        config.dataDirectory = dir
        let alice = TestWallet(27)
        let node = DevnetNode(config: config)
        await node.fund(alice.address, Sompi(7 * Sompi.perKas))
        await node.produceBlocks(5)
        try await node.shutdown()
        let reopened = DevnetNode(config: config)
        #expect(try await reopened.loadSnapshot())
        #expect(await reopened.balance(of: alice.address) == Sompi(7 * Sompi.perKas))
        #expect(await reopened.virtualDaaScore == 6)
        #expect(await reopened.produceBlock().daaScore == 6)
    }

    @Test func feeEstimateIsAtLeastTheFloor() async {
        let estimate = await DevnetNode().feeEstimate()
        #expect(estimate.priority.feerate == 100 && estimate.normal.count == 2 && estimate.low.count == 1)
    }
}
