import FuzzSupport
import WalletKit

/// Amount parsing never crashes; whatever parses formats back to a value that parses to the same sompi.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAmount(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    if let sompi = try? KasAmount.parse(text) {
        precondition(sompi <= Sompi.maxSupply, "parsed above the maximum supply: \(text)")
        precondition((try? KasAmount.parse(KasAmount.format(sompi))) == sompi, "format/parse round trip failed for \(text)")
    }
    return 0
}

@_cdecl("FuzzAmount_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzAmount)
}
