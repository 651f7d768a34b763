import Foundation
import GRDB

/// Whose UTXOs a payment spends: an account of the wallet (the operator's) or a fleet machine.
public enum SpendSource: Sendable, Equatable, CustomStringConvertible {
    case account(String)
    case machine(String)

    public var name: String {
        switch self {
        case .account(let n), .machine(let n): return n
        }
    }

    public var machine: String? { if case .machine(let n) = self { n } else { nil } }
    public var account: String? { if case .account(let n) = self { n } else { nil } }
    public var description: String { machine.map { "machine \($0)" } ?? "account \(name)" }
}

/// What a broadcast changes in the wallet, written in one transaction (`recordBroadcast`).
public struct BroadcastRecord: Sendable {
    public var transactionId: TransactionID
    public var source: SpendSource
    public var inputs: [Outpoint]
    public var reservationId: String
    public var history: HistoryRecord
    /// The spend-ledger entry the policy check recorded for it, linked to the transaction id here.
    public var ledgerId: Int64?
    public var auditKind: String
    public var auditDetails: [String: String]

    public init(transactionId: TransactionID, source: SpendSource, inputs: [Outpoint], reservationId: String, history: HistoryRecord,
                ledgerId: Int64?, auditKind: String, auditDetails: [String: String]) {
        self.transactionId = transactionId
        self.source = source
        self.inputs = inputs
        self.reservationId = reservationId
        self.history = history
        self.ledgerId = ledgerId
        self.auditKind = auditKind
        self.auditDetails = auditDetails
    }
}

extension WalletStore {
    /// `--from NAME`: a machine when one has that name (or `machine:NAME`), else an account; nil picks the
    /// wallet's first account that is not a machine's (the operator's).
    public func spendSource(named name: String?) throws -> SpendSource {
        guard let name else {
            let first = try read { db in
                try String.fetchOne(db, sql: "SELECT name FROM account WHERE machineId IS NULL AND kind IN ('bip32', 'keypair') ORDER BY id LIMIT 1")
            }
            guard let first else { throw StoreError.invalid("this wallet has no account that can sign (bip32 or keypair): pass --from") }
            return .account(first)
        }
        let machineName = name.hasPrefix("machine:") ? String(name.dropFirst("machine:".count)) : name
        if try read({ db in try MachineRecord.filter(Column("name") == machineName).fetchCount(db) }) > 0 { return .machine(machineName) }
        return .account(try account(named: name).name)
    }

    /// The account whose keys sign for a source (a machine signs with its own derived account).
    public func signingAccount(_ source: SpendSource) throws -> AccountRecord {
        switch source {
        case .account(let name):
            let a = try account(named: name)
            guard !a.isWatchOnly else { throw StoreError.watchOnly(account: a.name) }
            return a
        case .machine(let name):
            let m = try machine(named: name)
            guard let id = m.accountId, let a = try read({ db in try AccountRecord.fetchOne(db, key: id) }), !a.isWatchOnly else {
                throw StoreError.invalid("machine \(name) holds its own key (\(m.keySource.rawValue)): the wallet cannot sign for it")
            }
            return a
        }
    }

    /// Where change goes: a machine's own address, an account's current change address.
    public func changeAddress(_ source: SpendSource) throws -> String {
        if case .machine(let name) = source { return try machine(named: name).address }
        let a = try signingAccount(source)
        return try read { db in
            let chain = a.kind == .keypair ? AddressChain.receive.rawValue : AddressChain.change.rawValue
            guard let address = try String.fetchOne(db, sql: "SELECT address FROM address WHERE accountId = ? AND chain = ? ORDER BY idx DESC LIMIT 1",
                                                    arguments: [a.id, chain]) else {
                throw StoreError.corrupted("account '\(a.name)' has no change address")
            }
            return address
        }
    }

    /// Mature UTXOs of a source that no live reservation holds, largest first.
    public func spendableUtxos(_ source: SpendSource) throws -> [UtxoRecord] {
        let owner: String
        let ownerId: Int64?
        switch source {
        case .account(let n): (owner, ownerId) = ("u.accountId = ?", try account(named: n).id)
        case .machine(let n): (owner, ownerId) = (Self.machineFilter("u"), try machine(named: n).id)
        }
        return try read { db in
            try UtxoRecord.fetchAll(db, sql: """
                SELECT \(UtxoRecord.columns) FROM utxo u JOIN address a ON a.id = u.addressId
                LEFT JOIN utxoReservation r ON r.transactionId = u.transactionId AND r.outputIndex = u.outputIndex AND r.expiresAt > ?
                WHERE \(owner) AND u.state = 'mature' AND r.reservationId IS NULL ORDER BY u.amount DESC
                """, arguments: [now, ownerId])
        }
    }

