import Foundation

/// Encodes a frame's changed runs as terminal output: cursor moves only where a run does not continue the
/// previous one, SGR only where the style changes, the whole frame wrapped in synchronized-output markers
/// (`CSI ? 2026 h/l`, ignored by terminals that lack it) so it appears at once.
public struct EscapeWriter: Sendable {
    public var palette: Palette
    private var sequences: [Style: [UInt8]] = [:]

    public init(palette: Palette) { self.palette = palette }

    public mutating func setPalette(_ palette: Palette) {
        self.palette = palette
        sequences = [:]
    }

    private mutating func sgr(_ style: Style) -> [UInt8] {
        if let s = sequences[style] { return s }
        let s = Array(palette.sequence(for: style).utf8)
        sequences[style] = s
        return s
    }

    public mutating func encode(_ grid: CellGrid, diff: FrameDiff, cursor: Point?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(diff.cellCount * 4 + 64)
        out += Self.syncStart
        if diff.isFull { out += Self.clear }
        var current: Style? = nil
        var cursorAt: Point? = nil
        for run in diff.runs {
            if cursorAt != Point(x: run.x, y: run.y) { Self.moveCursor(to: run.x, run.y, into: &out) }
            var x = run.x
            let end = run.x + run.count
            while x < end {
                let cell = grid[x, run.y]
                if cell.width == 0 { x += 1; continue }
                if current != cell.style {
                    out += sgr(cell.style)
                    current = cell.style
                }
                Self.appendUTF8(cell.scalar, to: &out)
                x += Int(max(1, cell.width))
            }
            cursorAt = Point(x: x, y: run.y)
        }
        out += Self.reset
        if let c = cursor {
            Self.moveCursor(to: c.x, c.y, into: &out)
            out += Self.showCursor
        } else {
            out += Self.hideCursor
        }
        out += Self.syncEnd
        return out
    }

    static let syncStart = Array("\u{1B}[?2026h".utf8), syncEnd = Array("\u{1B}[?2026l".utf8)
    static let clear = Array("\u{1B}[0m\u{1B}[2J".utf8), reset = Array("\u{1B}[0m".utf8)
    static let showCursor = Array("\u{1B}[?25h".utf8), hideCursor = Array("\u{1B}[?25l".utf8)

    /// `ESC [ row ; column H`, 1-based, without going through String.
    static func moveCursor(to x: Int, _ y: Int, into out: inout [UInt8]) {
        out.append(0x1B)
        out.append(UInt8(ascii: "["))
        appendDecimal(y + 1, to: &out)
        out.append(UInt8(ascii: ";"))
        appendDecimal(x + 1, to: &out)
        out.append(UInt8(ascii: "H"))
    }

    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(48 + n % 10))
    }

    @inline(__always)
    static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// OSC 52 clipboard write: `ESC ] 52 ; c ; <base64> BEL`.
    public static func clipboard(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}".utf8)
    }

    /// Modes the console turns on: button-event mouse tracking with SGR coordinates, bracketed paste, no cursor.
    public static let enableModes = "\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h\u{1B}[?2004h\u{1B}[?25l"
    /// And off again, attributes reset, cursor shown.
    public static let disableModes = "\u{1B}[?2004l\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l\u{1B}[0m\u{1B}[?25h"
}
