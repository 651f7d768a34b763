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
        let context = Secp256k1.shared.context
        var child = secp256k1_pubkey()
        // K + I[0..32)·G. Computing the tweak point with the generator table and adding it is faster than
        // libsecp256k1's tweak-add (a general double multiplication); a zero tweak (which the generator
        // path refuses) falls back to tweak-add. Both reject I[0..32) >= n and the point at infinity.
        let ok = code.withUnsafeBytes { raw -> Bool in
            let tweak = raw.bindMemory(to: UInt8.self).baseAddress!
            var tweakPoint = secp256k1_pubkey()
            if secp256k1_ec_pubkey_create(context, &tweakPoint, tweak) == 1 {
                return withUnsafePointer(to: point) { parentPoint in
                    withUnsafePointer(to: tweakPoint) { tweakPointer in
                        withUnsafeTemporaryAllocation(of: UnsafePointer<secp256k1_pubkey>?.self, capacity: 2) { points in
                            points[0] = parentPoint
                            points[1] = tweakPointer
                            return secp256k1_ec_pubkey_combine(context, &child, points.baseAddress!, 2) == 1
                        }
                    }
                }
            }
            child = point
            return secp256k1_ec_pubkey_tweak_add(context, &child, tweak) == 1
        }
        guard ok else { throw .invalidChild(ChildNumber(rawValue: index)) }
        return PublicKey(parsed: child)
    }
}
