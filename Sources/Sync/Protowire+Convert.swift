import WalletKit

/// A protowire message that does not make a valid WalletKit value, naming the field and the problem
/// (rusty-kaspa `rpc/grpc/core/src/convert/tx.rs` rejects the same cases).
public struct ProtowireConversionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String
    public var problem: String

    public init(_ field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "\(field): \(problem)" }
}

// MARK: WalletKit -> protowire

extension Protowire_RpcTransaction {
    /// The RPC form of a transaction. v0 inputs carry `sigOpCount`, v1 inputs `computeBudget`; the other is 0.
    public init(_ tx: Transaction) {
        self.init()
        version = UInt32(tx.version)
        inputs = tx.inputs.map(Protowire_RpcTransactionInput.init)
        outputs = tx.outputs.map(Protowire_RpcTransactionOutput.init)
        lockTime = tx.lockTime
        subnetworkID = tx.subnetworkId.bytes.hex
        gas = tx.gas
        payload = tx.payload.hex
        storageMass = tx.storageMass
    }
}

extension Protowire_RpcTransactionInput {
    public init(_ input: TransactionInput) {
        self.init()
        previousOutpoint = Protowire_RpcOutpoint(input.previousOutpoint)
        signatureScript = input.signatureScript.hex
        sequence = input.sequence
        sigOpCount = UInt32(input.computeCommit.sigOpCount ?? 0)
        computeBudget = UInt32(input.computeCommit.computeBudget ?? 0)
    }
}

extension Protowire_RpcTransactionOutput {
    public init(_ output: TransactionOutput) {
        self.init()
        amount = output.value.rawValue
        scriptPublicKey = Protowire_RpcScriptPublicKey(output.scriptPublicKey)
        if let binding = output.covenant {
            var c = Protowire_RpcCovenantBinding()
            c.authorizingInput = UInt32(binding.authorizingInput)
            c.covenantID = binding.covenantId.hex
            covenant = c
        }
    }
}

extension Protowire_RpcOutpoint {
    public init(_ outpoint: Outpoint) {
        self.init()
        transactionID = outpoint.transactionId.hex
        index = outpoint.index
    }
}

extension Protowire_RpcScriptPublicKey {
    /// Version and script apart: the script alone is hex here (unlike the RPC JSON string form).
    public init(_ spk: ScriptPublicKey) {
        self.init()
        version = UInt32(spk.version)
        scriptPublicKey = spk.script.hex
    }
}

extension Protowire_RpcUtxoEntry {
    /// `covenant_id` is the empty string when the entry has none.
    public init(_ entry: UtxoEntry) {
        self.init()
        amount = entry.amount.rawValue
        scriptPublicKey = Protowire_RpcScriptPublicKey(entry.scriptPublicKey)
        blockDaaScore = entry.blockDaaScore
        isCoinbase = entry.isCoinbase
        covenantID = entry.covenantId?.hex ?? ""
    }
}

extension Protowire_RpcUtxosByAddressesEntry {
    public init(address: Address?, outpoint: Outpoint, entry: UtxoEntry) {
        self.init(addressText: address?.string ?? "", outpoint: outpoint, entry: entry)
    }

    /// `addressText`: the address as the wire carries it ("" when the script has none).
    init(addressText: String, outpoint: Outpoint, entry: UtxoEntry) {
        self.init()
        self.address = addressText
        self.outpoint = Protowire_RpcOutpoint(outpoint)
        utxoEntry = Protowire_RpcUtxoEntry(entry)
    }
}

extension Protowire_RpcFeerateBucket {
    public init(_ bucket: FeeBucket) {
        self.init()
        feerate = bucket.feerate
        estimatedSeconds = bucket.estimatedSeconds
    }
}

// MARK: protowire -> WalletKit

