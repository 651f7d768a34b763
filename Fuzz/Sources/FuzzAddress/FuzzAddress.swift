import FuzzSupport
import WalletKit

/// Address decoding never crashes, and whatever decodes re-encodes to the same text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAddress(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    if let address = try? Address(text) {
        precondition(address.string == text, "decoded address does not re-encode to its input")
        precondition((try? Address(address.string)) == address)
    }
    return 0
}

@_cdecl("FuzzAddress_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzAddress)
}
