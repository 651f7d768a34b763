import Foundation
import GRDB
import Testing
@testable import WalletKit

@Suite struct UtxoStoreTests {
    func setup() throws -> (WalletStore, String, String) {
        let (store, _) = try StoreFixtures.memoryWallet(network: .devnet)
        let account = try #require(try store.addresses(account: "account-0", chain: .receive).first?.address)
        let machine = try store.addMachine(name: "drone-1", kind: "drone", group: nil, key: .publicKey(StoreFixtures.publicKey(1))).address
        return (store, account, machine)
    }

    func update(_ n: UInt64, _ address: String, amount: UInt64, daa: UInt64 = 100, coinbase: Bool = false) -> UtxoUpdate {
        UtxoUpdate(outpoint: StoreFixtures.outpoint(n), entry: UtxoEntry(amount: Sompi(amount), scriptPublicKey: ScriptPublicKey(script: [0x51]),
                                                                        blockDaaScore: daa, isCoinbase: coinbase), address: address)
    }

    @Test func maturityRules() {
        let main = UtxoMaturity.of(.mainnet)
        #expect(main.state(blockDaaScore: 1_000, isCoinbase: false, virtualDaaScore: 1_099) == .pending)
        #expect(main.state(blockDaaScore: 1_000, isCoinbase: false, virtualDaaScore: 1_100) == .mature)
        #expect(main.state(blockDaaScore: 1_000, isCoinbase: true, virtualDaaScore: 1_499) == .stasis)
        #expect(main.state(blockDaaScore: 1_000, isCoinbase: true, virtualDaaScore: 1_500) == .pending)
        #expect(main.state(blockDaaScore: 1_000, isCoinbase: true, virtualDaaScore: 2_000) == .mature)
        let dev = UtxoMaturity.of(.devnet)
        #expect(dev.state(blockDaaScore: 5, isCoinbase: false, virtualDaaScore: 15) == .mature)
        #expect(dev.state(blockDaaScore: 5, isCoinbase: true, virtualDaaScore: 54) == .stasis)
        #expect(dev.state(blockDaaScore: 5, isCoinbase: true, virtualDaaScore: 104) == .pending)
        #expect(main.state(blockDaaScore: .max, isCoinbase: false, virtualDaaScore: .max) == .pending)
    }

    @Test func batchUpsertOwnersStatesAndRemoval() throws {
        let (store, account, machine) = try setup()
        try store.applyUtxoChanges(added: [update(1, account, amount: 500, daa: 100), update(2, machine, amount: 700, daa: 195),
                                           update(3, machine, amount: 900, daa: 50, coinbase: true)],
                                   removed: [], virtualDaaScore: 200)
        var all = try store.utxos()
        #expect(all.map(\.amount) == [900, 700, 500])
        #expect(all.map(\.state) == [.mature, .pending, .mature])
        #expect(try store.utxos(machine: "drone-1").count == 2)
        #expect(try store.utxos(account: "account-0").count == 1)
        var b = try store.balance(machine: "drone-1")
        #expect(b.mature == 900 && b.pending == 700 && b.utxoCount == 2)
        #expect(try store.updateVirtualDaaScore(205) == 1)
        #expect(try store.balance().mature == 2_100)
        #expect(try store.virtualDaaScore() == 205)
        // Re-applying the same outpoint updates it in place; removal deletes.
        try store.applyUtxoChanges(added: [update(1, account, amount: 501)], removed: [StoreFixtures.outpoint(2)], virtualDaaScore: 205)
        all = try store.utxos()
        #expect(all.count == 2 && all.contains { $0.amount == 501 })
        b = try store.balance()
        #expect(b.mature == 1_401)
    }