extension Transaction {
    /// Reads an RPC transaction, refusing what rusty-kaspa refuses: a version above u16, bad hex, a missing
    /// outpoint or script, a sig-op count above u8 or a compute budget above u16. A v0 input takes its
    /// `sigOpCount` and must carry no compute budget; a v1 input the other way round.
    public init(protowire m: Protowire_RpcTransaction) throws(ProtowireConversionError) {
        guard let version = UInt16(exactly: m.version) else { throw .init("version", "\(m.version) does not fit in 16 bits") }
        var inputs: [TransactionInput] = []
        inputs.reserveCapacity(m.inputs.count)
        for (i, input) in m.inputs.enumerated() {
            inputs.append(try TransactionInput(protowire: input, version: version, field: "inputs[\(i)]"))
        }
        var outputs: [TransactionOutput] = []
        outputs.reserveCapacity(m.outputs.count)
        for (o, output) in m.outputs.enumerated() {
            outputs.append(try TransactionOutput(protowire: output, field: "outputs[\(o)]"))
        }
        let subnetwork: SubnetworkId
        do { subnetwork = try SubnetworkId(hex: m.subnetworkID) } catch {
            throw .init("subnetworkId", "'\(m.subnetworkID.prefix(48))' is not a 20-byte id in hex")
        }
        self.init(version: version, inputs: inputs, outputs: outputs, lockTime: m.lockTime, subnetworkId: subnetwork,
                  gas: m.gas, payload: try decodeHex(m.payload, field: "payload"), storageMass: m.storageMass)
    }
}

extension TransactionInput {
    init(protowire m: Protowire_RpcTransactionInput, version: UInt16, field: String) throws(ProtowireConversionError) {
        guard m.hasPreviousOutpoint else { throw .init(field, "previousOutpoint is missing") }
        let commit: ComputeCommit
        if version >= 1 {
            guard m.sigOpCount == 0 else { throw .init(field, "a version \(version) input commits a computeBudget; sigOpCount must be 0, got \(m.sigOpCount)") }
            guard let budget = UInt16(exactly: m.computeBudget) else { throw .init(field, "computeBudget \(m.computeBudget) does not fit in 16 bits") }
            commit = .computeBudget(budget)
        } else {
            guard m.computeBudget == 0 else { throw .init(field, "a version 0 input commits a sigOpCount; computeBudget must be 0, got \(m.computeBudget)") }
            guard let count = UInt8(exactly: m.sigOpCount) else { throw .init(field, "sigOpCount \(m.sigOpCount) does not fit in 8 bits") }
            commit = .sigOpCount(count)
        }
        self.init(previousOutpoint: try Outpoint(protowire: m.previousOutpoint, field: field + ".previousOutpoint"),
                  signatureScript: try decodeHex(m.signatureScript, field: field + ".signatureScript"),
                  sequence: m.sequence, computeCommit: commit)
    }
}

extension TransactionOutput {
    init(protowire m: Protowire_RpcTransactionOutput, field: String) throws(ProtowireConversionError) {
        guard m.hasScriptPublicKey else { throw .init(field, "scriptPublicKey is missing") }
        var binding: CovenantBinding?
        if m.hasCovenant {
            guard let input = UInt16(exactly: m.covenant.authorizingInput) else {
                throw .init(field + ".covenant", "authorizingInput \(m.covenant.authorizingInput) does not fit in 16 bits")
            }
            binding = CovenantBinding(authorizingInput: input, covenantId: try decodeHash(m.covenant.covenantID, field: field + ".covenant.covenantId"))
        }
        self.init(value: Sompi(m.amount), scriptPublicKey: try ScriptPublicKey(protowire: m.scriptPublicKey, field: field + ".scriptPublicKey"),
                  covenant: binding)
    }
}

extension Outpoint {
    public init(protowire m: Protowire_RpcOutpoint, field: String = "outpoint") throws(ProtowireConversionError) {
        self.init(transactionId: try decodeHash(m.transactionID, field: field + ".transactionId"), index: m.index)
    }
}

