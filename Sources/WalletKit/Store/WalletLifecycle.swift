import Foundation
import GRDB

extension WalletStore {
    /// Creates a new wallet file from `source`, sealed under `password`, all in one transaction on a private
    /// temporary file that is linked into place only when complete: an interrupted create leaves no wallet.
    public static func create(at url: URL, network: Network, password: SecretBytes, source: WalletSource,
                              kdf: KdfParameters = .standard, busyTimeout: Double = defaultBusyTimeout,
                              clock: @escaping @Sendable () -> Date = Date.init) throws -> WalletStore {
        guard password.count > 0 else { throw StoreError.emptyPassword }
        let fm = FileManager.default
        let directory = url.deletingLastPathComponent()
        if !fm.fileExists(atPath: directory.path) {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard !exists(at: url) else { throw StoreError.alreadyExists(path: url.path) }
        let temp = directory.appendingPathComponent(".\(fileName).creating-\(getpid())")
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: temp.path + suffix) }
        guard fm.createFile(atPath: temp.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.invalid("cannot create a file in \(directory.path) (check its permissions)")
        }
        let checkpointer = WalCheckpointer(path: temp.path)
        defer { checkpointer.close() }
        do {
            let pool = try openPool(temp, busyTimeout: busyTimeout, checkpointer: checkpointer)
            try Migrations.migrator.migrate(pool)
            let building = WalletStore(url: temp, network: network, writer: pool, busyTimeout: busyTimeout, clock: clock)
            try building.write { db in
                try building.insertMeta(db)
                let (vault, dataKey) = try Vault.create(password: password, parameters: kdf, version: 1, now: building.now)
                try vault.insert(db)
                let accounts = try building.importSource(db, source, keys: UnlockedKeys(dataKey: dataKey))
                try AuditLog.append(db, kind: "wallet.created", subject: network.rawValue,
                                    details: ["source": source.label, "accounts": accounts.map(\.name).joined(separator: ",")], at: building.now)
            }
            try pool.close()
            checkpointer.close()
            // link(2) refuses to replace an existing file: two concurrent creates cannot overwrite each other.
            // (Where hard links are not supported, rename after a last existence check.)
            if link(temp.path, url.path) == 0 {
                unlink(temp.path)
            } else if errno == EEXIST || exists(at: url) {
                throw StoreError.alreadyExists(path: url.path)
            } else if rename(temp.path, url.path) != 0 {
                throw StoreError.invalid("cannot move the new wallet into \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: temp.path + suffix) }
            throw StoreError.wrap(error, path: url.path, busyTimeout: busyTimeout)
        }
        return try open(at: url, network: network, busyTimeout: busyTimeout, clock: clock)
    }

    /// Checks the password and returns the data key. A wrong password throws `.wrongPassword` and writes nothing.
    public func unlock(password: SecretBytes) throws -> UnlockedKeys {
        guard let vault = try read({ db in try VaultRecord.fetchOne(db) }) else { throw StoreError.corrupted("the wallet has no key envelope") }
        return UnlockedKeys(dataKey: try Vault.unlock(vault, password: password))
    }

    /// The KDF parameters the wallet's envelope uses now.
    public func kdfParameters() throws -> KdfParameters? { try read { db in try VaultRecord.fetchOne(db)?.parameters } }

    /// Re-encrypts every stored secret under a new data key sealed under `newPassword`, in ONE write
    /// transaction: after a crash the wallet opens with the old password or the new one, never neither.
    /// Every secret is opened and checked before anything is written; a wrong `old` password changes nothing.
    public func changePassword(old: SecretBytes, new: SecretBytes, kdf: KdfParameters? = nil) throws {
        guard new.count > 0 else { throw StoreError.emptyPassword }
        try write { db in
            guard let vault = try VaultRecord.fetchOne(db) else { throw StoreError.corrupted("the wallet has no key envelope") }
            let oldKey = try Vault.unlock(vault, password: old)
            let (newVault, newKey) = try Vault.create(password: new, parameters: kdf ?? vault.parameters, version: vault.keyVersion + 1, now: now)
            for var record in try KeyMaterialRecord.fetchAll(db) {
                let secret = try Vault.open(record, dataKey: oldKey)
                record.ciphertext = Vault.seal(secret, dataKey: newKey)
                try record.update(db)
            }
            try newVault.update(db)
            try AuditLog.append(db, kind: "wallet.password-changed", subject: network.rawValue,
                                details: ["keyVersion": String(newVault.keyVersion), "kdfMemoryKiB": String(newVault.memoryKiB),
                                          "kdfIterations": String(newVault.iterations)], at: now)
        }
    }

    /// Adds `source` to an open wallet (new key and account), unlocking with `keys`.
    @discardableResult
    public func importSource(_ source: WalletSource, keys: UnlockedKeys) throws -> [AccountRecord] {
        try write { db in
            let accounts = try importSource(db, source, keys: keys)
            try AuditLog.append(db, kind: "wallet.imported", subject: source.label,
                                details: ["accounts": accounts.map(\.name).joined(separator: ",")], at: now)
            return accounts
        }
    }

    /// A stored secret, opened with the data key.
    public func secret(keyId: Int64, keys: UnlockedKeys) throws -> StoredSecret {
        guard let record = try read({ db in try KeyMaterialRecord.fetchOne(db, key: keyId) }) else {
            throw StoreError.unknown(what: "key", name: "#\(keyId)")
        }
        return try Vault.open(record, dataKey: keys.dataKey)
    }

    /// Opens every stored secret (detects a damaged or altered one).
    public func verifySecrets(keys: UnlockedKeys) throws -> Int {
        let records = try read { db in try KeyMaterialRecord.fetchAll(db) }
        for record in records { _ = try Vault.open(record, dataKey: keys.dataKey) }
        return records.count
    }

    func storeSecret(_ db: Database, _ secret: StoredSecret, keys: UnlockedKeys) throws -> Int64 {
        let fingerprint = try secret.fingerprint()
        if let existing = try KeyMaterialRecord.filter(Column("fingerprint") == fingerprint && Column("kind") == secret.kind).fetchOne(db),
           let id = existing.id {
            return id
        }
        var record = KeyMaterialRecord(id: nil, kind: secret.kind, ciphertext: Vault.seal(secret, dataKey: keys.dataKey),
                                       fingerprint: fingerprint, createdAt: now)
        try record.insert(db)
        guard let id = record.id else { throw StoreError.database("key insert returned no id") }
        return id
    }
}
