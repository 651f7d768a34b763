import Crypto
import _CryptoExtras

/// HMAC-SHA512 and PBKDF2-HMAC-SHA512 (swift-crypto): BIP32 child derivation and the BIP39 seed.
public enum HmacSha512 {
    public static func authenticate(key: [UInt8], data: [UInt8]) -> [UInt8] {
        let mac = HMAC<SHA512>.authenticationCode(for: data, using: SymmetricKey(data: key))
        return Array(mac)
    }
}

public enum Pbkdf2Sha512 {
    /// BIP39 uses 2048 rounds, below swift-crypto's checked minimum, hence the unchecked entry point.
    public static func derive(password: [UInt8], salt: [UInt8], rounds: Int, length: Int) -> [UInt8] {
        let key = try! KDF.Insecure.PBKDF2.deriveKey(
            from: password, salt: salt, using: .sha512, outputByteCount: length, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }
}
