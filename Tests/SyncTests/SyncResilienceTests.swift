import Foundation
import Testing
@testable import Sync
import WalletKit

/// Reconnection, scale, consolidation and the demo fleet, over real loopback gRPC.
@Suite(.serialized) struct SyncResilienceTests {
    /// Watched addresses of machines with external keys, added in bulk (as `bench store` does).
    static func fill(_ w: SyncWallet, machines: Int) throws -> [Address] {
        let master = try ExtendedPrivateKey(seed: try Mnemonic(phrase: SyncWallet.phrase).seed())
        try StoreBenchmark.fill(w.store, counts: .init(machines: machines, groups: 4, utxos: 0, ledgerEntries: 0),
                                account: try Bip32Account(master: master, account: 9), now: Int64(Date().timeIntervalSince1970))
        return try w.store.machines().map { try Address($0.address) }
    }

    @Test func theNodeStopsAndRestartsMidSyncAndNothingIsLostOrDuplicated() async throws {
        let (node, port) = try await startRestartableDevnet()
        let w = try SyncWallet()
        let addresses = try Self.fill(w, machines: 3000)
        await node.fund(addresses.prefix(1500).map { ($0, Sompi.kas(1)) })
        // Small snapshot batches, so that the stop falls in the middle of the snapshot.
        let running = RunningEngine(port: port, store: w.store) { $0.snapshotBatchSize = 50 }
        try await eventually("the engine is syncing", seconds: 20) { if case .syncing(let p) = await running.engine.state { p > 0 } else { false } }
        await node.stopServing()
        try await eventually("the engine notices", seconds: 20) { if case .offline = await running.engine.state { true } else { false } }
        // While it is offline: more funds, spends from the node side, blocks.
        await node.fund(addresses.suffix(1500).map { ($0, Sompi.kas(2)) })
        await node.produceBlocks(5)
        _ = try await node.startServing(host: "127.0.0.1", port: port)
        try await running.waitSynced(60)
        await node.fund([(addresses[0], .kas(3))])
        let all = addresses
        try await eventually("the store equals the node", seconds: 30) { try await sameUtxos(w.store, node, all) }
        #expect(try w.store.utxoCount() == 3001)
        #expect(try storeTotal(w.store, all) == (1500 + 3000 + 3) * Sompi.perKas)
        await running.stop()
        await node.stopServing()
    }

