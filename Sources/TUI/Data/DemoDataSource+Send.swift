import Foundation
import WalletKit

/// The demo's payments: a real unsigned transaction is built (WalletKit's `TransactionBuilder`) over UTXOs the
/// demo makes up from the payer's balance, so fee and masses are the real figures for that shape.
extension DemoDataSource {
    struct Plan {
        var preview: SendPreview
        var source: Int?
        var destination: Int?
        var transactionId: String
    }

    public func previewSend(_ request: SendRequest) async throws -> SendPreview { try plan(request).preview }

    public func send(_ request: SendRequest, password: Secret) async throws -> SendReceipt {
        guard !locked else { throw ConsoleDataError.locked }
        guard password.reveal() == self.password else { throw ConsoleDataError.wrongPassword }
        let p = try plan(request)
        if case .denied(let reasons) = p.preview.verdict { throw ConsoleDataError.denied(reasons) }
        let now = clock()
        let paid = request.amount.rawValue + p.preview.fee.rawValue
        if let s = p.source {
            fleet.machines[s].balance -= paid
            fleet.machines[s].spent += request.amount.rawValue
            fleet.machines[s].lastActivity = now
        } else {
            fleet.walletBalance -= paid
        }
        if let d = p.destination {
            fleet.machines[d].balance += request.amount.rawValue
            fleet.machines[d].lastActivity = now
        }
        let payer = request.from ?? "wallet"
        let payee = p.preview.destinationMachine ?? p.preview.destination
        let kind: ActivityRow.Kind = p.source == nil && p.destination != nil ? .funded : .sent
        let text = kind == .funded ? "wallet funded \(payee) with \(AmountText.short(request.amount)) KAS"
                                   : "\(payer) paid \(payee) \(AmountText.short(request.amount)) KAS"
        fleet.append(ActivityRow(id: 0, time: now, kind: kind, machine: p.preview.destinationMachine ?? request.from,
                                 machineId: (p.destination ?? p.source).map { MachineID($0 + 1) }, amount: request.amount,
                                 transactionId: p.transactionId, text: text))
        mempool += 1
        invalidate()
        return SendReceipt(transactionId: p.transactionId, amount: request.amount, fee: p.preview.fee, destination: p.preview.destination)
    }

    func plan(_ request: SendRequest) throws -> Plan {
        // Who pays.
        var sourceIndex: Int? = nil
        var available = fleet.walletBalance
        var changeAddress = fleet.address(id: 0, index: 1_000)
        if let from = request.from, !from.isEmpty, from != "wallet" {
            guard let i = fleet.index(named: from) else {
                throw ConsoleDataError.invalidField(.from, "no machine named '\(from)'; leave it empty to pay from the wallet")
            }
            sourceIndex = i
            available = fleet.machines[i].balance
            changeAddress = fleet.address(id: MachineID(i + 1), index: 0)
        }
        // Who is paid.
        var destinationIndex: Int? = nil
        let destination: String
        let to = request.to.trimmingCharacters(in: .whitespaces)
        if to.contains(":") {
            let address: Address
            do { address = try Address(to) } catch { throw ConsoleDataError.invalidField(.to, error.description) }
            guard address.prefix == .devnet else {
                throw ConsoleDataError.invalidField(.to, "that address is for \(address.prefix.rawValue), but this wallet is on devnet")
            }
            destination = address.string
        } else {
            guard let i = fleet.index(named: to) else {
                throw ConsoleDataError.invalidField(.to, "no machine named '\(to)'; type a machine's name or a kaspa address")
            }
            destinationIndex = i
            destination = fleet.address(id: MachineID(i + 1), index: fleet.addressIndex[MachineID(i + 1)] ?? 0)
        }
        if let s = sourceIndex, s == destinationIndex { throw ConsoleDataError.invalidField(.to, "a machine cannot pay itself") }
        guard request.amount > .zero else { throw ConsoleDataError.invalidField(.amount, "the amount must be above zero") }

        // The payer's UTXOs: its balance in pieces of at most 5,000 KAS, largest first.
        let piece = 5_000 * Sompi.perKas
        var utxos: [UInt64] = []
        var rest = available
        while rest > 0 && utxos.count < 80 {
            utxos.append(min(piece, rest))
            rest -= min(piece, rest)
        }
        let sourceScript = ScriptPublicKey(address: try Address(changeAddress))
        var spends: [TransactionBuilder.Spend] = []
        var covered: UInt64 = 0
        for (n, value) in utxos.enumerated() where covered < request.amount.rawValue + Sompi.perKas {
            let outpoint = Outpoint(transactionId: Blake2b.hash(Array("demo-spend-\(sourceIndex ?? -1)-\(n)".utf8)), index: 0)
            spends.append(TransactionBuilder.Spend(outpoint: outpoint, entry: UtxoEntry(amount: Sompi(value), scriptPublicKey: sourceScript, blockDaaScore: 91_000_000)))
            covered += value
        }
        let rate: FeeRate = request.priority == .priority ? FeeRate(milliSompiPerGram: 2_500) : FeeRate(milliSompiPerGram: 1_000)
        let builder = TransactionBuilder(
            spends: spends, payments: [TransactionOutput(value: request.amount, scriptPublicKey: ScriptPublicKey(address: try Address(destination)))],
            change: sourceScript, feeRate: request.priority == .low ? nil : rate)
        let built: (tx: PopulatedTransaction, fee: Sompi)
        do { built = try builder.build() } catch {
            if case .insufficientFunds = error {
                throw ConsoleDataError.invalidField(.amount, "\(AmountText.kas(Sompi(available))) KAS available, \(AmountText.kas(request.amount)) KAS and the fee requested")
            }
            throw ConsoleDataError.invalidField(.amount, error.description)
        }
        var signed = built.tx.tx
        for i in signed.inputs.indices { signed.inputs[i].signatureScript = [UInt8](repeating: 0, count: 66) }
        let fee = built.fee
        let balanceAfter = Sompi(available - min(available, request.amount.rawValue + fee.rawValue))

        // The policy.
        var reasons: [String] = [], notes: [String] = []
        if let s = sourceIndex {
            let m = fleet.machines[s]
            if m.status == .frozen { reasons.append("\(m.name) is frozen: an operator must unfreeze it before it can spend") }
            if m.status == .retired { reasons.append("\(m.name) is retired and can no longer spend") }
            if m.budget > 0 {
                if request.amount.rawValue > m.budget / 5 {
                    reasons.append("\(m.name) would exceed its per-transaction limit: \(AmountText.short(request.amount)) KAS proposed, limit \(AmountText.short(Sompi(m.budget / 5))) KAS")
                }
                if m.spent + request.amount.rawValue > m.budget {
                    reasons.append("\(m.name) would exceed its daily limit: \(AmountText.short(Sompi(m.spent))) KAS spent in the last 24 h, limit \(AmountText.short(Sompi(m.budget))) KAS")
                }
            }
        } else {
            notes.append("the operator's own funds: machine budgets do not apply")
        }
        if let d = destinationIndex {
            let m = fleet.machines[d]
            if m.status == .retired { reasons.append("\(m.name) is retired: it no longer receives funds") }
            if m.status == .frozen { notes.append("\(m.name) is frozen: it receives, but cannot spend until unfrozen") }
        }
        let verdict: PolicyVerdict = reasons.isEmpty ? .allowed(notes: notes) : .denied(reasons: reasons)
        let preview = SendPreview(
            request: request, destination: destination, destinationMachine: destinationIndex.map { fleet.machines[$0].name },
            fee: fee, computeMass: ComputeMass.compute(signed), storageMass: StorageMass.compute(built.tx) ?? 0, inputs: spends.count,
            balanceAfter: balanceAfter, verdict: verdict)
        return Plan(preview: preview, source: sourceIndex, destination: destinationIndex, transactionId: built.tx.tx.id.hex)
    }

