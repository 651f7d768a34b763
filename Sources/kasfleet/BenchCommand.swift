import ArgumentParser

/// `kasfleet bench ...`: speed figures as JSON, to compare side by side with the official SDK
/// (bench/sdk_compare.py does the same work with it). Run them from a release build.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (run from a release build).",
        subcommands: [BenchDerive.self, BenchSign.self, BenchVerify.self, BenchStore.self, BenchDevnet.self, BenchRender.self, BenchSync.self])
}
