import Foundation
import GRDB
import GRDBSQLite

/// The sync hot path's one statement: insert a UTXO, or update it in place (keeping a `spent-in-mempool`
/// mark). Values are bound straight into the prepared statement (`sqlite3_bind_*`), and GRDB still runs
/// it (`execute()`), so transaction observers see the change: in `bench sync`, building GRDB's argument
/// lists cost about a tenth of each batch.
struct UtxoUpsert {
    private let statement: Statement
    private var validated = false

    static let sql = """
        INSERT INTO utxo (transactionId, outputIndex, addressId, accountId, machineId, amount, scriptVersion, script, blockDaaScore,
                          isCoinbase, covenantId, state, updatedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (transactionId, outputIndex) DO UPDATE SET
            addressId = excluded.addressId, accountId = excluded.accountId, machineId = excluded.machineId,
            amount = excluded.amount, scriptVersion = excluded.scriptVersion, script = excluded.script, blockDaaScore = excluded.blockDaaScore,
            isCoinbase = excluded.isCoinbase, covenantId = excluded.covenantId, updatedAt = excluded.updatedAt,
            state = CASE WHEN utxo.state = 'spent-in-mempool' THEN utxo.state ELSE excluded.state END
        """

    init(_ db: Database) throws {
        statement = try db.cachedStatement(sql: Self.sql)
    }

    mutating func execute(_ u: UtxoUpdate, owner: AddressOwner, state: UtxoState, at: Int64) throws {
        let amount = try sqlInt(u.entry.amount.rawValue), daa = try sqlInt(u.entry.blockDaaScore)
        guard validated else {
            // The first row goes through GRDB's checked path (it validates the argument count once); later rows
            // rebind the same 13 parameters, which `execute()` keeps.
            try statement.setArguments([
                Data(u.outpoint.transactionId.bytes), Int64(u.outpoint.index), owner.addressId, owner.accountId, owner.machineId, amount,
                Int64(u.entry.scriptPublicKey.version), Data(u.entry.scriptPublicKey.script), daa, u.entry.isCoinbase,
                u.entry.covenantId.map { Data($0.bytes) }, state.rawValue, at,
            ])
            try statement.execute()
            validated = true
            return
        }
        let h = statement.sqliteStatement
        sqlite3_reset(h)
        // The first failing code, if any (binding fails only on a misused statement or an oversized value).
        var code = SQLITE_OK
        func check(_ c: CInt) { if code == SQLITE_OK { code = c } }
        check(sqlite3_bind_int64(h, 2, Int64(u.outpoint.index)))
        check(sqlite3_bind_int64(h, 3, owner.addressId))
        check(Self.bind(owner.accountId, h, 4))
        check(Self.bind(owner.machineId, h, 5))
        check(sqlite3_bind_int64(h, 6, amount))
        check(sqlite3_bind_int64(h, 7, Int64(u.entry.scriptPublicKey.version)))
        check(sqlite3_bind_int64(h, 9, daa))
        check(sqlite3_bind_int64(h, 10, u.entry.isCoinbase ? 1 : 0))
        check(u.entry.covenantId.map { id in withUnsafeBytes(of: id.storage) { Self.bindCopy($0, h, 11) } } ?? sqlite3_bind_null(h, 11))
        check(Self.bind(state, h, 12))
        check(sqlite3_bind_int64(h, 13, at))
        // The transaction id and the script are bound where they lie (a nil destructor is SQLITE_STATIC: no copy, no
        // allocation): SQLite reads them during the step, which runs inside these closures, and the bindings are cleared
        // before the memory goes away.
        var txid = u.outpoint.transactionId.storage
        try withUnsafeBytes(of: &txid) { id in
            try u.entry.scriptPublicKey.script.withUnsafeBytes { script in
                check(sqlite3_bind_blob(h, 1, id.baseAddress, 32, nil))
                check(Self.bindInPlace(script, h, 8))
                defer { sqlite3_clear_bindings(h) }
                guard code == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "binding a UTXO row failed", sql: statement.sql)
                }
                try statement.execute()
            }
        }
    }

    /// An empty buffer may have no address, which SQLite would take for NULL: an empty script is a zero-length blob.
    private static func bindInPlace(_ bytes: UnsafeRawBufferPointer, _ h: OpaquePointer, _ i: CInt) -> CInt {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_zeroblob(h, i, 0) }
        return sqlite3_bind_blob(h, i, base, CInt(bytes.count), nil)
    }

    private static func bindCopy(_ bytes: UnsafeRawBufferPointer, _ h: OpaquePointer, _ i: CInt) -> CInt {
        sqlite3_bind_blob(h, i, bytes.baseAddress, CInt(bytes.count), transient)
    }

    /// SQLite copies the bytes (SQLITE_TRANSIENT), so they need to live only for the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A state's text, bound from where the literal lies for the life of the program (SQLITE_STATIC): copying the
    /// short string cost an allocation and a free per row.
    private static func bind(_ state: UtxoState, _ h: OpaquePointer, _ i: CInt) -> CInt {
        let text = text(of: state)
        return sqlite3_bind_text(h, i, UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self), CInt(text.utf8CodeUnitCount), nil)
    }

    /// `state.rawValue` as a literal (`UtxoStoreTests` checks they agree).
    static func text(of state: UtxoState) -> StaticString {
        switch state {
        case .stasis: "stasis"
        case .pending: "pending"
        case .mature: "mature"
        case .spentInMempool: "spent-in-mempool"
        }
    }

    private static func bind(_ value: Int64?, _ h: OpaquePointer, _ i: CInt) -> CInt {
        value.map { sqlite3_bind_int64(h, i, $0) } ?? sqlite3_bind_null(h, i)
    }
}