    // MARK: - Live simulation

    public nonisolated func events() -> AsyncStream<DataEvent> {
        guard live else { return AsyncStream { $0.finish() } }
        return AsyncStream { continuation in
            let task = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    guard let self else { return }
                    for event in await self.simulate() { continuation.yield(event) }
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// One second of the simulated network: the node moves on, and every third second one robot pays another.
    func simulate() async -> [DataEvent] {
        simulationStep += 1
        var events: [DataEvent] = [.node(await nodeStatus())]
        if simulationStep % 4 == 0 && mempool > 0 { mempool -= 1 }
        let robots = fleet.machines.indices.filter { fleet.machines[$0].kind == 2 && fleet.machines[$0].status == .active }
        guard simulationStep % 3 == 0, robots.count >= 2 else { return events }
        var rng = DemoRandom(seed: fleet.seed &+ simulationStep)
        let a = robots[Int(rng.below(UInt64(robots.count)))], b = robots[Int(rng.below(UInt64(robots.count)))]
        guard a != b else { return events }
        let amount = min(fleet.machines[a].balance, Sompi.perKas / 2 + rng.below(3 * Sompi.perKas))
        fleet.machines[a].balance -= amount
        fleet.machines[a].spent += amount
        fleet.machines[b].balance += amount
        fleet.machines[a].lastActivity = clock()
        fleet.machines[b].lastActivity = clock()
        fleet.append(ActivityRow(id: 0, time: clock(), kind: .sent, machine: fleet.machines[a].name, machineId: MachineID(a + 1), amount: Sompi(amount),
                                 transactionId: Blake2b.hash(Array("demo-sim-\(simulationStep)".utf8)).hex,
                                 text: "\(fleet.machines[a].name) paid \(fleet.machines[b].name) \(AmountText.short(Sompi(amount))) KAS"))
        invalidate()
        events += [.machinesChanged([MachineID(a + 1), MachineID(b + 1)]), .activityAppended]
        return events
    }
}

/// CSV and JSON forms of the history (the Activity screen's export).
public enum ActivityExport {
    public static func render(_ rows: [ActivityRow], format: ExportFormat) -> String {
        switch format {
        case .csv:
            var lines = ["id,time,kind,machine,amount_sompi,transaction_id,text"]
            for r in rows {
                lines.append([String(r.id), String(r.time), r.kind.rawValue, r.machine ?? "", r.amount.map { String($0.rawValue) } ?? "",
                              r.transactionId ?? "", csvField(r.text)].joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let items = rows.map { r in
                "{\"amount\":\(r.amount.map { String($0.rawValue) } ?? "null"),\"id\":\(r.id),\"kind\":\"\(r.kind.rawValue)\",\"machine\":\(r.machine.map { jsonString($0) } ?? "null"),\"text\":\(jsonString(r.text)),\"time\":\(r.time),\"transactionId\":\(r.transactionId.map { jsonString($0) } ?? "null")}"
            }
            return "[\n" + items.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
