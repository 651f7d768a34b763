import FuzzSupport
import WalletKit

/// PSKT/PSKB reading never crashes, and whatever reads writes back to text that reads to the same value (and
/// writes identically again). The bytes are tried as a "PSKT…"/"PSKB…" string, and as the JSON inside one.
/// Whatever parses is also summarised, combined with itself, signed, finalized and extracted, which may fail
/// but must not crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPskt(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let raw = Array(bytes(data, size))
    let text = String(decoding: raw, as: UTF8.self)

    if let (bundle, _) = try? PSKB.parseAny(text) { check(bundle) }
    if let json = try? PSKTJSONParser.parse(raw) {
        let again = try? PSKTJSONParser.parse(json.text)
        precondition(again == json, "JSON does not re-read to the same value")
        if let bundle = try? PSKB(json: json) { check(bundle) }
        if let pskt = try? PSKT(json: json, path: "PSKT") { check(PSKB([pskt])) }
    }
    // The same bytes as the hex payload of both envelopes.
    let hex = raw.hex
    if let bundle = try? PSKB(serialized: "PSKB" + hex) { check(bundle) }
    if let pskt = try? PSKT(serialized: "PSKT" + hex) {
        let written = pskt.serialized
        let back = try? PSKT(serialized: written)
        precondition(back == pskt, "a PSKT does not re-read to the same value")
        precondition(back?.serialized == written, "a PSKT does not write identically twice")
    }
    return 0
}

private let key = try? PrivateKey(hex: "1d99c236b1f37b3b845336e6c568ba37e9ced4769d83b7a096eec446b940d160")

private func check(_ bundle: PSKB) {
    let written = bundle.serialized
    let back = try? PSKB(serialized: written)
    precondition(back == bundle, "a PSKB does not re-read to the same value")
    precondition(back?.serialized == written, "a PSKB does not write identically twice")
    _ = PSKBSummary(bundle, network: .testnet10).json.text
    for pskt in bundle.pskts.prefix(4) {
        _ = try? pskt.combined(with: pskt)
        var signed = pskt
        if let key { _ = try? signed.sign(keys: [key], auxRandom: [UInt8](repeating: 0, count: 32)) }
        if let finalized = try? signed.finalized() { _ = try? finalized.extractTransaction() }
        _ = try? pskt.extractTransaction()
    }
}

@_cdecl("FuzzPskt_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzPskt)
}
