import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging
import WalletKit

/// A client for kaspad's gRPC API (protowire `MessageStream`): one bidirectional stream carries every call.
/// Each request gets its own id, which the node echoes in its response; notifications arrive with id 0 and are
/// delivered on `events`, together with connection changes. Calls time out (`Options.requestTimeout`) and honour
/// task cancellation. After a disconnection, `connect()` opens a new stream and renews the subscriptions.
public actor NodeClient {
    public struct Options: Sendable {
        /// Time allowed for one call's answer.
        public var requestTimeout: Duration = .seconds(30)
        /// Time allowed for the first answer (GetServerInfo) on a new connection.
        public var connectTimeout: Duration = .seconds(10)
        /// Largest message either side may send; kaspad's own limit (`RPC_MAX_MESSAGE_SIZE`) is 1 GiB.
        public var maxMessageBytes: Int = 1 << 30
        /// Addresses per NotifyUtxosChanged / GetUtxosByAddresses / GetBalancesByAddresses request.
        public var addressBatchSize: Int = 1000

        public init() {}
    }

    public nonisolated let endpoint: NodeEndpoint
    /// Notifications and connection changes, in order. Consume it: it buffers without limit.
    public nonisolated let events: AsyncStream<NodeEvent>
    var utxoReader = AddressUtxoReader()
    let eventSink: AsyncStream<NodeEvent>.Continuation
    let options: Options
    let logger: Logger

    private struct Link {
        let generation: Int
        let outgoing: AsyncStream<Protowire_KaspadRequest>.Continuation
        let task: Task<Void, Never>
        var established = false
    }

    private struct Pending {
        let call: String
        let timeout: Duration
        let continuation: CheckedContinuation<Protowire_KaspadResponse, any Error>
        let timer: Task<Void, Never>
    }

    private var link: Link?
    private var generation = 0
    private var nextId: UInt64 = 1
    private var pending: [UInt64: Pending] = [:]
    /// Subscriptions, renewed on every `connect()`.
    var subscriptions = Subscriptions()

    public init(endpoint: NodeEndpoint, options: Options = Options(),
                logger: Logger = Logger(label: "kasfleet.node-client", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.endpoint = endpoint
        self.options = options
        self.logger = logger
        (events, eventSink) = AsyncStream<NodeEvent>.makeStream()
    }

    deinit {
        link?.outgoing.finish()
        link?.task.cancel()
        eventSink.finish()
    }

    public var isConnected: Bool { link?.established ?? false }

    // MARK: connection

    /// Opens the stream, asks GetServerInfo, checks the network and the UTXO index when asked to, and renews
    /// every subscription. Throws `NodeError.unreachable` when nothing answers.
    @discardableResult
    public func connect(expecting network: Network? = nil, requireUtxoIndex: Bool = false) async throws -> ServerInfo {
        if link != nil { closeLink(reason: nil) }
        openLink()
        do {
            let info = try await serverInfo(timeout: options.connectTimeout)
            if let network, info.network != network {
                throw NodeError.wrongNetwork(endpoint, expected: network, actual: info.networkId)
            }
            if requireUtxoIndex && !info.hasUtxoIndex { throw NodeError.noUtxoIndex(endpoint) }
            link?.established = true
            try await renewSubscriptions()
            eventSink.yield(.connected(info))
            return info
        } catch {
            closeLink(reason: error as? NodeError ?? .notConnected(endpoint))
            throw error
        }
    }

    /// Closes the stream. Pending calls fail with `.notConnected`; subscriptions are kept for the next `connect()`.
    public func disconnect() {
        closeLink(reason: .notConnected(endpoint))
    }

    /// Ends the event stream too; the client cannot be used afterwards.
    public func close() {
        disconnect()
        eventSink.finish()
    }

    private func openLink() {
        generation += 1
        let gen = generation
        let (outgoing, sink) = AsyncStream<Protowire_KaspadRequest>.makeStream()
        let endpoint = self.endpoint
        let maxBytes = options.maxMessageBytes
        let deliver: @Sendable (Protowire_KaspadResponse) async -> Void = { [weak self] message in
            await self?.receive(message, generation: gen)
        }
        let task = Task { [weak self] in
            var failure: (any Error)?
            do {
                let transport = try HTTP2ClientTransport.Posix(
                    target: .dns(host: endpoint.host, port: endpoint.port), transportSecurity: .plaintext,
                    config: .defaults { $0.backoff = .init(initial: .milliseconds(100), max: .seconds(1), multiplier: 1.6, jitter: 0.2) })
                try await withGRPCClient(transport: transport) { grpc in
                    var call = CallOptions.defaults
                    call.waitForReady = false
                    call.maxRequestMessageBytes = maxBytes
                    call.maxResponseMessageBytes = maxBytes
                    try await Protowire_RPC.Client(wrapping: grpc).messageStream(options: call, requestProducer: { writer in
                        for await request in outgoing { try await writer.write(request) }
                    }, onResponse: { response in
                        for try await message in response.messages {
                            await deliver(message)
                            // A burst of large notifications read back to back would hold one of the few threads
                            // Swift's concurrency pool has (one per core) the whole time: let waiting tasks, the
                            // sync engine's among them, run between messages.
                            await Task.yield()
                        }
                    })
                }
            } catch {
                failure = error
            }
            await self?.linkEnded(generation: gen, error: failure)
        }
        link = Link(generation: gen, outgoing: sink, task: task)
    }

    private func closeLink(reason: NodeError?) {
        guard let current = link else { return }
        link = nil
        current.outgoing.finish()
        current.task.cancel()
        failAll(reason ?? .notConnected(endpoint))
    }

    private func linkEnded(generation gen: Int, error: (any Error)?) {
        guard let current = link, current.generation == gen else { return }
        let reason = describeTransportError(error, established: current.established)
        logger.info("stream to node ended", metadata: ["node": "\(endpoint)", "reason": "\(reason)"])
        link = nil
        current.outgoing.finish()
        failAll(reason)
        if current.established { eventSink.yield(.disconnected(reason)) }
    }

    private func failAll(_ error: NodeError) {
        let all = pending
        pending = [:]
        for (_, p) in all {
            p.timer.cancel()
            p.continuation.resume(throwing: error)
        }
    }

    private func describeTransportError(_ error: (any Error)?, established: Bool) -> NodeError {
        guard let error else { return .disconnected(endpoint, detail: "the node closed the stream") }
        if error is CancellationError { return .disconnected(endpoint, detail: "cancelled") }
        let rpc = error as? RPCError
        var detail = rpc?.message ?? "\(error)"
        let chain = "\(String(describing: rpc?.cause))"
        if chain.contains("refused") { detail = "connection refused" }
        if rpc?.code == .resourceExhausted { return .messageTooLarge(endpoint, detail: detail) }
        return established ? .disconnected(endpoint, detail: detail) : .unreachable(endpoint, detail: detail)
    }

    // MARK: requests

    /// Sends one request and waits for the response with the same id.
    func send(_ call: String, _ payload: Protowire_KaspadRequest.OneOf_Payload,
              timeout: Duration? = nil) async throws -> Protowire_KaspadResponse {
        guard let link else { throw NodeError.notConnected(endpoint) }
        if Task.isCancelled { throw NodeError.cancelled(endpoint, call: call) }
        let id = nextId
        nextId = nextId == .max ? 1 : nextId + 1
        var request = Protowire_KaspadRequest()
        request.id = id
        request.payload = payload
        let limit = timeout ?? options.requestTimeout
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Protowire_KaspadResponse, any Error>) in
                let timer = Task { [weak self] in
                    guard (try? await Task.sleep(for: limit)) != nil else { return }
                    await self?.expire(id)
                }
                pending[id] = Pending(call: call, timeout: limit, continuation: continuation, timer: timer)
                link.outgoing.yield(request)
            }
        } onCancel: {
            Task { await self.cancelRequest(id) }
        }
    }

    private func expire(_ id: UInt64) {
        guard let p = pending.removeValue(forKey: id) else { return }
        let c = p.timeout.components
        let seconds = Double(c.seconds) + Double(c.attoseconds) / 1e18
        p.continuation.resume(throwing: NodeError.timeout(endpoint, call: p.call, seconds: seconds))
    }

    private func cancelRequest(_ id: UInt64) {
        guard let p = pending.removeValue(forKey: id) else { return }
        p.timer.cancel()
        p.continuation.resume(throwing: NodeError.cancelled(endpoint, call: p.call))
    }

    private func receive(_ message: Protowire_KaspadResponse, generation gen: Int) {
        guard link?.generation == gen else { return }
        if message.id != 0, let p = pending.removeValue(forKey: message.id) {
            p.timer.cancel()
            p.continuation.resume(returning: message)
            return
        }
        if let event = notification(message) {
            eventSink.yield(event)
        } else {
            // A response nobody waits for (timed out, cancelled, or an id this client never sent): drop it.
            logger.debug("dropped a response without a waiting request", metadata: ["id": "\(message.id)"])
        }
    }

    /// A pushed notification as an event, or nil when the message is not one (or cannot be read).
    private func notification(_ message: Protowire_KaspadResponse) -> NodeEvent? {
        do throws(ProtowireConversionError) {
            switch message.payload {
            case .utxosChangedNotification(let m)?:
                return .utxosChanged(UtxosChanged(added: try utxoReader.read(m.added, field: "added"),
                                                  removed: try utxoReader.read(m.removed, field: "removed")))
            case .virtualDaaScoreChangedNotification(let m)?: return .virtualDaaScoreChanged(m.virtualDaaScore)
            case .sinkBlueScoreChangedNotification(let m)?: return .sinkBlueScoreChanged(m.sinkBlueScore)
            case .virtualChainChangedNotification(let m)?:
                return .virtualChainChanged(try VirtualChainChange(removed: m.removedChainBlockHashes, added: m.addedChainBlockHashes,
                                                                   accepted: m.acceptedTransactionIds))
            default: return nil
            }
        } catch {
            logger.error("unreadable notification from the node", metadata: ["node": "\(endpoint)", "error": "\(error)"])
            return nil
        }
    }
}
