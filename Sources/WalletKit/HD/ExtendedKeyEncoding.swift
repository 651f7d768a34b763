import Foundation

/// The first four bytes of `RIPEMD160(SHA256(compressed public key))`, which identify a BIP32 parent.
public struct KeyFingerprint: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public static let zero = KeyFingerprint(trusted: [0, 0, 0, 0])

    init(trusted bytes: [UInt8]) { self.bytes = bytes }

    public init(of key: PublicKey) {
        bytes = Array(Ripemd160.hash(Sha256.hash(key.compressed).bytes).prefix(4))
    }

    public var description: String { bytes.hex }
}

/// The fields every extended key carries besides its key.
struct ExtendedKeyHeader: Hashable, Sendable {
    var depth: UInt8
    var parentFingerprint: KeyFingerprint
    var childNumber: ChildNumber

    static let root = ExtendedKeyHeader(depth: 0, parentFingerprint: .zero, childNumber: ChildNumber(rawValue: 0))

    func child(_ number: ChildNumber, parent: KeyFingerprint) throws(ExtendedKeyError) -> ExtendedKeyHeader {
        guard depth < UInt8.max else { throw .depthExceeded }
        return ExtendedKeyHeader(depth: depth + 1, parentFingerprint: parent, childNumber: number)
    }
}

/// The 78-byte BIP32 serialization, Base58Check-encoded (rusty-kaspa `wallet/bip32/src/xkey.rs`):
/// `version(4, BE) | depth(1) | parent fingerprint(4) | child number(4, BE) | chain code(32) | key(33)`,
/// where a private key is written as `0x00 || k`.
enum ExtendedKeyEncoding {
    static let length = 78

    struct Decoded {
        let prefix: ExtendedKeyPrefix
        let header: ExtendedKeyHeader
        let chainCode: SecretBytes
        let key: SecretBytes
    }

    static func encode(prefix: ExtendedKeyPrefix, header: ExtendedKeyHeader, chainCode: [UInt8], key: [UInt8]) -> [UInt8] {
        precondition(chainCode.count == 32 && key.count == 33)
        let v = prefix.version
        var out: [UInt8] = [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff), header.depth]
        out.reserveCapacity(length)
        out += header.parentFingerprint.bytes
        out += header.childNumber.bytes
        out += chainCode
        out += key
        return out
    }

    /// Checks everything that does not depend on the key kind: characters, checksum, length, known version,
    /// and the root-key rule (depth 0 has no parent and child number 0).
    static func decode(_ string: String) throws(ExtendedKeyError) -> Decoded {
        let text = string.trimmingCharacters(in: .whitespacesAndNewlines)
        var raw: [UInt8]
        do { raw = try Base58.decodeCheck(text) } catch {
            switch error {
            case .badChecksum: throw .badChecksum
            case .tooShort: throw .wrongLength(got: 0)
            case .invalidCharacter(let c, let offset): throw .invalidCharacter(c, offset: offset)
            }
        }
        defer { SecretBytes.wipe(&raw) }
        guard raw.count == length else { throw .wrongLength(got: raw.count) }
        let version = UInt32(raw[0]) << 24 | UInt32(raw[1]) << 16 | UInt32(raw[2]) << 8 | UInt32(raw[3])
        guard let prefix = ExtendedKeyPrefix(version: version) else {
            throw .unknownPrefix(String(text.prefix(4)), version: version)
        }
        let child = UInt32(raw[9]) << 24 | UInt32(raw[10]) << 16 | UInt32(raw[11]) << 8 | UInt32(raw[12])
        let header = ExtendedKeyHeader(
            depth: raw[4], parentFingerprint: KeyFingerprint(trusted: Array(raw[5..<9])), childNumber: ChildNumber(rawValue: child))
        if header.depth == 0, header.parentFingerprint != .zero || child != 0 { throw .inconsistentRoot }
        return Decoded(prefix: prefix, header: header, chainCode: SecretBytes(raw[13..<45]), key: SecretBytes(raw[45..<78]))
    }
}

public enum ExtendedKeyError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case invalidCharacter(Character, offset: Int)
    case badChecksum
    case wrongLength(got: Int)
    case unknownPrefix(String, version: UInt32)
    case expectedPrivateKey(ExtendedKeyPrefix)
    case expectedPublicKey(ExtendedKeyPrefix)
    case invalidKey(isPrivate: Bool)
    case inconsistentRoot
    case invalidSeedLength(Int)
    case hardenedFromPublicKey(ChildNumber)
    case depthExceeded
    case indexOutOfRange(UInt32)
    /// The HMAC output was not a valid tweak (probability below 2^-127); the next index must be used.
    case invalidChild(ChildNumber)

    public var description: String {
        switch self {
        case .invalidCharacter(let c, let offset):
            return "extended key character '\(c)' at position \(offset) is not a base58 character"
        case .badChecksum:
            return "extended key checksum does not match: a character is mistyped, missing or extra"
        case .wrongLength(let n):
            return "extended key decodes to \(n) bytes; a BIP32 key is 78 bytes (the string is truncated or not an extended key)"
        case .unknownPrefix(let text, let version):
            let hex = String(version, radix: 16)
            return "extended key prefix '\(text)' (version 0x\(hex)) is unknown; expected kprv/kpub, ktrv/ktub, xprv/xpub, tprv/tpub, yprv/ypub or zprv/zpub"
        case .expectedPrivateKey(let p):
            return "expected an extended private key (kprv, ktrv, xprv ...), got a public one (\(p.rawValue))"
        case .expectedPublicKey(let p):
            return "expected an extended public key (kpub, ktub, xpub ...), got a private one (\(p.rawValue)); never paste a private key where a public one is asked for"
        case .invalidKey(let isPrivate):
            return isPrivate
                ? "extended private key holds an invalid secp256k1 key (it must be 0x00 followed by a non-zero scalar below the group order)"
                : "extended public key holds bytes that are not a compressed secp256k1 point"
        case .inconsistentRoot:
            return "extended key has depth 0 but a parent fingerprint or child number: the key is corrupted"
        case .invalidSeedLength(let n):
            return "a BIP32 seed must be 16, 32 or 64 bytes, got \(n)"
        case .hardenedFromPublicKey(let c):
            return "cannot derive hardened step \(c) from an extended public key; use the private key"
        case .depthExceeded:
            return "extended key is already at the maximum depth (255)"
        case .indexOutOfRange(let i):
            return "index \(i) is too large: account and address indices must be below 2147483648 (2^31)"
        case .invalidChild(let c):
            return "child \(c) is invalid for this key (a 1-in-2^127 event); use the next index"
        }
    }

    public var errorDescription: String? { description }
}
