/// A cell position on the screen: column `x`, row `y`, both from 0 at the top left.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A size in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal the console lays out for (product.md §3); below it a notice is shown instead.
    public static let minimum = Size(width: 80, height: 24)
    public var isBelowMinimum: Bool { width < Size.minimum.width || height < Size.minimum.height }
    public var description: String { "\(width)x\(height)" }
}

/// A rectangle of cells. Empty when its width or height is 0 or less.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var description: String { "(\(x),\(y) \(width)x\(height))" }

    public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }

    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    public func inset(dx: Int, dy: Int) -> Rect { Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy) }

    /// The top `n` rows, and the rest.
    public func splitTop(_ n: Int) -> (top: Rect, rest: Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// The bottom `n` rows, and the rest above them.
    public func splitBottom(_ n: Int) -> (rest: Rect, bottom: Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - h), Rect(x: x, y: maxY - h, width: width, height: h))
    }

    /// The left `n` columns, and the rest.
    public func splitLeft(_ n: Int) -> (left: Rect, rest: Rect) {
        let w = min(max(0, n), width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }

    /// Split into `count` columns of near-equal width (the first ones one cell wider when it does not divide).
    public func columns(_ count: Int, gap: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let usable = width - gap * (count - 1)
        var result: [Rect] = []
        var cx = x
        for i in 0..<count {
            let w = usable / count + (i < usable % count ? 1 : 0)
            result.append(Rect(x: cx, y: y, width: w, height: height))
            cx += w + gap
        }
        return result
    }

    /// Split into rows with the given heights; the last row takes whatever is left.
    public func rows(_ heights: [Int]) -> [Rect] {
        var result: [Rect] = []
        var rest = self
        for (i, h) in heights.enumerated() {
            if i == heights.count - 1 {
                result.append(rest)
            } else {
                let parts = rest.splitTop(h)
                result.append(parts.top)
                rest = parts.rest
            }
        }
        return result
    }

    /// A `width` x `height` rectangle centred inside this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}
