import Foundation
import Testing
@testable import WalletKit

/// Seeded random PSKTs, with every field and arbitrary unknown entries, survive PSKB serialization unchanged.
@Suite struct PSKTPropertyTests {
    struct Generator {
        var rng: SplitMix64
        let keys: [PrivateKey]

        init(seed: UInt64) {
            rng = SplitMix64(seed: seed)
            var keys: [PrivateKey] = []
            while keys.count < 8 {
                var r = rng
                let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &r) }
                rng = r
                if let k = try? PrivateKey(bytes: bytes) { keys.append(k) }
            }
            self.keys = keys
        }

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func bool() -> Bool { Bool.random(using: &rng) }
        mutating func u64() -> UInt64 { rng.next() }
        mutating func bytes(_ range: ClosedRange<Int>) -> [UInt8] { (0..<int(range)).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        mutating func maybe<T>(_ make: (inout Generator) -> T) -> T? { bool() ? make(&self) : nil }
        mutating func hash() -> Hash32 { Hash32(bytes(32...32))! }

        mutating func string() -> String {
            let pool: [ClosedRange<UInt32>] = [0x00...0x1f, 0x20...0x7e, 0x7f...0x7f, 0xa0...0x2ff, 0x1f600...0x1f64f, 0xe000...0xe0ff]
            var s = ""
            for _ in 0..<int(0...12) {
                let range = pool[int(0...(pool.count - 1))]
                if let u = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { s.unicodeScalars.append(u) }
            }
            return s
        }

        mutating func json(depth: Int = 0) -> PSKTJSON {
            switch int(0...(depth > 3 ? 5 : 7)) {
            case 0: return .null
            case 1: return .bool(bool())
            case 2: return .unsigned(bool() ? u64() : UInt64(int(0...1000)))
            case 3: return .signed(-Int64(int(1...Int(Int32.max))) * (bool() ? 1 : Int64(int(1...1000))))
            case 4:
                var d = Double(bitPattern: u64())
                while !d.isFinite { d = Double(bitPattern: u64()) }
                return .double(bool() ? d : Double(int(-100_000...100_000)) / 64)
            case 5: return .string(string())
            case 6: return .array((0..<int(0...4)).map { _ in json(depth: depth + 1) })
            default:
                var members: [String: PSKTJSON] = [:]
                for _ in 0..<int(0...4) { members[string()] = json(depth: depth + 1) }
                return .object(members.map { PSKTJSON.Member($0.key, $0.value) })
            }
        }

        mutating func values(avoiding known: Set<String>) -> [String: PSKTJSON] {
            var out: [String: PSKTJSON] = [:]
            for _ in 0..<int(0...3) {
                let key = string()
                if !known.contains(key) { out[key] = json().normalized }
            }
            return out
        }

        mutating func key() -> PrivateKey { keys[int(0...(keys.count - 1))] }

        mutating func keySource() -> PSKTKeySource {
            PSKTKeySource(keyFingerprint: bytes(4...4),
                          derivationPath: DerivationPath((0..<int(0...5)).map { _ in ChildNumber(rawValue: UInt32.random(in: 0...UInt32.max, using: &rng)) }))
        }

        mutating func derivations() -> [PublicKey: PSKTKeySource?] {
            var out: [PublicKey: PSKTKeySource?] = [:]
            for _ in 0..<int(0...2) { out[key().publicKey] = .some(maybe { $0.keySource() }) }
            return out
        }

        mutating func spk() -> ScriptPublicKey {
            ScriptPublicKey(version: bool() ? 0 : UInt16(int(0...65535)), script: bytes(0...40))
        }

        mutating func xpub(_ key: PrivateKey) -> String {
            Base58.encodeCheck([0x03, 0x8f, 0x33, 0x2e] + bytes(41...41) + key.publicKey.compressed)
        }

        mutating func signature() -> PSKTSignature {
            bool() ? .schnorr(bytes(64...64)) : .ecdsa(key().ecdsaSign(hash()))
        }

        mutating func input() -> PSKTInput {
            var partialSigs: [PublicKey: PSKTSignature] = [:]
            for _ in 0..<int(0...3) { partialSigs[key().publicKey] = signature() }
            return PSKTInput(
                previousOutpoint: Outpoint(transactionId: hash(), index: UInt32.random(in: 0...UInt32.max, using: &rng)),
                utxoEntry: maybe { g in
                    UtxoEntry(amount: Sompi(g.u64()), scriptPublicKey: g.spk(), blockDaaScore: g.u64(), isCoinbase: g.bool(),
                              covenantId: g.maybe { $0.hash() })
                },
                sequence: maybe { $0.u64() }, minTime: maybe { $0.u64() },
                sighashType: SigHashType.allValid[int(0...5)],
                redeemScript: maybe { $0.bytes(0...60) }, sigOpCount: maybe { UInt8($0.int(0...255)) },
                computeBudget: maybe { UInt16($0.int(0...65535)) }, partialSigs: partialSigs,
                bip32Derivations: derivations(), finalScriptSig: maybe { $0.bytes(0...100) },
                proprietaries: values(avoiding: []), unknowns: values(avoiding: PSKTInput.knownKeys))
        }

        mutating func output() -> PSKTOutput {
            PSKTOutput(amount: Sompi(u64()), scriptPublicKey: spk(),
                       covenant: maybe { g in CovenantBinding(authorizingInput: UInt16(g.int(0...65535)), covenantId: g.hash()) },
                       redeemScript: maybe { $0.bytes(0...60) }, bip32Derivations: derivations(),
                       proprietaries: values(avoiding: []), unknowns: values(avoiding: PSKTOutput.knownKeys))
        }

        mutating func pskt() -> PSKT {
            var xpubs: [String: PSKTKeySource] = [:]
            for k in keys.shuffled(using: &rng).prefix(int(0...3)) { xpubs[xpub(k)] = keySource() }
            let global = PSKTGlobal(
                version: PSKTGlobal.Version.allCases[int(0...2)], txVersion: UInt16(int(0...2)), fallbackLockTime: maybe { $0.u64() },
                inputsModifiable: bool(), outputsModifiable: bool(), inputCount: int(0...1_000_000), outputCount: int(0...1_000_000),
                xpubs: xpubs, id: maybe { $0.hash() }, proprietaries: values(avoiding: []),
                unknowns: values(avoiding: PSKTGlobal.knownKeys), payload: maybe { $0.bytes(0...50) })
            return PSKT(global: global, inputs: (0..<int(0...4)).map { _ in input() }, outputs: (0..<int(0...3)).map { _ in output() },
                        unknowns: values(avoiding: PSKT.knownKeys))
        }
    }

    @Test func randomBundlesRoundTripThroughPSKBHex() throws {
        var g = Generator(seed: 0x7073_6b62)
        for iteration in 0..<300 {
            let bundle = PSKB((0..<g.int(1...3)).map { _ in g.pskt() })
            let text = bundle.serialized
            let back = try PSKB(serialized: text)
            #expect(back == bundle, "iteration \(iteration)")
            #expect(back.serialized == text, "iteration \(iteration): writing is deterministic")
            if back != bundle { return }
        }
    }

    @Test func randomPSKTsRoundTripThroughPSKTHexAndSummaries() throws {
        var g = Generator(seed: 0x7073_6b74)
        for iteration in 0..<300 {
            let pskt = g.pskt()
            let back = try PSKT(serialized: pskt.serialized)
            #expect(back == pskt, "iteration \(iteration)")
            // Summaries never fail, whatever the content.
            let summary = PSKBSummary(PSKB([back]), format: "PSKT", network: .testnet10)
            #expect(try PSKTJSONParser.parse(summary.json.text) == summary.json)
            #expect(!summary.text.isEmpty)
        }
    }
}
