import Foundation
import Testing
@testable import WalletKit

/// The summary `kasfleet pskt parse` prints, against reviewed snapshots in Tests/Fixtures/pskt/.
/// To regenerate on purpose: `KASFLEET_WRITE_SNAPSHOTS=1 swift test --filter PSKTSummaryTests`, then review the diff.
@Suite struct PSKTSummaryTests {
    typealias S = PSKTTestSupport

    /// A 2-of-3 multisig input signed by kp2 only, a P2PK input signed by its key, a payment and change.
    /// Deterministic: fixed BIP340 auxiliary randomness.
    static func sample() throws -> PSKB {
        let redeem = try MultisigScript.redeemScript(schnorrKeys: [S.kp1, S.kp2, S.kp3].map(\.xOnlyPublicKey), required: 2)
        var pskt = PSKT()
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(0x63, 0),
                                    utxoEntry: UtxoEntry(amount: 2_000_000_000, scriptPublicKey: .p2sh(redeemScript: redeem), blockDaaScore: 1000),
                                    redeemScript: redeem))
        try pskt.addInput(PSKTInput(previousOutpoint: S.outpoint(0x64, 1),
                                    utxoEntry: UtxoEntry(amount: 50_000_000, scriptPublicKey: .p2pk(S.kp1.xOnlyPublicKey), blockDaaScore: 1001)))
        try pskt.addOutput(PSKTOutput(amount: 1_500_000_000, scriptPublicKey: S.destination))
        try pskt.addOutput(PSKTOutput(amount: 549_990_000, scriptPublicKey: .p2sh(redeemScript: redeem)))
        try pskt.sign(keys: [S.kp2], auxRandom: [UInt8](repeating: 1, count: 32))
        return PSKB([pskt])
    }

    static func snapshot(_ name: String, _ actual: String) {
        let url = Fixtures.directory.appendingPathComponent("pskt").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KASFLEET_WRITE_SNAPSHOTS"] != nil {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data((actual + "\n").utf8).write(to: url)
        }
        let expected = String(decoding: Fixtures.data("pskt/\(name)"), as: UTF8.self)
        #expect(actual + "\n" == expected, "snapshot \(name) differs")
    }

    @Test func partiallySignedSnapshot() throws {
        let summary = PSKBSummary(try Self.sample())
        #expect(summary.pskts[0].status == .partiallySigned)
        #expect(summary.pskts[0].inputs.map(\.signatures) == [1, 0] && summary.pskts[0].inputs.map(\.requiredSignatures) == [2, 1])
        #expect(summary.pskts[0].fee == 10_000)
        Self.snapshot("summary-partially-signed.txt", summary.text)
        Self.snapshot("summary-partially-signed.json", summary.json.prettyText)
    }

    @Test func statusFollowsTheSignatures() throws {
        var pskt = try Self.sample().pskts[0]
        #expect(PSKTSummary(pskt).status == .partiallySigned)
        try pskt.sign(keys: [S.kp1])
        #expect(PSKTSummary(pskt).status == .readyToFinalize)
        try pskt.finalize()
        let summary = PSKTSummary(pskt, network: .testnet10)
        #expect(summary.status == .finalized && summary.inputs.allSatisfy(\.finalized))
        #expect(summary.outputs[0].address?.hasPrefix("kaspatest:") == true)
        var empty = try Self.sample().pskts[0]
        for i in empty.inputs.indices { empty.inputs[i].partialSigs = [:] }
        #expect(PSKTSummary(empty).status == .unsigned)
    }
}