    /// The private keys of these addresses (each must be a derived address of a signing account, or a keypair
    /// account's address). The caller drops them as soon as it has signed; `PrivateKey` wipes its storage.
    public func signingKeys(addresses: [String], keys: UnlockedKeys) throws -> [PrivateKey] {
        let rows = try read { db in
            try Set(addresses).map { address -> (AddressRecord, AccountRecord) in
                guard let a = try AddressRecord.filter(Column("address") == address).fetchOne(db), let accountId = a.accountId,
                      let account = try AccountRecord.fetchOne(db, key: accountId) else {
                    throw StoreError.invalid("the wallet holds no key for \(address)")
                }
                return (a, account)
            }
        }
        var masters: [Int64: ExtendedPrivateKey] = [:]
        var out: [PrivateKey] = []
        for (address, account) in rows {
            guard let keyId = account.keyIdList.first else { throw StoreError.watchOnly(account: account.name) }
            let secret = try secret(keyId: keyId, keys: keys)
            switch (account.kind, secret) {
            case (.keypair, .privateKey(let k)): out.append(k)
            case (.bip32, _):
                do {
                    let master = try masters[keyId] ?? secret.masterKey()
                    masters[keyId] = master
                    let accountKey = try Bip32Account.accountPrivateKey(master: master, account: UInt32(clamping: account.accountIndex))
                    let chain: AddressChain = address.chain == Int64(AddressChain.change.rawValue) ? .change : .receive
                    out.append(try Bip32Account.privateKey(accountKey: accountKey, chain: chain, index: UInt32(clamping: address.idx)))
                } catch let e as StoreError { throw e } catch {
                    throw StoreError.invalid("cannot derive the key of \(address.address): \(error)")
                }
            default:
                throw StoreError.invalid("account '\(account.name)' (\(account.kind.rawValue)) is not signed here: build a PSKT for it instead")
            }
        }
        return out
    }

    /// After the node took a transaction: its inputs are spent-in-mempool (their reservation ends), its history
    /// row is pending, the policy's ledger entry names it, and an audit event records it; one write transaction.
    public func recordBroadcast(_ r: BroadcastRecord) throws {
        try write { db in
            let txid = Data(r.transactionId.bytes)
            for o in r.inputs {
                try db.execute(sql: "UPDATE utxo SET state = 'spent-in-mempool', spendingTransactionId = ?, updatedAt = ? WHERE transactionId = ? AND outputIndex = ?",
                               arguments: [txid, now, Data(o.transactionId.bytes), Int64(o.index)])
            }
            try db.execute(sql: "DELETE FROM utxoReservation WHERE reservationId = ?", arguments: [r.reservationId])
            let h = r.history
            try db.execute(sql: """
                INSERT INTO history (transactionId, accountId, machineId, direction, amount, fee, blockDaaScore, state, counterparty, note, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (transactionId) DO UPDATE SET
                    accountId = excluded.accountId, machineId = excluded.machineId, direction = excluded.direction, amount = excluded.amount,
                    fee = excluded.fee, counterparty = excluded.counterparty, note = COALESCE(excluded.note, history.note), updatedAt = excluded.updatedAt
                """, arguments: [h.transactionId, h.accountId, h.machineId, h.direction.rawValue, h.amount, h.fee, h.blockDaaScore,
                                 h.state.rawValue, h.counterparty, h.note, h.createdAt, h.updatedAt])
            if let ledgerId = r.ledgerId {
                try db.execute(sql: "UPDATE spendLedger SET transactionId = ? WHERE id = ?", arguments: [txid, ledgerId])
            }
            try AuditLog.append(db, kind: r.auditKind, subject: r.source.description,
                                details: r.auditDetails.merging(["transactionId": r.transactionId.hex]) { a, _ in a }, at: now)
        }
    }

    /// Takes back a ledger entry whose spend never reached the network (signing, validation or broadcast
    /// failed), with an audit event saying why.
    public func revokeSpend(ledgerId: Int64, reason: String) throws {
        try write { db in
            guard let entry = try SpendLedgerRecord.fetchOne(db, key: ledgerId) else { return }
            let machine = try String.fetchOne(db, sql: "SELECT name FROM machine WHERE id = ?", arguments: [entry.machineId]) ?? "#\(entry.machineId)"
            try db.execute(sql: "DELETE FROM spendLedger WHERE id = ?", arguments: [ledgerId])
            try AuditLog.append(db, kind: "spend.revoked", subject: machine,
                                details: ["ledgerId": String(ledgerId), "amount": Sompi(UInt64(clamping: entry.amount)).kasString, "reason": reason], at: now)
        }
    }

    /// The fleet machine an address of the wallet belongs to, if any.
    public func machineName(owning address: String) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT m.name FROM address a JOIN machine m ON m.id = a.machineId WHERE a.address = ?", arguments: [address])
        }
    }

    /// Appends an audit event on its own (a change recorded elsewhere, e.g. a rejected transaction).
    public func audit(kind: String, subject: String, details: [String: String] = [:]) throws {
        try write { db in _ = try AuditLog.append(db, kind: kind, subject: subject, details: details, at: now) }
    }
}
