import Foundation
import GRDB

/// The single `vault` row: the data key sealed under the password, with the Argon2id salt and parameters.
struct VaultRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "vault"
    var id: Int64 = 1
    var kdf: String
    var salt: Data
    var memoryKiB: Int64
    var iterations: Int64
    var parallelism: Int64
    var wrappedKey: Data
    /// Incremented by every password change (the data key is replaced each time).
    var keyVersion: Int64
    var changedAt: Int64

    var parameters: KdfParameters {
        KdfParameters(memoryKiB: UInt32(clamping: memoryKiB), iterations: UInt32(clamping: iterations), parallelism: UInt32(clamping: parallelism))
    }
}
