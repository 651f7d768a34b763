import Foundation
import WalletKit

/// A deterministic in-memory wallet and fleet for tests, the benchmark and `kasfleet console --demo`.
///
/// It scales to any number of machines, applies sends and freezes to its own state (so a payment shows up in the
/// receiving machine's balance), checks the password (`demo` unless told otherwise), and, when `live`, simulates
/// a node that connects, syncs and follows the network, and robots paying each other (only robots, so the other
/// machines' balances change only when the operator acts).
public actor DemoDataSource: ConsoleDataSource {
    public static let defaultPassword = "demo"

    var fleet: GeneratedFleet
    let clock: @Sendable () -> Int64
    let startedAt: Int64
    let live: Bool
    let password: String
    var locked: Bool
    var settingsValue: ConsoleSettings
    var mempool = 0
    var simulationStep: UInt64 = 0
    private var orders: [MachineSortKey: [Int32]] = [:]
    private var filtered: (key: String, indices: [Int32])?
    private var summaryCache: WalletSummary?
    private var exportDirectory: URL

    public init(machines: Int = 200, seed: UInt64 = 7, clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) },
                live: Bool = false, locked: Bool = true, password: String = DemoDataSource.defaultPassword,
                exportDirectory: URL = FileManager.default.temporaryDirectory) {
        let now = clock()
        fleet = GeneratedFleet(count: max(0, machines), seed: seed, now: now)
        self.clock = clock
        startedAt = now
        self.live = live
        self.password = password
        self.locked = locked
        self.exportDirectory = exportDirectory
        settingsValue = ConsoleSettings(theme: "dark", idleLockSeconds: 300, nodeURL: "grpc://127.0.0.1:16610", network: .devnet)
    }

    // MARK: - Reading

    public func summary() async throws -> WalletSummary {
        if let s = summaryCache { return s }
        var groups = GeneratedFleet.kinds.map { GroupBalance(name: $0.group, machines: 0, frozen: 0, balance: .zero, spentToday: .zero, dailyBudget: nil, spendPerHour: []) }
        var counts = MachineCounts(total: fleet.machines.count, active: 0, frozen: 0, retired: 0)
        var balances = [UInt64](repeating: 0, count: 3), spent = [UInt64](repeating: 0, count: 3), budgets = [UInt64](repeating: 0, count: 3)
        var over: [Int] = []
        for (i, m) in fleet.machines.enumerated() {
            groups[m.kind].machines += 1
            balances[m.kind] &+= m.balance
            spent[m.kind] &+= m.spent
            budgets[m.kind] &+= m.budget
            switch m.status {
            case .active: counts.active += 1
            case .frozen: counts.frozen += 1; groups[m.kind].frozen += 1
            case .retired: counts.retired += 1
            }
            if m.budget > 0 && m.spent > m.budget { over.append(i) }
        }
        let hour = Int((clock() % 86_400) / 3_600)
        for k in 0..<3 {
            groups[k].balance = Sompi(balances[k])
            groups[k].spentToday = Sompi(spent[k])
            groups[k].dailyBudget = budgets[k] == 0 ? nil : Sompi(budgets[k])
            groups[k].spendPerHour = GeneratedFleet.hourly(spent[k], endingAt: hour)
        }
        let fleetBalance = balances.reduce(0, &+), fleetSpent = spent.reduce(0, &+), fleetBudget = budgets.reduce(0, &+)
        var alerts: [ConsoleAlert] = []
        if !over.isEmpty {
            let names = over.prefix(3).map { fleet.machines[$0].name }.joined(separator: ", ")
            alerts.append(ConsoleAlert(severity: .critical, text: "\(over.count) machines over their daily budget: \(names)\(over.count > 3 ? ", …" : "")",
                                       machine: MachineID(over[0] + 1)))
        }
        let node = await nodeStatus()
        switch node.sync {
        case .synced: break
        case .offline(let why): alerts.append(ConsoleAlert(severity: .critical, text: "node offline: \(why)"))
        default: alerts.append(ConsoleAlert(severity: .warning, text: "node \(node.stateText): balances may be out of date"))
        }
        let waiting = fleet.settlements.filter { $0.state == "awaiting approvals" }.count
        if waiting > 0 { alerts.append(ConsoleAlert(severity: .warning, text: "\(waiting) settlement awaits approvals")) }
        if counts.frozen > 0 { alerts.append(ConsoleAlert(severity: .info, text: "\(NumberText.grouped(counts.frozen)) machines frozen")) }
        let s = WalletSummary(
            walletName: "demo", network: .devnet, walletBalance: Sompi(fleet.walletBalance),
            total: Sompi(fleet.walletBalance &+ fleetBalance), pending: Sompi(fleet.pending), machines: counts, groups: groups,
            spendPerHour: GeneratedFleet.hourly(fleetSpent, endingAt: hour), dailyBudget: fleetBudget == 0 ? nil : Sompi(fleetBudget),
            spentToday: Sompi(fleetSpent), alerts: alerts, recentSettlements: fleet.settlements)
        summaryCache = node.sync == .synced ? s : nil
        return s
    }

    public func machines(_ query: MachineQuery) async throws -> MachinePage {
        let indices = ordered(query)
        let start = min(max(0, query.offset), indices.count)
        let end = min(indices.count, start + max(0, query.limit))
        let rows = query.ascending
            ? (start..<end).map { fleet.row(Int(indices[$0])) }
            : (start..<end).map { fleet.row(Int(indices[indices.count - 1 - $0])) }
        return MachinePage(total: indices.count, offset: start, rows: rows)
    }

    public func machine(_ id: MachineID) async throws -> MachineDetail {
        let i = Int(id) - 1
        guard fleet.machines.indices.contains(i) else { throw ConsoleDataError.notFound("machine \(id)") }
        let row = fleet.row(i)
        let m = fleet.machines[i]
        var rng = DemoRandom(seed: fleet.seed &+ UInt64(id) &* 7919)
        let addressCount = 1 + Int(rng.below(3)) + Int(fleet.addressIndex[id] ?? 0)
        var remaining = m.balance
        var addresses: [MachineAddress] = []
        var utxos: [UtxoRow] = []
        let account = 1 + Int(id)
        for a in 0..<addressCount {
            let share = a == addressCount - 1 ? remaining : remaining / 2
            remaining -= share
            let n = share == 0 ? 0 : 1 + Int(rng.below(3))
            addresses.append(MachineAddress(address: fleet.address(id: id, index: UInt32(a)), path: "m/44'/111111'/\(account)'/0/\(a)", balance: Sompi(share), utxoCount: n))
            var left = share
            for u in 0..<n {
                let amount = u == n - 1 ? left : left / 2
                left -= amount
                let tx = Blake2b.hash(Array("demo-utxo-\(fleet.seed)-\(id)-\(a)-\(u)".utf8)).hex
                let covenant = row.kind == "drone" && a == 0 && u == 0
                utxos.append(UtxoRow(transactionId: tx, index: UInt32(u), amount: Sompi(amount), blockDaaScore: 91_000_000 + rng.below(400_000),
                                     covenantId: covenant ? Blake2b.hash(Array("allowance-\(id)".utf8)).hex : nil,
                                     covenantKind: covenant ? "allowance" : nil))
            }
        }
        let hour = Int((clock() % 86_400) / 3_600)
        let budget = m.budget == 0 ? GeneratedFleet.kinds[m.kind].dailyBudget : m.budget
        let perDay = (0..<30).map { d in d == 29 ? Sompi(m.spent) : Sompi(rng.below(budget + budget / 4)) }
        let policy = PolicySummary(
            perTransaction: m.budget == 0 ? nil : Sompi(m.budget / 5), hourly: m.budget == 0 ? nil : Sompi(m.budget / 4),
            daily: m.budget == 0 ? nil : Sompi(m.budget),
            allowedMachines: row.kind == "drone" ? ["chargers"] : nil, group: row.group, enforcedOnChain: row.kind == "drone")
        let events = fleet.activity.lazy.filter { $0.machine == row.name || $0.text.contains(row.name) }.prefix(50)
        return MachineDetail(
            row: row, tags: [row.kind, "site-\(1 + rng.below(4))"], keySource: "wallet account \(account)", addresses: addresses, utxos: utxos,
            spendPerHour: GeneratedFleet.hourly(m.spent, endingAt: hour), spendPerDay: perDay, policy: policy, events: Array(events))
    }

    public func activity(_ query: ActivityQuery) async throws -> ActivityPage {
        let needle = query.filter.lowercased()
        let rows = needle.isEmpty ? fleet.activity : fleet.activity.filter {
            $0.text.lowercased().contains(needle) || $0.kind.rawValue.contains(needle) || ($0.machine?.contains(needle) ?? false)
        }
        let start = min(max(0, query.offset), rows.count)
        let end = min(rows.count, start + max(0, query.limit))
        return ActivityPage(total: rows.count, offset: start, rows: Array(rows[start..<end]))
    }

    public func nodeStatus() async -> NodeStatus {
        let base: UInt64 = 91_482_117
        let estimate = FeeRates(low: FeeRate(milliSompiPerGram: 1_000), normal: FeeRate(milliSompiPerGram: 1_000), priority: FeeRate(milliSompiPerGram: 2_500))
        var status = NodeStatus(url: settingsValue.nodeURL, network: .devnet, sync: .synced, daaScore: base, mempoolSize: mempool,
                                feeRates: estimate, serverVersion: "kaspad 1.1.0 (demo)", hasUtxoIndex: true, peers: 8,
                                lastUpdate: clock(), isEmbedded: false)
        guard live else { return status }
        let elapsed = max(0, clock() - startedAt)
        if elapsed < 1 {
            status.sync = .connecting
            status.daaScore = nil
        } else if elapsed < 4 {
            status.sync = .syncing(WorkProgress(done: UInt64(elapsed - 1) * 1_000 + 400, total: 3_000))
        } else {
            status.sync = .synced
        }
        status.daaScore = status.daaScore.map { $0 + UInt64(elapsed) * 10 }
        return status
    }

    public func settings() async throws -> ConsoleSettings { settingsValue }

    public func receiveAddress(for target: ReceiveTarget, fresh: Bool) async throws -> ReceiveAddress {
        switch target {
        case .wallet:
            if fresh { fleet.walletAddressIndex += 1 }
            let i = fleet.walletAddressIndex
            return ReceiveAddress(address: fleet.address(id: 0, index: i), label: "wallet account 0", path: "m/44'/111111'/0'/0/\(i)")
        case .machine(let id):
            guard fleet.machines.indices.contains(Int(id) - 1) else { throw ConsoleDataError.notFound("machine \(id)") }
            if fresh { fleet.addressIndex[id, default: 0] += 1 }
            let i = fleet.addressIndex[id] ?? 0
            return ReceiveAddress(address: fleet.address(id: id, index: i), label: fleet.machines[Int(id) - 1].name,
                                  path: "m/44'/111111'/\(1 + id)'/0/\(i)")
        }
    }

    // MARK: - Commands

    public func saveSettings(_ settings: ConsoleSettings) async throws {
        guard settings.idleLockSeconds >= 0 else { throw ConsoleDataError.unavailable("the idle lock must be 0 (never) or more seconds") }
        settingsValue = settings
    }

    public func setFrozen(_ ids: [MachineID], frozen: Bool) async throws -> Int {
        guard !locked else { throw ConsoleDataError.locked }
        var changed = 0
        for id in ids {
            let i = Int(id) - 1
            guard fleet.machines.indices.contains(i), fleet.machines[i].status != .retired else { continue }
            let target: MachineRow.Status = frozen ? .frozen : .active
            guard fleet.machines[i].status != target else { continue }
            fleet.machines[i].status = target
            fleet.machines[i].lastActivity = clock()
            changed += 1
            let name = fleet.machines[i].name
            fleet.append(ActivityRow(id: 0, time: clock(), kind: frozen ? .frozen : .unfrozen, machine: name, machineId: id, amount: nil, transactionId: nil,
                                     text: "operator \(frozen ? "froze" : "unfroze") \(name)"))
        }
        if changed > 0 { invalidate() }
        return changed
    }

    public func exportActivity(_ query: ActivityQuery, format: ExportFormat) async throws -> String {
        let all = try await activity(ActivityQuery(filter: query.filter, offset: 0, limit: .max))
        let url = exportDirectory.appendingPathComponent("kasfleet-activity-\(clock()).\(format.rawValue)")
        try ActivityExport.render(all.rows, format: format).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // MARK: - Secrets and the lock

    public func isLocked() async -> Bool { locked }

    public func unlock(password: Secret) async throws {
        guard password.reveal() == self.password else { throw ConsoleDataError.wrongPassword }
        locked = false
    }

    public func lock() async { locked = true }

    public func revealMnemonic(password: Secret) async throws -> Secret {
        guard !locked else { throw ConsoleDataError.locked }
        guard password.reveal() == self.password else { throw ConsoleDataError.wrongPassword }
        // rusty-kaspa's public test mnemonic: the demo holds no funds.
        return Secret(text: "fringe ceiling crater inject pilot travel gas nurse bulb bullet horn segment snack harbor dice laugh vital cigar push couple plastic into slender worry")
    }

    // MARK: - Internals

    func invalidate() {
        orders = orders.filter { $0.key == .name }
        filtered = nil
        summaryCache = nil
    }

    /// Machine indices matching the filter, in ascending order of the sort key (ties by name).
    private func ordered(_ query: MachineQuery) -> [Int32] {
        let cacheKey = "\(query.sort.rawValue)|\(query.filter.lowercased())"
        if let f = filtered, f.key == cacheKey { return f.indices }
        let order = sortOrder(query.sort)
        let needle = query.filter.lowercased()
        let result: [Int32]
        if needle.isEmpty {
            result = order
        } else {
            result = order.filter { i in
                let m = fleet.machines[Int(i)]
                let k = GeneratedFleet.kinds[m.kind]
                return m.name.contains(needle) || k.group.contains(needle) || m.status.rawValue.contains(needle)
            }
        }
        filtered = (cacheKey, result)
        return result
    }

    private func sortOrder(_ key: MachineSortKey) -> [Int32] {
        if let o = orders[key] { return o }
        var indices = Array(0..<Int32(fleet.machines.count))
        let ms = fleet.machines
        func use(_ m: GeneratedFleet.Machine) -> UInt64 { m.budget == 0 ? 0 : m.spent.multipliedReportingOverflow(by: 1000).partialValue / m.budget }
        switch key {
        case .name: break  // generated in name order
        case .group: indices.sort { (ms[Int($0)].kind, $0) < (ms[Int($1)].kind, $1) }
        case .status: indices.sort { (ms[Int($0)].status.sortRank, $0) < (ms[Int($1)].status.sortRank, $1) }
        case .balance: indices.sort { (ms[Int($0)].balance, $0) < (ms[Int($1)].balance, $1) }
        case .spentToday: indices.sort { (ms[Int($0)].spent, $0) < (ms[Int($1)].spent, $1) }
        case .budgetUse: indices.sort { (use(ms[Int($0)]), $0) < (use(ms[Int($1)]), $1) }
        case .lastActivity: indices.sort { (ms[Int($0)].lastActivity, $0) < (ms[Int($1)].lastActivity, $1) }
        }
        orders[key] = indices
        return indices
    }
}

extension MachineRow.Status {
    var sortRank: Int { self == .active ? 0 : self == .frozen ? 1 : 2 }
}
