import WalletKit

/// The protowire calls the devnet answers, as kaspad answers them (rusty-kaspa `rpc/service/src/service.rs`).
/// Every response carries the request's id; a failed call sets `error` (field 1000) and nothing else.
extension DevnetNode {
    /// Answers one request on its connection's stream.
    func handle(_ request: Protowire_KaspadRequest, session id: Int) {
        guard let session = sessions[id], let payload = request.payload else { return }
        var response = Protowire_KaspadResponse()
        response.id = request.id
        response.payload = answer(payload, session: id)
        session.outbox.yield(response)
    }

    func rpcError(_ message: String) -> Protowire_RPCError {
        var e = Protowire_RPCError()
        e.message = message
        return e
    }

    func answer(_ payload: Protowire_KaspadRequest.OneOf_Payload, session: Int) -> Protowire_KaspadResponse.OneOf_Payload {
        switch payload {
        case .getServerInfoRequest:
            var m = Protowire_GetServerInfoResponseMessage()
            m.rpcApiVersion = DevnetParams.rpcApiVersion
            m.rpcApiRevision = DevnetParams.rpcApiRevision
            m.serverVersion = config.serverVersion
            m.networkID = config.network.rawValue
            m.hasUtxoIndex_p = config.utxoIndex
            m.isSynced = reportsSynced
            m.virtualDaaScore = virtualDaaScore
            return .getServerInfoResponse(m)
        case .getCurrentNetworkRequest:
            var m = Protowire_GetCurrentNetworkResponseMessage()
            m.currentNetwork = config.network.rawValue
            return .getCurrentNetworkResponse(m)
        case .getInfoRequest:
            var m = Protowire_GetInfoResponseMessage()
            m.p2PID = "kasfleet-devnet"
            m.mempoolSize = UInt64(mempool.count)
            m.serverVersion = config.serverVersion
            m.isUtxoIndexed = config.utxoIndex
            m.isSynced = reportsSynced
            m.hasNotifyCommand_p = true
            m.hasMessageID_p = true
            return .getInfoResponse(m)
        case .getSyncStatusRequest:
            var m = Protowire_GetSyncStatusResponseMessage()
            m.isSynced = reportsSynced
            return .getSyncStatusResponse(m)
        case .pingRequest:
            return .pingResponse(Protowire_PingResponseMessage())
        case .getBlockDagInfoRequest:
            var m = Protowire_GetBlockDagInfoResponseMessage()
            m.networkName = config.network.rawValue
            m.blockCount = blockCount
            m.headerCount = blockCount
            m.tipHashes = [tip.hash.hex]
            m.difficulty = 1
            m.pastMedianTime = tip.timestamp
            m.virtualParentHashes = [tip.hash.hex]
            m.pruningPointHash = chain[0].hash.hex
            m.virtualDaaScore = virtualDaaScore
            m.sink = tip.hash.hex
            return .getBlockDagInfoResponse(m)
        case .getSinkRequest:
            var m = Protowire_GetSinkResponseMessage()
            m.sink = tip.hash.hex
            return .getSinkResponse(m)
        case .getSinkBlueScoreRequest:
            var m = Protowire_GetSinkBlueScoreResponseMessage()
            m.blueScore = sinkBlueScore
            return .getSinkBlueScoreResponse(m)
        case .getBlockCountRequest:
            var m = Protowire_GetBlockCountResponseMessage()
            m.blockCount = blockCount
            m.headerCount = blockCount
            return .getBlockCountResponse(m)
        case .getCoinSupplyRequest:
            var m = Protowire_GetCoinSupplyResponseMessage()
            guard config.utxoIndex else {
                m.error = Self.noUtxoIndex
                return .getCoinSupplyResponse(m)
            }
            m.maxSompi = Sompi.maxSupply.rawValue
            m.circulatingSompi = utxos.total.rawValue
            return .getCoinSupplyResponse(m)
        case .getUtxosByAddressesRequest(let r):
            var m = Protowire_GetUtxosByAddressesResponseMessage()
            switch indexedScripts(r.addresses) {
            case .failure(let e): m.error = e.error
            case .success(let scripts):
                for script in scripts {
                    let address = address(of: script)
                    m.entries += utxos.utxos(of: script).map { Protowire_RpcUtxosByAddressesEntry(address: address, outpoint: $0.0, entry: $0.1) }
                }
            }
            return .getUtxosByAddressesResponse(m)
        case .getBalanceByAddressRequest(let r):
            var m = Protowire_GetBalanceByAddressResponseMessage()
            switch indexedScripts([r.address]) {
            case .failure(let e): m.error = e.error
            case .success(let scripts): m.balance = utxos.balance(of: scripts[0]).rawValue
            }
            return .getBalanceByAddressResponse(m)
        case .getBalancesByAddressesRequest(let r):
            var m = Protowire_GetBalancesByAddressesResponseMessage()
            switch indexedScripts(r.addresses) {
            case .failure(let e): m.error = e.error
            case .success(let scripts):
                m.entries = zip(r.addresses, scripts).map { text, script in
                    var e = Protowire_RpcBalancesByAddressesEntry()
                    e.address = address(of: script)?.string ?? text
                    e.balance = utxos.balance(of: script).rawValue
                    return e
                }
            }
            return .getBalancesByAddressesResponse(m)
        case .getMempoolEntriesByAddressesRequest(let r):
            var m = Protowire_GetMempoolEntriesByAddressesResponseMessage()
            switch scripts(r.addresses) {
            case .failure(let e): m.error = e.error
            case .success(let scripts):
                m.entries = zip(r.addresses, scripts).map { text, script in
                    let (sending, receiving) = mempool.entries(of: script)
                    var e = Protowire_RpcMempoolEntryByAddress()
                    e.address = address(of: script)?.string ?? text
                    if !r.filterTransactionPool {
                        e.sending = sending.map(rpcEntry)
                        e.receiving = receiving.map(rpcEntry)
                    }
                    return e
                }
            }
            return .getMempoolEntriesByAddressesResponse(m)
        case .getMempoolEntryRequest(let r):
            var m = Protowire_GetMempoolEntryResponseMessage()
            if let id = try? Hash32(hex: r.txID), let mtx = mempool.transactions[id], !r.filterTransactionPool {
                m.entry = rpcEntry(mtx)
            } else {
                m.error = rpcError("Transaction \(r.txID) not found")
            }
            return .getMempoolEntryResponse(m)
        case .getMempoolEntriesRequest(let r):
            var m = Protowire_GetMempoolEntriesResponseMessage()
            if !r.filterTransactionPool { m.entries = mempool.byFeerate.map(rpcEntry) }
            return .getMempoolEntriesResponse(m)
        case .getFeeEstimateRequest:
            var m = Protowire_GetFeeEstimateResponseMessage()
            m.estimate = feeEstimate().protowire
            return .getFeeEstimateResponse(m)
        case .getFeeEstimateExperimentalRequest(let r):
            var m = Protowire_GetFeeEstimateExperimentalResponseMessage()
            m.estimate = feeEstimate().protowire
            if r.verbose {
                m.verbose.mempoolReadyTransactionsCount = UInt64(mempool.count)
                m.verbose.mempoolReadyTransactionsTotalMass = mempool.transactions.values.reduce(0) { $0 + $1.computeMass }
                m.verbose.networkMassPerSecond = config.params.massLimits.compute * 10
            }
            return .getFeeEstimateExperimentalResponse(m)
        case .submitTransactionRequest(let r):
            var m = Protowire_SubmitTransactionResponseMessage()
            do {
                let tx = try Transaction(protowire: r.transaction)
                do {
                    m.transactionID = try submit(tx).hex
                } catch {
                    m.error = rpcError("Rejected transaction \(tx.id): \(error)")
                }
            } catch {
                m.error = rpcError("\(error)")
            }
            return .submitTransactionResponse(m)
        case .notifyUtxosChangedRequest(let r):
            var m = Protowire_NotifyUtxosChangedResponseMessage()
            if let e = updateUtxoSubscription(session: session, addresses: r.addresses, start: r.command == .notifyStart) { m.error = rpcError(e) }
            return .notifyUtxosChangedResponse(m)
        case .stopNotifyingUtxosChangedRequest(let r):
            var m = Protowire_StopNotifyingUtxosChangedResponseMessage()
            if let e = updateUtxoSubscription(session: session, addresses: r.addresses, start: false) { m.error = rpcError(e) }
            return .stopNotifyingUtxosChangedResponse(m)
        case .notifyVirtualDaaScoreChangedRequest(let r):
            updateSession(session) { $0.virtualDaaScore = r.command == .notifyStart }
            return .notifyVirtualDaaScoreChangedResponse(Protowire_NotifyVirtualDaaScoreChangedResponseMessage())
        case .notifySinkBlueScoreChangedRequest(let r):
            updateSession(session) { $0.sinkBlueScore = r.command == .notifyStart }
            return .notifySinkBlueScoreChangedResponse(Protowire_NotifySinkBlueScoreChangedResponseMessage())
        case .notifyVirtualChainChangedRequest(let r):
            updateSession(session) { $0.virtualChain = r.command == .notifyStart ? r.includeAcceptedTransactionIds : nil }
            return .notifyVirtualChainChangedResponse(Protowire_NotifyVirtualChainChangedResponseMessage())
        case .getVirtualChainFromBlockRequest(let r):
            return .getVirtualChainFromBlockResponse(virtualChain(from: r))
        default:
            return notImplemented(payload)
        }
    }

