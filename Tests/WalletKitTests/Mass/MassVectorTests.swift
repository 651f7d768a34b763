import Foundation
import Testing
@testable import WalletKit

@Suite struct StorageMassVectorTests {
    struct Input: Decodable { let amount: UInt64; let scriptPublicKey: ScriptPublicKey }
    struct Output: Decodable { let value: UInt64; let scriptPublicKey: ScriptPublicKey }
    struct Side: Decodable { let inputs: [Input]; let outputs: [Output] }
    struct File: Decodable {
        struct Case: Decodable { let name: String; let storageMassParameter: UInt64; let inputs: [Input]; let outputs: [Output]; let expectedStorageMass: UInt64 }
        struct PluralityCase: Decodable { let name: String; let storageMassParameter: UInt64; let tx1: Side; let tx2: Side; let expectedStorageMass: UInt64 }
        struct Plurality: Decodable { let scriptLength: Int; let hasCovenantId: Bool; let expectedPlurality: UInt64 }
        let cases: [Case]
        let plurality_cases: [PluralityCase]
        let utxo_plurality: [Plurality]
    }
    static let file = Fixtures.decode(File.self, from: "storage_mass.json")

    static func mass(_ inputs: [Input], _ outputs: [Output], _ c: UInt64) -> UInt64? {
        StorageMass.compute(
            inputs: inputs.map { .init(plurality: StorageMass.plurality(scriptLength: $0.scriptPublicKey.script.count, hasCovenantId: false), amount: $0.amount) },
            outputs: outputs.map { .init(plurality: StorageMass.plurality(scriptLength: $0.scriptPublicKey.script.count, hasCovenantId: false), amount: $0.value) },
            parameter: c)
    }

    @Test(arguments: file.cases.map(\.name))
    func storageMass(name: String) throws {
        let c = try #require(Self.file.cases.first { $0.name == name })
        #expect(Self.mass(c.inputs, c.outputs, c.storageMassParameter) == c.expectedStorageMass)
    }

    @Test(arguments: file.plurality_cases.map(\.name))
    func pluralityEquivalence(name: String) throws {
        let c = try #require(Self.file.plurality_cases.first { $0.name == name })
        let m1 = Self.mass(c.tx1.inputs, c.tx1.outputs, c.storageMassParameter)
        let m2 = Self.mass(c.tx2.inputs, c.tx2.outputs, c.storageMassParameter)
        #expect(m1 == c.expectedStorageMass && m2 == c.expectedStorageMass && m1 != 0)
    }

    @Test func utxoPlurality() {
        for p in Self.file.utxo_plurality {
            #expect(StorageMass.plurality(scriptLength: p.scriptLength, hasCovenantId: p.hasCovenantId) == p.expectedPlurality,
                    "script \(p.scriptLength) covenant \(p.hasCovenantId)")
        }
    }

    @Test func everyCaseLoaded() {
        #expect(Self.file.cases.count == 8 && Self.file.plurality_cases.count == 8 && Self.file.utxo_plurality.count == 8)
        Fixtures.report("storage_mass.json", 24)
    }

    @Test func zeroOutputValueIsIncomputable() {
        #expect(StorageMass.compute(inputs: [.init(plurality: 1, amount: 10)], outputs: [.init(plurality: 1, amount: 0)]) == nil)
    }
}

@Suite struct ComputeMassVectorTests {
    struct File: Decodable {
        struct Expected: Decodable {
            let estimatedSerializedSize: UInt64; let computeMass: UInt64; let transientMass: UInt64
            let normalizedTransientMass: UInt64; let storageMass: UInt64; let minimumRelayFeeSompi: UInt64
        }
        struct Example: Decodable { let name: String; let tx: Transaction; let utxoEntries: [UtxoEntry]; let expected: Expected; let sdk: [String: UInt64] }
        struct RelayFee: Decodable { let name: String; let mass: UInt64; let minimumRelayTransactionFeeSompiPerKg: UInt64; let expectedMinimumFee: UInt64 }
        struct Limits: Decodable { let storage: UInt64; let compute: UInt64; let transient: UInt64 }
        struct Cofactor: Decodable { let limits: Limits; let storageCofactor: Double; let transientCofactor: Double; let reference: UInt64 }
        struct Ranking: Decodable {
            struct Case: Decodable { let storageMass: UInt64; let computeMass: UInt64; let transientMass: UInt64; let expectedNormalizedMax: UInt64 }
            let limits: Limits; let cases: [Case]
        }
        let examples: [Example]
        let min_relay_fee: [RelayFee]
        let mass_cofactors: [Cofactor]
        let normalized_max_ranking: Ranking
    }
    static let file = Fixtures.decode(File.self, from: "compute_mass.json")

