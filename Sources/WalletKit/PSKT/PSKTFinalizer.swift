/// Finalizer (`PSKT<Finalizer>::finalize_sync`, `wallet/pskt/src/pskt.rs`; the signature scripts the reference
/// wallet builds in `wallet/core/src/account/pskb.rs::finalize_pskt_one_or_more_sig_and_redeem_script`).
extension PSKT {
    /// A finalized copy: every input gets its signature script, `sequence` is made explicit (`u64::MAX` when it
    /// was absent, as rusty-kaspa does) and `global.id` is set.
    ///
    /// - P2PK (Schnorr or ECDSA): `OP_DATA_65 || signature || sighash type`.
    /// - P2SH m-of-n multisig: exactly m signatures `OP_DATA_65 || signature || type`, taken in **redeem-script
    ///   key order** (the engine walks the keys forward), then a push of the redeem script. rusty-kaspa's wallet
    ///   concatenates all partial signatures in public-key map order instead, which fails whenever that order
    ///   differs from the script's.
    ///
    /// Every signature used is verified against the input's sighash first. Inputs that already have a final
    /// script keep it. All or nothing: if any input lacks what it needs, this throws `.cannotFinalize` listing
    /// every such input (and how many signatures each is missing), and nothing is returned half-finalized.
    public func finalized() throws(PSKTError) -> PSKT {
        var problems: [PSKTFinalizeProblem] = []
        var scripts: [[UInt8]] = []
        let tx = unsignedTransaction
        let reused = SigHashReusedValues()
        for (i, input) in inputs.enumerated() {
            if let final = input.finalScriptSig {
                scripts.append(final)
                continue
            }
            switch finalScript(i, input, tx, reused) {
            case .success(let script): scripts.append(script)
            case .failure(let problem): problems.append(problem)
            }
        }
        if inputs.isEmpty { problems.append(PSKTFinalizeProblem(input: 0, kind: .unsupportedScript("the PSKT has no inputs"))) }
        guard problems.isEmpty else { throw .cannotFinalize(problems) }
        var out = self
        for i in out.inputs.indices {
            out.inputs[i].finalScriptSig = scripts[i]
            out.inputs[i].sequence = out.inputs[i].sequence ?? UInt64.max
        }
        out.global.id = out.transactionId
        return out
    }

    /// Finalizes in place; on an error `self` is unchanged.
    public mutating func finalize() throws(PSKTError) {
        self = try finalized()
    }

    private func finalScript(_ i: Int, _ input: PSKTInput, _ tx: Transaction,
                             _ reused: SigHashReusedValues) -> Result<[UInt8], PSKTFinalizeProblem> {
        let condition = PSKTSpendCondition(input)
        guard case let required? = condition.requiredSignatures, let entry = input.utxoEntry else {
            if case .unsupported(let kind) = condition { return .failure(PSKTFinalizeProblem(input: i, kind: kind)) }
            return .failure(PSKTFinalizeProblem(input: i, kind: .missingUtxoEntry))
        }
        if global.txVersion == 0 && input.sigOpCount == nil {
            return .failure(PSKTFinalizeProblem(input: i, kind: .missingSigOpCount))
        }
        let schnorrHash = SigHash.schnorr(tx, inputIndex: i, entry: entry, type: input.sighashType, reused: reused)
        let keys = condition.keys
        var valid: [[UInt8]] = []
        for (keyIndex, pub, sig) in condition.signatures(in: input) {
            let schnorr = keys[keyIndex].schnorr
            switch (sig, schnorr) {
            case (.schnorr(let bytes), true):
                guard pub.xOnly.schnorrVerify(signature: bytes, message: schnorrHash) else {
                    return .failure(PSKTFinalizeProblem(input: i, kind: .invalidSignature(publicKey: pub.description)))
                }
            case (.ecdsa(let bytes), false):
                guard pub.ecdsaVerify(signature: bytes, message: SigHash.ecdsa(fromSchnorr: schnorrHash)) else {
                    return .failure(PSKTFinalizeProblem(input: i, kind: .invalidSignature(publicKey: pub.description)))
                }
            default:
                return .failure(PSKTFinalizeProblem(input: i, kind: .wrongSignatureKind(publicKey: pub.description,
                                                                                         expected: schnorr ? "Schnorr" : "ECDSA")))
            }
            valid.append(sig.bytes)
        }
        guard valid.count >= required else {
            return .failure(PSKTFinalizeProblem(input: i, kind: .missingSignatures(have: valid.count, required: required)))
        }
        switch condition {
        case .multisig(_, _, _, let redeem):
            do {
                return .success(try SignatureScript.multisig(signatures: Array(valid.prefix(required)),
                                                             sigHashType: input.sighashType, redeemScript: redeem))
            } catch {
                return .failure(PSKTFinalizeProblem(input: i, kind: .unsupportedScript("the signature script would be too large: \(error)")))
            }
        default:
            return .success(SignatureScript.p2pk(signature: valid[0], sigHashType: input.sighashType))
        }
    }
}