    /// Payments that arrive while no engine runs come in through the resync's snapshot, not a notification: they
    /// must reach the history all the same, once each, at their block's DAA score, and leave our own payment's
    /// history row (its change came back in the same snapshot) as it was.
    @Test func paymentsReceivedWhileOfflineReachTheHistoryOnce() async throws {
        let (node, port) = try await startRestartableDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1")
        let charger = try w.addMachine("charger-1")
        await node.fund([(drone, .kas(20))])
        await node.produceBlocks(11)
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        try await eventually("funds mature") { try w.store.balance(machine: "drone-1").mature == .kas(20) }
        let report = try await running.sender.send(PaymentRequest(source: .machine("drone-1"), destination: charger, amount: .kas(3)), keys: w.keys)
        let sent = try Hash32(hex: try #require(report.submitted.first))

        await node.stopServing()
        try await eventually("the engine notices") { if case .offline = await running.engine.state { true } else { false } }
        await node.produceBlock()
        let offline = await node.fund([(charger, .kas(7)), (charger, .kas(1))])[0].transactionId
        let score = try #require(await node.utxos(of: charger).first { $0.0.transactionId == offline }?.1.blockDaaScore)
        _ = try await node.startServing(host: "127.0.0.1", port: port)
        try await running.waitSynced(60)
        let all = try w.machineAddresses("drone-1") + w.machineAddresses("charger-1")
        try await eventually("the store equals the node") { try await sameUtxos(w.store, node, all) }

        let received = try w.store.history().filter { $0.transactionId == Data(offline.bytes) }
        #expect(received.count == 1)
        let row = try #require(received.first)
        #expect(row.direction == .incoming && row.state == .accepted && row.amount == Int64(8 * Sompi.perKas))
        #expect(row.blockDaaScore == Int64(score))
        #expect(row.machineId == (try w.store.machines().first { $0.name == "charger-1" }?.id))
        try await eventually("our payment accepted") { try w.store.history().first { $0.transactionId == Data(sent.bytes) }?.state == .accepted }
        let ours = try w.store.history().filter { $0.transactionId == Data(sent.bytes) }
        #expect(ours.count == 1 && ours.first?.direction == .outgoing)

        // A second resync finds the same UTXOs: nothing is recorded again.
        let before = try w.store.history()
        await node.stopServing()
        try await eventually("the engine notices again") { if case .offline = await running.engine.state { true } else { false } }
        _ = try await node.startServing(host: "127.0.0.1", port: port)
        try await running.waitSynced(60)
        #expect(try w.store.history() == before)
        await running.stop()
        await node.stopServing()
    }

    /// One payment to several of the wallet's addresses reaches the store in several transactions when those
    /// addresses fall in different snapshot batches (a sync) or a burst is written in chunks (live): its history
    /// row still shows everything it paid.
    @Test func aPaymentSplitAcrossStoreTransactionsIsRecordedWhole() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1"), charger = try w.addMachine("charger-1"), robot = try w.addMachine("robot-1")
        let early = await node.fund([(drone, .kas(2)), (charger, .kas(3)), (robot, .kas(4))])[0].transactionId
        let running = RunningEngine(port: port, store: w.store) { options in
            options.snapshotBatchSize = 1
            options.maxChangesPerWrite = 1
        }
        try await running.waitSynced()
        let live = await node.fund([(drone, .kas(5)), (charger, .kas(6)), (robot, .kas(7))])[0].transactionId
        // The history row goes with the first chunk, so the row alone can be seen before the last UTXO is written.
        try await eventually("both payments in the history and their six UTXOs in the store") {
            let rows = try w.store.history()
            return try rows.contains { $0.transactionId == Data(early.bytes) } && rows.contains { $0.transactionId == Data(live.bytes) }
                && w.store.utxoCount() == 6
        }
        let rows = try w.store.history()
        #expect(rows.count == 2)
        #expect(rows.first { $0.transactionId == Data(early.bytes) }?.amount == Int64(9 * Sompi.perKas))
        #expect(rows.first { $0.transactionId == Data(live.bytes) }?.amount == Int64(18 * Sompi.perKas))
        await running.stop()
        await node.stopServing()
    }