    struct Failure: Error {
        let error: Protowire_RPCError
    }

    /// kaspad's answer to the calls that read the UTXO index when it has none (rusty-kaspa `rpc/core/src/error.rs`,
    /// `RpcError::NoUtxoIndex`; `rpc/service/src/service.rs` checks `config.utxoindex` first).
    static var noUtxoIndex: Protowire_RPCError {
        var e = Protowire_RPCError()
        e.message = "Method unavailable. Run the node with the --utxoindex argument."
        return e
    }

    /// `scripts(addresses)` for the calls answered from the UTXO index: refused when the node keeps none.
    private func indexedScripts(_ addresses: [String]) -> Result<[ScriptPublicKey], Failure> {
        config.utxoIndex ? scripts(addresses) : .failure(Failure(error: Self.noUtxoIndex))
    }

    /// Script public keys of address strings, or the RPC error for the first unreadable one.
    private func scripts(_ addresses: [String]) -> Result<[ScriptPublicKey], Failure> {
        var out: [ScriptPublicKey] = []
        out.reserveCapacity(addresses.count)
        for text in addresses {
            guard let address = try? Address(text) else { return .failure(Failure(error: rpcError("invalid address '\(text.prefix(100))'"))) }
            out.append(ScriptPublicKey(address: address))
        }
        return .success(out)
    }

