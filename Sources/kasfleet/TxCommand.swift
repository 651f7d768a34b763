import ArgumentParser

/// `kasfleet tx ...`: reading and checking transactions.
struct TxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx", abstract: "Decode and check transactions in RPC JSON.",
        subcommands: [TxDecode.self, TxVerify.self])
}
