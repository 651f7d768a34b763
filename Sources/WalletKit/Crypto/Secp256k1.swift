import CSecp256k1
import CSodium

/// The libsecp256k1 context: created and randomized once, then used read-only (thread-safe).
final class Secp256k1: @unchecked Sendable {
    static let shared = Secp256k1()
    let context: OpaquePointer

    private init() {
        // SECP256K1_CONTEXT_NONE: every context can sign and verify since libsecp256k1 0.2.0.
        context = secp256k1_context_create(UInt32(SECP256K1_FLAGS_TYPE_CONTEXT))!
        var seed = [UInt8](repeating: 0, count: 32)
        _ = sodiumReady
        randombytes_buf(&seed, 32)
        _ = secp256k1_context_randomize(context, seed)
        SecretBytes.wipe(&seed)
    }
}

public enum KeyError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidPrivateKey
    case invalidPublicKey(length: Int)
    case invalidXOnlyPublicKey
    case invalidSignature
    case tweakOutOfRange

    public var description: String {
        switch self {
        case .invalidPrivateKey: return "private key must be 32 bytes, non-zero and below the secp256k1 group order"
        case .invalidPublicKey(let n): return "public key (\(n) bytes) is not a valid secp256k1 point (expected 33-byte compressed or 65-byte uncompressed)"
        case .invalidXOnlyPublicKey: return "x-only public key must be 32 bytes and a valid secp256k1 x coordinate"
        case .invalidSignature: return "signature must be 64 bytes (r || s) with both values in range"
        case .tweakOutOfRange: return "key tweak is out of range (negligible probability; derive the next index)"
        }
    }
}

/// A secp256k1 private key. Its bytes live in `SecretBytes` and never print.
public struct PrivateKey: Sendable, CustomStringConvertible {
    public let secret: SecretBytes

    public init(bytes: some Collection<UInt8>) throws(KeyError) {
        guard bytes.count == 32 else { throw .invalidPrivateKey }
        let s = SecretBytes(bytes)
        let ok = s.withUnsafeBytes { secp256k1_ec_seckey_verify(Secp256k1.shared.context, $0.bindMemory(to: UInt8.self).baseAddress!) }
        guard ok == 1 else { throw .invalidPrivateKey }
        secret = s
    }

    public init(hex: String) throws {
        var bytes = try Hex.decode(hex, length: 32)
        defer { SecretBytes.wipe(&bytes) }
        try self.init(bytes: bytes)
    }

    /// A fresh random key.
    public static func random() -> PrivateKey {
        while true {
            if let key = try? PrivateKey(bytes: SecretBytes.random(count: 32).copyBytes()) { return key }
        }
    }

    public var description: String { "<private key>" }

    func withBytes<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        try secret.withUnsafeBytes { try body($0.bindMemory(to: UInt8.self).baseAddress!) }
    }

    public var publicKey: PublicKey {
        var pk = secp256k1_pubkey()
        let ok = withBytes { secp256k1_ec_pubkey_create(Secp256k1.shared.context, &pk, $0) }
        precondition(ok == 1, "a verified secret key always has a public key")
        return PublicKey(parsed: pk)
    }

    public var xOnlyPublicKey: XOnlyPublicKey { publicKey.xOnly }

    /// `self + tweak (mod n)`, BIP32 private child derivation.
    public func adding(tweak: [UInt8]) throws(KeyError) -> PrivateKey {
        var bytes = secret.copyBytes()
        defer { SecretBytes.wipe(&bytes) }
        guard tweak.count == 32, secp256k1_ec_seckey_tweak_add(Secp256k1.shared.context, &bytes, tweak) == 1 else {
            throw .tweakOutOfRange
        }
        return try PrivateKey(bytes: bytes)
    }

    /// The keypair form libsecp256k1 needs for BIP340 signing; build it once when signing many inputs.
    public func keypair() -> Keypair { Keypair(self) }

    /// BIP340 Schnorr signature over a 32-byte message. `auxRandom` nil draws 32 fresh random bytes.
    public func schnorrSign(_ message: Hash32, auxRandom: [UInt8]? = nil) -> [UInt8] {
        keypair().schnorrSign(message, auxRandom: auxRandom)
    }

    /// ECDSA (RFC 6979 nonce), returned as the 64-byte compact `r || s` with low S, as Kaspa uses it.
    public func ecdsaSign(_ message: Hash32) -> [UInt8] {
        var sig = secp256k1_ecdsa_signature()
        let msg = message.bytes
        let ok = withBytes { secp256k1_ecdsa_sign(Secp256k1.shared.context, &sig, msg, $0, nil, nil) }
        precondition(ok == 1)
        var out = [UInt8](repeating: 0, count: 64)
        _ = secp256k1_ecdsa_signature_serialize_compact(Secp256k1.shared.context, &out, &sig)
        return out
    }
}

/// A secret key with its public key precomputed (libsecp256k1 `secp256k1_keypair`), wiped on release.
/// The keypair lives at a fixed address and libsecp256k1 only reads it, so one `Keypair` can sign from
/// several threads at once.
public final class Keypair: @unchecked Sendable {
    private let raw: UnsafeMutablePointer<secp256k1_keypair>

