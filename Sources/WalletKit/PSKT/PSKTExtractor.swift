/// Extractor (`PSKT<Extractor>::extract_tx_unchecked`, `wallet/pskt/src/pskt.rs`).
extension PSKT {
    /// The signed transaction of a finalized PSKT.
    ///
    /// - Inputs carry their final signature scripts and explicit sequences.
    /// - Version 0 inputs commit `sigOpCount`. Version 1 inputs commit a compute budget: `computeBudget` when
    ///   set, else enough for the input's signature checks (`sigOpCount`, or 1 for P2PK and n for an m-of-n
    ///   multisig) at 100,000 script units each, the budget rusty-kaspa's own signer commits for P2PK
    ///   (`consensus/core/src/sign.rs`: 10). (rusty-kaspa's extractor always writes a sig-op count, which a
    ///   version 1 transaction may not carry.)
    /// - `storageMass` is the exact KIP-9 storage mass when every UTXO entry is known (rusty-kaspa writes
    ///   max(storage, compute, transient) and lets the mempool correct it), else 0.
    ///
    /// The id is unaffected by signature scripts, compute commitments and the storage mass; if `global.id` was
    /// recorded at finalization it must still match.
    ///
    /// With `verify` (the default) and every UTXO entry known, the transaction then goes through the script
    /// engine and the consensus rules (`PSKT<Extractor>::extract_tx`): v1 budgets not set explicitly become the
    /// exact budgets a dry run measures, and any failing rule is an error naming the input, so an invalid
    /// transaction is never handed out as ready to broadcast.
    public func extractTransaction(verify: Bool = true) throws(PSKTError) -> Transaction {
        var tx = try extractUnchecked()
        let entries = inputs.compactMap(\.utxoEntry)
        guard verify, entries.count == inputs.count, var ptx = try? PopulatedTransaction(tx: tx, entries: entries) else { return tx }
        if tx.version >= 1 {
            let measured = DryRun.computeBudgets(ptx)
            for i in inputs.indices where inputs[i].computeBudget == nil {
                if let budget = measured[i] { ptx.tx.inputs[i].computeCommit = .computeBudget(budget) }
            }
            tx = ptx.tx
        }
        do throws(TxRuleError) {
            let validator = TransactionValidator()
            try validator.validateInIsolation(ptx.tx)
            // Maturity needs the node's DAA score, which a PSKT does not carry; the node checks it.
            _ = try validator.validateInUtxoContext(ptx, options: UtxoValidationOptions(povDaaScore: nil))
        } catch {
            throw .invalidTransaction(input: error.inputIndex, message: error.description)
        }
        return tx
    }

    /// The transaction without running it through the engine (`extract_tx_unchecked`).
    public func extractUnchecked() throws(PSKTError) -> Transaction {
        let missing = inputs.indices.filter { inputs[$0].finalScriptSig == nil }
        guard missing.isEmpty, !inputs.isEmpty else { throw .notFinalized(inputs: inputs.isEmpty ? [] : missing) }
        var tx = unsignedTransaction
        for (i, input) in inputs.enumerated() {
            tx.inputs[i].signatureScript = input.finalScriptSig ?? []
            if global.txVersion >= 1 {
                guard let budget = input.computeBudget ?? PSKT.defaultComputeBudget(input) else {
                    throw .cannotFinalize([PSKTFinalizeProblem(input: i, kind: .unsupportedScript(
                        "set computeBudget: its script's signature checks cannot be counted for a version 1 transaction"))])
                }
                tx.inputs[i].computeCommit = .computeBudget(budget)
            }
        }
        if let recorded = global.id, recorded != tx.id { throw .idMismatch(recorded: recorded, computed: tx.id) }
        let entries = inputs.compactMap(\.utxoEntry)
        if entries.count == inputs.count, let ptx = try? PopulatedTransaction(tx: tx, entries: entries) {
            tx.storageMass = StorageMass.compute(ptx) ?? 0
        }
        return tx
    }

    /// The budget covering the input's signature checks, or nil when they cannot be counted.
    static func defaultComputeBudget(_ input: PSKTInput) -> UInt16? {
        let checks: UInt64
        if let n = input.sigOpCount {
            checks = UInt64(n)
        } else {
            switch PSKTSpendCondition(input) {
            case .p2pk, .p2pkECDSA: checks = 1
            case .multisig(_, let keys, _, _): checks = UInt64(keys.count)
            case .unsupported: return nil
            }
        }
        return ComputeMass.computeBudget(coveringScriptUnits: checks * ComputeMass.gramsPerSigOp * ComputeMass.scriptUnitsPerGram)
    }
}
