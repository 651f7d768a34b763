/// One signature the signer added.
public struct PSKTSignedInput: Hashable, Sendable {
    public var input: Int
    public var publicKey: PublicKey
}

/// Signer (`PSKT<Signer>::pass_signature_sync`, `wallet/pskt/src/pskt.rs`; the wallet's signing closure in
/// `wallet/core/src/account/pskb.rs`).
extension PSKT {
    /// Adds a partial signature for every input this PSKT can be signed with `keys`: P2PK inputs whose key is
    /// held (Schnorr or ECDSA, as the script says) and P2SH multisig inputs for each held member key (through
    /// `TransactionSigner.multisigSignatures`). Each signature uses the input's `sighashType`; all inputs share one
    /// `SigHashReusedValues`. Keys that already have a signature on an input are left alone, so signing twice
    /// changes nothing; finalized inputs are skipped. Like rusty-kaspa, it records the key in `bip32Derivations`
    /// (with no key source unless one is already there).
    ///
    /// Every input needs its UTXO entry (the sighash of any input commits to the amount and script it spends),
    /// and a version 0 input it signs needs `sigOpCount`. On an error nothing is changed.
    @discardableResult
    public mutating func sign(keys: [PrivateKey], auxRandom: [UInt8]? = nil) throws(PSKTError) -> [PSKTSignedInput] {
        var byXOnly: [[UInt8]: PublicKey] = [:]
        var byCompressed: [[UInt8]: PrivateKey] = [:]
        for key in keys {
            let pub = key.publicKey
            byXOnly[pub.xOnly.bytes] = pub
            byCompressed[pub.compressed] = key
        }
        func held(_ scriptKey: [UInt8], schnorr: Bool) -> PublicKey? {
            schnorr ? byXOnly[scriptKey] : byCompressed[scriptKey]?.publicKey
        }

        // Which inputs have something for these keys to sign.
        var work: [(index: Int, condition: PSKTSpendCondition)] = []
        for (i, input) in inputs.enumerated() where input.finalScriptSig == nil {
            let condition = PSKTSpendCondition(input)
            let wanted = condition.keys.contains { key in
                guard let pub = held(key.bytes, schnorr: key.schnorr) else { return false }
                return input.partialSigs[pub] == nil
            }
            guard wanted else { continue }
            if global.txVersion == 0 && input.sigOpCount == nil {
                throw .cannotSign(input: i, reason: "sigOpCount is not set; a version 0 transaction commits to it in every "
                                  + "signature (1 for P2PK, n for an m-of-n multisig)")
            }
            work.append((i, condition))
        }
        guard !work.isEmpty else { return [] }

        var entries: [UtxoEntry] = []
        for (i, input) in inputs.enumerated() {
            guard let entry = input.utxoEntry else {
                throw .cannotSign(input: i, reason: "no utxoEntry; every input's amount and script are needed to sign any input")
            }
            entries.append(entry)
        }
        let ptx: PopulatedTransaction
        do { ptx = try PopulatedTransaction(tx: unsignedTransaction, entries: entries) } catch {
            throw .cannotSign(input: 0, reason: "\(error)")
        }

        let reused = SigHashReusedValues()
        let multisigSigner = TransactionSigner(keys: keys)
        var updated = inputs
        var signed: [PSKTSignedInput] = []
        func record(_ i: Int, _ pub: PublicKey, _ signature: PSKTSignature) {
            guard updated[i].partialSigs[pub] == nil else { return }
            updated[i].partialSigs[pub] = signature
            if updated[i].bip32Derivations[pub] == nil { updated[i].bip32Derivations[pub] = .some(nil) }
            signed.append(PSKTSignedInput(input: i, publicKey: pub))
        }

        for (i, condition) in work {
            let type = inputs[i].sighashType
            switch condition {
            case .p2pk(let xOnly):
                guard let pub = byXOnly[xOnly], let key = byCompressed[pub.compressed] else { continue }
                let hash = SigHash.schnorr(ptx.tx, inputIndex: i, entry: entries[i], type: type, reused: reused)
                record(i, pub, .schnorr(key.schnorrSign(hash, auxRandom: auxRandom)))
            case .p2pkECDSA(let compressed):
                guard let key = byCompressed[compressed] else { continue }
                let hash = SigHash.ecdsa(ptx.tx, inputIndex: i, entry: entries[i], type: type, reused: reused)
                record(i, key.publicKey, .ecdsa(key.ecdsaSign(hash)))
            case .multisig(_, let memberKeys, let kind, let redeem):
                let sigs: [(keyIndex: Int, signature: [UInt8])]
                do {
                    sigs = try multisigSigner.multisigSignatures(ptx, inputIndex: i, redeemScript: redeem, type: type,
                                                                 reused: reused, auxRandom: auxRandom)
                } catch {
                    throw .cannotSign(input: i, reason: "\(error)")
                }
                for (k, sig) in sigs {
                    let member = memberKeys[k]
                    guard let pub = held(member, schnorr: kind == .schnorr) else { continue }
                    record(i, pub, kind == .schnorr ? .schnorr(sig) : .ecdsa(sig))
                }
            case .unsupported:
                continue
            }
        }
        inputs = updated
        return signed
    }
}
