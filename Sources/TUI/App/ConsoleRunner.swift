/// The console without a terminal or a run loop: actions go through the reducer and their data effects are run
/// to completion, in order, before `send` returns. Snapshot tests, scripted flows and the render benchmark use
/// it, so what they see is deterministic; terminal effects (clipboard, theme, quit) are recorded, not performed.
public struct ConsoleRunner: Sendable {
    public var state: ConsoleState
    public let environment: ConsoleEnvironment
    /// Terminal effects asked for so far.
    public private(set) var terminalEffects: [ConsoleEffect] = []

    public init(state: ConsoleState, environment: ConsoleEnvironment) {
        self.state = state
        self.environment = environment
    }

    /// Runs the opening effects.
    public mutating func start() async {
        await run(ConsoleReducer.start(&state))
    }

    public mutating func send(_ action: ConsoleAction) async {
        await run(ConsoleReducer.reduce(&state, action))
    }

    public mutating func press(_ keys: Key...) async {
        for k in keys { await send(.input(.key(k))) }
    }

    public mutating func type(_ text: String) async {
        for c in text { await send(.input(.key(.char(c)))) }
    }

    public mutating func click(x: Int, y: Int) async {
        await send(.input(.mouse(MouseEvent(kind: .press(button: 0), position: Point(x: x, y: y)))))
    }

    public mutating func resize(_ size: Size) async {
        await send(.input(.resize(size)))
    }

    /// The frame as the terminal would show it.
    public func render() -> Canvas { ConsoleView.render(state) }
    public var screenText: String { render().grid.text }

    private mutating func run(_ effects: [ConsoleEffect]) async {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .copyToClipboard, .redraw, .quit:
                terminalEffects.append(effect)
            case .applyTheme(let name):
                terminalEffects.append(effect)
                queue += ConsoleReducer.reduce(&state, .themeApplied(name))
            default:
                for action in await environment.perform(effect) { queue += ConsoleReducer.reduce(&state, action) }
            }
        }
    }
}
