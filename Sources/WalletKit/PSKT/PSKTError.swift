/// Everything that can go wrong reading, building, signing, combining, finalizing or extracting a PSKT.
/// Each case names where (which format, PSKT of a bundle, input or output, field) and what was expected.
public enum PSKTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The string does not start with "PSKT" / "PSKB".
    case missingPrefix(expected: String, found: String)
    /// Neither "PSKB" nor "PSKT" starts the text.
    case unknownFormat(found: String)
    /// The part after the prefix is not hex.
    case notHex(format: String, HexError)
    /// The hex decodes to bytes that are not JSON.
    case syntax(format: String, PSKTJSONParser.SyntaxError)
    /// The JSON is well-formed but a field is missing, has the wrong type or an invalid value.
    /// `path` reads like "PSKB: input 2: partialSigs".
    case invalidField(path: String, message: String)

    case inputIndex(Int, count: Int)
    case outputIndex(Int, count: Int)
    /// Inputs or outputs cannot change once signatures commit to them and the flag says they are not modifiable.
    case notModifiable(what: String, reason: String)
    /// Covenant bindings need PSKT version 2 and a version 1 transaction (`Error::Covenant`, `pskt.rs`).
    case covenantNotAllowed(output: Int, version: UInt8, txVersion: UInt16)
    /// A payload needs PSKT version 1 or higher (`Error::PayloadRequiresVersion1`).
    case payloadNotAllowed(version: UInt8)

    /// The signer cannot sign this input (no UTXO entry, a malformed redeem script, ...).
    case cannotSign(input: Int, reason: String)

    /// Combining found two different values for one field; `path` names the input/output and field.
    case conflict(path: String, message: String)

    /// Finalizing needs more (signatures, UTXO entries, redeem scripts) for these inputs; nothing was changed.
    case cannotFinalize([PSKTFinalizeProblem])

    /// Extraction needs a final signature script on every input; these have none.
    case notFinalized(inputs: [Int])
    /// The id recorded at finalization differs from the transaction the PSKT now describes.
    case idMismatch(recorded: TransactionID, computed: TransactionID)
    /// The extracted transaction fails a consensus rule or script (found by the engine).
    case invalidTransaction(input: Int?, message: String)

    public var description: String {
        switch self {
        case .missingPrefix(let expected, let found):
            let shown = found.isEmpty ? "nothing" : "\"\(found.prefix(8))\""
            return "\(expected) data must start with \"\(expected)\" followed by hex; found \(shown)"
        case .unknownFormat(let found):
            let shown = found.isEmpty ? "nothing" : "\"\(found.prefix(8))\""
            return "expected a \"PSKB…\" bundle or a \"PSKT…\" string; found \(shown)"
        case .notHex(let format, let e):
            return "\(format): the text after \"\(format)\" is not hex: \(e)"
        case .syntax(let format, let e):
            return "\(format): the hex does not decode to valid JSON: \(e)"
        case .invalidField(let path, let message):
            return "\(path): \(message)"
        case .inputIndex(let i, let n):
            return "input \(i) does not exist (the PSKT has \(n) input\(n == 1 ? "" : "s"))"
        case .outputIndex(let i, let n):
            return "output \(i) does not exist (the PSKT has \(n) output\(n == 1 ? "" : "s"))"
        case .notModifiable(let what, let reason):
            return "\(what) cannot be changed: \(reason)"
        case .covenantNotAllowed(let o, let v, let tv):
            return "output \(o): a covenant binding needs PSKT version 2 and transaction version 1 or higher "
                + "(this PSKT has version \(v), transaction version \(tv))"
        case .payloadNotAllowed(let v):
            return "a payload needs PSKT version 1 or higher; this PSKT has version \(v)"
        case .cannotSign(let i, let reason):
            return "input \(i): cannot sign: \(reason)"
        case .conflict(let path, let message):
            return "cannot combine: \(path): \(message)"
        case .cannotFinalize(let problems):
            return "cannot finalize; nothing was changed: " + problems.map(\.description).joined(separator: "; ")
        case .notFinalized(let inputs) where inputs.isEmpty:
            return "cannot extract a transaction: the PSKT has no inputs"
        case .notFinalized(let inputs):
            let list = inputs.map(String.init).joined(separator: ", ")
            return "cannot extract the transaction: input\(inputs.count == 1 ? "" : "s") \(list) "
                + "\(inputs.count == 1 ? "has" : "have") no final signature script; finalize first"
        case .invalidTransaction(_, let message):
            return "the extracted transaction is invalid: \(message)"
        case .idMismatch(let recorded, let computed):
            return "the PSKT records transaction id \(recorded) but now describes \(computed); "
                + "it was changed after finalization"
        }
    }
}

/// Why one input cannot be finalized yet.
public struct PSKTFinalizeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case missingSignatures(have: Int, required: Int)
        case missingUtxoEntry
        case missingRedeemScript
        /// The redeem script does not hash to the P2SH script the UTXO is locked by.
        case redeemScriptMismatch
        case unsupportedScript(String)
        /// A partial signature does not verify against the input's sighash.
        case invalidSignature(publicKey: String)
        /// A Schnorr signature where the script checks ECDSA, or the reverse.
        case wrongSignatureKind(publicKey: String, expected: String)
        /// A version 0 transaction commits to the sig-op count in every signature, so it must be set.
        case missingSigOpCount
    }

    public var input: Int
    public var kind: Kind

    public init(input: Int, kind: Kind) {
        self.input = input
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .missingSignatures(let have, let required):
            return "input \(input) has \(have) of \(required) required signature\(required == 1 ? "" : "s") "
                + "(\(required - have) missing)"
        case .missingUtxoEntry: return "input \(input) has no utxoEntry (the amount and script it spends)"
        case .missingRedeemScript: return "input \(input) spends a P2SH output but has no redeemScript"
        case .redeemScriptMismatch: return "input \(input): the redeemScript does not hash to the P2SH script the UTXO is locked by"
        case .unsupportedScript(let what): return "input \(input): \(what)"
        case .invalidSignature(let key): return "input \(input): the signature of key \(key) does not verify"
        case .wrongSignatureKind(let key, let expected):
            return "input \(input): key \(key) gave a signature of the wrong kind (the script expects \(expected))"
        case .missingSigOpCount: return "input \(input) has no sigOpCount; a version 0 transaction commits to it"
        }
    }
}
