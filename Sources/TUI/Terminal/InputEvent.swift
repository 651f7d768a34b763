/// A key as the console sees it, after decoding escape sequences and terminfo key codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case char(Character)
    /// Ctrl with a letter (`ctrl("p")`); Ctrl-I, Ctrl-M and Ctrl-[ arrive as Tab, Enter and Esc.
    case ctrl(Character)
    /// Alt (Meta) with a character: ESC followed by the character.
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, esc, tab, backTab, backspace, delete, insert
    case function(Int)

    /// How key hints show this key: "Ctrl-P", "Enter", "↑", "q".
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .esc: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        }
    }

    /// The same name in ASCII (plain mode, docs): arrows become words.
    public var asciiDescription: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return description
        }
    }

    /// A key that types a character into a focused text field.
    public var typedCharacter: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}

/// A mouse report (SGR 1006): press/release of a button, or the wheel. Coordinates are 0-based cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press(button: Int)
        case release(button: Int)
        case drag(button: Int)
        case wheelUp, wheelDown
        case move
    }

    public var kind: Kind
    public var position: Point
    public var shift = false
    public var alt = false
    public var ctrl = false

    public init(kind: Kind, position: Point, shift: Bool = false, alt: Bool = false, ctrl: Bool = false) {
        self.kind = kind
        self.position = position
        self.shift = shift
        self.alt = alt
        self.ctrl = ctrl
    }
}

/// What the terminal reports: decoded keys, mouse, bracketed pastes, size changes and termination signals.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case paste(String)
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived: the console restores the terminal and exits.
    case signal(Int32)
}