extension ScriptPublicKey {
    public init(protowire m: Protowire_RpcScriptPublicKey, field: String = "scriptPublicKey") throws(ProtowireConversionError) {
        guard let version = UInt16(exactly: m.version) else { throw .init(field, "version \(m.version) does not fit in 16 bits") }
        self.init(version: version, script: try decodeHex(m.scriptPublicKey, field: field))
    }
}

extension UtxoEntry {
    /// An empty `covenant_id` means none.
    public init(protowire m: Protowire_RpcUtxoEntry, field: String = "utxoEntry") throws(ProtowireConversionError) {
        guard m.hasScriptPublicKey else { throw .init(field, "scriptPublicKey is missing") }
        self.init(amount: Sompi(m.amount), scriptPublicKey: try ScriptPublicKey(protowire: m.scriptPublicKey, field: field + ".scriptPublicKey"),
                  blockDaaScore: m.blockDaaScore, isCoinbase: m.isCoinbase,
                  covenantId: m.covenantID.isEmpty ? nil : try decodeHash(m.covenantID, field: field + ".covenantId"))
    }
}

extension AddressUtxo {
    public init(protowire m: Protowire_RpcUtxosByAddressesEntry, field: String = "entry") throws(ProtowireConversionError) {
        guard m.hasOutpoint else { throw .init(field, "outpoint is missing") }
        guard m.hasUtxoEntry else { throw .init(field, "utxoEntry is missing") }
        self.init(address: m.address.isEmpty ? nil : try decodeAddress(m.address, field: field + ".address"),
                  outpoint: try Outpoint(protowire: m.outpoint, field: field + ".outpoint"),
                  entry: try UtxoEntry(protowire: m.utxoEntry, field: field + ".utxoEntry"))
    }
}

extension MempoolEntry {
    public init(protowire m: Protowire_RpcMempoolEntry, field: String = "entry") throws(ProtowireConversionError) {
        guard m.hasTransaction else { throw .init(field, "transaction is missing") }
        let tx: Transaction
        do { tx = try Transaction(protowire: m.transaction) } catch { throw .init(field + ".transaction." + error.field, error.problem) }
        self.init(fee: Sompi(m.fee), transaction: tx, isOrphan: m.isOrphan)
    }
}

extension FeeBucket {
    public init(protowire m: Protowire_RpcFeerateBucket) {
        self.init(feerate: m.feerate, estimatedSeconds: m.estimatedSeconds)
    }
}

extension VirtualChainChange {
    init(removed: [String], added: [String], accepted: [Protowire_RpcAcceptedTransactionIds]) throws(ProtowireConversionError) {
        self.init(
            removedChainBlocks: try removed.enumerated().map { (i, h) throws(ProtowireConversionError) in try decodeHash(h, field: "removedChainBlockHashes[\(i)]") },
            addedChainBlocks: try added.enumerated().map { (i, h) throws(ProtowireConversionError) in try decodeHash(h, field: "addedChainBlockHashes[\(i)]") },
            accepted: try accepted.enumerated().map { (i, a) throws(ProtowireConversionError) in
                AcceptedTransactions(
                    acceptingBlock: try decodeHash(a.acceptingBlockHash, field: "acceptedTransactionIds[\(i)].acceptingBlockHash"),
                    transactionIds: try a.acceptedTransactionIds.map { id throws(ProtowireConversionError) in
                        try decodeHash(id, field: "acceptedTransactionIds[\(i)].acceptedTransactionIds")
                    })
            })
    }
}

// MARK: helpers

func decodeHex(_ text: String, field: String) throws(ProtowireConversionError) -> [UInt8] {
    do { return try Hex.decode(text) } catch { throw .init(field, "not hex: \(error)") }
}

func decodeHash(_ text: String, field: String) throws(ProtowireConversionError) -> Hash32 {
    do { return try Hash32(hex: text) } catch { throw .init(field, "'\(text.prefix(80))' is not a 32-byte hash in hex") }
}

func decodeAddress(_ text: String, field: String) throws(ProtowireConversionError) -> Address {
    do { return try Address(text) } catch { throw .init(field, "'\(text.prefix(100))' is not an address: \(error)") }
}
