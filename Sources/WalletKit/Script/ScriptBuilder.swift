/// Builds scripts with canonical (minimal) pushes, as rusty-kaspa `crypto/txscript/src/script_builder.rs`:
/// empty data is OP_0, a single byte 1...16 is OP_1...OP_16, 0x81 is OP_1NEGATE, otherwise the shortest of
/// OP_DATA_n / OP_PUSHDATA1 / OP_PUSHDATA2 / OP_PUSHDATA4. (A single 0x00 byte is pushed as data, not OP_0.)
public struct ScriptBuilder: Sendable {
    /// Post-Toccata limits (`crypto/txscript/src/lib.rs`).
    public static let maxScriptSize = 1_000_000
    public static let maxElementSize = 1_000_000

    public private(set) var script: [UInt8] = []

    public init() {}

    @discardableResult
    public mutating func add(_ op: Opcode) throws(ScriptBuilderError) -> ScriptBuilder {
        guard script.count < Self.maxScriptSize else { throw .scriptTooLong(Self.maxScriptSize) }
        script.append(op.rawValue)
        return self
    }

    @discardableResult
    public mutating func add(data: [UInt8]) throws(ScriptBuilderError) -> ScriptBuilder {
        guard data.count <= Self.maxElementSize else { throw .elementTooLarge(data.count, Self.maxElementSize) }
        guard script.count + Self.canonicalDataSize(data) <= Self.maxScriptSize else { throw .scriptTooLong(Self.maxScriptSize) }
        if data.count == 1, data[0] == 0x81 {
            script.append(Opcode.op1Negate.rawValue)
        } else if data.count == 1, (1...16).contains(data[0]) {
            script.append(Opcode.op1.rawValue - 1 + data[0])
        } else {
            appendPush(data)
        }
        return self
    }

    /// Script numbers: OP_0, OP_1NEGATE and OP_1...OP_16 for small values, otherwise minimal sign-magnitude data.
    @discardableResult
    public mutating func add(integer value: Int64) throws(ScriptBuilderError) -> ScriptBuilder {
        if value == 0 { return try add(.op0) }
        if value == -1 || (1...16).contains(value) {
            guard script.count < Self.maxScriptSize else { throw .scriptTooLong(Self.maxScriptSize) }
            script.append(UInt8(Int64(Opcode.op1.rawValue) - 1 + value))
            return self
        }
        return try add(data: ScriptNumber.encode(value))
    }

    /// Bytes a canonical push of `data` takes.
    public static func canonicalDataSize(_ data: [UInt8]) -> Int {
        if data.isEmpty || (data.count == 1 && ((1...16).contains(data[0]) || data[0] == 0x81)) { return 1 }
        return data.count + pushHeaderSize(data.count)
    }

    static func pushHeaderSize(_ n: Int) -> Int {
        n <= 75 ? 1 : n <= 0xff ? 2 : n <= 0xffff ? 3 : 5
    }

    private mutating func appendPush(_ data: [UInt8]) {
        let n = data.count
        if n == 0 {
            script.append(Opcode.op0.rawValue)
            return
        }
        if n <= 75 {
            script.append(UInt8(n))
        } else if n <= 0xff {
            script += [Opcode.opPushData1.rawValue, UInt8(n)]
        } else if n <= 0xffff {
            script += [Opcode.opPushData2.rawValue, UInt8(n & 0xff), UInt8(n >> 8)]
        } else {
            script.append(Opcode.opPushData4.rawValue)
            withUnsafeBytes(of: UInt32(n).littleEndian) { script += $0 }
        }
        script += data
    }
}

public enum ScriptBuilderError: Error, Equatable, Sendable, CustomStringConvertible {
    case scriptTooLong(Int)
    case elementTooLarge(Int, Int)

    public var description: String {
        switch self {
        case .scriptTooLong(let max): return "script would exceed the maximum script length of \(max) bytes"
        case .elementTooLarge(let n, let max): return "a pushed element of \(n) bytes exceeds the maximum element size of \(max) bytes"
        }
    }
}

/// Script numbers: little-endian sign-magnitude with minimal encoding (`crypto/txscript/src/data_stack.rs`).
public enum ScriptNumber {
    public static func encode(_ value: Int64) -> [UInt8] {
        if value == 0 { return [] }
        let negative = value < 0
        var magnitude = value.magnitude
        var out: [UInt8] = []
        while magnitude > 0 {
            out.append(UInt8(magnitude & 0xff))
            magnitude >>= 8
        }
        if out.last! & 0x80 != 0 {
            out.append(negative ? 0x80 : 0x00)
        } else if negative {
            out[out.count - 1] |= 0x80
        }
        return out
    }
}
