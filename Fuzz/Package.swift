// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets over WalletKit, built only by `make fuzz` with
// `-sanitize=fuzzer,address -parse-as-library`. SwiftPM names an executable's entry point `<Target>_main`;
// each target defines it and runs libFuzzer's driver (FuzzSupport).
let walletKit = Target.Dependency.product(name: "WalletKit", package: "Kasfleet")

let package = Package(
    name: "KasfleetFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Kasfleet", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzAddress", dependencies: [walletKit, "FuzzSupport"]),
        .executableTarget(name: "FuzzAmount", dependencies: [walletKit, "FuzzSupport"]),
        .executableTarget(name: "FuzzTransactionJSON", dependencies: [walletKit, "FuzzSupport"]),
        .executableTarget(name: "FuzzScriptEngine", dependencies: [walletKit, "FuzzSupport"]),
        .executableTarget(name: "FuzzPskt", dependencies: [walletKit, "FuzzSupport"]),
    ]
)
