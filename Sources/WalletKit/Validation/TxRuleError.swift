/// Why a transaction is invalid, one case per rusty-kaspa `TxRuleError` (`consensus/core/src/errors/tx.rs`),
/// each naming the input or output and the rule.
public enum TxRuleError: Error, Equatable, Sendable, CustomStringConvertible {
    // In isolation
    case noInputs
    case duplicateInputs(first: Int, second: Int, Outpoint)
    case hasGas(String)
    case unknownVersion(UInt16)
    case tooManyInputs(Int, max: Int)
    case tooManyOutputs(Int, max: Int)
    case signatureScriptTooBig(input: Int, max: Int)
    case scriptPublicKeyTooBig(output: Int, max: Int)
    case coinbaseHasInputs(Int)
    case coinbaseTooManyOutputs(Int, max: UInt64)
    case coinbaseScriptPublicKeyTooLong(output: Int)
    case coinbaseNonZeroMassCommitment
    case outputZero(output: Int)
    case outputTooHigh(output: Int)
    case outputsValueOverflow
    case totalOutputTooHigh
    case subnetworkDisabled(SubnetworkId)
    case covenantBindingInV0(output: Int)
    case sigOpCountInV1(input: Int, UInt8)
    case computeBudgetInV0(input: Int, UInt16)
    // In header context
    case notFinalized(input: Int)
    // In UTXO context
    case immatureCoinbaseSpend(input: Int, Outpoint, utxoDaaScore: UInt64, povDaaScore: UInt64, maturity: UInt64)
    case inputAmountOverflow
    case inputAmountTooHigh
    case spendTooHigh(outputs: UInt64, inputs: UInt64)
    case sequenceLockNotMet(input: Int)
    case massIncomputable
    case wrongMass(calculated: UInt64, committed: UInt64)
    case covenants(CovenantsError)
    /// An input's scripts failed (`SignatureInvalid`, or `SignatureEmpty` when its signature script is empty).
    case script(input: Int, ScriptError, signatureEmpty: Bool, failedSignature: ScriptEngine.FailedSignature?)

    public var description: String {
        switch self {
        case .noInputs: return "the transaction has no inputs"
        case .duplicateInputs(let a, let b, let o): return "inputs \(a) and \(b) both spend \(o)"
        case .hasGas(let why): return "the transaction has non-zero gas: \(why)"
        case .unknownVersion(let v): return "transaction version \(v) is unknown (the highest is \(Transaction.maxVersion))"
        case .tooManyInputs(let n, let m): return "the transaction has \(n) inputs; at most \(m) are allowed"
        case .tooManyOutputs(let n, let m): return "the transaction has \(n) outputs; at most \(m) are allowed"
        case .signatureScriptTooBig(let i, let m): return "input \(i): the signature script is above \(m) bytes"
        case .scriptPublicKeyTooBig(let o, let m): return "output \(o): the script public key is above \(m) bytes"
        case .coinbaseHasInputs(let n): return "a coinbase transaction has \(n) inputs; none are allowed"
        case .coinbaseTooManyOutputs(let n, let m): return "a coinbase transaction has \(n) outputs; at most \(m) are allowed"
        case .coinbaseScriptPublicKeyTooLong(let o): return "coinbase output \(o): the script public key is too long"
        case .coinbaseNonZeroMassCommitment: return "a coinbase transaction must commit a storage mass of 0"
        case .outputZero(let o): return "output \(o) has zero value"
        case .outputTooHigh(let o): return "output \(o) is above the maximum supply"
        case .outputsValueOverflow: return "the output values overflow"
        case .totalOutputTooHigh: return "the outputs together are above the maximum supply"
        case .subnetworkDisabled(let s): return "subnetwork \(s) is not allowed for this transaction"
        case .covenantBindingInV0(let o): return "output \(o) carries a covenant binding in a version 0 transaction"
        case .sigOpCountInV1(let i, let n):
            return "input \(i) carries a sig-op count (\(n)) in a version 1 transaction; v1 inputs commit a compute budget"
        case .computeBudgetInV0(let i, let b):
            return "input \(i) carries a compute budget (\(b)) in a version 0 transaction; v0 inputs commit a sig-op count"
        case .notFinalized(let i): return "input \(i) is not finalized: the lock time has not passed and its sequence is not the maximum"
        case .immatureCoinbaseSpend(let i, let o, let d, let p, let m):
            return "input \(i) spends coinbase output \(o) from DAA score \(d), which matures \(m) after it (now \(p))"
        case .inputAmountOverflow: return "the input amounts overflow"
        case .inputAmountTooHigh: return "the inputs together are above the maximum supply"
        case .spendTooHigh(let o, let i): return "the outputs spend \(o) sompi but the inputs hold only \(i)"
        case .sequenceLockNotMet(let i): return "input \(i): its relative lock (sequence) has not passed"
        case .massIncomputable: return "the storage mass cannot be computed"
        case .wrongMass(let c, let m): return "the storage mass commitment is \(m) but the transaction's storage mass is \(c)"
        case .covenants(let e): return e.description
        case .script(let i, let e, let empty, let failed):
            var text = "input \(i): "
            switch e {
            case .evalFalse, .verifyFailed, .nullFail:
                if let failed { text += "\(failed) (\(e))" } else { text += e.description }
            default: text += e.description
            }
            if empty { text += " (the signature script is empty)" }
            return text
        }
    }

