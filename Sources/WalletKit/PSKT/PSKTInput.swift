/// One input of a PSKT (`Input`, `wallet/pskt/src/input.rs`).
///
/// JSON (keys in this order, all written, `null` for absent options): `utxoEntry`, `previousOutpoint`,
/// `sequence`, `minTime`, `partialSigs` (`{compressed pubkey hex: signature}`), `sighashType` (the byte as a
/// number), `redeemScript` (hex), `sigOpCount`, `bip32Derivations` (`{pubkey hex: key source or null}`),
/// `finalScriptSig` (hex), `proprietaries`, then every unknown key (flattened, sorted).
///
/// `computeBudget` is Kasfleet's: rusty-kaspa's PSKT has no field for a version 1 input's compute budget yet
/// (a TODO in `pskt.rs`, which always builds `ComputeCommit::SigopCount`). It travels as one more flattened key,
/// so rusty-kaspa keeps it among its `unknowns` and writes it back where this type writes it.
public struct PSKTInput: Hashable, Sendable {
    public var utxoEntry: UtxoEntry?
    public var previousOutpoint: Outpoint
    /// Absent means final (`u64::MAX`).
    public var sequence: UInt64?
    /// The lock time this input requires, if any.
    public var minTime: UInt64?
    /// Public key (33-byte compressed, also for Schnorr) to its signature.
    public var partialSigs: [PublicKey: PSKTSignature]
    /// All signatures of this input must use it. Default `.all`.
    public var sighashType: SigHashType
    /// For P2SH inputs: the script the UTXO's script hash commits to.
    public var redeemScript: [UInt8]?
    /// Version 0 transactions commit to it in every signature; absent counts as 0, as in rusty-kaspa.
    public var sigOpCount: UInt8?
    /// Version 1 transactions: the input's compute budget (see the type's note).
    public var computeBudget: UInt16?
    /// Public key to where it was derived from, if known.
    public var bip32Derivations: [PublicKey: PSKTKeySource?]
    /// Set by the finalizer: the complete signature script.
    public var finalScriptSig: [UInt8]?
    public var proprietaries: [String: PSKTJSON]
    /// Keys this format does not define, kept and written back.
    public var unknowns: [String: PSKTJSON]

    public init(previousOutpoint: Outpoint, utxoEntry: UtxoEntry? = nil, sequence: UInt64? = nil, minTime: UInt64? = nil,
                sighashType: SigHashType = .all, redeemScript: [UInt8]? = nil, sigOpCount: UInt8? = nil,
                computeBudget: UInt16? = nil, partialSigs: [PublicKey: PSKTSignature] = [:],
                bip32Derivations: [PublicKey: PSKTKeySource?] = [:], finalScriptSig: [UInt8]? = nil,
                proprietaries: [String: PSKTJSON] = [:], unknowns: [String: PSKTJSON] = [:]) {
        self.utxoEntry = utxoEntry
        self.previousOutpoint = previousOutpoint
        self.sequence = sequence
        self.minTime = minTime
        self.partialSigs = partialSigs
        self.sighashType = sighashType
        self.redeemScript = redeemScript
        self.sigOpCount = sigOpCount
        self.computeBudget = computeBudget
        self.bip32Derivations = bip32Derivations
        self.finalScriptSig = finalScriptSig
        self.proprietaries = proprietaries
        self.unknowns = unknowns
    }

    static let computeBudgetKey = "computeBudget"
    static let knownKeys: Set<String> = [
        "utxoEntry", "previousOutpoint", "sequence", "minTime", "partialSigs", "sighashType", "redeemScript", "sigOpCount",
        "bip32Derivations", "finalScriptSig", "proprietaries", computeBudgetKey,
    ]

