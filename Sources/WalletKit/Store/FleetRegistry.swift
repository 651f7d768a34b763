import Foundation
import GRDB

extension WalletStore {
    /// Registers a machine: a unique name, its group (created if new), tags and key. Audited.
    @discardableResult
    public func addMachine(name: String, kind: String, group: String?, tags: [String] = [], key: MachineKey) throws -> MachineRecord {
        try Machine.validate(name: name)
        return try write { db in try addMachine(db, name: name, kind: kind, group: group, tags: tags, key: key) }
    }

    func addMachine(_ db: Database, name: String, kind: String, group: String?, tags: [String], key: MachineKey) throws -> MachineRecord {
            if try MachineRecord.filter(Column("name") == name).fetchCount(db) > 0 { throw StoreError.duplicate(what: "machine", name: name) }
            let gid = try group.map { try groupId(db, name: $0, create: true) }
            var machine = MachineRecord(id: nil, name: name, kind: kind, groupId: gid, tags: jsonText(tags), status: .active,
                                        keySource: key.source, accountId: nil, publicKey: nil, address: "", createdAt: now, updatedAt: now)
            try machine.insert(db)
            let account: AccountRecord?
            switch key {
            case .deriveFromWallet(let keys):
                account = try createBip32Account(db, keyId: try primaryKeyId(db, keys: keys), keys: keys, name: "machine:\(name)", machineId: machine.id)
            case .kpub(let kpub):
                account = try createWatchAccount(db, kpub: kpub, name: "machine:\(name)", machineId: machine.id)
                machine.publicKey = kpub.serialized(prefix: kpubPrefix)
            case .publicKey(let key):
                account = nil
                machine.publicKey = key.compressed.hex
                machine.address = Address.p2pk(key.xOnly, prefix: network.addressPrefix).string
                try db.execute(sql: "INSERT INTO address (address, machineId, chain, idx, createdAt) VALUES (?, ?, 0, 0, ?)",
                               arguments: [machine.address, machine.id, now])
            }
            if let account {
                machine.accountId = account.id
                machine.address = try String.fetchOne(db, sql: "SELECT address FROM address WHERE accountId = ? AND chain = 0 AND idx = 0", arguments: [account.id]) ?? ""
            }
            try machine.update(db)
            try AuditLog.append(db, kind: "machine.added", subject: name,
                                details: ["kind": kind, "group": group ?? "", "keySource": key.source.rawValue, "address": machine.address], at: now)
            return machine
    }

