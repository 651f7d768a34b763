/// The minimal set of changed runs between the frame on the terminal and the next one. A run is a stretch of
/// one row the driver writes with one cursor move; short unchanged gaps inside a row are written through
/// rather than jumped over, because a cursor move costs more bytes than a few cells.
public struct FrameDiff: Equatable, Sendable {
    public struct Run: Equatable, Sendable {
        public var y: Int
        public var x: Int
        public var count: Int
    }

    public var runs: [Run]
    /// Whether the whole screen is redrawn (first frame, new size): the driver clears first.
    public var isFull: Bool

    /// Gaps of up to this many unchanged cells are written through.
    static let mergeGap = 4

    public init(from old: CellGrid?, to new: CellGrid) {
        guard let old, old.size == new.size else {
            isFull = true
            runs = (0..<new.height).map { Run(y: $0, x: 0, count: new.width) }
            return
        }
        isFull = false
        runs = []
        let w = new.width
        old.cells.withUnsafeBufferPointer { a in
            new.cells.withUnsafeBufferPointer { b in
                for y in 0..<new.height {
                    let row = y * w
                    var x = 0
                    var start = -1, end = -1
                    while x < w {
                        if a[row + x] != b[row + x] {
                            var s = x
                            // Never start on the right half of a wide character; include its head.
                            if b[row + s].width == 0 && s > 0 { s -= 1 }
                            var e = x + 1
                            if b[row + x].width == 2 && e < w { e += 1 }
                            if start >= 0 && s - end <= FrameDiff.mergeGap {
                                end = max(end, e)
                            } else {
                                if start >= 0 { runs.append(Run(y: y, x: start, count: end - start)) }
                                start = s
                                end = e
                            }
                            x = e
                        } else {
                            x += 1
                        }
                    }
                    if start >= 0 { runs.append(Run(y: y, x: start, count: end - start)) }
                }
            }
        }
    }

    /// Cells written in total.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.count } }
}
