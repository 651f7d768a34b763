import FuzzSupport
import WalletKit

/// Random signature scripts and script public keys never crash the engine (nor the mempool's P2SH signature-operation
/// count), and its own limits bound the time per script. Input: byte 0 picks the split point, byte 1 the v1 compute budget (×40), the rest is
/// `signature script || script public key`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScriptEngine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Array(bytes(data, size))
    guard input.count >= 2 else { return 0 }
    let body = Array(input[2...])
    let split = body.isEmpty ? 0 : Int(input[0]) * body.count / 255
    let signatureScript = Array(body[..<split])
    let spk = ScriptPublicKey(script: Array(body[split...]))
    let budget = UInt16(input[1]) * 40

    let tx = Transaction(
        version: 1,
        inputs: [TransactionInput(previousOutpoint: Outpoint(transactionId: Blake2b.hash(input), index: 0),
                                  signatureScript: signatureScript, sequence: 7, computeCommit: .computeBudget(budget))],
        outputs: [TransactionOutput(value: 1000, scriptPublicKey: spk,
                                    covenant: CovenantBinding(authorizingInput: 0, covenantId: Blake2b.hash(body)))],
        lockTime: 1, payload: Array(body.prefix(16)))
    let entry = UtxoEntry(amount: 2000, scriptPublicKey: spk, blockDaaScore: 3, isCoinbase: false,
                          covenantId: Blake2b.hash(body))
    guard let ptx = try? PopulatedTransaction(tx: tx, entries: [entry]) else { return 0 }
    let covenants = (try? CovenantsContext(ptx)) ?? .empty
    let limit = ScriptUnitMeter.allowedScriptUnits(.computeBudget(budget))
    guard var engine = try? ScriptEngine(tx: ptx, inputIndex: 0, context: .init(covenants: covenants), limit: limit) else { return 0 }
    do {
        try engine.execute()
    } catch {
        _ = error.description
    }
    precondition(engine.usedScriptUnits <= limit, "the meter let a script exceed its limit")
    _ = ScriptParser.disassemble(body)
    // The mempool's P2SH count reads any bytes as a redeem script: no crash, and at most 20 per byte of it.
    let sigOps = P2shSigOps.count(signatureScript: signatureScript, scriptPublicKey: .p2sh(scriptHash: Array(body.prefix(32)) + Array(repeating: 0, count: max(0, 32 - body.count))))
    precondition(sigOps <= 20 * UInt64(signatureScript.count), "\(sigOps) signature operations counted in a \(signatureScript.count)-byte script")
    _ = DryRun.validate(ptx, options: .init(checkMassCommitment: false))
    return 0
}

@_cdecl("FuzzScriptEngine_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzScriptEngine)
}