    /// The table keeps the address row's id, not its text (v4): every read that hands out UTXO records joins the
    /// text back, for each owner kind, and a machine's records are its own.
    @Test func everyUtxoReadCarriesItsAddressText() throws {
        let (store, account, machine) = try setup()
        try store.applyUtxoChanges(added: [update(1, account, amount: 500, daa: 1), update(2, machine, amount: 700, daa: 1)], removed: [], virtualDaaScore: 200)
        let drone = try #require(try store.machine(named: "drone-1").id)
        #expect(Set(try store.utxos().map(\.address)) == [account, machine])
        #expect(try store.utxos(account: "account-0").map(\.address) == [account])
        #expect(try store.utxos(machine: "drone-1").map(\.address) == [machine])
        #expect(try store.machineUtxos(id: drone).map(\.address) == [machine])
        #expect(try store.spendableUtxos(.account("account-0")).map(\.address) == [account])
        #expect(try store.spendableUtxos(.machine("drone-1")).map(\.address) == [machine])
        #expect(try store.selectAndReserve(machine: "drone-1", amount: 700, reservationId: "r").map(\.address) == [machine])
        #expect(try store.selectAndReserve(account: "account-0", amount: 500, reservationId: "s").map(\.address) == [account])
    }

    /// The store writes a batch in outpoint order, not the order given: an outpoint listed twice in one batch
    /// must still end with its later entry, and each row keeps its own fields whatever order it was written in.
    @Test func batchOrderDoesNotChangeTheResult() throws {
        let (store, account, machine) = try setup()
        var rng = SplitMix64(seed: 11)
        let ids = (0..<200).map { _ in Hash32(storage: (rng.next(), rng.next(), rng.next(), rng.next())) }
        var batch = ids.enumerated().map { i, id in
            UtxoUpdate(outpoint: Outpoint(transactionId: id, index: UInt32(i % 3)),
                       entry: UtxoEntry(amount: Sompi(UInt64(1_000 + i)), scriptPublicKey: ScriptPublicKey(script: [0x51]), blockDaaScore: 100),
                       address: i.isMultiple(of: 2) ? account : machine)
        }
        // The same outpoints again later in the batch, with new amounts and owners: these must win.
        for i in stride(from: 0, to: 200, by: 7) {
            batch.append(UtxoUpdate(outpoint: batch[i].outpoint, entry: UtxoEntry(amount: Sompi(UInt64(900_000 + i)), scriptPublicKey: ScriptPublicKey(script: [0x51]),
                                                                                  blockDaaScore: 100),
                                    address: i.isMultiple(of: 2) ? machine : account))
        }
        try store.applyUtxoChanges(added: batch, removed: [], virtualDaaScore: 200)
        let stored = Dictionary(uniqueKeysWithValues: try store.utxos().map { ($0.outpoint, $0) })
        #expect(stored.count == 200)
        for i in 0..<200 {
            let u = try #require(stored[batch[i].outpoint])
            let repeated = i.isMultiple(of: 7)
            #expect(u.amount == Int64(repeated ? 900_000 + i : 1_000 + i))
            #expect(u.address == (i.isMultiple(of: 2) != repeated ? account : machine))
        }
    }

    /// Rows after a batch's first are bound by hand (UtxoUpsert): every field must come back as given, an empty
    /// script (the last row) included.
    @Test func everyFieldRoundTrips() throws {
        let (store, account, machine) = try setup()
        let entries = (1...4).map { i in
            UtxoEntry(amount: Sompi(UInt64(i) * 1_000_003),
                      scriptPublicKey: ScriptPublicKey(version: UInt16(i), script: [UInt8](repeating: UInt8(i), count: i == 4 ? 0 : 30 + i)),
                      blockDaaScore: UInt64(i) * 77, isCoinbase: i % 2 == 0, covenantId: i == 3 ? Hash32(storage: (3, 1, 4, 1)) : nil)
        }
        let updates = entries.enumerated().map { i, e in
            UtxoUpdate(outpoint: StoreFixtures.outpoint(UInt64(i + 1), UInt32(i * 5)), entry: e, address: i % 2 == 0 ? account : machine)
        }
        try store.applyUtxoChanges(added: updates, removed: [], virtualDaaScore: 10_000)
        let stored = Dictionary(uniqueKeysWithValues: try store.utxos().map { ($0.outpoint, $0) })
        for u in updates {
            let r = try #require(stored[u.outpoint])
            #expect(r.entry == u.entry)
            #expect(r.address == u.address)
            #expect(r.machineId == (u.address == machine ? try store.machine(named: "drone-1").id : nil))
            #expect(r.state == .mature)
        }
    }

