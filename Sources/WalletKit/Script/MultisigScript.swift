/// m-of-n multisig redeem scripts and their signature scripts (`crypto/txscript/src/standard/multisig.rs`).
///
/// Kaspa multisig has no dummy element (unlike Bitcoin) and its engine walks the keys forward, so
/// signatures must appear in the same relative order as their keys in the redeem script.
public enum MultisigScript {
    public static let maxKeys = 20

    public enum Kind: Sendable { case schnorr, ecdsa }

    public static func redeemScript(schnorrKeys keys: [XOnlyPublicKey], required m: Int) throws(MultisigError) -> [UInt8] {
        try build(keys: keys.map(\.bytes), required: m, checkOp: .opCheckMultiSig)
    }

    public static func redeemScript(ecdsaKeys keys: [PublicKey], required m: Int) throws(MultisigError) -> [UInt8] {
        try build(keys: keys.map(\.compressed), required: m, checkOp: .opCheckMultiSigECDSA)
    }

    private static func build(keys: [[UInt8]], required m: Int, checkOp: Opcode) throws(MultisigError) -> [UInt8] {
        guard !keys.isEmpty else { throw .noKeys }
        guard keys.count <= maxKeys else { throw .tooManyKeys(keys.count) }
        guard m >= 1, m <= keys.count else { throw .badThreshold(required: m, keys: keys.count) }
        var b = ScriptBuilder()
        do {
            try b.add(integer: Int64(m))
            for k in keys { try b.add(data: k) }
            try b.add(integer: Int64(keys.count))
            try b.add(checkOp)
        } catch { preconditionFailure("a 20-key multisig script is far below the script size limit") }
        return b.script
    }

    /// Parses a standard multisig redeem script back into `(m, keys, kind)`.
    public static func parse(_ script: [UInt8]) -> (required: Int, keys: [[UInt8]], kind: Kind)? {
        guard script.count >= 4, let last = script.last else { return nil }
        let kind: Kind
        let keyLength: Int
        switch last {
        case Opcode.opCheckMultiSig.rawValue: kind = .schnorr; keyLength = 32
        case Opcode.opCheckMultiSigECDSA.rawValue: kind = .ecdsa; keyLength = 33
        default: return nil
        }
        func small(_ b: UInt8) -> Int? { (Opcode.op1.rawValue...Opcode.op16.rawValue).contains(b) ? Int(b - Opcode.op1.rawValue + 1) : nil }
        guard let m = small(script[0]), let n = small(script[script.count - 2]) else { return nil }
        var keys: [[UInt8]] = []
        var i = 1
        while i < script.count - 2 {
            guard script[i] == UInt8(keyLength), i + 1 + keyLength <= script.count - 2 else { return nil }
            keys.append(Array(script[(i + 1)..<(i + 1 + keyLength)]))
            i += 1 + keyLength
        }
        guard keys.count == n, m <= n else { return nil }
        return (m, keys, kind)
    }
}

public enum MultisigError: Error, Equatable, Sendable, CustomStringConvertible {
    case noKeys
    case tooManyKeys(Int)
    case badThreshold(required: Int, keys: Int)

    public var description: String {
        switch self {
        case .noKeys: return "a multisig script needs at least one public key"
        case .tooManyKeys(let n): return "a multisig script takes at most \(MultisigScript.maxKeys) keys, got \(n)"
        case .badThreshold(let m, let n): return "required signatures must be between 1 and the number of keys (\(n)), got \(m)"
        }
    }
}
