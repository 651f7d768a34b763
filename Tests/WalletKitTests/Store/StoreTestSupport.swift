import Foundation
import Testing
@testable import WalletKit

/// A private temporary folder for a real wallet file, removed when the test ends.
final class TempDir: @unchecked Sendable {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kasfleet-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    var wallet: URL { WalletStore.databaseURL(directory: url.appendingPathComponent("w")) }
    deinit { try? FileManager.default.removeItem(at: url) }
}

enum StoreFixtures {
    static let password = SecretBytes(Array("correct horse".utf8))
    static let phrase = "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry"
    static var mnemonic: Mnemonic { try! Mnemonic(phrase: phrase) }

    /// A real file wallet with cheap KDF parameters.
    static func fileWallet(_ dir: TempDir, network: Network = .mainnet, source: WalletSource? = nil,
                           clock: @escaping @Sendable () -> Date = Date.init) throws -> WalletStore {
        try WalletStore.create(at: dir.wallet, network: network, password: password, source: source ?? .mnemonic(mnemonic, passphrase: nil),
                               kdf: .insecureForTests, clock: clock)
    }

    /// An in-memory wallet with a mnemonic key.
    static func memoryWallet(network: Network = .mainnet, clock: @escaping @Sendable () -> Date = Date.init) throws -> (WalletStore, UnlockedKeys) {
        let store = try WalletStore.inMemory(network: network, clock: clock)
        let (vault, key) = try Vault.create(password: password, parameters: .insecureForTests, version: 1, now: 0)
        let keys = UnlockedKeys(dataKey: key)
        try store.write { db in
            try vault.insert(db)
            _ = try store.importSource(db, .mnemonic(mnemonic, passphrase: nil), keys: keys)
        }
        return (store, keys)
    }

    static func publicKey(_ i: UInt32) -> PublicKey {
        var seed = [UInt8](repeating: 0, count: 32)
        seed[31] = UInt8(i & 0xff) &+ 1
        seed[30] = UInt8(i >> 8)
        return (try? PrivateKey(bytes: seed).publicKey)!
    }

    static func outpoint(_ n: UInt64, _ index: UInt32 = 0) -> Outpoint {
        Outpoint(transactionId: Hash32(storage: (n, 0, 0, 0)), index: index)
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Int64
    init(_ start: Int64 = 1_700_000_000) { seconds = start }
    var now: Int64 { lock.withLock { seconds } }
    func advance(_ s: Int64) { lock.withLock { seconds += s } }
    var date: @Sendable () -> Date { { [self] in Date(timeIntervalSince1970: TimeInterval(now)) } }
}
