import GRDB
import Synchronization

/// Who holds an address of the wallet: its row id (what UTXO rows point to) and its account or machine.
struct AddressOwner: Sendable {
    var addressId: Int64
    var accountId: Int64?
    var machineId: Int64?
}

/// Every address of the wallet with its owner, in memory, for the sync write path: a batch names thousands of
/// addresses, and reading their owners from the address table (`IN (...)` queries) was a fifth of its cost.
///
/// Exact without re-reading: address rows are only ever appended (nothing updates or deletes them) and their
/// ids only grow (AUTOINCREMENT), so the rows added since the last look are all that can be new. Those are
/// read inside the caller's transaction, used for it, and kept only once it commits (a rollback could hand
/// their ids to other addresses). Code that ever deletes or renumbers addresses must reset this directory: the
/// trigger that takes their UTXOs along does not reach it.
final class AddressDirectory: Sendable {
    /// Owners by address text, and by address row id (for updates that carry it).
    private struct Owners: Sendable {
        var byText: [String: AddressOwner] = [:]
        var byId: [Int64: AddressOwner] = [:]

        subscript(_ u: UtxoUpdate) -> AddressOwner? {
            if let id = u.addressId { byId[id] } else { byText[u.address] }
        }

        mutating func add(_ text: String, _ owner: AddressOwner) {
            byText[text] = owner
            byId[owner.addressId] = owner
        }

        mutating func merge(_ other: Owners) {
            byText.merge(other.byText, uniquingKeysWith: { _, last in last })
            byId.merge(other.byId, uniquingKeysWith: { _, last in last })
        }
    }

    private struct Known: Sendable {
        var owners = Owners()
        var lastId: Int64 = 0
    }

    private let known = Mutex(Known())

    /// Calls `body` with the owner of each update's address as the address table holds it in `db`'s transaction:
    /// by `addressId` when the update has one (an id read from this table with the text), by the text otherwise.
    func withOwners<T>(_ db: Database, _ body: ((UtxoUpdate) -> AddressOwner?) throws -> T) throws -> T {
        let (snapshot, lastId) = known.withLock { ($0.owners, $0.lastId) }
        var added = Owners()
        var newest = lastId
        let rows = try Row.fetchCursor(db, sql: "SELECT id, address, accountId, machineId FROM address WHERE id > ? ORDER BY id", arguments: [lastId])
        while let r = try rows.next() {
            newest = r[0]
            added.add(r[1], AddressOwner(addressId: r[0], accountId: r[2], machineId: r[3]))
        }
        guard newest > lastId else { return try body { snapshot[$0] } }
        db.afterNextTransaction(onCommit: { [self, added, newest] _ in
            self.known.withLock { k in
                // Another transaction may have moved the directory on already; rows are the same either way.
                guard k.lastId < newest else { return }
                k.owners.merge(added)
                k.lastId = newest
            }
        })
        return try body { snapshot[$0] ?? added[$0] }
    }
}
