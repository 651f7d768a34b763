import Foundation
import Testing
@testable import WalletKit

/// Compound and sweep plans at the edge of what is worth moving: every spend ends in exactly one batch or in the
/// left-out list, each batch pays its outputs and fee from exactly its inputs and keeps to the mass limits, and UTXOs
/// the fees would eat are left out instead of failing the whole plan.
@Suite struct ConsolidationPlannerTests {
    static let planner = ConsolidationPlanner()
    static var inputFee: UInt64 { planner.inputFee().rawValue }

    static func spends(_ n: Int, each amount: UInt64, from first: UInt64 = 1) -> [TransactionBuilder.Spend] {
        (0..<UInt64(n)).map { i in
            TransactionBuilder.Spend(outpoint: Outpoint(transactionId: Hash32(storage: (first + i, 0, 0, 0)), index: 0),
                                     entry: UtxoEntry(amount: Sompi(amount), scriptPublicKey: TransactionBuilderTests.spk))
        }
    }

    /// Plans and checks what every plan must hold.
    static func plan(_ spends: [TransactionBuilder.Spend], minimumInputs: Int) throws -> ConsolidationPlanner.Plan {
        let plan = try planner.plan(spends, to: TransactionBuilderTests.spk, minimumInputs: minimumInputs)
        let placed = plan.batches.flatMap(\.inputs) + plan.uneconomic
        #expect(placed.count == spends.count && Set(placed) == Set(spends.map(\.outpoint)), "each spend batched or left out, once")
        let amounts = Dictionary(uniqueKeysWithValues: spends.map { ($0.outpoint, $0.entry.amount.rawValue) })
        for b in plan.batches {
            #expect(b.inputs.reduce(0) { $0 + amounts[$1]! } == b.output.rawValue + b.fee.rawValue)
            #expect(b.transaction.tx.outputs.count == 1 && b.computeMass <= 100_000 && b.storageMass <= MassLimits.toccata.storage)
            #expect(b.inputs.count >= minimumInputs)
        }
        return plan
    }

    @Test func utxosBarelyAboveTheirInputFeeAreLeftOutNotAFailure() throws {
        // 5 % above the fee of their own input: ten of them leave a few thousand sompi after the whole transaction's
        // fee, an output so small that its KIP-9 storage mass is over the limit (five would not even cover the fee).
        let few = try Self.plan(Self.spends(10, each: Self.inputFee * 105 / 100), minimumInputs: 2)
        #expect(few.batches.isEmpty && few.uneconomic.count == 10)
        // A hundred can: two batches of fifty, nothing left out.
        let many = try Self.plan(Self.spends(100, each: Self.inputFee * 105 / 100), minimumInputs: 2)
        #expect(many.batches.map(\.inputs.count) == [50, 50] && many.uneconomic.isEmpty)
        // A pair at 1.5 times the fee: what is left after the fee is so small that KIP-9 storage mass is over the limit.
        let pair = try Self.plan(Self.spends(2, each: Self.inputFee * 3 / 2), minimumInputs: 2)
        #expect(pair.batches.isEmpty && pair.uneconomic.count == 2)
        // Three at the same value make an output large enough.
        #expect(try Self.plan(Self.spends(3, each: Self.inputFee * 3 / 2), minimumInputs: 2).batches.count == 1)
    }

    @Test func aSweepLeavesOutOnlyWhatCannotBeMovedAlone() throws {
        // One lone UTXO of 0.003 KAS swept to one output: its storage mass (KIP-9, relaxed: 1/out - 1/in) is over
        // the limit; 1 KAS beside it goes.
        let small = Self.spends(1, each: 300_000)
        let large = Self.spends(1, each: Sompi.perKas, from: 100)
        let alone = try Self.plan(small, minimumInputs: 1)
        #expect(alone.batches.isEmpty && alone.uneconomic == small.map(\.outpoint))
        let both = try Self.plan(large + small, minimumInputs: 1)
        #expect(both.batches.count == 1 && both.uneconomic.isEmpty, "batched with the large one, the small one costs no storage mass")
        #expect(both.batches.first?.storageMass == 0)
    }
}