    @Test(arguments: file.examples.map(\.name))
    func example(name: String) throws {
        let e = try #require(Self.file.examples.first { $0.name == name })
        #expect(ComputeMass.estimatedSerializedSize(e.tx) == e.expected.estimatedSerializedSize)
        #expect(ComputeMass.compute(e.tx) == e.expected.computeMass)
        #expect(ComputeMass.transient(e.tx) == e.expected.transientMass)
        #expect(MassLimits.toccata.normalizedTransient(ComputeMass.transient(e.tx)) == e.expected.normalizedTransientMass)
        let ptx = try PopulatedTransaction(tx: e.tx, entries: e.utxoEntries)
        #expect(StorageMass.compute(ptx) == e.expected.storageMass)
        #expect(Fees.minimumFee(for: e.tx).rawValue == e.expected.minimumRelayFeeSompi)
        // The SDK's wallet estimate, for the same transaction unsigned.
        if let sdk = e.sdk.values.first {
            var unsigned = e.tx
            for i in unsigned.inputs.indices { unsigned.inputs[i].signatureScript = [] }
            #expect(WalletMassEstimate.overall(try PopulatedTransaction(tx: unsigned, entries: e.utxoEntries)) == sdk)
        }
    }

    @Test func minimumRelayFee() {
        for c in Self.file.min_relay_fee {
            #expect(Fees.minimumRelayFee(mass: c.mass, perKilogram: c.minimumRelayTransactionFeeSompiPerKg).rawValue == c.expectedMinimumFee, "\(c.name)")
        }
    }

    @Test func cofactorsAndRanking() {
        for c in Self.file.mass_cofactors {
            let l = MassLimits(storage: c.limits.storage, compute: c.limits.compute, transient: c.limits.transient)
            #expect(l.storageCofactor == c.storageCofactor && l.transientCofactor == c.transientCofactor && l.reference == c.reference)
        }
        let r = Self.file.normalized_max_ranking
        let limits = MassLimits(storage: r.limits.storage, compute: r.limits.compute, transient: r.limits.transient)
        for c in r.cases {
            #expect(limits.normalizedMax(compute: c.computeMass, transient: c.transientMass, storage: c.storageMass) == c.expectedNormalizedMax)
        }
    }

    @Test func everyCaseLoaded() {
        let f = Self.file
        #expect(f.examples.count == 5 && f.min_relay_fee.count == 8 && f.mass_cofactors.count == 6 && f.normalized_max_ranking.cases.count == 3)
        Fixtures.report("compute_mass.json", f.examples.count + f.min_relay_fee.count + f.mass_cofactors.count + f.normalized_max_ranking.cases.count)
    }

    @Test func feeRateIsIntegerAndRoundsUp() {
        #expect(FeeRate(sompiPerGram: 100).fee(forMass: 2036) == Sompi(203_600))
        #expect(FeeRate(sompiPerGram: 1.0005).fee(forMass: 1000) == Sompi(1001))
        #expect(FeeRate(milliSompiPerGram: 1).fee(forMass: 1) == Sompi(1))
        #expect(FeeRate(sompiPerGram: -3).milliSompiPerGram == 0)
    }

    @Test func computeBudgetCoversScriptUnits() {
        #expect(ComputeMass.computeBudget(coveringScriptUnits: 9_999) == 0)
        #expect(ComputeMass.computeBudget(coveringScriptUnits: 100_000) == 10)
        #expect(ComputeMass.scriptUnitsAllowed(budget: 10) == 109_999)
    }
}
