import ArgumentParser
import Foundation
import WalletKit

/// One stored address as `--json` shows it.
struct AddressReport: Encodable {
    @NullWhenAbsent var account: String?
    @NullWhenAbsent var machine: String?
    let chain: String
    let index: Int64
    let address: String

    init(_ r: AddressRecord, accounts: [Int64: String], machines: [Int64: String]) {
        account = r.accountId.flatMap { accounts[$0] }
        machine = r.machineId.flatMap { machines[$0] }
        chain = r.chain == 0 ? "receive" : "change"
        index = r.idx
        address = r.address
    }

    static func names(_ store: WalletStore) throws -> ([Int64: String], [Int64: String]) {
        let n = try store.names()
        return (n.accounts, n.machines)
    }
}

struct AddressList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the wallet's stored (watched) addresses.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this account.")
    var account: String?
    @Option(help: "receive or change.")
    var chain: AddressChain?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let (accounts, machines) = try AddressReport.names(wallet)
            let rows = try wallet.addresses(account: account, chain: chain).map { AddressReport($0, accounts: accounts, machines: machines) }
            if json { try Console.json(rows); return }
            for r in rows { Console.out("\(r.account ?? r.machine ?? "-")  \(r.chain) \(r.index)  \(r.address)") }
        }
    }
}

struct AddressNew: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Hand out the next address of an account (stored and watched from now on).")
    @OptionGroup var store: StoreOptions
    @Option(help: "Account name (default: the first account).")
    var account: String?
    @Flag(help: "The change chain instead of receive.")
    var change = false
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            guard let target = try account ?? wallet.accounts().first(where: { $0.machineId == nil })?.name else {
                throw StoreError.unknown(what: "account", name: "(none)")
            }
            let record = try wallet.account(named: target)
            let keys = record.kind == .legacy ? try store.unlock(wallet, for: "legacy addresses are derived from the key") : nil
            let row = try wallet.newAddress(account: target, chain: change ? .change : .receive, keys: keys)
            let (accounts, machines) = try AddressReport.names(wallet)
            let report = AddressReport(row, accounts: accounts, machines: machines)
            if json { try Console.json(report) } else { Console.out(report.address) }
        }
    }
}

struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "balance", abstract: "Balance by state (from the stored UTXOs; sync keeps them current).")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this account.")
    var account: String?
    @Option(help: "Only this machine.")
    var machine: String?
    @Flag(help: "Print JSON on stdout (amounts in sompi).")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let b = try wallet.balance(account: account, machine: machine)
            if json { try Console.json(b); return }
            Console.out("""
                mature             \(b.mature.kasString) KAS
                pending            \(b.pending.kasString) KAS
                coinbase stasis    \(b.stasis.kasString) KAS
                spent in mempool   \(b.spentInMempool.kasString) KAS
                reserved           \(b.reserved.kasString) KAS
                utxos              \(b.utxoCount)
                """)
        }
    }
}

struct UtxoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "utxo", abstract: "Inspect stored UTXOs.", subcommands: [UtxoList.self])
}

struct UtxoList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List UTXOs, largest first.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this account.")
    var account: String?
    @Option(help: "Only this machine.")
    var machine: String?
    @Option(help: "At most this many.")
    var limit: Int = 1000
    @Flag(help: "Print JSON on stdout (amounts in sompi).")
    var json = false

    struct Row: Encodable {
        let outpoint: String
        let address: String
        let amount: UInt64
        let blockDaaScore: Int64
        let isCoinbase: Bool
        @NullWhenAbsent var covenantId: String?
        let state: String
        @NullWhenAbsent var reservation: String?
    }

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let rows = try wallet.utxos(account: account, machine: machine, limit: limit).map { u in
                Row(outpoint: u.outpoint.description, address: u.address, amount: UInt64(clamping: u.amount), blockDaaScore: u.blockDaaScore,
                    isCoinbase: u.isCoinbase, covenantId: u.covenantId.map { Hex.encode(Array($0)) }, state: u.state.rawValue,
                    reservation: try wallet.reservationId(of: u.outpoint))
            }
            if json { try Console.json(rows); return }
            for r in rows { Console.out("\(r.outpoint)  \(Sompi(r.amount).kasString) KAS  \(r.state)\(r.reservation.map { " reserved:\($0)" } ?? "")  \(r.address)") }
        }
    }
}
