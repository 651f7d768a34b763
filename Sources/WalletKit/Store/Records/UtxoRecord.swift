import Foundation
import GRDB

/// Where a UTXO stands for spending (protocol.md §9, rusty-kaspa `wallet/core/src/utxo/reference.rs`).
public enum UtxoState: String, Codable, Sendable, CaseIterable {
    /// A young coinbase output, hidden from balances.
    case stasis
    /// Not yet mature (user outputs: blockDaaScore + 100 > virtual DAA on mainnet/testnet).
    case pending
    case mature
    /// Spent by a transaction of ours that is in the mempool, not yet accepted.
    case spentInMempool = "spent-in-mempool"
}

/// A row of the `utxo` table with its address text. The table keeps only the address row's id: fetch through
/// `withAddress()`, or SQL that selects `UtxoRecord.columns` from `utxo u JOIN address a ON a.id = u.addressId`.
/// Rows are written by SQL only (`UtxoUpsert`, the state and spend marks), so the type is not persistable.
public struct UtxoRecord: Codable, FetchableRecord, TableRecord, Sendable {
    public static let databaseTableName = "utxo"
    public var transactionId: Data
    public var outputIndex: Int64
    /// The `address` row this UTXO pays.
    public var addressId: Int64
    /// That row's text (for display and signing), read through the join.
    public var address: String
    public var accountId: Int64?
    public var machineId: Int64?
    public var amount: Int64
    public var scriptVersion: Int64
    public var script: Data
    public var blockDaaScore: Int64
    public var isCoinbase: Bool
    public var covenantId: Data?
    public var state: UtxoState
    public var spendingTransactionId: Data?
    public var updatedAt: Int64

    public var outpoint: Outpoint {
        Outpoint(transactionId: Hash32(transactionId) ?? .zero, index: UInt32(clamping: outputIndex))
    }

    public var entry: UtxoEntry {
        UtxoEntry(amount: Sompi(UInt64(clamping: amount)), scriptPublicKey: ScriptPublicKey(version: UInt16(clamping: scriptVersion), script: Array(script)),
                  blockDaaScore: UInt64(clamping: blockDaaScore), isCoinbase: isCoinbase, covenantId: covenantId.flatMap { Hash32($0) })
    }
}

extension UtxoRecord {
    static let addressRow = belongsTo(AddressRecord.self, using: ForeignKey(["addressId"]))

    /// The UTXO rows with their address text.
    static func withAddress() -> QueryInterfaceRequest<UtxoRecord> {
        all().annotated(withRequired: addressRow.select(Column("address")))
    }

    /// A SQL select list for a UTXO record from the table under alias `u` and the address table under `a`
    /// (joined on `a.id = u.addressId`).
    static let columns = "u.*, a.address AS address"
}

/// A UTXO held for a transaction being built, until it is broadcast, released, or the reservation expires.
public struct UtxoReservationRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "utxoReservation"
    public var transactionId: Data
    public var outputIndex: Int64
    public var reservationId: String
    public var createdAt: Int64
    public var expiresAt: Int64
}
