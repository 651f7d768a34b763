import Foundation
import Testing
@testable import WalletKit

@Suite struct AccountDerivationTests {
    static let gen1 = HDVectors.hd.gen1
    static let sdk = HDVectors.sdk

    /// hd.json gen1 master_key_to_addresses: account kpub/ktub, 21 receive + 20 change mainnet addresses and
    /// 20 receive testnet addresses, plus receive 0's private and public key.
    @Test func masterKeyToAddresses() throws {
        let v = Self.gen1.master_key_to_addresses
        let master = try ExtendedPrivateKey(v.masterKey)
        #expect(Bip32Account.accountPath().description == v.accountPath)
        let account = try Bip32Account(master: master)
        #expect(account.accountKey.serialized(prefix: .kpub) == v.accountKpub)
        #expect(account.accountKey.serialized(prefix: .ktub) == v.accountKtub)
        for (i, expected) in v.receiveMainnet.enumerated() {
            #expect(try account.address(chain: .receive, index: UInt32(i), prefix: .mainnet).string == expected, "receive \(i)")
        }
        for (i, expected) in v.changeMainnet.enumerated() {
            #expect(try account.address(chain: .change, index: UInt32(i), prefix: .mainnet).string == expected, "change \(i)")
        }
        for (i, expected) in v.receiveTestnet.enumerated() {
            #expect(try account.address(chain: .receive, index: UInt32(i), prefix: .testnet).string == expected, "testnet receive \(i)")
        }
        #expect(account.path(chain: .receive, index: 0).description == v.receivePath.replacingOccurrences(of: "<index>", with: "0"))
        #expect(account.path(chain: .change, index: 7).description == v.changePath.replacingOccurrences(of: "<index>", with: "7"))
        // Receive 0's keys, by private derivation of the full path and by the public route.
        let accountPrivate = try Bip32Account.accountPrivateKey(master: master)
        let key = try Bip32Account.privateKey(accountKey: accountPrivate, chain: .receive, index: 0)
        #expect(key.secret.copyBytes().hex == v.derived_receive0.privateKey)
        #expect(key.publicKey.compressed.hex == v.derived_receive0.publicKey)
        #expect(try account.publicKey(chain: .receive, index: 0).compressed.hex == v.derived_receive0.publicKey)
        let full = try master.derive(path: DerivationPath(v.receivePath.replacingOccurrences(of: "<index>", with: "0")))
        #expect(full.privateKey.secret.copyBytes().hex == v.derived_receive0.privateKey)
        // The range helper gives the same list.
        #expect(try account.addresses(chain: .change, range: 0..<20, prefix: .mainnet).map(\.string) == v.changeMainnet)
    }

    /// hd.json gen1 mnemonic_to_account (2 rows): seed, root, account key and the listed addresses.
    @Test(arguments: gen1.mnemonic_to_account.indices)
    func mnemonicToAccount(row: Int) throws {
        let v = Self.gen1.mnemonic_to_account[row]
        let seed = try Mnemonic(phrase: v.mnemonic).seed(passphrase: v.passphrase)
        #expect(seed.copyBytes().hex == v.seed)
        let master = try ExtendedPrivateKey(seed: seed)
        let rootPrefix = try #require(ExtendedKeyPrefix(rawValue: String(v.rootKey.prefix(4))))
        #expect(master.serialized(prefix: rootPrefix) == v.rootKey)
        let account = try Bip32Account(master: master)
        #expect(Bip32Account.accountPath().description == v.accountPath)
        let xpubPrefix = try #require(ExtendedKeyPrefix(rawValue: String(v.accountXpub.prefix(4))))
        #expect(account.accountKey.serialized(prefix: xpubPrefix) == v.accountXpub)
        // The account key parsed from its string derives the same addresses (watch-only route).
        let watch = try Bip32Account(accountKey: ExtendedPublicKey(v.accountXpub))
        for r in v.receiveAddresses ?? [] {
            let prefix: AddressPrefix = r.network == "mainnet" ? .mainnet : .testnet
            #expect(try account.address(chain: .receive, index: r.index, prefix: prefix).string == r.address)
            #expect(try watch.address(chain: .receive, index: r.index, prefix: prefix).string == r.address)
        }
        #expect(try account.address(chain: .receive, index: 0, prefix: .mainnet).string == v.derived_first_addresses.receive0Mainnet)
        #expect(try account.address(chain: .change, index: 0, prefix: .mainnet).string == v.derived_first_addresses.change0Mainnet)
    }

