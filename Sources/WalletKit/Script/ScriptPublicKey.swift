/// A locking script with its version (`consensus/core/src/tx/script_public_key.rs`).
public struct ScriptPublicKey: Hashable, Sendable {
    public var version: UInt16
    public var script: [UInt8]

    public init(version: UInt16 = 0, script: [UInt8]) {
        self.version = version
        self.script = script
    }

    /// The script's bytes in one go (the synthesized hash fed them to the hasher one at a time): the devnet's
    /// UTXO index and every listener's address filter look scripts up per UTXO.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(version)
        script.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Bytes compared in one call too: the synthesized `==` went through the generic array comparison, and every
    /// hit in a script-keyed dictionary ends in one.
    public static func == (a: ScriptPublicKey, b: ScriptPublicKey) -> Bool {
        a.version == b.version && Bytes.equal(a.script, b.script)
    }

    /// The RPC JSON string form: the version as 4 big-endian hex characters, then the script.
    public var rpcHex: String { Hex.encode([UInt8(version >> 8), UInt8(version & 0xff)] + script) }

    public init(rpcHex: String) throws(HexError) {
        let bytes = try Hex.decode(rpcHex)
        guard bytes.count >= 2 else { throw .wrongLength(expected: 2, got: bytes.count) }
        self.init(version: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), script: Array(bytes[2...]))
    }

    public static func p2pk(_ key: XOnlyPublicKey) -> ScriptPublicKey {
        ScriptPublicKey(script: [Opcode.opData32.rawValue] + key.bytes + [Opcode.opCheckSig.rawValue])
    }
    public static func p2pkECDSA(_ key: PublicKey) -> ScriptPublicKey {
        ScriptPublicKey(script: [Opcode.opData33.rawValue] + key.compressed + [Opcode.opCheckSigECDSA.rawValue])
    }
    public static func p2sh(scriptHash: [UInt8]) -> ScriptPublicKey {
        ScriptPublicKey(script: [Opcode.opBlake2b.rawValue, Opcode.opData32.rawValue] + scriptHash + [Opcode.opEqual.rawValue])
    }
    /// P2SH of a redeem script: `OP_BLAKE2B <unkeyed BLAKE2b-256(redeem)> OP_EQUAL`.
    public static func p2sh(redeemScript: [UInt8]) -> ScriptPublicKey {
        p2sh(scriptHash: Blake2b.hash(redeemScript).bytes)
    }

    /// `pay_to_address_script` (`crypto/txscript/src/standard.rs`).
    public init(address: Address) {
        switch address.version {
        case .pubKey: self.init(script: [Opcode.opData32.rawValue] + address.payload + [Opcode.opCheckSig.rawValue])
        case .pubKeyECDSA: self.init(script: [Opcode.opData33.rawValue] + address.payload + [Opcode.opCheckSigECDSA.rawValue])
        case .scriptHash: self = .p2sh(scriptHash: address.payload)
        }
    }

    public var scriptClass: ScriptClass { ScriptClass(self) }

    /// `extract_script_pub_key_address`: standard scripts of version 0 only.
    public func address(prefix: AddressPrefix) throws(AddressError) -> Address {
        switch scriptClass {
        case .pubKey: return try Address(prefix: prefix, version: .pubKey, payload: Array(script[1..<33]))
        case .pubKeyECDSA: return try Address(prefix: prefix, version: .pubKeyECDSA, payload: Array(script[1..<34]))
        case .scriptHash: return try Address(prefix: prefix, version: .scriptHash, payload: Array(script[2..<34]))
        case .nonStandard: throw .nonStandardScript
        }
    }
}

/// Standard script classes (`crypto/txscript/src/script_class.rs`); anything else does not relay.
public enum ScriptClass: String, Sendable, Codable {
    case nonStandard = "nonstandard"
    case pubKey = "pubkey"
    case pubKeyECDSA = "pubkeyecdsa"
    case scriptHash = "scripthash"

    public init(_ spk: ScriptPublicKey) {
        let s = spk.script
        guard spk.version == 0 else { self = .nonStandard; return }
        if s.count == 34, s[0] == Opcode.opData32.rawValue, s[33] == Opcode.opCheckSig.rawValue {
            self = .pubKey
        } else if s.count == 35, s[0] == Opcode.opData33.rawValue, s[34] == Opcode.opCheckSigECDSA.rawValue {
            self = .pubKeyECDSA
        } else if s.count == 35, s[0] == Opcode.opBlake2b.rawValue, s[1] == Opcode.opData32.rawValue, s[34] == Opcode.opEqual.rawValue {
            self = .scriptHash
        } else {
            self = .nonStandard
        }
    }
}
