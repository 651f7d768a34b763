import WalletKit

/// A response message: each carries `RPCError error = 1000`.
protocol RPCResponseMessage {
    var hasError: Bool { get }
    var error: Protowire_RPCError { get }
}

extension Protowire_GetServerInfoResponseMessage: RPCResponseMessage {}
extension Protowire_GetCurrentNetworkResponseMessage: RPCResponseMessage {}
extension Protowire_GetInfoResponseMessage: RPCResponseMessage {}
extension Protowire_GetBlockDagInfoResponseMessage: RPCResponseMessage {}
extension Protowire_GetSinkBlueScoreResponseMessage: RPCResponseMessage {}
extension Protowire_GetUtxosByAddressesResponseMessage: RPCResponseMessage {}
extension Protowire_GetBalancesByAddressesResponseMessage: RPCResponseMessage {}
extension Protowire_GetMempoolEntriesByAddressesResponseMessage: RPCResponseMessage {}
extension Protowire_GetFeeEstimateResponseMessage: RPCResponseMessage {}
extension Protowire_SubmitTransactionResponseMessage: RPCResponseMessage {}
extension Protowire_GetVirtualChainFromBlockResponseMessage: RPCResponseMessage {}
extension Protowire_PingResponseMessage: RPCResponseMessage {}
extension Protowire_NotifyUtxosChangedResponseMessage: RPCResponseMessage {}
extension Protowire_NotifyVirtualDaaScoreChangedResponseMessage: RPCResponseMessage {}
extension Protowire_NotifySinkBlueScoreChangedResponseMessage: RPCResponseMessage {}
extension Protowire_NotifyVirtualChainChangedResponseMessage: RPCResponseMessage {}

extension NodeClient {
    /// One call: send, match the answer by id, check it is the expected kind and carries no error.
    func call<M: RPCResponseMessage>(_ name: String, _ payload: Protowire_KaspadRequest.OneOf_Payload, timeout: Duration? = nil,
                                     _ extract: (Protowire_KaspadResponse.OneOf_Payload) -> M?) async throws -> M {
        let response = try await send(name, payload, timeout: timeout)
        guard let p = response.payload, let message = extract(p) else {
            let got = response.payload.map { String(describing: $0).prefix(while: { $0 != "(" }) } ?? "an empty message"
            throw NodeError.badResponse(endpoint, call: name, detail: "expected its response, got \(got)")
        }
        if message.hasError { throw NodeError.fromRPCMessage(message.error.message, call: name, endpoint: endpoint) }
        return message
    }

    func read<T>(_ name: String, _ body: () throws(ProtowireConversionError) -> T) throws -> T {
        do { return try body() } catch { throw NodeError.badResponse(endpoint, call: name, detail: error.description) }
    }

    // MARK: node state

    public func serverInfo(timeout: Duration? = nil) async throws -> ServerInfo {
        let m = try await call("GetServerInfo", .getServerInfoRequest(.init()), timeout: timeout) {
            if case .getServerInfoResponse(let m) = $0 { m } else { nil }
        }
        return ServerInfo(rpcApiVersion: m.rpcApiVersion, rpcApiRevision: m.rpcApiRevision, serverVersion: m.serverVersion,
                          networkId: m.networkID, hasUtxoIndex: m.hasUtxoIndex_p, isSynced: m.isSynced, virtualDaaScore: m.virtualDaaScore)
    }

    public func currentNetwork() async throws -> String {
        try await call("GetCurrentNetwork", .getCurrentNetworkRequest(.init())) {
            if case .getCurrentNetworkResponse(let m) = $0 { m } else { nil }
        }.currentNetwork
    }

    /// `GetInfo`: mempool size, version and flags.
    public func nodeInfo() async throws -> NodeInfo {
        let m = try await call("GetInfo", .getInfoRequest(.init())) { if case .getInfoResponse(let m) = $0 { m } else { nil } }
        return NodeInfo(p2pId: m.p2PID, mempoolSize: m.mempoolSize, serverVersion: m.serverVersion, isUtxoIndexed: m.isUtxoIndexed,
                        isSynced: m.isSynced, hasNotifyCommand: m.hasNotifyCommand_p, hasMessageId: m.hasMessageID_p)
    }

    public func blockDagInfo() async throws -> BlockDagInfo {
        let name = "GetBlockDagInfo"
        let m = try await call(name, .getBlockDagInfoRequest(.init())) { if case .getBlockDagInfoResponse(let m) = $0 { m } else { nil } }
        return try read(name) { () throws(ProtowireConversionError) in
            BlockDagInfo(networkName: m.networkName, blockCount: m.blockCount, headerCount: m.headerCount,
                         tipHashes: try m.tipHashes.map { h throws(ProtowireConversionError) in try decodeHash(h, field: "tipHashes") },
                         difficulty: m.difficulty, pastMedianTime: m.pastMedianTime,
                         virtualParentHashes: try m.virtualParentHashes.map { h throws(ProtowireConversionError) in try decodeHash(h, field: "virtualParentHashes") },
                         pruningPointHash: try decodeHash(m.pruningPointHash, field: "pruningPointHash"),
                         virtualDaaScore: m.virtualDaaScore, sink: try decodeHash(m.sink, field: "sink"))
        }
    }

    public func sinkBlueScore() async throws -> UInt64 {
        try await call("GetSinkBlueScore", .getSinkBlueScoreRequest(.init())) {
            if case .getSinkBlueScoreResponse(let m) = $0 { m } else { nil }
        }.blueScore
    }

    public func ping() async throws {
        _ = try await call("Ping", .pingRequest(.init())) { if case .pingResponse(let m) = $0 { m } else { nil } }
    }

