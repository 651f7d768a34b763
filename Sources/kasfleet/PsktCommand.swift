import ArgumentParser

/// `kasfleet pskt …`: partially signed transactions and bundles in rusty-kaspa's PSKT/PSKB format.
struct PsktCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pskt",
        abstract: "Work with partially signed transactions (PSKT) and bundles (PSKB) in rusty-kaspa's format.",
        subcommands: [PsktParseCommand.self])
}
