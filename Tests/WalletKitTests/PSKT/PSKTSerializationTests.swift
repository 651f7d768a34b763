import Foundation
import Testing
@testable import WalletKit

/// The PSKT/PSKB string and JSON forms against rusty-kaspa's format.
@Suite struct PSKTSerializationTests {
    typealias S = PSKTTestSupport

    /// A PSKB string written by rusty-kaspa: the `_test_deser` vector of `wallet/pskt/src/wasm/bundle.rs` as
    /// committed in 1adeae8e5 (May 2025), before payloads and Toccata's covenant fields existed.
    static let rustyBundle2025 = "PSKB5b7b22676c6f62616c223a7b2276657273696f6e223a302c22747856657273696f6e223a302c2266616c6c6261636b4c6f636b54696d65223a6e756c6c2c22696e707574734d6f6469666961626c65223a66616c73652c226f7574707574734d6f6469666961626c65223a66616c73652c22696e707574436f756e74223a302c226f7574707574436f756e74223a302c227870756273223a7b7d2c226964223a6e756c6c2c2270726f70726965746172696573223a7b7d7d2c22696e70757473223a5b7b227574786f456e747279223a7b22616d6f756e74223a3436383932383838372c227363726970745075626c69634b6579223a22303030303230326438613134313465363265303831666236626366363434653634386331383036316332383535353735636163373232663836333234636164393164643066616163222c22626c6f636b44616153636f7265223a38343938313138362c226973436f696e62617365223a66616c73657d2c2270726576696f75734f7574706f696e74223a7b227472616e73616374696f6e4964223a2236393135356430653333383065383831366466666532363731323934616431303466306233373736663335626365316132326630633231623166393038353030222c22696e646578223a307d2c2273657175656e6365223a6e756c6c2c226d696e54696d65223a6e756c6c2c227061727469616c53696773223a7b7d2c227369676861736854797065223a312c2272656465656d536372697074223a6e756c6c2c227369674f70436f756e74223a312c22626970333244657269766174696f6e73223a7b7d2c2266696e616c536372697074536967223a6e756c6c2c2270726f70726965746172696573223a7b7d7d5d2c226f757470757473223a5b7b22616d6f756e74223a313530303030303030302c227363726970745075626c69634b6579223a2230303030222c2272656465656d536372697074223a6e756c6c2c22626970333244657269766174696f6e73223a7b7d2c2270726f70726965746172696573223a7b7d7d5d7d5d"

    /// The same test's vector at HEAD (593399eb; last changed in b6c7dece7, Feb 2026, to add `"payload":""`).
    /// Its text still predates Toccata's `covenantId` and `covenant`.
    static let rustyBundleHead = "PSKB5b7b22676c6f62616c223a7b2276657273696f6e223a302c22747856657273696f6e223a302c2266616c6c6261636b4c6f636b54696d65223a6e756c6c2c22696e707574734d6f6469666961626c65223a66616c73652c226f7574707574734d6f6469666961626c65223a66616c73652c22696e707574436f756e74223a302c226f7574707574436f756e74223a302c227870756273223a7b7d2c226964223a6e756c6c2c2270726f70726965746172696573223a7b7d2c227061796c6f6164223a22227d2c22696e70757473223a5b7b227574786f456e747279223a7b22616d6f756e74223a3436383932383838372c227363726970745075626c69634b6579223a22303030303230326438613134313465363265303831666236626366363434653634386331383036316332383535353735636163373232663836333234636164393164643066616163222c22626c6f636b44616153636f7265223a38343938313138362c226973436f696e62617365223a66616c73657d2c2270726576696f75734f7574706f696e74223a7b227472616e73616374696f6e4964223a2236393135356430653333383065383831366466666532363731323934616431303466306233373736663335626365316132326630633231623166393038353030222c22696e646578223a307d2c2273657175656e6365223a6e756c6c2c226d696e54696d65223a6e756c6c2c227061727469616c53696773223a7b7d2c227369676861736854797065223a312c2272656465656d536372697074223a6e756c6c2c227369674f70436f756e74223a312c22626970333244657269766174696f6e73223a7b7d2c2266696e616c536372697074536967223a6e756c6c2c2270726f70726965746172696573223a7b7d7d5d2c226f757470757473223a5b7b22616d6f756e74223a313530303030303030302c227363726970745075626c69634b6579223a2230303030222c2272656465656d536372697074223a6e756c6c2c22626970333244657269766174696f6e73223a7b7d2c2270726f70726965746172696573223a7b7d7d5d7d5d"

