import ArgumentParser
import Foundation
import TUI

/// `kasfleet bench render`: how fast the console opens on a big fleet and draws a frame.
///
/// - first frame: from nothing to the Dashboard's first frame written out (the demo wallet with N machines
///   generated, the opening loads done, the frame rendered, diffed against an empty screen and encoded as the
///   escape sequences the terminal would receive);
/// - the Fleet's first frame (its first window of the N machines loaded and drawn);
/// - a frame: render + diff + encode of a `width` x `height` Fleet frame while the cursor moves through the table,
///   median and 99th percentile over `frames` frames (the loads of new windows are not timed: they run off the
///   render path);
/// - peak memory (VmHWM).
struct BenchRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Open the console on N demo machines and time the first frame and the frames after it.")

    @Option(help: "Machines in the demo fleet.")
    var machines: Int = 100_000

    @Option(help: "Frames to time.")
    var frames: Int = 1_000

    @Option(help: "Frame width in cells.")
    var width: Int = 200

    @Option(help: "Frame height in cells.")
    var height: Int = 60

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard (1...10_000_000).contains(machines) else { throw ValidationError("--machines must be between 1 and 10000000, got \(machines)") }
        guard (1...1_000_000).contains(frames) else { throw ValidationError("--frames must be between 1 and 1000000, got \(frames)") }
        guard width >= 80, height >= 24, width <= 1_000, height <= 1_000 else { throw ValidationError("the frame must be 80x24 to 1000x1000") }
    }

    struct Report: Encodable {
        let benchmark = "render"
        let machines: Int
        let width: Int
        let height: Int
        let firstFrameMs: Double
        let fleetFirstFrameMs: Double
        let frames: Int
        let frameMedianMs: Double
        let frameP99Ms: Double
        let bytesPerFrameMedian: Int
        let peakRssMB: Double
    }

    func run() throws {
        try runReporting {
            let (machines, frames, size) = (self.machines, self.frames, Size(width: width, height: height))
            let report = try blocking { await Self.measure(machines: machines, frames: frames, size: size) }
            if json { return try Console.json(report) }
            Console.out(String(format: "first frame %.1f ms (fleet %.1f ms) with %d machines; a %dx%d frame: median %.3f ms, p99 %.3f ms; peak memory %.0f MB",
                               report.firstFrameMs, report.fleetFirstFrameMs, machines, width, height, report.frameMedianMs, report.frameP99Ms, report.peakRssMB))
        }
    }

    static func measure(machines: Int, frames: Int, size: Size) async -> Report {
        let clock = ContinuousClock()
        let now: Int64 = 1_764_000_000
        var writer = EscapeWriter(palette: Palette(theme: .dark, mode: .trueColor))
        let start = clock.now
        let dataSource = DemoDataSource(machines: machines, clock: { now }, live: false, locked: false)
        var runner = ConsoleRunner(state: ConsoleState(size: size, locked: false, now: now),
                                   environment: ConsoleEnvironment(dataSource: dataSource, themes: ThemeLibrary(directories: []), clock: { now }))
        await runner.start()
        var grid = runner.render().grid
        var bytes = writer.encode(grid, diff: FrameDiff(from: nil, to: grid), cursor: nil)
        let firstFrame = clock.now - start

        let fleetStart = clock.now
        await runner.send(.show(.fleet))
        var previous = grid
        grid = runner.render().grid
        bytes = writer.encode(grid, diff: FrameDiff(from: previous, to: grid), cursor: nil)
        let fleetFirst = clock.now - fleetStart

        var times: [Duration] = []
        var sizes: [Int] = []
        times.reserveCapacity(frames)
        for i in 0..<frames {
            // Down through the table, a page jump now and then (which loads new windows, untimed).
            await runner.send(.move(i % 25 == 24 ? .pageDown : .down))
            previous = grid
            let t0 = clock.now
            let canvas = runner.render()
            let diff = FrameDiff(from: previous, to: canvas.grid)
            bytes = writer.encode(canvas.grid, diff: diff, cursor: canvas.cursor)
            times.append(clock.now - t0)
            sizes.append(bytes.count)
            grid = canvas.grid
        }
        times.sort()
        sizes.sort()
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
        return Report(machines: machines, width: size.width, height: size.height, firstFrameMs: ms(firstFrame), fleetFirstFrameMs: ms(fleetFirst),
                      frames: frames, frameMedianMs: ms(times[times.count / 2]), frameP99Ms: ms(times[min(times.count - 1, times.count * 99 / 100)]),
                      bytesPerFrameMedian: sizes[sizes.count / 2], peakRssMB: Double(peakRSSKilobytes()) / 1024)
    }

    /// VmHWM from /proc/self/status, in kB (0 where there is no /proc).
    static func peakRSSKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
