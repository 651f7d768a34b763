import ArgumentParser

/// `kasfleet bench ...`: speed figures as JSON, to compare side by side with the official SDK.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (run from a release build).",
        subcommands: [BenchSign.self])
}