    static func json(_ pskb: String) -> String {
        String(decoding: (try? Hex.decode(String(pskb.dropFirst(4)))) ?? [], as: UTF8.self)
    }

    static var rustyWasmJSON: String { json(rustyBundle2025) }

    @Test func rustyBundleStringParses() throws {
        let bundle = try PSKB(serialized: Self.rustyBundle2025)
        let pskt = try #require(bundle.pskts.first)
        #expect(bundle.pskts.count == 1)
        #expect(pskt.global.version == .zero && pskt.global.txVersion == 0 && pskt.global.fallbackLockTime == nil)
        #expect(pskt.global.payload == nil && pskt.global.id == nil && pskt.global.inputCount == 0)
        let input = try #require(pskt.inputs.first)
        #expect(input.utxoEntry?.amount == 468_928_887)
        #expect(input.utxoEntry?.scriptPublicKey.rpcHex == "0000202d8a1414e62e081fb6bcf644e648c18061c2855575cac722f86324cad91dd0faac")
        #expect(input.utxoEntry?.blockDaaScore == 84_981_186 && input.utxoEntry?.covenantId == nil)
        #expect(input.previousOutpoint == Outpoint(transactionId: try Hash32(hex: "69155d0e3380e8816dffe2671294ad104f0b3776f35bce1a22f0c21b1f908500"), index: 0))
        #expect(input.sequence == nil && input.minTime == nil && input.partialSigs.isEmpty && input.sighashType == .all)
        #expect(input.redeemScript == nil && input.sigOpCount == 1 && input.finalScriptSig == nil && input.unknowns.isEmpty)
        #expect(pskt.outputs.first?.amount == 1_500_000_000 && pskt.outputs.first?.scriptPublicKey == ScriptPublicKey(script: []))
        #expect(pskt.outputs.first?.covenant == nil && pskt.outputs.first?.unknowns == [:])
    }

    /// Written back, the bundle is byte for byte what HEAD rusty-kaspa writes for it: the old text plus the
    /// fields added since (`Global.payload`, `UtxoEntry.covenantId`, `Output.covenant`), null, in their serde
    /// positions.
    @Test func rustyBundleReserializesAsHeadRustyKaspaWould() throws {
        let expected = Self.rustyWasmJSON
            .replacingOccurrences(of: "\"proprietaries\":{}},\"inputs\"", with: "\"proprietaries\":{},\"payload\":null},\"inputs\"")
            .replacingOccurrences(of: "\"isCoinbase\":false}", with: "\"isCoinbase\":false,\"covenantId\":null}")
            .replacingOccurrences(of: "\"bip32Derivations\":{},\"proprietaries\":{}}]}]",
                                  with: "\"bip32Derivations\":{},\"covenant\":null,\"proprietaries\":{}}]}]")
        let bundle = try PSKB(serialized: Self.rustyBundle2025)
        #expect(bundle.json.text == expected)
        #expect(bundle.serialized == S.pskb(expected))
        #expect(try PSKB(serialized: bundle.serialized) == bundle)
        // The single-PSKT string form holds the same object.
        let single = try #require(bundle.pskts.first)
        #expect(single.serialized == "PSKT" + Hex.encode(Array(single.jsonText.utf8)))
        #expect(try PSKT(serialized: single.serialized) == single)
        #expect(try PSKB.parseAny(single.serialized).format == "PSKT")
    }

