/// KIP-20 covenant ids (rusty-kaspa `consensus/core/src/hashing/covenant_id.rs`).
///
/// A genesis id hashes the authorizing input's previous outpoint and every output it authorizes under that id,
/// in strictly increasing output index; the binding itself is not hashed. Outpoints never repeat, so ids cannot
/// be forged.
public enum CovenantID {
    public static func compute(outpoint: Outpoint, authorizedOutputs: [(index: UInt32, output: TransactionOutput)]) -> Hash32 {
        var h = Blake2b(domain: KaspaHasher.covenantID.domain)
        h.write(outpoint.transactionId)
        h.writeU32(outpoint.index)
        h.writeLength(authorizedOutputs.count)
        for (index, output) in authorizedOutputs {
            h.writeU32(index)
            h.writeU64(output.value.rawValue)
            h.writeU16(output.scriptPublicKey.version)
            h.writeVarBytes(output.scriptPublicKey.script)
        }
        return h.finalize()
    }

    /// A genesis group: an input and the outputs (by index) it creates a new covenant for.
    public struct GenesisGroup: Hashable, Sendable, Codable {
        public var authorizingInput: UInt16
        public var outputs: [Int]
        public init(authorizingInput: UInt16, outputs: [Int]) {
            self.authorizingInput = authorizingInput
            self.outputs = outputs
        }
    }

    /// Binds each group's outputs to the covenant id they define (`Transaction::populate_genesis_covenants`).
    public static func populateGenesis(_ tx: inout Transaction, groups: [GenesisGroup]) throws(CovenantError) {
        for group in groups {
            let input = Int(group.authorizingInput)
            guard input < tx.inputs.count else { throw .authorizingInputOutOfRange(input, inputs: tx.inputs.count) }
            let indices = group.outputs.sorted()
            guard Set(indices).count == indices.count, !indices.isEmpty else { throw .badGroup(input) }
            for i in indices where i >= tx.outputs.count { throw .outputOutOfRange(i, outputs: tx.outputs.count) }
            let id = compute(outpoint: tx.inputs[input].previousOutpoint,
                             authorizedOutputs: indices.map { (UInt32($0), tx.outputs[$0]) })
            for i in indices { tx.outputs[i].covenant = CovenantBinding(authorizingInput: group.authorizingInput, covenantId: id) }
        }
    }
}

public enum CovenantError: Error, Equatable, Sendable, CustomStringConvertible {
    case authorizingInputOutOfRange(Int, inputs: Int)
    case outputOutOfRange(Int, outputs: Int)
    case badGroup(Int)

    public var description: String {
        switch self {
        case .authorizingInputOutOfRange(let i, let n): return "covenant authorizing input \(i) does not exist (the transaction has \(n) inputs)"
        case .outputOutOfRange(let i, let n): return "covenant output \(i) does not exist (the transaction has \(n) outputs)"
        case .badGroup(let i): return "the genesis group of input \(i) must list at least one output, each once"
        }
    }
}
