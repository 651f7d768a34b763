import Foundation
import Sync
import WalletKit

/// The node's state for the top bar and the Node screen, and the change events the console reloads on.
extension LiveDataSource {
    /// Details the sync state does not carry (version, mempool, fee rates) are asked at most every 5 s.
    static let detailsInterval: Int64 = 5

    public func nodeStatus() async -> NodeStatus {
        let now = clock()
        let connected: Bool
        switch syncState {
        case .offline, .connecting: connected = false
        default: connected = true
        }
        if connected, (nodeDetails.map { now - $0.at >= Self.detailsInterval } ?? true) {
            let client = engine.client
            let info = try? await client.serverInfo(timeout: .seconds(2))
            let fees = (try? await client.feeEstimate()).map { e in
                FeeRates(low: (e.low.first ?? e.priority).rate, normal: (e.normal.first ?? e.priority).rate, priority: e.priority.rate)
            }
            let mempool = (try? await client.nodeInfo()).map { Int(clamping: $0.mempoolSize) }
            nodeDetails = (info, fees, mempool, now)
        }
        let sync: NodeStatus.Sync
        var daaScore = nodeDetails?.info?.virtualDaaScore
        switch syncState {
        case .connecting: sync = .connecting
        case .syncing(let percent): sync = .syncing(WorkProgress(done: UInt64(max(0, percent)), total: 100))
        case .synced(let score):
            sync = .synced
            daaScore = score
        case .behind(let reason): sync = .lagging(reason.description)
        case .offline(let reason, _): sync = .offline(reason: reason)
        }
        return NodeStatus(url: "grpc://\(engine.endpoint)", network: store.network, sync: sync, daaScore: daaScore,
                          mempoolSize: connected ? nodeDetails?.mempool : nil, feeRates: connected ? nodeDetails?.fees : nil,
                          serverVersion: nodeDetails?.info?.serverVersion, hasUtxoIndex: nodeDetails?.info?.hasUtxoIndex,
                          peers: nil, lastUpdate: lastNodeMessage, isEmbedded: configuration.isEmbedded)
    }

    func noteSyncState(_ state: SyncState) {
        syncState = state
        lastNodeMessage = clock()
    }

    /// Sync states become `.node` events (one per change of kind, and at most one a second while synced, for
    /// the DAA score); store commits become reloads of what they touch; every 5 s a `.walletChanged` picks up
    /// what another process (a `kasfleet` command in another terminal) wrote.
    public nonisolated func events() -> AsyncStream<DataEvent> {
        let (stream, sink) = AsyncStream<DataEvent>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let tasks = [
            Task { [weak self] in
                guard let engine = self?.engine else { return }
                var lastKind = ""
                var lastSent = Int64.min
                for await state in await engine.stateUpdates() {
                    guard let self else { return }
                    await self.noteSyncState(state)
                    let now = Int64(Date().timeIntervalSince1970)
                    guard state.kind != lastKind || now > lastSent else { continue }
                    lastKind = state.kind
                    lastSent = now
                    sink.yield(.node(await self.nodeStatus()))
                }
            },
            Task { [weak self] in
                guard let changes = self?.store.changes() else { return }
                for await change in changes {
                    guard let self else { return }
                    await self.invalidate(change)
                    switch change {
                    case .utxos: sink.yield(.walletChanged); sink.yield(.machinesChanged([]))
                    case .fleet: sink.yield(.machinesChanged([]))
                    case .history: sink.yield(.activityAppended)
                    }
                }
            },
            Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(5))
                    guard let self else { return }
                    await self.invalidate()
                    sink.yield(.walletChanged)
                }
            },
        ]
        sink.onTermination = { _ in tasks.forEach { $0.cancel() } }
        return stream
    }
}

