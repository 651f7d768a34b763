import Foundation
import GRDB

/// Fills a wallet with a synthetic fleet for `kasfleet bench store`, through the same code paths the commands
/// use (machine registration with its audit event, the sync UTXO batch upsert, the audited spend ledger),
/// batched into large write transactions.
public enum StoreBenchmark {
    public struct Counts: Sendable {
        public var machines: Int
        public var groups: Int
        public var utxos: Int
        public var ledgerEntries: Int
        public init(machines: Int, groups: Int, utxos: Int, ledgerEntries: Int) {
            self.machines = machines
            self.groups = groups
            self.utxos = utxos
            self.ledgerEntries = ledgerEntries
        }
    }

    public static let kinds = ["drone", "charger", "robot"]

    public static func machineName(_ i: Int) -> String { "m-" + String(format: "%06d", i) }

    /// Machines with external public keys (receive keys of `account`), spread over groups, 1 in 10 with a
    /// budget; then UTXOs on machine addresses; then ledger entries over the last 48 h before `now`.
    public static func fill(_ store: WalletStore, counts: Counts, account: Bip32Account, now: Int64, batch: Int = 50_000) throws {
        // Deterministic, so runs are comparable.
        var rng = SplitMix64(seed: 0x6b61_7366_6c65_6574)
        var addresses: [String] = []
        addresses.reserveCapacity(counts.machines)
        var start = 0
        while start < counts.machines {
            let end = min(start + batch, counts.machines)
            var keys: [PublicKey] = []
            for i in start..<end { keys.append(try account.publicKey(chain: .receive, index: UInt32(i))) }
            let made = try store.write { db -> [String] in
                var out: [String] = []
                for (offset, i) in (start..<end).enumerated() {
                    let group = counts.groups > 0 ? "group-" + String(format: "%03d", i % counts.groups) : nil
                    let m = try store.addMachine(db, name: machineName(i), kind: kinds[i % kinds.count], group: group,
                                                 tags: ["bench"], key: .publicKey(keys[offset]))
                    out.append(m.address)
                    if i % 10 == 0, let id = m.id {
                        try db.execute(sql: "INSERT INTO budget (machineId, perTransactionLimit, dailyLimit, updatedAt) VALUES (?, ?, ?, ?)",
                                       arguments: [id, 10 * Int64(Sompi.perKas), 100 * Int64(Sompi.perKas), now])
                    }
                }
                return out
            }
            addresses += made
            start = end
        }
        guard !addresses.isEmpty else { return }
        var done = 0
        while done < counts.utxos {
            let n = min(batch, counts.utxos - done)
            var updates: [UtxoUpdate] = []
            updates.reserveCapacity(n)
            for _ in 0..<n {
                let txid = Hash32(storage: (rng.next(), rng.next(), rng.next(), rng.next()))
                let address = addresses[Int(rng.next() % UInt64(addresses.count))]
                let entry = UtxoEntry(amount: Sompi(1_000 + rng.next() % (50 * Sompi.perKas)), scriptPublicKey: ScriptPublicKey(version: 0, script: [UInt8](repeating: 0x20, count: 34)),
                                      blockDaaScore: 1_000_000 + rng.next() % 1_000_000, isCoinbase: false)
                updates.append(UtxoUpdate(outpoint: Outpoint(transactionId: txid, index: UInt32(rng.next() % 4)), entry: entry, address: address))
            }
            try store.applyUtxoChanges(added: updates, removed: [], virtualDaaScore: 2_000_100)
            done += n
        }
        done = 0
        while done < counts.ledgerEntries {
            let n = min(batch, counts.ledgerEntries - done)
            try store.write { db in
                for _ in 0..<n {
                    let machine = machineName(Int(rng.next() % UInt64(counts.machines)))
                    let spend = ProposedSpend(machine: machine, amount: Sompi(1 + rng.next() % (5 * Sompi.perKas)),
                                              destination: addresses[Int(rng.next() % UInt64(addresses.count))])
                    _ = try store.recordSpend(db, spend, transactionId: nil, at: now - Int64(rng.next() % 172_800))
                }
            }
            done += n
        }
    }
}

/// The crash and concurrency tests' writer (`kasfleet debug write-loop`): change `n` of a machine is ONE write
/// transaction holding `batch` UTXOs on its address (amount n sompi each) plus a ledger entry of n sompi at
/// time n and its audit event.
public enum StoreProbe {
    public static func writeChange(_ store: WalletStore, machine: MachineRecord, n: Int, batch: Int) throws {
        var updates: [UtxoUpdate] = []
        for i in 0..<batch {
            var h = Blake2b(domain: "write-loop")
            h.write(Array(machine.name.utf8))
            h.writeU64(UInt64(n))
            updates.append(UtxoUpdate(outpoint: Outpoint(transactionId: h.finalize(), index: UInt32(i)),
                                      entry: UtxoEntry(amount: Sompi(UInt64(n)), scriptPublicKey: ScriptPublicKey(version: 0, script: [0x51]), blockDaaScore: UInt64(n)),
                                      address: machine.address))
        }
        try store.write { db in
            try store.applyUtxoChanges(db, added: updates, removed: [], virtualDaaScore: UInt64(n) + 1_000)
            _ = try store.recordSpend(db, ProposedSpend(machine: machine.name, amount: Sompi(UInt64(n)), destination: machine.address), transactionId: nil, at: Int64(n))
        }
    }
}

extension WalletStore {
    /// Row counts for `wallet info`.
    public func tableCounts() throws -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for t in ["account", "address", "machine", "machineGroup", "utxo", "history", "spendLedger", "auditEvent", "keyMaterial"] {
                out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? 0
            }
            return out
        }
    }

    /// Account and machine names by id (for reports).
    public func names() throws -> (accounts: [Int64: String], machines: [Int64: String]) {
        try read { db in
            func map(_ sql: String) throws -> [Int64: String] {
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: sql).map { ($0["id"] as Int64, $0["name"] as String) })
            }
            return (try map("SELECT id, name FROM account"), try map("SELECT id, name FROM machine"))
        }
    }

    /// The receive address of an account with the highest index handed out.
    public func currentReceiveAddress(accountId: Int64?) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT address FROM address WHERE accountId = ? AND chain = 0 ORDER BY idx DESC LIMIT 1", arguments: [accountId])
        }
    }
}
