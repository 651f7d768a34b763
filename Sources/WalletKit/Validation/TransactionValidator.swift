/// Consensus parameters the transaction rules read (`consensus/core/src/config/params.rs`, mainnet at 10 BPS).
public struct ValidationParams: Sendable, Equatable {
    public var maxTxInputs = 1000
    public var maxTxOutputs = 1000
    public var maxSignatureScriptLength = 250_000
    public var maxScriptPublicKeyLength = 10_000
    public var coinbasePayloadScriptPublicKeyMaxLength = 150
    /// `BPS × COINBASE_MATURITY_SECONDS` = 10 × 100.
    public var coinbaseMaturity: UInt64 = 1000
    public var ghostdagK: UInt64 = 124
    /// Grams per signature check; × 100 script units per gram.
    public var massPerSigOp: UInt64 = ComputeMass.gramsPerSigOp

    public static let mainnet = ValidationParams()
    public init() {}
}

/// The checks of the UTXO-context step that a caller can turn off (rusty-kaspa `TxValidationFlags`).
public struct UtxoValidationOptions: Sendable {
    /// The DAA score from whose point of view coinbase maturity and relative locks are judged; nil skips both
    /// (an offline check that does not know the chain).
    public var povDaaScore: UInt64?
    /// Blocks require the storage-mass commitment to equal the computed storage mass; the mempool overwrites it
    /// (`SkipMassCheck`).
    public var checkMassCommitment = true
    public var checkScripts = true
    public var seqCommit: (any SeqCommitAccessor)?

    public init(povDaaScore: UInt64? = nil, checkMassCommitment: Bool = true, checkScripts: Bool = true,
                seqCommit: (any SeqCommitAccessor)? = nil) {
        self.povDaaScore = povDaaScore
        self.checkMassCommitment = checkMassCommitment
        self.checkScripts = checkScripts
        self.seqCommit = seqCommit
    }
}

/// Transaction validation as rusty-kaspa's `TransactionValidator`
/// (`consensus/src/processes/transaction_validator/tx_validation_in_{isolation,header_context,utxo_context}.rs`).
public struct TransactionValidator: Sendable {
    public var params: ValidationParams

    public init(params: ValidationParams = .mainnet) { self.params = params }

    static let maxSompi = Sompi.maxSupply.rawValue

    // MARK: in isolation (`validate_tx_in_isolation`)

