import CNcursesw  // only for wcwidth, declared in its shim (no ncurses call here)
import Glibc

/// One screen cell: a character and its style. A character two columns wide (CJK, most emoji) occupies its
/// cell with `width == 2`, and the cell to its right is a continuation (`width == 0`) that draws nothing.
public struct Cell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var style: Style
    public var width: UInt8

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain, width: UInt8 = 1) {
        self.scalar = scalar
        self.style = style
        self.width = width
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
    static func continuation(_ style: Style) -> Cell { Cell(" ", style: style, width: 0) }
}

/// Display width of characters, from the C library's `wcwidth` (with the locale's UTF-8 tables).
public enum CharWidth {
    /// Ensures `wcwidth` knows UTF-8 once per process: the console sets the user's locale (`setlocale(LC_ALL, "")`)
    /// before it starts; tests and benchmarks run in the "C" locale, where `wcwidth` knows no wide characters, so
    /// `C.UTF-8` is selected for LC_CTYPE then.
    private static let localeReady: Bool = {
        if wcwidth(0x65E5) != 2 { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        return wcwidth(0x65E5) == 2
    }()

    /// Columns the scalar takes: 0 (combining marks, controls), 1 or 2.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if localeReady {
            let w = Int(wcwidth(wchar_t(bitPattern: v)))
            return w < 0 ? 1 : w
        }
        return fallbackWidth(v)
    }

    /// Columns a string takes (sum of its scalars' widths).
    public static func of(_ text: String) -> Int {
        var total = 0
        for s in text.unicodeScalars { total += of(s) }
        return total
    }

    /// East Asian wide ranges, for a C library without a UTF-8 locale.
    static func fallbackWidth(_ v: UInt32) -> Int {
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }
}
