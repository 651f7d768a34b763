/// A JSON value as PSKT files carry it, with exactly the distinctions serde_json and `serde_value` keep in
/// rusty-kaspa (`wallet/pskt/src/{global,input,output}.rs` store unknown and proprietary entries as
/// `serde_value::Value`): unsigned and negative integers stay exact 64-bit integers, everything else numeric is a
/// double, and objects keep their members in order (callers that store values normalise them first, see
/// `normalized`).
public enum PSKTJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A non-negative integer that fits 64 bits.
    case unsigned(UInt64)
    /// A negative integer that fits 64 bits.
    case signed(Int64)
    /// Any other number: with a fraction or an exponent, `-0`, or an integer beyond 64 bits.
    case double(Double)
    case string(String)
    case array([PSKTJSON])
    case object([Member])

    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: PSKTJSON
        public init(_ key: String, _ value: PSKTJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The value as rusty-kaspa re-serializes an unknown or proprietary entry: `serde_value::Value::Map` is a
    /// `BTreeMap`, so object keys come out sorted by their UTF-8 bytes, at every depth.
    public var normalized: PSKTJSON {
        switch self {
        case .array(let items): return .array(items.map(\.normalized))
        case .object(let members):
            return .object(members.map { Member($0.key, $0.value.normalized) }.sorted { PSKTJSON.keyOrder($0.key, $1.key) })
        default: return self
        }
    }

    /// Byte-wise UTF-8 order, the order of Rust's `String` and therefore of every `BTreeMap<String, _>`.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The member named `key`, if this is an object holding one.
    public subscript(key: String) -> PSKTJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Compact text exactly as `serde_json::to_string` writes it.
    public var text: String {
        var out: [UInt8] = []
        write(into: &out, indent: nil, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Two-space indented text, for people.
    public var prettyText: String {
        var out: [UInt8] = []
        write(into: &out, indent: 2, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    func write(into out: inout [UInt8], indent: Int?, depth: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .unsigned(let n): out.append(contentsOf: String(n).utf8)
        case .signed(let n): out.append(contentsOf: String(n).utf8)
        case .double(let d): out.append(contentsOf: PSKTJSON.formatDouble(d).utf8)
        case .string(let s): PSKTJSON.writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                PSKTJSON.newline(&out, indent, depth + 1)
                item.write(into: &out, indent: indent, depth: depth + 1)
            }
            if !items.isEmpty { PSKTJSON.newline(&out, indent, depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, m) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                PSKTJSON.newline(&out, indent, depth + 1)
                PSKTJSON.writeString(m.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                m.value.write(into: &out, indent: indent, depth: depth + 1)
            }
            if !members.isEmpty { PSKTJSON.newline(&out, indent, depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?, _ depth: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: [UInt8](repeating: UInt8(ascii: " "), count: indent * depth))
    }

    /// serde_json's escaping: `"` and `\`, the short escapes for 0x08, 0x09, 0x0a, 0x0c, 0x0d, `\u00XX` (lowercase)
    /// for the other control characters, and everything else (including `/`, DEL and non-ASCII) as raw UTF-8.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0a: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0c: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0d: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0x0f)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A finite double laid out as serde_json writes it (the `ryu` crate's `format_finite`): the shortest
    /// round-trip digits, in plain notation while the decimal point falls within 16 digits of them
    /// (`100.0`, `0.001`), otherwise as `1e16`, `1.5e-7`. Swift's own shortest-digit output supplies the digits.
    static func formatDouble(_ d: Double) -> String {
        guard d.isFinite else { return "null" }  // serde_json writes non-finite floats as null
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let text = "\(d.magnitude)"
        // Split Swift's text ("123.45", "1e+16", "1.5e-07") into digits and a power of ten.
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var fractionDigits = 0
        var seenPoint = false
        for c in mantissa {
            if c == "." { seenPoint = true; continue }
            digits.append(c)
            if seenPoint { fractionDigits += 1 }
        }
        exponent -= fractionDigits
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        while digits.count > 1, digits.last == "0" { digits.removeLast(); exponent += 1 }
        let length = digits.count
        let kk = length + exponent  // where the decimal point falls relative to the first digit
        let sign = d.sign == .minus ? "-" : ""
        if exponent >= 0 && kk <= 16 {
            return sign + digits + String(repeating: "0", count: exponent) + ".0"
        } else if kk > 0 && kk <= 16 {
            let cut = digits.index(digits.startIndex, offsetBy: kk)
            return sign + digits[..<cut] + "." + digits[cut...]
        } else if kk > -5 && kk <= 0 {
            return sign + "0." + String(repeating: "0", count: -kk) + digits
        } else if length == 1 {
            return sign + digits + "e" + String(kk - 1)
        } else {
            return sign + String(digits.prefix(1)) + "." + String(digits.dropFirst()) + "e" + String(kk - 1)
        }
    }
}