    public func validateInIsolation(_ tx: Transaction) throws(TxRuleError) {
        // check_transaction_inputs_in_isolation
        if !tx.isCoinbase && tx.inputs.isEmpty { throw .noInputs }
        if tx.inputs.count > params.maxTxInputs { throw .tooManyInputs(tx.inputs.count, max: params.maxTxInputs) }
        if let i = tx.inputs.firstIndex(where: { $0.signatureScript.count > params.maxSignatureScriptLength }) {
            throw .signatureScriptTooBig(input: i, max: params.maxSignatureScriptLength)
        }
        // check_transaction_outputs_in_isolation
        if !tx.isCoinbase && tx.outputs.count > params.maxTxOutputs { throw .tooManyOutputs(tx.outputs.count, max: params.maxTxOutputs) }
        if let o = tx.outputs.firstIndex(where: { $0.scriptPublicKey.script.count > params.maxScriptPublicKeyLength }) {
            throw .scriptPublicKeyTooBig(output: o, max: params.maxScriptPublicKeyLength)
        }
        // check_coinbase_in_isolation
        if tx.isCoinbase {
            if !tx.inputs.isEmpty { throw .coinbaseHasInputs(tx.inputs.count) }
            if tx.storageMass > 0 { throw .coinbaseNonZeroMassCommitment }
            let limit = params.ghostdagK + 2
            if UInt64(tx.outputs.count) > limit { throw .coinbaseTooManyOutputs(tx.outputs.count, max: limit) }
            if let o = tx.outputs.firstIndex(where: { $0.scriptPublicKey.script.count > params.coinbasePayloadScriptPublicKeyMaxLength }) {
                throw .coinbaseScriptPublicKeyTooLong(output: o)
            }
        }
        // check_transaction_output_value_ranges
        var total: UInt64 = 0
        for (i, output) in tx.outputs.enumerated() {
            let v = output.value.rawValue
            if v == 0 { throw .outputZero(output: i) }
            if v > Self.maxSompi { throw .outputTooHigh(output: i) }
            let (sum, overflow) = total.addingReportingOverflow(v)
            if overflow { throw .outputsValueOverflow }
            total = sum
            if total > Self.maxSompi { throw .totalOutputTooHigh }
        }
        // check_duplicate_transaction_inputs
        var seen: [Outpoint: Int] = [:]
        for (i, input) in tx.inputs.enumerated() {
            if let first = seen.updateValue(i, forKey: input.previousOutpoint) {
                throw .duplicateInputs(first: first, second: i, input.previousOutpoint)
            }
        }
        // check_gas: only v1 user lanes may carry gas
        if tx.gas != 0 {
            if tx.version < 1 { throw .hasGas("gas is only allowed in version 1 transactions") }
            if tx.subnetworkId.bytes[1...].allSatisfy({ $0 == 0 }) { throw .hasGas("native and system subnetworks must use zero gas") }
        }
        // check_transaction_subnetwork (KIP-21)
        let s = tx.subnetworkId.bytes
        if s[1...].allSatisfy({ $0 == 0 }) {
            if s[0] > 1 { throw .subnetworkDisabled(tx.subnetworkId) }
        } else if !(tx.version >= 1 && s[4...].allSatisfy({ $0 == 0 })) {
            throw .subnetworkDisabled(tx.subnetworkId)
        }
        // check_transaction_version
        if tx.version > Transaction.maxVersion { throw .unknownVersion(tx.version) }
        // check_tx_version_specific_fields
        if tx.version > 0 {
            for (i, input) in tx.inputs.enumerated() {
                if let n = input.computeCommit.sigOpCount { throw .sigOpCountInV1(input: i, n) }
            }
        } else {
            for (i, input) in tx.inputs.enumerated() {
                if let b = input.computeCommit.computeBudget { throw .computeBudgetInV0(input: i, b) }
            }
            if let o = tx.outputs.firstIndex(where: { $0.covenant != nil }) { throw .covenantBindingInV0(output: o) }
        }
    }

    // MARK: in header context (`check_tx_is_finalized`)

    /// Lock time: 0 is final; below 500,000,000,000 it is a DAA score, otherwise milliseconds. A transaction whose
    /// lock time has not passed is final only if every input's sequence is the maximum.
    public func validateInHeaderContext(_ tx: Transaction, daaScore: UInt64, blockTime: UInt64) throws(TxRuleError) {
        if tx.lockTime == 0 { return }
        let reference = tx.lockTime < ScriptEngine.lockTimeThreshold ? daaScore : blockTime
        if tx.lockTime < reference { return }
        if let i = tx.inputs.firstIndex(where: { $0.sequence != .max }) { throw .notFinalized(input: i) }
    }

    // MARK: in UTXO context (`validate_populated_transaction_and_get_fee`)

    /// Checks amounts, maturity, mass commitment, relative locks, covenant bindings and every input's scripts.
    /// Returns the fee.
    @discardableResult
    public func validateInUtxoContext(_ ptx: PopulatedTransaction,
                                      options: UtxoValidationOptions = UtxoValidationOptions()) throws(TxRuleError) -> UInt64 {
        let fee = try checkAmountsAndLocks(ptx, options: options)
        let covenants: CovenantsContext
        do { covenants = try CovenantsContext(ptx) } catch { throw .covenants(error) }
        if options.checkScripts { try checkScripts(ptx, covenants: covenants, seqCommit: options.seqCommit) }
        return fee
    }

