import GRDB

/// The wallet file's schema, as named migrations applied in order.
///
/// Rules (product.md §5): a migration is never edited once shipped; later versions only append new ones, so a
/// file written by any version opens in every later one. Money is INTEGER sompi, never REAL. Times are Unix
/// seconds (INTEGER). Hashes and scripts are BLOBs.
enum Migrations {
    /// Every migration name this version knows, in order (what `wallet info` reports as applied).
    static var names: [String] { migrator.migrations }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-wallet") { db in
            try db.execute(sql: """
                CREATE TABLE walletMeta (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    formatVersion INTEGER NOT NULL,
                    network TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    createdBy TEXT NOT NULL
                );
                -- The key-encryption envelope: a random 32-byte data key sealed under Argon2id(password, salt, params).
                CREATE TABLE vault (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    kdf TEXT NOT NULL,
                    salt BLOB NOT NULL,
                    memoryKiB INTEGER NOT NULL,
                    iterations INTEGER NOT NULL,
                    parallelism INTEGER NOT NULL,
                    wrappedKey BLOB NOT NULL,
                    keyVersion INTEGER NOT NULL,
                    changedAt INTEGER NOT NULL
                );
                -- Seeds and private keys, sealed (XChaCha20-Poly1305) under the data key; never stored in clear.
                CREATE TABLE keyMaterial (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    ciphertext BLOB NOT NULL,
                    fingerprint TEXT NOT NULL,
                    createdAt INTEGER NOT NULL
                );
                """)
        }
        m.registerMigration("v1-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    keyIds TEXT NOT NULL DEFAULT '[]',
                    accountIndex INTEGER NOT NULL DEFAULT 0,
                    publicKeys TEXT NOT NULL DEFAULT '[]',
                    requiredSignatures INTEGER NOT NULL DEFAULT 1,
                    cosignerIndex INTEGER NOT NULL DEFAULT 0,
                    ecdsa INTEGER NOT NULL DEFAULT 0,
                    receiveIndex INTEGER NOT NULL DEFAULT 0,
                    changeIndex INTEGER NOT NULL DEFAULT 0,
                    machineId INTEGER,
                    createdAt INTEGER NOT NULL
                );
                CREATE TABLE address (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    address TEXT NOT NULL UNIQUE,
                    accountId INTEGER REFERENCES account(id) ON DELETE CASCADE,
                    machineId INTEGER,
                    chain INTEGER NOT NULL DEFAULT 0,
                    idx INTEGER NOT NULL DEFAULT 0,
                    createdAt INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX addressByAccount ON address(accountId, chain, idx) WHERE accountId IS NOT NULL;
                CREATE INDEX addressByMachine ON address(machineId) WHERE machineId IS NOT NULL;
                """)
        }
        m.registerMigration("v1-utxos") { db in
            try db.execute(sql: """
                CREATE TABLE utxo (
                    transactionId BLOB NOT NULL,
                    outputIndex INTEGER NOT NULL,
                    address TEXT NOT NULL,
                    accountId INTEGER,
                    machineId INTEGER,
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    scriptVersion INTEGER NOT NULL,
                    script BLOB NOT NULL,
                    blockDaaScore INTEGER NOT NULL,
                    isCoinbase INTEGER NOT NULL,
                    covenantId BLOB,
                    state TEXT NOT NULL CHECK (state IN ('stasis', 'pending', 'mature', 'spent-in-mempool')),
                    spendingTransactionId BLOB,
                    updatedAt INTEGER NOT NULL,
                    PRIMARY KEY (transactionId, outputIndex)
                ) WITHOUT ROWID;
                CREATE INDEX utxoByAccount ON utxo(accountId, state, amount);
                CREATE INDEX utxoByMachine ON utxo(machineId, state, amount) WHERE machineId IS NOT NULL;
                CREATE INDEX utxoByAddress ON utxo(address);
                -- One row per reserved UTXO: the primary key is what stops two builders taking the same one.
                CREATE TABLE utxoReservation (
                    transactionId BLOB NOT NULL,
                    outputIndex INTEGER NOT NULL,
                    reservationId TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    expiresAt INTEGER NOT NULL,
                    PRIMARY KEY (transactionId, outputIndex),
                    FOREIGN KEY (transactionId, outputIndex) REFERENCES utxo(transactionId, outputIndex) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE INDEX reservationById ON utxoReservation(reservationId);
                CREATE TABLE history (
                    transactionId BLOB NOT NULL PRIMARY KEY,
                    accountId INTEGER,
                    machineId INTEGER,
                    direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'self')),
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    fee INTEGER,
                    blockDaaScore INTEGER,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected')),
                    counterparty TEXT,
                    note TEXT,
                    createdAt INTEGER NOT NULL,
                    updatedAt INTEGER NOT NULL
                );
                CREATE INDEX historyByTime ON history(createdAt);
                CREATE TABLE syncState (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    virtualDaaScore INTEGER NOT NULL,
                    updatedAt INTEGER NOT NULL
                );
                """)
        }
        m.registerMigration("v1-fleet") { db in
            try db.execute(sql: """
                CREATE TABLE machineGroup (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    createdAt INTEGER NOT NULL
                );
                CREATE TABLE machine (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    groupId INTEGER REFERENCES machineGroup(id),
                    tags TEXT NOT NULL DEFAULT '[]',
                    status TEXT NOT NULL CHECK (status IN ('active', 'frozen', 'retired')),
                    keySource TEXT NOT NULL CHECK (keySource IN ('account', 'public-key', 'kpub')),
                    accountId INTEGER REFERENCES account(id),
                    publicKey TEXT,
                    address TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    updatedAt INTEGER NOT NULL
                );
                CREATE INDEX machineByGroup ON machine(groupId, status);
                -- Machine counts per group (key 0: no group) and status, kept by triggers for the dashboard.
                CREATE TABLE machineCount (
                    groupKey INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (groupKey, status)
                ) WITHOUT ROWID;
                CREATE TRIGGER machineCountInsert AFTER INSERT ON machine BEGIN
                    INSERT INTO machineCount (groupKey, status, n) VALUES (COALESCE(NEW.groupId, 0), NEW.status, 1)
                    ON CONFLICT (groupKey, status) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER machineCountUpdate AFTER UPDATE OF groupId, status ON machine BEGIN
                    UPDATE machineCount SET n = n - 1 WHERE groupKey = COALESCE(OLD.groupId, 0) AND status = OLD.status;
                    INSERT INTO machineCount (groupKey, status, n) VALUES (COALESCE(NEW.groupId, 0), NEW.status, 1)
                    ON CONFLICT (groupKey, status) DO UPDATE SET n = n + 1;
                END;
                CREATE TRIGGER machineCountDelete AFTER DELETE ON machine BEGIN
                    UPDATE machineCount SET n = n - 1 WHERE groupKey = COALESCE(OLD.groupId, 0) AND status = OLD.status;
                END;
                -- At most one budget per machine and one per group.
                CREATE TABLE budget (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    machineId INTEGER UNIQUE REFERENCES machine(id) ON DELETE CASCADE,
                    groupId INTEGER UNIQUE REFERENCES machineGroup(id) ON DELETE CASCADE,
                    perTransactionLimit INTEGER,
                    hourlyLimit INTEGER,
                    dailyLimit INTEGER,
                    allowedDestinations TEXT,
                    allowedMachines TEXT,
                    updatedAt INTEGER NOT NULL,
                    CHECK ((machineId IS NULL) <> (groupId IS NULL))
                );
                CREATE TABLE spendLedger (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    machineId INTEGER NOT NULL REFERENCES machine(id),
                    groupId INTEGER,
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    destination TEXT NOT NULL,
                    transactionId BLOB,
                    at INTEGER NOT NULL
                );
                -- Policy windows (one machine or group, recent rows) and dashboard aggregates (all machines, last
                -- 24 h), each answered from an index alone.
                CREATE INDEX ledgerByMachine ON spendLedger(machineId, at, amount);
                CREATE INDEX ledgerByGroup ON spendLedger(groupId, at, amount) WHERE groupId IS NOT NULL;
                CREATE INDEX ledgerByTime ON spendLedger(at, machineId, groupId, amount);
                """)
        }
        m.registerMigration("v1-audit") { db in
            try db.execute(sql: """
                CREATE TABLE auditEvent (
                    seq INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    details TEXT NOT NULL,
                    previousHash BLOB NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE TRIGGER auditEventNoUpdate BEFORE UPDATE ON auditEvent
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                CREATE TRIGGER auditEventNoDelete BEFORE DELETE ON auditEvent
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """)
        }
        // The UTXO table becomes a rowid table: `WITHOUT ROWID` keyed by random transaction ids put every new
        // row on its own page, and SQLite's change hooks never report such tables. Rows now append; the
        // secondary indexes are what a sync batch pays for, so there are fewer and smaller ones:
        // - `utxoByAddress` (addressId, state, amount) covers per-address and per-machine balances and coin
        //   selection (a machine's UTXOs are those of its addresses; it replaces `utxoByMachine`);
        // - `utxoByAccount` holds only account rows (machine rows have no account);
        // - two small partial indexes serve the maturity pass and the mempool spender lookup.
        // UTXOs of an address the wallet does not hold (no owner, no key to spend them) are not carried over.
        m.registerMigration("v2-utxo-rowid") { db in
            try db.execute(sql: """
                CREATE TABLE utxoRowid (
                    id INTEGER PRIMARY KEY,
                    transactionId BLOB NOT NULL,
                    outputIndex INTEGER NOT NULL,
                    addressId INTEGER NOT NULL REFERENCES address(id) ON DELETE CASCADE,
                    address TEXT NOT NULL,
                    accountId INTEGER,
                    machineId INTEGER,
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    scriptVersion INTEGER NOT NULL,
                    script BLOB NOT NULL,
                    blockDaaScore INTEGER NOT NULL,
                    isCoinbase INTEGER NOT NULL,
                    covenantId BLOB,
                    state TEXT NOT NULL CHECK (state IN ('stasis', 'pending', 'mature', 'spent-in-mempool')),
                    spendingTransactionId BLOB,
                    updatedAt INTEGER NOT NULL
                );
                INSERT INTO utxoRowid (transactionId, outputIndex, addressId, address, accountId, machineId, amount, scriptVersion, script,
                                       blockDaaScore, isCoinbase, covenantId, state, spendingTransactionId, updatedAt)
                    SELECT u.transactionId, u.outputIndex, a.id, u.address, a.accountId, a.machineId, u.amount, u.scriptVersion, u.script,
                           u.blockDaaScore, u.isCoinbase, u.covenantId, u.state, u.spendingTransactionId, u.updatedAt
                    FROM utxo u JOIN address a ON a.address = u.address;
                DELETE FROM utxoReservation WHERE NOT EXISTS (
                    SELECT 1 FROM utxoRowid n WHERE n.transactionId = utxoReservation.transactionId AND n.outputIndex = utxoReservation.outputIndex);
                DROP TABLE utxo;
                ALTER TABLE utxoRowid RENAME TO utxo;
                CREATE UNIQUE INDEX utxoByOutpoint ON utxo(transactionId, outputIndex);
                CREATE INDEX utxoByAccount ON utxo(accountId, state, amount) WHERE accountId IS NOT NULL;
                CREATE INDEX utxoByAddress ON utxo(addressId, state, amount);
                CREATE INDEX utxoMaturing ON utxo(blockDaaScore) WHERE state IN ('pending', 'stasis');
                CREATE INDEX utxoBySpender ON utxo(spendingTransactionId) WHERE spendingTransactionId IS NOT NULL;
                """)
        }
        // The UTXO table again, for the cost of each row the sync engine writes (SQLite's instructions per
        // upsert, counted with callgrind on this schema: about 87,000 before, 46,500 after). A CHECK with an IN
        // list of more than two values is evaluated through a temporary b-tree that SQLite builds anew for every
        // statement run: the state check cost nearly as much as the rest of the insert; the same test written as
        // comparisons costs next to nothing. The foreign key to `address` (a parent lookup per row, with the
        // upsert's update path) was about a sixth of what remained; the one writer of UTXO rows (`UtxoUpsert`)
        // takes the address id from the address table's rows, and the cascade (nothing deletes addresses today,
        // but it must hold if something does) is now a trigger. Rows, ids and indexes are unchanged.
        m.registerMigration("v3-utxo-lean-checks") { db in
            try db.execute(sql: """
                CREATE TABLE utxoLean (
                    id INTEGER PRIMARY KEY,
                    transactionId BLOB NOT NULL,
                    outputIndex INTEGER NOT NULL,
                    addressId INTEGER NOT NULL,
                    address TEXT NOT NULL,
                    accountId INTEGER,
                    machineId INTEGER,
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    scriptVersion INTEGER NOT NULL,
                    script BLOB NOT NULL,
                    blockDaaScore INTEGER NOT NULL,
                    isCoinbase INTEGER NOT NULL,
                    covenantId BLOB,
                    state TEXT NOT NULL CHECK (state = 'stasis' OR state = 'pending' OR state = 'mature' OR state = 'spent-in-mempool'),
                    spendingTransactionId BLOB,
                    updatedAt INTEGER NOT NULL
                );
                INSERT INTO utxoLean (id, transactionId, outputIndex, addressId, address, accountId, machineId, amount, scriptVersion, script,
                                      blockDaaScore, isCoinbase, covenantId, state, spendingTransactionId, updatedAt)
                    SELECT id, transactionId, outputIndex, addressId, address, accountId, machineId, amount, scriptVersion, script,
                           blockDaaScore, isCoinbase, covenantId, state, spendingTransactionId, updatedAt
                    FROM utxo ORDER BY id;
                DROP TABLE utxo;
                ALTER TABLE utxoLean RENAME TO utxo;
                CREATE UNIQUE INDEX utxoByOutpoint ON utxo(transactionId, outputIndex);
                CREATE INDEX utxoByAccount ON utxo(accountId, state, amount) WHERE accountId IS NOT NULL;
                CREATE INDEX utxoByAddress ON utxo(addressId, state, amount);
                CREATE INDEX utxoMaturing ON utxo(blockDaaScore) WHERE state IN ('pending', 'stasis');
                CREATE INDEX utxoBySpender ON utxo(spendingTransactionId) WHERE spendingTransactionId IS NOT NULL;
                CREATE TRIGGER utxoLeavesWithAddress AFTER DELETE ON address BEGIN
                    DELETE FROM utxo WHERE addressId = old.id;
                END;
                """)
        }
        // A UTXO's address text is the address row's (`addressId`): kept on each UTXO too, it was about a third of
        // the row (a 70-character string beside a 32-byte id and a 35-byte script), and the sync engine's insert
        // wrote it, and its page space, once per UTXO. Reads that show or sign with the text join the address table
        // on its primary key. SQLite rewrites the table in place (the column is in no index, trigger or check).
        m.registerMigration("v4-utxo-address-by-id") { db in
            try db.execute(sql: "ALTER TABLE utxo DROP COLUMN address")
        }
        return m
    }
}