    /// The input this error is about, if any.
    public var inputIndex: Int? {
        switch self {
        case .signatureScriptTooBig(let i, _), .sigOpCountInV1(let i, _), .computeBudgetInV0(let i, _), .notFinalized(let i),
             .immatureCoinbaseSpend(let i, _, _, _, _), .sequenceLockNotMet(let i), .script(let i, _, _, _):
            return i
        case .duplicateInputs(_, let b, _): return b
        case .covenants(.wrongGenesisCovenantId(let i, _)): return i
        default: return nil
        }
    }

    /// The rule's rusty-kaspa name.
    public var ruleName: String {
        switch self {
        case .noInputs: return "NoTxInputs"
        case .duplicateInputs: return "TxDuplicateInputs"
        case .hasGas: return "TxHasGas"
        case .unknownVersion: return "UnknownTxVersion"
        case .tooManyInputs: return "TooManyInputs"
        case .tooManyOutputs: return "TooManyOutputs"
        case .signatureScriptTooBig: return "TooBigSignatureScript"
        case .scriptPublicKeyTooBig: return "TooBigScriptPublicKey"
        case .coinbaseHasInputs: return "CoinbaseHasInputs"
        case .coinbaseTooManyOutputs: return "CoinbaseTooManyOutputs"
        case .coinbaseScriptPublicKeyTooLong: return "CoinbaseScriptPublicKeyTooLong"
        case .coinbaseNonZeroMassCommitment: return "CoinbaseNonZeroMassCommitment"
        case .outputZero: return "TxOutZero"
        case .outputTooHigh: return "TxOutTooHigh"
        case .outputsValueOverflow: return "OutputsValueOverflow"
        case .totalOutputTooHigh: return "TotalTxOutTooHigh"
        case .subnetworkDisabled: return "SubnetworksDisabled"
        case .covenantBindingInV0: return "CovenantBindingInV0"
        case .sigOpCountInV1: return "SigopCountInV1"
        case .computeBudgetInV0: return "ComputeBudgetInV0"
        case .notFinalized: return "NotFinalized"
        case .immatureCoinbaseSpend: return "ImmatureCoinbaseSpend"
        case .inputAmountOverflow: return "InputAmountOverflow"
        case .inputAmountTooHigh: return "InputAmountTooHigh"
        case .spendTooHigh: return "SpendTooHigh"
        case .sequenceLockNotMet: return "SequenceLockConditionsAreNotMet"
        case .massIncomputable: return "MassIncomputable"
        case .wrongMass: return "WrongMass"
        case .covenants: return "CovenantsError"
        case .script(_, let e, let empty, _): return (empty ? "SignatureEmpty" : "SignatureInvalid") + "(\(e.rustName))"
        }
    }
}
