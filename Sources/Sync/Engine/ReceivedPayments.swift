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

    /// The payment of a transaction counted so far (its first receiving address, the block's DAA score).
    func payment(_ id: TransactionID, at: Int64) -> IncomingPayment? {
        byTransaction[id].map { IncomingPayment(transactionId: id, address: $0.address, amount: Sompi($0.amount), blockDaaScore: $0.score, at: at) }
    }
}
