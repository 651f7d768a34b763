import Foundation
import Testing
@testable import TUI

/// Every screen rendered at 80x24 and 160x48, compared with the reviewed text in Tests/Fixtures/screens.
@Suite struct ScreenSnapshotTests {
    @Test(arguments: Fixture.sizes) func dashboard(size: Size) async {
        let r = await Fixture.runner(size: size)
        Snapshot.check(r.screenText, Fixture.name("dashboard", size))
    }

    @Test(arguments: Fixture.sizes) func fleet(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("2"), .down, .down, .char(" "), .char(" "))
        Snapshot.check(r.screenText, Fixture.name("fleet", size))
    }

    @Test(arguments: Fixture.sizes) func fleetFiltered(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("2"), .char("/"))
        await r.type("drone-001")
        Snapshot.check(r.screenText, Fixture.name("fleet-filter", size))
    }

    @Test(arguments: Fixture.sizes) func machine(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("2"), .down, .enter)
        Snapshot.check(r.screenText, Fixture.name("machine", size))
    }

    @Test(arguments: Fixture.sizes) func activity(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("7"))
        Snapshot.check(r.screenText, Fixture.name("activity", size))
    }

    @Test(arguments: Fixture.sizes) func node(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("8"))
        Snapshot.check(r.screenText, Fixture.name("node", size))
    }

    @Test(arguments: Fixture.sizes) func settings(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("9"))
        Snapshot.check(r.screenText, Fixture.name("settings", size))
    }

    @Test(arguments: Fixture.sizes) func send(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("2"), .down, .char("s"))
        await r.type("12.5")
        Snapshot.check(r.screenText, Fixture.name("send", size))
    }

    @Test(arguments: Fixture.sizes) func sendConfirm(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("s"))
        await r.type("drone-0003")
        await r.press(.tab)
        await r.type("1.25")
        await r.press(.enter)
        await r.type("de")
        Snapshot.check(r.screenText, Fixture.name("send-confirm", size))
    }

    @Test(arguments: Fixture.sizes) func receive(size: Size) async {
        var r = await Fixture.runner(size: size)
        await r.press(.char("r"))
        Snapshot.check(r.screenText, Fixture.name("receive", size))
    }

    @Test(arguments: Fixture.sizes) func unlock(size: Size) async {
        var r = await Fixture.runner(size: size, locked: true)
        await r.type("wrong")
        await r.press(.enter)
        Snapshot.check(r.screenText, Fixture.name("unlock", size))
    }

    // Overlays, plain mode, errors and the small-terminal notice.

    @Test func help() async {
        var r = await Fixture.runner()
        await r.press(.char("2"), .char("?"))
        Snapshot.check(r.screenText, "help-fleet-80x24")
    }

    @Test func palette() async {
        var r = await Fixture.runner()
        await r.press(.ctrl("p"))
        await r.type("theme")
        Snapshot.check(r.screenText, "palette-80x24")
    }

    @Test func tooSmall() async {
        var r = await Fixture.runner()
        await r.resize(Size(width: 60, height: 20))
        Snapshot.check(r.screenText, "too-small-60x20")
    }

    @Test func plainDashboard() async {
        let r = await Fixture.runner(plain: true)
        Snapshot.check(r.screenText, "plain-dashboard-80x24")
    }

    @Test func plainFleet() async {
        var r = await Fixture.runner(plain: true)
        await r.press(.char("2"), .down)
        Snapshot.check(r.screenText, "plain-fleet-80x24")
    }

    @Test func plainSend() async {
        var r = await Fixture.runner(plain: true)
        await r.press(.char("s"))
        await r.type("drone-0003")
        await r.press(.tab)
        await r.type("1,5")
        Snapshot.check(r.screenText, "plain-send-invalid-80x24")
    }

    @Test func sendRefusedByPolicy() async {
        var r = await Fixture.runner()
        await r.press(.char("s"))
        await r.type("drone-0004")
        await r.press(.backTab)
        await r.type("drone-0001")
        await r.press(.tab, .tab)
        await r.type("30")
        Snapshot.check(r.screenText, "send-refused-80x24")
    }

    @Test func recoveryPhrase() async {
        var r = await Fixture.runner(size: Fixture.large)
        await r.press(.char("9"), .char("m"))
        await r.type("demo")
        await r.press(.enter)
        Snapshot.check(r.screenText, "settings-recovery-phrase-160x48")
    }

    @Test func freezeConfirmation() async {
        var r = await Fixture.runner()
        await r.press(.char("2"), .char(" "), .char(" "), .char("f"))
        Snapshot.check(r.screenText, "fleet-freeze-confirm-80x24")
    }
}
