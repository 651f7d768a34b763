import WalletKit

/// The devnet's consensus and mempool parameters: rusty-kaspa `DEVNET_PARAMS` (`consensus/core/src/config/params.rs`)
/// at HEAD. They equal mainnet's for everything a wallet meets: 10 BPS blockrate parameters, so coinbase maturity is
/// `BPS × COINBASE_MATURITY_SECONDS` = 1000 DAA; block mass limits compute 500,000, storage 500,000, transient 1,000,000;
/// transaction limits as mainnet; the post-Toccata minimum relay fee of 100 sompi per gram.
/// The devnet's deflationary phase starts at DAA 0, so its block subsidy is month 0 of `SUBSIDY_BY_MONTH_TABLE`
/// (44,000,000,000 sompi per second) divided by 10 BPS: 4,400,000,000 sompi = 44 KAS per block.
public struct DevnetParams: Sendable, Equatable {
    public var validation = ValidationParams()
    public var massLimits = MassLimits.toccata
    public var blockSubsidy = Sompi(4_400_000_000)
    public var minimumRelayFeePerKilogram = Fees.minimumRelayFeePerKilogram

    public static let devnet = DevnetParams()

    public init() {}

    public var coinbaseMaturity: UInt64 { validation.coinbaseMaturity }

    /// rusty-kaspa's devnet genesis hash (`consensus/core/src/config/genesis.rs`, `DEVNET_GENESIS`).
    public static let genesisHash = try! Hash32(hex: "4cb48d0b2073b802360145a15ad1abdc01d89b5c2fe4722630ab9b5fe9dfc4f2")

    /// kaspad's gRPC API version as it reports it (`rpc/core/src/api/ops.rs`).
    public static let rpcApiVersion: UInt32 = 1
    public static let rpcApiRevision: UInt32 = 0
}
