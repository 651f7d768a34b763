import WalletKit

/// The devnet's UTXO set with its UTXO index by script public key (kaspad `--utxoindex`,
/// rusty-kaspa `indexes/utxoindex`). A value type: the `DevnetNode` actor owns it and changes it together with the
/// mempool, so that validation and block acceptance always see one consistent state.
public struct UtxoSet: Sendable {
    public private(set) var entries: [Outpoint: UtxoEntry] = [:]
    private var byScript: [ScriptPublicKey: Set<Outpoint>] = [:]

    public init() {}

    public var count: Int { entries.count }

    /// Room for `utxos` entries locked by up to `scripts` scripts without growing: the set and its index rehash
    /// everything each time they double, which a node that goes from empty to a hundred thousand UTXOs in a
    /// second (`bench sync`) pays for again and again.
    public mutating func reserveCapacity(utxos: Int, scripts: Int) {
        entries.reserveCapacity(utxos)
        byScript.reserveCapacity(scripts)
    }

    public subscript(outpoint: Outpoint) -> UtxoEntry? { entries[outpoint] }

    public mutating func add(_ outpoint: Outpoint, _ entry: UtxoEntry) {
        entries[outpoint] = entry
        byScript[entry.scriptPublicKey, default: []].insert(outpoint)
    }

    @discardableResult
    public mutating func remove(_ outpoint: Outpoint) -> UtxoEntry? {
        guard let entry = entries.removeValue(forKey: outpoint) else { return nil }
        if var set = byScript[entry.scriptPublicKey] {
            set.remove(outpoint)
            byScript[entry.scriptPublicKey] = set.isEmpty ? nil : set
        }
        return entry
    }

    /// The UTXOs locked by a script, in outpoint order.
    public func utxos(of script: ScriptPublicKey) -> [(Outpoint, UtxoEntry)] {
        guard let set = byScript[script] else { return [] }
        return set.sorted().compactMap { o in entries[o].map { (o, $0) } }
    }

    public func balance(of script: ScriptPublicKey) -> Sompi {
        guard let set = byScript[script] else { return .zero }
        return Sompi(set.reduce(UInt64(0)) { $0 &+ (entries[$1]?.amount.rawValue ?? 0) })
    }

    /// The sum of every UTXO (the circulating supply of this devnet).
    public var total: Sompi { Sompi(entries.values.reduce(UInt64(0)) { $0 &+ $1.amount.rawValue }) }
}

/// What a block (or a funding) did to the UTXO set: entries created and entries spent. An output created and
/// spent within the same block appears in neither list.
public struct UtxoDiff: Sendable {
    public var added: [(Outpoint, UtxoEntry)] = []
    public var removed: [(Outpoint, UtxoEntry)] = []

    public init(added: [(Outpoint, UtxoEntry)] = [], removed: [(Outpoint, UtxoEntry)] = []) {
        self.added = added
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }

    /// The diff that undoes this one.
    public var reversed: UtxoDiff { UtxoDiff(added: removed, removed: added) }
}

extension UtxoSet {
    /// Applies a diff.
    public mutating func apply(_ diff: UtxoDiff) {
        for (o, _) in diff.removed { remove(o) }
        for (o, e) in diff.added { add(o, e) }
    }
}

extension UtxoDiff {
    /// This diff followed by `next`, as one net change: an outpoint added then removed (or removed then re-added
    /// with the same entry) cancels out.
    public func then(_ next: UtxoDiff) -> UtxoDiff {
        var added = added, removed = removed
        var addedAt = Dictionary(added.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { a, _ in a })
        var removedAt = Dictionary(removed.enumerated().map { ($1.0, $0) }, uniquingKeysWith: { a, _ in a })
        var dropAdded = Set<Int>(), dropRemoved = Set<Int>()
        for (o, e) in next.removed {
            if let i = addedAt.removeValue(forKey: o) { dropAdded.insert(i) } else { removedAt[o] = removed.count; removed.append((o, e)) }
        }
        for (o, e) in next.added {
            if let i = removedAt[o], removed[i].1 == e, !dropRemoved.contains(i) {
                dropRemoved.insert(i)
                removedAt[o] = nil
            } else {
                addedAt[o] = added.count
                added.append((o, e))
            }
        }
        return UtxoDiff(added: added.enumerated().filter { !dropAdded.contains($0.offset) }.map(\.element),
                        removed: removed.enumerated().filter { !dropRemoved.contains($0.offset) }.map(\.element))
    }
}
