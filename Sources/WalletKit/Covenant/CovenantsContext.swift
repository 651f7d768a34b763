/// The covenant relations of one transaction that the KIP-20 opcodes read, built while checking the binding rules
/// (rusty-kaspa `crypto/txscript/src/covenants.rs`, `CovenantsContext::from_tx`).
///
/// Only continuation outputs (bound to a covenant id their authorizing input's UTXO already carries) are listed;
/// genesis outputs are checked by recomputing their id and are visible to scripts only through
/// OP_OUTPUTCOVENANTID / OP_OUTPUTAUTHORIZINGINPUT.
public struct CovenantsContext: Sendable, Equatable {
    /// Per input: the continuation outputs it authorizes, in output order.
    public private(set) var authorizedOutputs: [Int: [Int]] = [:]
    /// Per covenant id: every input carrying it and every continuation output bound to it.
    public private(set) var inputsByCovenant: [Hash32: [Int]] = [:]
    public private(set) var outputsByCovenant: [Hash32: [Int]] = [:]

    public static let empty = CovenantsContext()

    public init() {}

    /// Checks every output's binding and collects the relations.
    /// - Rule (KIP-20 §4.1): the authorizing input must exist.
    /// - Continuation: the authorizing input's UTXO carries the same id; accepted, its script decides.
    /// - Genesis: otherwise the group (authorizing input, id) must hash to the id from that input's outpoint.
    public init(_ ptx: PopulatedTransaction) throws(CovenantsError) {
        let tx = ptx.tx
        for (i, entry) in ptx.entries.enumerated() {
            if let id = entry.covenantId { inputsByCovenant[id, default: []].append(i) }
        }
        struct GroupKey: Hashable { let input: Int; let id: Hash32 }
        var genesis: [GroupKey: [Int]] = [:]
        var genesisOrder: [GroupKey] = []
        for (i, output) in tx.outputs.enumerated() {
            guard let binding = output.covenant else { continue }
            let auth = Int(binding.authorizingInput)
            guard auth < ptx.entries.count else {
                throw .authInputOutOfBounds(output: i, authorizingInput: binding.authorizingInput)
            }
            if ptx.entries[auth].covenantId == binding.covenantId {
                authorizedOutputs[auth, default: []].append(i)
                outputsByCovenant[binding.covenantId, default: []].append(i)
            } else {
                let key = GroupKey(input: auth, id: binding.covenantId)
                if genesis[key] == nil { genesisOrder.append(key) }
                genesis[key, default: []].append(i)
            }
        }
        // rusty-kaspa walks a hash map here; the first failing group in output order is reported.
        for key in genesisOrder {
            let indices = genesis[key] ?? []
            let expected = CovenantID.compute(
                outpoint: tx.inputs[key.input].previousOutpoint,
                authorizedOutputs: indices.map { (UInt32($0), tx.outputs[$0]) })
            guard expected == key.id else { throw .wrongGenesisCovenantId(input: key.input, key.id) }
        }
    }

    public func authorizedOutputCount(input: Int) -> Int { authorizedOutputs[input]?.count ?? 0 }

    public func authorizedOutputIndex(input: Int, k: Int) throws(CovenantsError) -> Int {
        let list = authorizedOutputs[input] ?? []
        guard k < list.count else { throw .invalidAuthCovOutIndex(k: k, input: input, count: list.count) }
        return list[k]
    }

    public func covenantInputCount(_ id: Hash32) -> Int { inputsByCovenant[id]?.count ?? 0 }

    public func covenantInputIndex(_ id: Hash32, k: Int) throws(CovenantsError) -> Int {
        let list = inputsByCovenant[id] ?? []
        guard k < list.count else { throw .invalidCovInIndex(id, k) }
        return list[k]
    }

    public func covenantOutputCount(_ id: Hash32) -> Int { outputsByCovenant[id]?.count ?? 0 }

    public func covenantOutputIndex(_ id: Hash32, k: Int) throws(CovenantsError) -> Int {
        let list = outputsByCovenant[id] ?? []
        guard k < list.count else { throw .invalidCovOutIndex(id, k) }
        return list[k]
    }
}
