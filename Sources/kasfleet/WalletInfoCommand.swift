import ArgumentParser
import Foundation
import WalletKit

struct WalletOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Unlock the wallet with its password and check every stored secret; exit 77 on a wrong password.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let keys = try store.unlock(wallet, for: "to open")
            let secrets = try wallet.verifySecrets(keys: keys)
            if json {
                struct Out: Encodable { let unlocked: Bool; let secrets: Int; let network: String }
                try Console.json(Out(unlocked: true, secrets: secrets, network: store.network.rawValue))
            } else {
                Console.out("unlocked: \(secrets) stored secret(s) verified; the wallet locks again when this command ends")
            }
        }
    }
}

struct WalletInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the wallet file, its format and its contents (no password needed).")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Report: Encodable {
        struct Kdf: Encodable { let algorithm: String; let memoryKiB: UInt32; let iterations: UInt32; let parallelism: UInt32 }
        let network: String
        let path: String
        let fileMode: String
        let migrations: [String]
        let kdf: Kdf?
        let accounts: Int
        let machines: Int
        let groups: Int
        let utxos: Int
        let auditEvents: Int
        @NullWhenAbsent var virtualDaaScore: UInt64?
    }

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let url = store.databaseURL
            let mode = ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? NSNumber).map { String($0.intValue, radix: 8) } ?? "?"
            let table = try wallet.tableCounts()
            let counts = ["account", "machine", "machineGroup", "utxo", "auditEvent"].map { table[$0] ?? 0 }
            let kdf = try wallet.kdfParameters().map { Report.Kdf(algorithm: KdfParameters.algorithm, memoryKiB: $0.memoryKiB, iterations: $0.iterations, parallelism: $0.parallelism) }
            let report = Report(network: store.network.rawValue, path: url.path, fileMode: mode, migrations: try wallet.appliedMigrations(), kdf: kdf,
                                accounts: counts[0], machines: counts[1], groups: counts[2], utxos: counts[3], auditEvents: counts[4],
                                virtualDaaScore: try wallet.virtualDaaScore())
            if json { try Console.json(report); return }
            Console.out("""
                network      \(report.network)
                file         \(report.path) (mode \(mode))
                migrations   \(report.migrations.joined(separator: ", "))
                kdf          \(kdf.map { "\($0.algorithm) m=\($0.memoryKiB) KiB t=\($0.iterations) p=\($0.parallelism)" } ?? "none")
                accounts     \(report.accounts)
                machines     \(report.machines) in \(report.groups) group(s)
                utxos        \(report.utxos)
                audit events \(report.auditEvents)
                """)
        }
    }
}

struct WalletChangePassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-password",
        abstract: "Re-encrypt every stored secret under a new password, in one transaction (a wrong current password changes nothing).")

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("new-password-file"), help: ArgumentHelp("File holding the new password (else typed twice on the terminal).", valueName: "file"))
    var newPasswordFile: String?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let old = try store.password(for: "current")
            let new = try store.newPassword(file: newPasswordFile)
            try wallet.changePassword(old: old, new: new)
            if json { try Console.json(["changed": true]) } else { Console.out("password changed; every stored secret was re-encrypted") }
        }
    }
}
