import Foundation
import Testing
@testable import TUI

@Suite struct KeymapTests {
    @Test(arguments: KeyContext.allCases) func noKeyTwiceInAContext(context: KeyContext) {
        var seen: [Key: String] = [:]
        for b in Keymap.table(context) {
            for k in b.keys {
                #expect(seen[k] == nil, "\(context): \(k) is bound to both '\(seen[k] ?? "")' and '\(b.description)'")
                seen[k] = b.description
            }
        }
    }

    @Test(arguments: KeyContext.allCases) func everyBindingIsDescribed(context: KeyContext) {
        for b in Keymap.table(context) {
            #expect(!b.keys.isEmpty && !b.description.isEmpty && !b.label.isEmpty, "\(context): \(b.keyText)")
            #expect(b.description.first?.isUppercase == true, "\(context): '\(b.description)' reads as a sentence")
        }
    }

    @Test(arguments: [KeyContext.dashboard, .fleet, .machine, .activity, .node, .settings, .receive])
    func screensDoNotShadowGlobalKeys(context: KeyContext) {
        let global = Set(Keymap.global.flatMap(\.keys))
        for b in Keymap.table(context) {
            for k in b.keys { #expect(!global.contains(k), "\(context): \(k) (\(b.description)) hides a global key") }
        }
    }

    @Test(arguments: KeyContext.allCases) func everyContextHasFooterHints(context: KeyContext) {
        #expect(!Keymap.footer(for: context).isEmpty)
    }

    @Test func lookupOrder() {
        #expect(Keymap.lookup(.char("2"), in: .fleet)?.action == .show(.fleet), "global keys apply on screens")
        #expect(Keymap.lookup(.char("/"), in: .fleet)?.action == .beginFilter)
        #expect(Keymap.lookup(.char("2"), in: .send) == nil, "typing into a form is not a command")
        #expect(Keymap.lookup(.esc, in: .send)?.action == .back)
        #expect(Keymap.lookup(.ctrl("p"), in: .send)?.action == .openPalette)
        #expect(Keymap.lookup(.char("q"), in: .palette) == nil, "modals own every key")
        #expect(Keymap.lookup(.char("q"), in: .help)?.action == .closeModal)
    }

    @Test func theKeyBindingsDocumentIsCurrent() throws {
        let url = Fixture.themesDirectory.deletingLastPathComponent().appendingPathComponent("docs/keybindings.md")
        if Snapshot.writing { try Data(Keymap.markdown().utf8).write(to: url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == Keymap.markdown(), "regenerate docs/keybindings.md with KASFLEET_WRITE_SNAPSHOTS=1")
    }
}
