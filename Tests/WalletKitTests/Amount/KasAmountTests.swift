import Foundation
import Testing
@testable import WalletKit

@Suite struct KasAmountTests {
    @Test(arguments: [
        ("1", 100_000_000), ("1.5", 150_000_000), ("0.00000001", 1), (".5", 50_000_000), ("5.", 500_000_000),
        ("29000000000", 2_900_000_000_000_000_000), ("0", 0), ("  12.34567890 ", 1_234_567_890), ("007.1", 710_000_000),
    ] as [(String, UInt64)])
    func parses(text: String, sompi: UInt64) throws {
        #expect(try KasAmount.parse(text) == Sompi(sompi))
    }

    @Test func rejectsWithSpecificErrors() {
        #expect(throws: AmountError.negative("-1")) { try KasAmount.parse("-1") }
        #expect(throws: AmountError.tooManyDecimals("0.000000001", count: 9)) { try KasAmount.parse("0.000000001") }
        #expect(throws: AmountError.aboveMaximumSupply("29000000000.00000001")) { try KasAmount.parse("29000000000.00000001") }
        #expect(throws: AmountError.aboveMaximumSupply("999999999999999999999")) { try KasAmount.parse("999999999999999999999") }
        #expect(throws: AmountError.empty) { try KasAmount.parse(" ") }
        #expect(throws: AmountError.self) { try KasAmount.parse("1e8") }
        #expect(throws: AmountError.self) { try KasAmount.parse("1,5") }
        #expect(throws: AmountError.self) { try KasAmount.parse("1.2.3") }
        #expect(throws: AmountError.self) { try KasAmount.parse(".") }
        #expect(throws: AmountError.self) { try KasAmount.parse("+1") }
        // Found by fuzzing: a combining mark on a digit, and non-ASCII digits.
        #expect(throws: AmountError.self) { try KasAmount.parse("2900\u{34E}00") }
        #expect(throws: AmountError.self) { try KasAmount.parse("51\u{360}") }
        #expect(throws: AmountError.self) { try KasAmount.parse("\u{661}") }
        #expect(AmountError.tooManyDecimals("0.000000001", count: 9).description.contains("at most 8"))
    }

    @Test func formatsWithExactlyEightDecimals() {
        #expect(KasAmount.format(Sompi(1)) == "0.00000001")
        #expect(KasAmount.format(Sompi(150_000_000)) == "1.50000000")
        #expect(KasAmount.format(.maxSupply) == "29000000000.00000000")
        #expect(Sompi(5).description == "0.00000005 KAS")
    }

    /// Property: format then parse is the identity over the whole range.
    @Test func roundTripProperty() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let v = Sompi(UInt64.random(in: 0...Sompi.maxSupply.rawValue, using: &rng))
            #expect(try KasAmount.parse(KasAmount.format(v)) == v)
        }
    }

    @Test func checkedArithmetic() {
        #expect(Sompi(UInt64.max).adding(1) == nil)
        #expect(Sompi(1).subtracting(2) == nil)
        #expect([Sompi(1), Sompi(2)].checkedSum() == Sompi(3))
        #expect([Sompi(UInt64.max), Sompi(1)].checkedSum() == nil)
    }
}

@Suite struct TransactionJSONTests {
    @Test func u64BeyondDoublePrecisionIsExact() throws {
        let json = """
        {"version":0,"inputs":[{"previousOutpoint":{"transactionId":"\(String(repeating: "ab", count: 32))","index":1},
        "signatureScript":"","sequence":18446744073709551615,"sigOpCount":1}],
        "outputs":[{"value":9007199254740993,"scriptPublicKey":"0000aa"}],"lockTime":18446744073709551614,
        "subnetworkId":"0000000000000000000000000000000000000000","gas":0,"payload":"","mass":9007199254740993}
        """
        let tx = try Transaction.fromJSON(Data(json.utf8))
        #expect(tx.inputs[0].sequence == UInt64.max)
        #expect(tx.outputs[0].value == Sompi(9_007_199_254_740_993))
        #expect(tx.lockTime == UInt64.max - 1)
        #expect(tx.storageMass == 9_007_199_254_740_993)
        #expect(tx.outputs[0].scriptPublicKey == ScriptPublicKey(version: 0, script: [0xaa]))
        let again = try Transaction.fromJSON(try tx.jsonData())
        #expect(again == tx)
        let text = String(decoding: try tx.jsonData(), as: UTF8.self)
        #expect(text.contains("\"storageMass\":9007199254740993") && text.contains("\"mass\":9007199254740993"))
        #expect(text.contains("18446744073709551615"))
    }

    @Test func conflictingMassFieldsAreRejected() {
        let json = #"{"version":1,"inputs":[],"outputs":[],"lockTime":0,"subnetworkId":"0000000000000000000000000000000000000000","gas":0,"payload":"","storageMass":123,"mass":456}"#
        #expect(throws: DecodingError.self) { try Transaction.fromJSON(Data(json.utf8)) }
    }

    @Test func rpcInputWithBothCommitFieldsUsesTheVersionsField() throws {
        let input = #"{"previousOutpoint":{"transactionId":"\#(String(repeating: "00", count: 32))","index":0},"signatureScript":"","sequence":0,"sigOpCount":0,"computeBudget":10}"#
        let v1 = #"{"version":1,"inputs":[\#(input)],"outputs":[],"lockTime":0,"subnetworkId":"0000000000000000000000000000000000000000","gas":0,"payload":"","storageMass":0}"#
        #expect(try Transaction.fromJSON(Data(v1.utf8)).inputs[0].computeCommit == .computeBudget(10))
        let v0 = v1.replacingOccurrences(of: #""version":1"#, with: #""version":0"#)
        #expect(throws: DecodingError.self) { try Transaction.fromJSON(Data(v0.utf8)) }
    }
}
