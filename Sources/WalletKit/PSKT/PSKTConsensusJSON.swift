/// The consensus types a PSKT embeds, in their serde JSON form (`consensus/core/src/tx.rs`,
/// `tx/script_public_key.rs`, `utxo/utxo_entry.rs`, `kaspa_hashes::Hash`). These differ from the RPC JSON of
/// `TransactionJSON.swift` in small ways (no `verboseData`, `covenantId` null rather than "", an outpoint's id
/// through `serde_bytes_fixed_ref`), so they are spelled out here. Unknown keys inside these objects are ignored,
/// as serde ignores them.

extension ScriptPublicKey {
    /// `"<version as 4 hex digits, big-endian><script hex>"`: what `Serialize for ScriptPublicKey` writes for
    /// human-readable formats.
    var psktJSON: PSKTJSON { .string(rpcHex) }

    /// The string form, or the `{"version": u16, "script": hex}` map its deserializer also accepts.
    init(psktJSON json: PSKTJSON, path: String) throws(PSKTError) {
        switch json {
        case .string(let text):
            guard text.utf8.count >= 4 else {
                throw .invalidField(path: path, message: "a script public key needs at least 4 hex digits (the version), found \(text.utf8.count)")
            }
            do { try self.init(rpcHex: text) } catch {
                throw .invalidField(path: path, message: "\(error)")
            }
        case .object:
            var r = try PSKTFieldReader(json, path: path)
            guard let version = try r.integer("version", as: UInt16.self) else {
                throw .invalidField(path: path, message: "the required field version is missing")
            }
            guard let script = try r.bytes("script") else { throw .invalidField(path: path, message: "the required field script is missing") }
            self.init(version: version, script: script)
        default:
            throw .invalidField(path: path, message: "expected a hex string or {version, script}, found \(json.kindDescription)")
        }
    }
}

extension Outpoint {
    var psktJSON: PSKTJSON {
        .record([("transactionId", .string(transactionId.hex)), ("index", .unsigned(UInt64(index)))])
    }

    init(psktJSON json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        let id = try r.require("transactionId").hash32(at: r.at("transactionId"))
        guard let index = try r.integer("index", as: UInt32.self) else {
            throw .invalidField(path: path, message: "the required field index is missing")
        }
        self.init(transactionId: id, index: index)
    }
}

extension CovenantBinding {
    var psktJSON: PSKTJSON {
        .record([("authorizingInput", .unsigned(UInt64(authorizingInput))), ("covenantId", .string(covenantId.hex))])
    }

    init(psktJSON json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        guard let input = try r.integer("authorizingInput", as: UInt16.self) else {
            throw .invalidField(path: path, message: "the required field authorizingInput is missing")
        }
        self.init(authorizingInput: input, covenantId: try r.require("covenantId").hash32(at: r.at("covenantId")))
    }
}

extension UtxoEntry {
    /// `{amount, scriptPublicKey, blockDaaScore, isCoinbase, covenantId}`; `covenantId` is written as null when
    /// absent (serde `Option`) and may be missing when read (`#[serde(default)]`).
    var psktJSON: PSKTJSON {
        .record([
            ("amount", .unsigned(amount.rawValue)),
            ("scriptPublicKey", scriptPublicKey.psktJSON),
            ("blockDaaScore", .unsigned(blockDaaScore)),
            ("isCoinbase", .bool(isCoinbase)),
            ("covenantId", .optional(covenantId) { .string($0.hex) }),
        ])
    }

    init(psktJSON json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        guard let amount = try r.uint64("amount") else { throw .invalidField(path: path, message: "the required field amount is missing") }
        let spk = try ScriptPublicKey(psktJSON: r.require("scriptPublicKey"), path: r.at("scriptPublicKey"))
        self.init(amount: Sompi(amount), scriptPublicKey: spk,
                  blockDaaScore: try r.uint64("blockDaaScore") ?? 0,
                  isCoinbase: try r.bool("isCoinbase") ?? false,
                  covenantId: try r.hash("covenantId"))
    }
}

extension PublicKey {
    /// Map keys of `partialSigs` and `bip32Derivations`: the `secp256k1` crate's `PublicKey` in hex — written as
    /// the 33-byte compressed key, read as 33-byte compressed or 65-byte uncompressed (0.29.1 `src/key.rs`).
    init(psktKey text: String, path: String) throws(PSKTError) {
        let shown = text.count > 70 ? String(text.prefix(66)) + "…" : text
        guard let bytes = try? Hex.decode(text), bytes.count == 33 || bytes.count == 65 else {
            throw .invalidField(path: path, message: "key \"\(shown)\" is not a 33-byte public key in hex")
        }
        do { try self.init(bytes: bytes) } catch {
            throw .invalidField(path: path, message: "key \"\(shown)\" is not a valid secp256k1 public key")
        }
    }

    /// Rust's `BTreeMap<secp256k1::PublicKey, _>` order: `secp256k1_ec_pubkey_cmp`, i.e. the compressed bytes.
    static func psktOrder(_ a: PublicKey, _ b: PublicKey) -> Bool {
        a.compressed.lexicographicallyPrecedes(b.compressed)
    }
}
