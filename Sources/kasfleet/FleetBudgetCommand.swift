import ArgumentParser
import Foundation
import WalletKit

/// A budget as `--json` shows it (limits in sompi, null when unlimited).
struct BudgetReport: Encodable {
    @NullWhenAbsent var perTransactionLimit: UInt64?
    @NullWhenAbsent var hourlyLimit: UInt64?
    @NullWhenAbsent var dailyLimit: UInt64?
    @NullWhenAbsent var allowedDestinations: [String]?
    @NullWhenAbsent var allowedMachines: [String]?

    init(_ b: Budget) {
        perTransactionLimit = b.perTransactionLimit?.rawValue
        hourlyLimit = b.hourlyLimit?.rawValue
        dailyLimit = b.dailyLimit?.rawValue
        allowedDestinations = b.allowedDestinations
        allowedMachines = b.allowedMachines
    }

    var summary: String {
        func kas(_ v: UInt64?) -> String { v.map { Sompi($0).kasString + " KAS" } ?? "unlimited" }
        return "per transaction \(kas(perTransactionLimit)), hourly \(kas(hourlyLimit)), daily \(kas(dailyLimit)), destinations "
            + (allowedDestinations.map { $0.joined(separator: ",") } ?? "any") + ", machines " + (allowedMachines.map { $0.joined(separator: ",") } ?? "any")
    }
}

struct FleetBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Show or set the budget of a machine (or of a group with --group).",
        discussion: "Limits are in KAS. Setting replaces the whole budget; options left out are unlimited. Without a setting option it shows the budget.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Machine name (or use --group).")
    var name: String?
    @Option(help: "A group's budget instead of a machine's.")
    var group: String?
    @Option(name: .customLong("per-tx"), help: "Per-transaction limit (KAS).")
    var perTx: String?
    @Option(help: "Rolling one-hour limit (KAS).")
    var hourly: String?
    @Option(help: "Rolling 24-hour limit (KAS).")
    var daily: String?
    @Option(name: .customLong("allow-destination"), help: "An address it may pay (repeat); none given: any.")
    var destinations: [String] = []
    @Option(name: .customLong("allow-machine"), help: "A fleet machine it may pay (repeat); none given: any.")
    var machines: [String] = []
    @Flag(help: "Remove every limit.")
    var clear = false
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func validate() throws {
        guard (name == nil) != (group == nil) else { throw ValidationError("give a machine name or --group, not both") }
    }

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            let scope: Budget.Scope = name.map { .machine($0) } ?? .group(group ?? "")
            let setting = clear || perTx != nil || hourly != nil || daily != nil || !destinations.isEmpty || !machines.isEmpty
            if setting {
                for d in destinations {
                    do { _ = try Address(d) } catch { throw CLIError.badData("--allow-destination \(d): \(error)") }
                }
                let budget = clear ? Budget(scope: scope) : Budget(scope: scope, perTransactionLimit: try kasOption(perTx, "--per-tx"),
                                                                    hourlyLimit: try kasOption(hourly, "--hourly"), dailyLimit: try kasOption(daily, "--daily"),
                                                                    allowedDestinations: destinations.isEmpty ? nil : destinations,
                                                                    allowedMachines: machines.isEmpty ? nil : machines)
                try wallet.setBudget(budget)
            } else if case .machine(let n) = scope {
                _ = try wallet.machine(named: n)
            }
            let report = try wallet.budget(scope).map(BudgetReport.init)
            if json {
                struct Out: Encodable { let scope: String; let name: String; @NullWhenAbsent var budget: BudgetReport? }
                try Console.json(Out(scope: name == nil ? "group" : "machine", name: name ?? group ?? "", budget: report))
            } else {
                Console.out("\(name ?? "group \(group ?? "")"): \(report?.summary ?? "no budget (unlimited)")")
            }
        }
    }
}

struct FleetCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Ask the policy whether a machine may make a spend; exit 0 if allowed, 77 with every reason if not.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Machine name.")
    var name: String
    @Option(help: "Amount in KAS.")
    var amount: String
    @Option(help: "Destination address.")
    var to: String
    @Flag(help: "Print JSON on stdout.")
    var json = false

    func run() throws {
        try runReporting {
            let wallet = try store.open()
            guard let sompi = try kasOption(amount, "--amount") else { throw CLIError.usage("--amount is required") }
            let decision = try wallet.evaluate(ProposedSpend(machine: name, amount: sompi, destination: to))
            if json {
                struct Out: Encodable { let machine: String; let allowed: Bool; let reasons: [String] }
                try Console.json(Out(machine: name, allowed: decision.isAllowed, reasons: decision.reasons))
            } else if decision.isAllowed {
                Console.out("allowed")
            } else {
                for r in decision.reasons { Console.out("denied: \(r)") }
            }
            if !decision.isAllowed { throw ExitCode(ExitStatus.denied.rawValue) }
        }
    }
}
