import Foundation
import GRDB

/// The single `walletMeta` row: which network the file is for and which format wrote it.
public struct WalletMetaRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "walletMeta"
    /// Bumped only for changes a migration cannot express; older files keep working.
    public static let currentFormat: Int64 = 1
    public var id: Int64 = 1
    public var formatVersion: Int64
    public var network: String
    public var createdAt: Int64
    public var createdBy: String
}
