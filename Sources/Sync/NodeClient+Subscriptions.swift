import WalletKit

/// What a client has subscribed to; renewed on every connection.
struct Subscriptions: Sendable {
    var utxoAddresses: [Address] = []
    var utxoAddressSet: Set<Address> = []
    var virtualDaaScore = false
    var sinkBlueScore = false
    /// Nil when not subscribed; otherwise whether accepted transaction ids are wanted.
    var virtualChain: Bool?
}

extension NodeClient {
    /// The addresses whose UTXO changes are subscribed.
    public var watchedAddresses: [Address] { subscriptions.utxoAddresses }

    /// Subscribes to UTXO changes of the addresses (NotifyUtxosChanged, in batches of `Options.addressBatchSize`;
    /// tens of thousands are fine). Addresses already watched are skipped. When not connected, the subscription
    /// is recorded and sent by the next `connect()`.
    public func subscribeUtxosChanged(_ addresses: [Address]) async throws {
        var seen = Set<Address>()
        let fresh = addresses.filter { !subscriptions.utxoAddressSet.contains($0) && seen.insert($0).inserted }
        for batch in fresh.chunked(options.addressBatchSize) {
            if isConnected { try await notifyUtxosChanged(Array(batch), command: .notifyStart) }
            subscriptions.utxoAddresses += batch
            subscriptions.utxoAddressSet.formUnion(batch)
        }
    }

    /// Stops UTXO notifications for the addresses (NotifyUtxosChanged with command STOP).
    public func unsubscribeUtxosChanged(_ addresses: [Address]) async throws {
        let gone = Set(addresses).intersection(subscriptions.utxoAddressSet)
        guard !gone.isEmpty else { return }
        subscriptions.utxoAddresses.removeAll { gone.contains($0) }
        subscriptions.utxoAddressSet.subtract(gone)
        guard isConnected else { return }
        for batch in Array(gone).chunked(options.addressBatchSize) {
            try await notifyUtxosChanged(Array(batch), command: .notifyStop)
        }
    }

    public func subscribeVirtualDaaScoreChanged() async throws {
        if isConnected { try await notifyVirtualDaaScore(.notifyStart) }
        subscriptions.virtualDaaScore = true
    }

    public func unsubscribeVirtualDaaScoreChanged() async throws {
        subscriptions.virtualDaaScore = false
        if isConnected { try await notifyVirtualDaaScore(.notifyStop) }
    }

    public func subscribeSinkBlueScoreChanged() async throws {
        if isConnected { try await notifySinkBlueScore(.notifyStart) }
        subscriptions.sinkBlueScore = true
    }

    public func unsubscribeSinkBlueScoreChanged() async throws {
        subscriptions.sinkBlueScore = false
        if isConnected { try await notifySinkBlueScore(.notifyStop) }
    }

    /// Chain changes: added and removed chain blocks (reorgs), with the ids of accepted transactions if asked.
    public func subscribeVirtualChainChanged(includeAcceptedTransactionIds: Bool = true) async throws {
        if isConnected { try await notifyVirtualChain(.notifyStart, includeAccepted: includeAcceptedTransactionIds) }
        subscriptions.virtualChain = includeAcceptedTransactionIds
    }

    public func unsubscribeVirtualChainChanged() async throws {
        subscriptions.virtualChain = nil
        if isConnected { try await notifyVirtualChain(.notifyStop, includeAccepted: false) }
    }

    /// Sends every recorded subscription again (after a reconnect).
    func renewSubscriptions() async throws {
        for batch in subscriptions.utxoAddresses.chunked(options.addressBatchSize) {
            try await notifyUtxosChanged(Array(batch), command: .notifyStart)
        }
        if subscriptions.virtualDaaScore { try await notifyVirtualDaaScore(.notifyStart) }
        if subscriptions.sinkBlueScore { try await notifySinkBlueScore(.notifyStart) }
        if let accepted = subscriptions.virtualChain { try await notifyVirtualChain(.notifyStart, includeAccepted: accepted) }
    }

    // MARK: requests

    private func notifyUtxosChanged(_ addresses: [Address], command: Protowire_RpcNotifyCommand) async throws {
        var request = Protowire_NotifyUtxosChangedRequestMessage()
        request.addresses = addresses.map(\.string)
        request.command = command
        _ = try await call("NotifyUtxosChanged", .notifyUtxosChangedRequest(request)) {
            if case .notifyUtxosChangedResponse(let m) = $0 { m } else { nil }
        }
    }

    private func notifyVirtualDaaScore(_ command: Protowire_RpcNotifyCommand) async throws {
        var request = Protowire_NotifyVirtualDaaScoreChangedRequestMessage()
        request.command = command
        _ = try await call("NotifyVirtualDaaScoreChanged", .notifyVirtualDaaScoreChangedRequest(request)) {
            if case .notifyVirtualDaaScoreChangedResponse(let m) = $0 { m } else { nil }
        }
    }

    private func notifySinkBlueScore(_ command: Protowire_RpcNotifyCommand) async throws {
        var request = Protowire_NotifySinkBlueScoreChangedRequestMessage()
        request.command = command
        _ = try await call("NotifySinkBlueScoreChanged", .notifySinkBlueScoreChangedRequest(request)) {
            if case .notifySinkBlueScoreChangedResponse(let m) = $0 { m } else { nil }
        }
    }

    private func notifyVirtualChain(_ command: Protowire_RpcNotifyCommand, includeAccepted: Bool) async throws {
        var request = Protowire_NotifyVirtualChainChangedRequestMessage()
        request.command = command
        request.includeAcceptedTransactionIds = includeAccepted
        _ = try await call("NotifyVirtualChainChanged", .notifyVirtualChainChangedRequest(request)) {
            if case .notifyVirtualChainChangedResponse(let m) = $0 { m } else { nil }
        }
    }
}
