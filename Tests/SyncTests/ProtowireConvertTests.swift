import Testing
@testable import Sync
import WalletKit

@Suite struct ProtowireConvertTests {
    let spk = ScriptPublicKey(script: [0x20] + [UInt8](repeating: 7, count: 32) + [0xac])
    let prev = Outpoint(transactionId: Hash32([UInt8](repeating: 0xab, count: 32))!, index: 3)

    @Test func versionZeroRoundTrip() throws {
        let tx = Transaction(version: 0, inputs: [TransactionInput(previousOutpoint: prev, signatureScript: [1, 2, 3], sequence: 9, computeCommit: .sigOpCount(2))],
                             outputs: [TransactionOutput(value: 1234, scriptPublicKey: spk)], lockTime: 77, payload: [9, 9], storageMass: 555)
        let m = Protowire_RpcTransaction(tx)
        #expect(m.inputs[0].sigOpCount == 2 && m.inputs[0].computeBudget == 0)
        #expect(m.storageMass == 555 && m.subnetworkID == String(repeating: "0", count: 40))
        #expect(m.outputs[0].scriptPublicKey.scriptPublicKey == spk.script.hex && !m.outputs[0].hasCovenant)
        let back = try Transaction(protowire: m)
        #expect(back == tx && back.id == tx.id)
    }

    @Test func versionOneWithCovenantAndComputeBudget() throws {
        let covenant = CovenantBinding(authorizingInput: 0, covenantId: Hash32([UInt8](repeating: 0xcd, count: 32))!)
        let tx = Transaction(version: 1, inputs: [TransactionInput(previousOutpoint: prev, computeCommit: .computeBudget(300))],
                             outputs: [TransactionOutput(value: 5, scriptPublicKey: spk, covenant: covenant)], storageMass: 10)
        let m = Protowire_RpcTransaction(tx)
        #expect(m.inputs[0].computeBudget == 300 && m.inputs[0].sigOpCount == 0)
        #expect(m.outputs[0].covenant.covenantID == covenant.covenantId.hex && m.outputs[0].covenant.authorizingInput == 0)
        #expect(try Transaction(protowire: m) == tx)
    }

    @Test func refusesWhatRustyKaspaRefuses() {
        var m = Protowire_RpcTransaction(Transaction(version: 1, inputs: [TransactionInput(previousOutpoint: prev, computeCommit: .computeBudget(1))],
                                                     outputs: [TransactionOutput(value: 5, scriptPublicKey: spk)]))
        m.inputs[0].sigOpCount = 1
        #expect(throws: ProtowireConversionError.self) { try Transaction(protowire: m) }
        m.inputs[0].sigOpCount = 0
        m.inputs[0].computeBudget = 70_000
        #expect(throws: ProtowireConversionError("inputs[0]", "computeBudget 70000 does not fit in 16 bits")) { try Transaction(protowire: m) }
        m.inputs[0].computeBudget = 1
        m.payload = "zz"
        #expect(throws: ProtowireConversionError.self) { try Transaction(protowire: m) }
        m.payload = ""
        m.inputs[0].clearPreviousOutpoint()
        #expect(throws: ProtowireConversionError("inputs[0]", "previousOutpoint is missing")) { try Transaction(protowire: m) }
    }

    @Test func utxoEntryCovenantIdEmptyMeansNone() throws {
        let plain = UtxoEntry(amount: 100, scriptPublicKey: spk, blockDaaScore: 5, isCoinbase: true)
        let m = Protowire_RpcUtxoEntry(plain)
        #expect(m.covenantID == "" && m.scriptPublicKey.version == 0)
        #expect(try UtxoEntry(protowire: m) == plain)
        let bound = UtxoEntry(amount: 100, scriptPublicKey: spk, covenantId: Hash32([UInt8](repeating: 1, count: 32))!)
        #expect(try UtxoEntry(protowire: Protowire_RpcUtxoEntry(bound)) == bound)
    }

    /// The devnet publisher builds UtxosChanged entries from texts it remembers: they must be the entries the
    /// general conversion gives, with and without a covenant, for a versioned script and one with no address.
    @Test func publishedEntriesEqualTheGeneralConversion() {
        let address = try! spk.address(prefix: .devnet)
        let covenant = Hash32([UInt8](repeating: 0xcd, count: 32))!
        let odd = ScriptPublicKey(version: 3, script: [0x6a, 0x01])
        for (script, text, entry) in [(spk, address.string, UtxoEntry(amount: 42, scriptPublicKey: spk, blockDaaScore: 9, isCoinbase: true, covenantId: covenant)),
                                      (odd, "", UtxoEntry(amount: 7, scriptPublicKey: odd, blockDaaScore: 1))] {
            let fast = Protowire_RpcUtxosByAddressesEntry(texts: ScriptTexts(address: text, hex: script.script.hex), transactionId: prev.transactionId.hex,
                                                          outpoint: prev, entry: entry)
            #expect(fast == Protowire_RpcUtxosByAddressesEntry(addressText: text, outpoint: prev, entry: entry))
        }
    }

    @Test func endpoints() throws {
        #expect(try NodeEndpoint(parsing: "10.0.0.1:16210", defaultPort: 1) == NodeEndpoint(host: "10.0.0.1", port: 16210))
        #expect(try NodeEndpoint(parsing: "node.local", defaultPort: 16110).description == "node.local:16110")
        #expect(try NodeEndpoint(parsing: "[::1]:16610", defaultPort: 1).description == "[::1]:16610")
        #expect(throws: NodeError.badEndpoint("host:port")) { try NodeEndpoint(parsing: "host:port", defaultPort: 1) }
    }
}