    init(_ key: PrivateKey) {
        raw = UnsafeMutablePointer<secp256k1_keypair>.allocate(capacity: 1)
        raw.initialize(to: secp256k1_keypair())
        let ok = key.withBytes { secp256k1_keypair_create(Secp256k1.shared.context, raw, $0) }
        precondition(ok == 1)
    }

    deinit {
        sodium_memzero(raw, MemoryLayout<secp256k1_keypair>.size)
        raw.deallocate()
    }

    public var xOnlyPublicKey: XOnlyPublicKey {
        var xonly = secp256k1_xonly_pubkey()
        _ = secp256k1_keypair_xonly_pub(Secp256k1.shared.context, &xonly, nil, raw)
        var out = [UInt8](repeating: 0, count: 32)
        _ = secp256k1_xonly_pubkey_serialize(Secp256k1.shared.context, &out, &xonly)
        return XOnlyPublicKey(trusted: out)
    }

    public func schnorrSign(_ message: Hash32, auxRandom: [UInt8]? = nil) -> [UInt8] {
        var aux = auxRandom ?? {
            var r = [UInt8](repeating: 0, count: 32)
            randombytes_buf(&r, 32)
            return r
        }()
        precondition(aux.count == 32, "BIP340 auxiliary randomness is 32 bytes")
        var sig = [UInt8](repeating: 0, count: 64)
        let msg = message.bytes
        let ok = secp256k1_schnorrsig_sign32(Secp256k1.shared.context, &sig, msg, raw, &aux)
        precondition(ok == 1)
        return sig
    }
}

/// A compressed secp256k1 public key (33 bytes, SEC1).
public struct PublicKey: Hashable, Sendable, CustomStringConvertible {
    public let compressed: [UInt8]

    init(parsed: secp256k1_pubkey) {
        var pk = parsed
        var out = [UInt8](repeating: 0, count: 33)
        var len = 33
        _ = secp256k1_ec_pubkey_serialize(Secp256k1.shared.context, &out, &len, &pk, UInt32(SECP256K1_EC_COMPRESSED))
        compressed = out
    }

    /// Accepts a 33-byte compressed or 65-byte uncompressed SEC1 key.
    public init(bytes: [UInt8]) throws(KeyError) {
        guard let parsed = PublicKey.parse(bytes) else { throw .invalidPublicKey(length: bytes.count) }
        self.init(parsed: parsed)
    }

    public init(hex: String) throws {
        try self.init(bytes: try Hex.decode(hex))
    }

    static func parse(_ bytes: [UInt8]) -> secp256k1_pubkey? {
        guard bytes.count == 33 || bytes.count == 65 else { return nil }
        var pk = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(Secp256k1.shared.context, &pk, bytes, bytes.count) == 1 else { return nil }
        return pk
    }

    public var xOnly: XOnlyPublicKey { XOnlyPublicKey(trusted: Array(compressed[1...])) }
    public var description: String { compressed.hex }

    /// `self + tweak·G`, BIP32 public child derivation.
    public func adding(tweak: [UInt8]) throws(KeyError) -> PublicKey {
        var pk = PublicKey.parse(compressed)!
        guard tweak.count == 32, secp256k1_ec_pubkey_tweak_add(Secp256k1.shared.context, &pk, tweak) == 1 else {
            throw .tweakOutOfRange
        }
        return PublicKey(parsed: pk)
    }

    /// Verifies a 64-byte compact ECDSA signature. High-S signatures fail, as in libsecp256k1 and rusty-kaspa.
    public func ecdsaVerify(signature: [UInt8], message: Hash32) -> Bool {
        guard signature.count == 64, var pk = PublicKey.parse(compressed) else { return false }
        var sig = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_compact(Secp256k1.shared.context, &sig, signature) == 1 else { return false }
        return secp256k1_ecdsa_verify(Secp256k1.shared.context, &sig, message.bytes, &pk) == 1
    }
}

/// A BIP340 x-only public key (32 bytes), what Kaspa's Schnorr P2PK scripts and addresses carry.
public struct XOnlyPublicKey: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    init(trusted bytes: [UInt8]) { self.bytes = bytes }

    public init(bytes: [UInt8]) throws(KeyError) {
        guard bytes.count == 32 else { throw .invalidXOnlyPublicKey }
        var xonly = secp256k1_xonly_pubkey()
        guard secp256k1_xonly_pubkey_parse(Secp256k1.shared.context, &xonly, bytes) == 1 else { throw .invalidXOnlyPublicKey }
        self.bytes = bytes
    }

    public init(hex: String) throws {
        try self.init(bytes: try Hex.decode(hex))
    }

    public var description: String { bytes.hex }

    /// BIP340 verification of a 64-byte signature over a 32-byte message.
    public func schnorrVerify(signature: [UInt8], message: Hash32) -> Bool {
        XOnlyPublicKey.verify(signature: signature, message: message.bytes, key: bytes)
    }

    /// BIP340 verification without constructing the key type first (the script engine's path).
    public static func verify(signature: [UInt8], message: [UInt8], key: [UInt8]) -> Bool {
        guard signature.count == 64, key.count == 32 else { return false }
        var xonly = secp256k1_xonly_pubkey()
        guard secp256k1_xonly_pubkey_parse(Secp256k1.shared.context, &xonly, key) == 1 else { return false }
        return secp256k1_schnorrsig_verify(Secp256k1.shared.context, signature, message, message.count, &xonly) == 1
    }
}
