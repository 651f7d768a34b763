/// The global map of a PSKT (`Global`, `wallet/pskt/src/global.rs`).
///
/// JSON (keys in this order, all written, `null` for absent options):
/// `version` (0|1|2, `serde_repr`), `txVersion`, `fallbackLockTime`, `inputsModifiable`, `outputsModifiable`,
/// `inputCount`, `outputCount`, `xpubs` (`{xpub string: key source}`), `id` (tx id hex), `proprietaries`, then
/// every unknown key (flattened, sorted), then `payload` (hex or null).
public struct PSKTGlobal: Hashable, Sendable {
    /// PSKT format version (`Version`, `pskt.rs`): payloads need 1, covenant bindings need 2.
    public enum Version: UInt8, Hashable, Sendable, Comparable, CaseIterable {
        case zero = 0, one = 1, two = 2
        public static func < (a: Version, b: Version) -> Bool { a.rawValue < b.rawValue }
    }

    public var version: Version
    /// The version of the transaction being built (0, or 1 after Toccata).
    public var txVersion: UInt16
    /// The lock time to use if no input asks for one. See `PSKT.lockTime` for how rusty-kaspa really applies it.
    public var fallbackLockTime: UInt64?
    public var inputsModifiable: Bool
    public var outputsModifiable: Bool
    /// Counters the constructor keeps; rusty-kaspa never checks them against the arrays.
    public var inputCount: Int
    public var outputCount: Int
    /// Extended public key (base58 string, as written) to the master fingerprint and derivation path.
    public var xpubs: [String: PSKTKeySource]
    /// Set by the finalizer: the id of the transaction.
    public var id: TransactionID?
    public var proprietaries: [String: PSKTJSON]
    /// Keys this format does not define, kept and written back (rusty-kaspa flattens them into `unknowns`).
    public var unknowns: [String: PSKTJSON]
    public var payload: [UInt8]?

    /// `Global::default()`: version 1, transaction version 0, nothing else set.
    public init(version: Version = .one, txVersion: UInt16 = 0, fallbackLockTime: UInt64? = nil,
                inputsModifiable: Bool = false, outputsModifiable: Bool = false, inputCount: Int = 0, outputCount: Int = 0,
                xpubs: [String: PSKTKeySource] = [:], id: TransactionID? = nil, proprietaries: [String: PSKTJSON] = [:],
                unknowns: [String: PSKTJSON] = [:], payload: [UInt8]? = nil) {
        self.version = version
        self.txVersion = txVersion
        self.fallbackLockTime = fallbackLockTime
        self.inputsModifiable = inputsModifiable
        self.outputsModifiable = outputsModifiable
        self.inputCount = inputCount
        self.outputCount = outputCount
        self.xpubs = xpubs
        self.id = id
        self.proprietaries = proprietaries
        self.unknowns = unknowns
        self.payload = payload
    }

    static let knownKeys: Set<String> = [
        "version", "txVersion", "fallbackLockTime", "inputsModifiable", "outputsModifiable", "inputCount", "outputCount",
        "xpubs", "id", "proprietaries", "payload",
    ]

    init(json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        if let raw = try r.uint64("version") {
            guard raw <= 255, let v = Version(rawValue: UInt8(raw)) else {
                throw .invalidField(path: r.at("version"), message: "PSKT version \(raw) is not 0, 1 or 2")
            }
            version = v
        } else {
            version = .one
        }
        txVersion = try r.integer("txVersion", as: UInt16.self) ?? 0
        fallbackLockTime = try r.uint64("fallbackLockTime")
        inputsModifiable = try r.bool("inputsModifiable") ?? false
        outputsModifiable = try r.bool("outputsModifiable") ?? false
        inputCount = try r.count("inputCount")
        outputCount = try r.count("outputCount")
        var xpubs: [String: PSKTKeySource] = [:]
        var seen: [[UInt8]: String] = [:]
        for m in try r.map("xpubs") {
            let at = "\(r.at("xpubs")) \"\(m.key.prefix(120))\""
            let order = try PSKTGlobal.xpubOrderKey(m.key, path: at)
            if let other = seen[order] {
                throw .invalidField(path: at, message: "the same extended key is listed twice (also as \"\(other)\")")
            }
            seen[order] = m.key
            xpubs[m.key] = try PSKTKeySource(json: m.value, path: at)
        }
        self.xpubs = xpubs
        id = try r.hash("id")
        proprietaries = try r.values("proprietaries")
        payload = try r.bytes("payload")
        unknowns = r.unknowns()
    }

    var json: PSKTJSON {
        var members: [(String, PSKTJSON)] = [
            ("version", .unsigned(UInt64(version.rawValue))),
            ("txVersion", .unsigned(UInt64(txVersion))),
            ("fallbackLockTime", .optional(fallbackLockTime) { .unsigned($0) }),
            ("inputsModifiable", .bool(inputsModifiable)),
            ("outputsModifiable", .bool(outputsModifiable)),
            ("inputCount", .unsigned(UInt64(inputCount))),
            ("outputCount", .unsigned(UInt64(outputCount))),
            ("xpubs", .record(PSKTGlobal.sortedXpubs(xpubs).map { ($0.key, $0.value.json) })),
            ("id", .optional(id) { .string($0.hex) }),
            ("proprietaries", .record(PSKTJSON.sortedMembers(proprietaries))),
        ]
        members += PSKTJSON.sortedMembers(unknowns.filter { !PSKTGlobal.knownKeys.contains($0.key) })
        members.append(("payload", .optional(payload) { .string($0.hex) }))
        return .record(members)
    }

    /// rusty-kaspa keys `xpubs` by `ExtendedPublicKey`, whose derived `Ord` compares the public key, then depth,
    /// parent fingerprint, child number and chain code (`wallet/bip32/src/{xpublic_key,attrs}.rs`). This is that
    /// tuple as bytes, from the base58check payload (version 4, depth 1, parent fingerprint 4, child number 4,
    /// chain code 32, key 33). Only the string is stored; this just checks it and orders it.
    static func xpubOrderKey(_ text: String, path: String) throws(PSKTError) -> [UInt8] {
        // 82 bytes in base58 take at most 112 characters; refuse long strings before the quadratic decoding.
        guard text.utf8.count <= 120 else {
            throw .invalidField(path: path, message: "not an extended public key: \(text.utf8.count) characters")
        }
        let payload: [UInt8]
        do { payload = try Base58.decodeCheck(text) } catch {
            throw .invalidField(path: path, message: "not an extended public key: \(error)")
        }
        guard payload.count == 78 else {
            throw .invalidField(path: path, message: "not an extended public key: \(payload.count) bytes instead of 78")
        }
        let key = Array(payload[45..<78])
        guard (try? PublicKey(bytes: key)) != nil else {
            throw .invalidField(path: path, message: "the extended key does not hold a valid compressed public key")
        }
        return key + Array(payload[4..<45])
    }

    static func sortedXpubs(_ xpubs: [String: PSKTKeySource]) -> [(key: String, value: PSKTKeySource)] {
        xpubs.map { (key: $0.key, value: $0.value, order: (try? xpubOrderKey($0.key, path: "")) ?? Array($0.key.utf8)) }
            .sorted { $0.order == $1.order ? PSKTJSON.keyOrder($0.key, $1.key) : $0.order.lexicographicallyPrecedes($1.order) }
            .map { (key: $0.key, value: $0.value) }
    }
}
