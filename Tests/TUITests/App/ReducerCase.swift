import Testing
@testable import TUI

/// One reducer test: a state to start from, an action, and what the new state and the effects must be.
struct ReducerCase: Sendable, CustomTestStringConvertible {
    let title: String
    let action: ConsoleAction
    let setup: @Sendable () async -> ConsoleState
    let check: @Sendable (ConsoleState, [ConsoleEffect]) -> Void

    init(_ title: String, _ action: ConsoleAction, from setup: @escaping @Sendable () async -> ConsoleState,
         check: @escaping @Sendable (ConsoleState, [ConsoleEffect]) -> Void) {
        self.title = title
        self.action = action
        self.setup = setup
        self.check = check
    }

    var testDescription: String { "\(ActionCoverage.name(action)): \(title)" }
}

/// Starting states, reached through the runner as an operator would (keys, with the demo data loaded).
enum Start {
    static func opened(size: Size = Fixture.small) async -> ConsoleState { await Fixture.runner(size: size).state }
    static func locked() async -> ConsoleState { await Fixture.runner(locked: true).state }

    static func after(_ keys: [Key], text: String = "", size: Size = Fixture.small) async -> ConsoleState {
        var r = await Fixture.runner(size: size)
        for k in keys { await r.press(k) }
        if !text.isEmpty { await r.type(text) }
        return r.state
    }

    static func fleet() async -> ConsoleState { await after([.char("2")]) }
    static func machine() async -> ConsoleState { await after([.char("2"), .down, .enter]) }
    static func activity() async -> ConsoleState { await after([.char("7")]) }
    static func settings() async -> ConsoleState { await after([.char("9")]) }
    static func receive() async -> ConsoleState { await after([.char("r")]) }

    /// The Send form filled (to drone-0003, 1.25 KAS) with its preview.
    static func sendPreviewed() async -> ConsoleState {
        var r = await Fixture.runner()
        await r.press(.char("s"))
        await r.type("drone-0003")
        await r.press(.tab)
        await r.type("1.25")
        return r.state
    }

    static func sendConfirming(password: String = "") async -> ConsoleState {
        var r = await Fixture.runner()
        await r.press(.char("s"))
        await r.type("drone-0003")
        await r.press(.tab)
        await r.type("1.25")
        await r.press(.enter)
        await r.type(password)
        return r.state
    }
}

@Suite struct ReducerTests {
    @Test(arguments: ReducerCases.all) func reduces(_ c: ReducerCase) async {
        var state = await c.setup()
        let effects = ConsoleReducer.reduce(&state, c.action)
        c.check(state, effects)
    }

    @Test func everyActionHasACase() {
        let covered = Set(ReducerCases.all.map { ActionCoverage.name($0.action) })
        #expect(covered.count == ActionCoverage.caseCount, "actions without a reducer case: \(ActionCoverage.caseCount - covered.count)")
    }
}
