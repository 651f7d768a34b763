import WalletKit

extension DevnetNode {
    /// GetFeeEstimate from the mempool's ready transactions (a simplified `mining/src/feerate`): a fee rate gets in
    /// after the blocks that the mass of better-paying transactions fills. Every bucket is at least the minimum
    /// relay fee rate (100 sompi/gram). Priority: the next block; normal: within 10 s and 60 s; low: within an hour.
    public func feeEstimate() -> FeeEstimate {
        let floor = Double(config.params.minimumRelayFeePerKilogram) / 1000
        let interval = 1 / max(config.bps, 0.001)
        let capacity = Double(config.params.massLimits.compute)
        let ranked = mempool.byFeerate.map { (rate: $0.feerate, mass: Double(config.params.massLimits.normalizedMax(
            compute: $0.computeMass, transient: $0.transientMass, storage: $0.storageMass))) }
        /// The rate that beats all but `blocks` blocks' worth of waiting mass, and the time it then waits.
        func bucket(within seconds: Double) -> FeeBucket {
            let blocks = max(1, (seconds / interval).rounded(.down))
            var ahead = 0.0
            for t in ranked {
                ahead += t.mass
                if ahead >= blocks * capacity { return FeeBucket(feerate: max(floor, t.rate * 1.01), estimatedSeconds: seconds) }
            }
            let wait = ((ahead / capacity).rounded(.down) + 1) * interval
            return FeeBucket(feerate: floor, estimatedSeconds: min(seconds, wait))
        }
        return FeeEstimate(priority: bucket(within: interval), normal: [bucket(within: 10), bucket(within: 60)], low: [bucket(within: 3600)])
    }
}

extension FeeEstimate {
    var protowire: Protowire_RpcFeeEstimate {
        var m = Protowire_RpcFeeEstimate()
        m.priorityBucket = Protowire_RpcFeerateBucket(priority)
        m.normalBuckets = normal.map(Protowire_RpcFeerateBucket.init)
        m.lowBuckets = low.map(Protowire_RpcFeerateBucket.init)
        return m
    }
}
