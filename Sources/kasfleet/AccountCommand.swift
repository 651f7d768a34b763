import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet account ...`
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "List, create and watch accounts.",
        subcommands: [AccountList.self, AccountCreate.self, AccountWatch.self])
}

/// One account as `--json` shows it (stable keys, explicit nulls).
struct AccountReport: Encodable {
    let name: String
    let kind: String
    let index: Int64
    let watchOnly: Bool
    let publicKeys: [String]
    let requiredSignatures: Int64
    let cosignerIndex: Int64
    let receiveIndex: Int64
    let changeIndex: Int64
    @NullWhenAbsent var machine: String?
    @NullWhenAbsent var receiveAddress: String?

    init(_ a: AccountRecord, store: WalletStore) throws {
        name = a.name
        kind = a.kind.rawValue
        index = a.accountIndex
        watchOnly = a.isWatchOnly
        publicKeys = a.publicKeyList
        requiredSignatures = a.requiredSignatures
        cosignerIndex = a.cosignerIndex
        receiveIndex = a.receiveIndex
        changeIndex = a.changeIndex
        machine = try a.machineId.flatMap { try store.names().machines[$0] }
        receiveAddress = try store.currentReceiveAddress(accountId: a.id)
    }
}

struct AccountList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the wallet's accounts.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let reports = try wallet.accounts().map { try AccountReport($0, store: wallet) }
            if json { try Console.json(reports); return }
            for r in reports {
                let extra = r.kind == "multisig" ? " \(r.requiredSignatures)-of-\(r.publicKeys.count)" : ""
                Console.out("\(r.name)  \(r.kind)\(extra)\(r.watchOnly ? " (watch-only)" : "")  receive \(r.receiveIndex) change \(r.changeIndex)  \(r.receiveAddress ?? "-")")
            }
        }
    }
}

struct AccountCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create the next BIP32 account, or an m-of-n multisig account with --cosigner and --required.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Account name (default account-N / multisig-N).")
    var name: String?
    @Option(name: .customLong("cosigner"), help: "Another cosigner's kpub at m/45'/111111'/0' (repeat for each).")
    var cosigners: [String] = []
    @Option(help: "Signatures required (multisig).")
    var required: Int?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let keys = try store.unlock(wallet, for: "to derive the account")
            let account: AccountRecord
            if cosigners.isEmpty {
                guard required == nil else { throw CLIError.usage("--required needs --cosigner keys") }
                account = try wallet.createAccount(name: name, keys: keys)
            } else {
                let keysList = try cosigners.map { text in
                    do { return try ExtendedPublicKey(text) } catch { throw CLIError.badData("--cosigner \(text): \(error)") }
                }
                account = try wallet.createMultisigAccount(name: name, cosigners: keysList, requiredSignatures: required ?? keysList.count + 1, keys: keys)
            }
            let report = try AccountReport(account, store: wallet)
            if json { try Console.json(report) } else { Console.out("created account \(report.name) (\(report.kind)): \(report.receiveAddress ?? "-")") }
        }
    }
}

struct AccountWatch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Watch an account kpub (no private keys, no password needed).")
    @OptionGroup var store: StoreOptions
    @Option(help: "The account kpub (m/44'/111111'/<n>').")
    var kpub: String
    @Option(help: "Account name (default watch-N).")
    var name: String?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let key: ExtendedPublicKey
            do { key = try ExtendedPublicKey(kpub) } catch { throw CLIError.badData("--kpub: \(error)") }
            let report = try AccountReport(try wallet.watchAccount(kpub: key, name: name), store: wallet)
            if json { try Console.json(report) } else { Console.out("watching account \(report.name): \(report.receiveAddress ?? "-")") }
        }
    }
}
