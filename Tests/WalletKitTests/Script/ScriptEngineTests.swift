import Foundation
import Testing
@testable import WalletKit

/// Engine behaviour the script_tests.json rows do not reach: KIP-20 covenant opcodes over a real covenant context,
/// OP_ZKPRECOMPILE before Groth16 lands, OP_CHAINBLOCKSEQCOMMIT without an accessor, metering of pushes.
@Suite struct ScriptEngineTests {
    static let covenantId = Blake2b.hash(Array("a covenant".utf8))

    /// One input carrying `covenantId`; output 0 continues it, output 1 is unbound.
    static func covenantTransaction(spk: [UInt8], signatureScript: [UInt8] = []) throws -> PopulatedTransaction {
        let lock = ScriptPublicKey(script: spk)
        let tx = Transaction(
            version: 1,
            inputs: [TransactionInput(previousOutpoint: Outpoint(transactionId: Blake2b.hash([9]), index: 1),
                                      signatureScript: signatureScript, computeCommit: .computeBudget(0))],
            outputs: [TransactionOutput(value: 500, scriptPublicKey: lock, covenant: CovenantBinding(authorizingInput: 0, covenantId: covenantId)),
                      TransactionOutput(value: 400, scriptPublicKey: ScriptPublicKey(script: [0x51]))])
        return try PopulatedTransaction(tx: tx, entries: [UtxoEntry(amount: 1000, scriptPublicKey: lock, covenantId: covenantId)])
    }

    static func run(_ ptx: PopulatedTransaction, seqCommit: (any SeqCommitAccessor)? = nil) throws -> ScriptError? {
        var engine = try ScriptEngine(tx: ptx, inputIndex: 0, context: .init(covenants: try CovenantsContext(ptx), seqCommit: seqCommit))
        do { try engine.execute(); return nil } catch { return error }
    }

    @Test func covenantOpcodesSeeTheContinuation() throws {
        let id = "0x20" + Self.covenantId.hex
        let script = try ScriptShortForm.parse("""
            0 OP_INPUTCOVENANTID \(id) EQUALVERIFY
            0 OP_AUTHOUTPUTCOUNT 1 NUMEQUALVERIFY
            0 0 OP_AUTHOUTPUTIDX 0 NUMEQUALVERIFY
            \(id) OP_COVINPUTCOUNT 1 NUMEQUALVERIFY
            \(id) OP_COVOUTPUTCOUNT 1 NUMEQUALVERIFY
            \(id) 0 OP_COVOUTPUTIDX 0 NUMEQUALVERIFY
            0 OP_OUTPUTCOVENANTID \(id) EQUALVERIFY
            1 OP_OUTPUTCOVENANTID 0x20 0x\(String(repeating: "00", count: 32)) EQUALVERIFY
            0 OP_OUTPUTAUTHORIZINGINPUT 0 NUMEQUALVERIFY
            1 OP_OUTPUTAUTHORIZINGINPUT -1 NUMEQUAL
            """)
        #expect(try Self.run(try Self.covenantTransaction(spk: script)) == nil)

        let beyond = try ScriptShortForm.parse("0 1 OP_AUTHOUTPUTIDX")
        #expect(try Self.run(try Self.covenantTransaction(spk: beyond)) == .covenants(.invalidAuthCovOutIndex(k: 1, input: 0, count: 1)))
        let badId = try ScriptShortForm.parse("'short' OP_COVINPUTCOUNT")
        #expect(try Self.run(try Self.covenantTransaction(spk: badId)) == .invalidLengthOfBlockHash(5))
    }

    @Test func zkProofsFailUntilGroth16Lands() throws {
        for tag in ["0x01 0x20", "0x01 0x21"] {
            let error = try Self.run(try Self.covenantTransaction(spk: try ScriptShortForm.parse("\(tag) OP_ZKPRECOMPILE")))
            guard case .zkIntegrity(let message)? = error else { Issue.record("\(String(describing: error))"); continue }
            #expect(message.contains("unsupported proof system"))
        }
        #expect(try Self.run(try Self.covenantTransaction(spk: try ScriptShortForm.parse("0x01 0x07 OP_ZKPRECOMPILE")))
                == .zkIntegrity("Unknown tag: 7"))
        // The Groth16 price (140,000 grams) is charged before verification: budget 0 cannot pay it.
        let ptx = try Self.covenantTransaction(spk: try ScriptShortForm.parse("0x01 0x20 OP_ZKPRECOMPILE"))
        var engine = try ScriptEngine(tx: ptx, inputIndex: 0, limit: ScriptUnitMeter.allowedScriptUnits(.computeBudget(0)))
        #expect(throws: ScriptError.exceededCommittedScriptUnits(used: 14_000_000, limit: 9_999)) { try engine.execute() }
    }

    @Test func chainblockSeqCommitNeedsAnAccessor() throws {
        let spk = try ScriptShortForm.parse("0x20 0x\(String(repeating: "11", count: 32)) OP_CHAINBLOCKSEQCOMMIT")
        #expect(try Self.run(try Self.covenantTransaction(spk: spk)) == .invalidOpcode("OpChainblockSeqCommit"))
        #expect(try Self.run(try Self.covenantTransaction(spk: spk), seqCommit: ScriptTestsJSONTests.MockSeqCommit())
                == .blockAlreadyPruned(Hash32([UInt8](repeating: 0x11, count: 32)) ?? .zero))
    }

    @Test func disabledOpcodesFailEvenUnexecuted() throws {
        let spk = try ScriptShortForm.parse("0 IF LSHIFT ENDIF 1")
        #expect(try Self.run(try Self.covenantTransaction(spk: spk)) == .opcodeDisabled("OpLShift"))
    }

    @Test func metering() throws {
        // Literal pushes are free; DUP of a 100-byte element charges 100, BLAKE2B 2 per byte plus its 32-byte result.
        let spk = try ScriptShortForm.parse("0x4c 0x64 0x\(String(repeating: "ab", count: 100)) DUP BLAKE2B DROP DROP 1")
        let ptx = try Self.covenantTransaction(spk: spk)
        var engine = try ScriptEngine(tx: ptx, inputIndex: 0)
        try engine.execute()
        // The spk is longer than 35 bytes: the excess is charged 100 units per byte.
        #expect(engine.usedScriptUnits == UInt64(spk.count - 35) * 100 + 100 + 200 + 32)
    }

    @Test func scriptNumbers() throws {
        #expect(try ScriptNum.decode([0x81]) == -1)
        #expect(try ScriptNum.decode([0x00, 0x80]) == 0)
        #expect(try ScriptNum.decode([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]) == Int64.max)
        #expect(throws: ScriptError.self) { try ScriptNum.decode([UInt8](repeating: 1, count: 9)) }
        #expect(try ScriptNum.encode(-1, size: 2) == [0x01, 0x80])
        #expect(try ScriptNum.encode(0x80, size: 2) == [0x80, 0x00])
        #expect(throws: ScriptError.numberTooLong(0x80, max: 1)) { try ScriptNum.encode(0x80, size: 1) }
    }
}
