import Foundation
import Testing
@testable import Sync
import WalletKit

/// NodeClient against DevnetNode over real loopback gRPC.
@Suite struct NodeClientDevnetTests {
    @Test func serverInfoNetworkAndDagInfo() async throws {
        let (node, port) = try await startDevnet()
        let client = try await connectClient(port)
        let info = try await client.serverInfo()
        #expect(info.networkId == "devnet")
        #expect(info.network == .devnet)
        #expect(info.hasUtxoIndex && info.isSynced)
        #expect(info.rpcApiVersion == 1)
        #expect(try await client.currentNetwork() == "devnet")
        await node.produceBlocks(3)
        let dag = try await client.blockDagInfo()
        #expect(dag.blockCount == 4)
        #expect(dag.virtualDaaScore == 4)
        #expect(dag.sink == (await node.tip.hash))
        #expect(try await client.sinkBlueScore() == 3)
        let fees = try await client.feeEstimate()
        #expect(fees.priority.feerate >= 100)
        #expect(fees.normal.allSatisfy { $0.feerate >= 100 } && fees.low.allSatisfy { $0.feerate >= 100 })
        #expect(try await client.nodeInfo().mempoolSize == 0)
        await client.close()
        await node.stopServing()
    }

    @Test func wrongNetworkIsReported() async throws {
        let (node, port) = try await startDevnet()
        let client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port))
        await #expect(throws: NodeError.wrongNetwork(client.endpoint, expected: .mainnet, actual: "devnet")) {
            try await client.connect(expecting: .mainnet)
        }
        #expect(NodeError.noUtxoIndex(client.endpoint).description
            == "the node at 127.0.0.1:\(port) has no UTXO index: start kaspad with --utxoindex")
        await node.stopServing()
    }

    /// A node without its UTXO index (kaspad without `--utxoindex`): connecting with the index required fails with the
    /// message that says what to do; without the requirement, the calls that read the index fail with the same error
    /// (kaspad's own text, mapped); the engine stops at once instead of retrying a configuration it cannot cure.
    @Test func aNodeWithoutItsUtxoIndexIsNamedAndNotRetried() async throws {
        let (node, port) = try await startDevnet { $0.utxoIndex = false }
        let wallet = try SyncWallet()
        let address = try wallet.operatorAddress()
        let client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port))
        let expected = "the node at 127.0.0.1:\(port) has no UTXO index: start kaspad with --utxoindex"
        await #expect(throws: NodeError.noUtxoIndex(client.endpoint)) { try await client.connect(expecting: .devnet, requireUtxoIndex: true) }
        let info = try await client.connect(expecting: .devnet)
        let nodeInfo = try await client.nodeInfo()
        #expect(!info.hasUtxoIndex && !nodeInfo.isUtxoIndexed)
        let calls: [(String, @Sendable () async throws -> Void)] = [
            ("GetUtxosByAddresses", { _ = try await client.utxos(for: [address]) }),
            ("GetBalancesByAddresses", { _ = try await client.balances(for: [address]) }),
        ]
        for (call, run) in calls {
            do {
                try await run()
                Issue.record("\(call) should fail on a node without a UTXO index")
            } catch let error as NodeError {
                #expect(error == .noUtxoIndex(client.endpoint) && error.description == expected && !error.isTransient, "\(call): \(error)")
            }
        }
        await client.close()

        // The engine's run ends with the error (a retrying engine would still be running when the test times out).
        let sync = RunningEngine(port: port, store: wallet.store)
        await #expect(throws: NodeError.noUtxoIndex(sync.client.endpoint)) { try await sync.task.value }
        await sync.stop()
        await node.stopServing()
    }

    @Test func connectionRefusedNamesTheAddress() async throws {
        // Bind and release a port so that nothing listens on it.
        let (node, port) = try await startDevnet()
        await node.stopServing()
        let client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port))
        do {
            try await client.connect()
            Issue.record("connect should fail")
        } catch let error as NodeError {
            guard case .unreachable = error else { Issue.record("expected unreachable, got \(error)"); return }
            #expect(error.description.contains("127.0.0.1:\(port)"))
            #expect(error.isTransient)
        }
    }

    @Test func fundSubmitAcceptBalancesExact() async throws {
        let (node, port) = try await startDevnet()
        let alice = TestWallet(1), bob = TestWallet(2)
        let client = try await connectClient(port)
        let events = EventRecorder(client)
        try await client.subscribeUtxosChanged([alice.address, bob.address])
        try await client.subscribeVirtualChainChanged(includeAcceptedTransactionIds: true)
        try await client.subscribeVirtualDaaScoreChanged()

        let funded = await node.fund(alice.address, Sompi(1_000 * Sompi.perKas))
        let seen = try await events.wait { $0.utxosChanged?.added.first { $0.outpoint == funded } }
        #expect(seen.address == alice.address && seen.entry.amount == Sompi(1_000 * Sompi.perKas))

        let utxos = try await client.utxos(for: [alice.address])
        #expect(utxos.map(\.outpoint) == [funded])
        #expect(utxos[0].entry.blockDaaScore == 0 && !utxos[0].entry.isCoinbase)
        #expect(try await client.balances(for: [alice.address, bob.address]).map(\.balance) == [Sompi(1_000 * Sompi.perKas), .zero])

        let tx = try alice.pay(Sompi(250 * Sompi.perKas), to: bob.address, from: (funded, utxos[0].entry))
        let fee = Fees.minimumFee(for: tx)
        let id = try await client.submit(tx)
        #expect(id == tx.id)
        let pending = try await client.mempoolEntries(for: [alice.address, bob.address])
        #expect(pending[0].sending.map(\.transaction.id) == [tx.id] && pending[0].receiving.map(\.transaction.id) == [tx.id])
        #expect(pending[1].sending.isEmpty && pending[1].receiving.map(\.transaction.id) == [tx.id])
        #expect(pending[0].sending[0].fee == fee)
        #expect(try await client.nodeInfo().mempoolSize == 1)

        let mark = await events.count
        let block = await node.produceBlock()
        #expect(block.acceptedTransactionIds.contains(tx.id))
        let change = try await events.wait(from: mark) { $0.utxosChanged }
        #expect(change.removed.map(\.outpoint) == [funded])
        #expect(Set(change.added.map(\.outpoint)) == [Outpoint(transactionId: id, index: 0), Outpoint(transactionId: id, index: 1)])
        #expect(change.added.allSatisfy { $0.entry.blockDaaScore == block.daaScore })
        let chain = try await events.wait(from: mark) { $0.chainChanged }
        #expect(chain.addedChainBlocks == [block.hash] && chain.removedChainBlocks.isEmpty)
        #expect(chain.accepted.first?.transactionIds.contains(id) == true)
        #expect(try await events.wait(from: mark) { $0.daaScore } == block.daaScore + 1)

        let balances = try await client.balances(for: [alice.address, bob.address])
        #expect(balances[0].balance == Sompi(750 * Sompi.perKas - fee.rawValue))
        #expect(balances[1].balance == Sompi(250 * Sompi.perKas))
        #expect(await node.balance(of: alice.address) == balances[0].balance)
        #expect(await node.balance(of: bob.address) == balances[1].balance)
        #expect(try await client.mempoolEntries(for: [alice.address])[0].sending.isEmpty)
        let accepted = try await client.virtualChain(from: DevnetParams.genesisHash)
        #expect(accepted.addedChainBlocks == [block.hash])
        await client.close()
        await node.stopServing()
    }

    @Test func rejectionsCarryTheNodesReason() async throws {
        let (node, port) = try await startDevnet()
        let alice = TestWallet(3), bob = TestWallet(4)
        let client = try await connectClient(port)
        let funded = await node.fund(alice.address, Sompi(10 * Sompi.perKas))
        let entry = try #require(await node.utxos(of: alice.address).first?.1)

        // Below the fee floor (100 sompi per gram).
        let cheap = try alice.pay(Sompi(Sompi.perKas), to: bob.address, from: (funded, entry), fee: Sompi(1000))
        await expectRejection(client, cheap, containing: "under the required amount of")

        // A corrupted signature: the script engine's error.
        var forged = try alice.pay(Sompi(Sompi.perKas), to: bob.address, from: (funded, entry))
        forged.inputs[0].signatureScript[10] ^= 0x01
        await expectRejection(client, forged, containing: "input 0")

        // Signed by a key that does not own the UTXO: no signature at all.
        let unsigned = try alice.pay(Sompi(Sompi.perKas), to: bob.address, from: (funded, entry), signWith: TransactionSigner(keys: [bob.key]))
        await expectRejection(client, unsigned, containing: "signature script is empty")

        // A double spend of an outpoint a mempool transaction already spends.
        let first = try alice.pay(Sompi(Sompi.perKas), to: bob.address, from: (funded, entry))
        #expect(try await client.submit(first) == first.id)
        let second = try alice.pay(Sompi(2 * Sompi.perKas), to: bob.address, from: (funded, entry))
        await expectRejection(client, second, containing: "already spent by transaction \(first.id) in the mempool")
        await expectRejection(client, first, containing: "already in the mempool")

        // Once accepted, the outpoint is gone: spending it again is an orphan (missing UTXO).
        await node.produceBlock()
        await expectRejection(client, second, containing: "orphan")
        await expectRejection(client, first, containing: "already accepted")
        await client.close()
        await node.stopServing()
    }

    private func expectRejection(_ client: NodeClient, _ tx: Transaction, containing text: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            _ = try await client.submit(tx)
            Issue.record("the transaction was accepted; expected a rejection containing '\(text)'", sourceLocation: sourceLocation)
        } catch let NodeError.rpc(_, call, message) {
            #expect(call == "SubmitTransaction", sourceLocation: sourceLocation)
            #expect(message.hasPrefix("Rejected transaction \(tx.id): "), sourceLocation: sourceLocation)
            #expect(message.contains(text), "\(message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    /// After StopNotifyingUtxosChanged for one address, its payments send nothing; the other address still notifies.
    /// Notifications keep their order on the stream, so the first one after the stop must be the other address's.
    @Test func unsubscribingStopsOnlyThatAddress() async throws {
        let (node, port) = try await startDevnet()
        let alice = TestWallet(7), bob = TestWallet(8)
        let client = try await connectClient(port)
        let events = EventRecorder(client)
        try await client.subscribeUtxosChanged([alice.address, bob.address])
        await node.fund(alice.address, Sompi(Sompi.perKas))
        _ = try await events.wait { $0.utxosChanged?.added.first { $0.address == alice.address } }
        try await client.unsubscribeUtxosChanged([alice.address])
        let mark = await events.count
        await node.fund(alice.address, Sompi(2 * Sompi.perKas))
        await node.fund(bob.address, Sompi(3 * Sompi.perKas))
        let next = try await events.wait(from: mark) { $0.utxosChanged }
        #expect(next.added.map(\.address) == [bob.address] && next.added.first?.entry.amount == Sompi(3 * Sompi.perKas))
        await client.close()
        await node.stopServing()
    }

    @Test func reorgIsNotified() async throws {
        let (node, port) = try await startDevnet()
        let alice = TestWallet(5), bob = TestWallet(6)
        let client = try await connectClient(port)
        let events = EventRecorder(client)
        try await client.subscribeUtxosChanged([bob.address])
        try await client.subscribeVirtualChainChanged()
        let funded = await node.fund(alice.address, Sompi(10 * Sompi.perKas))
        let entry = try #require(await node.utxos(of: alice.address).first?.1)
        let tx = try alice.pay(Sompi(3 * Sompi.perKas), to: bob.address, from: (funded, entry))
        _ = try await client.submit(tx)
        let block = await node.produceBlock()
        let paid = Outpoint(transactionId: tx.id, index: 0)
        _ = try await events.wait { $0.utxosChanged?.added.first { $0.outpoint == paid } }

        let mark = await events.count
        let (removed, added) = try await node.reorg(depth: 1)
        #expect(removed == [block.hash] && added.count == 1 && added != removed)
        let undone = try await events.wait(from: mark) { $0.utxosChanged?.removed.first { $0.outpoint == paid } }
        #expect(undone.address == bob.address)
        let redone = try await events.wait(from: mark) { e -> AddressUtxo? in
            guard let u = e.utxosChanged, u.removed.isEmpty else { return nil }
            return u.added.first { $0.outpoint == paid }
        }
        #expect(redone.entry.amount == Sompi(3 * Sompi.perKas))
        // The change that took `block` out (the one that added it may still arrive after `mark` on a busy machine).
        let chain = try await events.wait(from: mark) { $0.chainChanged.flatMap { $0.removedChainBlocks.isEmpty ? nil : $0 } }
        #expect(chain.removedChainBlocks == [block.hash] && chain.addedChainBlocks == added)
        #expect(chain.accepted.first?.transactionIds.contains(tx.id) == true)
        // From the orphaned block, the chain reports it removed and the replacement added.
        let fromOld = try await client.virtualChain(from: block.hash)
        #expect(fromOld.removedChainBlocks == [block.hash] && fromOld.addedChainBlocks == added)
        #expect(try await client.balances(for: [bob.address])[0].balance == Sompi(3 * Sompi.perKas))
        await client.close()
        await node.stopServing()
    }

    /// A benchmark's load: notifications built while the node holds them are kept, in order, and all sent on release.
    @Test func heldNotificationsAreSentInOrderOnRelease() async throws {
        let (node, port) = try await startDevnet()
        let alice = TestWallet(9)
        let client = try await connectClient(port)
        let events = EventRecorder(client)
        try await client.subscribeUtxosChanged([alice.address])
        await node.holdNotifications()
        let first = await node.fund(alice.address, Sompi(Sompi.perKas))
        let second = await node.fund(alice.address, Sompi(2 * Sompi.perKas))
        #expect(await node.heldNotificationCount == 2)
        await node.releaseNotifications()
        #expect(await node.heldNotificationCount == 0)
        let seen = try await events.wait { e -> [Outpoint]? in
            let added = e.utxosChanged?.added.map(\.outpoint) ?? []
            return added.contains(second) ? added : nil
        }
        #expect(seen == [second])
        let order = await events.events.compactMap { $0.utxosChanged?.added.first?.outpoint }
        #expect(order == [first, second])
        // Released, the node sends at once again.
        let third = await node.fund(alice.address, Sompi(3 * Sompi.perKas))
        _ = try await events.wait { $0.utxosChanged?.added.first { $0.outpoint == third } }
        #expect(await node.heldNotificationCount == 0)
        await client.close()
        await node.stopServing()
    }

    @Test func restartMidSubscriptionReconnects() async throws {
        let (node, port) = try await startRestartableDevnet()
        let alice = TestWallet(7)
        let client = try await connectClient(port)
        let events = EventRecorder(client)
        try await client.subscribeUtxosChanged([alice.address])
        await node.fund(alice.address, Sompi(Sompi.perKas))
        _ = try await events.wait { $0.utxosChanged }

        await node.stopServing()
        let lost = try await events.wait { $0.disconnection }
        #expect(lost.isTransient)
        #expect(await !client.isConnected)
        await #expect(throws: NodeError.self) { try await client.serverInfo() }

        // Funded while the node is unreachable: seen through the snapshot after reconnecting.
        let whileDown = await node.fund(alice.address, Sompi(2 * Sompi.perKas))
        #expect(try await node.startServing(host: "127.0.0.1", port: port) == port)
        let mark = await events.count
        try await client.connect(expecting: .devnet)
        #expect(try await client.utxos(for: [alice.address]).contains { $0.outpoint == whileDown })
        // The subscription was renewed by connect().
        let after = await node.fund(alice.address, Sompi(3 * Sompi.perKas))
        _ = try await events.wait(from: mark) { $0.utxosChanged?.added.first { $0.outpoint == after } }
        #expect(try await client.balances(for: [alice.address])[0].balance == Sompi(6 * Sompi.perKas))
        await client.close()
        await node.stopServing()
    }

    @Test func tenThousandWatchedAddresses() async throws {
        let (node, port) = try await startDevnet()
        let client = try await connectClient(port) { $0.addressBatchSize = 1000 }
        let events = EventRecorder(client)
        let addresses = (0..<10_000).map { i -> Address in
            var payload = [UInt8](repeating: 0, count: 32)
            withUnsafeBytes(of: UInt32(i).littleEndian) { for (j, b) in $0.enumerated() { payload[j] = b } }
            return try! Address(prefix: .devnet, version: .pubKey, payload: payload)
        }
        try await client.subscribeUtxosChanged(addresses)
        #expect(await client.watchedAddresses.count == 10_000)
        let paid = stride(from: 0, to: 10_000, by: 100).map { addresses[$0] }
        let outpoints = await node.fund(paid.map { (address: $0, amount: Sompi(Sompi.perKas)) })
        let change = try await events.wait { $0.utxosChanged }
        #expect(Set(change.added.map(\.outpoint)) == Set(outpoints))
        let utxos = try await client.utxos(for: addresses)
        #expect(utxos.count == 100)
        #expect(try await client.balances(for: addresses).filter { $0.balance > .zero }.count == 100)
        await client.close()
        await node.stopServing()
    }
}