    init(json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        utxoEntry = try r.take("utxoEntry").map { v throws(PSKTError) in try UtxoEntry(psktJSON: v, path: r.at("utxoEntry")) }
        previousOutpoint = try Outpoint(psktJSON: r.require("previousOutpoint"), path: r.at("previousOutpoint"))
        sequence = try r.uint64("sequence")
        minTime = try r.uint64("minTime")
        partialSigs = try PSKTInput.keyMap(r.map("partialSigs"), path: r.at("partialSigs")) { v, at throws(PSKTError) in
            try PSKTSignature(json: v, path: at)
        }
        if let raw = try r.integer("sighashType", as: UInt8.self) {
            // rusty-kaspa's serde takes any byte here and fails only when signing; this refuses it up front.
            guard let t = SigHashType(rawValue: raw) else {
                throw .invalidField(path: r.at("sighashType"), message: "\(raw) is not a valid sighash type (1, 2, 4, 129, 130 or 132)")
            }
            sighashType = t
        } else {
            sighashType = .all
        }
        redeemScript = try r.bytes("redeemScript")
        sigOpCount = try r.integer("sigOpCount", as: UInt8.self)
        computeBudget = try r.integer(PSKTInput.computeBudgetKey, as: UInt16.self)
        bip32Derivations = try PSKTInput.keyMap(r.map("bip32Derivations"), path: r.at("bip32Derivations")) { v, at throws(PSKTError) in
            v == .null ? PSKTKeySource?.none : try PSKTKeySource(json: v, path: at)
        }
        finalScriptSig = try r.bytes("finalScriptSig")
        proprietaries = try r.values("proprietaries")
        unknowns = r.unknowns()
    }

    var json: PSKTJSON {
        var members: [(String, PSKTJSON)] = [
            ("utxoEntry", .optional(utxoEntry) { $0.psktJSON }),
            ("previousOutpoint", previousOutpoint.psktJSON),
            ("sequence", .optional(sequence) { .unsigned($0) }),
            ("minTime", .optional(minTime) { .unsigned($0) }),
            ("partialSigs", PSKTInput.keyMapJSON(partialSigs) { $0.json }),
            ("sighashType", .unsigned(UInt64(sighashType.rawValue))),
            ("redeemScript", .optional(redeemScript) { .string($0.hex) }),
            ("sigOpCount", .optional(sigOpCount) { .unsigned(UInt64($0)) }),
            ("bip32Derivations", PSKTInput.keyMapJSON(bip32Derivations) { .optional($0) { $0.json } }),
            ("finalScriptSig", .optional(finalScriptSig) { .string($0.hex) }),
            ("proprietaries", .record(PSKTJSON.sortedMembers(proprietaries))),
        ]
        var flattened = unknowns.filter { !PSKTInput.knownKeys.contains($0.key) }
        if let computeBudget { flattened[PSKTInput.computeBudgetKey] = .unsigned(UInt64(computeBudget)) }
        members += PSKTJSON.sortedMembers(flattened)
        return .record(members)
    }

    /// A JSON object keyed by public keys. Two spellings of one key (hex case, uncompressed) are an error.
    static func keyMap<V>(_ members: [PSKTJSON.Member], path: String,
                          _ value: (PSKTJSON, String) throws(PSKTError) -> V) throws(PSKTError) -> [PublicKey: V] {
        var out: [PublicKey: V] = [:]
        for m in members {
            let key = try PublicKey(psktKey: m.key, path: path)
            guard out[key] == nil else {
                throw .invalidField(path: path, message: "key \(key) appears twice (in different spellings)")
            }
            out[key] = try value(m.value, "\(path): \(key)")
        }
        return out
    }

    /// Public-key maps in the order of rusty-kaspa's `BTreeMap<secp256k1::PublicKey, _>`.
    static func keyMapJSON<V>(_ map: [PublicKey: V], _ value: (V) -> PSKTJSON) -> PSKTJSON {
        .record(map.sorted { PublicKey.psktOrder($0.key, $1.key) }.map { ($0.key.description, value($0.value)) })
    }
}
