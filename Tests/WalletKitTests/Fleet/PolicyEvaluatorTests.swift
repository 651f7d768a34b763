import Foundation
import Testing
@testable import WalletKit

/// Table tests of the policy evaluator: limits, rolling windows, allowlists, frozen and retired machines.
@Suite struct PolicyEvaluatorTests {
    static let now: Int64 = 1_700_000_000
    static let home = "kaspa:qz7ulu4c25dh7fzec9zjyrmlhnkzrg4wmf89q7gzr3gfrsj3uz6xjellj43pf"
    static let other = "kaspa:qrqrnyzdwh9ec2q05guzy3vv33f86nvdyw52qwlmk0mewzx3dgdss3pmcd692"

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var status: MachineStatus = .active
        var budget: Budget?
        var groupBudget: Budget?
        /// (KAS, seconds before now) for the machine; the group ledger is these plus `groupSpends` (the other machines').
        var spends: [(String, Int64)] = []
        var groupSpends: [(String, Int64)] = []
        let amount: String
        var destination: String = PolicyEvaluatorTests.home
        var destinationMachine: String?
        /// Empty: allowed. Otherwise the exact reasons.
        let reasons: [String]
        var testDescription: String { name }
    }

    static func kas(_ s: String) -> Sompi { (try? KasAmount.parse(s)) ?? .zero }
    static func budget(perTx: String? = nil, hourly: String? = nil, daily: String? = nil, destinations: [String]? = nil, machines: [String]? = nil,
                       group: Bool = false) -> Budget {
        Budget(scope: group ? .group("north") : .machine("drone-7"), perTransactionLimit: perTx.map(kas), hourlyLimit: hourly.map(kas),
               dailyLimit: daily.map(kas), allowedDestinations: destinations, allowedMachines: machines)
    }

    static let cases: [Case] = [
        Case(name: "no budget allows", amount: "1000", reasons: []),
        Case(name: "within every limit", budget: budget(perTx: "5", hourly: "10", daily: "15"), spends: [("4", 100), ("3", 7_000)], amount: "3", reasons: []),
        Case(name: "exactly at the daily limit is allowed", budget: budget(daily: "15"), spends: [("12", 60)], amount: "3", reasons: []),
        Case(name: "daily limit exceeded (the example sentence)", budget: budget(daily: "15"), spends: [("12.5", 3_600 * 5)], amount: "3",
             reasons: ["drone-7 would exceed its daily limit: 12.50000000 KAS already spent in the last 24 h, 3.00000000 KAS proposed, limit 15.00000000 KAS"]),
        Case(name: "spends older than 24 h do not count", budget: budget(daily: "15"), spends: [("12.5", 86_400), ("1", 86_399)], amount: "3", reasons: []),
        Case(name: "hourly window: only the last hour counts", budget: budget(hourly: "2"), spends: [("1.5", 3_599), ("5", 3_600)], amount: "0.6",
             reasons: ["drone-7 would exceed its hourly limit: 1.50000000 KAS already spent in the last hour, 0.60000000 KAS proposed, limit 2.00000000 KAS"]),
        Case(name: "per-transaction limit", budget: budget(perTx: "2"), amount: "2.00000001",
             reasons: ["drone-7 would exceed its per-transaction limit: 2.00000001 KAS proposed, limit 2.00000000 KAS"]),
        Case(name: "frozen machine", status: .frozen, amount: "1", reasons: ["drone-7 is frozen: an operator must unfreeze it before it can spend"]),
        Case(name: "retired machine", status: .retired, amount: "1", reasons: ["drone-7 is retired and can no longer spend"]),
        Case(name: "every reason at once", status: .frozen, budget: budget(perTx: "1", hourly: "1", daily: "1", destinations: [home]),
             spends: [("0.5", 10)], amount: "2", destination: other,
             reasons: [
                "drone-7 is frozen: an operator must unfreeze it before it can spend",
                "drone-7 would exceed its per-transaction limit: 2.00000000 KAS proposed, limit 1.00000000 KAS",
                "drone-7 would exceed its hourly limit: 0.50000000 KAS already spent in the last hour, 2.00000000 KAS proposed, limit 1.00000000 KAS",
                "drone-7 would exceed its daily limit: 0.50000000 KAS already spent in the last 24 h, 2.00000000 KAS proposed, limit 1.00000000 KAS",
                "drone-7 may not pay \(other): it is not among its 1 allowed destinations",
             ]),
        Case(name: "allowed destination", budget: budget(destinations: [home]), amount: "1", reasons: []),
        Case(name: "destination not allowed", budget: budget(destinations: [home]), amount: "1", destination: other,
             reasons: ["drone-7 may not pay \(other): it is not among its 1 allowed destinations"]),
        Case(name: "allowed machine", budget: budget(machines: ["charger-2"]), amount: "1", destinationMachine: "charger-2", reasons: []),
        Case(name: "machine not allowed", budget: budget(machines: ["charger-2"]), amount: "1", destinationMachine: "robot-9",
             reasons: ["drone-7 may not pay machine robot-9: it is not among its allowed machines (charger-2)"]),
        Case(name: "only machines allowed: an outside address is refused", budget: budget(machines: ["charger-2"]), amount: "1", destination: other,
             reasons: ["drone-7 may not pay \(other): its budget allows paying only the machines charger-2"]),
        Case(name: "group daily limit counts every machine of the group", groupBudget: budget(daily: "10", group: true),
             spends: [("2", 100)], groupSpends: [("7", 200)], amount: "1.5",
             reasons: ["group north would exceed its daily limit: 9.00000000 KAS already spent by its machines in the last 24 h, 1.50000000 KAS proposed by drone-7, limit 10.00000000 KAS"]),
        Case(name: "group per-transaction limit", groupBudget: budget(perTx: "1", group: true), amount: "1.5",
             reasons: ["drone-7 would exceed the per-transaction limit of group north: 1.50000000 KAS proposed, limit 1.00000000 KAS"]),
        Case(name: "machine and group both refuse", budget: budget(daily: "1"), groupBudget: budget(hourly: "1", group: true), spends: [("0.9", 60)],
             amount: "0.2",
             reasons: [
                "drone-7 would exceed its daily limit: 0.90000000 KAS already spent in the last 24 h, 0.20000000 KAS proposed, limit 1.00000000 KAS",
                "group north would exceed its hourly limit: 0.90000000 KAS already spent by its machines in the last hour, 0.20000000 KAS proposed by drone-7, limit 1.00000000 KAS",
             ]),
        Case(name: "zero amount", amount: "0", reasons: ["drone-7 proposes to pay 0 KAS: the amount must be above zero"]),
    ]

    @Test(arguments: cases)
    func evaluate(_ c: Case) {
        let machine = Machine(name: "drone-7", kind: "drone", group: "north", status: c.status)
        let own = c.spends.map { SpendEntry(machine: "drone-7", amount: Self.kas($0.0), at: Self.now - $0.1) }
        let group = own + c.groupSpends.map { SpendEntry(machine: "other", amount: Self.kas($0.0), at: Self.now - $0.1) }
        let decision = PolicyEvaluator.evaluate(machine: machine, machineBudget: c.budget, groupBudget: c.groupBudget, machineLedger: own,
                                                groupLedger: c.groupSpends.isEmpty ? own : group,
                                                spend: ProposedSpend(machine: "drone-7", amount: Self.kas(c.amount), destination: c.destination,
                                                                     destinationMachine: c.destinationMachine),
                                                now: Self.now)
        #expect(decision == (c.reasons.isEmpty ? .allow : .deny(c.reasons)), "\(c.name)")
    }

    @Test func reportCount() { Fixtures.report("policy evaluator table", Self.cases.count) }
}
