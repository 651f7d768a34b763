import Foundation
import GRDB
import Testing
@testable import WalletKit

/// Real SQLite files in temporary folders: migrations, modes, reopen, passwords, tampering.
@Suite struct WalletFileTests {
    @Test func migrationsFromEmptyAndReopen() throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir)
        #expect(try store.appliedMigrations() == ["v1-wallet", "v1-accounts", "v1-utxos", "v1-fleet", "v1-audit", "v2-utxo-rowid", "v3-utxo-lean-checks", "v4-utxo-address-by-id"])
        #expect(try store.integrityCheck() == "ok")
        let account = try #require(try store.accounts().first)
        #expect(account.kind == .bip32)
        #expect(account.publicKeyList == ["kpub2HtoTgsG6e1c7ixJ6JY49otNSzhEKkwnH6bsPHLAXUdYnfEuYw9LnhT7uRzaS4LSeit2rzutV6z8Fs9usdEGKnNe6p1JxfP71mK8rbUfYWo"])
        _ = try store.addMachine(name: "drone-1", kind: "drone", group: "north", key: .publicKey(StoreFixtures.publicKey(1)))
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: dir.wallet.path + suffix) {
            let mode = try FileManager.default.attributesOfItem(atPath: dir.wallet.path + suffix)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600, "mode of wallet.sqlite\(suffix)")
        }
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        try store.close()

        let reopened = try WalletStore.open(at: dir.wallet, network: .mainnet)
        #expect(try reopened.machine(named: "drone-1").kind == "drone")
        #expect(try reopened.accounts().map(\.name) == ["account-0"])
        #expect(try reopened.verifyAuditLog().isIntact)
        #expect(throws: StoreError.wrongNetwork(path: dir.wallet.path, file: "mainnet", requested: "testnet-10")) {
            try WalletStore.open(at: dir.wallet, network: .testnet10)
        }
        #expect(throws: StoreError.notFound(path: dir.url.appendingPathComponent("none").path)) {
            try WalletStore.open(at: dir.url.appendingPathComponent("none"), network: .mainnet)
        }
        #expect(throws: StoreError.alreadyExists(path: dir.wallet.path)) { try StoreFixtures.fileWallet(dir) }
    }

    /// A file written with only the first migrations (an older version) gains the rest on open and keeps its data.
    @Test func olderFileIsMigratedOnOpen() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(at: dir.wallet.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: dir.wallet.path)
        try Migrations.migrator.migrate(pool, upTo: "v1-accounts")
        try pool.write { db in
            try db.execute(sql: "INSERT INTO walletMeta (id, formatVersion, network, createdAt, createdBy) VALUES (1, 1, 'devnet', 0, 'old')")
        }
        try pool.close()
        let store = try WalletStore.open(at: dir.wallet, network: .devnet)
        #expect(try store.appliedMigrations().count == Migrations.names.count)
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT createdBy FROM walletMeta") } == "old")
    }

    @Test func newerFileIsRefusedClearly() throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir)
        try store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        try store.close()
        #expect(throws: StoreError.newerFormat(path: dir.wallet.path, unknownMigrations: ["v9-future"])) {
            try WalletStore.open(at: dir.wallet, network: .mainnet)
        }
    }

    @Test func wrongPasswordIsClearAndChangesNothing() throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir)
        let before = try store.tableCounts()
        let vaultBefore = try store.read { db in try Row.fetchOne(db, sql: "SELECT * FROM vault") }
        #expect(throws: StoreError.wrongPassword) { try store.unlock(password: SecretBytes(Array("wrong".utf8))) }
        #expect(throws: StoreError.wrongPassword) {
            try store.changePassword(old: SecretBytes(Array("wrong".utf8)), new: SecretBytes(Array("new".utf8)))
        }
        #expect(try store.tableCounts() == before)
        #expect(try store.read { db in try Row.fetchOne(db, sql: "SELECT * FROM vault") } == vaultBefore)
        #expect(StoreError.wrongPassword.description.contains("wrong password"))
        _ = try store.unlock(password: StoreFixtures.password)
    }

    @Test func changePasswordReencryptsEverySecretAtomically() throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir)
        var keys = try store.unlock(password: StoreFixtures.password)
        try store.importSource(.privateKey(try PrivateKey(hex: String(repeating: "11", count: 32))), keys: keys)
        let cipherBefore = try store.read { db in try Data.fetchAll(db, sql: "SELECT ciphertext FROM keyMaterial ORDER BY id") }
        let newPassword = SecretBytes(Array("new password".utf8))
        try store.changePassword(old: StoreFixtures.password, new: newPassword, kdf: KdfParameters(memoryKiB: 128, iterations: 2, parallelism: 1))
        let cipherAfter = try store.read { db in try Data.fetchAll(db, sql: "SELECT ciphertext FROM keyMaterial ORDER BY id") }
        #expect(cipherBefore.count == 2 && cipherAfter.count == 2)
        for (a, b) in zip(cipherBefore, cipherAfter) { #expect(a != b) }
        #expect(throws: StoreError.wrongPassword) { try store.unlock(password: StoreFixtures.password) }
        keys = try store.unlock(password: newPassword)
        #expect(try store.verifySecrets(keys: keys) == 2)
        guard case .mnemonic(let m, nil) = try store.secret(keyId: 1, keys: keys) else { Issue.record("expected the mnemonic"); return }
        #expect(m.phrase == StoreFixtures.phrase)
        #expect(try store.kdfParameters() == KdfParameters(memoryKiB: 128, iterations: 2, parallelism: 1))
        #expect(try store.auditEvents().last?.kind == "wallet.password-changed")
    }

    /// One flipped byte anywhere in a sealed blob is detected; in the envelope it reads as a wrong password.
    @Test(arguments: [0, 24, 40, -1])
    func flippedByteInSecretIsDetected(position: Int) throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir)
        let keys = try store.unlock(password: StoreFixtures.password)
        try store.write { db in
            var blob = Array(try Data.fetchOne(db, sql: "SELECT ciphertext FROM keyMaterial WHERE id = 1") ?? Data())
            let i = position < 0 ? blob.count - 1 : position
            blob[i] ^= 0x01
            try db.execute(sql: "UPDATE keyMaterial SET ciphertext = ? WHERE id = 1", arguments: [Data(blob)])
        }
        #expect(throws: StoreError.secretCorrupted(keyId: 1)) { try store.verifySecrets(keys: keys) }
        #expect(throws: StoreError.secretCorrupted(keyId: 1)) { try store.changePassword(old: StoreFixtures.password, new: SecretBytes([1])) }

        try store.write { db in
            var blob = Array(try Data.fetchOne(db, sql: "SELECT wrappedKey FROM vault") ?? Data())
            blob[position < 0 ? blob.count - 1 : position] ^= 0x80
            try db.execute(sql: "UPDATE vault SET wrappedKey = ?", arguments: [Data(blob)])
        }
        #expect(throws: StoreError.wrongPassword) { try store.unlock(password: StoreFixtures.password) }
    }

    @Test func secretsAreNeverStoredInClear() throws {
        let dir = try TempDir()
        let store = try StoreFixtures.fileWallet(dir)
        try store.close()
        let bytes = try Data(contentsOf: dir.wallet)
        let entropy = StoreFixtures.mnemonic.entropy.copyBytes()
        #expect(bytes.range(of: Data("fringe ceiling".utf8)) == nil)
        #expect(bytes.range(of: Data(entropy)) == nil)
        #expect(bytes.range(of: Data(StoreFixtures.password.copyBytes())) == nil)
    }
}
