import ArgumentParser
import Foundation
import WalletKit

/// `kasfleet fleet ...`: the machine registry.
struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet", abstract: "Register machines, set their budgets, freeze and retire them.",
        subcommands: [FleetAdd.self, FleetList.self, FleetShow.self, FleetFreeze.self, FleetUnfreeze.self, FleetBudget.self, FleetCheck.self, FleetRemove.self])
}

/// One machine as `--json` shows it.
struct MachineReport: Encodable {
    let name: String
    let kind: String
    @NullWhenAbsent var group: String?
    let tags: [String]
    let status: String
    let keySource: String
    @NullWhenAbsent var account: String?
    @NullWhenAbsent var publicKey: String?
    let address: String
    /// Sompi spent in the last 24 h.
    let spent24h: UInt64
    let createdAt: String

    init(_ m: MachineRecord, group: String?, account: String?, spent24h: Sompi) {
        name = m.name
        kind = m.kind
        self.group = group
        tags = m.tagList
        status = m.status.rawValue
        keySource = m.keySource.rawValue
        self.account = account
        publicKey = m.publicKey
        address = m.address
        self.spent24h = spent24h.rawValue
        createdAt = isoTime(m.createdAt)
    }
}

struct FleetAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a machine (its key: a new wallet account by default, or --public-key / --kpub).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Unique machine name (letters, digits, '-', '_', '.').")
    var name: String
    @Option(help: "What it is: drone, charger, robot ...")
    var kind: String = "machine"
    @Option(help: "Group (created if new).")
    var group: String?
    @Option(name: .customLong("tag"), help: "A tag (repeat for several).")
    var tags: [String] = []
    @Option(name: .customLong("public-key"), help: "The machine's own public key (33-byte compressed hex); the wallet only watches it.")
    var publicKey: String?
    @Option(help: "The machine's account kpub; watched, several addresses.")
    var kpub: String?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func validate() throws {
        if publicKey != nil && kpub != nil { throw ValidationError("give --public-key or --kpub, not both") }
    }

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let key: MachineKey
            if let publicKey {
                do { key = .publicKey(try PublicKey(hex: publicKey)) } catch { throw CLIError.badData("--public-key is not a compressed secp256k1 public key (66 hex characters)") }
            } else if let kpub {
                do { key = .kpub(try ExtendedPublicKey(kpub)) } catch { throw CLIError.badData("--kpub: \(error)") }
            } else {
                key = .deriveFromWallet(try store.unlock(wallet, for: "to derive the machine's account"))
            }
            let m = try wallet.addMachine(name: name, kind: kind, group: group, tags: tags, key: key)
            let report = MachineReport(m, group: group, account: try m.accountId.flatMap { id in try wallet.accounts().first { $0.id == id }?.name }, spent24h: .zero)
            if json { try Console.json(report) } else { Console.out("added \(m.name) (\(m.kind)) at \(m.address)") }
        }
    }
}

struct FleetList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List machines with their status and last-24-h spend.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this group.")
    var group: String?
    @Option(help: "Only this status: active, frozen or retired.")
    var status: MachineStatus?
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let groups = Dictionary(uniqueKeysWithValues: try wallet.groups().compactMap { g in g.id.map { ($0, g.name) } })
            let spent = Dictionary(uniqueKeysWithValues: try wallet.spendPerMachine().map { ($0.machineId, $0.spent) })
            let rows = try wallet.machines(group: group, status: status).map { m in
                MachineReport(m, group: m.groupId.flatMap { groups[$0] }, account: nil, spent24h: m.id.flatMap { spent[$0] } ?? .zero)
            }
            if json { try Console.json(rows); return }
            let width = max(4, rows.map(\.name.count).max() ?? 4)
            Console.out("name".padding(toLength: width, withPad: " ", startingAt: 0) + "  kind      group       status   spent 24 h (KAS)  address")
            for r in rows {
                Console.out(r.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + r.kind.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                            + (r.group ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + r.status.padding(toLength: 7, withPad: " ", startingAt: 0)
                            + "  " + Sompi(r.spent24h).kasString.padding(toLength: 16, withPad: " ", startingAt: 0) + "  " + r.address)
            }
        }
    }
}

struct FleetShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One machine: key, budget, spend in the last hour and day, balance.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Machine name.")
    var name: String
    @Flag(help: "Print JSON on stdout.")
    var json = false

    struct Report: Encodable {
        let machine: MachineReport
        @NullWhenAbsent var budget: BudgetReport?
        @NullWhenAbsent var groupBudget: BudgetReport?
        let spentLastHour: UInt64
        let spentLast24h: UInt64
        let balance: Balance
    }

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let m = try wallet.machine(named: name)
            let group = try wallet.groupName(id: m.groupId)
            let account = try m.accountId.flatMap { id in try wallet.accounts().first { $0.id == id }?.name }
            let day = try wallet.spent(machine: name, in: .day)
            let report = Report(machine: MachineReport(m, group: group, account: account, spent24h: day),
                                budget: try wallet.budget(.machine(name)).map(BudgetReport.init),
                                groupBudget: try group.flatMap { try wallet.budget(.group($0)) }.map(BudgetReport.init),
                                spentLastHour: try wallet.spent(machine: name, in: .hour).rawValue, spentLast24h: day.rawValue,
                                balance: try wallet.balance(machine: name))
            if json { try Console.json(report); return }
            Console.out("""
                \(m.name)  \(m.kind)  \(m.status.rawValue)  group \(group ?? "-")  tags \(m.tagList.joined(separator: ","))
                key          \(m.keySource.rawValue)\(account.map { " (account \($0))" } ?? "")\(m.publicKey.map { " \($0)" } ?? "")
                address      \(m.address)
                spent        \(Sompi(report.spentLastHour).kasString) KAS last hour, \(day.kasString) KAS last 24 h
                balance      \(report.balance.mature.kasString) KAS mature, \(report.balance.pending.kasString) KAS pending
                budget       \(report.budget?.summary ?? "none")
                group budget \(report.groupBudget?.summary ?? "none")
                """)
        }
    }
}

struct FleetFreeze: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "freeze", abstract: "Stop a machine from spending (audited).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Machine name.")
    var name: String
    @Flag(help: "Print JSON on stdout.")
    var json = false
    func run() throws { try runReporting { try setStatus(store, name, .frozen, json) } }
}

struct FleetUnfreeze: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unfreeze", abstract: "Let a frozen machine spend again (audited).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Machine name.")
    var name: String
    @Flag(help: "Print JSON on stdout.")
    var json = false
    func run() throws { try runReporting { try setStatus(store, name, .active, json) } }
}

struct FleetRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Retire a machine: it can no longer spend; its history, ledger and audit trail stay.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Machine name.")
    var name: String
    @Flag(help: "Print JSON on stdout.")
    var json = false
    func run() throws { try runReporting { try setStatus(store, name, .retired, json) } }
}

func setStatus(_ store: StoreOptions, _ name: String, _ status: MachineStatus, _ json: Bool) throws {
    let m = try store.open().setStatus(machine: name, to: status)
    if json { try Console.json(["name": m.name, "status": m.status.rawValue]) } else { Console.out("\(m.name) is \(m.status.rawValue)") }
}
