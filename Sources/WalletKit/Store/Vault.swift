import Foundation
import GRDB

/// The wallet's key envelope. A random 32-byte data key seals every stored secret (XChaCha20-Poly1305); the
/// data key itself is sealed under Argon2id(password, random salt, stored parameters). A wrong password fails
/// authentication of the envelope, so it is told apart from a damaged secret, and nothing is written.
enum Vault {
    static let saltLength = 32

    /// A new envelope for `password` around a new data key.
    static func create(password: SecretBytes, parameters: KdfParameters, version: Int64, now: Int64) throws(StoreError) -> (VaultRecord, SecretBytes) {
        let dataKey = SecretBytes.random(count: KeyEncryption.keyLength)
        return (try wrap(dataKey, password: password, parameters: parameters, version: version, now: now), dataKey)
    }

    static func wrap(_ dataKey: SecretBytes, password: SecretBytes, parameters: KdfParameters, version: Int64, now: Int64) throws(StoreError) -> VaultRecord {
        guard password.count > 0 else { throw .emptyPassword }
        let salt = SecretBytes.random(count: saltLength).copyBytes()
        let kek = try derive(password: password, salt: salt, parameters: parameters)
        return VaultRecord(kdf: KdfParameters.algorithm, salt: Data(salt), memoryKiB: Int64(parameters.memoryKiB),
                           iterations: Int64(parameters.iterations), parallelism: Int64(parameters.parallelism),
                           wrappedKey: Data(KeyEncryption.seal(dataKey, key: kek)), keyVersion: version, changedAt: now)
    }

    /// The data key, or `.wrongPassword`.
    static func unlock(_ record: VaultRecord, password: SecretBytes) throws(StoreError) -> SecretBytes {
        guard record.kdf == KdfParameters.algorithm else { throw .corrupted("unknown key derivation '\(record.kdf)'") }
        let kek = try derive(password: password, salt: Array(record.salt), parameters: record.parameters)
        do { return try KeyEncryption.open(Array(record.wrappedKey), key: kek) } catch { throw .wrongPassword }
    }

    static func derive(password: SecretBytes, salt: [UInt8], parameters: KdfParameters) throws(StoreError) -> SecretBytes {
        do { return try parameters.argon2().hash(password: password, salt: salt) } catch let e as StoreError { throw e } catch {
            throw .corrupted("key derivation failed: \(error)")
        }
    }

    static func seal(_ secret: StoredSecret, dataKey: SecretBytes) -> Data {
        Data(KeyEncryption.seal(secret.encoded(), key: dataKey))
    }

    static func open(_ record: KeyMaterialRecord, dataKey: SecretBytes) throws(StoreError) -> StoredSecret {
        let plain: SecretBytes
        do { plain = try KeyEncryption.open(Array(record.ciphertext), key: dataKey) } catch { throw .secretCorrupted(keyId: record.id ?? 0) }
        return try StoredSecret.decode(kind: record.kind, plain)
    }
}

/// An unlocked wallet's data key. Keep it only as long as needed; it is wiped when released.
public struct UnlockedKeys: Sendable {
    let dataKey: SecretBytes
}
