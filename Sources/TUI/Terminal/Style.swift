/// A colour by meaning, not by value: the theme decides what `warn` looks like, and the colour mode decides how
/// it reaches the terminal (true colour, 256, 16 or none). Screens only ever name tokens.
public enum ColorToken: UInt8, CaseIterable, Sendable, Hashable {
    case mainBg, fg, dim, accent, ok, warn, danger, title
    case border, borderFocus, selectionBg, selectionFg, cursorBg
    case barBg, barFg, inputBg, tabActiveBg, tabActiveFg
    case graphStart, graphMid, graphEnd
    case qrDark, qrLight

    /// The key of this token in a `.theme` file.
    public var themeKey: String {
        switch self {
        case .mainBg: return "main_bg"
        case .fg: return "fg"
        case .dim: return "dim"
        case .accent: return "accent"
        case .ok: return "ok"
        case .warn: return "warn"
        case .danger: return "danger"
        case .title: return "title"
        case .border: return "border"
        case .borderFocus: return "border_focus"
        case .selectionBg: return "selection_bg"
        case .selectionFg: return "selection_fg"
        case .cursorBg: return "cursor_bg"
        case .barBg: return "bar_bg"
        case .barFg: return "bar_fg"
        case .inputBg: return "input_bg"
        case .tabActiveBg: return "tab_active_bg"
        case .tabActiveFg: return "tab_active_fg"
        case .graphStart: return "graph_start"
        case .graphMid: return "graph_mid"
        case .graphEnd: return "graph_end"
        case .qrDark: return "qr_dark"
        case .qrLight: return "qr_light"
        }
    }
}

/// Text attributes a cell can carry.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

/// How a cell looks: foreground and background tokens and attributes. Three bytes, compared cheaply by the diff.
public struct Style: Hashable, Sendable {
    public var fg: ColorToken
    public var bg: ColorToken
    public var attributes: TextAttributes

    public init(fg: ColorToken = .fg, bg: ColorToken = .mainBg, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let plain = Style()
    public static let dim = Style(fg: .dim)
    public static let accent = Style(fg: .accent)
    public static let bold = Style(attributes: .bold)
    public static let ok = Style(fg: .ok)
    public static let warn = Style(fg: .warn)
    public static let danger = Style(fg: .danger)
    public static let title = Style(fg: .title, attributes: .bold)
    public static let bar = Style(fg: .barFg, bg: .barBg)
    public static let selection = Style(fg: .selectionFg, bg: .selectionBg)

    public func fg(_ token: ColorToken) -> Style { var s = self; s.fg = token; return s }
    public func bg(_ token: ColorToken) -> Style { var s = self; s.bg = token; return s }
    public func with(_ attributes: TextAttributes) -> Style { var s = self; s.attributes.formUnion(attributes); return s }
}
