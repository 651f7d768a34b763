import Foundation
import GRDB

/// The kinds of account (product.md §2; rusty-kaspa account kinds in comments).
public enum AccountKind: String, Codable, Sendable, CaseIterable {
    /// `kaspa-bip32-standard`: m/44'/111111'/<index>' from a stored key.
    case bip32
    /// `kaspa-multisig-standard`: m-of-n P2SH over cosigner keys at m/45'/111111'/0'.
    case multisig
    /// `kaspa-bip32-watch-standard`: an account kpub without private keys.
    case watch
    /// `kaspa-legacy-standard`: KDX gen0 (hardened chain and index, so addresses need the key).
    case legacy
    /// `kaspa-keypair-standard`: one imported private key, one address.
    case keypair
}

public struct AccountRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "account"
    public var id: Int64?
    public var name: String
    public var kind: AccountKind
    /// JSON array of `keyMaterial` ids this account signs with (empty for watch-only).
    public var keyIds: String
    public var accountIndex: Int64
    /// JSON array: bip32/watch: [account kpub]; multisig: cosigner keys in redeem-script order; keypair: [compressed hex].
    public var publicKeys: String
    public var requiredSignatures: Int64
    public var cosignerIndex: Int64
    public var ecdsa: Bool
    /// The highest address index handed out (or found used) on each chain.
    public var receiveIndex: Int64
    public var changeIndex: Int64
    public var machineId: Int64?
    public var createdAt: Int64

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var keyIdList: [Int64] { (try? JSONDecoder().decode([Int64].self, from: Data(keyIds.utf8))) ?? [] }
    public var publicKeyList: [String] { (try? JSONDecoder().decode([String].self, from: Data(publicKeys.utf8))) ?? [] }
    public var isWatchOnly: Bool { keyIdList.isEmpty }
}

func jsonText<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
}
