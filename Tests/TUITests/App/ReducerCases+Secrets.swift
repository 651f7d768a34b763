import Testing
@testable import TUI

extension ReducerCases {
    static let secrets: [ReducerCase] = [
        ReducerCase("m asks for the password before the recovery phrase", .revealMnemonic, from: { await Start.settings() }) { s, e in
            #expect(s.modals == [.reveal(RevealState())] && e.isEmpty && s.settings.mnemonic == nil)
        },
        ReducerCase("the password asks the wallet for the phrase", .confirm, from: { await Start.after([.char("9"), .char("m")], text: "demo") }) { s, e in
            #expect(e == [.revealMnemonic(Secret(text: "demo"))])
            if case .reveal(let r) = s.modals.last { #expect(r.busy && r.password.text.isEmpty) } else { Issue.record("the prompt closed early") }
        },
        ReducerCase("the phrase shows once the wallet gives it", .mnemonicRevealed(Secret(text: "a b c")),
                    from: { await Start.after([.char("9"), .char("m")], text: "demo") }) { s, _ in
            #expect(s.modals.isEmpty && s.settings.mnemonic == Secret(text: "a b c"))
            #expect(ConsoleView.render(s).grid.text.contains("1. a"))
        },
        ReducerCase("a wrong password keeps the phrase hidden", .mnemonicFailed(ConsoleFailure(message: "wrong password", isWrongPassword: true)),
                    from: { await Start.after([.char("9"), .char("m")], text: "x") }) { s, _ in
            #expect(s.settings.mnemonic == nil)
            if case .reveal(let r) = s.modals.last { #expect(r.error == "wrong password" && !r.busy) } else { Issue.record("the prompt closed") }
        },
        ReducerCase("H hides the phrase", .hideMnemonic, from: {
            var s = await Start.settings()
            s.settings.mnemonic = Secret(text: "a b")
            return s
        }) { s, _ in #expect(s.settings.mnemonic == nil) },
        ReducerCase("leaving Settings hides the phrase", .show(.fleet), from: {
            var s = await Start.settings()
            s.settings.mnemonic = Secret(text: "a b")
            return s
        }) { s, _ in #expect(s.settings.mnemonic == nil) },
        ReducerCase("L locks now: modals, phrase and typed password go", .lock, from: {
            var s = await Start.sendConfirming(password: "dem")
            s.settings.mnemonic = Secret(text: "a b")
            s.modals = [.help(scroll: 0)]
            return s
        }) { s, e in
            #expect(s.lock.isLocked && s.modals.isEmpty && s.settings.mnemonic == nil && s.send.password.text.isEmpty && s.send.step == .form)
            #expect(e == [.lock] && s.keyContext == .unlock)
            #expect(!ConsoleView.render(s).grid.text.contains("drone-0003"), "nothing of the wallet shows while locked")
        },
        ReducerCase("T changes the theme and saves it", .nextTheme, from: { await Start.settings() }) { _, e in
            var saved = ConsoleSettings(theme: "high-contrast", idleLockSeconds: 300, nodeURL: "grpc://127.0.0.1:16610", network: .devnet)
            saved.theme = "high-contrast"
            #expect(e == [.applyTheme("high-contrast"), .saveSettings(saved)])
        },
        ReducerCase("Enter on the unlock prompt tries the password", .submit, from: {
            var r = await Fixture.runner(locked: true)
            await r.type("demo")
            return r.state
        }) { s, e in
            #expect(e == [.unlock(Secret(text: "demo"))])
            if case .locked(let u) = s.lock { #expect(u.busy && u.password.text.isEmpty) }
        },
        ReducerCase("unlocked: the screen in view loads", .unlocked, from: { await Start.locked() }) { s, e in
            #expect(!s.lock.isLocked && e == [.loadSummary])
        },
        ReducerCase("a wrong password is counted and said", .unlockFailed(ConsoleFailure(message: "wrong password", isWrongPassword: true)),
                    from: { await Start.locked() }) { s, _ in
            if case .locked(let u) = s.lock { #expect(u.error == "wrong password (attempt 1)" && u.failedAttempts == 1) } else { Issue.record("unlocked") }
        },
    ]
}
