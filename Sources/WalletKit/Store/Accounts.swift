import Foundation
import GRDB

extension WalletStore {
    public func accounts() throws -> [AccountRecord] {
        try read { db in try AccountRecord.order(Column("id")).fetchAll(db) }
    }

    public func account(named name: String) throws -> AccountRecord {
        guard let a = try read({ db in try AccountRecord.filter(Column("name") == name).fetchOne(db) }) else {
            throw StoreError.unknown(what: "account", name: name)
        }
        return a
    }

    /// A new BIP32 account from the wallet's first BIP32-capable key (`account create`).
    public func createAccount(name: String?, keys: UnlockedKeys) throws -> AccountRecord {
        try write { db in
            let keyId = try primaryKeyId(db, keys: keys)
            let account = try createBip32Account(db, keyId: keyId, keys: keys, name: name, machineId: nil)
            try AuditLog.append(db, kind: "account.created", subject: account.name, details: ["kind": "bip32", "index": String(account.accountIndex)], at: now)
            return account
        }
    }

    /// A new m-of-n multisig account: this wallet's cosigner key (m/45'/111111'/0' of its primary key) and the
    /// others' keys, sorted as rusty-kaspa sorts them; the cosigner index is the position of ours.
    public func createMultisigAccount(name: String?, cosigners: [ExtendedPublicKey], requiredSignatures: Int, keys: UnlockedKeys) throws -> AccountRecord {
        try write { db in
            let keyId = try primaryKeyId(db, keys: keys)
            guard let record = try KeyMaterialRecord.fetchOne(db, key: keyId) else { throw StoreError.unknown(what: "key", name: "#\(keyId)") }
            let local: ExtendedPublicKey
            do { local = try MultisigAccount.cosignerKey(master: try Vault.open(record, dataKey: keys.dataKey).masterKey()).extendedPublicKey } catch let e as StoreError {
                throw e
            } catch { throw StoreError.invalid("cannot derive the cosigner key: \(error)") }
            let sorted = MultisigAccount.sortedAsRustyKaspa([local] + cosigners.filter { $0 != local })
            guard let index = MultisigAccount.cosignerIndex(localKeys: [local], sortedKeys: sorted) else {
                throw StoreError.invalid("the wallet's own key is not among the cosigners")
            }
            do { _ = try MultisigAccount(cosigners: sorted, requiredSignatures: requiredSignatures, cosignerIndex: index) } catch {
                throw StoreError.invalid("\(error)")
            }
            var account = newAccount(db, kind: .multisig, name: try name ?? uniqueName(db, "multisig"))
            account.keyIds = jsonText([keyId])
            account.publicKeys = jsonText(sorted.map { $0.serialized(prefix: kpubPrefix) })
            account.requiredSignatures = Int64(requiredSignatures)
            account.cosignerIndex = Int64(index)
            let inserted = try insertAccount(db, &account)
            try AuditLog.append(db, kind: "account.created", subject: inserted.name,
                                details: ["kind": "multisig", "required": String(requiredSignatures), "cosigners": String(sorted.count)], at: now)
            return inserted
        }
    }

    /// A watch-only account from a kpub (`account watch`); needs no password.
    public func watchAccount(kpub: ExtendedPublicKey, name: String?) throws -> AccountRecord {
        try write { db in
            let account = try createWatchAccount(db, kpub: kpub, name: name, machineId: nil)
            try AuditLog.append(db, kind: "account.watched", subject: account.name, details: ["kpub": kpub.serialized(prefix: kpubPrefix)], at: now)
            return account
        }
    }

    /// The first key that derives BIP32 accounts (mnemonic or master key).
    func primaryKeyId(_ db: Database, keys: UnlockedKeys) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM keyMaterial WHERE kind IN ('mnemonic', 'master-key') ORDER BY id LIMIT 1") else {
            throw StoreError.invalid("this wallet holds no BIP32 key (mnemonic or kprv) to derive accounts from")
        }
        return id
    }

    // MARK: Addresses

    /// Inserts the account's addresses on `chain` from 0 through `through` that are not stored yet.
    func ensureAddresses(_ db: Database, account: AccountRecord, deriver: AccountDeriver, chain: AddressChain, through: UInt32) throws {
        guard let accountId = account.id else { return }
        let have = try Int64.fetchOne(db, sql: "SELECT MAX(idx) FROM address WHERE accountId = ? AND chain = ?", arguments: [accountId, chain.rawValue]) ?? -1
        if account.kind == .keypair && chain == .change { return }
        let last = account.kind == .keypair ? 0 : Int64(through)
        guard have < last else { return }
        for index in (have + 1)...last {
            let address = try deriver.address(chain, UInt32(index)).string
            try db.execute(sql: "INSERT INTO address (address, accountId, machineId, chain, idx, createdAt) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(address) DO NOTHING",
                           arguments: [address, accountId, account.machineId, chain.rawValue, index, now])
        }
    }

    func deriver(_ db: Database, for account: AccountRecord, keys: UnlockedKeys?) throws -> AccountDeriver {
        guard account.kind == .legacy else { return try AccountDeriver(account, network: network) }
        guard let keys else { throw StoreError.locked("a new legacy (KDX) address") }
        guard let keyId = account.keyIdList.first, let record = try KeyMaterialRecord.fetchOne(db, key: keyId) else {
            throw StoreError.corrupted("legacy account '\(account.name)' has no key")
        }
        do { return try AccountDeriver(account, network: network, legacy: try LegacyAccount(master: try Vault.open(record, dataKey: keys.dataKey).masterKey())) } catch let e as StoreError {
            throw e
        } catch { throw StoreError.invalid("legacy derivation failed: \(error)") }
    }

    /// Hands out the next address of a chain (`address new`), stored and watched from now on.
    public func newAddress(account name: String, chain: AddressChain = .receive, keys: UnlockedKeys? = nil) throws -> AddressRecord {
        try write { db in
            guard var account = try AccountRecord.filter(Column("name") == name).fetchOne(db) else { throw StoreError.unknown(what: "account", name: name) }
            guard account.kind != .keypair else { throw StoreError.invalid("a keypair account has a single address") }
            let deriver = try deriver(db, for: account, keys: keys)
            if chain == .receive { account.receiveIndex += 1 } else { account.changeIndex += 1 }
            try account.update(db)
            let index = chain == .receive ? account.receiveIndex : account.changeIndex
            try ensureAddresses(db, account: account, deriver: deriver, chain: chain, through: UInt32(clamping: index))
            guard let row = try AddressRecord.filter(Column("accountId") == account.id && Column("chain") == chain.rawValue && Column("idx") == index).fetchOne(db) else {
                throw StoreError.database("the new address was not stored")
            }
            return row
        }
    }

    /// Stored addresses, optionally of one account and chain, in index order.
    public func addresses(account name: String? = nil, chain: AddressChain? = nil) throws -> [AddressRecord] {
        let accountId = try name.map { try account(named: $0).id }
        return try read { db in
            var request = AddressRecord.all()
            if let accountId { request = request.filter(Column("accountId") == accountId) }
            if let chain { request = request.filter(Column("chain") == chain.rawValue) }
            return try request.order(Column("accountId"), Column("chain"), Column("idx")).fetchAll(db)
        }
    }

    /// Every address the sync engine must subscribe to (accounts' and machines').
    public func watchedAddresses() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT address FROM address ORDER BY id") }
    }
}
