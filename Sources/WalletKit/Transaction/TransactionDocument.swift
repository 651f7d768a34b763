import Foundation

/// A transaction in RPC JSON together with the UTXO entries its inputs spend, as `kasfleet tx decode` and
/// `tx verify` read it. Entries may come per input (`utxoEntry`, or the SDK's `utxo`), or as a top-level
/// `utxoEntries` array, either beside the transaction's own fields or beside a `tx` (or `transaction`) object.
/// An input without an entry is allowed (then nothing that needs it is computed).
public struct TransactionDocument: Sendable {
    public var tx: Transaction
    /// One per input; nil where the document did not say.
    public var entries: [UtxoEntry?]

    public init(tx: Transaction, entries: [UtxoEntry?]) {
        self.tx = tx
        self.entries = entries
    }

    /// All entries, if every input has one.
    public var populated: PopulatedTransaction? {
        let all = entries.compactMap { $0 }
        guard all.count == tx.inputs.count else { return nil }
        return try? PopulatedTransaction(tx: tx, entries: all)
    }

    /// Indices of the inputs whose UTXO entry is unknown.
    public var inputsWithoutEntry: [Int] { entries.indices.filter { entries[$0] == nil } }

    public static func decode(_ data: Data) throws -> TransactionDocument {
        let decoder = JSONDecoder()
        let envelope = try decoder.decode(Envelope.self, from: data)
        let txData: Data
        if envelope.tx != nil || envelope.transaction != nil {
            // `{ "tx": {...}, "utxoEntries": [...] }`
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            txData = try JSONSerialization.data(withJSONObject: object?["tx"] ?? object?["transaction"] ?? [:])
        } else {
            txData = data
        }
        let tx = try decoder.decode(Transaction.self, from: txData)
        let perInput = try decoder.decode(InputsOnly.self, from: txData).inputs.map { $0.utxoEntry ?? $0.utxo }
        var entries = perInput
        if let top = envelope.utxoEntries {
            guard top.count == tx.inputs.count else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription:
                    "utxoEntries has \(top.count) entries but the transaction has \(tx.inputs.count) inputs"))
            }
            entries = zip(perInput, top).map { $0 ?? $1 }
        }
        return TransactionDocument(tx: tx, entries: entries)
    }

    private struct Envelope: Decodable {
        let tx: Ignored?
        let transaction: Ignored?
        let utxoEntries: [UtxoEntry]?
    }
    private struct Ignored: Decodable { init(from decoder: Decoder) throws {} }
    private struct InputsOnly: Decodable {
        struct Input: Decodable { let utxoEntry: UtxoEntry?; let utxo: UtxoEntry? }
        let inputs: [Input]
    }
}
