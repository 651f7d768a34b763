// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: kasfleet -> TUI -> Sync -> WalletKit.
// System C libraries come from Debian through the small module maps under Sources/C*.
let package = Package(
    name: "Kasfleet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kasfleet", targets: ["kasfleet"]),
        .library(name: "WalletKit", targets: ["WalletKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        // No pkgConfig for ncursesw: its Cflags are prohibited by SwiftPM (see shared build notes).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CQrencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        .target(
            name: "WalletKit",
            dependencies: [
                "CSecp256k1", "CSodium",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "Sync", dependencies: ["WalletKit"]),
        .target(name: "TUI", dependencies: ["Sync", "WalletKit", "CNcursesw", "CQrencode"]),
        .executableTarget(
            name: "kasfleet",
            dependencies: ["TUI", "Sync", "WalletKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "WalletKitTests", dependencies: ["WalletKit"]),
        // SyncTests arrive with the sync issue.
        .testTarget(name: "TUITests", dependencies: ["TUI"]),
        .testTarget(name: "KasfleetTests", dependencies: ["WalletKit"]),
    ]
)