    // MARK: UTXO index (kaspad --utxoindex)

    /// Every UTXO of the addresses, asked in batches of `Options.addressBatchSize`.
    public func utxos(for addresses: [Address]) async throws -> [AddressUtxo] {
        let name = "GetUtxosByAddresses"
        var all: [AddressUtxo] = []
        for batch in addresses.chunked(options.addressBatchSize) {
            var request = Protowire_GetUtxosByAddressesRequestMessage()
            request.addresses = batch.map(\.string)
            let m = try await call(name, .getUtxosByAddressesRequest(request)) {
                if case .getUtxosByAddressesResponse(let m) = $0 { m } else { nil }
            }
            all += try read(name) { () throws(ProtowireConversionError) in try utxoReader.read(m.entries, field: "entries") }
        }
        return all
    }

    public func balances(for addresses: [Address]) async throws -> [AddressBalance] {
        let name = "GetBalancesByAddresses"
        var all: [AddressBalance] = []
        for batch in addresses.chunked(options.addressBatchSize) {
            var request = Protowire_GetBalancesByAddressesRequestMessage()
            request.addresses = batch.map(\.string)
            let m = try await call(name, .getBalancesByAddressesRequest(request)) {
                if case .getBalancesByAddressesResponse(let m) = $0 { m } else { nil }
            }
            for e in m.entries {
                if e.hasError { throw NodeError.fromRPCMessage(e.error.message, call: name, endpoint: endpoint) }
                let address = try read(name) { () throws(ProtowireConversionError) in try decodeAddress(e.address, field: "entries.address") }
                all.append(AddressBalance(address: address, balance: Sompi(e.balance)))
            }
        }
        return all
    }

    public func mempoolEntries(for addresses: [Address], includeOrphanPool: Bool = false,
                               filterTransactionPool: Bool = false) async throws -> [AddressMempoolEntries] {
        let name = "GetMempoolEntriesByAddresses"
        var all: [AddressMempoolEntries] = []
        for batch in addresses.chunked(options.addressBatchSize) {
            var request = Protowire_GetMempoolEntriesByAddressesRequestMessage()
            request.addresses = batch.map(\.string)
            request.includeOrphanPool = includeOrphanPool
            request.filterTransactionPool = filterTransactionPool
            let m = try await call(name, .getMempoolEntriesByAddressesRequest(request)) {
                if case .getMempoolEntriesByAddressesResponse(let m) = $0 { m } else { nil }
            }
            all += try read(name) { () throws(ProtowireConversionError) in
                try m.entries.map { e throws(ProtowireConversionError) in
                    AddressMempoolEntries(
                        address: try decodeAddress(e.address, field: "entries.address"),
                        sending: try e.sending.map { x throws(ProtowireConversionError) in try MempoolEntry(protowire: x, field: "sending") },
                        receiving: try e.receiving.map { x throws(ProtowireConversionError) in try MempoolEntry(protowire: x, field: "receiving") })
                }
            }
        }
        return all
    }

    // MARK: fees and transactions

    public func feeEstimate() async throws -> FeeEstimate {
        let m = try await call("GetFeeEstimate", .getFeeEstimateRequest(.init())) {
            if case .getFeeEstimateResponse(let m) = $0 { m } else { nil }
        }
        guard m.hasEstimate else { throw NodeError.badResponse(endpoint, call: "GetFeeEstimate", detail: "estimate is missing") }
        return FeeEstimate(priority: FeeBucket(protowire: m.estimate.priorityBucket), normal: m.estimate.normalBuckets.map(FeeBucket.init),
                           low: m.estimate.lowBuckets.map(FeeBucket.init))
    }

    /// Submits a signed transaction; returns the id the node computed. A rejection is `NodeError.rpc` with the
    /// node's reason ("Rejected transaction <id>: ...").
    public func submit(_ tx: Transaction, allowOrphan: Bool = false) async throws -> TransactionID {
        let name = "SubmitTransaction"
        var request = Protowire_SubmitTransactionRequestMessage()
        request.transaction = Protowire_RpcTransaction(tx)
        request.allowOrphan = allowOrphan
        let m = try await call(name, .submitTransactionRequest(request)) {
            if case .submitTransactionResponse(let m) = $0 { m } else { nil }
        }
        return try read(name) { () throws(ProtowireConversionError) in try decodeHash(m.transactionID, field: "transactionId") }
    }

    /// The virtual selected-parent chain from `start` to the sink: what was removed (a reorg) and added since,
    /// with the transactions each added block accepted.
    public func virtualChain(from start: Hash32, includeAcceptedTransactionIds: Bool = true,
                             minConfirmationCount: UInt64? = nil) async throws -> VirtualChainChange {
        let name = "GetVirtualChainFromBlock"
        var request = Protowire_GetVirtualChainFromBlockRequestMessage()
        request.startHash = start.hex
        request.includeAcceptedTransactionIds = includeAcceptedTransactionIds
        if let minConfirmationCount { request.minConfirmationCount = minConfirmationCount }
        let m = try await call(name, .getVirtualChainFromBlockRequest(request)) {
            if case .getVirtualChainFromBlockResponse(let m) = $0 { m } else { nil }
        }
        return try read(name) { () throws(ProtowireConversionError) in
            try VirtualChainChange(removed: m.removedChainBlockHashes, added: m.addedChainBlockHashes, accepted: m.acceptedTransactionIds)
        }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (none for an empty array).
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        let n = Swift.max(1, size)
        return stride(from: 0, to: count, by: n).map { self[$0..<Swift.min($0 + n, count)] }
    }
}
