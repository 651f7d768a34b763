import Foundation
import Sync
import WalletKit

/// The console's commands over the real wallet: payments through the `Sender` (the policy is asked before
/// anything is signed), freezes through the registry, the lock over the vault, settings in a small file.
extension LiveDataSource {
    // MARK: - Payments

    public func previewSend(_ request: SendRequest) async throws -> SendPreview {
        let (payment, destinationMachine) = try await paymentRequest(request)
        let report: SendReport
        do { report = try await sender.preview(payment) } catch { throw Self.consoleError(error) }
        guard let tx = report.transactions.first else { throw ConsoleDataError.unavailable("nothing to send") }
        let verdict: PolicyVerdict = report.policy.allowed ? .allowed(notes: []) : .denied(reasons: report.policy.reasons)
        let balance = try store.balance(account: payment.source.account, machine: payment.source.machine)
        let held = balance.mature.adding(balance.pending)?.adding(balance.stasis) ?? .maxSupply
        return SendPreview(request: request, destination: payment.destination.string, destinationMachine: destinationMachine,
                           fee: Sompi(tx.fee), computeMass: tx.computeMass, storageMass: tx.storageMass, inputs: tx.inputs.count,
                           balanceAfter: held.subtracting(request.amount)?.subtracting(Sompi(tx.fee)) ?? .zero, verdict: verdict)
    }

    public func send(_ request: SendRequest, password: Secret) async throws -> SendReceipt {
        guard keys != nil else { throw ConsoleDataError.locked }
        // The password is asked again for every payment: checking it opens the vault once more.
        let signingKeys: UnlockedKeys
        do { signingKeys = try store.unlock(password: password.bytes) } catch { throw Self.consoleError(error) }
        let (payment, _) = try await paymentRequest(request)
        let report: SendReport
        do { report = try await sender.send(payment, keys: signingKeys) } catch { throw Self.consoleError(error) }
        invalidate()
        guard let tx = report.transactions.first, let id = report.submitted.first else { throw ConsoleDataError.unavailable("the node accepted nothing") }
        return SendReceipt(transactionId: id, amount: request.amount, fee: Sompi(tx.fee), destination: payment.destination.string)
    }

    /// The Sender's request for a Send form: `to` is an address or a machine's name, `from` a machine or the wallet.
    func paymentRequest(_ request: SendRequest) async throws -> (PaymentRequest, String?) {
        let source: SpendSource
        do {
            if let from = request.from, !from.isEmpty {
                _ = try store.machine(named: from)
                source = .machine(from)
            } else {
                source = try store.spendSource(named: nil)
            }
        } catch { throw ConsoleDataError.invalidField(.from, "no machine named '\(request.from ?? "")' in the fleet") }
        let to = request.to.trimmingCharacters(in: .whitespaces)
        guard !to.isEmpty else { throw ConsoleDataError.invalidField(.to, "enter a Kaspa address or a machine's name") }
        let destination: Address
        var machine: String?
        if to.contains(":") {
            do { destination = try Address(to) } catch {
                throw ConsoleDataError.invalidField(.to, (error as? LocalizedError)?.errorDescription ?? "not a Kaspa address")
            }
            guard destination.prefix == store.network.addressPrefix else {
                throw ConsoleDataError.invalidField(.to, "a \(destination.prefix.rawValue) address; this wallet is on \(store.network.addressPrefix.rawValue)")
            }
            machine = (try? store.machineName(owning: destination.string)) ?? nil
        } else {
            guard let record = try? store.machine(named: to) else {
                throw ConsoleDataError.invalidField(.to, "'\(to)' is neither a Kaspa address nor a machine of the fleet")
            }
            destination = try Address(record.address)
            machine = record.name
        }
        guard request.amount > .zero else { throw ConsoleDataError.invalidField(.amount, "the amount must be more than 0 KAS") }
        let fee = try await feePolicy(request.priority)
        return (PaymentRequest(source: source, destination: destination, amount: request.amount, fee: fee, note: "console"), machine)
    }

    /// The bucket of the node's estimate the priority asks for (the Sender keeps the floor).
    func feePolicy(_ priority: FeePriority) async throws -> FeePolicy {
        guard priority != .normal, let estimate = try? await engine.client.feeEstimate() else { return .estimate }
        let bucket = priority == .priority ? estimate.priority : (estimate.low.first ?? estimate.priority)
        return FeePolicy(rate: bucket.rate)
    }

