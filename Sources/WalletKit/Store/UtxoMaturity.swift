/// When a UTXO becomes spendable in the wallet's eyes (protocol.md §9, rusty-kaspa
/// `wallet/core/src/utxo/settings.rs`): user outputs are pending until blockDaaScore + userMaturity <=
/// virtual DAA score; coinbase outputs are in stasis for `coinbaseStasis`, then pending until `coinbaseMaturity`.
public struct UtxoMaturity: Sendable, Equatable {
    public var userMaturity: UInt64
    public var coinbaseStasis: UInt64
    public var coinbaseMaturity: UInt64

    public init(userMaturity: UInt64, coinbaseStasis: UInt64, coinbaseMaturity: UInt64) {
        self.userMaturity = userMaturity
        self.coinbaseStasis = coinbaseStasis
        self.coinbaseMaturity = coinbaseMaturity
    }

    /// mainnet and testnets: 100 / 500 / 1000 DAA; devnet and simnet: 10 / 50 / 100.
    public static func of(_ network: Network) -> UtxoMaturity {
        switch network {
        case .mainnet, .testnet10, .testnet12: return UtxoMaturity(userMaturity: 100, coinbaseStasis: 500, coinbaseMaturity: 1_000)
        case .devnet, .simnet: return UtxoMaturity(userMaturity: 10, coinbaseStasis: 50, coinbaseMaturity: 100)
        }
    }

    public func state(blockDaaScore: UInt64, isCoinbase: Bool, virtualDaaScore: UInt64) -> UtxoState {
        func reached(_ depth: UInt64) -> Bool {
            let (sum, overflow) = blockDaaScore.addingReportingOverflow(depth)
            return !overflow && sum <= virtualDaaScore
        }
        if isCoinbase {
            if !reached(coinbaseStasis) { return .stasis }
            return reached(coinbaseMaturity) ? .mature : .pending
        }
        return reached(userMaturity) ? .mature : .pending
    }
}
