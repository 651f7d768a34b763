import Foundation
import Testing
@testable import WalletKit

@Suite struct Argon2Tests {
    /// RFC 9106 §5.3 Argon2id test vector (m = 32 KiB, t = 3, p = 4, with secret and associated data).
    @Test func rfc9106Vector() throws {
        let kdf = try Argon2id(memoryKiB: 32, iterations: 3, parallelism: 4, tagLength: 32)
        let tag = try kdf.hash(
            password: SecretBytes([UInt8](repeating: 0x01, count: 32)), salt: [UInt8](repeating: 0x02, count: 16),
            secret: SecretBytes([UInt8](repeating: 0x03, count: 8)), associatedData: [UInt8](repeating: 0x04, count: 12))
        #expect(tag.copyBytes().hex == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")
    }

    /// encryption.json argon2_sha256iv_hash: rusty-kaspa's wallet key (salt = SHA-256(secret), m = 19456, t = 2, p = 1).
    @Test func rustyKaspaWalletKey() throws {
        let cases = HDVectors.encryption.argon2_sha256iv_hash.cases
        for c in cases {
            #expect(Array(c.password.utf8).hex == c.passwordHex)
            #expect(Sha256.hash(hex(c.passwordHex)).hex == c.salt)
            #expect(KeyEncryption.walletKey(secret: SecretBytes(hex(c.passwordHex))).copyBytes().hex == c.expectedKey)
        }
        Fixtures.report("encryption.json argon2_sha256iv_hash", cases.count)
    }

    @Test func parametersAreValidated() {
        #expect(throws: Argon2Error.self) { try Argon2id(memoryKiB: 7, iterations: 1, parallelism: 1) }
        #expect(throws: Argon2Error.self) { try Argon2id(memoryKiB: 64, iterations: 0, parallelism: 1) }
        #expect(throws: Argon2Error.self) { try Argon2id(memoryKiB: 64, iterations: 1, parallelism: 0) }
        #expect(throws: Argon2Error.self) {
            try Argon2id(memoryKiB: 64, iterations: 1, parallelism: 1).hash(password: SecretBytes([1]), salt: [1, 2, 3])
        }
    }

    /// Longer tags exercise the chained H' (more than 64 bytes).
    @Test func longTagsAreStable() throws {
        let kdf = try Argon2id(memoryKiB: 64, iterations: 1, parallelism: 2, tagLength: 100)
        let a = try kdf.hash(password: SecretBytes(Array("pw".utf8)), salt: Array("saltsalt".utf8))
        let b = try kdf.hash(password: SecretBytes(Array("pw".utf8)), salt: Array("saltsalt".utf8))
        #expect(a.count == 100)
        #expect(a.isEqual(to: b))
    }
}