    /// sdk_generated.json mnemonic cases: account kpub/ktub, 5 receive + 3 change on mainnet and testnet-10,
    /// receive 0's public key.
    @Test(arguments: sdk.mnemonicCases.map(\.id))
    func sdkMnemonicAccount(id: String) throws {
        let c = try #require(Self.sdk.mnemonicCases.first { $0.id == id })
        let seed = try Mnemonic(phrase: try #require(c.mnemonic)).seed(passphrase: try #require(c.passphrase))
        let master = try ExtendedPrivateKey(seed: seed)
        #expect(Bip32Account.accountPath().description == c.accountPath)
        let account = try Bip32Account(master: master)
        #expect(account.accountKey.serialized(prefix: .kpub) == c.accountKpub, "\(id) kpub")
        #expect(account.accountKey.serialized(prefix: .ktub) == c.accountKtub, "\(id) ktub")
        let mainnet = try #require(c.mainnet), testnet = try #require(c.testnet10)
        #expect(mainnet.receive.count == 5 && mainnet.change.count == 3 && testnet.receive.count == 5 && testnet.change.count == 3)
        #expect(try account.addresses(chain: .receive, range: 0..<5, prefix: Network.mainnet.addressPrefix).map(\.string) == mainnet.receive)
        #expect(try account.addresses(chain: .change, range: 0..<3, prefix: Network.mainnet.addressPrefix).map(\.string) == mainnet.change)
        #expect(try account.addresses(chain: .receive, range: 0..<5, prefix: Network.testnet10.addressPrefix).map(\.string) == testnet.receive)
        #expect(try account.addresses(chain: .change, range: 0..<3, prefix: Network.testnet10.addressPrefix).map(\.string) == testnet.change)
        #expect(try account.publicKey(chain: .receive, index: 0).compressed.hex == c.receive0PublicKey)
    }

    /// sdk_generated.json privateKey cases: public key, x-only key, Schnorr and ECDSA addresses and scripts.
    @Test(arguments: sdk.privateKeyCases.map(\.id))
    func sdkPrivateKey(id: String) throws {
        let c = try #require(Self.sdk.privateKeyCases.first { $0.id == id })
        let key = try PrivateKey(hex: try #require(c.privateKey))
        let pub = key.publicKey
        #expect(pub.compressed.hex == c.publicKey)
        #expect(pub.xOnly.bytes.hex == c.xOnlyPublicKey)
        #expect(key.xOnlyPublicKey.bytes.hex == c.xOnlyPublicKey)
        #expect(Bip32Account.address(for: pub, prefix: .mainnet, ecdsa: false).string == c.schnorrAddress_mainnet)
        #expect(Bip32Account.address(for: pub, prefix: .mainnet, ecdsa: true).string == c.ecdsaAddress_mainnet)
        #expect(Bip32Account.address(for: pub, prefix: .testnet, ecdsa: false).string == c.schnorrAddress_testnet)
        #expect(Bip32Account.address(for: pub, prefix: .testnet, ecdsa: true).string == c.ecdsaAddress_testnet)
        #expect(ScriptPublicKey.p2pk(pub.xOnly).script.hex == c.schnorrScriptPublicKey)
        #expect(ScriptPublicKey.p2pkECDSA(pub).script.hex == c.ecdsaScriptPublicKey)
        #expect(ScriptPublicKey(address: try Address(try #require(c.schnorrAddress_mainnet))).script.hex == c.schnorrScriptPublicKey)
        #expect(ScriptPublicKey(address: try Address(try #require(c.ecdsaAddress_testnet))).script.hex == c.ecdsaScriptPublicKey)
    }

    @Test func ecdsaAccountAddresses() throws {
        let v = Self.gen1.master_key_to_addresses
        let master = try ExtendedPrivateKey(v.masterKey)
        let account = try Bip32Account(master: master, ecdsa: true)
        let pub = try PublicKey(hex: v.derived_receive0.publicKey)
        #expect(try account.address(chain: .receive, index: 0, prefix: .mainnet) == Address.p2pkECDSA(pub, prefix: .mainnet))
    }

    /// The fast per-chain deriver (generator multiply + point add) agrees with CKDpub by tweak-add.
    @Test func fastDeriverMatchesTweakAdd() throws {
        let account = try Bip32Account(master: ExtendedPrivateKey(Self.gen1.master_key_to_addresses.masterKey))
        let chain = try account.accountKey.derive(ChildNumber(1))
        var rng = SplitMix64(seed: 42)
        for _ in 0..<100 {
            let index = UInt32.random(in: 0..<0x8000_0000, using: &rng)
            let slow = try chain.derive(ChildNumber(index)).publicKey
            #expect(try account.publicKey(chain: .change, index: index) == slow, "index \(index)")
        }
    }

    @Test func indexRangeIsChecked() throws {
        let account = try Bip32Account(master: ExtendedPrivateKey(Self.gen1.master_key_to_addresses.masterKey))
        #expect(throws: ExtendedKeyError.indexOutOfRange(0x8000_0000)) { try account.address(chain: .receive, index: 0x8000_0000, prefix: .mainnet) }
    }

    @Test func reportCounts() {
        let v = Self.gen1.master_key_to_addresses
        Fixtures.report("hd.json gen1 addresses", v.receiveMainnet.count + v.changeMainnet.count + v.receiveTestnet.count, "addresses")
        Fixtures.report("hd.json gen1 mnemonic_to_account", Self.gen1.mnemonic_to_account.count)
        Fixtures.report("sdk_generated.json mnemonic (account)", Self.sdk.mnemonicCases.count)
        Fixtures.report("sdk_generated.json privateKey", Self.sdk.privateKeyCases.count)
    }
}
