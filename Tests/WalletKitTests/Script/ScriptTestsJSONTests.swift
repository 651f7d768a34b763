import Foundation
import Testing
@testable import WalletKit

/// script_tests.json (rusty-kaspa `crypto/txscript/test-data/script_tests.json`, Bitcoin-Core format, MIT):
/// every row runs on a one-input v1 spending transaction whose UTXO has amount 0, spk version 0 and is coinbase,
/// with a sequencing-commitment mock for OP_CHAINBLOCKSEQCOMMIT (rusty-kaspa `lib.rs`, `tests::run_test`).
///
/// A row passes when the expected Bitcoin-Core name is among the names our result maps to. The mapping is
/// rusty-kaspa's `result_name()`; one error may map to several names:
///
/// | ScriptError                                   | names                                                        |
/// |-----------------------------------------------|--------------------------------------------------------------|
/// | success                                       | OK                                                           |
/// | numberTooBig, numberTooLong (Serialization)   | UNKNOWN_ERROR                                                |
/// | pubKeyFormat, invalidPubkey                   | PUBKEYFORMAT                                                 |
/// | evalFalse                                     | EVAL_FALSE                                                   |
/// | emptyStack                                    | EMPTY_STACK, EVAL_FALSE, UNBALANCED_CONDITIONAL, INVALID_ALTSTACK_OPERATION |
/// | nullFail                                      | NULLFAIL                                                     |
/// | invalidSigHashType                            | SIG_HASHTYPE                                                 |
/// | signatureScriptNotPushOnly                    | SIG_PUSHONLY                                                 |
/// | cleanStack                                    | CLEANSTACK                                                   |
/// | opcodeReserved, malformedPush, invalidOpcode  | BAD_OPCODE                                                   |
/// | unbalancedConditional, conditionStackEmpty    | UNBALANCED_CONDITIONAL                                       |
/// | earlyReturn                                   | OP_RETURN                                                    |
/// | verifyFailed                                  | VERIFY, EQUALVERIFY                                          |
/// | invalidStackOperation                         | INVALID_STACK_OPERATION, INVALID_ALTSTACK_OPERATION          |
/// | pickRollOutOfRange                            | INVALID_STACK_OPERATION                                      |
/// | outOfBoundsSubstring, invalidIndex            | UNKNOWN_ERROR                                                |
/// | opcodeDisabled                                | DISABLED_OPCODE                                              |
/// | elementTooBig (engine or short-form builder)  | PUSH_SIZE                                                    |
/// | tooManyOperations                             | OP_COUNT                                                     |
/// | stackSizeExceeded                             | STACK_SIZE                                                   |
/// | invalidPubKeyCount                            | PUBKEY_COUNT                                                 |
/// | invalidSignatureCount                         | SIG_COUNT                                                    |
/// | notMinimalData                                | MINIMALDATA, UNKNOWN_ERROR                                   |
/// | unsatisfiedLockTime                           | UNSATISFIED_LOCKTIME                                         |
/// | bitwiseLengthMismatch, divisionInvalid, messageHashLength (rusty `InvalidState`) | UNKNOWN_ERROR             |
/// | scriptSize                                    | SCRIPT_SIZE                                                  |
/// | covenants                                     | UNKNOWN_ERROR                                                |
/// | invalidSignature                              | INVALID_SIG                                                  |
/// | anything else                                 | (none: such a row can only fail)                             |
@Suite struct ScriptTestsJSONTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let number: Int
        let signatureScript: String
        let scriptPublicKey: String
        let expected: String
        let comment: String
        var testDescription: String { "row \(number): [\(signatureScript)] [\(scriptPublicKey)] → \(expected) \(comment)" }
    }

    static let rows: [Row] = {
        let raw = Fixtures.decode([[String]].self, from: "script_tests.json")
        return raw.enumerated().compactMap { i, r in
            r.count >= 4 ? Row(number: i, signatureScript: r[0], scriptPublicKey: r[1], expected: r[3], comment: r.count > 4 ? r[4] : "") : nil
        }
    }()

    /// Only `"input_block" + 'f'×21` is a chain ancestor; its commitment is `"output_root_hash" + 'f'×16`.
    struct MockSeqCommit: SeqCommitAccessor {
        static func padded(_ s: String) -> Hash32 {
            let b = Array(s.utf8)
            return Hash32(b + [UInt8](repeating: UInt8(ascii: "f"), count: 32 - b.count)) ?? .zero
        }
        static let inputBlock = padded("input_block")
        static let outputRoot = padded("output_root_hash")
        func isChainAncestorFromPOV(_ blockHash: Hash32) -> Bool? { blockHash == Self.inputBlock ? true : nil }
        func seqCommitmentWithinDepth(_ blockHash: Hash32) -> Hash32? { blockHash == Self.inputBlock ? Self.outputRoot : nil }
    }

    /// The spending transaction of rusty-kaspa's `create_spending_transaction`.
    static func spendingTransaction(signatureScript: [UInt8], scriptPublicKey: ScriptPublicKey) -> PopulatedTransaction? {
        let coinbase = Transaction(
            version: 1,
            inputs: [TransactionInput(previousOutpoint: Outpoint(transactionId: .zero, index: 0xffff_ffff), signatureScript: [0, 0],
                                      sequence: .max, computeCommit: .sigOpCount(20))],
            outputs: [TransactionOutput(value: 0, scriptPublicKey: scriptPublicKey)])
        let tx = Transaction(
            version: 1,
            inputs: [TransactionInput(previousOutpoint: Outpoint(transactionId: coinbase.id, index: 0), signatureScript: signatureScript,
                                      sequence: .max, computeCommit: .sigOpCount(20))],
            outputs: [TransactionOutput(value: 0, scriptPublicKey: ScriptPublicKey(script: []))])
        let entry = UtxoEntry(amount: 0, scriptPublicKey: scriptPublicKey, blockDaaScore: 0, isCoinbase: true)
        return try? PopulatedTransaction(tx: tx, entries: [entry])
    }

    enum Outcome: Equatable { case ok, script(ScriptError), builder(ScriptShortForm.ParseError) }

    static func run(_ row: Row) -> Outcome {
        let sig: [UInt8], spk: [UInt8]
        do {
            sig = try ScriptShortForm.parse(row.signatureScript)
            spk = try ScriptShortForm.parse(row.scriptPublicKey)
        } catch {
            return .builder(error)
        }
        guard let ptx = spendingTransaction(signatureScript: sig, scriptPublicKey: ScriptPublicKey(script: spk)),
              var engine = try? ScriptEngine(tx: ptx, inputIndex: 0, context: .init(seqCommit: MockSeqCommit())) else {
            return .builder(.unknownToken("<transaction>"))
        }
        do {
            try engine.execute()
            return .ok
        } catch {
            return .script(error)
        }
    }

    static func names(_ outcome: Outcome) -> [String] {
        switch outcome {
        case .ok: return ["OK"]
        case .builder(.builder(.elementTooLarge)): return ["PUSH_SIZE"]
        case .builder: return []
        case .script(let e):
            switch e {
            case .numberTooBig, .numberTooLong: return ["UNKNOWN_ERROR"]
            case .pubKeyFormat, .invalidPubkey: return ["PUBKEYFORMAT"]
            case .evalFalse: return ["EVAL_FALSE"]
            case .emptyStack: return ["EMPTY_STACK", "EVAL_FALSE", "UNBALANCED_CONDITIONAL", "INVALID_ALTSTACK_OPERATION"]
            case .nullFail: return ["NULLFAIL"]
            case .invalidSigHashType: return ["SIG_HASHTYPE"]
            case .signatureScriptNotPushOnly: return ["SIG_PUSHONLY"]
            case .cleanStack: return ["CLEANSTACK"]
            case .opcodeReserved, .malformedPush, .invalidOpcode: return ["BAD_OPCODE"]
            case .unbalancedConditional, .conditionStackEmpty: return ["UNBALANCED_CONDITIONAL"]
            case .earlyReturn: return ["OP_RETURN"]
            case .verifyFailed: return ["VERIFY", "EQUALVERIFY"]
            case .invalidStackOperation: return ["INVALID_STACK_OPERATION", "INVALID_ALTSTACK_OPERATION"]
            case .pickRollOutOfRange: return ["INVALID_STACK_OPERATION"]
            case .outOfBoundsSubstring, .invalidIndex: return ["UNKNOWN_ERROR"]
            case .opcodeDisabled: return ["DISABLED_OPCODE"]
            case .elementTooBig: return ["PUSH_SIZE"]
            case .tooManyOperations: return ["OP_COUNT"]
            case .stackSizeExceeded: return ["STACK_SIZE"]
            case .invalidPubKeyCount: return ["PUBKEY_COUNT"]
            case .invalidSignatureCount: return ["SIG_COUNT"]
            case .notMinimalData: return ["MINIMALDATA", "UNKNOWN_ERROR"]
            case .unsatisfiedLockTime: return ["UNSATISFIED_LOCKTIME"]
            case .bitwiseLengthMismatch, .divisionInvalid, .messageHashLength: return ["UNKNOWN_ERROR"]
            case .scriptSize: return ["SCRIPT_SIZE"]
            case .covenants: return ["UNKNOWN_ERROR"]
            case .invalidSignature: return ["INVALID_SIG"]
            default: return []
            }
        }
    }

    @Test(arguments: rows)
    func row(_ row: Row) {
        let outcome = Self.run(row)
        #expect(Self.names(outcome).contains(row.expected), "got \(outcome)")
    }

    @Test func everyRowRuns() {
        #expect(Self.rows.count == 955)
        let passed = Self.rows.filter { Self.names(Self.run($0)).contains($0.expected) }.count
        #expect(passed == 955)
        Fixtures.report("script_tests.json", passed, "rows")
    }
}
