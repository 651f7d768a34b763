import Foundation
import GRDB
import Testing
@testable import WalletKit

/// `v2-utxo-rowid`, `v3-utxo-lean-checks` and `v4-utxo-address-by-id` on a real file written by the v1 schema:
/// rows, owners, reservations and marks carried over, UTXOs of addresses the wallet does not hold dropped, the
/// address text read from the address table, the table's rules kept without their per-row cost, and the queries
/// that must be cheap use their indexes.
@Suite struct UtxoTableMigrationTests {
    static let held = "kaspadev:held-address", machineAddress = "kaspadev:machine-address", unknown = "kaspadev:not-ours"

    /// A v1 file: two addresses of the wallet, three UTXOs (one of them paying an address the wallet does not
    /// hold), a reservation on two of them, one spent in the mempool.
    func v1File(_ dir: TempDir) throws {
        try FileManager.default.createDirectory(at: dir.wallet.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: dir.wallet.path)
        try Migrations.migrator.migrate(pool, upTo: "v1-audit")
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO walletMeta (id, formatVersion, network, createdAt, createdBy) VALUES (1, 1, 'devnet', 0, 'v1');
                INSERT INTO address (id, address, machineId, chain, idx, createdAt) VALUES (7, '\(Self.held)', NULL, 0, 0, 0);
                INSERT INTO address (id, address, machineId, chain, idx, createdAt) VALUES (9, '\(Self.machineAddress)', 3, 0, 0, 0);
                INSERT INTO utxo (transactionId, outputIndex, address, accountId, machineId, amount, scriptVersion, script, blockDaaScore,
                                  isCoinbase, covenantId, state, spendingTransactionId, updatedAt) VALUES
                    (x'01', 0, '\(Self.held)', NULL, NULL, 500, 0, x'51', 10, 0, NULL, 'mature', NULL, 1),
                    (x'02', 1, '\(Self.machineAddress)', NULL, 3, 700, 0, x'51', 20, 1, x'aa', 'spent-in-mempool', x'ff', 2),
                    (x'03', 0, '\(Self.unknown)', NULL, NULL, 900, 0, x'51', 30, 0, NULL, 'mature', NULL, 3);
                INSERT INTO utxoReservation (transactionId, outputIndex, reservationId, createdAt, expiresAt) VALUES
                    (x'01', 0, 'r-held', 0, 99999999999), (x'03', 0, 'r-unknown', 0, 99999999999);
                """)
        }
        try pool.close()
    }

    @Test func v1RowsAreCarriedOver() throws {
        let dir = try TempDir()
        try v1File(dir)
        let store = try WalletStore.open(at: dir.wallet, network: .devnet)
        #expect(try store.appliedMigrations().suffix(3) == ["v2-utxo-rowid", "v3-utxo-lean-checks", "v4-utxo-address-by-id"])
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        let rows = try store.utxos().sorted { $0.transactionId.lexicographicallyPrecedes($1.transactionId) }
        #expect(rows.map(\.transactionId) == [Data([1]), Data([2])])
        #expect(try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM utxo ORDER BY id") } == [1, 2], "row ids survive the rebuild")
        #expect(rows.map(\.addressId) == [7, 9])
        #expect(rows.map(\.address) == [Self.held, Self.machineAddress])
        // v4: the text lives in the address table only; the records read it through the join.
        let columns = try store.read { db in try db.columns(in: "utxo").map(\.name) }
        #expect(columns.contains("addressId") && !columns.contains("address"))
        #expect(rows.map(\.machineId) == [nil, 3])
        #expect(rows[1].state == .spentInMempool && rows[1].spendingTransactionId == Data([0xff]))
        #expect(rows[1].isCoinbase && rows[1].covenantId == Data([0xaa]) && rows[1].blockDaaScore == 20 && rows[1].amount == 700)
        let reservations = try store.read { db in try String.fetchAll(db, sql: "SELECT reservationId FROM utxoReservation") }
        #expect(reservations == ["r-held"])
        // The reservation still points at its UTXO: deleting the UTXO takes it along.
        try store.write { db in try db.execute(sql: "DELETE FROM utxo WHERE transactionId = x'01'") }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM utxoReservation") } == 0)
    }

    /// v3 keeps what the constraints it rewrote enforced (a known state, no negative amount, no UTXO outliving
    /// its address) and the insert the sync engine runs per UTXO stays free of what made it slow: no temporary
    /// b-tree for an IN list, no foreign-key lookup.
    @Test func theLeanTableKeepsItsRules() throws {
        let dir = try TempDir()
        try v1File(dir)
        let store = try WalletStore.open(at: dir.wallet, network: .devnet)
        func insert(amount: Int64, state: String) throws {
            try store.write { db in
                try db.execute(sql: """
                    INSERT INTO utxo (transactionId, outputIndex, addressId, amount, scriptVersion, script, blockDaaScore, isCoinbase, state, updatedAt)
                    VALUES (x'09', 0, 7, ?, 0, x'51', 1, 0, ?, 0)
                    """, arguments: [amount, state])
            }
        }
        #expect(throws: (any Error).self) { try insert(amount: 1, state: "bogus") }
        #expect(throws: (any Error).self) { try insert(amount: -1, state: "mature") }
        for state in ["stasis", "pending", "mature", "spent-in-mempool"] {
            try insert(amount: 1, state: state)
            try store.write { db in try db.execute(sql: "DELETE FROM utxo WHERE transactionId = x'09'") }
        }
        #expect(try store.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(utxo)") }.isEmpty)
        let opcodes = try store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN " + UtxoUpsert.sql, arguments: StatementArguments(Array(repeating: nil as Int64?, count: 13)))
                .map { $0["opcode"] as String }
        }
        #expect(!opcodes.isEmpty && !opcodes.contains("OpenEphemeral") && !opcodes.contains("FkCounter"))
        // An address that goes takes its UTXOs (and their reservations) with it.
        try store.write { db in try db.execute(sql: "DELETE FROM address WHERE id = 7") }
        #expect(try store.utxos().map(\.addressId) == [9])
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM utxoReservation") } == 0)
    }

    /// The sync writes and the per-tick maturity pass must not scan the table (SQLite picks a partial index
    /// only when the query's WHERE matches the index's, so the query text is what this checks).
    @Test func hotQueriesUseTheirIndexes() throws {
        let (store, _) = try StoreFixtures.memoryWallet(network: .devnet)
        func plan(_ sql: String) throws -> String {
            try store.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ") }
        }
        #expect(try plan("SELECT id, blockDaaScore, isCoinbase, state FROM utxo WHERE state IN ('pending', 'stasis') AND blockDaaScore <= 5")
            .contains("USING INDEX utxoMaturing"))
        #expect(try plan("SELECT transactionId, outputIndex FROM utxo WHERE spendingTransactionId = x'01'").contains("USING INDEX utxoBySpender"))
        #expect(try plan("DELETE FROM utxo WHERE transactionId = x'01' AND outputIndex = 0").contains("USING INDEX utxoByOutpoint"))
        #expect(try plan("SELECT transactionId FROM utxo WHERE addressId IN (SELECT id FROM address WHERE address IN ('a', 'b'))")
            .contains("USING INDEX utxoByAddress"))
        #expect(try plan("SELECT state, SUM(amount) FROM utxo u WHERE 1 AND u.accountId = 1 GROUP BY state").contains("utxoByAccount"))
        #expect(try plan("SELECT state, SUM(amount) FROM utxo u WHERE 1 AND \(WalletStore.machineFilter("u").replacingOccurrences(of: "?", with: "1")) GROUP BY state")
            .contains("USING COVERING INDEX utxoByAddress"))
        #expect(try plan("""
            SELECT a.machineId, SUM(u.amount) FROM address a JOIN utxo u ON u.addressId = a.id
            WHERE a.machineId IS NOT NULL AND u.state != 'spent-in-mempool' GROUP BY a.machineId
            """).contains("USING COVERING INDEX utxoByAddress"))
    }
}