    @Test func rustyHeadVectorParsesAndReserializes() throws {
        let bundle = try PSKB(serialized: Self.rustyBundleHead)
        let pskt = try #require(bundle.pskts.first)
        #expect(pskt.global.payload == [] && pskt.global.version == .zero)
        #expect(pskt.inputs[0].unknowns.isEmpty && pskt.outputs[0].unknowns.isEmpty)
        let expected = Self.json(Self.rustyBundleHead)
            .replacingOccurrences(of: "\"isCoinbase\":false}", with: "\"isCoinbase\":false,\"covenantId\":null}")
            .replacingOccurrences(of: "\"bip32Derivations\":{},\"proprietaries\":{}}]}]",
                                  with: "\"bip32Derivations\":{},\"covenant\":null,\"proprietaries\":{}}]}]")
        #expect(bundle.json.text == expected)
        #expect(try PSKB(serialized: bundle.serialized) == bundle)
    }

    /// A PSKT using every field, against its JSON written out by hand from the serde declarations: field order,
    /// nulls, `BTreeMap` key order, flattened unknowns (after `proprietaries`, before `payload`), nested unknown
    /// objects with sorted keys, signatures as `{"schnorr": hex}`, key sources, covenant bindings.
    @Test func everyFieldHasRustyKaspasLayout() throws {
        let kp1 = S.kp1.publicKey
        var pskt = PSKT(version: .two, txVersion: 1, fallbackLockTime: 1000, inputsModifiable: true)
        pskt.global.proprietaries = ["kasfleet": try PSKTJSONParser.parse(#"{"b":1,"a":[true,null]}"#).normalized]
        pskt.global.unknowns = ["zeta": .double(1.5), "alpha": .string("x")]
        try pskt.setPayload([0xca, 0xfe])
        var input = PSKTInput(previousOutpoint: S.outpoint(0xaa, 3),
                              utxoEntry: UtxoEntry(amount: 5000, scriptPublicKey: .p2pk(kp1.xOnly), blockDaaScore: 7),
                              minTime: 5, computeBudget: 10)
        input.partialSigs[kp1] = .schnorr([UInt8](repeating: 0x11, count: 64))
        input.bip32Derivations[kp1] = PSKTKeySource(keyFingerprint: [1, 2, 3, 4], derivationPath: try PSKTKeySource.parsePath("m/44'/111111'/0'/0/5"))
        input.unknowns = ["extra": .string("x")]
        var output = PSKTOutput(amount: 4000, scriptPublicKey: S.destination,
                                covenant: CovenantBinding(authorizingInput: 0, covenantId: Hash32([UInt8](repeating: 0xbb, count: 32))!))
        output.unknowns = ["note": .string("hi")]
        try pskt.addOutput(output)
        try pskt.addInput(input)

        let k = kp1.description
        let expected = #"{"global":{"version":2,"txVersion":1,"fallbackLockTime":1000,"inputsModifiable":true,"outputsModifiable":false,"#
            + #""inputCount":1,"outputCount":1,"xpubs":{},"id":null,"proprietaries":{"kasfleet":{"a":[true,null],"b":1}},"alpha":"x","zeta":1.5,"#
            + #""payload":"cafe"},"inputs":[{"utxoEntry":{"amount":5000,"scriptPublicKey":"0000"# + ScriptPublicKey.p2pk(kp1.xOnly).script.hex
            + #"","blockDaaScore":7,"isCoinbase":false,"covenantId":null},"previousOutpoint":{"transactionId":""# + String(repeating: "aa", count: 32)
            + #"","index":3},"sequence":null,"minTime":5,"partialSigs":{""# + k + #"":{"schnorr":""# + String(repeating: "11", count: 64)
            + #""}},"sighashType":1,"redeemScript":null,"sigOpCount":null,"bip32Derivations":{""# + k
            + #"":{"keyFingerprint":"01020304","derivationPath":"m/44'/111111'/0'/0/5"}},"finalScriptSig":null,"proprietaries":{},"#
            + #""computeBudget":10,"extra":"x"}],"outputs":[{"amount":4000,"scriptPublicKey":"0000"# + S.destination.script.hex
            + #"","redeemScript":null,"bip32Derivations":{},"covenant":{"authorizingInput":0,"covenantId":""# + String(repeating: "bb", count: 32)
            + #""},"proprietaries":{},"note":"hi"}]}"#
        #expect(pskt.jsonText == expected)
        let back = try PSKT(jsonText: expected)
        #expect(back == pskt)
        #expect(back.inputs[0].computeBudget == 10)
        #expect(try PSKT(serialized: pskt.serialized) == pskt)
    }

    /// Unknown keys at every level survive a round trip, in rusty-kaspa's normalised form.
    @Test func unknownFieldsArePreserved() throws {
        let json = Self.json(Self.rustyBundleHead)
            .replacingOccurrences(of: #""payload":"""#, with: #""payload":"","zNew":{"y":[1,-2,3.25e-7,"\u0001é"],"x":null}"#)
            .replacingOccurrences(of: #""sigOpCount":1,"#, with: #""sigOpCount":1,"futureField":18446744073709551615,"#)
            .replacingOccurrences(of: #""scriptPublicKey":"0000","#, with: #""scriptPublicKey":"0000","memo":"hello","#)
            .replacingOccurrences(of: #"]}]"#, with: #"],"bundleNote":true}]"#)
        let bundle = try PSKB(serialized: S.pskb(json))
        let pskt = try #require(bundle.pskts.first)
        #expect(pskt.global.unknowns["zNew"] == .object([.init("x", .null), .init("y", .array([.unsigned(1), .signed(-2), .double(3.25e-7), .string("\u{1}é")]))]))
        #expect(pskt.inputs[0].unknowns == ["futureField": .unsigned(UInt64.max)])
        #expect(pskt.outputs[0].unknowns == ["memo": .string("hello")])
        #expect(pskt.unknowns == ["bundleNote": .bool(true)])
        let text = bundle.json.text
        #expect(text.contains(#""proprietaries":{},"zNew":{"x":null,"y":[1,-2,3.25e-7,"\u0001é"]},"payload":"""#))
        #expect(text.contains(#""proprietaries":{},"futureField":18446744073709551615}"#))
        #expect(text.contains(#""proprietaries":{},"memo":"hello"}"#))
        #expect(try PSKB(serialized: bundle.serialized) == bundle)
    }

    /// Signatures: Schnorr as 64-byte hex, ECDSA as DER hex (the secp256k1 crate's serde), compact inside.
    @Test func ecdsaSignaturesTravelAsDER() throws {
        let one = [UInt8](repeating: 0, count: 31) + [1]
        let small = PSKTSignature.ecdsa(one + one)
        #expect(small.json.text == #"{"eCDSA":"3006020101020101"}"#)
        let high = [0x80] + [UInt8](repeating: 0, count: 31)
        #expect(PSKTSignature.ecdsa(high + one).json.text == #"{"eCDSA":"302602210080"# + String(repeating: "00", count: 31) + #"020101"}"#)
        #expect(try PSKTSignature(json: small.json, path: "t") == small)
        // Compact hex is accepted when it is not DER, and written back as DER.
        let compact = try PSKTSignature(json: .object([.init("eCDSA", .string((one + one).hex))]), path: "t")
        #expect(compact == small)
        // A real signature by the signer round-trips.
        let sig = S.kp2.ecdsaSign(Hash32([UInt8](repeating: 7, count: 32))!)
        #expect(try PSKTSignature(json: PSKTSignature.ecdsa(sig).json, path: "t") == .ecdsa(sig))
        #expect(PSKTSignature.schnorr([UInt8](repeating: 0xab, count: 64)).json.text == #"{"schnorr":""# + String(repeating: "ab", count: 64) + #""}"#)
    }

    /// Keys of `partialSigs` are written in `secp256k1_ec_pubkey_cmp` order (compressed bytes) and read in
    /// either hex case or uncompressed.
    @Test func publicKeyMapsUseRustOrder() throws {
        let keys = [S.kp1, S.kp2, S.kp3].map(\.publicKey)
        var input = PSKTInput(previousOutpoint: S.outpoint(1))
        for k in keys { input.partialSigs[k] = .schnorr([UInt8](repeating: 1, count: 64)) }
        let text = input.json.text
        let positions = keys.sorted { $0.compressed.lexicographicallyPrecedes($1.compressed) }
            .map { text.range(of: $0.description)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions == positions.sorted { $0! < $1! })
        // Upper-case hex reads as the same key.
        let upper = text.replacingOccurrences(of: keys[0].description, with: keys[0].description.uppercased())
        #expect(try PSKTInput(json: PSKTJSONParser.parse(upper), path: "t") == input)
    }

    @Test func extendedPublicKeysAreCheckedAndOrdered() throws {
        // Two xpub strings built around real keys (version bytes of BIP32 xpub; the ordering ignores them).
        func xpub(_ key: PrivateKey, depth: UInt8) -> String {
            Base58.encodeCheck([0x04, 0x88, 0xb2, 0x1e, depth, 0, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 9, count: 32) + key.publicKey.compressed)
        }
        let source = PSKTKeySource(keyFingerprint: [0xde, 0xad, 0xbe, 0xef], derivationPath: try PSKTKeySource.parsePath("m/44'/111111'/0'"))
        let a = xpub(S.kp1, depth: 3), b = xpub(S.kp2, depth: 3)
        var pskt = PSKT()
        pskt.global.xpubs = [a: source, b: source]
        let text = pskt.jsonText
        // kp2's compressed key (03 07…) sorts before kp1's (03 fa…).
        let ia = try #require(text.range(of: a)), ib = try #require(text.range(of: b))
        #expect(ib.lowerBound < ia.lowerBound)
        #expect(try PSKT(jsonText: text) == pskt)
        let broken = text.replacingOccurrences(of: a, with: String(a.dropLast()) + (a.last == "z" ? "y" : "z"))
        #expect(throws: PSKTError.self) { try PSKT(jsonText: broken) }
        let long = text.replacingOccurrences(of: a, with: String(repeating: "z", count: 5000))
        #expect(throws: PSKTError.self) { try PSKT(jsonText: long) }
    }

    @Test(arguments: [
        ("m", [UInt32]()), ("m/0", [0]), ("m/44'/111111'/0'/1/5", [44 | 1 << 31, 111111 | 1 << 31, 1 << 31, 1, 5]),
        ("m/+7", [7]), ("m/2147483647", [2147483647]),
    ] as [(String, [UInt32])])
    func derivationPathsParse(text: String, components: [UInt32]) throws {
        let path = try PSKTKeySource.parsePath(text)
        #expect(path.components.map(\.rawValue) == components)
        #expect(try PSKTKeySource.parsePath(path.description) == path)
    }

    @Test(arguments: ["", "n/0", "m/", "m//1", "m/2147483648", "m/1''", "m/-1", "m/1h", "44'/0"])
    func badDerivationPathsAreRejected(text: String) {
        #expect(throws: PSKTError.self) { try PSKTKeySource.parsePath(text) }
    }

    /// Doubles as serde_json (ryu) writes them.
    @Test(arguments: [
        (1.0, "1.0"), (100.0, "100.0"), (0.1, "0.1"), (1.5e-7, "1.5e-7"), (0.001, "0.001"), (1e-5, "0.00001"),
        (1e-6, "1e-6"), (1e15, "1000000000000000.0"), (1e16, "1e16"), (1.2345678901234568e17, "1.2345678901234568e17"),
        (-0.0, "-0.0"), (-2.5, "-2.5"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e308"),
        (123456.789, "123456.789"), (9007199254740993.0, "9007199254740992.0"),
    ] as [(Double, String)])
    func doublesAreWrittenLikeSerdeJSON(value: Double, text: String) throws {
        #expect(PSKTJSON.double(value).text == text)
        #expect(try PSKTJSONParser.parse(text) == .double(value))
    }

    @Test(arguments: [
        ("0", PSKTJSON.unsigned(0)), ("18446744073709551615", .unsigned(.max)), ("18446744073709551616", .double(18446744073709551616)),
        ("-1", .signed(-1)), ("-9223372036854775808", .signed(.min)), ("-9223372036854775809", .double(-0x1p63)),
        ("-0", .double(-0.0)), ("1e2", .double(100)), ("1E-2", .double(0.01)),
        (#""\ud83d\ude00\/\b""#, .string("😀/\u{8}")), ("[ ]", .array([])), (" {\"a\" : [1 , {}]} ", .object([.init("a", .array([.unsigned(1), .object([])]))])),
    ] as [(String, PSKTJSON)])
    func jsonParsesLikeSerdeJSON(text: String, value: PSKTJSON) throws {
        #expect(try PSKTJSONParser.parse(text) == value)
    }

    @Test(arguments: ["", "01", "1.", "-", "+1", ".5", "1e", "1e400", "[1,]", "{\"a\":1,}", "{\"a\":1,\"a\":2}", "\"\\ud800\"",
                      "\"\u{1}\"", "\"\\x\"", "nul", "[1] 2", "{1:2}", "\"abc", String(repeating: "[", count: 129) + String(repeating: "]", count: 129)])
    func malformedJSONIsRejected(text: String) {
        #expect(throws: PSKTJSONParser.SyntaxError.self) { try PSKTJSONParser.parse(text) }
    }

    @Test func stringsAreEscapedLikeSerdeJSON() throws {
        let s = "q\"b\\s/\u{8}\u{9}\u{a}\u{c}\u{d}\u{1}\u{1f}\u{7f}é😀"
        #expect(PSKTJSON.string(s).text == #""q\"b\\s/\b\t\n\f\r\u0001\u001f"# + "\u{7f}é😀\"")
        #expect(try PSKTJSONParser.parse(PSKTJSON.string(s).text) == .string(s))
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = {
        let base = rustyWasmJSON
        func replacing(_ a: String, _ b: String) -> String { S.pskb(base.replacingOccurrences(of: a, with: b)) }
        let zeros = String(repeating: "00", count: 64)
        return [
            ErrorCase(name: "partialSigs key", text: replacing(#""partialSigs":{}"#, #""partialSigs":{"02abcd":{"schnorr":"\#(zeros)"}}"#),
                      message: #"PSKB: input 0: partialSigs: key "02abcd" is not a 33-byte public key in hex"#),
            ErrorCase(name: "partialSigs off-curve key", text: replacing(#""partialSigs":{}"#, #""partialSigs":{"05\#(String(repeating: "11", count: 32))":{"schnorr":"\#(zeros)"}}"#),
                      message: "is not a valid secp256k1 public key"),
            ErrorCase(name: "schnorr length", text: replacing(#""partialSigs":{}"#, #""partialSigs":{"\#(S.kp1.publicKey)":{"schnorr":"00"}}"#),
                      message: "PSKB: input 0: partialSigs: \(S.kp1.publicKey): schnorr: expected 64 bytes"),
            ErrorCase(name: "ecdsa not DER", text: replacing(#""partialSigs":{}"#, #""partialSigs":{"\#(S.kp1.publicKey)":{"eCDSA":"3001"}}"#),
                      message: "eCDSA: not a DER-encoded ECDSA signature (2 bytes)"),
            ErrorCase(name: "signature kind", text: replacing(#""partialSigs":{}"#, #""partialSigs":{"\#(S.kp1.publicKey)":{"ECDSA":"00"}}"#),
                      message: #"unknown signature kind "ECDSA""#),
            ErrorCase(name: "sighash type", text: replacing(#""sighashType":1"#, #""sighashType":3"#),
                      message: "PSKB: input 0: sighashType: 3 is not a valid sighash type"),
            ErrorCase(name: "sigOpCount range", text: replacing(#""sigOpCount":1"#, #""sigOpCount":300"#),
                      message: "PSKB: input 0: sigOpCount: 300 is out of range (at most 255)"),
            ErrorCase(name: "version", text: replacing(#""version":0"#, #""version":7"#),
                      message: "PSKB: global: version: PSKT version 7 is not 0, 1 or 2"),
            ErrorCase(name: "outpoint id", text: replacing("1f908500", "1f9085"),
                      message: "PSKB: input 0: previousOutpoint: transactionId: expected 32 bytes"),
            ErrorCase(name: "amount type", text: replacing(#""amount":1500000000"#, #""amount":"1500000000""#),
                      message: "PSKB: output 0: amount: expected an unsigned integer, found a string"),
            ErrorCase(name: "negative amount", text: replacing(#""amount":1500000000"#, #""amount":-1"#),
                      message: "PSKB: output 0: amount: expected an unsigned integer, found a negative integer"),
            ErrorCase(name: "derivation path", text: replacing(#""bip32Derivations":{},"finalScriptSig""#,
                                                               #""bip32Derivations":{"\#(S.kp1.publicKey)":{"keyFingerprint":"01020304","derivationPath":"44/0"}},"finalScriptSig""#),
                      message: #"derivation path "44/0" does not start with "m/""#),
            ErrorCase(name: "fingerprint", text: replacing(#""bip32Derivations":{},"finalScriptSig""#,
                                                           #""bip32Derivations":{"\#(S.kp1.publicKey)":{"keyFingerprint":"0102","derivationPath":"m"}},"finalScriptSig""#),
                      message: "keyFingerprint: expected 4 bytes"),
            ErrorCase(name: "missing outpoint", text: replacing(#""previousOutpoint""#, #""previousOutpointX""#),
                      message: "PSKB: input 0: the required field previousOutpoint is missing"),
            ErrorCase(name: "duplicate key", text: replacing(#""index":0}"#, #""index":0,"index":1}"#),
                      message: #"PSKB: the hex does not decode to valid JSON: duplicate key "index" in one object"#),
            ErrorCase(name: "not hex", text: "PSKB5b7g", message: #"PSKB: the text after "PSKB" is not hex: 'g' at position 3"#),
            ErrorCase(name: "odd hex", text: "PSKB5b7", message: "odd number of characters"),
            ErrorCase(name: "prefix", text: "PSKT5b5d", message: #"PSKB data must start with "PSKB" followed by hex; found "PSKT5b5d""#),
            ErrorCase(name: "not an array", text: S.pskb("{}"), message: "PSKB: expected a JSON array of PSKTs, found an object"),
            ErrorCase(name: "second pskt", text: S.pskb("[" + String(base.dropFirst().dropLast()) + ","
                                                         + String(base.dropFirst().dropLast()).replacingOccurrences(of: #""sighashType":1"#, with: #""sighashType":0"#) + "]"),
                      message: "PSKB: pskt 1: input 0: sighashType: 0 is not a valid sighash type"),
            ErrorCase(name: "spk short", text: replacing(#""scriptPublicKey":"0000""#, #""scriptPublicKey":"00""#),
                      message: "PSKB: output 0: scriptPublicKey: a script public key needs at least 4 hex digits"),
            ErrorCase(name: "spk map", text: replacing(#""scriptPublicKey":"0000""#, #""scriptPublicKey":{"version":0,"script":"zz"}"#),
                      message: "PSKB: output 0: scriptPublicKey: script:"),
        ]
    }()

    @Test(arguments: errorCases)
    func decodingErrorsSayWhatAndWhere(c: ErrorCase) {
        do {
            _ = try PSKB(serialized: c.text)
            Issue.record("\(c.name) decoded but must fail with: \(c.message)")
        } catch {
            #expect(error.description.contains(c.message), "\(c.name): got \"\(error.description)\"")
        }
    }

    /// Reading is lenient (absent maps, absent nullable fields), writing is complete.
    @Test func minimalJSONReadsAndWritesInFull() throws {
        let minimal = #"{"global":{},"inputs":[{"previousOutpoint":{"transactionId":"\#(String(repeating: "AB", count: 32))","index":1}}],"outputs":[{"amount":1,"scriptPublicKey":{"version":0,"script":"51"}}]}"#
        let pskt = try PSKT(jsonText: minimal)
        #expect(pskt.global.version == .one && pskt.inputs[0].sighashType == .all && pskt.outputs[0].scriptPublicKey.script == [0x51])
        let text = pskt.jsonText
        #expect(text.contains(#""transactionId":"\#(String(repeating: "ab", count: 32))""#))
        #expect(text.contains(#""scriptPublicKey":"000051""#))
        #expect(text.contains(#""partialSigs":{},"sighashType":1,"redeemScript":null"#))
        #expect(try PSKT(jsonText: text) == pskt)
    }
}