    @Test func tenThousandWatchedAddressesAreSubscribedAndSynced() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let addresses = try Self.fill(w, machines: 10_000)
        let funded = stride(from: 0, to: addresses.count, by: 20).map { addresses[$0] }
        await node.fund(funded.map { ($0, Sompi.kas(1)) })
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced(120)
        #expect(await running.engine.watchedAddressCount == (try w.store.watchedAddresses().count))
        #expect(await running.client.watchedAddresses.count >= 10_000)
        // Notifications reach the last batch of addresses too.
        await node.fund([(addresses[9_999], .kas(5)), (addresses[5_001], .kas(6))])
        let all = addresses
        try await eventually("every UTXO in the store", seconds: 30) { try await sameUtxos(w.store, node, all) }
        #expect(try w.store.utxoCount() == funded.count + 2)
        await running.stop()
        await node.stopServing()
    }

    @Test func compoundSplitsIntoSeveralValidTransactionsWithinTheMassLimits() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let op = try w.operatorAddress()
        await node.fund(Array(repeating: (op, Sompi.kas(1)), count: 200))
        await node.produceBlocks(11)
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        let account = w.operatorSource.account
        try await eventually("funds mature") { try w.store.balance(account: account).mature == .kas(200) }
        let preview = try await running.sender.compound(from: w.operatorSource, dryRun: true, keys: nil)
        #expect(preview.transactions.count >= 2, "200 inputs do not fit one transaction of at most 100,000 g")
        #expect(try w.store.balance(account: account).reserved == .zero)
        let report = try await running.sender.compound(from: w.operatorSource, dryRun: false, keys: w.keys)
        #expect(report.submitted.count == report.transactions.count && report.submitted.count >= 2)
        for t in report.transactions {
            #expect(t.computeMass <= 100_000 && t.transientMass / 2 <= 100_000 && t.storageMass <= MassLimits.toccata.storage)
            #expect(t.outputs.count == 1)
        }
        #expect(report.transactions.reduce(0) { $0 + $1.inputs.count } == 200)
        await node.produceBlock()
        for id in report.submitted { #expect(await node.isAccepted(try Hash32(hex: id))) }
        let all = try w.addresses(account: w.operatorSource.name)
        try await eventually("exact on both sides") { try await sameUtxos(w.store, node, all) }
        #expect(try storeTotal(w.store, all) == 200 * Sompi.perKas - report.totalFee)
        #expect(try w.store.utxoCount() == report.transactions.count)
        await running.stop()
        await node.stopServing()
    }

    @Test func sweepEmptiesAMachine() async throws {
        let (node, port) = try await startDevnet()
        let w = try SyncWallet()
        let drone = try w.addMachine("drone-1", perTransaction: .kas(1))
        let vault = TestWallet(0x31).address
        await node.fund([(drone, .kas(3)), (drone, .kas(4)), (drone, .kas(5))])
        await node.produceBlocks(11)
        let running = RunningEngine(port: port, store: w.store)
        try await running.waitSynced()
        try await eventually("funds mature") { try w.store.balance(machine: "drone-1").mature == .kas(12) }
        // An operator action: the machine's per-transaction limit does not apply.
        let report = try await running.sender.sweep(from: .machine("drone-1"), to: vault, dryRun: false, keys: w.keys)
        await node.produceBlock()
        #expect(await node.balance(of: vault).rawValue == 12 * Sompi.perKas - report.totalFee)
        let droneAll = try w.machineAddresses("drone-1")
        try await eventually("the machine is empty on both sides") { try storeTotal(w.store, droneAll) == 0 }
        #expect(await nodeTotal(node, droneAll) == 0)
        #expect(try w.store.ledger(machine: "drone-1").isEmpty)
        await running.stop()
        await node.stopServing()
    }

    @Test func theDemoFleetPaysOnASchedule() async throws {
        var config = DemoFleet.Config()
        config.machines = 3
        config.paymentInterval = .milliseconds(300)
        config.kdf = .insecureForTests
        let fleet = try await DemoFleet.start(config)
        var payments = 0, accepted = 0, funded = 0
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        for await event in fleet.events {
            switch event {
            case .funded: funded += 1
            case .payment: payments += 1
            case .accepted: accepted += 1
            default: break
            }
            if (funded == 3 && payments >= 2 && accepted >= 4) || ContinuousClock.now > deadline { break }
        }
        #expect(funded == 3 && payments >= 2 && accepted >= 4)
        await fleet.stop()
    }
}

@Suite struct SyncUnitTests {
    @Test func backoffGrowsIsCappedAndJittered() {
        let low = Backoff(initial: .milliseconds(100), maximum: .seconds(2), multiplier: 2, jitter: 0.5, random: { 0 })
        let high = Backoff(initial: .milliseconds(100), maximum: .seconds(2), multiplier: 2, jitter: 0.5, random: { 0.999_999 })
        #expect(abs(Backoff.seconds(low.delay(attempt: 0)) - 0.05) < 1e-9)
        #expect(abs(Backoff.seconds(high.delay(attempt: 0)) - 0.15) < 1e-3)
        #expect(abs(Backoff.seconds(low.delay(attempt: 3)) - 0.4) < 1e-9)
        #expect(abs(Backoff.seconds(high.delay(attempt: 30)) - 3.0) < 1e-3, "capped at the maximum, then jittered")
    }

