import CSecp256k1

/// One partial signature (`Signature`, `wallet/pskt/src/pskt.rs`).
///
/// JSON is serde's externally tagged enum with camelCase variant names, so `Schnorr` becomes `"schnorr"` and
/// `ECDSA` becomes `"eCDSA"`: `{"schnorr": "<64-byte hex>"}` or `{"eCDSA": "<DER hex>"}`. The values are the
/// `secp256k1` crate's (0.29.1, `src/schnorr.rs`, `src/ecdsa/mod.rs`) human-readable serde forms: a Schnorr
/// signature is its 64 bytes in hex; an ECDSA signature is its **DER** encoding in hex (`Display` calls
/// `serialize_der`, `FromStr` calls `from_der`). The signature script uses the 64-byte compact form either way
/// (`Signature::into_bytes`), which is what this type holds.
///
/// Reading an ECDSA value also accepts 64-byte compact hex when it is not valid DER (some tools may write it);
/// writing always produces DER, as rusty-kaspa does.
public enum PSKTSignature: Hashable, Sendable {
    /// 64-byte BIP340 signature.
    case schnorr([UInt8])
    /// 64-byte compact `r || s`.
    case ecdsa([UInt8])

    /// The 64 bytes that go into the signature script.
    public var bytes: [UInt8] {
        switch self {
        case .schnorr(let b), .ecdsa(let b): return b
        }
    }

    public var kindName: String {
        switch self {
        case .schnorr: return "Schnorr"
        case .ecdsa: return "ECDSA"
        }
    }

    init(json: PSKTJSON, path: String) throws(PSKTError) {
        guard case .object(let members) = json, members.count == 1, let m = members.first else {
            throw .invalidField(path: path, message: "expected {\"schnorr\": hex} or {\"eCDSA\": DER hex}, found \(json.kindDescription)")
        }
        let at = "\(path): \(m.key)"
        switch m.key {
        case "schnorr":
            // secp256k1 `schnorr::Signature::from_str`: exactly 64 bytes; any bytes are accepted until verification.
            self = .schnorr(try m.value.hexBytes(at: at, length: 64))
        case "eCDSA":
            let raw = try m.value.hexBytes(at: at)
            if let compact = Self.compact(fromDER: raw) {
                self = .ecdsa(compact)
            } else if raw.count == 64, Self.der(fromCompact: raw) != nil {
                self = .ecdsa(raw)
            } else {
                throw .invalidField(path: at, message: "not a DER-encoded ECDSA signature (\(raw.count) bytes)")
            }
        default:
            throw .invalidField(path: path, message: "unknown signature kind \"\(m.key)\" (expected \"schnorr\" or \"eCDSA\")")
        }
    }

    var json: PSKTJSON {
        switch self {
        case .schnorr(let b): return .record([("schnorr", .string(b.hex))])
        case .ecdsa(let b): return .record([("eCDSA", .string((Self.der(fromCompact: b) ?? b).hex))])
        }
    }

    /// libsecp256k1's DER parser, the one `secp256k1::ecdsa::Signature::from_der` calls (at most 72 bytes, as its
    /// hex reader allows).
    static func compact(fromDER der: [UInt8]) -> [UInt8]? {
        guard !der.isEmpty, der.count <= 72 else { return nil }
        let ctx = Secp256k1.shared.context
        var sig = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_der(ctx, &sig, der, der.count) == 1 else { return nil }
        var out = [UInt8](repeating: 0, count: 64)
        guard secp256k1_ecdsa_signature_serialize_compact(ctx, &out, &sig) == 1 else { return nil }
        return out
    }

    /// DER of a compact signature; nil when r or s is not below the group order.
    static func der(fromCompact compact: [UInt8]) -> [UInt8]? {
        guard compact.count == 64 else { return nil }
        let ctx = Secp256k1.shared.context
        var sig = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_compact(ctx, &sig, compact) == 1 else { return nil }
        var out = [UInt8](repeating: 0, count: 72)
        var length = 72
        guard secp256k1_ecdsa_signature_serialize_der(ctx, &out, &length, &sig) == 1 else { return nil }
        return Array(out.prefix(length))
    }
}
