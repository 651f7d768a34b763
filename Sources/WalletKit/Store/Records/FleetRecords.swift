import Foundation
import GRDB

public struct MachineGroupRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "machineGroup"
    public var id: Int64?
    public var name: String
    public var createdAt: Int64
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct MachineRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "machine"
    public var id: Int64?
    public var name: String
    public var kind: String
    public var groupId: Int64?
    /// JSON array of strings.
    public var tags: String
    public var status: MachineStatus
    public var keySource: MachineKeySource
    public var accountId: Int64?
    /// The external public key (hex) when `keySource` is `public-key`, or the kpub when `kpub`.
    public var publicKey: String?
    /// The machine's receive address (receive index 0 of its account, or its external key's address).
    public var address: String
    public var createdAt: Int64
    public var updatedAt: Int64

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public var tagList: [String] { (try? JSONDecoder().decode([String].self, from: Data(tags.utf8))) ?? [] }
}

public struct BudgetRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "budget"
    public var id: Int64?
    public var machineId: Int64?
    public var groupId: Int64?
    public var perTransactionLimit: Int64?
    public var hourlyLimit: Int64?
    public var dailyLimit: Int64?
    /// JSON array of addresses, or nil for any.
    public var allowedDestinations: String?
    /// JSON array of machine names, or nil for any.
    public var allowedMachines: String?
    public var updatedAt: Int64
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct SpendLedgerRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "spendLedger"
    public var id: Int64?
    public var machineId: Int64
    /// The machine's group when it spent (group budgets and totals count spends where they happened).
    public var groupId: Int64?
    public var amount: Int64
    public var destination: String
    public var transactionId: Data?
    public var at: Int64
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct AuditEventRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "auditEvent"
    public var seq: Int64
    public var at: Int64
    public var kind: String
    public var subject: String
    /// JSON object text with the event's facts (never a secret).
    public var details: String
    public var previousHash: Data
    public var hash: Data
}
