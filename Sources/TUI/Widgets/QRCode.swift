@preconcurrency import CQrencode

/// A QR code's modules (true = dark), from libqrencode. Encoded once when an address arrives, never while
/// drawing.
public struct QRMatrix: Equatable, Sendable {
    public let size: Int
    public let modules: [Bool]

    public init(size: Int, modules: [Bool]) {
        self.size = size
        self.modules = modules
    }

    public subscript(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// Case-sensitive, byte mode by default (addresses are lowercase bech32, which the alphanumeric mode cannot
    /// hold), error correction L so that a mainnet or devnet address fits version 4 (33 modules): 19 rows of half
    /// blocks with a 2-module quiet zone, which fits the 80x24 body.
    public static func encode(_ text: String) -> QRMatrix? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        let modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
        return QRMatrix(size: width, modules: modules)
    }
}

/// Draws a QR code with half blocks (two modules per cell, upper and lower), always dark on light whatever the
/// theme, with a quiet zone of `quiet` modules.
public enum QRView {
    /// Cells needed: width and height.
    public static func cells(for matrix: QRMatrix, quiet: Int) -> Size {
        let n = matrix.size + 2 * quiet
        return Size(width: n, height: (n + 1) / 2)
    }

    public static func render(_ matrix: QRMatrix, quiet: Int, at origin: Point, into canvas: inout Canvas) {
        let n = matrix.size + 2 * quiet
        for row in 0..<((n + 1) / 2) {
            for col in 0..<n {
                let top = matrix[col - quiet, 2 * row - quiet]
                let bottom = 2 * row + 1 < n && matrix[col - quiet, 2 * row + 1 - quiet]
                let cell: Cell
                switch (top, bottom) {
                case (true, true): cell = Cell(" ", style: Style(fg: .qrDark, bg: .qrDark))
                case (false, false): cell = Cell(" ", style: Style(fg: .qrLight, bg: .qrLight))
                case (true, false): cell = Cell("▀", style: Style(fg: .qrDark, bg: .qrLight))
                case (false, true): cell = Cell("▄", style: Style(fg: .qrDark, bg: .qrLight))
                }
                let x = origin.x + col, y = origin.y + row
                if canvas.grid.bounds.contains(Point(x: x, y: y)) { canvas.grid.set(x, y, cell) }
            }
        }
    }
}
