import Foundation
import Testing
@testable import WalletKit

@Suite struct TransactionIDVectorTests {
    struct File: Decodable {
        struct Derived: Decodable { let hashPreimage: String?; let restPreimage: String?; let restDigest: String?; let payloadDigest: String? }
        struct Case: Decodable { let name: String; let tx: Transaction; let expectedId: String; let expectedHash: String; let derived: Derived? }
        struct SerCase: Decodable {
            struct D: Decodable { let hash: String? }
            let name: String; let tx: Transaction; let expectedId: String; let derived: D?
        }
        struct Ser: Decodable { let cases: [SerCase] }
        let cases: [Case]
        let serialization_test_transactions: Ser
    }
    static let file = Fixtures.decode(File.self, from: "txid.json")

    @Test(arguments: file.cases.map(\.name))
    func idAndHash(name: String) throws {
        let c = try #require(Self.file.cases.first { $0.name == name })
        #expect(c.tx.id.hex == c.expectedId, "id of \(name)")
        #expect(c.tx.hash.hex == c.expectedHash, "hash of \(name)")
        if let p = c.derived?.hashPreimage { #expect(c.tx.encoded(flags: .full).hex == p) }
        if let r = c.derived?.restPreimage { #expect(c.tx.restPreimage.hex == r) }
        if let r = c.derived?.restDigest { #expect(c.tx.restDigest.hex == r) }
        if let p = c.derived?.payloadDigest { #expect(c.tx.payloadDigest.hex == p) }
    }

    @Test(arguments: file.serialization_test_transactions.cases.map(\.name))
    func serializationTransactions(name: String) throws {
        let c = try #require(Self.file.serialization_test_transactions.cases.first { $0.name == name })
        #expect(c.tx.id.hex == c.expectedId)
        if let h = c.derived?.hash { #expect(c.tx.hash.hex == h) }
        // A JSON round trip keeps every hashed field.
        let again = try Transaction.fromJSON(try c.tx.jsonData())
        #expect(again == c.tx)
        #expect(again.hash == c.tx.hash)
    }

    @Test func reportCount() {
        Fixtures.report("txid.json", Self.file.cases.count + Self.file.serialization_test_transactions.cases.count)
    }
}
