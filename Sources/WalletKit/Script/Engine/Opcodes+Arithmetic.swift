extension ScriptEngine {
    /// Numeric opcodes on 8-byte script numbers with checked arithmetic, including OP_MUL/OP_DIV/OP_MOD (KIP-17)
    /// and OP_NUM2BIN/OP_BIN2NUM (`opcodes/mod.rs`). Overflow is `NumberTooBig`; division by zero `InvalidState`.
    mutating func arithmetic(_ code: UInt8) throws(ScriptError) {
        switch code {
        case 0x8b, 0x8c, 0x8f, 0x90, 0x91, 0x92:
            let v = try stack.popNumber()
            let r: Int64
            switch code {
            case 0x8b: r = try Self.checked(v.addingReportingOverflow(1), "addition")
            case 0x8c: r = try Self.checked(v.subtractingReportingOverflow(1), "subtraction")
            case 0x8f: r = try Self.checked((0 as Int64).subtractingReportingOverflow(v), "negation")
            case 0x90: r = v < 0 ? try Self.checked((0 as Int64).subtractingReportingOverflow(v), "absolute value") : v
            case 0x91: r = v == 0 ? 1 : 0
            default: r = v != 0 ? 1 : 0
            }
            try stack.push(number: r)
        case 0x93...0x97, 0x9a...0xa4:
            let (a, b) = try stack.popNumbers2()
            let r: Int64
            switch code {
            case 0x93: r = try Self.checked(a.addingReportingOverflow(b), "sum")
            case 0x94: r = try Self.checked(a.subtractingReportingOverflow(b), "difference")
            case 0x95: r = try Self.checked(a.multipliedReportingOverflow(by: b), "product")
            case 0x96:
                guard b != 0, !(a == .min && b == -1) else { throw .divisionInvalid(opcode: "OpDiv", a, b) }
                r = a / b
            case 0x97:
                guard b != 0, !(a == .min && b == -1) else { throw .divisionInvalid(opcode: "OpMod", a, b) }
                r = a % b
            case 0x9a: r = a != 0 && b != 0 ? 1 : 0
            case 0x9b: r = a != 0 || b != 0 ? 1 : 0
            case 0x9c: r = a == b ? 1 : 0
            case 0x9d:
                guard a == b else { throw .verifyFailed }
                return
            case 0x9e: r = a != b ? 1 : 0
            case 0x9f: r = a < b ? 1 : 0
            case 0xa0: r = a > b ? 1 : 0
            case 0xa1: r = a <= b ? 1 : 0
            case 0xa2: r = a >= b ? 1 : 0
            case 0xa3: r = min(a, b)
            default: r = max(a, b)
            }
            try stack.push(number: r)
        case 0xa5:  // OP_WITHIN x min max
            let (x, lo, hi) = try stack.popNumbers3()
            try stack.push(number: x >= lo && x < hi ? 1 : 0)
        case 0xcd:  // OP_NUM2BIN num size
            let size = try Self.index(try stack.popInt32())
            guard size <= 8 else { throw .notMinimalData("NUM2BIN target size \(size) exceeds 8 bytes") }
            let num = try stack.popNumber()
            try stack.push(try ScriptNum.encode(num, size: size))
        case 0xce:  // OP_BIN2NUM: read (any width up to 8), push minimal
            try stack.push(number: try stack.popNumber())
        default: throw .invalidOpcode(Self.name(code))
        }
    }

    static func checked(_ r: (partialValue: Int64, overflow: Bool), _ what: String) throws(ScriptError) -> Int64 {
        guard !r.overflow else { throw .numberTooBig("\(what) exceeds the 64-bit signed range") }
        return r.partialValue
    }
}
