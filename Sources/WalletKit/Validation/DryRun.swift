/// What one input's scripts use and what it commits, so v1 compute budgets can be set exactly instead of by
/// submitting and reading the rejection.
public struct InputUsage: Sendable, Equatable {
    public var inputIndex: Int
    /// Script units the input's scripts use (with no limit when `error` is nil or not a limit error).
    public var scriptUnits: UInt64
    public var sigOps: UInt16
    /// The commit the input carries and the script units it allows (free allowance included).
    public var committed: ComputeCommit
    public var allowedScriptUnits: UInt64
    /// The smallest v1 compute budget that covers `scriptUnits` (`ComputeBudget::checked_covering_script_units`);
    /// nil above a u16.
    public var requiredComputeBudget: UInt16?
    /// Why the input fails under its commit, or nil.
    public var error: TxRuleError?

    public var isValid: Bool { error == nil }
}

/// A whole transaction's verdict: the transaction-level rule that failed, if any, and every input's usage.
public struct ValidationReport: Sendable {
    public var transactionId: TransactionID
    public var fee: UInt64?
    /// The first failing transaction-level rule (isolation, lock time, amounts, mass, covenant binding).
    public var transactionError: TxRuleError?
    public var inputs: [InputUsage]

    public var errors: [TxRuleError] { (transactionError.map { [$0] } ?? []) + inputs.compactMap(\.error) }
    public var isValid: Bool { errors.isEmpty }
}

public enum DryRun {
    /// Runs every input without a limit and reports the units it uses and the budget that covers them. A failing
    /// script is reported with the error it fails with; scripts are run even when the binding rules fail (then
    /// with an empty covenant context).
    public static func usage(_ ptx: PopulatedTransaction, validator: TransactionValidator = TransactionValidator(),
                             seqCommit: (any SeqCommitAccessor)? = nil) -> [InputUsage] {
        let covenants = (try? CovenantsContext(ptx)) ?? .empty
        let context = validator.engineContext(covenants: covenants, seqCommit: seqCommit)
        return ptx.tx.inputs.indices.map { i in
            let run = validator.runInput(ptx, index: i, context: context, limit: ScriptUnitMeter.unlimited)
            let commit = ptx.tx.inputs[i].computeCommit
            return InputUsage(inputIndex: i, scriptUnits: run.scriptUnits, sigOps: run.sigOps, committed: commit,
                              allowedScriptUnits: ScriptUnitMeter.allowedScriptUnits(commit),
                              requiredComputeBudget: ComputeMass.computeBudget(coveringScriptUnits: run.scriptUnits),
                              error: run.error)
        }
    }

    /// The exact v1 compute budget of every input (nil where the scripts fail or need more than a u16).
    public static func computeBudgets(_ ptx: PopulatedTransaction, validator: TransactionValidator = TransactionValidator(),
                                      seqCommit: (any SeqCommitAccessor)? = nil) -> [UInt16?] {
        usage(ptx, validator: validator, seqCommit: seqCommit).map { $0.isValid ? $0.requiredComputeBudget : nil }
    }

    /// Sets each v1 input's compute budget to exactly what its scripts need. Signatures stay valid: the v1 sighash
    /// commits to no budget.
    public static func applyingExactBudgets(_ ptx: PopulatedTransaction, validator: TransactionValidator = TransactionValidator(),
                                            seqCommit: (any SeqCommitAccessor)? = nil) -> PopulatedTransaction {
        guard ptx.tx.version >= 1 else { return ptx }
        var out = ptx
        for (i, budget) in computeBudgets(ptx, validator: validator, seqCommit: seqCommit).enumerated() {
            if let budget { out.tx.inputs[i].computeCommit = .computeBudget(budget) }
        }
        return out
    }

    /// Full validation with a per-input report: isolation, lock time (when a DAA score and block time are given),
    /// the UTXO-context rules, covenant bindings, and every input under its commit. Inputs are all reported, not
    /// only the first failure; `requiredComputeBudget` comes from an unlimited rerun when an input runs out.
    public static func validate(_ ptx: PopulatedTransaction, validator: TransactionValidator = TransactionValidator(),
                                options: UtxoValidationOptions = UtxoValidationOptions(),
                                headerContext: (daaScore: UInt64, blockTime: UInt64)? = nil) -> ValidationReport {
        var report = ValidationReport(transactionId: ptx.tx.id, fee: nil, transactionError: nil, inputs: [])
        do throws(TxRuleError) {
            try validator.validateInIsolation(ptx.tx)
            if let h = headerContext { try validator.validateInHeaderContext(ptx.tx, daaScore: h.daaScore, blockTime: h.blockTime) }
            report.fee = try validator.checkAmountsAndLocks(ptx, options: options)
            do { _ = try CovenantsContext(ptx) } catch { throw .covenants(error) }
        } catch {
            report.transactionError = error
        }
        guard options.checkScripts else { return report }
        let covenants = (try? CovenantsContext(ptx)) ?? .empty
        let context = validator.engineContext(covenants: covenants, seqCommit: options.seqCommit)
        for i in ptx.tx.inputs.indices {
            let commit = ptx.tx.inputs[i].computeCommit
            let allowed = ScriptUnitMeter.allowedScriptUnits(commit)
            var run = validator.runInput(ptx, index: i, context: context, limit: allowed)
            var units = run.scriptUnits
            if case .script(_, .exceededCommittedScriptUnits, _, _)? = run.error {
                units = validator.runInput(ptx, index: i, context: context, limit: ScriptUnitMeter.unlimited).scriptUnits
                run.scriptUnits = units
            }
            report.inputs.append(InputUsage(inputIndex: i, scriptUnits: units, sigOps: run.sigOps, committed: commit,
                                            allowedScriptUnits: allowed,
                                            requiredComputeBudget: ComputeMass.computeBudget(coveringScriptUnits: units),
                                            error: run.error))
        }
        return report
    }
}
