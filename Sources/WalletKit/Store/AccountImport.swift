import Foundation
import GRDB

extension WalletStore {
    /// Stores the secrets of `source` and creates its account(s) with their first addresses.
    func importSource(_ db: Database, _ source: WalletSource, keys: UnlockedKeys) throws -> [AccountRecord] {
        switch source {
        case .mnemonic(let m, let passphrase):
            let keyId = try storeSecret(db, .mnemonic(m, passphrase: passphrase), keys: keys)
            return [try createBip32Account(db, keyId: keyId, keys: keys, name: nil, machineId: nil)]
        case .masterKey(let k):
            let keyId = try storeSecret(db, .masterKey(k), keys: keys)
            return [try createBip32Account(db, keyId: keyId, keys: keys, name: nil, machineId: nil)]
        case .legacyMnemonic(let m):
            let keyId = try storeSecret(db, .legacyMnemonic(m), keys: keys)
            return [try createLegacyAccount(db, keyId: keyId, keys: keys)]
        case .legacyMasterKey(let k):
            let keyId = try storeSecret(db, .legacyMasterKey(k), keys: keys)
            return [try createLegacyAccount(db, keyId: keyId, keys: keys)]
        case .watchOnly(let kpub):
            return [try createWatchAccount(db, kpub: kpub, name: nil, machineId: nil)]
        case .privateKey(let key):
            let keyId = try storeSecret(db, .privateKey(key), keys: keys)
            var account = newAccount(db, kind: .keypair, name: try uniqueName(db, "key"))
            account.keyIds = jsonText([keyId])
            account.publicKeys = jsonText([key.publicKey.compressed.hex])
            return [try insertAccount(db, &account)]
        case .goKeysFile(let file, let filePassword):
            let wallet: GoWallet
            do { wallet = try file.open(password: filePassword) } catch { throw StoreError.invalid(error.description) }
            var keyIds: [Int64] = []
            for m in wallet.mnemonics { keyIds.append(try storeSecret(db, .mnemonic(m, passphrase: nil), keys: keys)) }
            var account: AccountRecord
            switch wallet.kind {
            case .singleSigner(let a):
                account = newAccount(db, kind: .bip32, name: try uniqueName(db, "account"))
                account.publicKeys = jsonText([a.accountKey.serialized(prefix: kpubPrefix)])
            case .multisig(let a):
                account = newAccount(db, kind: .multisig, name: try uniqueName(db, "multisig"))
                account.publicKeys = jsonText(a.cosigners.map { $0.serialized(prefix: kpubPrefix) })
                account.requiredSignatures = Int64(a.requiredSignatures)
                account.cosignerIndex = Int64(a.cosignerIndex)
            }
            account.keyIds = jsonText(keyIds)
            account.ecdsa = file.ecdsa
            account.receiveIndex = Int64(file.lastUsedExternalIndex)
            account.changeIndex = Int64(file.lastUsedInternalIndex)
            return [try insertAccount(db, &account)]
        }
    }

    var kpubPrefix: ExtendedKeyPrefix { .kaspa(network: network, isPrivate: false) }

    func newAccount(_ db: Database, kind: AccountKind, name: String) -> AccountRecord {
        AccountRecord(id: nil, name: name, kind: kind, keyIds: "[]", accountIndex: 0, publicKeys: "[]", requiredSignatures: 1,
                      cosignerIndex: 0, ecdsa: false, receiveIndex: 0, changeIndex: 0, machineId: nil, createdAt: now)
    }

    /// `prefix-N` with the smallest N not taken.
    func uniqueName(_ db: Database, _ prefix: String) throws -> String {
        let taken = Set(try String.fetchAll(db, sql: "SELECT name FROM account WHERE name LIKE ?", arguments: ["\(prefix)-%"]))
        var n = 0
        while taken.contains("\(prefix)-\(n)") { n += 1 }
        return "\(prefix)-\(n)"
    }

