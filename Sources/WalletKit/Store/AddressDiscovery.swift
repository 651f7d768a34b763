import Foundation
import GRDB

/// Address discovery as rusty-kaspa scans (`wallet/core/src/utxo/scan.rs`, `ScanExtent::EmptyWindow`,
/// `DEFAULT_WINDOW_SIZE = 8`): the first window covers 0 up to max(last index + 1, window); then windows of
/// `window` addresses follow; a window with a used address raises the last index; an empty window ends the
/// scan once the cursor is past last index + window. There is no BIP44 gap of 20.
public enum AddressDiscovery {
    public static let defaultWindow: UInt32 = 8

    /// The windows scanned and the resulting last used index. `used` answers which indexes of a range hold
    /// funds or history (the sync engine asks the node, `GetUtxosByAddresses`).
    public static func scan(lastIndex start: UInt32, window: UInt32 = defaultWindow,
                            used: (Range<UInt32>) throws -> Set<UInt32>) rethrows -> (lastIndex: UInt32, scanned: [Range<UInt32>]) {
        var cursor: UInt32 = 0
        var last = start
        var scanned: [Range<UInt32>] = []
        while true {
            let first = cursor
            let end = cursor == 0 ? max(last + 1, window) : cursor + window
            cursor = end
            let range = first..<end
            scanned.append(range)
            let hits = try used(range)
            if let highest = hits.filter({ range.contains($0) }).max() {
                last = max(last, highest)
            } else if cursor > last + window {
                break
            }
        }
        return (last, scanned)
    }
}

extension WalletStore {
    /// Scans both chains of an account with `used(addresses) -> the used ones`, stores every scanned address
    /// (so it stays watched) and raises the account's indexes to the last used ones. Returns (receive, change).
    @discardableResult
    public func discover(account name: String, window: UInt32 = AddressDiscovery.defaultWindow, keys: UnlockedKeys? = nil,
                         used: ([String]) throws -> Set<String>) throws -> (receive: UInt32, change: UInt32) {
        var account = try self.account(named: name)
        guard account.kind != .keypair else { return (0, 0) }
        var result: [AddressChain: UInt32] = [:]
        for chain in AddressChain.allCases {
            let start = UInt32(clamping: chain == .receive ? account.receiveIndex : account.changeIndex)
            let outcome = try AddressDiscovery.scan(lastIndex: start, window: window) { range in
                let addresses = try write { db -> [String] in
                    let deriver = try deriver(db, for: account, keys: keys)
                    try ensureAddresses(db, account: account, deriver: deriver, chain: chain, through: range.upperBound - 1)
                    return try String.fetchAll(db, sql: "SELECT address FROM address WHERE accountId = ? AND chain = ? AND idx >= ? AND idx < ? ORDER BY idx",
                                               arguments: [account.id, chain.rawValue, range.lowerBound, range.upperBound])
                }
                let hits = try used(addresses)
                return Set(addresses.enumerated().filter { hits.contains($0.element) }.map { range.lowerBound + UInt32($0.offset) })
            }
            result[chain] = outcome.lastIndex
        }
        try write { db in
            guard var current = try AccountRecord.fetchOne(db, key: account.id) else { return }
            current.receiveIndex = max(current.receiveIndex, Int64(result[.receive] ?? 0))
            current.changeIndex = max(current.changeIndex, Int64(result[.change] ?? 0))
            try current.update(db)
            account = current
        }
        return (result[.receive] ?? 0, result[.change] ?? 0)
    }
}
