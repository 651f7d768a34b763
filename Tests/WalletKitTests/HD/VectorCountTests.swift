import Foundation
import Testing
@testable import WalletKit

/// The case counts stated in the vectors README (/work/shared/vectors/README.md), so an emptied or truncated
/// vector file fails instead of passing with nothing checked.
@Suite struct HDVectorCountTests {
    @Test func hdJsonCounts() {
        let hd = HDVectors.hd
        #expect(hd.bip39_to_root.cases.count == 12)
        let g = hd.gen1.master_key_to_addresses
        #expect(g.receiveMainnet.count == 21)
        #expect(g.changeMainnet.count == 20)
        #expect(g.receiveTestnet.count == 20)
        #expect(hd.gen1.mnemonic_to_account.count == 2)
        let legacy = hd.gen0_legacy.cases
        #expect(legacy.count == 3)
        #expect(legacy.first?.receiveMainnet?.count == 100 && legacy.first?.changeMainnet?.count == 100)
        #expect(legacy.dropFirst().first?.receiveTestnet?.count == 20 && legacy.dropFirst().first?.changeTestnet?.count == 20)
        #expect(legacy.last?.withPrivateKeysTestnet?.receive.count == 20 && legacy.last?.withPrivateKeysTestnet?.change.count == 20)
        #expect(hd.prefixes.count == 12)
        #expect(Set(hd.prefixes.keys) == Set(ExtendedKeyPrefix.allCases.map(\.rawValue)))
    }

    @Test func encryptionJsonCounts() {
        let e = HDVectors.encryption
        #expect(e.argon2_sha256iv_hash.cases.count == 1)
        #expect(e.xchacha20poly1305_roundtrip.cases.count == 1)
        #expect(e.go_kaspawallet_import.multisig_2_of_5.encryptedMnemonics.count == 2)
        #expect(e.go_kaspawallet_import.multisig_2_of_5.publicKeys.count == 5)
        #expect(e.go_kaspawallet_import.multisig_2_of_5.requiredSignatures == 2)
    }

    @Test func sdkGeneratedCounts() {
        let sdk = HDVectors.sdk
        #expect(sdk.mnemonicCases.count == 10)
        #expect(sdk.privateKeyCases.count == 10)
        #expect(sdk.counts["mnemonic"] == 10 && sdk.counts["privateKey"] == 10)
    }
}
