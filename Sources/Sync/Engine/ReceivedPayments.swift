import WalletKit

/// What each transaction paid the wallet, summed over its UTXOs as sync meets them: one payment's outputs can
/// reach the store in several transactions (snapshot batches of different addresses, chunks of a huge burst),
/// and its history row must show the whole amount.
struct ReceivedPayments {
    private var byTransaction: [TransactionID: (address: String, amount: UInt64, score: UInt64)] = [:]

    /// Counts a UTXO once: callers pass each outpoint once (bursts and snapshots hold no outpoint twice).
    mutating func add(_ u: UtxoUpdate) {
        let id = u.outpoint.transactionId
        let known = byTransaction[id]
        let sum = (known?.amount ?? 0).addingReportingOverflow(u.entry.amount.rawValue)
        byTransaction[id] = (known?.address ?? u.address, sum.overflow ? .max : sum.partialValue,
                             max(known?.score ?? 0, u.entry.blockDaaScore))
    }

    /// The payments of the transactions of `added` counted so far, each once and in order of first appearance,
    /// leaving out (and then adding to `done`) those already in `done`: with everything each paid so far, its
    /// first receiving address and the block's DAA score.
    func payments(of added: [UtxoUpdate], at: Int64, skipping done: inout Set<TransactionID>) -> [IncomingPayment] {
        var out: [IncomingPayment] = []
        for u in added where done.insert(u.outpoint.transactionId).inserted {
            guard let p = byTransaction[u.outpoint.transactionId] else { continue }
            out.append(IncomingPayment(transactionId: u.outpoint.transactionId, address: p.address, amount: Sompi(p.amount),
                                       blockDaaScore: p.score, at: at))
        }
        return out
    }
}