    /// The UTXO-context checks before covenants and scripts; returns the fee.
    func checkAmountsAndLocks(_ ptx: PopulatedTransaction, options: UtxoValidationOptions) throws(TxRuleError) -> UInt64 {
        let tx = ptx.tx
        if let pov = options.povDaaScore {
            // check_transaction_coinbase_maturity
            for (i, entry) in ptx.entries.enumerated() where entry.isCoinbase {
                let (matures, overflow) = entry.blockDaaScore.addingReportingOverflow(params.coinbaseMaturity)
                if overflow || matures > pov {
                    throw .immatureCoinbaseSpend(input: i, tx.inputs[i].previousOutpoint, utxoDaaScore: entry.blockDaaScore,
                                                 povDaaScore: pov, maturity: params.coinbaseMaturity)
                }
            }
        }
        // check_transaction_input_amounts
        var totalIn: UInt64 = 0
        for entry in ptx.entries {
            let (sum, overflow) = totalIn.addingReportingOverflow(entry.amount.rawValue)
            if overflow { throw .inputAmountOverflow }
            totalIn = sum
            if totalIn > Self.maxSompi { throw .inputAmountTooHigh }
        }
        // check_transaction_output_values (overflow was ruled out in isolation; saturate anyway)
        let totalOut = tx.outputs.reduce(UInt64(0)) { a, o in a.addingReportingOverflow(o.value.rawValue).overflow ? .max : a + o.value.rawValue }
        if totalIn < totalOut { throw .spendTooHigh(outputs: totalOut, inputs: totalIn) }
        // check_mass_commitment
        if options.checkMassCommitment {
            guard let storage = StorageMass.compute(ptx) else { throw .massIncomputable }
            if storage != tx.storageMass { throw .wrongMass(calculated: storage, committed: tx.storageMass) }
        }
        // check_sequence_lock (signed arithmetic, as consensus keeps it)
        if let pov = options.povDaaScore {
            for (i, (input, entry)) in zip(tx.inputs, ptx.entries).enumerated()
            where input.sequence & ScriptEngine.sequenceLockTimeDisabled == 0 {
                let relative = Int64(input.sequence & ScriptEngine.sequenceLockTimeMask)
                let lockScore = Int64(bitPattern: entry.blockDaaScore) &+ relative &- 1
                if lockScore >= Int64(bitPattern: pov) { throw .sequenceLockNotMet(input: i) }
            }
        }
        return totalIn - totalOut
    }

    /// Runs every input's scripts under its committed script units, sharing one sighash cache
    /// (`check_scripts_sequential`); the first failing input is reported.
    public func checkScripts(_ ptx: PopulatedTransaction, covenants: CovenantsContext,
                             seqCommit: (any SeqCommitAccessor)? = nil) throws(TxRuleError) {
        let context = engineContext(covenants: covenants, seqCommit: seqCommit)
        for i in ptx.tx.inputs.indices {
            let result = runInput(ptx, index: i, context: context, limit: ScriptUnitMeter.allowedScriptUnits(ptx.tx.inputs[i].computeCommit))
            if let error = result.error { throw error }
        }
    }

    func engineContext(covenants: CovenantsContext, seqCommit: (any SeqCommitAccessor)?) -> ScriptEngine.Context {
        ScriptEngine.Context(reused: SigHashReusedValues(), covenants: covenants, seqCommit: seqCommit,
                             sigOpScriptUnits: params.massPerSigOp * ComputeMass.scriptUnitsPerGram)
    }

    /// One input's run: script units used and sig ops, or the rule it broke.
    func runInput(_ ptx: PopulatedTransaction, index: Int, context: ScriptEngine.Context,
                  limit: UInt64) -> (scriptUnits: UInt64, sigOps: UInt16, error: TxRuleError?) {
        guard var engine = try? ScriptEngine(tx: ptx, inputIndex: index, context: context, limit: limit) else {
            return (0, 0, .script(input: index, .invalidInputIndex(Int64(index), inputs: ptx.tx.inputs.count),
                                  signatureEmpty: false, failedSignature: nil))
        }
        do {
            try engine.execute()
            return (engine.usedScriptUnits, engine.usedSigOps, nil)
        } catch {
            let empty = ptx.tx.inputs[index].signatureScript.isEmpty
            return (engine.usedScriptUnits, engine.usedSigOps,
                    .script(input: index, error, signatureEmpty: empty, failedSignature: engine.lastFailedSignature))
        }
    }
}