    /// The upsert binds a state's text from a literal of its own: each must be the state's stored text.
    @Test func boundStateTextsAreTheStoredOnes() {
        for state in UtxoState.allCases { #expect(UtxoUpsert.text(of: state).description == state.rawValue) }
    }

    /// A batch's first row goes through GRDB's checked binding: an empty script must come back empty there too.
    @Test func anEmptyScriptAloneRoundTrips() throws {
        let (store, account, _) = try setup()
        let entry = UtxoEntry(amount: Sompi(42), scriptPublicKey: ScriptPublicKey(script: []), blockDaaScore: 7)
        try store.applyUtxoChanges(added: [UtxoUpdate(outpoint: StoreFixtures.outpoint(9), entry: entry, address: account)], removed: [],
                                   virtualDaaScore: 10_000)
        #expect(try store.utxos().map(\.entry) == [entry])
    }

    @Test func unknownAddressesAreSkipped() throws {
        let (store, account, _) = try setup()
        let skipped = try store.applyUtxoChanges(added: [update(1, account, amount: 500), update(2, "kaspadev:not-ours", amount: 700)],
                                                 removed: [], virtualDaaScore: 200)
        #expect(skipped == 1)
        #expect(try store.utxos().map(\.amount) == [500])
    }

    /// The sync engine names a watched address by its row id too (`UtxoUpdate.addressId`): the owner then comes
    /// from the id, and an id the address table does not hold is skipped, like an unknown text.
    @Test func ownersAreFoundByAddressIdWhenGiven() throws {
        let (store, account, machine) = try setup()
        let rows = Dictionary(uniqueKeysWithValues: try store.watchedAddresses(after: 0).map { ($0.address, $0) })
        let a = try #require(rows[account]), m = try #require(rows[machine])
        let e = UtxoEntry(amount: Sompi(500), scriptPublicKey: ScriptPublicKey(script: [0x51]), blockDaaScore: 100)
        let skipped = try store.applyUtxoChanges(added: [UtxoUpdate(outpoint: StoreFixtures.outpoint(1), entry: e, watched: a),
                                                         UtxoUpdate(outpoint: StoreFixtures.outpoint(2), entry: e, watched: m),
                                                         UtxoUpdate(outpoint: StoreFixtures.outpoint(3), entry: e, address: account, addressId: 999_999)],
                                                 removed: [], virtualDaaScore: 200)
        #expect(skipped == 1)
        let stored = Dictionary(uniqueKeysWithValues: try store.utxos().map { ($0.outpoint, $0) })
        #expect(stored.count == 2)
        let first = try #require(stored[StoreFixtures.outpoint(1)]), second = try #require(stored[StoreFixtures.outpoint(2)])
        #expect(first.addressId == a.id && first.address == account && first.accountId != nil && first.machineId == nil)
        let drone = try store.machine(named: "drone-1").id
        #expect(second.addressId == m.id && second.address == machine && second.machineId == drone)
        #expect(try store.utxos(machine: "drone-1").map(\.outpoint) == [StoreFixtures.outpoint(2)])
    }

    /// The write path keeps address owners in memory (`AddressDirectory`): an address added later is found, and
    /// one seen only inside a transaction that rolled back is forgotten, even when its id goes to another address.
    @Test func addressOwnersFollowTheAddressTable() throws {
        let (store, account, _) = try setup()
        try store.applyUtxoChanges(added: [update(1, account, amount: 500)], removed: [], virtualDaaScore: 200)
        func insertAddress(_ db: Database, _ text: String, machine: Int64) throws -> Int64 {
            try db.execute(sql: "INSERT INTO address (address, machineId, chain, idx, createdAt) VALUES (?, ?, 0, 0, 0)", arguments: [text, machine])
            return db.lastInsertedRowID
        }
        struct Abandon: Error {}
        var lostId: Int64 = 0
        #expect(throws: Abandon.self) {
            try store.write { db in
                lostId = try insertAddress(db, "kaspadev:rolled-back", machine: 41)
                #expect(try store.applyUtxoChanges(db, added: [update(2, "kaspadev:rolled-back", amount: 1)], removed: [], virtualDaaScore: 200) == 0)
                throw Abandon()
            }
        }
        let keptId = try store.write { db in try insertAddress(db, "kaspadev:kept", machine: 42) }
        #expect(keptId == lostId, "AUTOINCREMENT hands the rolled-back id out again")
        let skipped = try store.applyUtxoChanges(added: [update(3, "kaspadev:rolled-back", amount: 7), update(4, "kaspadev:kept", amount: 9)],
                                                 removed: [], virtualDaaScore: 200)
        #expect(skipped == 1)
        let rows = try store.utxos().sorted { $0.amount < $1.amount }
        #expect(rows.map(\.amount) == [9, 500])
        #expect(rows[0].addressId == keptId && rows[0].address == "kaspadev:kept" && rows[0].machineId == 42)
    }

