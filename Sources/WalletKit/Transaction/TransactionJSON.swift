import Foundation

/// Transactions in rusty-kaspa's RPC JSON form (`rpc/core/src/model/tx.rs`): camelCase keys, hex byte strings,
/// integers as JSON numbers (u64 values beyond 2^53 are read exactly).
///
/// Reading is lenient where rusty-kaspa is: `scriptPublicKey` may be the RPC hex string (version as 4 BE hex
/// characters, then the script) or `{version, script}`; `storageMass` or the deprecated `mass` (they must agree
/// when both are given; absent means 0). An input carrying both `sigOpCount` and `computeBudget` (the RPC form)
/// takes the one its version expects and requires the other to be 0; an input carrying only one keeps it as
/// given, so deliberately malformed transactions can still be hashed and then rejected.
/// Writing produces the RPC form, with both `storageMass` and `mass`.
extension Transaction: Codable {
    enum Keys: String, CodingKey {
        case version, inputs, outputs, lockTime, subnetworkId, gas, payload, storageMass, mass, verboseData
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let version = try c.decode(UInt16.self, forKey: .version)
        var inputsContainer = try c.nestedUnkeyedContainer(forKey: .inputs)
        var inputs: [TransactionInput] = []
        while !inputsContainer.isAtEnd {
            let raw = try inputsContainer.decode(InputJSON.self)
            inputs.append(try raw.resolve(version: version, index: inputs.count, codingPath: inputsContainer.codingPath))
        }
        let storageMass = try c.decodeIfPresent(UInt64.self, forKey: .storageMass)
        let mass = try c.decodeIfPresent(UInt64.self, forKey: .mass)
        if let s = storageMass, let m = mass, s != m {
            throw DecodingError.dataCorruptedError(forKey: .mass, in: c, debugDescription:
                "storageMass (\(s)) and the deprecated mass (\(m)) must match when both are given")
        }
        self.init(
            version: version,
            inputs: inputs,
            outputs: try c.decode([TransactionOutput].self, forKey: .outputs),
            lockTime: try c.decodeIfPresent(UInt64.self, forKey: .lockTime) ?? 0,
            subnetworkId: try c.decodeHex(forKey: .subnetworkId, default: SubnetworkId.native.bytes, length: 20).map { try SubnetworkId(bytes: $0) }!,
            gas: try c.decodeIfPresent(UInt64.self, forKey: .gas) ?? 0,
            payload: try c.decodeHex(forKey: .payload, default: [], length: nil)!,
            storageMass: storageMass ?? mass ?? 0)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(version, forKey: .version)
        try c.encode(inputs.map { InputJSON($0) }, forKey: .inputs)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(lockTime, forKey: .lockTime)
        try c.encode(subnetworkId.bytes.hex, forKey: .subnetworkId)
        try c.encode(gas, forKey: .gas)
        try c.encode(payload.hex, forKey: .payload)
        try c.encode(storageMass, forKey: .storageMass)
        try c.encode(storageMass, forKey: .mass)
    }

    /// Parses RPC JSON text.
    public static func fromJSON(_ data: Data) throws -> Transaction {
        try JSONDecoder().decode(Transaction.self, from: data)
    }

    /// RPC JSON text, keys sorted for stable output.
    public func jsonData(pretty: Bool = false) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }
}

struct InputJSON: Codable {
    var previousOutpoint: Outpoint
    var signatureScript: String
    var sequence: UInt64
    var sigOpCount: UInt8?
    var computeBudget: UInt16?

    init(_ input: TransactionInput) {
        previousOutpoint = input.previousOutpoint
        signatureScript = input.signatureScript.hex
        sequence = input.sequence
        sigOpCount = input.computeCommit.sigOpCount ?? 0
        computeBudget = input.computeCommit.computeBudget ?? 0
    }

