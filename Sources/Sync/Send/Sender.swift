import Foundation
import Logging
import WalletKit

/// Sends payments from the wallet (protocol.md §3.4): selects and reserves UTXOs in the store, asks the policy
/// before anything is signed, sizes the fee from the node's estimate (never below the floor), builds, signs
/// with keys from the unlocked vault (dropped, and so wiped, right after), validates the signed transaction,
/// submits it, checks the node's id against its own, and records the broadcast (inputs spent in the mempool,
/// history, ledger, audit) in one store transaction. On any failure before the broadcast, the reservation is
/// released and the policy's ledger entry revoked: nothing is left half done.
public struct Sender: Sendable {
    public let store: WalletStore
    public let client: NodeClient
    /// When set, broadcasts are followed by this engine to acceptance.
    public let engine: SyncEngine?
    /// Seconds a reservation holds UTXOs while a transaction is built and broadcast.
    public var reservationTTL: Int64 = 120
    let logger: Logger

    public init(store: WalletStore, client: NodeClient, engine: SyncEngine? = nil,
                logger: Logger = Logger(label: "kasfleet.send", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.store = store
        self.client = client
        self.engine = engine
        self.logger = logger
    }

    var prefix: AddressPrefix { store.network.addressPrefix }

    /// A payment built and reserved but not signed.
    struct Prepared {
        var reservationId: String
        var ptx: PopulatedTransaction
        var fee: Sompi
        var rate: FeeRate
        var change: ScriptPublicKey
        var verdict: PolicyVerdict
        var summary: TransactionSummary
    }

    // MARK: payments

    /// Builds the payment and asks the policy without signing or broadcasting; nothing stays reserved.
    public func preview(_ request: PaymentRequest) async throws -> SendReport {
        let p = try await prepare(request, preview: true)
        try store.release(reservationId: p.reservationId)
        return SendReport(dryRun: true, source: request.source.description, transactions: [p.summary], policy: p.verdict, submitted: [], uneconomic: [])
    }

    /// Sends the payment. A policy denial throws `StoreError.policyDenied` with every reason, before signing.
    public func send(_ request: PaymentRequest, keys: UnlockedKeys) async throws -> SendReport {
        let p = try await prepare(request, preview: false)
        var ledgerId: Int64?
        let signed: PopulatedTransaction
        do {
            if let machine = request.source.machine {
                // Evaluated again and recorded in one write transaction: two concurrent spends cannot both fit a limit.
                ledgerId = try store.authorizeSpend(ProposedSpend(machine: machine, amount: request.amount, destination: request.destination.string)).id
            }
            signed = try sign(p.ptx, keys: keys)
        } catch {
            abandon(p.reservationId, ledgerId: ledgerId, reason: "\(error)")
            throw error
        }
        let destinationName = try? store.machineName(owning: request.destination.string)
        try await broadcast(signed, fee: p.fee, source: request.source, reservationId: p.reservationId, ledgerId: ledgerId,
                            amount: request.amount, counterparty: (destinationName ?? nil) ?? request.destination.string, note: request.note,
                            audit: ("transaction.sent", ["to": request.destination.string, "amount": request.amount.kasString]))
        var summary = p.summary
        summary.transactionId = signed.tx.id.hex
        return SendReport(dryRun: false, source: request.source.description, transactions: [summary], policy: p.verdict,
                          submitted: [signed.tx.id.hex], uneconomic: [])
    }

    /// Reserves and builds. A payment the policy denies stops here, before anything is reserved, unless it is
    /// only a preview (which shows the verdict with the transaction, when one can be built).
    func prepare(_ request: PaymentRequest, preview: Bool) async throws -> Prepared {
        let verdict = try request.source.machine.map {
            PolicyVerdict(try store.evaluate(ProposedSpend(machine: $0, amount: request.amount, destination: request.destination.string)))
        } ?? .notApplicable
        guard verdict.allowed || preview else { throw StoreError.policyDenied(verdict.reasons) }
        do { return try await build(request, verdict: verdict) } catch {
            if !verdict.allowed { throw StoreError.policyDenied(verdict.reasons) }
            throw error
        }
    }

    private func build(_ request: PaymentRequest, verdict: PolicyVerdict) async throws -> Prepared {
        let rate = try await feeRate(request.fee)
        let change = ScriptPublicKey(address: try Address(try store.changeAddress(request.source)))
        _ = try store.signingAccount(request.source)
        let reservationId = "send-\(UUID().uuidString)"
        let perInput = ConsolidationPlanner(feeRate: rate).inputFee()
        var target = request.amount
        // Reserve enough for the amount, build, and when the fee does not fit, reserve for amount + fee.
        for _ in 0..<8 {
            let picked: [UtxoRecord]
            do {
                picked = try store.selectAndReserve(account: request.source.account, machine: request.source.machine, amount: target,
                                                    reservationId: reservationId, ttl: reservationTTL)
            } catch StoreError.insufficientFunds(let available, _) {
                throw SendError.insufficientFunds(available: available, needed: target)
            }
            let builder = TransactionBuilder(spends: picked.map { TransactionBuilder.Spend(outpoint: $0.outpoint, entry: $0.entry) },
                                             payments: [TransactionOutput(value: request.amount, scriptPublicKey: ScriptPublicKey(address: request.destination))],
                                             change: change, feeRate: rate, priorityFee: request.fee.priorityFee)
            do {
                let (ptx, fee) = try builder.build()
                let summary = TransactionSummary(ptx, fee: fee, feeRate: rate, change: change, prefix: prefix)
                guard summary.computeMass <= MassLimits.toccata.compute else {
                    throw SendError.tooHeavy(computeMass: summary.computeMass, limit: MassLimits.toccata.compute)
                }
                return Prepared(reservationId: reservationId, ptx: ptx, fee: fee, rate: rate, change: change, verdict: verdict, summary: summary)
            } catch TransactionBuilder.BuildError.insufficientFunds(_, let payments, let fee) {
                try store.release(reservationId: reservationId)
                let next = payments.rawValue &+ fee.rawValue &+ 2 &* perInput.rawValue
                target = Sompi(max(next, target.rawValue &+ perInput.rawValue))
            } catch {
                _ = try? store.release(reservationId: reservationId)
                throw error
            }
        }
        throw SendError.insufficientFunds(available: try store.balance(account: request.source.account, machine: request.source.machine).mature, needed: target)
    }

    /// The fee rate: the given one, or the node's normal estimate; never below the floor.
    func feeRate(_ policy: FeePolicy) async throws -> FeeRate {
        if let rate = policy.rate { return max(rate, .floor) }
        let estimate = try await client.feeEstimate()
        return max(estimate.normal.first?.rate ?? estimate.priority.rate, .floor)
    }

    // MARK: signing and broadcast

    /// Signs every input with the wallet's keys, applies the final masses and validates the result.
    func sign(_ unsigned: PopulatedTransaction, keys: UnlockedKeys) throws -> PopulatedTransaction {
        var ptx = unsigned
        let addresses = try ptx.entries.map { try $0.scriptPublicKey.address(prefix: prefix).string }
        do {
            let signer = TransactionSigner(keys: try store.signingKeys(addresses: addresses, keys: keys))
            let signedInputs = signer.signP2PKInputs(&ptx)
            guard signedInputs.count == ptx.tx.inputs.count else {
                throw SendError.selfCheckFailed("\(ptx.tx.inputs.count - signedInputs.count) inputs have no key in this wallet")
            }
        }
        ptx = TransactionBuilder.finish(ptx)
        let report = DryRun.validate(ptx)
        guard report.isValid else { throw SendError.selfCheckFailed(report.errors.map(\.description).joined(separator: "; ")) }
        return ptx
    }

    /// Submits, checks the id, records the broadcast and hands the transaction to the engine.
    func broadcast(_ signed: PopulatedTransaction, fee: Sompi, source: SpendSource, reservationId: String, ledgerId: Int64?,
                   amount: Sompi, counterparty: String?, note: String?, audit: (kind: String, details: [String: String])) async throws {
        let ours = signed.tx.id
        let nodeId: TransactionID
        do {
            nodeId = try await client.submit(signed.tx)
        } catch {
            abandon(reservationId, ledgerId: ledgerId, reason: "broadcast failed: \(error)")
            throw error
        }
        let inputs = signed.tx.inputs.map(\.previousOutpoint)
        let owner = try sourceOwner(source)
        var details = audit.details
        details["fee"] = fee.kasString
        details["inputs"] = String(inputs.count)
        details["storageMass"] = String(signed.tx.storageMass)
        try store.recordBroadcast(BroadcastRecord(
            transactionId: ours, source: source, inputs: inputs, reservationId: reservationId,
            history: HistoryRecord(transactionId: ours, accountId: owner.accountId, machineId: owner.machineId, direction: .outgoing, amount: amount,
                                   fee: fee, state: .pending, counterparty: counterparty, note: note, at: Int64(Date().timeIntervalSince1970)),
            ledgerId: ledgerId, auditKind: audit.kind, auditDetails: details))
        logger.info("transaction broadcast", metadata: ["transactionId": "\(ours.hex)", "source": "\(source)", "fee": "\(fee.rawValue)"])
        try await engine?.track(ours, inputs: inputs)
        guard nodeId == ours else { throw SendError.idMismatch(ours: ours.hex, node: nodeId.hex) }
    }

    func sourceOwner(_ source: SpendSource) throws -> (accountId: Int64?, machineId: Int64?) {
        switch source {
        case .account(let name): return (try store.account(named: name).id, nil)
        case .machine(let name):
            let m = try store.machine(named: name)
            return (m.accountId, m.id)
        }
    }

    /// Undoes a payment that did not reach the network: the reservation ends and the ledger entry is revoked.
    func abandon(_ reservationId: String, ledgerId: Int64?, reason: String) {
        do { try store.release(reservationId: reservationId) } catch {
            logger.error("could not release a reservation; it expires by itself", metadata: ["reservation": "\(reservationId)", "error": "\(error)"])
        }
        if let ledgerId {
            do { try store.revokeSpend(ledgerId: ledgerId, reason: reason) } catch {
                logger.error("could not revoke a ledger entry", metadata: ["ledgerId": "\(ledgerId)", "error": "\(error)"])
            }
        }
    }
}
