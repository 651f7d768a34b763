import Foundation

/// A Kaspa address: network prefix, version and payload (rusty-kaspa `crypto/addresses/src/lib.rs`).
public struct Address: Hashable, Sendable, CustomStringConvertible, Codable {
    public enum Version: UInt8, Sendable, CaseIterable, Codable {
        /// Schnorr P2PK: 32-byte x-only key.
        case pubKey = 0
        /// ECDSA P2PK: 33-byte compressed key.
        case pubKeyECDSA = 1
        /// P2SH: 32-byte BLAKE2b-256 script hash.
        case scriptHash = 8

        public var payloadLength: Int { self == .pubKeyECDSA ? 33 : 32 }
        public var name: String {
            switch self {
            case .pubKey: return "PubKey"
            case .pubKeyECDSA: return "PubKeyECDSA"
            case .scriptHash: return "ScriptHash"
            }
        }
    }

    public let prefix: AddressPrefix
    public let version: Version
    public let payload: [UInt8]

    /// The payload in one go (the synthesized hash fed it to the hasher a byte at a time): the sync engine looks
    /// the address of every UTXO change up among the watched ones.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(prefix)
        hasher.combine(version)
        payload.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// The payload compared in one call as well (the synthesized `==` compared it element by element).
    public static func == (a: Address, b: Address) -> Bool {
        a.prefix == b.prefix && a.version == b.version && Bytes.equal(a.payload, b.payload)
    }

    public init(prefix: AddressPrefix, version: Version, payload: [UInt8]) throws(AddressError) {
        guard payload.count == version.payloadLength else {
            throw .payloadLength(version: version, expected: version.payloadLength, got: payload.count)
        }
        self.prefix = prefix
        self.version = version
        self.payload = payload
    }

    /// Strict decoding: known prefix, lowercase charset, checksum, known version, exact payload length.
    public init(_ string: String) throws(AddressError) {
        guard let colon = string.firstIndex(of: ":") else { throw .missingPrefix }
        let prefixText = String(string[..<colon])
        guard let prefix = AddressPrefix(rawValue: prefixText) else { throw .invalidPrefix(prefixText) }
        let (versionByte, payload) = try AddressChecksum.decode(prefix: prefixText, body: String(string[string.index(after: colon)...]))
        guard let version = Version(rawValue: versionByte) else { throw .invalidVersion(versionByte) }
        try self.init(prefix: prefix, version: version, payload: payload)
    }

    public var string: String { AddressChecksum.encode(prefix: prefix.rawValue, version: version.rawValue, payload: payload) }
    public var description: String { string }

    public static func p2pk(_ key: XOnlyPublicKey, prefix: AddressPrefix) -> Address {
        try! Address(prefix: prefix, version: .pubKey, payload: key.bytes)
    }
    public static func p2pkECDSA(_ key: PublicKey, prefix: AddressPrefix) -> Address {
        try! Address(prefix: prefix, version: .pubKeyECDSA, payload: key.compressed)
    }
    public static func p2sh(redeemScript: [UInt8], prefix: AddressPrefix) -> Address {
        try! Address(prefix: prefix, version: .scriptHash, payload: Blake2b.hash(redeemScript).bytes)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        do { try self.init(s) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: error.description)
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(string)
    }
}

public enum AddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingPrefix
    case invalidPrefix(String)
    case invalidCharacter(Character, offset: Int)
    case tooShort(Int)
    case badChecksum
    case invalidVersion(UInt8)
    case payloadLength(version: Address.Version, expected: Int, got: Int)
    case nonStandardScript

    public var description: String {
        switch self {
        case .missingPrefix:
            return "address has no network prefix: expected '<prefix>:<characters>', e.g. kaspa:qq..."
        case .invalidPrefix(let p):
            return "address prefix '\(p)' is not a Kaspa network; expected kaspa, kaspatest, kaspadev or kaspasim"
        case .invalidCharacter(let c, let offset):
            let shown = c.unicodeScalars.first.map { $0.isASCII && $0.value >= 0x20 ? "'\(c)'" : String(format: "U+%04X", $0.value) } ?? "?"
            return "address character \(shown) at position \(offset) is not in the address alphabet (lowercase qpzry9x8gf2tvdw0s3jn54khce6mua7l)"
        case .tooShort(let n):
            return "address has only \(n) characters after the prefix; it is truncated"
        case .badChecksum:
            return "address checksum (last 8 characters) does not match: a character is mistyped, missing or extra"
        case .invalidVersion(let v):
            return "address version byte \(v) is unknown; expected 0 (PubKey), 1 (PubKeyECDSA) or 8 (ScriptHash)"
        case .payloadLength(let version, let expected, let got):
            return "\(version.name) address must carry \(expected) bytes, this one carries \(got)"
        case .nonStandardScript:
            return "script public key is not a standard P2PK, P2PK-ECDSA or P2SH script of version 0, so it has no address"
        }
    }
}

