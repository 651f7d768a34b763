import Foundation
import Sync
import WalletKit

/// The console over a real wallet: the store, the sync engine and the sender, the same parts `kasfleet send`,
/// `fleet` and `sync` use, so the console and the CLI cannot disagree about a balance or a policy.
///
/// Reads are store snapshots. The fleet (one row per machine with balance, 24 h spend and limit) is read in one
/// pass and kept until the store reports a change, then windowed, filtered and sorted in memory for the table.
public actor LiveDataSource: ConsoleDataSource {
    public struct Configuration: Sendable {
        public var walletName: String
        /// The embedded devnet node (`make run`), not an external kaspad.
        public var isEmbedded: Bool
        /// Where the console's own settings (theme, idle lock, node) are kept.
        public var settingsFile: URL
        /// Where Activity exports are written.
        public var exportDirectory: URL
        public init(walletName: String, isEmbedded: Bool, settingsFile: URL, exportDirectory: URL) {
            self.walletName = walletName
            self.isEmbedded = isEmbedded
            self.settingsFile = settingsFile
            self.exportDirectory = exportDirectory
        }
    }

    let store: WalletStore
    let engine: SyncEngine
    let sender: Sender
    let configuration: Configuration
    let clock: @Sendable () -> Int64
    /// The vault's data key while the console is unlocked; dropped (and wiped) on lock.
    var keys: UnlockedKeys?
    var fleet: [FleetMachine]?
    var ordered: (key: String, rows: [FleetMachine])?
    var history: [ActivityRow]?
    var syncState: SyncState = .connecting
    var lastNodeMessage: Int64?
    var nodeDetails: (info: ServerInfo?, fees: FeeRates?, mempool: Int?, at: Int64)?

    public init(store: WalletStore, engine: SyncEngine, sender: Sender, configuration: Configuration,
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.store = store
        self.engine = engine
        self.sender = sender
        self.configuration = configuration
        self.clock = clock
    }

    // MARK: - Reading

    public func summary() async throws -> WalletSummary {
        let machines = try fleetMachines()
        let totals = try store.walletTotals()
        var counts = MachineCounts(total: machines.count, active: 0, frozen: 0, retired: 0)
        var byGroup: [String: GroupBalance] = [:]
        var alerts: [ConsoleAlert] = []
        var limits: UInt64 = 0
        var anyLimit = false
        var spent: UInt64 = 0
        for m in machines {
            switch m.status {
            case .active: counts.active += 1
            case .frozen: counts.frozen += 1
            case .retired: counts.retired += 1
            }
            guard m.status != .retired else { continue }
            let name = m.group ?? "(no group)"
            var g = byGroup[name] ?? GroupBalance(name: name, machines: 0, frozen: 0, balance: .zero, spentToday: .zero, dailyBudget: nil, spendPerHour: [])
            g.machines += 1
            if m.status == .frozen { g.frozen += 1 }
            g.balance = g.balance.adding(m.balance) ?? .maxSupply
            g.spentToday = g.spentToday.adding(m.spent24h) ?? .maxSupply
            if let l = m.dailyLimit {
                g.dailyBudget = (g.dailyBudget ?? .zero).adding(l) ?? .maxSupply
                limits &+= l.rawValue
                anyLimit = true
            }
            byGroup[name] = g
            spent &+= m.spent24h.rawValue
            if let l = m.dailyLimit, m.spent24h > l {
                alerts.append(ConsoleAlert(severity: .warning, text: "\(m.name) spent \(m.spent24h.kasString) KAS in 24 h, over its \(l.kasString) KAS budget", machine: m.id))
            }
        }
        var groups = byGroup.values.sorted { $0.name < $1.name }
        for i in groups.indices where groups[i].name != "(no group)" {
            // A group's own budget, when it has one, is the limit the policy applies to the group.
            if let b = try store.budget(.group(groups[i].name)), let daily = b.dailyLimit { groups[i].dailyBudget = daily }
            groups[i].spendPerHour = try store.spendSeries(group: groups[i].name, bucketSeconds: 3_600, buckets: 24, now: clock())
        }
        switch syncState {
        case .offline(let reason, _): alerts.insert(ConsoleAlert(severity: .critical, text: "node offline: \(reason)"), at: 0)
        case .behind(let reason): alerts.insert(ConsoleAlert(severity: .warning, text: "balances may be out of date: \(reason)"), at: 0)
        default: break
        }
        let pendingTransactions = (try? store.pendingTransactions().count) ?? 0
        if pendingTransactions > 0 {
            alerts.append(ConsoleAlert(severity: .info, text: "\(pendingTransactions) transaction\(pendingTransactions == 1 ? "" : "s") waiting for acceptance"))
        }
        return WalletSummary(
            walletName: configuration.walletName, network: store.network, walletBalance: totals.operatorBalance,
            total: totals.operatorBalance.adding(totals.machinesBalance) ?? .maxSupply, pending: totals.incoming,
            machines: counts, groups: groups,
            spendPerHour: try store.spendSeries(bucketSeconds: 3_600, buckets: 24, now: clock()),
            dailyBudget: anyLimit ? Sompi(limits) : nil, spentToday: Sompi(spent), alerts: alerts, recentSettlements: [])
    }

    public func machines(_ query: MachineQuery) async throws -> MachinePage {
        let rows = try orderedFleet(query)
        let start = min(max(0, query.offset), rows.count)
        let end = min(rows.count, start + max(0, query.limit))
        return MachinePage(total: rows.count, offset: start, rows: rows[start..<end].map(Self.row))
    }

    public func machine(_ id: MachineID) async throws -> MachineDetail {
        guard let m = try fleetMachines().first(where: { $0.id == id }) else { throw ConsoleDataError.notFound("machine #\(id)") }
        let record = try store.machine(named: m.name)
        let account = try record.accountId.flatMap { id in try store.accounts().first { $0.id == id } }
        let keySource: String
        switch record.keySource {
        case .account: keySource = "wallet key" + (account.map { " (account \($0.accountIndex))" } ?? "")
        case .publicKey: keySource = "external public key"
        case .kpub: keySource = "external kpub"
        }
        let addresses = try store.machineAddresses(id: id).map { a in
            MachineAddress(address: a.address.address, path: account.flatMap { Self.path($0, chain: a.address.chain, index: a.address.idx) },
                           balance: a.balance, utxoCount: a.utxos)
        }
        let utxos = try store.machineUtxos(id: id).filter { $0.state != .spentInMempool }.map { u in
            UtxoRow(transactionId: u.transactionId.hex, index: UInt32(clamping: u.outputIndex), amount: Sompi(UInt64(clamping: u.amount)),
                    blockDaaScore: UInt64(clamping: u.blockDaaScore), isCoinbase: u.isCoinbase, covenantId: u.covenantId?.hex)
        }
        let own = try store.budget(.machine(m.name))
        let group = try m.group.flatMap { try store.budget(.group($0)) }
        let policy = PolicySummary(
            perTransaction: own?.perTransactionLimit ?? group?.perTransactionLimit, hourly: own?.hourlyLimit ?? group?.hourlyLimit,
            daily: own?.dailyLimit ?? group?.dailyLimit, allowedDestinations: own?.allowedDestinations ?? group?.allowedDestinations,
            allowedMachines: own?.allowedMachines ?? group?.allowedMachines, group: m.group)
        let events = try activityRows().filter { $0.machineId == id || $0.machine == m.name }.prefix(50)
        return MachineDetail(
            row: Self.row(m), tags: record.tagList, keySource: keySource, addresses: addresses, utxos: utxos,
            spendPerHour: try store.spendSeries(machineId: id, bucketSeconds: 3_600, buckets: 24, now: clock()),
            spendPerDay: try store.spendSeries(machineId: id, bucketSeconds: 86_400, buckets: 30, now: clock()),
            policy: policy, events: Array(events))
    }

    public func activity(_ query: ActivityQuery) async throws -> ActivityPage {
        let needle = query.filter.lowercased()
        let all = try activityRows()
        let rows = needle.isEmpty ? all : all.filter {
            $0.text.lowercased().contains(needle) || $0.kind.rawValue.contains(needle) || ($0.machine?.lowercased().contains(needle) ?? false)
                || ($0.transactionId?.hasPrefix(needle) ?? false)
        }
        let start = min(max(0, query.offset), rows.count)
        let end = min(rows.count, start + max(0, query.limit))
        return ActivityPage(total: rows.count, offset: start, rows: Array(rows[start..<end]))
    }

    public func receiveAddress(for target: ReceiveTarget, fresh: Bool) async throws -> ReceiveAddress {
        switch target {
        case .wallet:
            let source = try store.spendSource(named: nil)
            let account = source.name
            let existing = try store.addresses(account: account, chain: .receive)
            let record = fresh || existing.isEmpty ? try store.newAddress(account: account, chain: .receive, keys: keys) : existing[existing.count - 1]
            // A fresh address is watched from now on: tell the engine without waiting for its next tick.
            if fresh { engine.poke() }
            let path = try store.accounts().first { $0.name == account }.flatMap { Self.path($0, chain: record.chain, index: record.idx) }
            return ReceiveAddress(address: record.address, label: "the wallet (\(account))", path: path)
        case .machine(let id):
            guard let m = try fleetMachines().first(where: { $0.id == id }) else { throw ConsoleDataError.notFound("machine #\(id)") }
            // A machine has one registered address (its key's); a fresh one would not be the machine's.
            return ReceiveAddress(address: try store.machine(named: m.name).address, label: m.name, path: nil)
        }
    }

    // MARK: - Internals

    func fleetMachines() throws -> [FleetMachine] {
        if let fleet { return fleet }
        let read = try store.fleetMachines(now: clock())
        fleet = read
        ordered = nil
        return read
    }

    /// Drops what was read from the store, after a change.
    func invalidate(_ change: StoreChange? = nil) {
        if change != .history {
            fleet = nil
            ordered = nil
        }
        if change != .utxos { history = nil }
    }

    /// The machines matching the filter, sorted (ties by name), cached per filter and order.
    func orderedFleet(_ query: MachineQuery) throws -> [FleetMachine] {
        let key = "\(query.sort.rawValue)|\(query.ascending)|\(query.filter.lowercased())"
        let machines = try fleetMachines()
        if let o = ordered, o.key == key { return o.rows }
        let needle = query.filter.lowercased()
        var rows = needle.isEmpty ? machines : machines.filter {
            $0.name.lowercased().contains(needle) || $0.kind.lowercased().contains(needle)
                || ($0.group?.lowercased().contains(needle) ?? false) || $0.status.rawValue.contains(needle)
        }
        // Budget use computed once per machine, not once per comparison.
        let uses = query.sort == .budgetUse ? Dictionary(rows.map { ($0.id, Self.row($0).budgetUsePermille ?? -1) }, uniquingKeysWith: { a, _ in a }) : [:]
        func use(_ m: FleetMachine) -> Int { uses[m.id] ?? -1 }
        func rank(_ s: MachineStatus) -> Int { s == .active ? 0 : s == .frozen ? 1 : 2 }
        let before: (FleetMachine, FleetMachine) -> Bool
        switch query.sort {
        case .name: before = { $0.name < $1.name }
        case .group: before = { ($0.group ?? "", $0.name) < ($1.group ?? "", $1.name) }
        case .status: before = { (rank($0.status), $0.name) < (rank($1.status), $1.name) }
        case .balance: before = { ($0.balance, $0.name) < ($1.balance, $1.name) }
        case .spentToday: before = { ($0.spent24h, $0.name) < ($1.spent24h, $1.name) }
        case .budgetUse: before = { (use($0), $0.name) < (use($1), $1.name) }
        case .lastActivity: before = { ($0.lastActivity, $0.name) < ($1.lastActivity, $1.name) }
        }
        rows.sort(by: query.ascending ? before : { before($1, $0) })
        ordered = (key, rows)
        return rows
    }

    /// The BIP32 path of a derived address (standard accounts: m/44'/111111'/account'/chain/index).
    static func path(_ account: AccountRecord, chain: Int64, index: Int64) -> String? {
        guard account.kind == .bip32, let chain = AddressChain(rawValue: UInt32(clamping: chain)) else { return nil }
        let base = Bip32Account.accountPath(account: UInt32(clamping: account.accountIndex))
        return base.appending(ChildNumber(rawValue: chain.rawValue)).appending(ChildNumber(rawValue: UInt32(clamping: index))).description
    }

    static func row(_ m: FleetMachine) -> MachineRow {
        MachineRow(id: m.id, name: m.name, kind: m.kind, group: m.group, status: MachineRow.Status(rawValue: m.status.rawValue) ?? .active,
                   balance: m.balance, spentToday: m.spent24h, dailyBudget: m.dailyLimit, lastActivity: m.lastActivity)
    }
}
