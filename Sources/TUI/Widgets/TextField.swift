/// A one-line text input: its text and cursor (in characters). Secure fields draw bullets and are cleared after
/// use. Editing keys: characters insert, Backspace/Del delete, ←/→/Home/End move, Ctrl-U clears, Ctrl-W deletes
/// a word; a paste inserts its first line.
public struct TextField: Equatable, Sendable {
    public var text: String
    public var cursor: Int
    public var isSecure: Bool
    public var maxLength: Int

    public init(_ text: String = "", secure: Bool = false, maxLength: Int = 256) {
        self.text = text
        cursor = text.count
        isSecure = secure
        self.maxLength = maxLength
    }

    /// Applies an editing key; returns false when the key is not an editing key (the caller may bind it).
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            insert(String(c))
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text = ""
            cursor = 0
        case .ctrl("w"):
            var chars = Array(text)
            var i = cursor
            while i > 0 && chars[i - 1] == " " { i -= 1 }
            while i > 0 && chars[i - 1] != " " { i -= 1 }
            chars.removeSubrange(i..<cursor)
            text = String(chars)
            cursor = i
        default:
            return false
        }
        return true
    }

    /// Inserts text at the cursor: control characters dropped, only the first line kept (an address pasted with
    /// a newline stays one field), and never past `maxLength`.
    public mutating func insert(_ s: String) {
        let line = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let clean = line.filter { c in !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        let room = max(0, maxLength - text.count)
        let piece = String(clean.prefix(room))
        guard !piece.isEmpty else { return }
        let i = text.index(text.startIndex, offsetBy: min(cursor, text.count))
        text.insert(contentsOf: piece, at: i)
        cursor = min(text.count, cursor + piece.count)
    }

    /// Empties the field (after a password was used).
    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// What is drawn: the text, or a bullet per character for a secure field.
    public var displayText: String { isSecure ? String(repeating: "•", count: text.count) : text }
}
