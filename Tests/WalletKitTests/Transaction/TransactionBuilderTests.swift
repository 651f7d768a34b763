import Foundation
import Testing
@testable import WalletKit

@Suite struct TransactionBuilderTests {
    static let key = try! PrivateKey(hex: "349ca0c824948fed8c2c568ce205e9d9be4468ef099cad76e3e5ec918954aca4")
    static let spk = ScriptPublicKey.p2pk(key.xOnlyPublicKey)
    static func spend(_ kas: UInt64, _ n: UInt8 = 1) -> TransactionBuilder.Spend {
        .init(outpoint: Outpoint(transactionId: Sha256.hash([n]), index: 0), entry: UtxoEntry(amount: Sompi(kas * Sompi.perKas), scriptPublicKey: spk))
    }

    @Test(arguments: [UInt16(0), 1])
    func signedTransactionPaysAtLeastTheFloorAndValidates(version: UInt16) throws {
        let b = TransactionBuilder(version: version, spends: [Self.spend(10), Self.spend(5, 2)],
                                   payments: [TransactionOutput(value: Sompi(7 * Sompi.perKas), scriptPublicKey: Self.spk)], change: Self.spk)
        var (ptx, fee) = try b.build()
        TransactionSigner(keys: [Self.key]).signP2PKInputs(&ptx)
        ptx = TransactionBuilder.finish(ptx)
        #expect(fee >= Fees.minimumFee(for: ptx.tx), "the fee sized with placeholder signatures covers the signed transaction")
        #expect(ptx.tx.outputs.map(\.value).checkedSum()!.adding(fee) == Sompi(15 * Sompi.perKas))
        #expect(ptx.tx.storageMass == StorageMass.compute(ptx))
        #expect(DryRun.validate(ptx).isValid)
    }

    @Test func feeRateRaisesTheFeeAboveTheFloor() throws {
        let floor = try TransactionBuilder(spends: [Self.spend(10)], payments: [TransactionOutput(value: 100_000_000, scriptPublicKey: Self.spk)], change: Self.spk).build().fee
        let rated = try TransactionBuilder(spends: [Self.spend(10)], payments: [TransactionOutput(value: 100_000_000, scriptPublicKey: Self.spk)],
                                           change: Self.spk, feeRate: FeeRate(sompiPerGram: 1000)).build().fee
        #expect(rated.rawValue > floor.rawValue * 5)
    }

    @Test func errorsNameTheShortfall() throws {
        let b = TransactionBuilder(spends: [Self.spend(1)], payments: [TransactionOutput(value: Sompi(Sompi.perKas), scriptPublicKey: Self.spk)], change: Self.spk)
        #expect(throws: TransactionBuilder.BuildError.self) { try b.build() }
        do { _ = try b.build() } catch { #expect(error.description.contains("1.00000000 KAS available")) }
        #expect(throws: TransactionBuilder.BuildError.zeroOutput(0)) {
            try TransactionBuilder(spends: [Self.spend(1)], payments: [TransactionOutput(value: 0, scriptPublicKey: Self.spk)], change: Self.spk).build()
        }
        #expect(throws: TransactionBuilder.BuildError.noInputs) { try TransactionBuilder(spends: [], payments: [], change: Self.spk).build() }
    }

    @Test func dustChangeGoesToTheFeeAndExactAmountsLeaveNoChange() throws {
        // 0.002 KAS left over: a change that small would weigh ~10^6 g of storage mass, over the block limit,
        // so it is dropped and the whole remainder is the fee.
        let pay = TransactionOutput(value: Sompi(10 * Sompi.perKas - 200_000), scriptPublicKey: Self.spk)
        let (dropped, fee) = try TransactionBuilder(spends: [Self.spend(10)], payments: [pay], change: Self.spk).build()
        #expect(dropped.tx.outputs.count == 1 && fee == Sompi(200_000))
        // Paying exactly the balance minus the one-output floor leaves no change and pays exactly the floor.
        var sized = dropped.tx
        sized.inputs[0].signatureScript = [UInt8](repeating: 0, count: 66)
        let floor = Fees.minimumFee(for: sized)
        let exact = TransactionOutput(value: Sompi(10 * Sompi.perKas).subtracting(floor)!, scriptPublicKey: Self.spk)
        let (ptx, exactFee) = try TransactionBuilder(spends: [Self.spend(10)], payments: [exact], change: Self.spk).build()
        #expect(ptx.tx.outputs.count == 1 && exactFee == floor)
    }

    @Test func paymentsTooSmallForTheStorageLimitAreRefused() {
        let tiny = TransactionOutput(value: 1000, scriptPublicKey: Self.spk)
        #expect(throws: TransactionBuilder.BuildError.self) {
            try TransactionBuilder(spends: [Self.spend(10)], payments: [tiny], change: Self.spk).build()
        }
    }
}
