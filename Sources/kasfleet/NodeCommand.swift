import ArgumentParser

/// `kasfleet node ...`: a Kaspa node's state, and the embedded devnet node.
struct NodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node", abstract: "Ask a Kaspa node how it is, or run the embedded devnet node.",
        subcommands: [NodeInfoCommand.self, NodeDevnetCommand.self])
}
