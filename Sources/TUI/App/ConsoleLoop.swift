import Foundation
import Synchronization

/// The console's run loop. Terminal input, data events (coalesced) and a one-second tick arrive as actions on
/// one `AsyncStream`; each action goes through the reducer, data effects start their own tasks (so a slow
/// database or node never blocks a key), and the new state is rendered, diffed against the frame on screen and
/// written through the driver.
public actor ConsoleLoop {
    let driver: any TerminalDriver
    let environment: ConsoleEnvironment
    var state: ConsoleState
    var theme: Theme
    private var previous: CellGrid?
    private var previousCursor: Point?
    private let actions: AsyncStream<ConsoleAction>
    private let continuation: AsyncStream<ConsoleAction>.Continuation
    private var tasks: [Task<Void, Never>] = []
    /// The last read of each ordered kind (`ConsoleEffect.orderingKey`).
    private var ordered: [String: Task<Void, Never>] = [:]
    /// How often coalesced data changes are applied.
    let dataInterval: Duration

    public init(driver: any TerminalDriver, environment: ConsoleEnvironment, state: ConsoleState, theme: Theme,
                dataInterval: Duration = .milliseconds(150)) {
        self.driver = driver
        self.environment = environment
        self.state = state
        self.theme = theme
        self.dataInterval = dataInterval
        (actions, continuation) = AsyncStream.makeStream(of: ConsoleAction.self)
    }

    /// Sends an action from outside (tests).
    public nonisolated func send(_ action: ConsoleAction) { continuation.yield(action) }

    /// Runs until the console quits (`q` at the top, Ctrl-C, a signal, or the input ending); returns the last state.
    @discardableResult
    public func run() async -> ConsoleState {
        driver.setPalette(Palette(theme: theme, mode: driver.colorMode))
        state.size = driver.size
        let c = continuation
        let driver = self.driver
        tasks.append(Task {
            for await event in driver.events { c.yield(.input(event)) }
            c.yield(.quit)
        })
        let clock = environment.clock
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                c.yield(.tick(now: clock()))
            }
        })
        startDataEvents()
        perform(ConsoleReducer.start(&state))
        render()
        for await action in actions {
            perform(ConsoleReducer.reduce(&state, action))
            if state.quitting { break }
            render()
        }
        for t in tasks { t.cancel() }
        tasks = []
        return state
    }

    /// Data events are merged and applied at most every `dataInterval`, so a burst of sync notifications costs one
    /// reload, not one per notification.
    private func startDataEvents() {
        let pending = ChangeBuffer()
        let c = continuation
        let stream = environment.dataSource.events()
        tasks.append(Task {
            for await event in stream { pending.merge(event) }
        })
        let interval = dataInterval
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let change = pending.take()
                if !change.isEmpty { c.yield(.dataChanged(change)) }
            }
        })
    }

    private func perform(_ effects: [ConsoleEffect]) {
        for effect in effects {
            switch effect {
            case .copyToClipboard(let text): driver.copyToClipboard(text)
            case .applyTheme(let name):
                do {
                    theme = try environment.themes.load(name)
                    driver.setPalette(Palette(theme: theme, mode: driver.colorMode))
                    previous = nil
                    continuation.yield(.themeApplied(name))
                } catch {
                    continuation.yield(.failed(ConsoleFailure(error)))
                }
            case .redraw: previous = nil
            case .quit: state.quitting = true
            default:
                let env = environment, c = continuation
                let key = effect.orderingKey
                let previous = key.flatMap { ordered[$0] }
                let task = Task {
                    // Reads of one kind run one after another, so their results arrive in the order asked.
                    await previous?.value
                    for action in await env.perform(effect) { c.yield(action) }
                }
                if let key { ordered[key] = task }
            }
        }
    }

    private func render() {
        let canvas = ConsoleView.render(state)
        let diff = FrameDiff(from: previous, to: canvas.grid)
        if !diff.runs.isEmpty || canvas.cursor != previousCursor {
            driver.present(canvas.grid, diff: diff, cursor: canvas.cursor)
        }
        previous = canvas.grid
        previousCursor = canvas.cursor
    }
}

/// Data changes waiting for the next application.
final class ChangeBuffer: Sendable {
    private let change = Mutex(DataChange())
    func merge(_ event: DataEvent) { change.withLock { $0.merge(event) } }
    func take() -> DataChange {
        change.withLock { c in
            defer { c = DataChange() }
            return c
        }
    }
}