    private func rpcEntry(_ mtx: MempoolTransaction) -> Protowire_RpcMempoolEntry {
        var e = Protowire_RpcMempoolEntry()
        e.fee = mtx.fee.rawValue
        e.transaction = Protowire_RpcTransaction(mtx.tx)
        e.isOrphan = false
        return e
    }

    /// The chain from `startHash` to the sink: blocks removed since (when it was taken off by a reorg), then added.
    private func virtualChain(from r: Protowire_GetVirtualChainFromBlockRequestMessage) -> Protowire_GetVirtualChainFromBlockResponseMessage {
        var m = Protowire_GetVirtualChainFromBlockResponseMessage()
        guard let start = try? Hash32(hex: r.startHash) else {
            m.error = rpcError("invalid start hash '\(r.startHash.prefix(80))'")
            return m
        }
        var removed: [DevnetBlock] = []
        var cursor = start
        while heights[cursor] == nil {
            guard let block = orphaned[cursor] else {
                m.error = rpcError("cannot find header \(start)")
                return m
            }
            removed.append(block)
            cursor = block.parent
        }
        guard let fork = heights[cursor] else { return m }
        var added = Array(chain[(fork + 1)...])
        if r.hasMinConfirmationCount { added = Array(added.dropLast(Int(min(r.minConfirmationCount, UInt64(added.count))))) }
        let change = chainChange(removed: removed, added: added, includeAccepted: r.includeAcceptedTransactionIds)
        m.removedChainBlockHashes = change.removedChainBlockHashes
        m.addedChainBlockHashes = change.addedChainBlockHashes
        m.acceptedTransactionIds = change.acceptedTransactionIds
        return m
    }
}
