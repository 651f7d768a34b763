import Foundation
import Testing
@testable import Sync
import WalletKit

/// The sync engine against the devnet node over real loopback gRPC, with real wallet files.
@Suite(.serialized) struct SyncEngineTests {
    @Test func fundSyncAndBalancesAreExactOnBothSides() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1")
        let op = try w.operatorAddress()
        // Funds that exist before the engine starts come from the snapshot; later ones from notifications.
        await node.fund([(op, .kas(1000)), (drone, .kas(25))])
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        await node.fund([(op, .kas(7)), (drone, .kas(3))])
        await node.produceBlocks(12)
        let opAll = try w.addresses(account: w.operatorSource.name), droneAll = try w.machineAddresses("drone-1")
        try await eventually("the notifications are in the store") {
            let a = try await sameUtxos(w.store, node, opAll)
            let b = try await sameUtxos(w.store, node, droneAll)
            return a && b
        }
        #expect(try storeTotal(w.store, opAll) == 1007 * Sompi.perKas)
        // Held in full, whatever maturity state each UTXO is in at this moment (stasis included).
        let held = try w.store.balance(machine: "drone-1")
        #expect(held.mature.rawValue + held.pending.rawValue + held.stasis.rawValue == 28 * Sompi.perKas)
        try await eventually("maturity follows the DAA score") { try w.store.balance(machine: "drone-1").mature == .kas(28) }
        #expect(await running.engine.watchedAddressCount == (try w.store.watchedAddresses().count))
        await running.stop()
        await node.stopServing()
    }

    @Test func addressesAddedWhileRunningAreSubscribedAndSynced() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        let before = await running.engine.watchedAddressCount
        // A machine registered while the engine runs, funded before and after the engine notices it.
        let robot = try w.addMachine("robot-7")
        await node.fund([(robot, .kas(4))])
        try await eventually("the new address is watched") { await running.engine.watchedAddressCount > before }
        await node.fund([(robot, .kas(6))])
        let next = try w.store.newAddress(account: w.operatorSource.name)
        await node.fund([(try Address(next.address), .kas(1))])
        let all = try w.machineAddresses("robot-7") + [try Address(next.address)]
        try await eventually("both fundings are in the store") { try await sameUtxos(w.store, node, all) }
        #expect(try storeTotal(w.store, all) == 11 * Sompi.perKas)
        await running.stop()
        await node.stopServing()
    }

    @Test func sendIsAcceptedWithTheNodesIdAndExactBalances() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1", perTransaction: .kas(50))
        let charger = try w.addMachine("charger-1")
        await node.fund([(try w.operatorAddress(), .kas(500)), (drone, .kas(100))])
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        await node.produceBlocks(11)
        try await eventually("funds mature") { try w.store.balance(machine: "drone-1").mature == .kas(100) }

        // A machine pays another: policy allows, the node takes it under the id Kasfleet computed.
        let report = try await running.sender.send(PaymentRequest(source: .machine("drone-1"), destination: charger, amount: .kas(12)), keys: w.keys)
        let id = try Hash32(hex: try #require(report.submitted.first))
        #expect(report.transactions[0].transactionId == id.hex)
        #expect(await node.mempoolTransaction(id) != nil)
        #expect(try w.store.balance(machine: "drone-1").spentInMempool == .kas(100))
        await node.produceBlock()
        #expect(await node.isAccepted(id))
        try await eventually("the engine follows it to acceptance") {
            try w.store.history().first { $0.transactionId == Data(id.bytes) }?.state == .accepted
        }
        let droneAll = try w.machineAddresses("drone-1"), chargerAll = try w.machineAddresses("charger-1")
        try await eventually("balances exact on both sides") {
            let a = try await sameUtxos(w.store, node, droneAll)
            let b = try await sameUtxos(w.store, node, chargerAll)
            return a && b
        }
        let fee = report.totalFee
        #expect(try storeTotal(w.store, droneAll) == 100 * Sompi.perKas - 12 * Sompi.perKas - fee)
        #expect(try storeTotal(w.store, chargerAll) == 12 * Sompi.perKas)
        let t = report.transactions[0]
        #expect(fee >= 100 * max(t.computeMass, t.transientMass / 2), "the post-Toccata floor: 100 x max(compute, 2 x size)")
        let history = try #require(try w.store.history().first { $0.transactionId == Data(id.bytes) })
        #expect(history.direction == .outgoing && history.amount == Int64(12 * Sompi.perKas) && history.fee == Int64(fee))
        #expect(try w.store.ledger(machine: "drone-1").map(\.amount) == [Int64(12 * Sompi.perKas)])
        #expect(try w.store.ledger(machine: "drone-1").first?.transactionId == Data(id.bytes))
        #expect(try w.store.verifyAuditLog().isIntact)
        #expect(try w.store.auditEvents().contains { $0.kind == "transaction.sent" })
        await running.stop()
        await node.stopServing()
    }

    @Test func policyDenialLeavesNothingReservedSignedOrRecorded() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1", perTransaction: .kas(1))
        let other = try w.addMachine("charger-1")
        await node.fund([(drone, .kas(10))])
        await node.produceBlocks(11)
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        try await eventually("funds mature") { try w.store.balance(machine: "drone-1").mature == .kas(10) }
        let auditBefore = try w.store.auditEvents().count
        let historyBefore = try w.store.history()
        do {
            _ = try await running.sender.send(PaymentRequest(source: .machine("drone-1"), destination: other, amount: .kas(2)), keys: w.keys)
            Issue.record("the payment should have been denied")
        } catch StoreError.policyDenied(let reasons) {
            #expect(reasons.count == 1 && reasons[0].contains("per-transaction limit"))
        }
        let preview = try await running.sender.preview(PaymentRequest(source: .machine("drone-1"), destination: other, amount: .kas(2)))
        #expect(preview.policy == PolicyVerdict(applies: true, allowed: false, reasons: preview.policy.reasons) && !preview.policy.reasons.isEmpty)
        #expect(try w.store.balance(machine: "drone-1").reserved == .zero)
        #expect(try w.store.balance(machine: "drone-1").mature == .kas(10))
        #expect(try w.store.history() == historyBefore)
        #expect(try w.store.ledger(machine: "drone-1").isEmpty)
        #expect(try w.store.auditEvents().count == auditBefore)
        #expect(await node.mempoolSize == 0)
        await running.stop()
        await node.stopServing()
    }

    @Test func aTransactionNotAcceptedInTimeIsGivenUpAndItsUtxosReleased() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let op = try w.operatorAddress()
        await node.fund([(op, .kas(50))])
        await node.produceBlocks(11)
        let running = RunningEngine(port: port, store: w.store) { $0.transactionTimeout = 1 }
        try await running.waitSynced()
        try await eventually("funds mature") { try w.store.balance(account: w.operatorSource.account).mature == .kas(50) }
        let target = try w.addMachine("drone-9")
        let report = try await running.sender.send(PaymentRequest(source: w.operatorSource, destination: target, amount: .kas(1)), keys: w.keys)
        let id = try Hash32(hex: try #require(report.submitted.first))
        // No block is produced, so the node never accepts it.
        try await eventually("the engine gives it up") {
            try w.store.history().first { $0.transactionId == Data(id.bytes) }?.state == .rejected
        }
        #expect(try w.store.balance(account: w.operatorSource.account).mature == .kas(50))
        #expect(try w.store.balance(account: w.operatorSource.account).spentInMempool == .zero)
        #expect(try w.store.auditEvents().contains { $0.kind == "transaction.expired" })
        await running.stop()
        await node.stopServing()
    }

    /// Notifications keep coming while the store writes, so bursts of many notifications are coalesced. Fundings
    /// pushed back to back, with a payment of ours (spent and new UTXOs, then its acceptance) among them, must
    /// leave the store equal to the node, every UTXO once, and the payment accepted.
    @Test func backToBackNotificationsLeaveTheStoreExact() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1")
        let charger = try w.addMachine("charger-1")
        let fleet = try SyncResilienceTests.fill(w, machines: 2_000).filter { $0 != drone && $0 != charger }
        await node.fund([(drone, .kas(40))])
        await node.produceBlocks(11)
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        try await eventually("funds mature") { try w.store.balance(machine: "drone-1").mature == .kas(40) }
        var rng = SplitMix64(seed: 3)
        var sent: SendReport?
        for round in 0..<60 {
            await node.fund((0..<200).map { _ in (fleet[Int(rng.next() % UInt64(fleet.count))], Sompi(1_000 + rng.next() % 1_000_000)) })
            if round == 20 {
                sent = try await running.sender.send(PaymentRequest(source: .machine("drone-1"), destination: charger, amount: .kas(5)), keys: w.keys)
            }
            if round % 10 == 9 { await node.produceBlock() }
        }
        let id = try Hash32(hex: try #require(sent?.submitted.first))
        #expect(await node.isAccepted(id))
        let all = try fleet + w.machineAddresses("drone-1") + w.machineAddresses("charger-1")
        try await eventually("the store equals the node", seconds: 60) { try await sameUtxos(w.store, node, all) }
        var onNode = 0
        for a in all { onNode += await node.utxos(of: a).count }
        #expect(onNode == 12_000 + 2)
        #expect(try w.store.utxoCount() == onNode)
        try await eventually("the payment accepted") { try w.store.history().first { $0.transactionId == Data(id.bytes) }?.state == .accepted }
        await running.stop()
        await node.stopServing()
    }

    /// drone-1 funded with 40 and 2 KAS, synced, and its 5 KAS payment to charger-1 broadcast (in no block yet).
    static func droneHasPaidCharger() async throws -> (DevnetNode, SyncWallet, RunningEngine, SendReport, TransactionID, charger: Address) {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1")
        let charger = try w.addMachine("charger-1")
        await node.fund([(drone, .kas(40)), (drone, .kas(2))])
        await node.produceBlocks(11)
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        try await eventually("funds mature") { try w.store.balance(machine: "drone-1").mature == .kas(42) }
        let report = try await running.sender.send(PaymentRequest(source: .machine("drone-1"), destination: charger, amount: .kas(5)), keys: w.keys)
        return (node, w, running, report, try Hash32(hex: try #require(report.submitted.first)), charger)
    }

    @Test func aReorgLeavesBalancesExact() async throws {
        let (node, w, running, report, id, charger) = try await Self.droneHasPaidCharger()
        await node.produceBlocks(3)
        await node.fund([(charger, .kas(1))])
        await node.produceBlocks(2)
        let all = try w.machineAddresses("drone-1") + w.machineAddresses("charger-1")
        try await eventually("synced before the reorg") { try await sameUtxos(w.store, node, all) }
        try await node.reorg(depth: 5)
        // The reorg re-accepts the same transactions, so the UTXO set it ends with is the one before it: a match alone
        // could be seen before the engine applied it. A payment after it is applied after it (notifications are
        // applied in order), so once the store holds that one, the reorg is behind it.
        await node.fund([(charger, .kas(1))])
        try await eventually("exact after the reorg") {
            let same = try await sameUtxos(w.store, node, all)
            return try same && storeTotal(w.store, all) == 44 * Sompi.perKas - report.totalFee
        }
        try await eventually("still accepted") { try w.store.history().first { $0.transactionId == Data(id.bytes) }?.state == .accepted }
        #expect(try w.store.balance(machine: "drone-1").spentInMempool == .zero)
        await running.stop()
        await node.stopServing()
    }

    /// A reorg that takes our payment's acceptance back (its block leaves the chain and the node returns it to the
    /// mempool): the history says pending again, the inputs it spends are back in the store but held as spent in
    /// the mempool (never offered to another payment), its outputs are gone; a later block accepts it again and
    /// everything is exact.
    @Test func aReorgThatRevertsOurAcceptanceKeepsItsInputsSpent() async throws {
        let (node, w, running, report, id, _) = try await Self.droneHasPaidCharger()
        let spent = try #require(await node.mempoolTransaction(id)).entries.reduce(UInt64(0)) { $0 + $1.amount.rawValue }
        @Sendable func state() throws -> HistoryRecord.State? { try w.store.history().first { $0.transactionId == Data(id.bytes) }?.state }
        await node.produceBlocks(2)
        let all = try w.machineAddresses("drone-1") + w.machineAddresses("charger-1")
        try await eventually("accepted and synced") {
            let same = try await sameUtxos(w.store, node, all)
            return try state() == .accepted && same
        }

        try await node.reorg(depth: 2, returnToMempool: true)
        let inMempool = await node.mempoolTransaction(id) != nil, accepted = await node.isAccepted(id)
        #expect(inMempool && !accepted, "the node holds it unaccepted")
        try await eventually("pending again, its inputs held") {
            let same = try await sameUtxos(w.store, node, all)
            return try state() == .pending && same && w.store.balance(machine: "drone-1").spentInMempool.rawValue == spent
        }
        let held = try w.store.balance(machine: "drone-1")
        #expect(held.mature.rawValue + held.pending.rawValue + held.spentInMempool.rawValue == 42 * Sompi.perKas, "every funded sompi is back")
        #expect(try w.store.balance(machine: "charger-1").utxoCount == 0, "the payment's output left with its block")

        await node.produceBlock()
        try await eventually("accepted again and exact") {
            let same = try await sameUtxos(w.store, node, all)
            return try state() == .accepted && same && w.store.balance(machine: "drone-1").spentInMempool == .zero
        }
        #expect(try storeTotal(w.store, all) == 42 * Sompi.perKas - report.totalFee)
        await running.stop()
        await node.stopServing()
    }

    /// What an operator sees, in order: connecting, syncing n%, behind while the node says it is still catching up
    /// with its network (its data may be stale), synced once it says it is, offline when it goes away.
    @Test func theStatesAnOperatorSeesComeInOrder() async throws {
        let (node, port) = try await startDevnet()
        await node.setSynced(false)
        let w = try SyncWallet()
        try w.addMachine("drone-1")
        let client = NodeClient(endpoint: NodeEndpoint(host: "127.0.0.1", port: port))
        var options = SyncEngine.Options()
        options.tickInterval = .seconds(5) // 100 ms on the FastClock
        options.backoff = Backoff(initial: .seconds(50), maximum: .seconds(50)) // 1 s on the FastClock: offline stays seen
        let engine = SyncEngine(client: client, store: w.store, options: options, clock: FastClock())
        let updates = await engine.stateUpdates()
        let log = StateLog()
        let watcher = Task { for await s in updates { await log.append(s) } }
        let running = Task { try await engine.run() }

        #expect(await engine.waitUntil(seconds: 20) { if case .behind(.nodeNotSynced) = $0 { true } else { false } })
        await node.setSynced(true)
        #expect(await engine.waitUntil(seconds: 20) { $0.isSynced })
        await node.stopServing()
        #expect(await engine.waitUntil(seconds: 20) { if case .offline = $0 { true } else { false } })
        running.cancel()
        _ = try? await running.value
        watcher.cancel()
        await client.close()
        let kinds = await log.kinds
        #expect(Array(kinds.prefix(5)) == ["connecting", "syncing", "behind", "synced", "offline"], "\(kinds)")
    }
}

/// The kinds of the states an engine reported, a repeat of the same kind kept once.
private actor StateLog {
    private(set) var kinds: [String] = []
    func append(_ state: SyncState) { if kinds.last != state.kind { kinds.append(state.kind) } }
}