    /// Payments received are written with their UTXOs, in the same transaction: a batch that fails leaves neither.
    @Test func incomingPaymentsCommitWithTheirUtxos() throws {
        let (store, account, machine) = try setup()
        let paid = StoreFixtures.outpoint(1).transactionId
        try store.applyUtxoChanges(added: [update(1, machine, amount: 700)], removed: [], virtualDaaScore: 200,
                                   incoming: [IncomingPayment(transactionId: paid, address: machine, amount: 700, blockDaaScore: 200, at: 50)])
        let h = try #require(try store.history().first)
        #expect(h.direction == .incoming && h.state == .accepted && h.amount == 700 && h.createdAt == 50)
        #expect(h.machineId == (try store.machine(named: "drone-1").id) && h.accountId == nil)

        let bad = UtxoUpdate(outpoint: StoreFixtures.outpoint(3), entry: UtxoEntry(amount: Sompi(UInt64.max), scriptPublicKey: ScriptPublicKey(script: [0x51]),
                                                                                   blockDaaScore: 1), address: account)
        #expect(throws: StoreError.self) {
            try store.applyUtxoChanges(added: [update(2, account, amount: 5), bad], removed: [StoreFixtures.outpoint(1)], virtualDaaScore: 300,
                                       incoming: [IncomingPayment(transactionId: StoreFixtures.outpoint(2).transactionId, address: account, amount: 5,
                                                                  blockDaaScore: 300, at: 60)])
        }
        #expect(try store.history().count == 1)
        #expect(try store.utxos().map(\.amount) == [700])
        #expect(try store.virtualDaaScore() == 200)
    }

    /// Sync passes a payment again with the sum of its outputs so far: the incoming row grows to it and never
    /// shrinks, and a transaction of ours keeps its outgoing row whatever comes back.
    @Test func incomingRowsGrowToTheWholePayment() throws {
        let (store, _, machine) = try setup()
        let paid = StoreFixtures.outpoint(1).transactionId
        func pay(_ n: UInt64, amount: UInt64, _ id: TransactionID = paid) throws {
            try store.applyUtxoChanges(added: [update(n, machine, amount: amount)], removed: [], virtualDaaScore: 200,
                                       incoming: [IncomingPayment(transactionId: id, address: machine, amount: Sompi(amount), blockDaaScore: 150, at: 50)])
        }
        try pay(1, amount: 300)
        try pay(2, amount: 1_000)
        try pay(3, amount: 400)
        var rows = try store.history()
        #expect(rows.count == 1 && rows[0].amount == 1_000 && rows[0].direction == .incoming && rows[0].blockDaaScore == 150)
        let ours = StoreFixtures.outpoint(9).transactionId
        try store.recordHistory([HistoryRecord(transactionId: ours, direction: .outgoing, amount: 20, at: 10)])
        try pay(4, amount: 5_000, ours)
        rows = try store.history()
        let out = try #require(rows.first { $0.transactionId == Data(ours.bytes) })
        #expect(rows.count == 2 && out.direction == .outgoing && out.amount == 20)
    }

    /// Coinbase outputs go stasis -> pending -> mature as the score passes each depth; a mempool spend keeps its mark.
    @Test func maturityPassFollowsTheScore() throws {
        let (store, account, _) = try setup()
        try store.applyUtxoChanges(added: [update(1, account, amount: 100, daa: 100, coinbase: true), update(2, account, amount: 200, daa: 100)],
                                   removed: [], virtualDaaScore: 100)
        try store.revertAcceptance(Hash32(storage: (9, 9, 9, 9)), inputs: [StoreFixtures.outpoint(2)])
        func state() throws -> UtxoState? { try store.utxos().first { $0.amount == 100 }?.state }
        #expect(try state() == .stasis)
        #expect(try store.updateVirtualDaaScore(149) == 0 && state() == .stasis)
        #expect(try store.updateVirtualDaaScore(150) == 1 && state() == .pending)
        #expect(try store.updateVirtualDaaScore(199) == 0 && state() == .pending)
        #expect(try store.updateVirtualDaaScore(200) == 1 && state() == .mature)
        #expect(try store.utxos().first { $0.amount == 200 }?.state == .spentInMempool)
    }

    @Test func reservationsNeverOverlap() throws {
        let (store, account, _) = try setup()
        try store.applyUtxoChanges(added: (1...6).map { update($0, account, amount: $0 * 100) }, removed: [], virtualDaaScore: 1_000)
        try store.reserve([StoreFixtures.outpoint(6)], reservationId: "tx-a")
        #expect(throws: StoreError.utxoUnavailable("UTXO \(StoreFixtures.outpoint(6)) is already reserved by 'tx-a'")) {
            try store.reserve([StoreFixtures.outpoint(1), StoreFixtures.outpoint(6)], reservationId: "tx-b")
        }
        // All or nothing: outpoint 1 was not taken by the failed reservation.
        #expect(try store.reservationId(of: StoreFixtures.outpoint(1)) == nil)
        #expect(throws: StoreError.self) { try store.reserve([StoreFixtures.outpoint(99)], reservationId: "tx-b") }

        let b = try store.selectAndReserve(account: "account-0", amount: 900, reservationId: "tx-b")
        #expect(b.map(\.amount) == [500, 400])
        let c = try store.selectAndReserve(amount: 300, reservationId: "tx-c")
        #expect(c.map(\.amount) == [300])
        #expect(throws: StoreError.insufficientFunds(available: 300, requested: 1_000)) {
            try store.selectAndReserve(amount: 1_000, reservationId: "tx-d")
        }
        #expect(try store.balance().reserved == 1_800)
        #expect(try store.release(reservationId: "tx-b") == 2)
        #expect(try store.selectAndReserve(amount: 900, reservationId: "tx-e").map(\.amount) == [500, 400])

        // Held by a transaction of ours (a reorg took its acceptance back): out of the spendable set, reservation
        // gone; giving the transaction up brings it back and records why.
        let txid = Hash32(storage: (42, 0, 0, 0))
        try store.revertAcceptance(txid, inputs: [StoreFixtures.outpoint(6)])
        #expect(try store.reservationId(of: StoreFixtures.outpoint(6)) == nil)
        #expect(throws: StoreError.self) { try store.reserve([StoreFixtures.outpoint(6)], reservationId: "tx-f") }
        #expect(try store.balance().spentInMempool == 600)
        try store.giveUp(txid, reason: "not accepted within 600 s")
        #expect(try store.balance().spentInMempool == .zero)
        #expect(try store.auditEvents().contains { $0.kind == "transaction.expired" && $0.subject == txid.hex })
        try store.reserve([StoreFixtures.outpoint(6)], reservationId: "tx-f")
    }

    /// Giving a transaction up, or taking its acceptance back, changes its history, its inputs and the audit log
    /// together or not at all: a failure in the last statement (forced here by a trigger) leaves every one as it was.
    @Test func givingUpAndRevertingAreAllOrNothing() throws {
        let (store, account, _) = try setup()
        try store.applyUtxoChanges(added: [update(1, account, amount: 700)], removed: [], virtualDaaScore: 1_000)
        let txid = Hash32(storage: (7, 0, 0, 0))
        try store.recordHistory([HistoryRecord(transactionId: txid, direction: .outgoing, amount: 700, state: .accepted, at: 0)])
        func state() throws -> (HistoryRecord.State?, Sompi, Int) {
            (try store.history().first?.state, try store.balance().spentInMempool, try store.auditEvents().count)
        }
        try store.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuseUtxoChange BEFORE UPDATE ON utxo
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        let before = try state()
        #expect(throws: (any Error).self) { try store.revertAcceptance(txid, inputs: [StoreFixtures.outpoint(1)]) }
        #expect(try state() == before && before.0 == .accepted && before.1 == .zero)

        try store.write { db in try db.execute(sql: "DROP TRIGGER refuseUtxoChange") }
        try store.revertAcceptance(txid, inputs: [StoreFixtures.outpoint(1)])
        let held = try state()
        #expect(held.0 == .pending && held.1 == 700)

        try store.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER refuseUtxoChange BEFORE UPDATE ON utxo BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        }
        #expect(throws: (any Error).self) { try store.giveUp(txid, reason: "not accepted within 600 s") }
        #expect(try state() == held)

        try store.write { db in try db.execute(sql: "DROP TRIGGER refuseUtxoChange") }
        try store.giveUp(txid, reason: "not accepted within 600 s")
        let after = try state()
        #expect(after.0 == .rejected && after.1 == .zero && after.2 == held.2 + 1)
    }

    @Test func expiredReservationsLapse() throws {
        let clock = TestClock()
        let (store, _) = try StoreFixtures.memoryWallet(network: .devnet, clock: clock.date)
        let account = try #require(try store.addresses(account: "account-0").first?.address)
        try store.applyUtxoChanges(added: [update(1, account, amount: 100)], removed: [], virtualDaaScore: 1_000)
        try store.reserve([StoreFixtures.outpoint(1)], reservationId: "a", ttl: 60)
        #expect(throws: StoreError.self) { try store.reserve([StoreFixtures.outpoint(1)], reservationId: "b") }
        clock.advance(61)
        try store.reserve([StoreFixtures.outpoint(1)], reservationId: "b")
    }

    /// Concurrent builders on one file: every UTXO is taken by exactly one of them.
    @Test func concurrentSelectionsAreDisjoint() async throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir, network: .devnet)
        let account = try #require(try store.addresses(account: "account-0").first?.address)
        try await store.applyUtxoChanges(added: (1...300).map { update($0, account, amount: 1_000) }, removed: [], virtualDaaScore: 10_000)
        let url = dir.wallet
        let picked = try await withThrowingTaskGroup(of: [Outpoint].self) { group in
            for t in 0..<8 {
                group.addTask {
                    let own = try WalletStore.open(at: url, network: .devnet)
                    var mine: [Outpoint] = []
                    for i in 0..<10 { mine += try own.selectAndReserve(amount: 2_500, reservationId: "t\(t)-\(i)").map(\.outpoint) }
                    return mine
                }
            }
            var all: [Outpoint] = []
            for try await p in group { all += p }
            return all
        }
        #expect(picked.count == 8 * 10 * 3)
        #expect(Set(picked).count == picked.count)
    }

    @Test func historyUpsertKeepsAcceptance() throws {
        let (store, _) = try StoreFixtures.memoryWallet()
        let txid = Hash32(storage: (7, 7, 7, 7))
        try store.recordHistory([HistoryRecord(transactionId: txid, direction: .incoming, amount: 100, at: 10)])
        try store.markHistory(txid, state: .accepted, blockDaaScore: 5_000)
        try store.recordHistory([HistoryRecord(transactionId: txid, direction: .incoming, amount: 100, state: .pending, at: 20)])
        let h = try #require(try store.history().first)
        #expect(h.state == .accepted && h.blockDaaScore == 5_000 && h.createdAt == 10 && h.updatedAt == 20)
        #expect(try store.history().count == 1)
    }
}
