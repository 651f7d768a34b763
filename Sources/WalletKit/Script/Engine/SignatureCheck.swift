import CSecp256k1

/// libsecp256k1 checks with rusty-kaspa's error split (`lib.rs`, `check_schnorr_signature_with_msg_hash`,
/// `check_ecdsa_signature_with_msg_hash`): a key that does not parse is `InvalidPubkey`, a signature that does not
/// parse is `InvalidSignature`, and a well-formed signature that does not verify is just `false`.
enum SignatureCheck {
    static func schnorr(signature: [UInt8], message: Hash32, key: [UInt8]) throws(ScriptError) -> Bool {
        let ctx = Secp256k1.shared.context
        var xonly = secp256k1_xonly_pubkey()
        guard key.count == 32, secp256k1_xonly_pubkey_parse(ctx, &xonly, key) == 1 else {
            throw .invalidPubkey("\(key.count)-byte key \(key.hex) is not a valid x-only public key")
        }
        guard signature.count == 64 else {
            throw .invalidSignature("a Schnorr signature is 64 bytes, got \(signature.count)")
        }
        return secp256k1_schnorrsig_verify(ctx, signature, message.bytes, 32, &xonly) == 1
    }

    static func ecdsa(signature: [UInt8], message: Hash32, key: [UInt8]) throws(ScriptError) -> Bool {
        let ctx = Secp256k1.shared.context
        guard key.count == 33 else { throw .pubKeyFormat }
        var pk = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(ctx, &pk, key, 33) == 1 else {
            throw .invalidPubkey("key \(key.hex) is not a valid compressed public key")
        }
        var sig = secp256k1_ecdsa_signature()
        guard signature.count == 64, secp256k1_ecdsa_signature_parse_compact(ctx, &sig, signature) == 1 else {
            throw .invalidSignature("an ECDSA signature is 64 bytes of compact r||s below the group order, got \(signature.count) bytes")
        }
        return secp256k1_ecdsa_verify(ctx, &sig, message.bytes, &pk) == 1
    }
}
