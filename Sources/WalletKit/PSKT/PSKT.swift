/// A partially signed Kaspa transaction in rusty-kaspa's format (`wallet/pskt/src/pskt.rs`, `Inner`):
/// the global map, one map per input, one per output.
///
/// String form: `"PSKT" + hex(JSON)` (`PSKT::to_hex` / `from_hex`); the JSON is `{"global": …, "inputs": […],
/// "outputs": […]}` in serde_json's compact layout. Bundles (`PSKB`) are the transport format; a single PSKT
/// string is accepted and written too.
///
/// The roles of BIP-174/370 are plain functions here: `init(…)` creates, `addInput`/`addOutput` construct,
/// `setSequence` updates, `sign(keys:)` signs, `combined(with:)` combines, `finalized()` finalizes and
/// `extractTransaction()` extracts.
public struct PSKT: Hashable, Sendable {
    public var global: PSKTGlobal
    public var inputs: [PSKTInput]
    public var outputs: [PSKTOutput]
    /// Top-level keys besides global/inputs/outputs. rusty-kaspa ignores them; they are kept here anyway.
    public var unknowns: [String: PSKTJSON]

    public init(global: PSKTGlobal = PSKTGlobal(), inputs: [PSKTInput] = [], outputs: [PSKTOutput] = [],
                unknowns: [String: PSKTJSON] = [:]) {
        self.global = global
        self.inputs = inputs
        self.outputs = outputs
        self.unknowns = unknowns
    }

    public static let prefix = "PSKT"

    // MARK: Serialization

    /// Parses `"PSKT" + hex(JSON)`. The text is taken as it is (trim whitespace first if it came from a file).
    public init(serialized text: String) throws(PSKTError) {
        let json = try PSKB.decodeEnvelope(text, prefix: PSKT.prefix)
        try self.init(json: json, path: PSKT.prefix)
    }

    /// `"PSKT" + hex(compact JSON)`.
    public var serialized: String { PSKT.prefix + Hex.encode(jsonText.utf8) }

    /// Parses the JSON object form.
    public init(jsonText: String) throws(PSKTError) {
        let json: PSKTJSON
        do { json = try PSKTJSONParser.parse(jsonText) } catch { throw .syntax(format: PSKT.prefix, error) }
        try self.init(json: json, path: PSKT.prefix)
    }

    /// The JSON object, compact, as `serde_json::to_string` writes it.
    public var jsonText: String { json.text }

    static let knownKeys: Set<String> = ["global", "inputs", "outputs"]

    public init(json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        global = try PSKTGlobal(json: r.require("global"), path: "\(path): global")
        guard case .array(let ins) = try r.require("inputs") else {
            throw .invalidField(path: r.at("inputs"), message: "expected an array of inputs")
        }
        guard case .array(let outs) = try r.require("outputs") else {
            throw .invalidField(path: r.at("outputs"), message: "expected an array of outputs")
        }
        var inputs: [PSKTInput] = []
        for (i, v) in ins.enumerated() { inputs.append(try PSKTInput(json: v, path: "\(path): input \(i)")) }
        var outputs: [PSKTOutput] = []
        for (i, v) in outs.enumerated() { outputs.append(try PSKTOutput(json: v, path: "\(path): output \(i)")) }
        self.inputs = inputs
        self.outputs = outputs
        unknowns = r.unknowns()
    }

    public var json: PSKTJSON {
        .record([("global", global.json), ("inputs", .array(inputs.map(\.json))), ("outputs", .array(outputs.map(\.json)))]
                + PSKTJSON.sortedMembers(unknowns.filter { !PSKT.knownKeys.contains($0.key) }))
    }

    // MARK: The transaction it describes

    /// The transaction lock time exactly as rusty-kaspa derives it (`determine_lock_time`, `pskt.rs`): the
    /// largest `minTime` among the inputs, or 0 when no input sets one. `fallbackLockTime` applies only to a PSKT
    /// with no inputs at all — an `Option<Option<u64>>` quirk of that code, which this mirrors because every
    /// signature commits to the lock time and must match what rusty-kaspa signers compute.
    public var lockTime: UInt64 {
        guard !inputs.isEmpty else { return global.fallbackLockTime ?? 0 }
        return inputs.compactMap(\.minTime).max() ?? 0
    }

    /// The payload only counts from PSKT version 1 on (`unsigned_tx`, `pskt.rs`).
    public var effectivePayload: [UInt8] { global.version >= .one ? global.payload ?? [] : [] }

    /// The unsigned transaction (`unsigned_tx`, `pskt.rs`): absent sequences are final (`u64::MAX`), the
    /// subnetwork is native, gas is 0. Version 0 inputs commit `sigOpCount` (absent counts as 0); version 1
    /// inputs carry their compute budget (its default is settled at extraction; signatures do not commit to it).
    public var unsignedTransaction: Transaction {
        Transaction(
            version: global.txVersion,
            inputs: inputs.map { input in
                TransactionInput(previousOutpoint: input.previousOutpoint, signatureScript: [],
                                 sequence: input.sequence ?? UInt64.max,
                                 computeCommit: global.txVersion >= 1 ? .computeBudget(input.computeBudget ?? 0)
                                                                      : .sigOpCount(input.sigOpCount ?? 0))
            },
            outputs: outputs.map { TransactionOutput(value: $0.amount, scriptPublicKey: $0.scriptPublicKey, covenant: $0.covenant) },
            lockTime: lockTime,
            subnetworkId: .native,
            gas: 0,
            payload: effectivePayload)
    }

    /// The id of the transaction (signature scripts and compute commitments do not change it).
    public var transactionId: TransactionID { unsignedTransaction.id }

    /// Sum of the spent UTXO amounts, when every input has its UTXO entry.
    public var inputTotal: Sompi? {
        var entries: [Sompi] = []
        for input in inputs {
            guard let e = input.utxoEntry else { return nil }
            entries.append(e.amount)
        }
        return entries.checkedSum()
    }

    public var outputTotal: Sompi? { outputs.map(\.amount).checkedSum() }

    /// Inputs minus outputs, when all amounts are known and the inputs cover the outputs.
    public var fee: Sompi? {
        guard let i = inputTotal, let o = outputTotal else { return nil }
        return i.subtracting(o)
    }

    /// True when every input carries a final signature script.
    public var isFinalized: Bool { !inputs.isEmpty && inputs.allSatisfy { $0.finalScriptSig != nil } }
}
