import ArgumentParser

/// `kasfleet bench …`: performance figures as JSON (product.md §8).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure how fast the wallet does its heavy work.",
        subcommands: [BenchDerive.self])
}
