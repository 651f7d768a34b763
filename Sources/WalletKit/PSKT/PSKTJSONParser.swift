/// Strict JSON text to `PSKTJSON`, accepting what serde_json accepts (RFC 8259 with serde_json's limits) so that a
/// file one side reads, the other reads too.
///
/// - Numbers: integers become `.unsigned` / `.signed` when they fit 64 bits, as serde_json parses them; `-0`,
///   integers beyond 64 bits and numbers with a fraction or exponent become `.double`; a number that overflows a
///   double is an error ("number out of range").
/// - Strings must be valid UTF-8 without raw control characters; `\u` escapes must pair surrogates.
/// - Nesting deeper than 128 levels is rejected (serde_json's recursion limit), which also bounds our stack.
/// - Duplicate keys in one object are rejected: rusty-kaspa's structs reject duplicate fields, and a map with a
///   repeated key is ambiguous.
public enum PSKTJSONParser {
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        /// Byte offset into the JSON text.
        public var offset: Int
        public var description: String { "\(message) at byte \(offset)" }
    }

    public static let maxDepth = 128

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> PSKTJSON {
        var p = Cursor(bytes: bytes)
        p.skipWhitespace()
        let value = try p.value(depth: 0)
        p.skipWhitespace()
        guard p.index == bytes.count else { throw p.error("trailing characters after the JSON value") }
        return value
    }

    public static func parse(_ text: String) throws(SyntaxError) -> PSKTJSON {
        try parse(Array(text.utf8))
    }

    private struct Cursor {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: index) }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let c = peek, c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d { index += 1 }
        }

        mutating func expect(_ literal: String, _ value: PSKTJSON) throws(SyntaxError) -> PSKTJSON {
            for b in literal.utf8 {
                guard peek == b else { throw error("invalid literal (expected \(literal))") }
                index += 1
            }
            return value
        }

        mutating func value(depth: Int) throws(SyntaxError) -> PSKTJSON {
            guard let c = peek else { throw error("unexpected end of data, expected a value") }
            switch c {
            case UInt8(ascii: "n"): return try expect("null", .null)
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            case UInt8(ascii: "["):
                guard depth < PSKTJSONParser.maxDepth else { throw error("nesting deeper than \(PSKTJSONParser.maxDepth) levels") }
                index += 1
                var items: [PSKTJSON] = []
                skipWhitespace()
                if peek == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard let n = peek else { throw error("unexpected end of data inside an array") }
                    index += 1
                    if n == UInt8(ascii: "]") { return .array(items) }
                    guard n == UInt8(ascii: ",") else { index -= 1; throw error("expected ',' or ']' in an array") }
                }
            case UInt8(ascii: "{"):
                guard depth < PSKTJSONParser.maxDepth else { throw error("nesting deeper than \(PSKTJSONParser.maxDepth) levels") }
                index += 1
                var members: [PSKTJSON.Member] = []
                var seen = Set<String>()
                skipWhitespace()
                if peek == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    guard peek == UInt8(ascii: "\"") else { throw error("expected a string key in an object") }
                    let keyOffset = index
                    let key = try string()
                    guard seen.insert(key).inserted else {
                        throw SyntaxError(message: "duplicate key \"\(key)\" in one object", offset: keyOffset)
                    }
                    skipWhitespace()
                    guard peek == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
                    index += 1
                    skipWhitespace()
                    members.append(PSKTJSON.Member(key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard let n = peek else { throw error("unexpected end of data inside an object") }
                    index += 1
                    if n == UInt8(ascii: "}") { return .object(members) }
                    guard n == UInt8(ascii: ",") else { index -= 1; throw error("expected ',' or '}' in an object") }
                }
            default:
                throw error("unexpected character '\(Self.show(c))', expected a value")
            }
        }

        static func show(_ c: UInt8) -> String {
            if (0x21...0x7e).contains(c) { return String(UnicodeScalar(c)) }
            let digits = Array("0123456789abcdef")
            return "0x" + String(digits[Int(c >> 4)]) + String(digits[Int(c & 0x0f)])
        }

        mutating func number() throws(SyntaxError) -> PSKTJSON {
            let start = index
            var negative = false
            if peek == UInt8(ascii: "-") { negative = true; index += 1 }
            guard let first = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                throw error("invalid number: expected a digit")
            }
            var magnitude: UInt64 = 0
            var overflow = false
            if first == UInt8(ascii: "0") {
                index += 1
                if let d = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) { throw error("invalid number: leading zero") }
            } else {
                while let d = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) {
                    let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (m2, o2) = m1.addingReportingOverflow(UInt64(d - UInt8(ascii: "0")))
                    if o1 || o2 { overflow = true }
                    magnitude = m2
                    index += 1
                }
            }
            var isFloat = false
            if peek == UInt8(ascii: ".") {
                isFloat = true
                index += 1
                guard let d = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) else { throw error("invalid number: expected a digit after '.'") }
                while let d = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) { index += 1 }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                isFloat = true
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard let d = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) else { throw error("invalid number: expected an exponent digit") }
                while let d = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) { index += 1 }
            }
            if !isFloat && !overflow {
                if !negative { return .unsigned(magnitude) }
                // serde_json: a negative integer is an i64 unless it is -0 or below i64::MIN, then a float.
                if magnitude != 0 && magnitude <= UInt64(Int64.max) + 1 {
                    return .signed(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
                }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let d = Double(text), d.isFinite else {
                throw SyntaxError(message: "number out of range", offset: start)
            }
            return .double(d)
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard let c = peek else { throw error("unexpected end of data in a \\u escape") }
                let n: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): n = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): n = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): n = c - UInt8(ascii: "A") + 10
                default: throw error("invalid \\u escape")
                }
                v = v << 4 | UInt32(n)
                index += 1
            }
            return v
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1  // opening quote
            var out: [UInt8] = []
            while true {
                guard let c = peek else { throw error("unexpected end of data inside a string") }
                switch c {
                case UInt8(ascii: "\""):
                    index += 1
                    // Raw bytes were copied as they came; they must form valid UTF-8.
                    guard let s = String(validating: out, as: UTF8.self) else {
                        throw error("string is not valid UTF-8")
                    }
                    return s
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let e = peek else { throw error("unexpected end of data in an escape") }
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5c)
                    case UInt8(ascii: "/"): out.append(0x2f)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0c)
                    case UInt8(ascii: "n"): out.append(0x0a)
                    case UInt8(ascii: "r"): out.append(0x0d)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                                throw error("lone leading surrogate in a \\u escape")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in a \\u escape") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error("lone trailing surrogate in a \\u escape")
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default:
                        index -= 1
                        throw error("invalid escape '\\\(Self.show(e))'")
                    }
                case 0x00..<0x20:
                    throw error("control character (0x\(String(c, radix: 16))) inside a string")
                default:
                    out.append(c)
                    index += 1
                }
            }
        }
    }
}
