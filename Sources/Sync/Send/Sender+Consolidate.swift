import Foundation
import WalletKit

extension Sender {
    /// `sweep`: every spendable UTXO of an account or machine to `destination`, in as many transactions as the
    /// mass limits need. An operator action: audited, not counted against a machine's budget.
    public func sweep(from source: SpendSource, to destination: Address, fee: FeePolicy = .estimate, dryRun: Bool,
                      keys: UnlockedKeys?) async throws -> SendReport {
        try await consolidate(source, to: ScriptPublicKey(address: destination), minimumInputs: 1, fee: fee, dryRun: dryRun, keys: keys,
                              audit: "funds.swept", describe: "to \(destination.string)")
    }

    /// `compound`: merges the small UTXOs of an account or machine into one output of its own, one transaction
    /// per batch that fits the mass limits (compute and storage). Run it again to merge the batches' outputs.
    public func compound(from source: SpendSource, fee: FeePolicy = .estimate, dryRun: Bool, keys: UnlockedKeys?) async throws -> SendReport {
        let own = ScriptPublicKey(address: try Address(try store.changeAddress(source)))
        return try await consolidate(source, to: own, minimumInputs: 2, fee: fee, dryRun: dryRun, keys: keys, audit: "utxos.compounded", describe: "into its own address")
    }

    /// The planner sizes; each batch is reserved on its own, so a failure part way releases only what was not sent.
    func consolidate(_ source: SpendSource, to destination: ScriptPublicKey, minimumInputs: Int, fee: FeePolicy, dryRun: Bool,
                     keys: UnlockedKeys?, audit: String, describe: String) async throws -> SendReport {
        _ = try store.signingAccount(source)
        let rate = try await feeRate(fee)
        let utxos = try store.spendableUtxos(source)
        let planner = ConsolidationPlanner(feeRate: rate, priorityFee: fee.priorityFee)
        let plan: ConsolidationPlanner.Plan
        do {
            plan = try planner.plan(utxos.map { TransactionBuilder.Spend(outpoint: $0.outpoint, entry: $0.entry) }, to: destination, minimumInputs: minimumInputs)
        } catch .nothingToSpend {
            throw SendError.nothingToConsolidate("\(source) has no mature UTXO worth more than the \(planner.inputFee().kasString) KAS fee of its input")
        } catch {
            throw SendError.nothingToConsolidate(error.description)
        }
        if plan.batches.isEmpty {
            let held = "\(source) has \(utxos.count) spendable UTXO\(utxos.count == 1 ? "" : "s")"
            throw SendError.nothingToConsolidate(plan.uneconomic.count < utxos.count
                ? "\(held): nothing to compound"
                : "\(held), worth too little to move \(describe): the fees would take most of \(utxos.count == 1 ? "it" : "them"), and KIP-9 storage mass refuses so small an output (receive more first, or leave them)")
        }
        var summaries = plan.batches.map { TransactionSummary($0.transaction, fee: $0.fee, feeRate: rate, change: destination, prefix: prefix) }
        let uneconomic = plan.uneconomic.map { "\($0)" }
        if dryRun {
            return SendReport(dryRun: true, source: source.description, transactions: summaries, policy: .notApplicable, submitted: [], uneconomic: uneconomic)
        }
        guard let keys else { throw StoreError.locked("signing") }
        let reservations = plan.batches.map { _ in "\(audit)-\(UUID().uuidString)" }
        for (batch, id) in zip(plan.batches, reservations) {
            do { try store.reserve(batch.inputs, reservationId: id, ttl: reservationTTL) } catch {
                for r in reservations { _ = try? store.release(reservationId: r) }
                throw error
            }
        }
        var submitted: [String] = []
        for (i, batch) in plan.batches.enumerated() {
            let signed: PopulatedTransaction
            do { signed = try sign(batch.transaction, keys: keys) } catch {
                for r in reservations[i...] { abandon(r, ledgerId: nil, reason: "\(error)") }
                throw error
            }
            do {
                try await broadcast(signed, fee: batch.fee, source: source, reservationId: reservations[i], ledgerId: nil, amount: batch.output,
                                    counterparty: (try? destination.address(prefix: prefix).string), note: nil,
                                    audit: (audit, ["batch": "\(i + 1)/\(plan.batches.count)", "output": batch.output.kasString, "destination": describe]))
            } catch {
                for r in reservations[(i + 1)...] { abandon(r, ledgerId: nil, reason: "an earlier batch failed: \(error)") }
                throw error
            }
            submitted.append(signed.tx.id.hex)
            summaries[i].transactionId = signed.tx.id.hex
            summaries[i].storageMass = signed.tx.storageMass
        }
        return SendReport(dryRun: false, source: source.description, transactions: summaries, policy: .notApplicable, submitted: submitted,
                          uneconomic: uneconomic)
    }
}
