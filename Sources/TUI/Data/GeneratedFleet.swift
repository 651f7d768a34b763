import WalletKit

/// The demo's data: a generated fleet of chargers, drones and robots, the operator's wallet, a history and a
/// few settlements. Deterministic for a seed and a clock, and built in a few milliseconds even for 100,000
/// machines (addresses are derived only when a screen asks for them).
struct GeneratedFleet: Sendable {
    struct Machine: Sendable {
        var name: String
        var kind: Int
        var status: MachineRow.Status
        var balance: UInt64
        var spent: UInt64
        var budget: UInt64
        var lastActivity: Int64
    }

    struct Kind: Sendable {
        let kind: String
        let group: String
        let dailyBudget: UInt64
    }

    static let kinds = [
        Kind(kind: "charger", group: "chargers", dailyBudget: 200 * Sompi.perKas),
        Kind(kind: "drone", group: "drones", dailyBudget: 50 * Sompi.perKas),
        Kind(kind: "robot", group: "robots", dailyBudget: 100 * Sompi.perKas),
    ]

    /// Relative spend per hour of the day (a working day), for the 24-hour charts.
    static let hourWeights: [UInt64] = [2, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 9, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2]

    let seed: UInt64
    var machines: [Machine]
    var walletBalance: UInt64
    var pending: UInt64
    var activity: [ActivityRow]  // newest first
    var nextActivityId: Int64
    var settlements: [SettlementRow]
    var addressIndex: [MachineID: UInt32] = [:]
    var walletAddressIndex: UInt32 = 0

    init(count: Int, seed: UInt64, now: Int64) {
        self.seed = seed
        var rng = DemoRandom(seed: seed)
        let perKind = (count + 2) / 3
        let digits = max(4, String(perKind).count)
        var machines: [Machine] = []
        machines.reserveCapacity(count)
        for i in 0..<count {
            let k = min(i / perKind, 2)
            let number = String(i - k * perKind + 1)
            let name = Self.kinds[k].kind + "-" + String(repeating: "0", count: max(0, digits - number.count)) + number
            let budget = rng.chance(percent: 92) ? Self.kinds[k].dailyBudget : 0
            let roll = rng.below(100)
            let status: MachineRow.Status = roll < 1 ? .retired : roll < 5 ? .frozen : .active
            let reference = budget == 0 ? Self.kinds[k].dailyBudget : budget
            let spent = status == .active ? rng.below(reference + reference / 5) : 0
            machines.append(Machine(
                name: name, kind: k, status: status,
                balance: 10 * Sompi.perKas + rng.below(4_990 * Sompi.perKas),
                spent: spent, budget: budget, lastActivity: now - Int64(rng.below(3 * 86_400))))
        }
        self.machines = machines
        walletBalance = 250_000 * Sompi.perKas + rng.below(Sompi.perKas)
        pending = 1_250 * Sompi.perKas
        activity = []
        nextActivityId = 1
        settlements = [
            SettlementRow(id: "st-0004", title: "charging round, 24 drones", state: "awaiting approvals", amount: Sompi(1_240 * Sompi.perKas), approvals: 1, requiredApprovals: 2, updatedAt: now - 420),
            SettlementRow(id: "st-0003", title: "insurance premium, week 47", state: "ready", amount: Sompi(310 * Sompi.perKas), approvals: 2, requiredApprovals: 2, updatedAt: now - 3_900),
            SettlementRow(id: "st-0002", title: "robot parts escrow", state: "accepted", amount: Sompi(5_000 * Sompi.perKas), approvals: 3, requiredApprovals: 3, updatedAt: now - 86_000),
            SettlementRow(id: "st-0001", title: "monthly sweep to treasury", state: "accepted", amount: Sompi(42_000 * Sompi.perKas), approvals: 2, requiredApprovals: 2, updatedAt: now - 260_000),
        ]
        // A history: machines paying each other, fundings and the odd freeze.
        var time = now - 30
        var rows: [ActivityRow] = []
        for _ in 0..<min(400, max(40, count * 2)) {
            let a = Int(rng.below(UInt64(count))), b = Int(rng.below(UInt64(count)))
            let amount = Sompi(Sompi.perKas / 10 + rng.below(20 * Sompi.perKas))
            let tx = Blake2b.hash(Array("demo-activity-\(seed)-\(nextActivityId)".utf8)).hex
            let roll = rng.below(10)
            let row: ActivityRow
            if roll < 6 {
                row = ActivityRow(id: 0, time: time, kind: .sent, machine: machines[a].name, machineId: MachineID(a + 1), amount: amount, transactionId: tx,
                                  text: "\(machines[a].name) paid \(machines[b].name) \(AmountText.short(amount)) KAS")
            } else if roll < 9 {
                row = ActivityRow(id: 0, time: time, kind: .funded, machine: machines[a].name, machineId: MachineID(a + 1), amount: amount, transactionId: tx,
                                  text: "wallet funded \(machines[a].name) with \(AmountText.short(amount)) KAS")
            } else {
                row = ActivityRow(id: 0, time: time, kind: machines[a].status == .frozen ? .frozen : .policy, machine: machines[a].name,
                                  machineId: MachineID(a + 1), amount: nil, transactionId: nil,
                                  text: machines[a].status == .frozen ? "operator froze \(machines[a].name)" : "daily budget of \(machines[a].name) set")
            }
            rows.append(row)
            time -= Int64(30 + rng.below(900))
        }
        activity = []
        for row in rows.reversed() { append(row) }
    }

    /// Adds a history entry (newest first) with the next id.
    mutating func append(_ row: ActivityRow) {
        var r = row
        r.id = nextActivityId
        nextActivityId += 1
        activity.insert(r, at: 0)
    }

    func row(_ index: Int) -> MachineRow {
        let m = machines[index]
        let k = Self.kinds[m.kind]
        return MachineRow(id: MachineID(index + 1), name: m.name, kind: k.kind, group: k.group, status: m.status,
                          balance: Sompi(m.balance), spentToday: Sompi(m.spent), dailyBudget: m.budget == 0 ? nil : Sompi(m.budget),
                          lastActivity: m.lastActivity)
    }

    /// The machine with this name: names are generated in sorted order, so a binary search finds it.
    func index(named name: String) -> Int? {
        var lo = 0, hi = machines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if machines[mid].name < name { lo = mid + 1 } else { hi = mid }
        }
        return lo < machines.count && machines[lo].name == name ? lo : nil
    }

    /// A devnet P2PK address for a machine (id > 0) or the wallet (id 0) and index: a hash stands in for the key.
    func address(id: MachineID, index: UInt32) -> String {
        let payload = Blake2b.hash(Array("kasfleet-demo-\(seed)-\(id)-\(index)".utf8)).bytes
        return (try? Address(prefix: .devnet, version: .pubKey, payload: payload).string) ?? ""
    }

    /// Spreads a total over the 24 hours of the day by `hourWeights`, oldest hour first, ending at `hour`.
    static func hourly(_ total: UInt64, endingAt hour: Int) -> [Sompi] {
        let sum = hourWeights.reduce(0, +)
        return (0..<24).map { i in
            let h = (hour + 1 + i) % 24
            return Sompi(total / sum * hourWeights[h] + (total % sum) * hourWeights[h] / sum)
        }
    }
}
