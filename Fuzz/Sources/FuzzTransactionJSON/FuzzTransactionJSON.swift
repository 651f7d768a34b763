import Foundation
import FuzzSupport
import WalletKit

/// Transaction JSON decoding never crashes; a decoded transaction re-encodes and decodes to the same value,
/// and every hash and mass function accepts it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransactionJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Data(bytes(data, size))
    guard let doc = try? TransactionDocument.decode(input) else { return 0 }
    let tx = doc.tx
    _ = tx.id
    _ = tx.hash
    _ = ComputeMass.compute(tx)
    _ = ComputeMass.transient(tx)
    _ = Fees.minimumFee(for: tx)
    if let p = doc.populated {
        _ = StorageMass.compute(p)
        let reused = SigHashReusedValues()
        for i in p.tx.inputs.indices { _ = p.schnorrSigHash(inputIndex: i, reused: reused) }
    }
    guard let encoded = try? tx.jsonData() else { preconditionFailure("a decoded transaction must encode") }
    guard let again = try? Transaction.fromJSON(encoded) else { preconditionFailure("an encoded transaction must decode") }
    precondition(again == tx, "JSON round trip changed the transaction")
    return 0
}

@_cdecl("FuzzTransactionJSON_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzTransactionJSON)
}
