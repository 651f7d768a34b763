/// OP_ZKPRECOMPILE (KIP-16) dispatch by the one-byte tag on top of the stack
/// (rusty-kaspa `crypto/txscript/src/zk_precompiles/{mod.rs,tags.rs}`).
public enum ZkTag: UInt8, Sendable, CaseIterable {
    case groth16 = 0x20
    case risc0Succinct = 0x21

    /// Script units charged before verification: Groth16 140,000 grams, RISC Zero succinct 250,000 grams.
    public var scriptUnits: UInt64 {
        switch self {
        case .groth16: return 140_000 * ComputeMass.scriptUnitsPerGram
        case .risc0Succinct: return 250_000 * ComputeMass.scriptUnitsPerGram
        }
    }

    /// The highest price of any tag, charged by static estimates when the tag is unknown.
    public static var maxScriptUnits: UInt64 { allCases.map(\.scriptUnits).max() ?? 0 }
}

/// A proof system the engine can verify. Verifiers pop their own operands from the stack and throw on any
/// failure; success leaves `true` pushed by the engine.
public protocol ZkVerifier: Sendable {
    func verify(stack: inout Stack, meter: inout ScriptUnitMeter) throws(ScriptError)
}

enum ZkPrecompile {
    /// Pops and checks the tag (`parse_tag`).
    static func parseTag(_ stack: inout Stack) throws(ScriptError) -> ZkTag {
        let raw = try stack.pop()
        switch raw.count {
        case 0: throw .zkIntegrity("Tag byte is missing")
        case 1:
            guard let tag = ZkTag(rawValue: raw[0]) else { throw .zkIntegrity("Unknown tag: \(raw[0])") }
            return tag
        default: throw .zkIntegrity("Tag byte length \(raw.count) is invalid")
        }
    }

    /// Groth16 (0x20) and RISC Zero succinct (0x21) verification are not implemented yet: a proof never passes.
    static func verify(_ tag: ZkTag, stack: inout Stack, meter: inout ScriptUnitMeter,
                       verifiers: [UInt8: any ZkVerifier]) throws(ScriptError) {
        if let verifier = verifiers[tag.rawValue] {
            try verifier.verify(stack: &stack, meter: &meter)
            return
        }
        switch tag {
        case .groth16: throw .zkIntegrity("unsupported proof system: Groth16 (tag 0x20)")
        case .risc0Succinct: throw .zkIntegrity("unsupported proof system: RISC Zero succinct (tag 0x21)")
        }
    }
}