    // MARK: - Fleet

    public func setFrozen(_ ids: [MachineID], frozen: Bool) async throws -> Int {
        guard keys != nil else { throw ConsoleDataError.locked }
        let machines = Dictionary(try fleetMachines().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changed = 0
        for id in ids {
            guard let m = machines[id], m.status != .retired, m.status != (frozen ? .frozen : .active) else { continue }
            do { _ = try store.setStatus(machine: m.name, to: frozen ? .frozen : .active) } catch { throw Self.consoleError(error) }
            changed += 1
        }
        invalidate()
        return changed
    }

    public func exportActivity(_ query: ActivityQuery, format: ExportFormat) async throws -> String {
        let all = try await activity(ActivityQuery(filter: query.filter, offset: 0, limit: .max))
        let url = configuration.exportDirectory.appendingPathComponent("kasfleet-activity-\(clock()).\(format.rawValue)")
        do {
            try FileManager.default.createDirectory(at: configuration.exportDirectory, withIntermediateDirectories: true)
            try ActivityExport.render(all.rows, format: format).write(to: url, atomically: true, encoding: .utf8)
        } catch { throw ConsoleDataError.unavailable("cannot write \(url.path): \(error.localizedDescription)") }
        return url.path
    }

    // MARK: - Secrets and the lock

    public func isLocked() async -> Bool { keys == nil }

    public func unlock(password: Secret) async throws {
        do { keys = try store.unlock(password: password.bytes) } catch { throw Self.consoleError(error) }
    }

    public func lock() async { keys = nil }

    public func revealMnemonic(password: Secret) async throws -> Secret {
        guard keys != nil else { throw ConsoleDataError.locked }
        let checked: UnlockedKeys
        do { checked = try store.unlock(password: password.bytes) } catch { throw Self.consoleError(error) }
        for account in try store.accounts() where account.kind == .bip32 || account.kind == .legacy {
            guard let keyId = account.keyIdList.first else { continue }
            switch try store.secret(keyId: keyId, keys: checked) {
            case .mnemonic(let m, _), .legacyMnemonic(let m): return Secret(m.phraseSecret)
            default: continue
            }
        }
        throw ConsoleDataError.unavailable("this wallet was imported from a key, not a recovery phrase: there are no words to show")
    }

    // MARK: - Settings

    struct StoredSettings: Codable {
        var theme: String
        var idleLockSeconds: Int
        var nodeURL: String?
    }

    public func settings() async throws -> ConsoleSettings {
        let saved = (try? Data(contentsOf: configuration.settingsFile)).flatMap { try? JSONDecoder().decode(StoredSettings.self, from: $0) }
        return ConsoleSettings(theme: saved?.theme ?? "dark", idleLockSeconds: saved?.idleLockSeconds ?? 300,
                               nodeURL: "grpc://\(engine.endpoint)", network: store.network)
    }

    public func saveSettings(_ settings: ConsoleSettings) async throws {
        guard settings.idleLockSeconds >= 0 else { throw ConsoleDataError.unavailable("the idle lock must be 0 (never) or more seconds") }
        let stored = StoredSettings(theme: settings.theme, idleLockSeconds: settings.idleLockSeconds, nodeURL: settings.nodeURL)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try FileManager.default.createDirectory(at: configuration.settingsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoder.encode(stored).write(to: configuration.settingsFile, options: .atomic)
        } catch { throw ConsoleDataError.unavailable("cannot save the settings to \(configuration.settingsFile.path): \(error.localizedDescription)") }
    }

    // MARK: - Errors

    /// The store's and the sender's errors in the console's terms (a field to mark, a wrong password, a denial).
    static func consoleError(_ error: any Error) -> any Error {
        switch error {
        case StoreError.wrongPassword, StoreError.emptyPassword: return ConsoleDataError.wrongPassword
        case StoreError.policyDenied(let reasons): return ConsoleDataError.denied(reasons)
        case StoreError.insufficientFunds, SendError.insufficientFunds:
            return ConsoleDataError.invalidField(.amount, (error as? LocalizedError)?.errorDescription ?? "\(error)")
        case let e as ConsoleDataError: return e
        case let e as LocalizedError: return ConsoleDataError.unavailable(e.errorDescription ?? "\(error)")
        default: return ConsoleDataError.unavailable("\(error)")
        }
    }
}
