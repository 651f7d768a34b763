import Foundation
import Testing
@testable import WalletKit

@Suite struct GoKeysFileTests {
    static let go = HDVectors.encryption.go_kaspawallet_import

    /// encryption.json go_kaspawallet_import single: the Argon2id key, the mnemonic, the xpub and receive 0,
    /// through both keys.json forms (version 0 with numThreads, version 1).
    @Test func singleSigner() throws {
        let s = Self.go.single
        let kdf = try Argon2id.goKaspawallet(threads: s.numThreads)
        let key = try kdf.hash(password: SecretBytes(Array(s.password.utf8)), salt: hex(s.salt))
        #expect(key.copyBytes().hex == s.derived_key)
        let plain = try KeyEncryption.open(hex(s.cipher), key: key)
        #expect(String(decoding: plain.copyBytes(), as: UTF8.self) == s.expectedMnemonic)

        for json in [Self.go.keysJsonV0.data, Self.go.keysJsonV1.data] {
            let file = try GoKeysFile.parse(json)
            #expect(!file.isMultisig)
            #expect(file.argon2Threads == 8)
            #expect(file.publicKeys == [s.publicKey])
            let wallet = try file.open(password: SecretBytes(Array(s.password.utf8)))
            #expect(wallet.mnemonics.map(\.phrase) == [s.expectedMnemonic])
            guard case .singleSigner(let account) = wallet.kind else { Issue.record("expected a single-signer wallet"); continue }
            #expect(Bip32Account.accountPath().description == s.publicKeyPath)
            #expect(account.accountKey.serialized(prefix: .kpub) == s.publicKey)
            #expect(try wallet.address(chain: .receive, index: 0, prefix: .mainnet).string == s.expectedReceiveAddress0)
        }
        let v0 = try GoKeysFile.parse(Self.go.keysJsonV0.data)
        #expect(v0.version == 0 && v0.numThreads == 8 && v0.minimumSignatures == 1 && v0.cosignerIndex == 0 && !v0.ecdsa)
        #expect(v0.lastUsedExternalIndex == 0 && v0.lastUsedInternalIndex == 0)
        #expect(v0.encryptedMnemonics.first?.salt.hex == s.salt)
    }

    /// encryption.json multisig_2_of_5: keys, mnemonics, kpubs at m/45', sorted xpubs, cosigner index, redeem
    /// script and receive 0.
    @Test func multisigTwoOfFive() throws {
        let m = Self.go.multisig_2_of_5
        let password = SecretBytes(Array(m.password.utf8))
        let kdf = try Argon2id.goKaspawallet(threads: m.numThreads)
        var local: [ExtendedPublicKey] = []
        for (i, e) in m.encryptedMnemonics.enumerated() {
            let key = try kdf.hash(password: password, salt: hex(e.salt))
            #expect(key.copyBytes().hex == e.derived_key, "mnemonic \(i) key")
            let phrase = String(decoding: try KeyEncryption.open(hex(e.cipher), key: key).copyBytes(), as: UTF8.self)
            #expect(phrase == e.derived_mnemonic)
            let master = try ExtendedPrivateKey(seed: try Mnemonic(phrase: phrase).seed())
            let cosigner = try MultisigAccount.cosignerKey(master: master).extendedPublicKey
            #expect(cosigner.serialized(prefix: .kpub) == e.derived_kpubAtM45)
            local.append(cosigner)
        }
        let all = try m.publicKeys.map { try ExtendedPublicKey($0) }
        let sorted = MultisigAccount.sortedAsRustyKaspa(all)
        #expect(sorted.map(\.xpubString) == m.derived_sortedXpubs)
        #expect(MultisigAccount.cosignerIndex(localKeys: local, sortedKeys: sorted) == m.derived_cosignerIndex)
        #expect(m.derived_cosignerIndex == m.fileCosignerIndex)
        let account = try MultisigAccount(cosigners: sorted, requiredSignatures: m.requiredSignatures, cosignerIndex: m.derived_cosignerIndex)
        #expect(try account.redeemScript(chain: .receive, index: 0).hex == m.derived_redeemScript)
        #expect(try account.address(chain: .receive, index: 0, prefix: .mainnet).string == m.expectedReceiveAddress0)
        #expect(account.path(chain: .receive, index: 0).description == "m/45'/111111'/0'/1/0/0")

        // The same through a keys.json file (version 1).
        let json = """
        {"version":1,"encryptedMnemonics":[\(m.encryptedMnemonics.map { "{\"cipher\":\"\($0.cipher)\",\"salt\":\"\($0.salt)\"}" }.joined(separator: ","))],
         "publicKeys":[\(m.publicKeys.map { "\"\($0)\"" }.joined(separator: ","))],
         "minimumSignatures":\(m.requiredSignatures),"cosignerIndex":\(m.fileCosignerIndex),
         "lastUsedExternalIndex":0,"lastUsedInternalIndex":0,"ecdsa":false}
        """
        let file = try GoKeysFile.parse(Data(json.utf8))
        #expect(file.isMultisig)
        let wallet = try file.open(password: password)
        #expect(wallet.mnemonics.map(\.phrase) == m.encryptedMnemonics.map(\.derived_mnemonic))
        #expect(try wallet.address(chain: .receive, index: 0, prefix: .mainnet).string == m.expectedReceiveAddress0)
    }

    @Test func wrongPasswordIsAClearError() throws {
        let file = try GoKeysFile.parse(Self.go.keysJsonV1.data)
        let error = try #require(throws: GoKeysFileError.self) { try file.open(password: SecretBytes(Array("not it".utf8))) }
        #expect(error == .decryptionFailed(mnemonic: 1))
        #expect(error.description.contains("wrong password or corrupted data"))
    }

    @Test func malformedFiles() {
        #expect(throws: GoKeysFileError.self) { try GoKeysFile.parse(Data("{".utf8)) }
        let missing = try? GoKeysFile.parse(Data(#"{"version":1,"encryptedMnemonics":[],"publicKeys":["x"]}"#.utf8))
        #expect(missing == nil)
        do {
            _ = try GoKeysFile.parse(Data(#"{"version":1,"encryptedMnemonics":[],"publicKeys":["x"]}"#.utf8))
        } catch {
            #expect(error.description.contains("minimumSignatures"))
        }
        let v2 = #"{"version":2,"encryptedMnemonics":[],"publicKeys":["x"],"minimumSignatures":1,"cosignerIndex":0,"lastUsedExternalIndex":0,"lastUsedInternalIndex":0,"ecdsa":false}"#
        #expect(throws: GoKeysFileError.unsupportedVersion(2)) { try GoKeysFile.parse(Data(v2.utf8)) }
        let v0 = #"{"version":0,"encryptedMnemonics":[],"publicKeys":["x"],"minimumSignatures":1,"cosignerIndex":0,"lastUsedExternalIndex":0,"lastUsedInternalIndex":0,"ecdsa":false}"#
        #expect(throws: GoKeysFileError.missingThreadCount) { try GoKeysFile.parse(Data(v0.utf8)) }
    }

    @Test func reportCounts() {
        Fixtures.report("encryption.json go_kaspawallet_import", 2 + 1, "cases (keys.json v0 + v1 single, 2-of-5 multisig)")
    }
}
