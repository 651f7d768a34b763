import Foundation
import GRDB

/// A watched address: one of an account's derived addresses, or a machine's external-key address.
public struct AddressRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "address"
    public var id: Int64?
    public var address: String
    public var accountId: Int64?
    public var machineId: Int64?
    /// 0 receive, 1 change (`AddressChain`).
    public var chain: Int64
    public var idx: Int64
    public var createdAt: Int64

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
