/// KIP-5 personal message signing: BIP340 Schnorr over `BLAKE2b(key "PersonalMessageSigningHash", UTF-8 text)`
/// (rusty-kaspa `wallet/core/src/message.rs`, kips `kip-0005.md`).
public enum MessageSigning {
    public static func hash(_ message: String) -> Hash32 {
        KaspaHasher.personalMessageSigningHash.hash(Array(message.utf8))
    }

    /// `auxRandom` nil uses fresh randomness; pass 32 bytes to reproduce a vector.
    public static func sign(_ message: String, key: PrivateKey, auxRandom: [UInt8]? = nil) -> [UInt8] {
        key.schnorrSign(hash(message), auxRandom: auxRandom)
    }

    public static func verify(_ message: String, signature: [UInt8], publicKey: XOnlyPublicKey) -> Bool {
        publicKey.schnorrVerify(signature: signature, message: hash(message))
    }
}
