import Testing
@testable import TUI

extension ReducerCases {
    static func isLoadMachines(_ e: ConsoleEffect) -> MachineQuery? { if case .loadMachines(let q) = e { return q } else { return nil } }

    static let lists: [ReducerCase] = [
        ReducerCase("↓ moves the cursor", .move(.down), from: { await Start.fleet() }) { s, e in
            #expect(s.fleet.window.cursor == 1 && e.isEmpty)
        },
        ReducerCase("jumping past the loaded window loads the next one", .move(.bottom), from: {
            var r = await Fixture.runner(machines: 600)
            await r.press(.char("2"))
            return r.state
        }) { s, e in
            #expect(s.fleet.window.cursor == 599)
            #expect(e.compactMap(isLoadMachines).first?.offset == 584 - 32)
        },
        ReducerCase("a click moves the cursor to the row", .selectRow(5, pane: 0), from: { await Start.fleet() }) { s, e in
            #expect(s.fleet.window.cursor == 5 && s.screen == .fleet && e.isEmpty)
        },
        ReducerCase("a second click on the cursor row opens it", .selectRow(1, pane: 0), from: { await Start.after([.char("2"), .down]) }) { s, e in
            #expect(s.screen == .machine && s.machine.id == 2 && e == [.loadMachine(2)])
        },
        ReducerCase("Enter on a group opens the Fleet filtered to it", .activate, from: { await Start.opened() }) { s, e in
            #expect(s.screen == .fleet && s.fleet.query.filter == "chargers")
            #expect(e.compactMap(isLoadMachines).first?.filter == "chargers")
        },
        ReducerCase("Enter on a machine opens it", .activate, from: { await Start.after([.char("2"), .down, .down]) }) { s, e in
            #expect(s.screen == .machine && s.history == [.fleet] && e == [.loadMachine(3)])
        },
        ReducerCase("/ starts the filter line", .beginFilter, from: { await Start.fleet() }) { s, _ in
            #expect(s.fleet.filterField?.text == "" && s.keyContext == .filter)
        },
        ReducerCase("typing filters as you type", .input(.key(.char("y"))), from: { await Start.after([.char("2"), .char("/")], text: "robot-000") }) { s, e in
            #expect(s.fleet.query.filter == "robot-000y")
            #expect(e.compactMap(isLoadMachines).first?.filter == "robot-000y")
        },
        ReducerCase("Enter keeps the filter", .applyFilter, from: { await Start.after([.char("2"), .char("/")], text: "drone") }) { s, e in
            #expect(s.fleet.filterField == nil && s.fleet.query.filter == "drone" && e.isEmpty)
            #expect(s.fleet.window.total == 20)
        },
        ReducerCase("Esc clears the filter", .cancelFilter, from: { await Start.after([.char("2"), .char("/")], text: "drone") }) { s, e in
            #expect(s.fleet.filterField == nil && s.fleet.query.filter == "")
            #expect(e.compactMap(isLoadMachines).first?.filter == "")
        },
        ReducerCase("Space selects and moves down", .toggleSelection, from: { await Start.fleet() }) { s, _ in
            #expect(s.fleet.selection == [1] && s.fleet.window.cursor == 1)
        },
        ReducerCase("* selects the rows on screen", .selectAllShown, from: { await Start.fleet() }) { s, _ in
            #expect(s.fleet.selection == Set((1...16).map { MachineID($0) }))
        },
        ReducerCase("c clears the selection", .clearSelection, from: { await Start.after([.char("2"), .char(" "), .char(" ")]) }) { s, _ in
            #expect(s.fleet.selection.isEmpty)
        },
        ReducerCase("o sorts by the next column", .nextSort, from: { await Start.after([.char("2"), .down]) }) { s, e in
            #expect(s.fleet.query.sort == .group && s.fleet.window.cursor == 0)
            #expect(e.compactMap(isLoadMachines).first?.sort == .group)
        },
        ReducerCase("O reverses the order", .reverseSort, from: { await Start.fleet() }) { s, e in
            #expect(!s.fleet.query.ascending && e.compactMap(isLoadMachines).first?.ascending == false)
        },
        ReducerCase("a click on a header sorts by it, biggest first for figures", .sortBy(.balance), from: { await Start.fleet() }) { s, _ in
            #expect(s.fleet.query.sort == .balance && !s.fleet.query.ascending)
        },
        ReducerCase("f freezes the machine under the cursor", .toggleFreeze, from: { await Start.after([.char("2"), .down]) }) { s, e in
            #expect(e == [.setFrozen([2], frozen: true)] && s.busy != nil)
        },
        ReducerCase("f on a frozen machine unfreezes it", .toggleFreeze, from: { await Start.fleet() }) { _, e in
            #expect(e == [.setFrozen([1], frozen: false)], "charger-0001 is frozen in the demo")
        },
        ReducerCase("f on several machines asks first", .toggleFreeze, from: { await Start.after([.char("2"), .down, .char(" "), .char(" ")]) }) { s, e in
            #expect(e.isEmpty)
            if case .confirm(let c) = s.modals.last { #expect(c.intent == .setFrozen([2, 3], frozen: true)) } else { Issue.record("no confirmation") }
        },
        ReducerCase("confirming freezes them", .confirm, from: { await Start.after([.char("2"), .down, .char(" "), .char(" "), .char("f")]) }) { s, e in
            #expect(s.modals.isEmpty && e == [.setFrozen([2, 3], frozen: true)])
        },
        ReducerCase("confirming the quit question quits", .confirm, from: {
            var s = await Start.opened()
            s.modals = [.confirm(ConfirmState(title: "Quit?", message: "", intent: .quit))]
            return s
        }) { s, e in
            #expect(s.quitting && e == [.quit])
        },
        ReducerCase("e exports what the filter shows", .export(.csv), from: { await Start.activity() }) { s, e in
            #expect(e == [.exportActivity(ActivityQuery(filter: ""), .csv)] && s.busy != nil)
        },
        ReducerCase("R reloads the screen and the node", .refresh, from: { await Start.fleet() }) { _, e in
            #expect(e.compactMap(isLoadMachines).count == 1 && e.last == .loadNode)
        },
    ]
}
