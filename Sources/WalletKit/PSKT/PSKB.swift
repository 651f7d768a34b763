/// A bundle of PSKTs, the transport format (`Bundle`, `wallet/pskt/src/bundle.rs`):
/// `"PSKB" + hex(JSON array of PSKT objects)` (`Bundle::serialize` / `deserialize`).
public struct PSKB: Hashable, Sendable {
    public var pskts: [PSKT]

    public init(_ pskts: [PSKT] = []) { self.pskts = pskts }

    public static let prefix = "PSKB"

    /// Parses `"PSKB" + hex(JSON array)`. The text is taken as it is (trim whitespace first if it came from a file).
    public init(serialized text: String) throws(PSKTError) {
        let json = try PSKB.decodeEnvelope(text, prefix: PSKB.prefix)
        try self.init(json: json)
    }

    /// Reads either form: a PSKB, or a single PSKT as a bundle of one. `format` says which it was.
    public static func parseAny(_ text: String) throws(PSKTError) -> (bundle: PSKB, format: String) {
        if text.utf8.starts(with: PSKT.prefix.utf8) { return (PSKB([try PSKT(serialized: text)]), PSKT.prefix) }
        guard text.utf8.starts(with: PSKB.prefix.utf8) else { throw .unknownFormat(found: text) }
        return (try PSKB(serialized: text), PSKB.prefix)
    }

    /// `"PSKB" + hex(compact JSON array)`.
    public var serialized: String { PSKB.prefix + Hex.encode(json.text.utf8) }

    public init(json: PSKTJSON) throws(PSKTError) {
        guard case .array(let items) = json else {
            throw .invalidField(path: PSKB.prefix, message: "expected a JSON array of PSKTs, found \(json.kindDescription)")
        }
        var pskts: [PSKT] = []
        for (i, item) in items.enumerated() {
            // The common one-transaction bundle reads "PSKB: input 2: …"; larger ones name the PSKT too.
            let path = items.count == 1 ? PSKB.prefix : "\(PSKB.prefix): pskt \(i)"
            pskts.append(try PSKT(json: item, path: path))
        }
        self.pskts = pskts
    }

    public var json: PSKTJSON { .array(pskts.map(\.json)) }

    /// Strips the prefix, decodes the hex (either case, as the `hex` crate does) and parses the JSON.
    static func decodeEnvelope(_ text: String, prefix: String) throws(PSKTError) -> PSKTJSON {
        // Byte-wise, not Unicode-aware: "PSKT" followed by a combining mark is not a PSKT.
        guard text.utf8.starts(with: prefix.utf8) else { throw .missingPrefix(expected: prefix, found: text) }
        let bytes: [UInt8]
        do {
            bytes = try Hex.decode(String(decoding: text.utf8.dropFirst(prefix.utf8.count), as: UTF8.self))
        } catch { throw .notHex(format: prefix, error) }
        do { return try PSKTJSONParser.parse(bytes) } catch { throw .syntax(format: prefix, error) }
    }
}
