import WalletKit

/// One entry of the wallet's and fleet's history (the Activity screen, and a machine's events).
public struct ActivityRow: Equatable, Sendable, Identifiable {
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case sent, received, funded, frozen, unfrozen, policy, settlement, lock
    }

    public var id: Int64
    /// Unix seconds.
    public var time: Int64
    public var kind: Kind
    public var machine: String?
    /// The machine's id, so Enter can open it.
    public var machineId: MachineID?
    public var amount: Sompi?
    /// Transaction id (hex) when the entry moved money.
    public var transactionId: String?
    /// One sentence: "drone-0007 paid charger-0002 for a charge".
    public var text: String

    public init(id: Int64, time: Int64, kind: Kind, machine: String?, machineId: MachineID? = nil, amount: Sompi?, transactionId: String?, text: String) {
        self.id = id
        self.time = time
        self.kind = kind
        self.machine = machine
        self.machineId = machineId
        self.amount = amount
        self.transactionId = transactionId
        self.text = text
    }
}

/// A window of the history, newest first, filtered by text (matched against kind, machine and text).
public struct ActivityQuery: Equatable, Sendable {
    public var filter: String
    public var offset: Int
    public var limit: Int

    public init(filter: String = "", offset: Int = 0, limit: Int = 200) {
        self.filter = filter
        self.offset = offset
        self.limit = limit
    }
}

public struct ActivityPage: Equatable, Sendable {
    public var total: Int
    public var offset: Int
    public var rows: [ActivityRow]

    public init(total: Int, offset: Int, rows: [ActivityRow]) {
        self.total = total
        self.offset = offset
        self.rows = rows
    }
}

/// Formats the Activity screen exports.
public enum ExportFormat: String, Equatable, Sendable, CaseIterable {
    case csv, json
}
