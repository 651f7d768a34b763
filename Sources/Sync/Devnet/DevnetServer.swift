import GRPCCore
import GRPCNIOTransportHTTP2Posix

/// kaspad's `protowire.RPC` service (`MessageStream`) over a devnet node: each request is answered on the same
/// stream with the same id, in order; notifications for the connection's subscriptions are pushed between them
/// with id 0. A request without a payload (or with one this protocol version does not know) ends the stream
/// with `invalidArgument`, as kaspad drops such a connection.
struct DevnetRPCService: Protowire_RPC.SimpleServiceProtocol {
    let node: DevnetNode

    func messageStream(request: RPCAsyncSequence<Protowire_KaspadRequest, any Error>, response: RPCWriter<Protowire_KaspadResponse>,
                       context: ServerContext) async throws {
        let (outbox, sink) = AsyncStream<Protowire_KaspadResponse>.makeStream()
        let session = await node.openSession(sink)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await message in outbox { try await response.write(message) }
                }
                for try await message in request {
                    guard message.payload != nil else {
                        throw RPCError(code: .invalidArgument, message: "request \(message.id) has no payload this node knows; closing the stream")
                    }
                    await node.handle(message, session: session)
                }
                sink.finish()
                try await group.waitForAll()
            }
        } catch {
            await node.closeSession(session)
            throw error
        }
        await node.closeSession(session)
    }
}

/// A running gRPC server of a devnet node.
struct DevnetServer: Sendable {
    let grpc: GRPCServer<HTTP2ServerTransport.Posix>
    let task: Task<Void, any Error>
    let host: String
    let port: Int
}

extension DevnetNode {
    /// Starts kaspad's gRPC service on `host:port` (port 0 picks a free one); returns the bound port.
    @discardableResult
    public func startServing(host: String = "127.0.0.1", port: Int = 16610) async throws -> Int {
        if let server { return server.port }
        // Serving again on a port just given up can find it held for a moment by connections still closing:
        // a fixed port is tried for up to 5 s before "address already in use" is final.
        let deadline = ContinuousClock.now + .seconds(port == 0 ? 0 : 5)
        while true {
            do { return try await bind(host: host, port: port) } catch DevnetError.listen(let address, let detail) where detail == Self.inUse {
                guard ContinuousClock.now < deadline else { throw DevnetError.listen(address, detail: detail) }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    static let inUse = "address already in use"

    private func bind(host: String, port: Int) async throws -> Int {
        let maxBytes = config.maxMessageBytes
        let transportConfig = HTTP2ServerTransport.Posix.Config.defaults { $0.rpc.maxRequestPayloadSize = maxBytes }
        let transport = host.contains(":")
            ? HTTP2ServerTransport.Posix(address: .ipv6(host: host, port: port), transportSecurity: .plaintext, config: transportConfig)
            : HTTP2ServerTransport.Posix(address: .ipv4(host: host, port: port), transportSecurity: .plaintext, config: transportConfig)
        let grpc = GRPCServer(transport: transport, services: [DevnetRPCService(node: self)])
        let task = Task { try await grpc.serve() }
        do {
            guard let bound = try await grpc.listeningAddress, let boundPort = bound.ipv4?.port ?? bound.ipv6?.port else {
                throw DevnetError.listen("\(host):\(port)", detail: "no listening address")
            }
            server = DevnetServer(grpc: grpc, task: task, host: host, port: boundPort)
            logger.info("devnet gRPC listening", metadata: ["address": "\(host):\(boundPort)"])
            return boundPort
        } catch {
            task.cancel()
            var detail = "\(error)"
            do { try await task.value } catch { detail = "\(error)" }
            throw DevnetError.listen("\(host):\(port)", detail: detail.contains("in use") ? Self.inUse : detail)
        }
    }

    /// The address the gRPC server listens on, if it runs.
    public var listenAddress: (host: String, port: Int)? { server.map { ($0.host, $0.port) } }

    /// Stops the gRPC server at once: open streams end (clients see the connection drop). State is kept, so
    /// `startServing` again resumes where it stopped.
    public func stopServing() async {
        guard let running = server else { return }
        server = nil
        running.grpc.beginGracefulShutdown()
        running.task.cancel()
        _ = try? await running.task.value
        for id in Array(sessions.keys) { closeSession(id) }
    }

    /// Stops block production and the server and writes the snapshot (when a data directory is configured).
    public func shutdown() async throws {
        stopProducingBlocks()
        await stopServing()
        try saveSnapshot()
    }
}
