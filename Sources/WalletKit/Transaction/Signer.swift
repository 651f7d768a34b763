import Foundation

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
    ///
    /// The transaction-wide sighash parts are hashed once; then, for large transactions, the per-input
    /// hashing and signing (nearly all of it inside libsecp256k1) is spread over the machine's cores.
    @discardableResult
    public func signP2PKInputs(_ ptx: inout PopulatedTransaction, type: SigHashType = .all,
                               auxRandom: [UInt8]? = nil) -> [Int] {
        let jobs: [(index: Int, key: SigningKey)] = ptx.tx.inputs.indices.compactMap { i in
            let spk = ptx.entries[i].scriptPublicKey
            switch spk.scriptClass {
            case .pubKey: return schnorrKeys[Array(spk.script[1..<33])].map { (i, .schnorr($0)) }
            case .pubKeyECDSA: return ecdsaKeys[Array(spk.script[1..<34])].map { (i, .ecdsa($0)) }
            case .scriptHash, .nonStandard: return nil
            }
        }
        let reused = SigHashReusedValues()
        reused.prefill(ptx.tx, type: type)
        let work = SigningWork(tx: ptx.tx, entries: ptx.entries, jobs: jobs, type: type, auxRandom: auxRandom)
        // Below ~32 inputs per core the threads cost more than they save.
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, jobs.count / 32)
        var scripts = [[UInt8]](repeating: [], count: jobs.count)
        if workers > 1 {
            let caches = UncheckedCaches(caches: (0..<workers).map { _ in reused.copy() })
            scripts.withUnsafeMutableBufferPointer { buffer in
                let out = UncheckedBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    // Each worker writes its own indices and reads only shared immutable data.
                    for j in stride(from: w, to: work.jobs.count, by: workers) { out.buffer[j] = work.script(j, cache: caches.caches[w]) }
                }
            }
        } else {
            for j in jobs.indices { scripts[j] = work.script(j, cache: reused) }
        }
        for (job, script) in zip(jobs, scripts) { ptx.tx.inputs[job.index].signatureScript = script }
        return jobs.map(\.index)
    }

    fileprivate enum SigningKey: @unchecked Sendable {
        case schnorr(Keypair)
        case ecdsa(PrivateKey)
    }
}

/// Everything one P2PK signature needs, shared read-only between signing threads.
private struct SigningWork: @unchecked Sendable {
    let tx: Transaction
    let entries: [UtxoEntry]
    let jobs: [(index: Int, key: TransactionSigner.SigningKey)]
    let type: SigHashType
    let auxRandom: [UInt8]?

    func script(_ j: Int, cache: SigHashReusedValues) -> [UInt8] {
        let (index, key) = jobs[j]
        switch key {
        case .schnorr(let pair):
            let hash = SigHash.schnorr(tx, inputIndex: index, entry: entries[index], type: type, reused: cache)
            return SignatureScript.p2pk(signature: pair.schnorrSign(hash, auxRandom: auxRandom), sigHashType: type)
        case .ecdsa(let key):
            let hash = SigHash.ecdsa(tx, inputIndex: index, entry: entries[index], type: type, reused: cache)
            return SignatureScript.p2pk(signature: key.ecdsaSign(hash), sigHashType: type)
        }
    }
}

/// One sighash cache per signing thread: each thread touches only its own.
private struct UncheckedCaches: @unchecked Sendable {
    let caches: [SigHashReusedValues]
}

/// A buffer whose elements several threads write at disjoint indices.
private struct UncheckedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

extension TransactionSigner {
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