    func resolve(version: UInt16, index: Int, codingPath: [CodingKey]) throws -> TransactionInput {
        let commit: ComputeCommit
        switch (sigOpCount, computeBudget) {
        case (let s?, let b?):
            if version >= 1 {
                guard s == 0 else { throw bad("input \(index): a version \(version) transaction uses computeBudget; sigOpCount must be 0, got \(s)", codingPath) }
                commit = .computeBudget(b)
            } else {
                guard b == 0 else { throw bad("input \(index): a version 0 transaction uses sigOpCount; computeBudget must be 0, got \(b)", codingPath) }
                commit = .sigOpCount(s)
            }
        case (let s?, nil): commit = .sigOpCount(s)
        case (nil, let b?): commit = .computeBudget(b)
        case (nil, nil): commit = version >= 1 ? .computeBudget(0) : .sigOpCount(0)
        }
        let script: [UInt8]
        do { script = try Hex.decode(signatureScript) } catch {
            throw bad("input \(index): signatureScript is not hex: \(error)", codingPath)
        }
        return TransactionInput(previousOutpoint: previousOutpoint, signatureScript: script, sequence: sequence, computeCommit: commit)
    }

    private func bad(_ message: String, _ path: [CodingKey]) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
    }
}

extension Outpoint: Codable {
    enum Keys: String, CodingKey { case transactionId, index }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(transactionId: try c.decode(Hash32.self, forKey: .transactionId), index: try c.decode(UInt32.self, forKey: .index))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(transactionId, forKey: .transactionId)
        try c.encode(index, forKey: .index)
    }
}

extension TransactionOutput: Codable {
    enum Keys: String, CodingKey { case value, amount, scriptPublicKey, covenant, verboseData }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        // RPC JSON says `value`; the gRPC message and some tools say `amount`.
        guard let value = try c.decodeIfPresent(Sompi.self, forKey: .value) ?? c.decodeIfPresent(Sompi.self, forKey: .amount) else {
            throw DecodingError.keyNotFound(Keys.value, .init(codingPath: c.codingPath, debugDescription: "output has no value (sompi)"))
        }
        self.init(value: value, scriptPublicKey: try c.decode(ScriptPublicKey.self, forKey: .scriptPublicKey),
                  covenant: try c.decodeIfPresent(CovenantBinding.self, forKey: .covenant))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(value, forKey: .value)
        try c.encode(scriptPublicKey, forKey: .scriptPublicKey)
        try c.encode(covenant, forKey: .covenant)
    }
}

extension ScriptPublicKey: Codable {
    enum Keys: String, CodingKey { case version, script, scriptPublicKey }
    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            do { try self.init(rpcHex: text) } catch {
                throw DecodingError.dataCorruptedError(in: single, debugDescription: "scriptPublicKey is not version+script hex: \(error)")
            }
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        let version = try c.decodeIfPresent(UInt16.self, forKey: .version) ?? 0
        // `{version, script}` (serde) or `{version, scriptPublicKey}` (gRPC field name).
        let hex = try c.decodeIfPresent(String.self, forKey: .script) ?? c.decode(String.self, forKey: .scriptPublicKey)
        do { self.init(version: version, script: try Hex.decode(hex)) } catch {
            throw DecodingError.dataCorruptedError(forKey: .script, in: c, debugDescription: "script is not hex: \(error)")
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rpcHex)
    }
}

extension UtxoEntry: Codable {
    enum Keys: String, CodingKey { case amount, scriptPublicKey, blockDaaScore, isCoinbase, covenantId }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        var covenant: Hash32?
        // gRPC carries "no covenant" as an empty string.
        if let text = try c.decodeIfPresent(String.self, forKey: .covenantId), !text.isEmpty {
            covenant = try c.decode(Hash32.self, forKey: .covenantId)
        }
        self.init(amount: try c.decode(Sompi.self, forKey: .amount),
                  scriptPublicKey: try c.decode(ScriptPublicKey.self, forKey: .scriptPublicKey),
                  blockDaaScore: try c.decodeIfPresent(UInt64.self, forKey: .blockDaaScore) ?? 0,
                  isCoinbase: try c.decodeIfPresent(Bool.self, forKey: .isCoinbase) ?? false,
                  covenantId: covenant)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(amount, forKey: .amount)
        try c.encode(scriptPublicKey, forKey: .scriptPublicKey)
        try c.encode(blockDaaScore, forKey: .blockDaaScore)
        try c.encode(isCoinbase, forKey: .isCoinbase)
        try c.encode(covenantId, forKey: .covenantId)
    }
}

extension KeyedDecodingContainer {
    /// Optional hex field with a default and an optional exact length.
    func decodeHex(forKey key: Key, default def: [UInt8], length: Int?) throws -> [UInt8]? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return def }
        do {
            return try length.map { try Hex.decode(text, length: $0) } ?? Hex.decode(text)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(key.stringValue): \(error)")
        }
    }
}
