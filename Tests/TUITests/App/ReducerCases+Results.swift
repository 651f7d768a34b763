import Testing
import WalletKit
@testable import TUI

extension ReducerCases {
    static let node = NodeStatus(url: "grpc://n:16110", network: .mainnet, sync: .behind(daaScores: 1_200), daaScore: 7)
    static let row = MachineRow(id: 9, name: "drone-9", kind: "drone", group: "drones", status: .active, balance: Sompi(5),
                                spentToday: .zero, dailyBudget: nil, lastActivity: nil)

    static let results: [ReducerCase] = [
        ReducerCase("the summary arrives", .summaryLoaded(WalletSummary(
            walletName: "w", network: .mainnet, walletBalance: Sompi(1), total: Sompi(2), pending: .zero, machines: MachineCounts(total: 0, active: 0, frozen: 0, retired: 0),
            groups: [], spendPerHour: [], dailyBudget: nil, spentToday: .zero, alerts: [], recentSettlements: [])), from: { await Start.opened() }) { s, _ in
            #expect(s.summary?.walletName == "w")
        },
        ReducerCase("machines for the current query fill the window", .machinesLoaded(MachinePage(total: 1, offset: 0, rows: [row]), query: MachineQuery(offset: 0, limit: 80)),
                    from: { await Start.fleet() }) { s, e in
            #expect(s.fleet.window.total == 1 && s.fleet.window.rows == [row] && e.isEmpty)
        },
        ReducerCase("machines for an old query are dropped", .machinesLoaded(MachinePage(total: 1, offset: 0, rows: [row]), query: MachineQuery(filter: "old")),
                    from: { await Start.fleet() }) { s, _ in
            #expect(s.fleet.window.total == 60)
        },
        ReducerCase("a machine's details arrive with the QR of its address", .machineLoaded(MachineDetail(
            row: MachineRow(id: 2, name: "m", kind: "k", group: nil, status: .active, balance: .zero, spentToday: .zero, dailyBudget: nil, lastActivity: nil),
            tags: [], keySource: "", addresses: [MachineAddress(address: "kaspa:qz", path: nil, balance: .zero, utxoCount: 0)], utxos: [],
            spendPerHour: [], spendPerDay: [], policy: PolicySummary(), events: [])), from: { await Start.machine() }) { s, _ in
            #expect(s.machine.detail?.row.name == "m" && !s.machine.loading && s.machine.qr == QRMatrix.encode("kaspa:qz"))
        },
        ReducerCase("history arrives", .activityLoaded(ActivityPage(total: 0, offset: 0, rows: []), query: ActivityQuery(offset: 0, limit: 80)),
                    from: { await Start.activity() }) { s, _ in
            #expect(s.activity.window.total == 0 && s.activity.loaded)
        },
        ReducerCase("the node's status shows, behind or not", .nodeUpdated(node), from: { await Start.opened() }) { s, _ in
            #expect(s.node == node)
            #expect(ConsoleView.render(s).grid.line(0).contains("behind 1,200"))
        },
        ReducerCase("settings arrive with the themes", .settingsLoaded(ConsoleSettings(theme: "light", idleLockSeconds: 60, nodeURL: "u", network: .mainnet), themes: ["a", "b"]),
                    from: { await Start.opened() }) { s, _ in
            #expect(s.idleLockSeconds == 60 && s.settings.themes == ["a", "b"])
        },
        ReducerCase("an address arrives with its QR code", .receiveLoaded(ReceiveAddress(address: "kaspa:q", label: "l", path: nil), qr: QRMatrix(size: 1, modules: [true])),
                    from: { await Start.receive() }) { s, _ in
            #expect(s.receive.address?.address == "kaspa:q" && s.receive.qr?.size == 1 && !s.receive.loading)
        },
        ReducerCase("freezing done: told, selection cleared, table reloaded", .frozenChanged(count: 2, frozen: true),
                    from: {
            var s = await Start.after([.char("2"), .char(" "), .char(" ")])
            s.busy = BusyTask("Freezing 2 machines")
            return s
        }) { s, e in
            #expect(s.toasts.last?.text == "froze 2 machines" && s.fleet.selection.isEmpty && e.compactMap(isLoadMachines).count == 1)
            #expect(s.busy == nil, "the spinner stops")
        },
        ReducerCase("an export says where the file is", .exported(path: "/tmp/a.csv"), from: { await Start.activity() }) { s, _ in
            #expect(s.toasts.last?.text == "exported to /tmp/a.csv" && s.busy == nil)
        },
        ReducerCase("saved settings take effect", .settingsSaved(ConsoleSettings(theme: "dark", idleLockSeconds: 0, nodeURL: "u", network: .devnet)),
                    from: { await Start.settings() }) { s, _ in
            #expect(s.idleLockSeconds == 0 && s.toasts.last?.text == "settings saved")
        },
        ReducerCase("a theme applied is the current one", .themeApplied("light"), from: { await Start.opened() }) { s, _ in
            #expect(s.themeName == "light")
        },
        ReducerCase("data changes update the node and reload what is on screen", .dataChanged(DataChange(node: node, machines: [3])),
                    from: { await Start.fleet() }) { s, e in
            #expect(s.node == node && e.compactMap(isLoadMachines).count == 1)
        },
        ReducerCase("changes elsewhere do not reload this screen", .dataChanged(DataChange(activity: true)), from: { await Start.fleet() }) { _, e in
            #expect(e.isEmpty)
        },
        ReducerCase("the wallet locking itself locks the console", .dataChanged(DataChange(locked: true)), from: { await Start.opened() }) { s, e in
            #expect(s.lock.isLocked && e == [.lock])
        },
        ReducerCase("a failure is a message, and long work stops", .failed(ConsoleFailure(message: "node gone")), from: {
            var s = await Start.opened()
            s.busy = BusyTask("x")
            return s
        }) { s, _ in
            #expect(s.toasts.last == Toast("node gone", kind: .error, expiresAt: Fixture.now + 6) && s.busy == nil)
        },
    ]
}