    /// Inserts the account and its addresses up to the receive and change indexes.
    func insertAccount(_ db: Database, _ account: inout AccountRecord, legacy: LegacyAccount? = nil) throws -> AccountRecord {
        if try AccountRecord.filter(Column("name") == account.name).fetchCount(db) > 0 {
            throw StoreError.duplicate(what: "account", name: account.name)
        }
        try account.insert(db)
        let deriver = try AccountDeriver(account, network: network, legacy: legacy)
        for chain in AddressChain.allCases {
            let last = chain == .receive ? account.receiveIndex : account.changeIndex
            try ensureAddresses(db, account: account, deriver: deriver, chain: chain, through: UInt32(clamping: last))
        }
        return account
    }

    /// The next BIP32 account index of a key: one past the highest used (rusty-kaspa counts existing accounts,
    /// `wallet/core/src/wallet/mod.rs::create_account_bip32`; with machine accounts the maximum is the safe form).
    func createBip32Account(_ db: Database, keyId: Int64, keys: UnlockedKeys, name: String?, machineId: Int64?) throws -> AccountRecord {
        guard let record = try KeyMaterialRecord.fetchOne(db, key: keyId) else { throw StoreError.unknown(what: "key", name: "#\(keyId)") }
        let secret = try Vault.open(record, dataKey: keys.dataKey)
        guard !secret.isLegacy, case .some = try? secret.masterKey() else {
            throw StoreError.invalid("key #\(keyId) (\(secret.kind)) cannot derive BIP32 accounts")
        }
        let used = try Int64.fetchAll(db, sql: "SELECT accountIndex FROM account WHERE kind = 'bip32' AND keyIds = ?", arguments: [jsonText([keyId])])
        let index = (used.max() ?? -1) + 1
        let master = try secret.masterKey()
        let accountKey: ExtendedPublicKey
        do { accountKey = try Bip32Account.accountPrivateKey(master: master, account: UInt32(index)).extendedPublicKey } catch {
            throw StoreError.invalid("cannot derive account \(index): \(error.description)")
        }
        var account = newAccount(db, kind: .bip32, name: try name ?? uniqueName(db, "account"))
        account.keyIds = jsonText([keyId])
        account.accountIndex = index
        account.publicKeys = jsonText([accountKey.serialized(prefix: kpubPrefix)])
        account.machineId = machineId
        return try insertAccount(db, &account)
    }

    func createLegacyAccount(_ db: Database, keyId: Int64, keys: UnlockedKeys) throws -> AccountRecord {
        guard let record = try KeyMaterialRecord.fetchOne(db, key: keyId) else { throw StoreError.unknown(what: "key", name: "#\(keyId)") }
        let secret = try Vault.open(record, dataKey: keys.dataKey)
        let legacy: LegacyAccount
        do { legacy = try LegacyAccount(master: try secret.masterKey()) } catch let e as StoreError { throw e } catch {
            throw StoreError.invalid("legacy derivation failed: \(error)")
        }
        var account = newAccount(db, kind: .legacy, name: try uniqueName(db, "legacy"))
        account.keyIds = jsonText([keyId])
        // Legacy chains are hardened: pre-derive one discovery window now, while the key is open.
        account.receiveIndex = Int64(AddressDiscovery.defaultWindow - 1)
        account.changeIndex = Int64(AddressDiscovery.defaultWindow - 1)
        return try insertAccount(db, &account, legacy: legacy)
    }

    func createWatchAccount(_ db: Database, kpub: ExtendedPublicKey, name: String?, machineId: Int64?) throws -> AccountRecord {
        var account = newAccount(db, kind: .watch, name: try name ?? uniqueName(db, "watch"))
        account.publicKeys = jsonText([kpub.serialized(prefix: kpubPrefix)])
        account.machineId = machineId
        return try insertAccount(db, &account)
    }
}
