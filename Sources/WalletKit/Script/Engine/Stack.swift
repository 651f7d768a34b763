/// A script stack with the element limit, script-number and boolean conversions, and the count of bytes newly
/// pushed since the engine last charged for them (rusty-kaspa `crypto/txscript/src/data_stack.rs`).
///
/// "Metered" pushes count toward script units; literal pushes from the script itself and moves between the data
/// and alt stacks do not (they are paid for by script size).
public struct Stack: Sendable {
    public internal(set) var items: [[UInt8]] = []
    /// Bytes pushed by metered operations since the last `takePushedBytes()`.
    var pushedBytes: UInt64 = 0

    public static let maxElementSize = 1_000_000

    public init() { items.reserveCapacity(8) }

    public var count: Int { items.count }
    public var isEmpty: Bool { items.isEmpty }
    public var top: [UInt8]? { items.last }

    mutating func takePushedBytes() -> UInt64 {
        defer { pushedBytes = 0 }
        return pushedBytes
    }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    // MARK: pushes

    /// A metered push (`Stack::push`).
    mutating func push(_ item: [UInt8]) throws(ScriptError) {
        guard item.count <= Self.maxElementSize else { throw .elementTooBig(item.count, max: Self.maxElementSize) }
        pushedBytes &+= UInt64(item.count)
        items.append(item)
    }

    /// A push that is not charged (`Stack::push_unmetered`).
    mutating func pushUnmetered(_ item: [UInt8]) throws(ScriptError) {
        guard item.count <= Self.maxElementSize else { throw .elementTooBig(item.count, max: Self.maxElementSize) }
        items.append(item)
    }

    /// A metered script number, at most 8 bytes (`push_item::<i64>`).
    mutating func push(number: Int64) throws(ScriptError) {
        let bytes = try ScriptNum.encode(number, maxLength: 8)
        pushedBytes &+= UInt64(bytes.count)
        items.append(bytes)
    }

    mutating func pushUnmetered(number: Int64) throws(ScriptError) {
        items.append(try ScriptNum.encode(number, maxLength: 8))
    }

    /// A metered boolean: `[1]` or empty.
    mutating func push(bool: Bool) {
        if bool {
            pushedBytes &+= 1
            items.append([1])
        } else {
            items.append([])
        }
    }

    mutating func insert(_ item: [UInt8], at index: Int) throws(ScriptError) {
        guard item.count <= Self.maxElementSize else { throw .elementTooBig(item.count, max: Self.maxElementSize) }
        pushedBytes &+= UInt64(item.count)
        items.insert(item, at: index)
    }

    // MARK: pops

    /// `Stack::pop`: an empty stack is `EmptyStack`.
    mutating func pop() throws(ScriptError) -> [UInt8] {
        guard let item = items.popLast() else { throw .emptyStack }
        return item
    }

    /// Checks that `n` items are present (`pop_items` / `pop_raw`: `InvalidStackOperation(n, len)`).
    @inline(__always)
    func require(_ n: Int) throws(ScriptError) {
        guard items.count >= n else { throw .invalidStackOperation(needed: n, have: items.count) }
    }

    /// Pops the top item after `require(1)`.
    mutating func popRaw() throws(ScriptError) -> [UInt8] {
        try require(1)
        return items.removeLast()
    }

    /// Pops the top two items, returned bottom first (`pop_raw::<2>`).
    mutating func popRaw2() throws(ScriptError) -> ([UInt8], [UInt8]) {
        try require(2)
        let b = items.removeLast()
        let a = items.removeLast()
        return (a, b)
    }

    mutating func popRaw3() throws(ScriptError) -> ([UInt8], [UInt8], [UInt8]) {
        try require(3)
        let c = items.removeLast()
        let b = items.removeLast()
        let a = items.removeLast()
        return (a, b, c)
    }

    /// A script number of at most 8 bytes (`pop_items::<i64>`).
    mutating func popNumber() throws(ScriptError) -> Int64 {
        try require(1)
        return try ScriptNum.decode(items.removeLast())
    }

    /// Two numbers, bottom first. Both are removed before either is decoded, as rusty-kaspa does.
    mutating func popNumbers2() throws(ScriptError) -> (Int64, Int64) {
        try require(2)
        let b = items.removeLast()
        let a = items.removeLast()
        return (try ScriptNum.decode(a), try ScriptNum.decode(b))
    }

    mutating func popNumbers3() throws(ScriptError) -> (Int64, Int64, Int64) {
        try require(3)
        let c = items.removeLast()
        let b = items.removeLast()
        let a = items.removeLast()
        return (try ScriptNum.decode(a), try ScriptNum.decode(b), try ScriptNum.decode(c))
    }

    /// A number that must fit an i32 (`pop_items::<i32>`).
    mutating func popInt32() throws(ScriptError) -> Int64 {
        try ScriptNum.checkInt32(try popNumber())
    }

    mutating func popInt32s2() throws(ScriptError) -> (Int64, Int64) {
        let (a, b) = try popNumbers2()
        return (try ScriptNum.checkInt32(a), try ScriptNum.checkInt32(b))
    }

    mutating func popInt32s3() throws(ScriptError) -> (Int64, Int64, Int64) {
        let (a, b, c) = try popNumbers3()
        return (try ScriptNum.checkInt32(a), try ScriptNum.checkInt32(b), try ScriptNum.checkInt32(c))
    }

    mutating func popBool() throws(ScriptError) -> Bool {
        try require(1)
        return ScriptNum.isTrue(items.removeLast())
    }

