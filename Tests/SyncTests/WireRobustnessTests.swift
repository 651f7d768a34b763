import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import SwiftProtobuf
import Testing
@testable import Sync
import WalletKit

/// Wire compatibility (a client made of the generated stubs only) and malformed, oversized and out-of-order traffic.
@Suite struct WireRobustnessTests {
    /// A raw bidirectional stream with the generated `Protowire_RPC.Client`: sends `requests`, collects responses
    /// until `count` arrived (or the stream ends), returns them and how the stream ended.
    func rawExchange(port: Int, _ requests: [Protowire_KaspadRequest], expecting count: Int,
                     afterFirst: (@Sendable () async -> Void)? = nil) async throws -> ([Protowire_KaspadResponse], (any Error)?) {
        try await withGRPCClient(transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)) { grpc in
            let rpc = Protowire_RPC.Client(wrapping: grpc)
            do {
                let got = try await rpc.messageStream(requestProducer: { writer in
                    for r in requests { try await writer.write(r) }
                    try await Task.sleep(for: .seconds(5))
                }, onResponse: { response in
                    var got: [Protowire_KaspadResponse] = []
                    for try await m in response.messages {
                        got.append(m)
                        if got.count == 1, let afterFirst { await afterFirst() }
                        if got.count == count { break }
                    }
                    return got
                })
                return (got, nil)
            } catch {
                return ([], error)
            }
        }
    }

    func request(_ id: UInt64, _ payload: Protowire_KaspadRequest.OneOf_Payload) -> Protowire_KaspadRequest {
        var r = Protowire_KaspadRequest()
        r.id = id
        r.payload = payload
        return r
    }

    @Test func generatedStubsTalkToTheDevnet() async throws {
        let (node, port) = try await startDevnet()
        let alice = TestWallet(11)
        var utxos = Protowire_GetUtxosByAddressesRequestMessage()
        utxos.addresses = [alice.address.string]
        var notify = Protowire_NotifyUtxosChangedRequestMessage()
        notify.addresses = [alice.address.string]
        let requests = [request(7, .getServerInfoRequest(.init())), request(8, .notifyUtxosChangedRequest(notify)),
                        request(9, .getUtxosByAddressesRequest(utxos)), request(10, .getBlockTemplateRequest(.init()))]
        let (responses, error) = try await rawExchange(port: port, requests, expecting: 5, afterFirst: {
            try? await Task.sleep(for: .milliseconds(200))
            await node.fund(alice.address, Sompi(5 * Sompi.perKas))
        })
        #expect(error == nil)
        let byId = Dictionary(responses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard case .getServerInfoResponse(let info)? = byId[7]?.payload else { Issue.record("no GetServerInfo response: \(responses)"); return }
        #expect(info.networkID == "devnet" && info.hasUtxoIndex_p && !info.hasError)
        guard case .notifyUtxosChangedResponse? = byId[8]?.payload else { Issue.record("no NotifyUtxosChanged response"); return }
        guard case .getUtxosByAddressesResponse(let u)? = byId[9]?.payload else { Issue.record("no GetUtxosByAddresses response"); return }
        #expect(!u.hasError)
        guard case .getBlockTemplateResponse(let t)? = byId[10]?.payload else { Issue.record("no GetBlockTemplate response"); return }
        #expect(t.error.message == "Not implemented")
        guard case .utxosChangedNotification(let n)? = byId[0]?.payload else { Issue.record("no notification with id 0"); return }
        #expect(n.added.count == 1 && n.added[0].address == alice.address.string && n.added[0].utxoEntry.amount == 5 * Sompi.perKas)
        #expect(n.added[0].utxoEntry.covenantID == "")
        await node.stopServing()
    }

    @Test func emptyOrUnknownPayloadClosesOnlyThatStream() async throws {
        let (node, port) = try await startDevnet()
        // Field 9999 is no request kind this protocol knows: it decodes as an unknown field, with no payload.
        var unknown = try Protowire_KaspadRequest(serializedBytes: [0xa8, 0x06, 0x05] + [0xf8, 0xf0, 0x04, 0x01])
        #expect(unknown.payload == nil && unknown.id == 5)
        unknown.id = 5
        let (_, error) = try await rawExchange(port: port, [unknown], expecting: 1)
        #expect((error as? RPCError)?.code == .invalidArgument)
        let (_, error2) = try await rawExchange(port: port, [Protowire_KaspadRequest()], expecting: 1)
        #expect((error2 as? RPCError)?.code == .invalidArgument)
        // The node still serves.
        let client = try await connectClient(port)
        #expect(try await client.serverInfo().networkId == "devnet")
        await client.close()
        await node.stopServing()
    }

    @Test func outOfOrderAndInvalidRequestsGetErrorsOnALiveStream() async throws {
        let (node, port) = try await startDevnet()
        var stop = Protowire_NotifyUtxosChangedRequestMessage()
        stop.addresses = [TestWallet(13).address.string]
        stop.command = .notifyStop  // a STOP before any START
        var bad = Protowire_GetUtxosByAddressesRequestMessage()
        bad.addresses = ["kaspa:not-an-address"]
        var submit = Protowire_SubmitTransactionRequestMessage()
        submit.transaction.version = 70_000
        let requests = [request(1, .notifyUtxosChangedRequest(stop)), request(1, .getUtxosByAddressesRequest(bad)),
                        request(1, .submitTransactionRequest(submit)), request(2, .getSinkBlueScoreRequest(.init()))]
        let (responses, error) = try await rawExchange(port: port, requests, expecting: 4)
        #expect(error == nil && responses.count == 4)
        guard responses.count == 4 else { return }
        // Answered in order, each with its request's id (even a repeated one).
        #expect(responses.map(\.id) == [1, 1, 1, 2])
        guard case .notifyUtxosChangedResponse(let r0)? = responses[0].payload, !r0.hasError else { Issue.record("\(responses[0])"); return }
        guard case .getUtxosByAddressesResponse(let r1)? = responses[1].payload else { Issue.record("\(responses[1])"); return }
        #expect(r1.error.message.contains("invalid address"))
        guard case .submitTransactionResponse(let r2)? = responses[2].payload else { Issue.record("\(responses[2])"); return }
        #expect(r2.error.message.contains("version"))
        guard case .getSinkBlueScoreResponse? = responses[3].payload else { Issue.record("\(responses[3])"); return }
        await node.stopServing()
    }

    @Test func oversizedMessageIsRefusedAndBothSidesCarryOn() async throws {
        let (node, port) = try await startDevnet { $0.maxMessageBytes = 64 * 1024 }
        let client = try await connectClient(port)
        let alice = TestWallet(12)
        let funded = await node.fund(alice.address, Sompi(Sompi.perKas))
        var huge = Transaction(inputs: [TransactionInput(previousOutpoint: funded)],
                               outputs: [TransactionOutput(value: 1000, scriptPublicKey: alice.script)])
        huge.payload = [UInt8](repeating: 0xab, count: 100_000)
        await #expect(throws: NodeError.self) { _ = try await client.submit(huge) }
        // The client reconnects and works; the node is unharmed.
        try await client.connect(expecting: .devnet)
        #expect(try await client.balances(for: [alice.address])[0].balance == Sompi(Sompi.perKas))
        await client.close()
        await node.stopServing()
    }

    @Test func unknownIdsWrongKindsAndReorderedResponses() async throws {
        let rogue = RogueService()
        try await withGRPCServer(transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext),
                                 services: [rogue]) { server in
            let port = try #require(try await server.listeningAddress?.ipv4?.port)
            // 2 s: short enough for the no-answer case below, long enough for a loaded test machine to answer the rest.
            let client = try await connectClient(port) { $0.requestTimeout = .seconds(2) }
            // Two calls in flight: the server answers them in reverse order, with a stray response (unknown id) first.
            async let network = client.currentNetwork()
            try await Task.sleep(for: .milliseconds(50))
            async let blueScore = client.sinkBlueScore()
            #expect(try await network == "devnet")
            #expect(try await blueScore == 42)
            // A response of the wrong kind for the call.
            await #expect(throws: NodeError.badResponse(client.endpoint, call: "Ping", detail: "expected its response, got getInfoResponse")) {
                try await client.ping()
            }
            // No answer at all: the call times out, and the next call still works.
            await #expect(throws: NodeError.timeout(client.endpoint, call: "GetBlockDagInfo", seconds: 2)) {
                _ = try await client.blockDagInfo()
            }
            #expect(try await client.serverInfo().networkId == "devnet")
            await client.close()
            server.beginGracefulShutdown()
        }
    }

    @Test func cancellationEndsTheCall() async throws {
        let rogue = RogueService()
        try await withGRPCServer(transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext),
                                 services: [rogue]) { server in
            let port = try #require(try await server.listeningAddress?.ipv4?.port)
            let client = try await connectClient(port)
            let call = Task { try await client.blockDagInfo() }
            try await Task.sleep(for: .milliseconds(100))
            call.cancel()
            await #expect(throws: NodeError.cancelled(client.endpoint, call: "GetBlockDagInfo")) { _ = try await call.value }
            #expect(try await client.serverInfo().networkId == "devnet")
            await client.close()
            server.beginGracefulShutdown()
        }
    }
}

