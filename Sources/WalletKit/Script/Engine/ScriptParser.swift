/// One parsed opcode: its byte and, for pushes, where its data lies in the script.
public struct ParsedOpcode: Sendable, Equatable {
    public let code: UInt8
    public let data: Range<Int>

    public var opcode: Opcode { Opcode(rawValue: code) ?? .opInvalidOpCode }
    /// Opcodes up to OP_16 (0x60) are pushes and cost no operation (`NO_COST_OPCODE`, `crypto/txscript/src/lib.rs`).
    public var isPush: Bool { code <= 0x60 }
}

/// Walks a script opcode by opcode without copying it (rusty-kaspa `deserialize_next_opcode`,
/// `crypto/txscript/src/opcodes/macros.rs`). Parsing is lazy: the engine executes what it has parsed before a
/// malformed push is reached, as rusty-kaspa does.
public struct ScriptParser: Sendable {
    public let script: [UInt8]
    public private(set) var offset: Int = 0

    public init(_ script: [UInt8]) { self.script = script }

    public var isAtEnd: Bool { offset >= script.count }

    /// The next opcode, nil at the end of the script.
    public mutating func next() throws(ScriptError) -> ParsedOpcode? {
        guard offset < script.count else { return nil }
        let code = script[offset]
        offset += 1
        let remaining = script.count - offset
        var length: Int
        switch code {
        case 0x01...0x4b:
            // OP_DATA_n: a fixed length; a short script is `MalformedPush(n, available)`.
            length = Int(code)
            guard remaining >= length else { offset = script.count; throw .malformedPush(needed: length, available: remaining) }
        case 0x4c, 0x4d, 0x4e:
            let width = code == 0x4c ? 1 : code == 0x4d ? 2 : 4
            guard remaining >= width else {
                let cut = Array(script[offset...])
                offset = script.count
                throw .malformedPushSize(cut)
            }
            length = 0
            for i in 0..<width { length |= Int(script[offset + i]) << (8 * i) }
            offset += width
            let left = script.count - offset
            guard left >= length else { offset = script.count; throw .malformedPush(needed: length, available: left) }
        default:
            length = 0
        }
        let start = offset
        offset += length
        return ParsedOpcode(code: code, data: start..<offset)
    }

    /// Every opcode of `script`, or the first parse error.
    public static func parseAll(_ script: [UInt8]) throws(ScriptError) -> [ParsedOpcode] {
        var parser = ScriptParser(script)
        var out: [ParsedOpcode] = []
        while let op = try parser.next() { out.append(op) }
        return out
    }

    /// Disassembly in rusty-kaspa's `script_to_str` style: "OpData32 0x… OpCheckSig".
    public static func disassemble(_ script: [UInt8]) -> String {
        var parser = ScriptParser(script)
        var parts: [String] = []
        do {
            while let op = try parser.next() {
                let name = op.opcode.name
                parts.append(op.data.isEmpty ? name : "\(name) 0x\(Array(script[op.data]).hex)")
            }
        } catch {
            parts.append("[error: \(error)]")
        }
        return parts.joined(separator: " ")
    }
}
