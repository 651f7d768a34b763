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
        for (i, e) in entries.enumerated() {
            do throws(ProtowireConversionError) {
                guard e.hasOutpoint else { throw .init("", "outpoint is missing") }
                guard e.hasUtxoEntry else { throw .init("", "utxoEntry is missing") }
                out.append(AddressUtxo(address: try address(e.address), outpoint: try Outpoint(protowire: e.outpoint, field: ".outpoint"),
                                       entry: try UtxoEntry(protowire: e.utxoEntry, field: ".utxoEntry")))
            } catch {
                throw .init("\(field)[\(i)]" + error.field, error.problem)
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
