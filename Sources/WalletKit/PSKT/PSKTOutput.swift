/// One output of a PSKT (`Output`, `wallet/pskt/src/output.rs`).
///
/// JSON (keys in this order, all written): `amount` (sompi), `scriptPublicKey`, `redeemScript` (hex or null),
/// `bip32Derivations`, `covenant` (`{authorizingInput, covenantId}` or null), `proprietaries`, then every
/// unknown key (flattened, sorted).
public struct PSKTOutput: Hashable, Sendable {
    public var amount: Sompi
    public var scriptPublicKey: ScriptPublicKey
    /// For P2SH outputs, the script behind the hash (informational).
    public var redeemScript: [UInt8]?
    public var bip32Derivations: [PublicKey: PSKTKeySource?]
    /// KIP-20 covenant binding; needs PSKT version 2 and transaction version 1.
    public var covenant: CovenantBinding?
    public var proprietaries: [String: PSKTJSON]
    public var unknowns: [String: PSKTJSON]

    public init(amount: Sompi, scriptPublicKey: ScriptPublicKey, covenant: CovenantBinding? = nil, redeemScript: [UInt8]? = nil,
                bip32Derivations: [PublicKey: PSKTKeySource?] = [:], proprietaries: [String: PSKTJSON] = [:],
                unknowns: [String: PSKTJSON] = [:]) {
        self.amount = amount
        self.scriptPublicKey = scriptPublicKey
        self.redeemScript = redeemScript
        self.bip32Derivations = bip32Derivations
        self.covenant = covenant
        self.proprietaries = proprietaries
        self.unknowns = unknowns
    }

    /// Pays `amount` to `address`.
    public init(amount: Sompi, address: Address, covenant: CovenantBinding? = nil) {
        self.init(amount: amount, scriptPublicKey: ScriptPublicKey(address: address), covenant: covenant)
    }

    static let knownKeys: Set<String> = ["amount", "scriptPublicKey", "redeemScript", "bip32Derivations", "covenant", "proprietaries"]

    init(json: PSKTJSON, path: String) throws(PSKTError) {
        var r = try PSKTFieldReader(json, path: path)
        guard let amount = try r.uint64("amount") else { throw .invalidField(path: path, message: "the required field amount is missing") }
        self.amount = Sompi(amount)
        scriptPublicKey = try ScriptPublicKey(psktJSON: r.require("scriptPublicKey"), path: r.at("scriptPublicKey"))
        redeemScript = try r.bytes("redeemScript")
        bip32Derivations = try PSKTInput.keyMap(r.map("bip32Derivations"), path: r.at("bip32Derivations")) { v, at throws(PSKTError) in
            v == .null ? PSKTKeySource?.none : try PSKTKeySource(json: v, path: at)
        }
        covenant = try r.take("covenant").map { v throws(PSKTError) in try CovenantBinding(psktJSON: v, path: r.at("covenant")) }
        proprietaries = try r.values("proprietaries")
        unknowns = r.unknowns()
    }

    var json: PSKTJSON {
        var members: [(String, PSKTJSON)] = [
            ("amount", .unsigned(amount.rawValue)),
            ("scriptPublicKey", scriptPublicKey.psktJSON),
            ("redeemScript", .optional(redeemScript) { .string($0.hex) }),
            ("bip32Derivations", PSKTInput.keyMapJSON(bip32Derivations) { .optional($0) { $0.json } }),
            ("covenant", .optional(covenant) { $0.psktJSON }),
            ("proprietaries", .record(PSKTJSON.sortedMembers(proprietaries))),
        ]
        members += PSKTJSON.sortedMembers(unknowns.filter { !PSKTOutput.knownKeys.contains($0.key) })
        return .record(members)
    }
}
