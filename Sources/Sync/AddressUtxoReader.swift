import WalletKit

/// Reads the UTXO entries of notifications and snapshots, the client's hottest conversion (one per UTXO change).
/// Two costs of the general conversion are avoided: an address already seen is not decoded again (a wallet's
/// addresses come back in every notification), and an error's field path ("added[12].outpoint...") is built
/// only when there is an error.
struct AddressUtxoReader {
    private var addresses: [String: Address] = [:]
    /// Beyond this many distinct addresses the cache stops growing (a wallet watches far fewer).
    static let capacity = 1_000_000

    mutating func read(_ entries: [Protowire_RpcUtxosByAddressesEntry], field: String) throws(ProtowireConversionError) -> [AddressUtxo] {
        var out: [AddressUtxo] = []
        out.reserveCapacity(entries.count)
        // Read in place: copying each generated message (its strings retained one by one) cost as much as
        // converting it.
        try entries.withUnsafeBufferPointer { (entries) throws(ProtowireConversionError) in
            for i in entries.indices {
                do throws(ProtowireConversionError) {
                    guard entries[i].hasOutpoint else { throw .init("", "outpoint is missing") }
                    guard entries[i].hasUtxoEntry else { throw .init("", "utxoEntry is missing") }
                    out.append(AddressUtxo(address: try address(entries[i].address),
                                           outpoint: try Outpoint(protowire: entries[i].outpoint, field: ".outpoint"),
                                           entry: try UtxoEntry(protowire: entries[i].utxoEntry, field: ".utxoEntry")))
                } catch {
                    throw .init("\(field)[\(i)]" + error.field, error.problem)
                }
            }
        }
        return out
    }

    private mutating func address(_ text: String) throws(ProtowireConversionError) -> Address? {
        guard !text.isEmpty else { return nil }
        if let known = addresses[text] { return known }
        let address = try decodeAddress(text, field: ".address")
        if addresses.count < Self.capacity { addresses[text] = address }
        return address
    }
}
