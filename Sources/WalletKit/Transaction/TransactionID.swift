/// Transaction ids and hashes (rusty-kaspa `consensus/core/src/hashing/tx.rs`).
extension Transaction {
    /// v0: BLAKE2b("TransactionID") over the encoding without signature scripts, sig-op counts and mass.
    /// v1: BLAKE3("TransactionV1Id", PayloadDigest(payload) || TransactionRest(encoding without payload,
    /// signature scripts and mass commitments)). Neither commits to compute budgets or the storage mass.
    public var id: TransactionID {
        if version == 0 {
            var h = Blake2b(domain: KaspaHasher.transactionID.domain)
            write(into: &h, flags: [.excludeSignatureScript, .excludeMassCommit])
            return h.finalize()
        }
        var h = Blake3(domain: KaspaHasher.transactionV1Id.domain)
        h.write(payloadDigest)
        h.write(restDigest)
        return h.finalize()
    }

    /// BLAKE3("PayloadDigest", payload).
    public var payloadDigest: Hash32 { Blake3.hash(payload, domain: KaspaHasher.payloadDigest.domain) }

    /// The v1 "rest" preimage: vProg guests recompute txids from it.
    public var restPreimage: [UInt8] { encoded(flags: [.excludePayload, .excludeSignatureScript, .excludeMassCommit]) }

    public var restDigest: Hash32 {
        var h = Blake3(domain: KaspaHasher.transactionRest.domain)
        write(into: &h, flags: [.excludePayload, .excludeSignatureScript, .excludeMassCommit])
        return h.finalize()
    }

    /// The full hash (`verboseData.hash`, block merkle trees): everything, signatures and mass commitments included.
    public var hash: Hash32 {
        var h = Blake2b(domain: KaspaHasher.transactionHash.domain)
        write(into: &h, flags: .full)
        return h.finalize()
    }
}
