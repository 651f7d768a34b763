import Foundation
import Testing
@testable import WalletKit

/// Wallet imports against hd.json and encryption.json: the stored account keys and the addresses the store
/// derives must be the vectors'.
@Suite struct ImportVectorTests {
    static let hd = HDVectors.hd
    static let go = HDVectors.encryption.go_kaspawallet_import

    func memoryImport(_ source: WalletSource, network: Network = .mainnet) throws -> (WalletStore, UnlockedKeys, AccountRecord) {
        let store = try WalletStore.inMemory(network: network)
        let (vault, key) = try Vault.create(password: StoreFixtures.password, parameters: .insecureForTests, version: 1, now: 0)
        let keys = UnlockedKeys(dataKey: key)
        let accounts = try store.write { db -> [AccountRecord] in
            try vault.insert(db)
            return try store.importSource(db, source, keys: keys)
        }
        return (store, keys, try #require(accounts.first))
    }

    func stored(_ store: WalletStore, _ account: AccountRecord, _ chain: AddressChain) throws -> [String] {
        try store.addresses(account: account.name, chain: chain).map(\.address)
    }

    /// Marks `expected` used so discovery stores every index through the last one.
    func discoverAll(_ store: WalletStore, _ account: AccountRecord, _ expected: [String], keys: UnlockedKeys? = nil) throws {
        let used = Set(expected)
        try store.discover(account: account.name, keys: keys) { addresses in used.intersection(addresses) }
    }

    @Test(arguments: hd.gen1.mnemonic_to_account.indices)
    func bip39Mnemonic(row: Int) throws {
        let c = Self.hd.gen1.mnemonic_to_account[row]
        let network: Network = c.accountXpub.hasPrefix("ktub") ? .testnet10 : .mainnet
        let (store, _, account) = try memoryImport(.mnemonic(try Mnemonic(phrase: c.mnemonic), passphrase: nil), network: network)
        #expect(account.publicKeyList == [c.accountXpub])
        if network == .mainnet {
            #expect(try stored(store, account, .receive).first == c.derived_first_addresses.receive0Mainnet)
            #expect(try stored(store, account, .change).first == c.derived_first_addresses.change0Mainnet)
        }
        for r in c.receiveAddresses ?? [] {
            while try stored(store, account, .receive).count <= Int(r.index) { _ = try store.newAddress(account: account.name) }
            #expect(try stored(store, account, .receive)[Int(r.index)] == r.address)
        }
    }

    @Test func masterKeyAndDiscoveredAddresses() throws {
        let c = Self.hd.gen1.master_key_to_addresses
        let (store, _, account) = try memoryImport(.masterKey(try ExtendedPrivateKey(c.masterKey)))
        #expect(account.publicKeyList == [c.accountKpub])
        try discoverAll(store, account, c.receiveMainnet + c.changeMainnet)
        #expect(Array(try stored(store, account, .receive).prefix(c.receiveMainnet.count)) == c.receiveMainnet)
        #expect(Array(try stored(store, account, .change).prefix(c.changeMainnet.count)) == c.changeMainnet)
        let updated = try store.account(named: account.name)
        #expect(updated.receiveIndex == Int64(c.receiveMainnet.count - 1) && updated.changeIndex == Int64(c.changeMainnet.count - 1))
        Fixtures.report("hd.json gen1 master_key_to_addresses (store)", c.receiveMainnet.count + c.changeMainnet.count, "addresses")
    }

    @Test(arguments: hd.gen0_legacy.cases.indices)
    func legacyKdx(row: Int) throws {
        let c = Self.hd.gen0_legacy.cases[row]
        let mainnet = c.receiveMainnet != nil || c.changeMainnet != nil
        let (store, keys, account) = try memoryImport(.legacyMasterKey(try ExtendedPrivateKey(c.masterKey)), network: mainnet ? .mainnet : .testnet10)
        #expect(account.kind == .legacy)
        let receive = c.receiveMainnet ?? c.receiveTestnet ?? c.withPrivateKeysTestnet?.receive.map(\.address) ?? []
        let change = c.changeMainnet ?? c.changeTestnet ?? c.withPrivateKeysTestnet?.change.map(\.address) ?? []
        // Hardened chains: deriving more than the pre-derived window needs the key.
        #expect(throws: StoreError.locked("a new legacy (KDX) address")) { try store.newAddress(account: account.name) }
        try discoverAll(store, account, receive + change, keys: keys)
        #expect(Array(try stored(store, account, .receive).prefix(receive.count)) == receive)
        #expect(Array(try stored(store, account, .change).prefix(change.count)) == change)
    }

    /// A 12-word legacy mnemonic: the store's addresses equal LegacyAccount's from the same words.
    @Test func legacyMnemonic() throws {
        let m = Mnemonic.random(wordCount: .twelve)
        let (store, _, account) = try memoryImport(.legacyMnemonic(m))
        let legacy = try LegacyAccount(master: ExtendedPrivateKey(seed: m.seed()))
        let expected = try (0..<8).map { try legacy.address(chain: .receive, index: $0, prefix: .mainnet).string }
        #expect(try stored(store, account, .receive) == expected)
    }

    @Test func goKeysJsonSingleSigner() throws {
        let s = Self.go.single
        for json in [Self.go.keysJsonV0.data, Self.go.keysJsonV1.data] {
            let file = try GoKeysFile.parse(json)
            let (store, keys, account) = try memoryImport(.goKeysFile(file, filePassword: SecretBytes(Array(s.password.utf8))))
            #expect(account.kind == .bip32)
            #expect(account.publicKeyList == [s.publicKey])
            #expect(try stored(store, account, .receive).first == s.expectedReceiveAddress0)
            guard case .mnemonic(let m, nil) = try store.secret(keyId: account.keyIdList[0], keys: keys) else { Issue.record("no mnemonic stored"); continue }
            #expect(m.phrase == s.expectedMnemonic)
        }
    }

    @Test func goKeysJsonMultisigTwoOfFive() throws {
        let m = Self.go.multisig_2_of_5
        let json = """
        {"version":1,"encryptedMnemonics":[\(m.encryptedMnemonics.map { "{\"cipher\":\"\($0.cipher)\",\"salt\":\"\($0.salt)\"}" }.joined(separator: ","))],
         "publicKeys":[\(m.publicKeys.map { "\"\($0)\"" }.joined(separator: ","))],
         "minimumSignatures":\(m.requiredSignatures),"cosignerIndex":\(m.fileCosignerIndex),
         "lastUsedExternalIndex":0,"lastUsedInternalIndex":0,"ecdsa":false}
        """
        let file = try GoKeysFile.parse(Data(json.utf8))
        let (store, keys, account) = try memoryImport(.goKeysFile(file, filePassword: SecretBytes(Array(m.password.utf8))))
        #expect(account.kind == .multisig)
        #expect(account.requiredSignatures == 2 && account.cosignerIndex == Int64(m.derived_cosignerIndex))
        #expect(try account.publicKeyList.map { try ExtendedPublicKey($0).xpubString } == m.derived_sortedXpubs)
        #expect(try stored(store, account, .receive).first == m.expectedReceiveAddress0)
        #expect(account.keyIdList.count == 2)
        #expect(try store.verifySecrets(keys: keys) == 2)
    }

    /// `account create --multisig` from a wallet holding the 2-of-5's first mnemonic: rusty-kaspa's key order
    /// and cosigner index, and the redeem-script address of MultisigAccount with those.
    @Test func createdMultisigUsesRustyOrder() throws {
        let m = Self.go.multisig_2_of_5
        let kdf = try Argon2id.goKaspawallet(threads: m.numThreads)
        let first = m.encryptedMnemonics[0]
        let key = try kdf.hash(password: SecretBytes(Array(m.password.utf8)), salt: hex(first.salt))
        let phrase = String(decoding: try KeyEncryption.open(hex(first.cipher), key: key).copyBytes(), as: UTF8.self)
        let (store, keys, _) = try memoryImport(.mnemonic(try Mnemonic(phrase: phrase), passphrase: nil))
        let others = try m.publicKeys.filter { $0 != first.derived_kpubAtM45 }.map { try ExtendedPublicKey($0) }
        let account = try store.createMultisigAccount(name: "ms", cosigners: others, requiredSignatures: 2, keys: keys)
        #expect(try account.publicKeyList.map { try ExtendedPublicKey($0).xpubString } == m.derived_sortedXpubs)
        let local = try ExtendedPublicKey(first.derived_kpubAtM45)
        let expectedIndex = try #require(MultisigAccount.sortedAsRustyKaspa(others + [local]).firstIndex(of: local))
        #expect(account.cosignerIndex == Int64(expectedIndex))
        let direct = try MultisigAccount(cosigners: MultisigAccount.sortedAsRustyKaspa(others + [local]), requiredSignatures: 2, cosignerIndex: UInt32(expectedIndex))
        #expect(try stored(store, account, .receive).first == (try direct.address(chain: .receive, index: 0, prefix: .mainnet).string))
        if expectedIndex == Int(m.derived_cosignerIndex) {
            #expect(try stored(store, account, .receive).first == m.expectedReceiveAddress0)
        }
    }

    @Test func watchOnlyKpubAndKeypair() throws {
        let c = Self.hd.gen1.master_key_to_addresses
        let (store, keys, account) = try memoryImport(.watchOnly(try ExtendedPublicKey(c.accountKpub)))
        #expect(account.kind == .watch && account.isWatchOnly)
        #expect(try stored(store, account, .receive).first == c.receiveMainnet[0])
        _ = keys
        let (other, _, keypair) = try memoryImport(.privateKey(try PrivateKey(hex: c.derived_receive0.privateKey)))
        #expect(keypair.kind == .keypair)
        #expect(keypair.publicKeyList == [c.derived_receive0.publicKey])
        #expect(try stored(other, keypair, .receive) == [c.receiveMainnet[0]])
        #expect(try stored(other, keypair, .change).isEmpty)
    }

    @Test func discoveryWindowsFollowRustyKaspa() {
        // Used 3: windows [0,8) then [8,16) empty and 16 > 3 + 8, stop.
        var r = AddressDiscovery.scan(lastIndex: 0) { range in Set([3]).filter { range.contains($0) } }
        #expect(r.lastIndex == 3 && r.scanned == [0..<8, 8..<16])
        // Used 3 and 12: the hit in the second window extends the scan by one more window.
        r = AddressDiscovery.scan(lastIndex: 0) { range in Set([3, 12]).filter { range.contains($0) } }
        #expect(r.lastIndex == 12 && r.scanned == [0..<8, 8..<16, 16..<24])
        // A gap of more than one window is not crossed (no gap-20 rule).
        r = AddressDiscovery.scan(lastIndex: 0) { range in Set([3, 20]).filter { range.contains($0) } }
        #expect(r.lastIndex == 3)
        // The first window reaches the stored index.
        r = AddressDiscovery.scan(lastIndex: 30) { _ in [] }
        #expect(r.scanned.first == 0..<31 && r.lastIndex == 30)
    }
}
