import GRDB

/// Who holds an address of the wallet: its row id (what UTXO rows point to) and its account or machine.
struct AddressOwner {
    var addressId: Int64
    var accountId: Int64?
    var machineId: Int64?

    /// The owners of these addresses, read in a few `IN (...)` queries (a sync batch names thousands of
    /// addresses; one query each cost more than the UTXO inserts). Addresses the wallet does not hold are absent.
    static func of(_ addresses: Set<String>, _ db: Database) throws -> [String: AddressOwner] {
        var owners: [String: AddressOwner] = [:]
        owners.reserveCapacity(addresses.count)
        let all = Array(addresses)
        for start in stride(from: 0, to: all.count, by: 500) {
            let slice = all[start..<min(start + 500, all.count)]
            let rows = try SQLRequest<Row>("SELECT address, id, accountId, machineId FROM address WHERE address IN \(slice)").fetchCursor(db)
            while let r = try rows.next() {
                owners[r[0]] = AddressOwner(addressId: r[1], accountId: r[2], machineId: r[3])
            }
        }
        return owners
    }
}
