/// Reads the members of one JSON object of a PSKT, with the path used in error messages ("PSKB: input 2"),
/// remembering which keys it consumed so that the rest can be kept as unknown entries.
///
/// Reading is lenient where that cannot change meaning: a missing field and `null` both mean "absent", and absent
/// maps are empty (rusty-kaspa requires some of these keys to be present; `PSKT` always writes all of them).
struct PSKTFieldReader {
    let path: String
    let members: [PSKTJSON.Member]
    private var consumed = Set<String>()

    init(_ json: PSKTJSON, path: String) throws(PSKTError) {
        guard case .object(let members) = json else {
            throw .invalidField(path: path, message: "expected a JSON object, found \(json.kindDescription)")
        }
        self.path = path
        self.members = members
    }

    func at(_ key: String) -> String { "\(path): \(key)" }

    /// The value of `key`, or nil when it is missing or null; marks the key as known either way.
    mutating func take(_ key: String) -> PSKTJSON? {
        consumed.insert(key)
        guard let v = members.first(where: { $0.key == key })?.value, v != .null else { return nil }
        return v
    }

    mutating func require(_ key: String) throws(PSKTError) -> PSKTJSON {
        guard let v = take(key) else { throw .invalidField(path: path, message: "the required field \(key) is missing") }
        return v
    }

    mutating func uint64(_ key: String) throws(PSKTError) -> UInt64? {
        try take(key).map { v throws(PSKTError) in try v.uint64(at: at(key)) }
    }

    mutating func integer<T: FixedWidthInteger & UnsignedInteger>(_ key: String, as: T.Type) throws(PSKTError) -> T? {
        guard let n = try uint64(key) else { return nil }
        guard let v = T(exactly: n) else {
            throw .invalidField(path: at(key), message: "\(n) is out of range (at most \(T.max))")
        }
        return v
    }

    /// A `usize` count, 0 when absent.
    mutating func count(_ key: String) throws(PSKTError) -> Int {
        guard let n = try uint64(key) else { return 0 }
        guard let v = Int(exactly: n) else { throw .invalidField(path: at(key), message: "\(n) is out of range") }
        return v
    }

    mutating func bool(_ key: String) throws(PSKTError) -> Bool? {
        guard let v = take(key) else { return nil }
        guard case .bool(let b) = v else { throw .invalidField(path: at(key), message: "expected true or false, found \(v.kindDescription)") }
        return b
    }

    mutating func bytes(_ key: String) throws(PSKTError) -> [UInt8]? {
        try take(key).map { v throws(PSKTError) in try v.hexBytes(at: at(key)) }
    }

    mutating func hash(_ key: String) throws(PSKTError) -> Hash32? {
        try take(key).map { v throws(PSKTError) in try v.hash32(at: at(key)) }
    }

    /// The members of an object-valued field (empty when absent).
    mutating func map(_ key: String) throws(PSKTError) -> [PSKTJSON.Member] {
        guard let v = take(key) else { return [] }
        guard case .object(let members) = v else {
            throw .invalidField(path: at(key), message: "expected a JSON object (a map), found \(v.kindDescription)")
        }
        return members
    }

    /// A map of JSON values kept as they are (proprietaries).
    mutating func values(_ key: String) throws(PSKTError) -> [String: PSKTJSON] {
        var out: [String: PSKTJSON] = [:]
        for m in try map(key) { out[m.key] = m.value.normalized }
        return out
    }

    /// Every member no field consumed, normalised the way rusty-kaspa stores its `unknowns`.
    func unknowns() -> [String: PSKTJSON] {
        var out: [String: PSKTJSON] = [:]
        for m in members where !consumed.contains(m.key) { out[m.key] = m.value.normalized }
        return out
    }
}

extension PSKTJSON {
    /// "a string", "null", ... for error messages.
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .unsigned: return "an integer"
        case .signed: return "a negative integer"
        case .double: return "a number with a fraction or exponent"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    func uint64(at path: String) throws(PSKTError) -> UInt64 {
        guard case .unsigned(let n) = self else {
            throw .invalidField(path: path, message: "expected an unsigned integer, found \(kindDescription)")
        }
        return n
    }

    func string(at path: String) throws(PSKTError) -> String {
        guard case .string(let s) = self else {
            throw .invalidField(path: path, message: "expected a string, found \(kindDescription)")
        }
        return s
    }

    /// Hex bytes; upper- and lowercase digits are accepted, as faster_hex does.
    func hexBytes(at path: String, length: Int? = nil) throws(PSKTError) -> [UInt8] {
        let s = try string(at: path)
        do {
            if let length { return try Hex.decode(s, length: length) }
            return try Hex.decode(s)
        } catch {
            throw .invalidField(path: path, message: "\(error)")
        }
    }

    func hash32(at path: String) throws(PSKTError) -> Hash32 {
        let bytes = try hexBytes(at: path, length: 32)
        guard let h = Hash32(bytes) else { throw .invalidField(path: path, message: "expected 32 bytes") }
        return h
    }

    /// A JSON object from named members, as the writers build them.
    static func record(_ members: [(String, PSKTJSON)]) -> PSKTJSON {
        .object(members.map { Member($0.0, $0.1) })
    }

    /// Members of a map, sorted by key as a Rust `BTreeMap<String, _>` serializes them.
    static func sortedMembers(_ map: [String: PSKTJSON]) -> [(String, PSKTJSON)] {
        map.sorted { keyOrder($0.key, $1.key) }.map { ($0.key, $0.value) }
    }

    static func optional<T>(_ value: T?, _ transform: (T) -> PSKTJSON) -> PSKTJSON {
        value.map(transform) ?? .null
    }
}
