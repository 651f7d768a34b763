import Foundation
import GRDB

extension WalletStore {
    /// Evaluates a proposed spend against the machine's and its group's budgets and the ledger, at `now`.
    public func evaluate(_ spend: ProposedSpend, now: Int64? = nil) throws -> PolicyDecision {
        try read { db in try evaluate(db, spend, now: now ?? self.now) }
    }

    func evaluate(_ db: Database, _ spend: ProposedSpend, now: Int64) throws -> PolicyDecision {
        guard let record = try MachineRecord.filter(Column("name") == spend.machine).fetchOne(db) else {
            throw StoreError.unknown(what: "machine", name: spend.machine)
        }
        let group = try record.groupId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM machineGroup WHERE id = ?", arguments: [$0]) }
        let machine = Machine(id: record.id ?? 0, name: record.name, kind: record.kind, group: group, tags: record.tagList, status: record.status)
        let since = now - SpendWindow.day.seconds
        let own = try Row.fetchAll(db, sql: "SELECT amount, at FROM spendLedger WHERE machineId = ? AND at > ?", arguments: [record.id, since])
            .map { SpendEntry(machine: record.name, amount: Sompi(UInt64(clamping: $0["amount"] as Int64)), at: $0["at"]) }
        var groupEntries: [SpendEntry] = []
        if let groupId = record.groupId {
            groupEntries = try Row.fetchAll(db, sql: """
                SELECT m.name, l.amount, l.at FROM spendLedger l JOIN machine m ON m.id = l.machineId
                WHERE l.groupId = ? AND l.at > ?
                """, arguments: [groupId, since])
                .map { SpendEntry(machine: $0["name"], amount: Sompi(UInt64(clamping: $0["amount"] as Int64)), at: $0["at"]) }
        }
        var proposed = spend
        if proposed.destinationMachine == nil {
            proposed.destinationMachine = try String.fetchOne(db, sql: """
                SELECT m.name FROM address a JOIN machine m ON m.id = a.machineId WHERE a.address = ?
                """, arguments: [spend.destination])
        }
        return PolicyEvaluator.evaluate(machine: machine, machineBudget: try loadBudget(db, .machine(record.name)),
                                        groupBudget: try group.flatMap { try loadBudget(db, .group($0)) },
                                        machineLedger: own, groupLedger: groupEntries, spend: proposed, now: now)
    }

    /// Evaluates and, when allowed, records the spend in the ledger with its audit event, in one write
    /// transaction (so two concurrent spends cannot both pass a limit only one of them fits).
    @discardableResult
    public func authorizeSpend(_ spend: ProposedSpend, transactionId: TransactionID? = nil, now: Int64? = nil) throws -> SpendLedgerRecord {
        let at = now ?? self.now
        return try write { db in
            let decision = try evaluate(db, spend, now: at)
            guard decision.isAllowed else { throw StoreError.policyDenied(decision.reasons) }
            return try recordSpend(db, spend, transactionId: transactionId, at: at)
        }
    }

    /// Records a spend without policy (one that already happened on chain, e.g. seen by sync). Audited.
    @discardableResult
    public func recordSpend(_ spend: ProposedSpend, transactionId: TransactionID? = nil, at: Int64? = nil) throws -> SpendLedgerRecord {
        try write { db in try recordSpend(db, spend, transactionId: transactionId, at: at ?? now) }
    }

    func recordSpend(_ db: Database, _ spend: ProposedSpend, transactionId: TransactionID?, at: Int64) throws -> SpendLedgerRecord {
        guard let owner = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, groupId FROM machine WHERE name = ?"), arguments: [spend.machine]) else {
            throw StoreError.unknown(what: "machine", name: spend.machine)
        }
        let machineId: Int64 = owner[0]
        var entry = SpendLedgerRecord(id: nil, machineId: machineId, groupId: owner[1], amount: try sqlInt(spend.amount.rawValue),
                                      destination: spend.destination, transactionId: transactionId.map { Data($0.bytes) }, at: at)
        try db.cachedStatement(sql: "INSERT INTO spendLedger (machineId, groupId, amount, destination, transactionId, at) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [entry.machineId, entry.groupId, entry.amount, entry.destination, entry.transactionId, entry.at])
        entry.id = db.lastInsertedRowID
        try AuditLog.append(db, kind: "spend.recorded", subject: spend.machine,
                            details: ["amount": spend.amount.kasString, "destination": spend.destination, "ledgerId": String(entry.id ?? 0),
                                      "transactionId": transactionId?.hex ?? ""], at: at)
        return entry
    }

    /// A machine's ledger entries, newest first.
    public func ledger(machine name: String, since: Int64 = 0) throws -> [SpendLedgerRecord] {
        try read { db in
            try SpendLedgerRecord.fetchAll(db, sql: """
                SELECT l.* FROM spendLedger l JOIN machine m ON m.id = l.machineId WHERE m.name = ? AND l.at >= ? ORDER BY l.at DESC, l.id DESC
                """, arguments: [name, since])
        }
    }

    /// What a machine spent in the window ending at `now`.
    public func spent(machine name: String, in window: SpendWindow, now: Int64? = nil) throws -> Sompi {
        let at = now ?? self.now
        let total = try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT COALESCE(SUM(l.amount), 0) FROM spendLedger l JOIN machine m ON m.id = l.machineId WHERE m.name = ? AND l.at > ? AND l.at <= ?
                """, arguments: [name, at - window.seconds, at]) ?? 0
        }
        return Sompi(UInt64(clamping: total))
    }
}
