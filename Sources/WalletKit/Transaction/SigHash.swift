/// Signature hashes (rusty-kaspa `consensus/core/src/hashing/sighash.rs`).
///
/// The transaction-wide sub-hashes (previous outputs, sequences, sig-op counts, outputs, payload) are computed
/// once per transaction and kept in `SigHashReusedValues`, so hashing N inputs costs O(N), not O(N²).
public final class SigHashReusedValues {
    var previousOutputsHash: Hash32?
    var sequencesHash: Hash32?
    var sigOpCountsHash: Hash32?
    var outputsHash: Hash32?
    var payloadHash: Hash32?

    public init() {}

    /// A copy holding the sub-hashes computed so far, for another thread to use.
    func copy() -> SigHashReusedValues {
        let c = SigHashReusedValues()
        c.previousOutputsHash = previousOutputsHash
        c.sequencesHash = sequencesHash
        c.sigOpCountsHash = sigOpCountsHash
        c.outputsHash = outputsHash
        c.payloadHash = payloadHash
        return c
    }

    /// Computes every transaction-wide sub-hash `type` uses, so later per-input hashes only read them.
    func prefill(_ tx: Transaction, type: SigHashType) {
        _ = SigHash.previousOutputsHash(tx, type, self)
        _ = SigHash.sequencesHash(tx, type, self)
        if tx.version < 1 { _ = SigHash.sigOpCountsHash(tx, type, self) }
        if !type.isSingle { _ = SigHash.outputsHash(tx, type, self, inputIndex: 0) }
        _ = SigHash.payloadHash(tx, self)
    }
}

public enum SigHash {
    private static func hasher() -> Blake2b { Blake2b(domain: KaspaHasher.transactionSigningHash.domain) }

    static func previousOutputsHash(_ tx: Transaction, _ type: SigHashType, _ reused: SigHashReusedValues) -> Hash32 {
        if type.isAnyoneCanPay { return .zero }
        if let h = reused.previousOutputsHash { return h }
        var h = hasher()
        for input in tx.inputs {
            h.write(input.previousOutpoint.transactionId)
            h.writeU32(input.previousOutpoint.index)
        }
        let result = h.finalize()
        reused.previousOutputsHash = result
        return result
    }

    static func sequencesHash(_ tx: Transaction, _ type: SigHashType, _ reused: SigHashReusedValues) -> Hash32 {
        if type.isSingle || type.isAnyoneCanPay || type.isNone { return .zero }
        if let h = reused.sequencesHash { return h }
        var h = hasher()
        for input in tx.inputs { h.writeU64(input.sequence) }
        let result = h.finalize()
        reused.sequencesHash = result
        return result
    }

    static func sigOpCountsHash(_ tx: Transaction, _ type: SigHashType, _ reused: SigHashReusedValues) -> Hash32 {
        if type.isAnyoneCanPay { return .zero }
        if let h = reused.sigOpCountsHash { return h }
        var h = hasher()
        for input in tx.inputs { h.writeU8(input.computeCommit.sigOpCount ?? 0) }
        let result = h.finalize()
        reused.sigOpCountsHash = result
        return result
    }

    static func payloadHash(_ tx: Transaction, _ reused: SigHashReusedValues) -> Hash32 {
        if tx.subnetworkId.isNative && tx.payload.isEmpty { return .zero }
        if let h = reused.payloadHash { return h }
        var h = hasher()
        h.writeVarBytes(tx.payload)
        let result = h.finalize()
        reused.payloadHash = result
        return result
    }

    static func outputsHash(_ tx: Transaction, _ type: SigHashType, _ reused: SigHashReusedValues, inputIndex: Int) -> Hash32 {
        if type.isNone { return .zero }
        if type.isSingle {
            guard inputIndex < tx.outputs.count else { return .zero }
            var h = hasher()
            tx.outputs[inputIndex].write(into: &h, version: tx.version)
            return h.finalize()
        }
        if let h = reused.outputsHash { return h }
        var h = hasher()
        for output in tx.outputs { output.write(into: &h, version: tx.version) }
        let result = h.finalize()
        reused.outputsHash = result
        return result
    }

    /// The Schnorr sighash of input `inputIndex`, which spends `entry`.
    /// v1 commits to neither sig-op counts nor compute budgets, so a budget can be adjusted after signing.
    public static func schnorr(_ tx: Transaction, inputIndex: Int, entry: UtxoEntry, type: SigHashType,
                               reused: SigHashReusedValues) -> Hash32 {
        let input = tx.inputs[inputIndex]
        var h = hasher()
        h.writeU16(tx.version)
        h.write(previousOutputsHash(tx, type, reused))
        h.write(sequencesHash(tx, type, reused))
        if tx.version < 1 { h.write(sigOpCountsHash(tx, type, reused)) }
        h.write(input.previousOutpoint.transactionId)
        h.writeU32(input.previousOutpoint.index)
        h.writeU16(entry.scriptPublicKey.version)
        h.writeVarBytes(entry.scriptPublicKey.script)
        h.writeU64(entry.amount.rawValue)
        h.writeU64(input.sequence)
        if tx.version < 1 { h.writeU8(input.computeCommit.sigOpCount ?? 0) }
        h.write(outputsHash(tx, type, reused, inputIndex: inputIndex))
        h.writeU64(tx.lockTime)
        h.write(tx.subnetworkId.bytes)
        h.writeU64(tx.gas)
        h.write(payloadHash(tx, reused))
        h.writeU8(type.rawValue)
        return h.finalize()
    }

    /// ECDSA sighash: `SHA256(SHA256("TransactionSigningHashECDSA") || schnorr sighash)`.
    public static func ecdsa(_ tx: Transaction, inputIndex: Int, entry: UtxoEntry, type: SigHashType,
                             reused: SigHashReusedValues) -> Hash32 {
        ecdsa(fromSchnorr: schnorr(tx, inputIndex: inputIndex, entry: entry, type: type, reused: reused))
    }

    public static func ecdsa(fromSchnorr hash: Hash32) -> Hash32 {
        var h = Sha256(domain: KaspaHasher.transactionSigningHashECDSA.domain)
        h.write(hash)
        return h.finalize()
    }
}

extension PopulatedTransaction {
    public func schnorrSigHash(inputIndex: Int, type: SigHashType = .all, reused: SigHashReusedValues) -> Hash32 {
        SigHash.schnorr(tx, inputIndex: inputIndex, entry: entries[inputIndex], type: type, reused: reused)
    }
    public func ecdsaSigHash(inputIndex: Int, type: SigHashType = .all, reused: SigHashReusedValues) -> Hash32 {
        SigHash.ecdsa(tx, inputIndex: inputIndex, entry: entries[inputIndex], type: type, reused: reused)
    }
}
