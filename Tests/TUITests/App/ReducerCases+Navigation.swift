import Testing
@testable import TUI

enum ReducerCases {
    static var all: [ReducerCase] { navigation + lists + send + secrets + results }

    static let navigation: [ReducerCase] = [
        ReducerCase("a bound key runs its action", .input(.key(.char("2"))), from: { await Start.opened() }) { s, e in
            #expect(s.screen == .fleet)
            #expect(e.contains { if case .loadMachines = $0 { return true } else { return false } })
        },
        ReducerCase("a resize changes the size", .input(.resize(Size(width: 120, height: 40))), from: { await Start.fleet() }) { s, _ in
            #expect(s.size == Size(width: 120, height: 40))
        },
        ReducerCase("below 80x24 only q and Ctrl-C work", .input(.key(.char("2"))), from: {
            var s = await Start.opened()
            _ = ConsoleReducer.reduce(&s, .input(.resize(Size(width: 70, height: 20))))
            return s
        }) { s, e in
            #expect(s.screen == .dashboard && e.isEmpty)
        },
        ReducerCase("SIGTERM quits with its number", .input(.signal(15)), from: { await Start.opened() }) { s, e in
            #expect(s.quitting && s.exitSignal == 15 && e == [.quit])
        },
        ReducerCase("a click on a tab opens its screen", .input(.mouse(MouseEvent(kind: .press(button: 0), position: Point(x: 17, y: 1)))),
                    from: { await Start.opened() }) { s, _ in
            #expect(s.screen == .fleet)
        },
        ReducerCase("the wheel scrolls the list under it", .input(.mouse(MouseEvent(kind: .wheelDown, position: Point(x: 10, y: 10)))),
                    from: { await Start.fleet() }) { s, _ in
            #expect(s.fleet.window.cursor == 3)
        },
        ReducerCase("a paste goes into the focused field, first line only", .input(.paste("drone-0003\nignored")),
                    from: { await Start.after([.char("s")]) }) { s, e in
            #expect(s.send.to.text == "drone-0003" && s.send.focus == .to)
            #expect(e.isEmpty, "no amount yet, so no preview")
        },
        ReducerCase("Esc and q typed fast (Alt-q) still quit from the top", .input(.key(.alt("q"))), from: { await Start.opened() }) { s, e in
            #expect(s.quitting && e == [.quit])
        },
        ReducerCase("a tick moves the clock and drops expired messages", .tick(now: Fixture.now + 10), from: {
            var s = await Start.opened()
            s.toast("old", seconds: 5)
            s.toast("new", seconds: 30)
            return s
        }) { s, e in
            #expect(s.now == Fixture.now + 10 && s.toasts.map(\.text) == ["new"] && e.isEmpty)
        },
        ReducerCase("an idle console locks itself and drops secrets", .tick(now: Fixture.now + 300), from: {
            var s = await Start.settings()
            s.settings.mnemonic = Secret(text: "words")
            return s
        }) { s, e in
            #expect(s.lock.isLocked && s.settings.mnemonic == nil && e == [.lock])
            if case .locked(let u) = s.lock { #expect(u.reason == "locked after 300 s without input") }
        },
        ReducerCase("show opens a screen and loads it", .show(.activity), from: { await Start.machine() }) { s, e in
            #expect(s.screen == .activity && s.history.isEmpty)
            #expect(e == [.loadActivity(ActivityQuery(filter: "", offset: 0, limit: 80))])
        },
        ReducerCase("nothing opens while locked", .show(.fleet), from: { await Start.locked() }) { s, e in
            #expect(s.screen == .dashboard && e.isEmpty)
        },
        ReducerCase("back returns to where a screen was opened from", .back, from: { await Start.machine() }) { s, e in
            #expect(s.screen == .fleet && s.history.isEmpty)
            #expect(e.isEmpty, "the fleet is still loaded")
        },
        ReducerCase("q at the top quits", .backOrQuit, from: { await Start.opened() }) { s, e in
            #expect(s.quitting && e == [.quit])
        },
        ReducerCase("q at the top asks first when a payment is being written", .backOrQuit, from: {
            var s = await Start.sendPreviewed()
            _ = ConsoleReducer.reduce(&s, .back)
            return s
        }) { s, e in
            #expect(!s.quitting && e.isEmpty)
            if case .confirm(let c) = s.modals.last { #expect(c.intent == .quit) } else { Issue.record("no confirmation") }
        },
        ReducerCase("Ctrl-C quits at once", .quit, from: { await Start.sendPreviewed() }) { s, e in
            #expect(s.quitting && e == [.quit])
        },
        ReducerCase("Ctrl-L redraws", .redraw, from: { await Start.opened() }) { _, e in #expect(e == [.redraw]) },
        ReducerCase("] wraps from the last screen to the first", .nextScreen, from: { await Start.settings() }) { s, e in
            #expect(s.screen == .dashboard && e == [.loadSummary])
        },
        ReducerCase("[ wraps from the first screen to the last", .previousScreen, from: { await Start.opened() }) { s, e in
            #expect(s.screen == .settings && e == [.loadSettings])
        },
        ReducerCase("Tab focuses the next Dashboard pane", .focusPane(1), from: { await Start.opened() }) { s, _ in
            #expect(s.dashboard.pane == .alerts)
        },
        ReducerCase("Shift-Tab on the Machine screen wraps to its last pane", .focusPane(-1), from: { await Start.machine() }) { s, _ in
            #expect(s.machine.pane == .events)
        },
        ReducerCase("? opens the help", .openHelp, from: { await Start.fleet() }) { s, _ in
            #expect(s.modals == [.help(scroll: 0)] && s.keyContext == .help)
            #expect(HelpOverlay.lines(for: s).first?.text == "Fleet")
        },
        ReducerCase("Ctrl-P opens the palette", .openPalette, from: { await Start.opened() }) { s, _ in
            #expect(s.modals == [.palette(PaletteState())] && s.keyContext == .palette)
        },
        ReducerCase("Esc closes the top modal", .closeModal, from: { await Start.after([.char("?")]) }) { s, _ in
            #expect(s.modals.isEmpty)
        },
        ReducerCase("Enter runs the palette's highlighted command", .runPaletteItem,
                    from: { await Start.after([.ctrl("p")], text: "go to the fleet") }) { s, e in
            #expect(s.modals.isEmpty && s.screen == .fleet && !e.isEmpty)
        },
    ]
}