    /// A 32-byte hash (`pop_items::<Hash>`): another length is `InvalidLengthOfBlockHash`.
    mutating func popHash() throws(ScriptError) -> Hash32 {
        let raw = try popRaw()
        guard let h = Hash32(raw) else { throw .invalidLengthOfBlockHash(raw.count) }
        return h
    }

    // MARK: rearrangements (`drop_items`, `dup_items`, `over_items`, `rot_items`, `swap_items`, `roll`)

    mutating func drop(_ n: Int) throws(ScriptError) {
        try require(n)
        items.removeLast(n)
    }

    mutating func dup(_ n: Int) throws(ScriptError) {
        try require(n)
        let start = items.count - n
        for i in start..<(start + n) {
            pushedBytes &+= UInt64(items[i].count)
            items.append(items[i])
        }
    }

    mutating func over(_ n: Int) throws(ScriptError) {
        try require(2 * n)
        let start = items.count - 2 * n
        for i in start..<(start + n) {
            pushedBytes &+= UInt64(items[i].count)
            items.append(items[i])
        }
    }

    /// Moves the oldest of the last `3n` items' groups to the top.
    mutating func rot(_ n: Int) throws(ScriptError) {
        try require(3 * n)
        rotateLeft(from: items.count - 3 * n, by: n)
    }

    mutating func swap(_ n: Int) throws(ScriptError) {
        try require(2 * n)
        rotateLeft(from: items.count - 2 * n, by: n)
    }

    /// Moves the item `depth` below the top to the top.
    mutating func roll(_ depth: Int) throws(ScriptError) {
        guard depth < items.count else { throw .invalidStackOperation(needed: depth, have: items.count) }
        if depth == 0 { return }
        let item = items.remove(at: items.count - 1 - depth)
        items.append(item)
    }

    mutating func remove(at index: Int) -> [UInt8] { items.remove(at: index) }

    subscript(fromTop depth: Int) -> [UInt8] { items[items.count - 1 - depth] }

    private mutating func rotateLeft(from start: Int, by n: Int) {
        let moved = Array(items[start..<(start + n)])
        items.removeSubrange(start..<(start + n))
        items.append(contentsOf: moved)
    }

    mutating func splitOff(last n: Int) -> [[UInt8]] {
        let tail = Array(items[(items.count - n)...])
        items.removeLast(n)
        return tail
    }
}

/// Script numbers: little-endian sign-magnitude, at most 8 bytes, not required to be minimal when read
/// (`crypto/txscript/src/data_stack.rs`, `deserialize_i64` / `serialize_i64`).
public enum ScriptNum {
    /// Reads a number of at most 8 bytes; longer is `NumberTooBig` (the width check of `SizedEncodeInt<8>`).
    @inline(__always)
    public static func decode(_ v: [UInt8]) throws(ScriptError) -> Int64 {
        let n = v.count
        if n == 0 { return 0 }
        guard n <= 8 else {
            throw .numberTooBig("numeric value encoded as \(v.hex) is \(n) bytes which exceeds the max allowed of 8")
        }
        var magnitude = UInt64(v[n - 1] & 0x7f)
        var i = n - 2
        while i >= 0 {
            magnitude = magnitude << 8 | UInt64(v[i])
            i -= 1
        }
        let value = Int64(bitPattern: magnitude)
        return v[n - 1] & 0x80 != 0 ? -value : value
    }

    static func checkInt32(_ v: Int64) throws(ScriptError) -> Int64 {
        guard v >= Int64(Int32.min), v <= Int64(Int32.max) else {
            throw .numberTooBig("\(v) does not fit a 32-bit integer")
        }
        return v
    }

    /// Minimal encoding; `maxLength` bounds it (`SizedEncodeInt<8>`: `NumberTooLong`). Only `Int64.min` needs 9.
    public static func encode(_ value: Int64, maxLength: Int = 8) throws(ScriptError) -> [UInt8] {
        let bytes = minimal(value)
        guard bytes.count <= maxLength else { throw .numberTooLong(value, max: maxLength) }
        return bytes
    }

    static func minimal(_ value: Int64) -> [UInt8] {
        if value == 0 { return [] }
        var magnitude = value.magnitude
        var out: [UInt8] = []
        out.reserveCapacity(9)
        while magnitude > 0 {
            out.append(UInt8(truncatingIfNeeded: magnitude))
            magnitude >>= 8
        }
        if out[out.count - 1] & 0x80 != 0 {
            out.append(value < 0 ? 0x80 : 0)
        } else if value < 0 {
            out[out.count - 1] |= 0x80
        }
        return out
    }

    /// OP_NUM2BIN: the number padded to exactly `size` bytes with the sign on the last byte
    /// (`serialize_i64(num, Some(size))`).
    static func encode(_ value: Int64, size: Int) throws(ScriptError) -> [UInt8] {
        var out = minimal(value)
        if value < 0 { out[out.count - 1] &= 0x7f }
        guard out.count <= size else { throw .numberTooLong(value, max: size) }
        while out.count < size { out.append(0) }
        if value < 0 { out[out.count - 1] |= 0x80 }
        return out
    }

    /// Truthiness: any non-zero byte, ignoring the sign bit of the last (negative zero is false).
    @inline(__always)
    public static func isTrue(_ v: [UInt8]) -> Bool {
        let n = v.count
        if n == 0 { return false }
        if v[n - 1] & 0x7f != 0 { return true }
        var i = 0
        while i < n - 1 {
            if v[i] != 0 { return true }
            i += 1
        }
        return false
    }
}
