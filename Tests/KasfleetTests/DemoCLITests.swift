import Foundation
import Testing

/// `kasfleet demo` (what `make run` shows for now) builds a valid settlement from a fresh wallet each time.
@Suite struct DemoCLITests {
    @Test func demoSettlementIsValidAndFresh() async throws {
        let a = try await CLI.run(["demo", "--json"]), b = try await CLI.run(["demo", "--json"])
        #expect(a.status == 0 && a.object["valid"] as? Bool == true, "\(a.stderr)")
        #expect(a.object["computeBudgets"] as? [Int] == [10])
        #expect((a.object["machines"] as? [[String: Any]])?.count == 3)
        #expect(a.object["operatorAddress"] as? String != b.object["operatorAddress"] as? String, "each demo wallet is new")
        let text = try await CLI.run(["demo"])
        #expect(text.status == 0 && text.stdout.contains("every signature verifies"))
    }
}
