import Foundation
import GRDB

/// One wallet transaction as the history shows it.
public struct HistoryRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public enum Direction: String, Codable, Sendable { case incoming, outgoing, `self` }
    public enum State: String, Codable, Sendable { case pending, accepted, rejected }

    public static let databaseTableName = "history"
    public var transactionId: Data
    public var accountId: Int64?
    public var machineId: Int64?
    public var direction: Direction
    /// Net value moved, in sompi (always >= 0; `direction` says which way).
    public var amount: Int64
    public var fee: Int64?
    public var blockDaaScore: Int64?
    public var state: State
    public var counterparty: String?
    public var note: String?
    public var createdAt: Int64
    public var updatedAt: Int64

    public init(transactionId: TransactionID, accountId: Int64? = nil, machineId: Int64? = nil, direction: Direction, amount: Sompi,
                fee: Sompi? = nil, blockDaaScore: UInt64? = nil, state: State = .pending, counterparty: String? = nil, note: String? = nil,
                at: Int64) {
        self.transactionId = Data(transactionId.bytes)
        self.accountId = accountId
        self.machineId = machineId
        self.direction = direction
        self.amount = Int64(clamping: amount.rawValue)
        self.fee = fee.map { Int64(clamping: $0.rawValue) }
        self.blockDaaScore = blockDaaScore.map { Int64(clamping: $0) }
        self.state = state
        self.counterparty = counterparty
        self.note = note
        self.createdAt = at
        self.updatedAt = at
    }
}
