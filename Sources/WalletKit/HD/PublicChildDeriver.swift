import CSecp256k1
import Crypto
import Foundation

/// The hot path of address derivation: normal (public) children of one fixed extended public key.
///
/// The HMAC is keyed with the parent's chain code once and the parent point is parsed once, so each child
/// costs one HMAC-SHA512 over 37 bytes and one secp256k1 tweak-add (the same CKDpub as
/// `ExtendedPublicKey.derive`, rusty-kaspa `wallet/keys/src/derivation/gen1/hd.rs` keeps a keyed HMAC the
/// same way). Only the child public key is returned: leaf keys need no chain code or fingerprint.
struct PublicChildDeriver: Sendable {
    let parent: ExtendedPublicKey
    private let point: secp256k1_pubkey
    private let keyedMac: HMAC<SHA512>

    init(_ parent: ExtendedPublicKey) {
        self.parent = parent
        guard let point = PublicKey.parse(parent.publicKey.compressed) else {
            preconditionFailure("a PublicKey always holds a valid point")
        }
        self.point = point
        keyedMac = HMAC<SHA512>(key: SymmetricKey(data: parent.chainCode))
    }

    func publicKey(at index: UInt32) throws(ExtendedKeyError) -> PublicKey {
        guard index < ChildNumber.hardenedBit else { throw .indexOutOfRange(index) }
        var mac = keyedMac
        parent.publicKey.compressed.withUnsafeBytes { mac.update(data: $0) }
        withUnsafeBytes(of: index.bigEndian) { mac.update(data: $0) }
        let code = mac.finalize()
        var child = point
        // The tweak is I[0..32): libsecp256k1 reads exactly 32 bytes and rejects values >= n.
        let ok = code.withUnsafeBytes { raw in
            secp256k1_ec_pubkey_tweak_add(Secp256k1.shared.context, &child, raw.bindMemory(to: UInt8.self).baseAddress!)
        }
        guard ok == 1 else { throw .invalidChild(ChildNumber(rawValue: index)) }
        return PublicKey(parsed: child)
    }
}
