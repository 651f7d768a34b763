/// Turns what the terminal sends into `InputEvent`s: UTF-8 text, control keys, CSI/SS3 key sequences, SGR 1006
/// mouse reports (`ESC [ < b ; x ; y M|m`) and bracketed pastes (`ESC [ 200 ~ ... ESC [ 201 ~`).
///
/// The ncurses driver feeds it scalars from `wget_wch` and the key codes ncurses decoded itself (`.key`); tests
/// feed raw bytes. A lone ESC is ambiguous until the input pauses: `flush()` (called when a read times out) turns
/// it into the Esc key.
public struct InputDecoder: Sendable {
    public enum Unit: Hashable, Sendable {
        case scalar(Unicode.Scalar)
        case key(Key)
    }

    private var pending: [Unicode.Scalar] = []
    private var pasting = false
    private var paste = String.UnicodeScalarView()
    private var utf8 = UTF8Buffer()

    public init() {}

    /// Feeds raw bytes (UTF-8 text and escape sequences).
    public mutating func feed(bytes: [UInt8]) -> [InputEvent] {
        var events: [InputEvent] = []
        for b in bytes {
            if let s = utf8.push(b) { events += feed(.scalar(s)) }
        }
        return events
    }

    public mutating func feed(_ text: String) -> [InputEvent] { feed(bytes: Array(text.utf8)) }

    public mutating func feed(_ unit: Unit) -> [InputEvent] {
        if pasting { return feedPaste(unit) }
        switch unit {
        case .key(let key):
            var out = flush()
            out.append(.key(key))
            return out
        case .scalar(let s):
            if s == "\u{1B}" && !pending.isEmpty {
                // ESC while a sequence is open: the open part was a lone Esc (or garbage).
                let out = flush()
                pending = [s]
                return out
            }
            if !pending.isEmpty || s == "\u{1B}" {
                pending.append(s)
                return parsePending()
            }
            return [.key(Self.key(for: s))]
        }
    }

    /// The input paused: whatever is still open is taken literally (a lone ESC is the Esc key).
    public mutating func flush() -> [InputEvent] {
        guard !pending.isEmpty else { return [] }
        let open = pending
        pending = []
        if open.count == 1 { return [.key(.esc)] }
        if open.count == 2, open[1] != "[", open[1] != "O" { return [.key(.alt(Character(open[1])))] }
        // An unfinished sequence: report Esc, then the rest as typed characters.
        return [.key(.esc)] + open.dropFirst().map { .key(Self.key(for: $0)) }
    }

    // MARK: - Sequences

    private mutating func parsePending() -> [InputEvent] {
        let p = pending
        guard p.count >= 2 else { return [] }
        let second = p[1]
        if second != "[" && second != "O" {
            pending = []
            return [.key(.alt(Character(second)))]
        }
        guard p.count >= 3 else { return [] }
        if second == "O" {
            pending = []
            switch p[2] {
            case "A": return [.key(.up)]
            case "B": return [.key(.down)]
            case "C": return [.key(.right)]
            case "D": return [.key(.left)]
            case "H": return [.key(.home)]
            case "F": return [.key(.end)]
            case "P", "Q", "R", "S": return [.key(.function(Int(p[2].value - 0x50 + 1)))]
            default: return []
            }
        }
        // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E.
        let last = p[p.count - 1].value
        guard (0x40...0x7E).contains(last) else {
            if p.count > 64 { pending = []; return [] }  // runaway sequence: drop it
            return []
        }
        pending = []
        let params = String(String.UnicodeScalarView(p[2..<(p.count - 1)]))
        let final = Character(p[p.count - 1])
        return csi(params: params, final: final)
    }

    private mutating func csi(params: String, final: Character) -> [InputEvent] {
        if params.hasPrefix("<"), final == "M" || final == "m" { return mouse(String(params.dropFirst()), release: final == "m") }
        let numbers = params.split(separator: ";").map { Int($0) ?? 0 }
        switch final {
        case "A": return [.key(.up)]
        case "B": return [.key(.down)]
        case "C": return [.key(.right)]
        case "D": return [.key(.left)]
        case "H": return [.key(.home)]
        case "F": return [.key(.end)]
        case "Z": return [.key(.backTab)]
        case "~":
            switch numbers.first ?? 0 {
            case 200:
                pasting = true
                paste = String.UnicodeScalarView()
                return []
            case 1, 7: return [.key(.home)]
            case 4, 8: return [.key(.end)]
            case 2: return [.key(.insert)]
            case 3: return [.key(.delete)]
            case 5: return [.key(.pageUp)]
            case 6: return [.key(.pageDown)]
            case 11...15: return [.key(.function(numbers[0] - 10))]
            case 17...21: return [.key(.function(numbers[0] - 11))]
            case 23, 24: return [.key(.function(numbers[0] - 12))]
            default: return []
            }
        default:
            return []
        }
    }

    private func mouse(_ params: String, release: Bool) -> [InputEvent] {
        let n = params.split(separator: ";").compactMap { Int($0) }
        guard n.count == 3 else { return [] }
        let b = n[0]
        let position = Point(x: max(0, n[1] - 1), y: max(0, n[2] - 1))
        let shift = b & 4 != 0, alt = b & 8 != 0, ctrl = b & 16 != 0
        let button = b & 3
        let kind: MouseEvent.Kind
        if b & 64 != 0 {
            kind = button == 0 ? .wheelUp : .wheelDown
        } else if b & 32 != 0 {
            kind = button == 3 ? .move : .drag(button: button)
        } else if release {
            kind = .release(button: button)
        } else {
            kind = .press(button: button)
        }
        return [.mouse(MouseEvent(kind: kind, position: position, shift: shift, alt: alt, ctrl: ctrl))]
    }

    private static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]

    private mutating func feedPaste(_ unit: Unit) -> [InputEvent] {
        switch unit {
        case .key(let key):
            // ncurses decoded something inside the paste; keep what it stands for where it is obvious.
            if key == .enter { paste.append("\n") } else if key == .tab { paste.append("\t") }
            return []
        case .scalar(let s):
            paste.append(s)
            if paste.count >= 6, Array(paste.suffix(6)) == Self.pasteEnd {
                pasting = false
                var text = paste
                text.removeLast(6)
                paste = String.UnicodeScalarView()
                return [.paste(String(text))]
            }
            return []
        }
    }

    /// A single scalar outside any sequence.
    static func key(for s: Unicode.Scalar) -> Key {
        switch s.value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .esc
        case 0x00: return .ctrl(" ")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(s.value + 0x60)!))
        default: return .char(Character(s))
        }
    }
}

/// Assembles UTF-8 bytes into scalars (invalid bytes become U+FFFD).
struct UTF8Buffer: Sendable {
    private var bytes: [UInt8] = []
    private var needed = 0

    mutating func push(_ b: UInt8) -> Unicode.Scalar? {
        if needed == 0 {
            switch b {
            case 0..<0x80: return Unicode.Scalar(b)
            case 0xC0..<0xE0: needed = 1
            case 0xE0..<0xF0: needed = 2
            case 0xF0..<0xF8: needed = 3
            default: return "\u{FFFD}"
            }
            bytes = [b]
            return nil
        }
        guard b & 0xC0 == 0x80 else {
            needed = 0
            bytes = []
            return push(b) ?? "\u{FFFD}"
        }
        bytes.append(b)
        needed -= 1
        guard needed == 0 else { return nil }
        defer { bytes = [] }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first
    }
}
