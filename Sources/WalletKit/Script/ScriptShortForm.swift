/// Bitcoin-Core "short form" script text, as the script test vectors write it (rusty-kaspa
/// `crypto/txscript/src/opcodes/macros.rs`, `parse_short_form`): whitespace-separated tokens, `#` starts a
/// comment. A token is a decimal number (pushed canonically, `i64::MIN` as its 9-byte encoding), `0x…` raw bytes
/// copied verbatim, `'text'` pushed as data, or an opcode name with or without the `OP_` prefix (underscores
/// ignored, any case; OP_2…OP_16 only with the prefix, since bare numbers are numbers).
public enum ScriptShortForm {
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownToken(String)
        case builder(ScriptBuilderError)

        public var description: String {
            switch self {
            case .unknownToken(let t): return "cannot parse script token \"\(t)\""
            case .builder(let e): return e.description
            }
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> [UInt8] {
        var script: [UInt8] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for token in code.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                try append(String(token), to: &script)
            }
        }
        return script
    }

    private static func append(_ token: String, to script: inout [UInt8]) throws(ParseError) {
        if let value = decimal(token) {
            if value == Int64.min {
                try push(data: [0, 0, 0, 0, 0, 0, 0, 0x80, 0x80], to: &script)
            } else if value == 0 || value == -1 || (1...16).contains(value) {
                guard script.count + 1 <= ScriptBuilder.maxScriptSize else { throw .builder(.scriptTooLong(ScriptBuilder.maxScriptSize)) }
                script.append(value == 0 ? 0 : UInt8(Int64(Opcode.op1.rawValue) - 1 + value))
            } else {
                try push(data: ScriptNumber.encode(value), to: &script)
            }
            return
        }
        if token.hasPrefix("0x"), let bytes = try? Hex.decode(String(token.dropFirst(2))) {
            script += bytes
            return
        }
        let utf8 = Array(token.utf8)
        if utf8.count >= 2, utf8.first == UInt8(ascii: "'"), utf8.last == UInt8(ascii: "'") {
            try push(data: Array(utf8[1..<(utf8.count - 1)]), to: &script)
            return
        }
        guard let op = opcodeByName[token.replacingOccurrences(of: "_", with: "").uppercased()] else {
            throw .unknownToken(token)
        }
        guard script.count < ScriptBuilder.maxScriptSize else { throw .builder(.scriptTooLong(ScriptBuilder.maxScriptSize)) }
        script.append(op)
    }

    /// `ScriptBuilder::add_data`: the script-size limit first, then the element limit.
    private static func push(data: [UInt8], to script: inout [UInt8]) throws(ParseError) {
        guard script.count + ScriptBuilder.canonicalDataSize(data) <= ScriptBuilder.maxScriptSize else {
            throw .builder(.scriptTooLong(ScriptBuilder.maxScriptSize))
        }
        var builder = ScriptBuilder()
        do { try builder.add(data: data) } catch { throw .builder(error) }
        script += builder.script
    }

    /// Rust's `str::parse::<i64>`: an optional sign and decimal digits only.
    private static func decimal(_ token: String) -> Int64? {
        var body = Substring(token)
        if body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty else { return nil }
        let digits = body.first == "-" ? body.dropFirst() : body
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(token.first == "+" ? String(token.dropFirst()) : token)
    }

    /// Upper-cased names without underscores: "OPCHECKSIG" and "CHECKSIG"; OP_2…OP_16 only prefixed.
    private static let opcodeByName: [String: UInt8] = {
        var map: [String: UInt8] = [:]
        for op in Opcode.allCases {
            let full = op.name.uppercased()
            map[full] = op.rawValue
            if !(0x51...0x60).contains(op.rawValue) && op.rawValue != 0 { map[String(full.dropFirst(2))] = op.rawValue }
        }
        for (name, code) in [("OPFALSE", 0x00), ("FALSE", 0x00), ("OPTRUE", 0x51), ("TRUE", 0x51)] as [(String, UInt8)] {
            map[name] = code
        }
        return map
    }()
}