/// A misbehaving server: stray responses with unknown ids and unknown notifications, reordered answers, answers
/// of the wrong kind, and requests it never answers.
struct RogueService: Protowire_RPC.SimpleServiceProtocol {
    func messageStream(request: RPCAsyncSequence<Protowire_KaspadRequest, any Error>, response: RPCWriter<Protowire_KaspadResponse>,
                       context: ServerContext) async throws {
        var held: Protowire_KaspadRequest?
        func reply(_ id: UInt64, _ payload: Protowire_KaspadResponse.OneOf_Payload) async throws {
            var m = Protowire_KaspadResponse()
            m.id = id
            m.payload = payload
            try await response.write(m)
        }
        for try await r in request {
            switch r.payload {
            case .getServerInfoRequest?:
                var m = Protowire_GetServerInfoResponseMessage()
                m.networkID = "devnet"
                m.hasUtxoIndex_p = true
                m.isSynced = true
                try await reply(r.id &+ 1000, .getSinkBlueScoreResponse(.init()))  // nobody asked
                try await reply(0, .blockAddedNotification(.init()))  // a notification the client does not handle
                try await reply(r.id, .getServerInfoResponse(m))
            case .getCurrentNetworkRequest?:
                held = r  // answered after the next request
            case .getSinkBlueScoreRequest?:
                var m = Protowire_GetSinkBlueScoreResponseMessage()
                m.blueScore = 42
                try await reply(r.id, .getSinkBlueScoreResponse(m))
                if let h = held {
                    var n = Protowire_GetCurrentNetworkResponseMessage()
                    n.currentNetwork = "devnet"
                    try await reply(h.id, .getCurrentNetworkResponse(n))
                    held = nil
                }
            case .pingRequest?:
                try await reply(r.id, .getInfoResponse(.init()))
            default:
                break  // never answered
            }
        }
    }
}
