import Foundation
import Testing
@testable import WalletKit

@Suite struct MessageVectorTests {
    struct Case: Decodable {
        let index: Int; let message: String; let messageUtf8Hex: String; let privateKey: String?; let xOnlyPublicKey: String
        let auxRand: String?; let expectedMessageHash: String; let expectedSignature: String?; let signature: String?; let expectedValid: Bool
    }
    struct File: Decodable { let cases: [Case] }
    static let file = Fixtures.decode(File.self, from: "kip5_messages.json")

    @Test(arguments: file.cases.map(\.index))
    func kip5(index: Int) throws {
        let c = try #require(Self.file.cases.first { $0.index == index })
        #expect(Array(c.message.utf8).hex == c.messageUtf8Hex)
        #expect(MessageSigning.hash(c.message).hex == c.expectedMessageHash)
        let key = try XOnlyPublicKey(hex: c.xOnlyPublicKey)
        if let priv = c.privateKey, let aux = c.auxRand, let expected = c.expectedSignature {
            let pk = try PrivateKey(hex: priv)
            #expect(pk.xOnlyPublicKey == key)
            let sig = MessageSigning.sign(c.message, key: pk, auxRandom: hex(aux))
            #expect(sig.hex == expected)
            #expect(MessageSigning.verify(c.message, signature: sig, publicKey: key) == c.expectedValid)
            // Fresh randomness gives another signature that verifies too.
            #expect(MessageSigning.verify(c.message, signature: MessageSigning.sign(c.message, key: pk), publicKey: key))
            #expect(!MessageSigning.verify(c.message + ".", signature: sig, publicKey: key))
        } else if let sig = c.signature {
            #expect(MessageSigning.verify(c.message, signature: hex(sig), publicKey: key) == c.expectedValid)
        } else {
            Issue.record("case \(index) has neither a key nor a signature")
        }
    }

    @Test func everyCaseLoaded() {
        #expect(Self.file.cases.count == 5)
        Fixtures.report("kip5_messages.json", Self.file.cases.count)
    }
}