    @Test func aBurstCollapsesToTheLastChangeOfEachOutpoint() throws {
        let a = TestWallet(0x21).address, b = TestWallet(0x22).address
        let o1 = Outpoint(transactionId: Hash32(storage: (1, 0, 0, 0)), index: 0)
        let o2 = Outpoint(transactionId: Hash32(storage: (2, 0, 0, 0)), index: 1)
        let e = UtxoEntry(amount: .kas(1), scriptPublicKey: ScriptPublicKey(address: a))
        var set = UtxoChangeSet()
        let watched = [a: WatchedAddress(id: 7, address: a.string)]
        // Added, removed by a reorg, added again: present. Added then removed: absent. Unwatched: ignored.
        set.apply(UtxosChanged(added: [AddressUtxo(address: a, outpoint: o1, entry: e), AddressUtxo(address: a, outpoint: o2, entry: e)], removed: []), watched: watched)
        set.apply(UtxosChanged(added: [AddressUtxo(address: b, outpoint: o2, entry: e)], removed: [AddressUtxo(address: a, outpoint: o1, entry: e)]), watched: watched)
        set.apply(UtxosChanged(added: [AddressUtxo(address: a, outpoint: o1, entry: e)], removed: [AddressUtxo(address: a, outpoint: o2, entry: e)]), watched: watched)
        let chunks = set.chunks(10)
        #expect(chunks.count == 1)
        #expect(chunks[0].added.map(\.outpoint) == [o1] && chunks[0].removed == [o2])
        #expect(chunks[0].added[0].address == a.string && chunks[0].added[0].addressId == 7, "the watched address's text and row id go with it")
        #expect(set.chunks(1).count == 2)
    }

    /// A burst bigger than one write splits into chunks that hold each outpoint's last change exactly once, with
    /// or without superseded changes in it.
    @Test func aLargeBurstSplitsIntoChunksOfItsLastChanges() throws {
        let a = TestWallet(0x24).address
        let e = UtxoEntry(amount: .kas(1), scriptPublicKey: ScriptPublicKey(address: a))
        func o(_ i: UInt64) -> Outpoint { Outpoint(transactionId: Hash32(storage: (i, 0, 0, 0)), index: 0) }
        func utxos(_ r: Range<UInt64>) -> [AddressUtxo] { r.map { AddressUtxo(address: a, outpoint: o($0), entry: e) } }
        for supersede in [false, true] {
            var set = UtxoChangeSet()
            set.apply(UtxosChanged(added: utxos(0..<25), removed: utxos(100..<110)), watched: [a: WatchedAddress(id: 1, address: a.string)])
            // Outpoints 0..<5 removed after being added, 100..<103 added after being removed.
            if supersede { set.apply(UtxosChanged(added: utxos(100..<103), removed: utxos(0..<5)), watched: [a: WatchedAddress(id: 1, address: a.string)]) }
            let chunks = set.chunks(7)
            let added = chunks.flatMap(\.added).map(\.outpoint), removed = chunks.flatMap(\.removed)
            #expect(chunks.allSatisfy { $0.added.count + $0.removed.count <= 7 } && chunks.count == (set.count + 6) / 7)
            #expect(added == (supersede ? (5..<25).map(o) + (100..<103).map(o) : (0..<25).map(o)))
            #expect(removed == (supersede ? (103..<110).map(o) + (0..<5).map(o) : (100..<110).map(o)))
            #expect(added.count + removed.count == set.count)
        }
    }

    @Test func consolidationPlansRespectTheMassCapAndSkipDust() throws {
        let spk = TestWallet(0x23).script
        let spends = (0..<500).map { i in
            TransactionBuilder.Spend(outpoint: Outpoint(transactionId: Hash32(storage: (UInt64(i + 1), 0, 0, 0)), index: 0),
                                     entry: UtxoEntry(amount: i < 10 ? Sompi(50_000) : .kas(1), scriptPublicKey: spk))
        }
        let plan = try ConsolidationPlanner().plan(spends, to: spk, minimumInputs: 2)
        #expect(plan.uneconomic.count == 10, "inputs worth less than their own fee stay out")
        #expect(plan.batches.count == 6)
        #expect(plan.batches.reduce(0) { $0 + $1.inputs.count } == 490)
        for b in plan.batches {
            #expect(b.computeMass <= 100_000 && b.storageMass == 0 && b.transaction.tx.outputs.count == 1)
            #expect(b.fee.rawValue >= 100 * b.computeMass)
        }
    }
}