    func groupId(_ db: Database, name: String, create: Bool) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM machineGroup WHERE name = ?", arguments: [name]) { return id }
        guard create else { throw StoreError.unknown(what: "group", name: name) }
        var group = MachineGroupRecord(id: nil, name: name, createdAt: now)
        try group.insert(db)
        try AuditLog.append(db, kind: "group.added", subject: name, at: now)
        return group.id ?? 0
    }

    public func machine(named name: String) throws -> MachineRecord {
        guard let m = try read({ db in try MachineRecord.filter(Column("name") == name).fetchOne(db) }) else {
            throw StoreError.unknown(what: "machine", name: name)
        }
        return m
    }

    public func groups() throws -> [MachineGroupRecord] {
        try read { db in try MachineGroupRecord.order(Column("name")).fetchAll(db) }
    }

    /// Machines in name order, optionally of one group or status.
    public func machines(group: String? = nil, status: MachineStatus? = nil, limit: Int? = nil) throws -> [MachineRecord] {
        try read { db in
            var request = MachineRecord.all()
            if let group { request = request.filter(Column("groupId") == (try groupId(db, name: group, create: false))) }
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.order(Column("name")).limit(limit ?? -1).fetchAll(db)
        }
    }

    public func groupName(id: Int64?) throws -> String? {
        guard let id else { return nil }
        return try read { db in try String.fetchOne(db, sql: "SELECT name FROM machineGroup WHERE id = ?", arguments: [id]) }
    }

    /// freeze / unfreeze / retire. Audited; setting the status a machine already has changes nothing.
    @discardableResult
    public func setStatus(machine name: String, to status: MachineStatus) throws -> MachineRecord {
        try write { db in
            guard var m = try MachineRecord.filter(Column("name") == name).fetchOne(db) else { throw StoreError.unknown(what: "machine", name: name) }
            guard m.status != status else { return m }
            if m.status == .retired { throw StoreError.invalid("\(name) is retired; a retired machine cannot become \(status.rawValue)") }
            let old = m.status
            m.status = status
            m.updatedAt = now
            try m.update(db)
            try AuditLog.append(db, kind: "machine.status", subject: name, details: ["from": old.rawValue, "to": status.rawValue], at: now)
            return m
        }
    }

    /// `fleet remove`: retires the machine (its history, ledger and audit trail stay; it can no longer spend).
    @discardableResult
    public func removeMachine(named name: String) throws -> MachineRecord { try setStatus(machine: name, to: .retired) }

    /// Sets (replaces) the budget of a machine or a group. Audited with the new limits.
    public func setBudget(_ budget: Budget) throws {
        try write { db in
            var record = BudgetRecord(id: nil, machineId: nil, groupId: nil, perTransactionLimit: budget.perTransactionLimit.map { Int64($0.rawValue) },
                                      hourlyLimit: budget.hourlyLimit.map { Int64($0.rawValue) }, dailyLimit: budget.dailyLimit.map { Int64($0.rawValue) },
                                      allowedDestinations: budget.allowedDestinations.map { jsonText($0) }, allowedMachines: budget.allowedMachines.map { jsonText($0) },
                                      updatedAt: now)
            let subject: String
            switch budget.scope {
            case .machine(let name):
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM machine WHERE name = ?", arguments: [name]) else {
                    throw StoreError.unknown(what: "machine", name: name)
                }
                record.machineId = id
                subject = name
                try db.execute(sql: "DELETE FROM budget WHERE machineId = ?", arguments: [id])
            case .group(let name):
                let id = try groupId(db, name: name, create: false)
                record.groupId = id
                subject = "group:\(name)"
                try db.execute(sql: "DELETE FROM budget WHERE groupId = ?", arguments: [id])
            }
            if !budget.isEmpty { try record.insert(db) }
            func text(_ s: Sompi?) -> String { s?.kasString ?? "none" }
            try AuditLog.append(db, kind: "budget.set", subject: subject, details: [
                "perTransaction": text(budget.perTransactionLimit), "hourly": text(budget.hourlyLimit), "daily": text(budget.dailyLimit),
                "allowedDestinations": budget.allowedDestinations?.joined(separator: ",") ?? "any",
                "allowedMachines": budget.allowedMachines?.joined(separator: ",") ?? "any",
            ], at: now)
        }
    }

    public func budget(_ scope: Budget.Scope) throws -> Budget? {
        try read { db in try loadBudget(db, scope) }
    }

    func loadBudget(_ db: Database, _ scope: Budget.Scope) throws -> Budget? {
        let record: BudgetRecord?
        switch scope {
        case .machine(let name):
            record = try BudgetRecord.fetchOne(db, sql: "SELECT b.* FROM budget b JOIN machine m ON m.id = b.machineId WHERE m.name = ?", arguments: [name])
        case .group(let name):
            record = try BudgetRecord.fetchOne(db, sql: "SELECT b.* FROM budget b JOIN machineGroup g ON g.id = b.groupId WHERE g.name = ?", arguments: [name])
        }
        guard let r = record else { return nil }
        func list(_ text: String?) -> [String]? { text.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } }
        func sompi(_ v: Int64?) -> Sompi? { v.map { Sompi(UInt64(clamping: $0)) } }
        return Budget(scope: scope, perTransactionLimit: sompi(r.perTransactionLimit), hourlyLimit: sompi(r.hourlyLimit), dailyLimit: sompi(r.dailyLimit),
                      allowedDestinations: list(r.allowedDestinations), allowedMachines: list(r.allowedMachines))
    }
}
