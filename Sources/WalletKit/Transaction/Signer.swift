/// Signs standard inputs (rusty-kaspa `consensus/core/src/sign.rs`): Schnorr and ECDSA P2PK, and m-of-n
/// multisig P2SH. All inputs of one transaction share one `SigHashReusedValues`, so signing N inputs is O(N).
public struct TransactionSigner {
    private var schnorrKeys: [[UInt8]: Keypair] = [:]
    private var ecdsaKeys: [[UInt8]: PrivateKey] = [:]

    /// Prepares the keys once (keypairs are precomputed for BIP340).
    public init(keys: [PrivateKey]) {
        for key in keys {
            let pair = key.keypair()
            schnorrKeys[pair.xOnlyPublicKey.bytes] = pair
            ecdsaKeys[key.publicKey.compressed] = key
        }
    }

    /// Signs every P2PK input (Schnorr or ECDSA) whose key is known; returns the indices it signed.
    /// `auxRandom` is for reproducible tests only; by default every Schnorr signature uses fresh randomness.
    @discardableResult
    public func signP2PKInputs(_ ptx: inout PopulatedTransaction, type: SigHashType = .all,
                               auxRandom: [UInt8]? = nil) -> [Int] {
        let reused = SigHashReusedValues()
        var signed: [Int] = []
        for i in ptx.tx.inputs.indices {
            let spk = ptx.entries[i].scriptPublicKey
            switch spk.scriptClass {
            case .pubKey:
                guard let pair = schnorrKeys[Array(spk.script[1..<33])] else { continue }
                let hash = SigHash.schnorr(ptx.tx, inputIndex: i, entry: ptx.entries[i], type: type, reused: reused)
                ptx.tx.inputs[i].signatureScript = SignatureScript.p2pk(signature: pair.schnorrSign(hash, auxRandom: auxRandom), sigHashType: type)
                signed.append(i)
            case .pubKeyECDSA:
                guard let key = ecdsaKeys[Array(spk.script[1..<34])] else { continue }
                let hash = SigHash.ecdsa(ptx.tx, inputIndex: i, entry: ptx.entries[i], type: type, reused: reused)
                ptx.tx.inputs[i].signatureScript = SignatureScript.p2pk(signature: key.ecdsaSign(hash), sigHashType: type)
                signed.append(i)
            case .scriptHash, .nonStandard:
                continue
            }
        }
        return signed
    }

    /// This signer's signatures for a multisig input, keyed by the redeem script's key index (in key order).
    public func multisigSignatures(_ ptx: PopulatedTransaction, inputIndex: Int, redeemScript: [UInt8],
                                   type: SigHashType = .all, reused: SigHashReusedValues = SigHashReusedValues(),
                                   auxRandom: [UInt8]? = nil) throws(SigningError) -> [(keyIndex: Int, signature: [UInt8])] {
        guard inputIndex < ptx.tx.inputs.count else { throw .inputIndex(inputIndex, count: ptx.tx.inputs.count) }
        guard let parsed = MultisigScript.parse(redeemScript) else { throw .notMultisig }
        let expected = ScriptPublicKey.p2sh(redeemScript: redeemScript)
        guard ptx.entries[inputIndex].scriptPublicKey == expected else { throw .redeemScriptMismatch(inputIndex) }
        var out: [(Int, [UInt8])] = []
        for (k, key) in parsed.keys.enumerated() {
            switch parsed.kind {
            case .schnorr:
                guard let pair = schnorrKeys[key] else { continue }
                let hash = SigHash.schnorr(ptx.tx, inputIndex: inputIndex, entry: ptx.entries[inputIndex], type: type, reused: reused)
                out.append((k, pair.schnorrSign(hash, auxRandom: auxRandom)))
            case .ecdsa:
                guard let priv = ecdsaKeys[key] else { continue }
                let hash = SigHash.ecdsa(ptx.tx, inputIndex: inputIndex, entry: ptx.entries[inputIndex], type: type, reused: reused)
                out.append((k, priv.ecdsaSign(hash)))
            }
        }
        return out
    }

    /// Signs a multisig input completely: the first m available signatures in redeem-script key order,
    /// then the redeem script. Fails, leaving the input untouched, when fewer than m keys are held here.
    public func signMultisigInput(_ ptx: inout PopulatedTransaction, inputIndex: Int, redeemScript: [UInt8],
                                  type: SigHashType = .all) throws(SigningError) {
        let sigs = try multisigSignatures(ptx, inputIndex: inputIndex, redeemScript: redeemScript, type: type)
        let required = MultisigScript.parse(redeemScript)!.required
        guard sigs.count >= required else { throw .notEnoughKeys(have: sigs.count, required: required) }
        do {
            ptx.tx.inputs[inputIndex].signatureScript = try SignatureScript.multisig(
                signatures: sigs.prefix(required).map(\.signature), sigHashType: type, redeemScript: redeemScript)
        } catch {
            throw .scriptTooLarge
        }
    }
}

public enum SigningError: Error, Equatable, Sendable, CustomStringConvertible {
    case inputIndex(Int, count: Int)
    case notMultisig
    case redeemScriptMismatch(Int)
    case notEnoughKeys(have: Int, required: Int)
    case scriptTooLarge

    public var description: String {
        switch self {
        case .inputIndex(let i, let n): return "input \(i) does not exist (the transaction has \(n) inputs)"
        case .notMultisig: return "the redeem script is not a standard m-of-n multisig script"
        case .redeemScriptMismatch(let i): return "input \(i) does not spend the P2SH address of this redeem script"
        case .notEnoughKeys(let have, let required):
            return "only \(have) of the \(required) required keys are available; collect the other signatures (PSKT) instead"
        case .scriptTooLarge: return "the signature script would exceed the script size limit"
        }
    }
}
