import Testing
@testable import TUI

/// The real loop over a MemoryDriver: keys in, frames out, only changed cells written, resize, quit.
@Suite struct ConsoleLoopTests {
    /// Generous: beside the CPU-bound vector suites on two cores, this suite can wait its turn for many seconds.
    func waitFor(_ what: String, timeout: Duration = .seconds(60), screen: MemoryDriver? = nil, _ condition: () -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !condition() {
            guard clock.now < deadline else {
                Issue.record("timed out waiting for \(what); the screen:\n\(screen?.text ?? "")")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func unlockBrowseResizeAndQuit() async throws {
        let driver = MemoryDriver(size: Size(width: 100, height: 30))
        let ds = Fixture.dataSource(locked: true)
        let loop = ConsoleLoop(driver: driver, environment: Fixture.environment(ds),
                               state: ConsoleState(size: driver.size, locked: true, now: Fixture.now), theme: .dark, dataInterval: .milliseconds(20))
        let run = Task { await loop.run() }

        try await waitFor("the unlock prompt", screen: driver) { driver.text.contains("Unlock the wallet") }
        driver.type("demo")
        driver.send(.key(.enter))
        try await waitFor("the dashboard") { driver.text.contains("Balances") && driver.text.contains("chargers") }

        driver.send(.key(.char("2")))
        try await waitFor("the fleet") { driver.text.contains("charger-0001") }
        let frames = driver.frames
        driver.send(.key(.down))
        try await waitFor("a frame for the cursor move") { driver.frames > frames }
        let diff = try #require(driver.lastDiff)
        #expect(!diff.isFull && diff.cellCount < 100 * 30 / 4, "a cursor move rewrites a few rows, not the screen (\(diff.cellCount) cells)")

        driver.send(.mouse(MouseEvent(kind: .press(button: 0), position: Point(x: 40, y: 1))))
        try await waitFor("a click on the Activity tab") { driver.text.contains("newest first") }

        driver.resize(to: Size(width: 120, height: 40))
        try await waitFor("the new size") { driver.grid.size == Size(width: 120, height: 40) && driver.text.contains("Activity") }
        #expect(driver.lastDiff?.isFull == true)

        driver.send(.key(.char("q")))
        let final = await run.value
        #expect(final.quitting && final.screen == .activity)
    }

    @Test func dataEventsAreAppliedWithoutInput() async throws {
        let driver = MemoryDriver(size: Size(width: 100, height: 30))
        // A live demo on the real clock: its node connects, then syncs.
        let ds = DemoDataSource(machines: 30, seed: 7, live: true, locked: false)
        let loop = ConsoleLoop(driver: driver, environment: Fixture.environment(ds),
                               state: ConsoleState(size: driver.size, locked: false, now: Fixture.now), theme: .dark, dataInterval: .milliseconds(20))
        let run = Task { await loop.run() }
        // The live demo node goes from connecting to syncing to synced; the top bar follows on its own.
        // The console's clock is fixed here, so only the node's notifications can change the top bar: its DAA score
        // (and state) move on without any input.
        try await waitFor("the node's DAA score", timeout: .seconds(60), screen: driver) { driver.grid.line(0).contains("DAA") }
        let first = driver.grid.line(0)
        try await waitFor("a newer DAA score", timeout: .seconds(60), screen: driver) { driver.grid.line(0) != first }
        driver.send(.signal(2))
        let final = await run.value
        #expect(final.exitSignal == 2)
    }
}
