import Foundation
import Testing
@testable import WalletKit

@Suite struct KeyEncryptionTests {
    static let roundTrips = HDVectors.encryption.xchacha20poly1305_roundtrip.cases

    /// encryption.json xchacha20poly1305_roundtrip: key from the password, fixed-nonce blob, and back.
    @Test func fixedNonceVector() throws {
        for c in Self.roundTrips {
            let key = KeyEncryption.walletKey(secret: SecretBytes(Array(c.password.utf8)))
            #expect(key.copyBytes().hex == c.key)
            #expect(Array(c.plaintext.utf8).hex == c.plaintextHex)
            let blob = KeyEncryption.seal(SecretBytes(hex(c.plaintextHex)), key: key, nonce: hex(c.nonce))
            #expect(blob.hex == c.expectedBlob)
            #expect(try KeyEncryption.open(hex(c.expectedBlob), key: key).copyBytes().hex == c.plaintextHex)
            #expect(try KeyEncryption.decrypt(hex(c.expectedBlob), secret: SecretBytes(Array(c.password.utf8))).copyBytes().hex == c.plaintextHex)
        }
        Fixtures.report("encryption.json xchacha20poly1305_roundtrip", Self.roundTrips.count)
    }

    @Test func randomNonceRoundTrip() throws {
        let key = SecretBytes.random(count: 32)
        let message = SecretBytes(Array("twelve words of a mnemonic".utf8))
        let a = KeyEncryption.seal(message, key: key)
        let b = KeyEncryption.seal(message, key: key)
        #expect(a != b)  // fresh nonces
        #expect(a.count == 24 + message.count + 16)
        #expect(try KeyEncryption.open(a, key: key).isEqual(to: message))
        #expect(try KeyEncryption.open(KeyEncryption.seal(SecretBytes([]), key: key), key: key).count == 0)
    }

    @Test func tamperedCiphertextFails() throws {
        let c = try #require(Self.roundTrips.first)
        let key = SecretBytes(hex(c.key))
        let blob = hex(c.expectedBlob)
        for position in [0, 23, 24, blob.count - 17, blob.count - 1] {
            var tampered = blob
            tampered[position] ^= 0x01
            #expect(throws: KeyEncryptionError.authenticationFailed) { try KeyEncryption.open(tampered, key: key) }
        }
        #expect(throws: KeyEncryptionError.authenticationFailed) { try KeyEncryption.open(blob, key: SecretBytes.random(count: 32)) }
        #expect(throws: KeyEncryptionError.tooShort(39)) { try KeyEncryption.open(Array(blob.prefix(39)), key: key) }
        #expect(throws: KeyEncryptionError.invalidKeyLength(16)) { try KeyEncryption.open(blob, key: SecretBytes.random(count: 16)) }
        #expect(KeyEncryptionError.authenticationFailed.description == "decryption failed: wrong password or corrupted data")
    }
}
