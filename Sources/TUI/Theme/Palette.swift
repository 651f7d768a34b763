/// A theme resolved for one colour mode: the SGR parameters of every token as foreground and as background.
/// Without colour, the highlight backgrounds (selection, cursor, active tab) become reverse video so they stay
/// visible, and everything else is the terminal's own colours.
public struct Palette: Sendable, Equatable {
    public let mode: ColorMode
    let foreground: [String]
    let background: [String]
    let reversed: [Bool]

    public init(theme: Theme, mode: ColorMode) {
        self.mode = mode
        var fg: [String] = [], bg: [String] = [], rev: [Bool] = []
        for token in ColorToken.allCases {
            let color = theme.color(token)
            fg.append(Palette.sgr(color, mode: mode, background: false))
            bg.append(Palette.sgr(color, mode: mode, background: true))
            rev.append(mode == .none && Palette.highlightTokens.contains(token))
        }
        foreground = fg
        background = bg
        reversed = rev
    }

    static let highlightTokens: Set<ColorToken> = [.selectionBg, .cursorBg, .tabActiveBg, .qrLight]

    static func sgr(_ color: ThemeColor, mode: ColorMode, background: Bool) -> String {
        guard case .rgb(let r, let g, let b) = color else { return background ? "49" : "39" }
        switch mode {
        case .none: return ""
        case .trueColor: return "\(background ? 48 : 38);2;\(r);\(g);\(b)"
        case .ansi256: return "\(background ? 48 : 38);5;\(ColorDownsampling.to256(r, g, b))"
        case .ansi16:
            let i = Int(ColorDownsampling.to16(r, g, b))
            return String(i < 8 ? (background ? 40 : 30) + i : (background ? 100 : 90) + i - 8)
        }
    }

    /// The full SGR sequence for a style, starting from a reset: `ESC [ 0 ; … m`.
    public func sequence(for style: Style) -> String {
        var parts = ["0"]
        var attributes = style.attributes
        if reversed[Int(style.bg.rawValue)] { attributes.insert(.reverse) }
        if attributes.contains(.bold) { parts.append("1") }
        if attributes.contains(.dim) { parts.append("2") }
        if attributes.contains(.italic) { parts.append("3") }
        if attributes.contains(.underline) { parts.append("4") }
        if attributes.contains(.reverse) { parts.append("7") }
        let f = foreground[Int(style.fg.rawValue)], b = background[Int(style.bg.rawValue)]
        if !f.isEmpty { parts.append(f) }
        if !b.isEmpty { parts.append(b) }
        return "\u{1B}[" + parts.joined(separator: ";") + "m"
    }
}
