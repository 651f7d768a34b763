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
        out += Array("\u{1B}[?2026h".utf8)
        if diff.isFull { out += Array("\u{1B}[0m\u{1B}[2J".utf8) }
        var current: Style? = nil
        var cursorAt: Point? = nil
        var utf8 = [UInt8](repeating: 0, count: 4)
        for run in diff.runs {
            if cursorAt != Point(x: run.x, y: run.y) { out += Array("\u{1B}[\(run.y + 1);\(run.x + 1)H".utf8) }
            var x = run.x
            let end = run.x + run.count
            while x < end {
                let cell = grid[x, run.y]
                if cell.width == 0 { x += 1; continue }
                if current != cell.style {
                    out += sgr(cell.style)
                    current = cell.style
                }
                let v = cell.scalar.value
                if v < 0x80 {
                    out.append(UInt8(v))
                } else {
                    var n = 0
                    for b in String(cell.scalar).utf8 { utf8[n] = b; n += 1 }
                    out += utf8[0..<n]
                }
                x += Int(max(1, cell.width))
            }
            cursorAt = Point(x: x, y: run.y)
        }
        out += Array("\u{1B}[0m".utf8)
        if let c = cursor {
            out += Array("\u{1B}[\(c.y + 1);\(c.x + 1)H\u{1B}[?25h".utf8)
        } else {
            out += Array("\u{1B}[?25l".utf8)
        }
        out += Array("\u{1B}[?2026l".utf8)
        return out
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
