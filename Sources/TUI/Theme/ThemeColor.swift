/// A colour as a theme file states it: an RGB triple, or the terminal's own default colour.
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    case terminalDefault
    case rgb(UInt8, UInt8, UInt8)

    /// "#rrggbb", "#rgb", or "default" / "" for the terminal's colour.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.isEmpty || t == "default" { self = .terminalDefault; return }
        guard t.hasPrefix("#") else { return nil }
        var hex = String(t.dropFirst())
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return nil }
        self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    }

    public var description: String {
        switch self {
        case .terminalDefault: return "default"
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }
}

/// The nearest colours in the xterm 256-colour and 16-colour palettes (integer distances, no floating point).
public enum ColorDownsampling {
    /// Levels of the 6x6x6 cube (indices 16-231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The 16 ANSI colours as xterm draws them by default.
    public static let ansi16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // Weighted for the eye (red 3, green 4, blue 2), as in many terminal colour pickers.
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }

    static func nearestCubeIndex(_ v: Int) -> Int {
        var best = 0
        for (i, level) in cubeLevels.enumerated() where abs(level - v) < abs(cubeLevels[best] - v) { best = i }
        return best
    }

    /// The nearest of palette indices 16-255 (the cube and the grey ramp; 0-15 vary between terminals).
    public static func to256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let c = (Int(r), Int(g), Int(b))
        let ri = nearestCubeIndex(c.0), gi = nearestCubeIndex(c.1), bi = nearestCubeIndex(c.2)
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let average = (c.0 + c.1 + c.2) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyLevel = 8 + 10 * greyStep
        let grey = (greyLevel, greyLevel, greyLevel)
        return UInt8(distance(c, grey) < distance(c, cube) ? 232 + greyStep : cubeIndex)
    }

    /// One of the 16 ANSI colours, by hue rather than by distance (a salmon red must stay red, not become grey):
    /// an exact palette colour is itself; a greyish colour is the nearest of black, dark grey, grey and white;
    /// otherwise each channel well above the weakest is "on" (red 1, green 2, blue 4), bright when the strongest
    /// channel is near full.
    public static func to16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let c = (Int(r), Int(g), Int(b))
        if let exact = ansi16.firstIndex(where: { $0 == c }) { return UInt8(exact) }
        let hi = max(c.0, c.1, c.2), lo = min(c.0, c.1, c.2), chroma = hi - lo
        if chroma < 40 {
            let level = (hi + lo) / 2
            let greys: [(Int, UInt8)] = [(0, 0), (127, 8), (229, 7), (255, 15)]
            return greys.min { abs($0.0 - level) < abs($1.0 - level) }!.1
        }
        let half = chroma / 2
        var index = 0
        if c.0 - lo > half { index |= 1 }
        if c.1 - lo > half { index |= 2 }
        if c.2 - lo > half { index |= 4 }
        return UInt8(index + (hi > 240 ? 8 : 0))
    }
}
