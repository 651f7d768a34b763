/// What it takes to spend one PSKT input, read from its UTXO script and redeem script: the keys that can sign
/// and how many signatures the script needs. Signer, finalizer and summary all work from this.
public enum PSKTSpendCondition: Hashable, Sendable {
    /// `OP_DATA_32 <x-only key> OP_CHECKSIG`.
    case p2pk(xOnlyKey: [UInt8])
    /// `OP_DATA_33 <compressed key> OP_CHECKSIGECDSA`.
    case p2pkECDSA(key: [UInt8])
    /// P2SH of a standard m-of-n multisig redeem script; `keys` in redeem-script order (x-only for Schnorr,
    /// compressed for ECDSA).
    case multisig(required: Int, keys: [[UInt8]], kind: MultisigScript.Kind, redeemScript: [UInt8])
    /// Anything this wallet cannot sign or finalize; the reason says why.
    case unsupported(PSKTFinalizeProblem.Kind)

    public init(_ input: PSKTInput) {
        guard let entry = input.utxoEntry else { self = .unsupported(.missingUtxoEntry); return }
        let spk = entry.scriptPublicKey
        switch spk.scriptClass {
        case .pubKey: self = .p2pk(xOnlyKey: Array(spk.script[1..<33]))
        case .pubKeyECDSA: self = .p2pkECDSA(key: Array(spk.script[1..<34]))
        case .scriptHash:
            guard let redeem = input.redeemScript else { self = .unsupported(.missingRedeemScript); return }
            guard ScriptPublicKey.p2sh(redeemScript: redeem) == spk else { self = .unsupported(.redeemScriptMismatch); return }
            guard let parsed = MultisigScript.parse(redeem) else {
                self = .unsupported(.unsupportedScript("the redeemScript is not a standard m-of-n multisig script"))
                return
            }
            self = .multisig(required: parsed.required, keys: parsed.keys, kind: parsed.kind, redeemScript: redeem)
        case .nonStandard:
            self = .unsupported(.unsupportedScript("the UTXO script is not P2PK, P2PK-ECDSA or P2SH"))
        }
    }

    /// Signatures the script needs, when known.
    public var requiredSignatures: Int? {
        switch self {
        case .p2pk, .p2pkECDSA: return 1
        case .multisig(let m, _, _, _): return m
        case .unsupported: return nil
        }
    }

    /// The signing keys in script order, with whether each checks Schnorr (x-only) or ECDSA (compressed).
    var keys: [(bytes: [UInt8], schnorr: Bool)] {
        switch self {
        case .p2pk(let k): return [(k, true)]
        case .p2pkECDSA(let k): return [(k, false)]
        case .multisig(_, let keys, let kind, _): return keys.map { ($0, kind == .schnorr) }
        case .unsupported: return []
        }
    }

    /// Whether a partial-signature key stands for this script key: x-only keys match either parity.
    static func matches(_ publicKey: PublicKey, _ scriptKey: [UInt8], schnorr: Bool) -> Bool {
        schnorr ? publicKey.xOnly.bytes == scriptKey : publicKey.compressed == scriptKey
    }

    /// The partial signatures of `input` made by this script's keys, in script key order (one per key).
    public func signatures(in input: PSKTInput) -> [(keyIndex: Int, publicKey: PublicKey, signature: PSKTSignature)] {
        var out: [(Int, PublicKey, PSKTSignature)] = []
        let ordered = input.partialSigs.sorted { PublicKey.psktOrder($0.key, $1.key) }
        for (index, key) in keys.enumerated() {
            if let (pk, sig) = ordered.first(where: { PSKTSpendCondition.matches($0.key, key.bytes, schnorr: key.schnorr) }) {
                out.append((index, pk, sig))
            }
        }
        return out
    }

    /// "P2PK (Schnorr)", "2-of-3 multisig (ECDSA)", …
    public var name: String {
        switch self {
        case .p2pk: return "P2PK (Schnorr)"
        case .p2pkECDSA: return "P2PK (ECDSA)"
        case .multisig(let m, let keys, let kind, _): return "\(m)-of-\(keys.count) multisig (\(kind == .schnorr ? "Schnorr" : "ECDSA"))"
        case .unsupported(let kind):
            switch kind {
            case .missingUtxoEntry: return "unknown (no UTXO entry)"
            case .missingRedeemScript: return "P2SH (no redeem script)"
            case .redeemScriptMismatch: return "P2SH (redeem script does not match)"
            default: return "non-standard"
            }
        }
    }
}
