import Foundation
import Testing
@testable import WalletKit

@Suite struct CovenantVectorTests {
    struct AuthOutput: Decodable { let index: UInt32; let value: UInt64; let scriptPublicKey: ScriptPublicKey }
    struct IdInput: Decodable { let outpoint: Outpoint; let authOutputs: [AuthOutput] }
    struct ExpectedId: Decodable { let authorizingInput: UInt16; let outputs: [Int]; let covenantId: String }
    struct Case: Decodable {
        let name: String
        let txBeforePopulation: Transaction?
        let genesisGroups: [CovenantID.GenesisGroup]?
        let expectedCovenantIds: [ExpectedId]?
        let covenantIdInput: IdInput?
        let expectedCovenantId: String?
        let tx: Transaction?
        let expectedTxId: String?
        let expectedTxHash: String?
    }
    struct File: Decodable { let cases: [Case] }
    static let file = Fixtures.decode(File.self, from: "covenant.json")

    @Test(arguments: file.cases.map(\.name))
    func covenantCase(name: String) throws {
        let c = try #require(Self.file.cases.first { $0.name == name })
        var asserted = 0
        if let input = c.covenantIdInput, let expected = c.expectedCovenantId {
            let outputs = input.authOutputs.map { (index: $0.index, output: TransactionOutput(value: Sompi($0.value), scriptPublicKey: $0.scriptPublicKey)) }
            #expect(CovenantID.compute(outpoint: input.outpoint, authorizedOutputs: outputs).hex == expected)
            asserted += 1
        }
        if var tx = c.txBeforePopulation, let groups = c.genesisGroups {
            try CovenantID.populateGenesis(&tx, groups: groups)
            for e in c.expectedCovenantIds ?? [] {
                for i in e.outputs {
                    #expect(tx.outputs[i].covenant == CovenantBinding(authorizingInput: e.authorizingInput, covenantId: try Hash32(hex: e.covenantId)),
                            "output \(i)")
                }
                asserted += 1
            }
            if let tx2 = c.tx { #expect(tx == tx2, "populated outputs match the vector's transaction") }
            if let id = c.expectedTxId { #expect(tx.id.hex == id); asserted += 1 }
            if let h = c.expectedTxHash { #expect(tx.hash.hex == h); asserted += 1 }
        } else if let tx = c.tx {
            if let id = c.expectedTxId { #expect(tx.id.hex == id); asserted += 1 }
            if let h = c.expectedTxHash { #expect(tx.hash.hex == h); asserted += 1 }
        }
        #expect(asserted > 0, "case \(name) asserted nothing")
    }

    @Test func everyCaseLoaded() {
        #expect(Self.file.cases.count == 4)
        Fixtures.report("covenant.json", Self.file.cases.count)
    }

    @Test func badGroupsAreRejected() throws {
        var tx = Transaction(version: 1, inputs: [TransactionInput(previousOutpoint: Outpoint(transactionId: .zero, index: 0), computeCommit: .computeBudget(0))],
                             outputs: [TransactionOutput(value: 1, scriptPublicKey: ScriptPublicKey(script: []))])
        #expect(throws: CovenantError.authorizingInputOutOfRange(1, inputs: 1)) { try CovenantID.populateGenesis(&tx, groups: [.init(authorizingInput: 1, outputs: [0])]) }
        #expect(throws: CovenantError.outputOutOfRange(3, outputs: 1)) { try CovenantID.populateGenesis(&tx, groups: [.init(authorizingInput: 0, outputs: [3])]) }
    }
}
