import Foundation
import WalletKit

/// The Activity screen's history: the wallet's transactions and the fleet's registry and policy changes from
/// the audit log, newest first, each in one sentence.
extension LiveDataSource {
    func activityRows() throws -> [ActivityRow] {
        if let history { return history }
        let machines = try fleetMachines()
        let names = Dictionary(machines.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ids = Dictionary(machines.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        var rows: [ActivityRow] = try store.history().map { Self.row($0, machineNames: names, machineIds: ids) }
        for e in try store.auditEvents() {
            if let row = Self.row(e, machineIds: ids) { rows.append(row) }
        }
        rows.sort { ($0.time, $0.id) > ($1.time, $1.id) }
        history = rows
        return rows
    }

    static func row(_ h: HistoryRecord, machineNames: [Int64: String], machineIds: [String: Int64]) -> ActivityRow {
        let amount = Sompi(UInt64(clamping: h.amount))
        let machine = h.machineId.flatMap { machineNames[$0] }
        let who = machine ?? "the wallet"
        let counterparty = h.counterparty.map { machineIds[$0] != nil ? $0 : shortAddress($0) } ?? "an address"
        let state = h.state == .accepted ? "" : " (\(h.state.rawValue))"
        let kind: ActivityRow.Kind
        let text: String
        switch h.direction {
        case .incoming:
            kind = .received
            text = "\(who) received \(amount.kasString) KAS\(state)"
        case .outgoing, .self:
            let toMachine = h.counterparty.map { machineIds[$0] != nil } ?? false
            kind = machine == nil && toMachine ? .funded : .sent
            let verb = kind == .funded ? "funded" : "paid"
            let fee = h.fee.map { " (fee \(Sompi(UInt64(clamping: $0)).kasString))" } ?? ""
            text = "\(machine ?? "the wallet") \(verb) \(counterparty) \(amount.kasString) KAS\(fee)\(state)"
        }
        // History rows have no integer id of their own: a stable one from the transaction id, kept negative
        // so it never meets an audit sequence number.
        let prefix = h.transactionId.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
        return ActivityRow(id: -1 - (prefix & (Int64.max >> 1)), time: h.createdAt, kind: kind,
                           machine: kind == .funded ? h.counterparty : machine,
                           machineId: kind == .funded ? h.counterparty.flatMap { machineIds[$0] } : h.machineId,
                           amount: amount, transactionId: h.transactionId.map { String(format: "%02x", $0) }.joined(), text: text)
    }

    static func row(_ e: AuditEventRecord, machineIds: [String: Int64]) -> ActivityRow? {
        let details = (try? JSONDecoder().decode([String: String].self, from: Data(e.details.utf8))) ?? [:]
        let kind: ActivityRow.Kind
        let text: String
        var machine: String? = e.subject
        switch e.kind {
        case "machine.status":
            let to = details["to"] ?? "?"
            kind = to == "frozen" ? .frozen : to == "active" ? .unfrozen : .policy
            text = to == "frozen" ? "operator froze \(e.subject)" : to == "active" ? "operator unfroze \(e.subject)" : "\(e.subject) is now \(to)"
        case "machine.added":
            kind = .policy
            text = "\(e.subject) joined the fleet" + (details["kind"].map { " (\($0))" } ?? "")
        case "budget.set":
            kind = .policy
            let parts = [("per transaction", details["perTransaction"]), ("hourly", details["hourly"]), ("daily", details["daily"])]
                .compactMap { label, value in value.flatMap { $0 == "none" || $0.isEmpty ? nil : "\(label) \($0)" } }
            text = "budget of \(e.subject.replacingOccurrences(of: "group:", with: "group ")): " + (parts.isEmpty ? "no limits" : parts.joined(separator: ", "))
            if machineIds[e.subject] == nil { machine = nil }
        case "spend.revoked":
            kind = .policy
            text = "a spend of \(e.subject) was revoked: \(details["reason"] ?? "not broadcast")"
        default:
            return nil
        }
        return ActivityRow(id: e.seq, time: e.at, kind: kind, machine: machine, machineId: machine.flatMap { machineIds[$0] },
                           amount: nil, transactionId: nil, text: text)
    }

    static func shortAddress(_ address: String) -> String {
        guard address.count > 24, let colon = address.firstIndex(of: ":") else { return address }
        let body = address[address.index(after: colon)...]
        return "\(address[..<colon]):\(body.prefix(8))…\(body.suffix(6))"
    }
}
