/// Why a script failed, one case per rusty-kaspa `TxScriptError` (`crypto/txscript/errors/src/lib.rs`), each
/// carrying the facts of the failure. A few of rusty-kaspa's `InvalidState(String)` uses are split into their own
/// cases here (conditional without IF, PICK/ROLL range, operand lengths, division, message hash length) so callers
/// can match on them instead of on text; the test mapping to Bitcoin-Core names lives beside `ScriptTestsJSON`.
public enum ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    // Parsing
    case malformedPushSize([UInt8])
    case malformedPush(needed: Int, available: Int)
    // Indices
    case invalidInputIndex(Int64, inputs: Int)
    case invalidOutputIndex(Int64, count: Int)
    case invalidIndex(Int64)
    // Limits
    case stackSizeExceeded(Int, max: Int)
    case tooManyOperations(max: Int)
    case elementTooBig(Int, max: Int)
    case scriptSize(Int, max: Int)
    case exceededCommittedScriptUnits(used: UInt64, limit: UInt64)
    // Opcodes
    case invalidOpcode(String)
    case opcodeReserved(String)
    case opcodeDisabled(String)
    case signatureScriptNotPushOnly
    case invalidSource(String)
    // Stack and flow
    case emptyStack
    case cleanStack(Int)
    case evalFalse
    case earlyReturn
    case verifyFailed
    case invalidStackOperation(needed: Int, have: Int)
    case unbalancedConditional
    /// OP_ELSE / OP_ENDIF with no open OP_IF (rusty-kaspa `InvalidState("condition stack empty")`).
    case conditionStackEmpty
    /// OP_PICK / OP_ROLL index outside the stack (rusty-kaspa `InvalidState("pick|roll at an invalid location")`).
    case pickRollOutOfRange(opcode: String, index: Int64, depth: Int)
    /// OP_AND / OP_OR / OP_XOR on operands of different lengths (rusty-kaspa `InvalidState`).
    case bitwiseLengthMismatch(opcode: String, Int, Int)
    /// OP_DIV / OP_MOD by zero or overflowing (rusty-kaspa `InvalidState`).
    case divisionInvalid(opcode: String, Int64, Int64)
    /// OP_CHECKSIGFROMSTACK with a message that is not 32 bytes (rusty-kaspa `InvalidState`).
    case messageHashLength(Int)
    case noScripts
    case notATransactionInput
    // Numbers
    case numberTooBig(String)
    case notMinimalData(String)
    case numberTooLong(Int64, max: Int)
    case invalidRange(start: Int, end: Int)
    case outOfBoundsSubstring(start: Int, end: Int, length: Int)
    // Signatures
    case invalidPubkey(String)
    case invalidSignature(String)
    case pubKeyFormat
    case invalidSigHashType(UInt8)
    case nullFail
    case invalidSignatureCount(String)
    case invalidPubKeyCount(String)
    // Lock time
    case unsatisfiedLockTime(String)
    // ZK (KIP-16)
    case zkIntegrity(String)
    // Sequencing commitment (KIP-21)
    case invalidLengthOfBlockHash(Int)
    case blockNotSelected(Hash32)
    case blockAlreadyPruned(Hash32)
    case blockIsTooDeep(Hash32)
    // Covenants (KIP-20)
    case covenants(CovenantsError)

    /// The rusty-kaspa variant name, for reports and cross-checks.
    public var rustName: String {
        switch self {
        case .malformedPushSize: return "MalformedPushSize"
        case .malformedPush: return "MalformedPush"
        case .invalidInputIndex: return "InvalidInputIndex"
        case .invalidOutputIndex: return "InvalidOutputIndex"
        case .invalidIndex: return "InvalidIndex"
        case .stackSizeExceeded: return "StackSizeExceeded"
        case .tooManyOperations: return "TooManyOperations"
        case .elementTooBig: return "ElementTooBig"
        case .scriptSize: return "ScriptSize"
        case .exceededCommittedScriptUnits: return "ExceededCommittedScriptUnits"
        case .invalidOpcode: return "InvalidOpcode"
        case .opcodeReserved: return "OpcodeReserved"
        case .opcodeDisabled: return "OpcodeDisabled"
        case .signatureScriptNotPushOnly: return "SignatureScriptNotPushOnly"
        case .invalidSource: return "InvalidSource"
        case .emptyStack: return "EmptyStack"
        case .cleanStack: return "CleanStack"
        case .evalFalse: return "EvalFalse"
        case .earlyReturn: return "EarlyReturn"
        case .verifyFailed: return "VerifyError"
        case .invalidStackOperation: return "InvalidStackOperation"
        case .unbalancedConditional: return "ErrUnbalancedConditional"
        case .conditionStackEmpty, .pickRollOutOfRange, .bitwiseLengthMismatch, .divisionInvalid, .messageHashLength:
            return "InvalidState"
        case .noScripts: return "NoScripts"
        case .notATransactionInput: return "NotATransactionInput"
        case .numberTooBig: return "NumberTooBig"
        case .notMinimalData: return "NotMinimalData"
        case .numberTooLong: return "Serialization"
        case .invalidRange: return "InvalidRange"
        case .outOfBoundsSubstring: return "OutOfBoundsSubstring"
        case .invalidPubkey: return "InvalidPubkey"
        case .invalidSignature: return "InvalidSignature"
        case .pubKeyFormat: return "PubKeyFormat"
        case .invalidSigHashType: return "InvalidSigHashType"
        case .nullFail: return "NullFail"
        case .invalidSignatureCount: return "InvalidSignatureCount"
        case .invalidPubKeyCount: return "InvalidPubKeyCount"
        case .unsatisfiedLockTime: return "UnsatisfiedLockTime"
        case .zkIntegrity: return "ZkIntegrity"
        case .invalidLengthOfBlockHash: return "InvalidLengthOfBlockHash"
        case .blockNotSelected: return "BlockNotSelected"
        case .blockAlreadyPruned: return "BlockAlreadyPruned"
        case .blockIsTooDeep: return "BlockIsTooDeep"
        case .covenants: return "CovenantsError"
        }
    }

    public var description: String {
        switch self {
        case .malformedPushSize(let b): return "a push's length prefix is cut short (only \(b.count) length bytes: \(b.hex))"
        case .malformedPush(let n, let a): return "a push needs \(n) data bytes but the script has only \(a) left"
        case .invalidInputIndex(let i, let n): return "input index \(i) is out of range (the transaction has \(n) inputs)"
        case .invalidOutputIndex(let i, let n): return "output index \(i) is out of range (\(n))"
        case .invalidIndex(let i): return "\(i) cannot be used as an index"
        case .stackSizeExceeded(let n, let m): return "the stacks hold \(n) items, more than the \(m) allowed"
        case .tooManyOperations(let m): return "the script runs more than \(m) operations"
        case .elementTooBig(let n, let m): return "an element of \(n) bytes exceeds the \(m)-byte limit"
        case .scriptSize(let n, let m): return "a script of \(n) bytes exceeds the \(m)-byte limit"
        case .exceededCommittedScriptUnits(let u, let l):
            return "script units exceed what the input commits: used \(u), limit \(l)"
        case .invalidOpcode(let o): return "invalid opcode \(o) was executed"
        case .opcodeReserved(let o): return "reserved opcode \(o) was executed"
        case .opcodeDisabled(let o): return "disabled opcode \(o) appears in the script"
        case .signatureScriptNotPushOnly: return "the signature script contains an opcode that is not a push"
        case .invalidSource(let s): return s
        case .emptyStack: return "the stack is empty where an item was needed"
        case .cleanStack(let n): return "the stack holds \(n) items beyond the result (it must be clean)"
        case .evalFalse: return "the script finished with false on the stack"
        case .earlyReturn: return "the script executed OP_RETURN"
        case .verifyFailed: return "a VERIFY opcode found false"
        case .invalidStackOperation(let n, let h): return "an opcode needs \(n) stack items but the stack has \(h)"
        case .unbalancedConditional: return "a script ended inside an IF block"
        case .conditionStackEmpty: return "OP_ELSE or OP_ENDIF without an open OP_IF"
        case .pickRollOutOfRange(let op, let i, let d): return "\(op) index \(i) is outside a stack of depth \(d)"
        case .bitwiseLengthMismatch(let op, let a, let b): return "\(op) operands differ in length (\(a) and \(b) bytes)"
        case .divisionInvalid(let op, let a, let b): return "\(op) of \(a) by \(b) is undefined or overflows"
        case .messageHashLength(let n): return "the message hash is \(n) bytes; it must be 32"
        case .noScripts: return "there is no script to run"
        case .notATransactionInput: return "the engine is not running on a transaction input"
        case .numberTooBig(let s): return "number too big: \(s)"
        case .notMinimalData(let s): return "bad number encoding: \(s)"
        case .numberTooLong(let v, let m): return "the number \(v) does not fit in \(m) bytes"
        case .invalidRange(let s, let e): return "\(s)..\(e) is not a valid range"
        case .outOfBoundsSubstring(let s, let e, let n): return "substring [\(s):\(e)] is out of bounds for \(n) bytes"
        case .invalidPubkey(let s): return "invalid public key: \(s)"
        case .invalidSignature(let s): return "invalid signature: \(s)"
        case .pubKeyFormat: return "an ECDSA public key must be 33 bytes (compressed)"
        case .invalidSigHashType(let t): return "invalid sighash type 0x\([t].hex)"
        case .nullFail: return "a multisig check failed while a signature was not empty (NULLFAIL)"
        case .invalidSignatureCount(let s): return "invalid signature count: \(s)"
        case .invalidPubKeyCount(let s): return "invalid public key count: \(s)"
        case .unsatisfiedLockTime(let s): return "lock time not satisfied: \(s)"
        case .zkIntegrity(let s): return "ZK proof rejected: \(s)"
        case .invalidLengthOfBlockHash(let n): return "a block hash must be 32 bytes, got \(n)"
        case .blockNotSelected(let h): return "block \(h) is not a selected chain block"
        case .blockAlreadyPruned(let h): return "block \(h) is already pruned"
        case .blockIsTooDeep(let h): return "block \(h) is too deep"
        case .covenants(let e): return e.description
        }
    }
}

/// Covenant context failures (rusty-kaspa `CovenantsError`, `crypto/txscript/errors/src/lib.rs`).
public enum CovenantsError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongGenesisCovenantId(input: Int, Hash32)
    case authInputOutOfBounds(output: Int, authorizingInput: UInt16)
    case invalidCovInIndex(Hash32, Int)
    case invalidCovOutIndex(Hash32, Int)
    case invalidAuthCovOutIndex(k: Int, input: Int, count: Int)

    public var description: String {
        switch self {
        case .wrongGenesisCovenantId(let i, let id):
            return "input \(i): the outputs bound to covenant \(id) do not hash to that genesis id (KIP-20 genesis rule)"
        case .authInputOutOfBounds(let o, let i):
            return "output \(o): covenant authorizing input \(i) does not exist"
        case .invalidCovInIndex(let id, let k): return "covenant \(id) has no input number \(k)"
        case .invalidCovOutIndex(let id, let k): return "covenant \(id) has no output number \(k)"
        case .invalidAuthCovOutIndex(let k, let i, let n):
            return "input \(i) authorizes \(n) outputs; \(k) is not one of them"
        }
    }
}
