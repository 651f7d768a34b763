import CSodium
import Foundation

/// Encryption of stored secrets as rusty-kaspa does it (`wallet/core/src/encryption.rs`):
/// key = Argon2id(secret, salt = SHA-256(secret), m = 19456 KiB, t = 2, p = 1, 32 bytes) ("argon2_sha256iv_hash"),
/// cipher = XChaCha20-Poly1305 with no associated data, blob = nonce(24) || ciphertext || tag(16).
/// The same blob layout (with another key derivation) holds the Go kaspawallet's mnemonics.
public enum KeyEncryption {
    public static let keyLength = 32
    public static let nonceLength = 24
    public static let tagLength = 16

    /// `argon2_sha256iv_hash(secret, 32)`.
    public static func walletKey(secret: SecretBytes) -> SecretBytes {
        let salt = secret.withUnsafeBytes { raw in
            var h = Sha256()
            h.update(raw)
            return h.finalize().bytes
        }
        do { return try Argon2id.rustyKaspaDefault.hash(password: secret, salt: salt) } catch {
            preconditionFailure("fixed Argon2 parameters and a 32-byte salt are always accepted")
        }
    }

    /// Derives the key from `secret` and seals `plaintext` under a fresh random nonce.
    public static func encrypt(_ plaintext: SecretBytes, secret: SecretBytes) -> [UInt8] {
        seal(plaintext, key: walletKey(secret: secret))
    }

    /// Derives the key from `secret` and opens a blob written by `encrypt` (or by rusty-kaspa).
    public static func decrypt(_ blob: [UInt8], secret: SecretBytes) throws(KeyEncryptionError) -> SecretBytes {
        try open(blob, key: walletKey(secret: secret))
    }

    /// XChaCha20-Poly1305 with a 32-byte key. `nonce` is for known-answer tests only: a fixed nonce
    /// reused under one key breaks the cipher, so production code leaves it nil (24 random bytes).
    public static func seal(_ plaintext: SecretBytes, key: SecretBytes, nonce: [UInt8]? = nil) -> [UInt8] {
        precondition(key.count == keyLength, "XChaCha20-Poly1305 keys are 32 bytes")
        _ = sodiumReady
        var npub = nonce ?? {
            var n = [UInt8](repeating: 0, count: nonceLength)
            randombytes_buf(&n, nonceLength)
            return n
        }()
        precondition(npub.count == nonceLength, "XChaCha20-Poly1305 nonces are 24 bytes")
        var out = [UInt8](repeating: 0, count: nonceLength + plaintext.count + tagLength)
        var written: UInt64 = 0
        let rc = out.withUnsafeMutableBufferPointer { o in
            plaintext.withUnsafeBytes { m in
                key.withUnsafeBytes { k in
                    crypto_aead_xchacha20poly1305_ietf_encrypt(
                        o.baseAddress! + nonceLength, &written, m.bindMemory(to: UInt8.self).baseAddress, UInt64(plaintext.count),
                        nil, 0, nil, &npub, k.bindMemory(to: UInt8.self).baseAddress!)
                }
            }
        }
        precondition(rc == 0 && Int(written) == plaintext.count + tagLength)
        out.replaceSubrange(0..<nonceLength, with: npub)
        return out
    }

    /// Opens `nonce || ciphertext || tag`. Any change to the blob, or another key, fails authentication.
    public static func open(_ blob: [UInt8], key: SecretBytes) throws(KeyEncryptionError) -> SecretBytes {
        guard key.count == keyLength else { throw .invalidKeyLength(key.count) }
        guard blob.count >= nonceLength + tagLength else { throw .tooShort(blob.count) }
        _ = sodiumReady
        let nonce = Array(blob[0..<nonceLength])
        let sealed = Array(blob[nonceLength...])
        var plain = [UInt8](repeating: 0, count: sealed.count - tagLength)
        defer { SecretBytes.wipe(&plain) }
        var length: UInt64 = 0
        let rc = plain.withUnsafeMutableBufferPointer { m in
            key.withUnsafeBytes { k in
                crypto_aead_xchacha20poly1305_ietf_decrypt(
                    m.baseAddress, &length, nil, sealed, UInt64(sealed.count), nil, 0, nonce, k.bindMemory(to: UInt8.self).baseAddress!)
            }
        }
        guard rc == 0 else { throw .authenticationFailed }
        return SecretBytes(plain[0..<Int(length)])
    }
}

public enum KeyEncryptionError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case tooShort(Int)
    case authenticationFailed
    case invalidKeyLength(Int)

    public var description: String {
        switch self {
        case .tooShort(let n):
            return "encrypted data is \(n) bytes, shorter than a nonce and tag (40 bytes): it is truncated or not encrypted data"
        case .authenticationFailed:
            return "decryption failed: wrong password or corrupted data"
        case .invalidKeyLength(let n):
            return "encryption key must be 32 bytes, got \(n)"
        }
    }

    public var errorDescription: String? { description }
}
