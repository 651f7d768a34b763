import Foundation
import Testing
@testable import WalletKit

@Suite struct LegacyDerivationTests {
    static let legacy = HDVectors.hd.gen0_legacy

    /// hd.json gen0_legacy: every address of every case (100+100 mainnet, 20+20 testnet, 20+20 testnet with
    /// private keys).
    @Test(arguments: legacy.cases.indices)
    func legacyCase(row: Int) throws {
        let c = Self.legacy.cases[row]
        let account = try LegacyAccount(master: ExtendedPrivateKey(c.masterKey))
        func check(_ list: [String]?, _ chain: AddressChain, _ prefix: AddressPrefix) throws {
            for (i, expected) in (list ?? []).enumerated() {
                #expect(try account.address(chain: chain, index: UInt32(i), prefix: prefix).string == expected, "row \(row) \(chain) \(i)")
            }
        }
        try check(c.receiveMainnet, .receive, .mainnet)
        try check(c.changeMainnet, .change, .mainnet)
        try check(c.receiveTestnet, .receive, .testnet)
        try check(c.changeTestnet, .change, .testnet)
        if let keyed = c.withPrivateKeysTestnet {
            for (chain, rows) in [(AddressChain.receive, keyed.receive), (.change, keyed.change)] {
                for r in rows {
                    let key = try account.privateKey(chain: chain, index: r.index)
                    #expect(key.secret.copyBytes().hex == r.privateKey, "row \(row) \(chain) \(r.index) key")
                    #expect(Address.p2pk(key.xOnlyPublicKey, prefix: .testnet).string == r.address)
                    #expect(try account.address(chain: chain, index: r.index, prefix: .testnet).string == r.address)
                }
            }
        }
    }

    @Test func pathAndQuirk() throws {
        #expect(LegacyAccount.path(chain: .change, index: 3).description == "m/44'/972/0'/1'/3'")
        #expect(Self.legacy.path == "m/44'/972/0'/<change>'/<index>'")
        // Plain BIP32 at the same path gives a different address (the quirk matters).
        let c = Self.legacy.cases[0]
        let master = try ExtendedPrivateKey(c.masterKey)
        let plain = try master.derive(path: LegacyAccount.path(chain: .receive, index: 0))
        #expect(Address.p2pk(plain.publicKey.xOnly, prefix: .mainnet).string != c.receiveMainnet?.first)
        // The account key records the standard (33-byte) parent fingerprint of the 972 step.
        let account = try LegacyAccount(master: master)
        let coin = try LegacyAccount.deriveXOnlyQuirk(try master.derive(.known(44, hardened: true)), child: .known(972, hardened: false))
        #expect(account.accountKey.parentFingerprint == coin.fingerprint)
        #expect(coin.parentFingerprint == KeyFingerprint(of: try master.derive(.known(44, hardened: true)).publicKey))
    }

    @Test func reportCounts() {
        var addresses = 0
        for c in Self.legacy.cases {
            addresses += (c.receiveMainnet?.count ?? 0) + (c.changeMainnet?.count ?? 0) + (c.receiveTestnet?.count ?? 0) + (c.changeTestnet?.count ?? 0)
            addresses += (c.withPrivateKeysTestnet?.receive.count ?? 0) + (c.withPrivateKeysTestnet?.change.count ?? 0)
        }
        Fixtures.report("hd.json gen0_legacy", addresses, "addresses")
    }
}
