import Foundation
import GRDB

/// One sealed secret (`StoredSecret`): ciphertext = nonce(24) || ciphertext || tag(16) under the data key.
struct KeyMaterialRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "keyMaterial"
    var id: Int64?
    var kind: String
    var ciphertext: Data
    /// Public: the master key fingerprint or x-only key, to recognise a re-import of the same key.
    var fingerprint: String
    var createdAt: Int64

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
