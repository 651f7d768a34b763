import Foundation
import GRDB
import Testing
import WalletKit

/// The wallet, account, address, fleet and history commands through the real binary.
@Suite struct WalletCLITests {
    @Test func createShowsMnemonicOnceAndConfirms() async throws {
        let w = try CLIWallet()
        // Wrong confirmation words: nothing is created.
        let bad = try await w.run(["wallet", "create", "--words", "12"], password: true, stdin: "zoo\nzoo\nzoo\n")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("does not match; no wallet was created"))
        #expect(!FileManager.default.fileExists(atPath: w.databaseURL.path))
        // --json without --show-mnemonic and no terminal: refused rather than a wallet nobody saw the words of.
        #expect(try await w.run(["wallet", "create", "--json", "--skip-confirmation"], password: true).status == 64)

        let r = try await w.run(["wallet", "create", "--json", "--show-mnemonic", "--skip-confirmation"], password: true)
        #expect(r.status == 0, "\(r.stderr)")
        let words = try #require(r.object["mnemonic"] as? String)
        #expect(words.split(separator: " ").count == 24)
        #expect(!r.stderr.contains(words))
        let accounts = try #require(r.object["accounts"] as? [[String: Any]])
        #expect(accounts.first?["name"] as? String == "account-0")
        #expect((accounts.first?["receiveAddress"] as? String)?.hasPrefix("kaspadev:") == true)
        // The words are never shown again.
        let info = try await w.run(["wallet", "info", "--json"])
        #expect(info.status == 0 && !info.stdout.contains(words.split(separator: " ")[0] + " " + words.split(separator: " ")[1]))
        #expect(info.object["fileMode"] as? String == "600")
        #expect(try await w.run(["wallet", "create", "--skip-confirmation"], password: true).status == 78)
    }

    @Test func wrongPasswordIsDeniedAndChangesNothing() async throws {
        let w = try CLIWallet()
        try await w.create()
        let wrong = try w.file("wrong", "not the password\n")
        func snapshot() throws -> [String] {
            let store = try WalletStore.open(at: w.databaseURL, network: .devnet)
            defer { try? store.close() }
            return try store.read { db in
                try ["SELECT quote(wrappedKey) || quote(salt) || keyVersion FROM vault", "SELECT quote(ciphertext) FROM keyMaterial",
                     "SELECT quote(hash) FROM auditEvent"].flatMap { try String.fetchAll(db, sql: $0) }
            }
        }
        let before = try snapshot()
        let r = try await CLI.run(["wallet", "open"] + w.common + ["--password-file", wrong])
        #expect(r.status == 77)
        #expect(r.stderr.contains("wrong password"))
        let change = try await CLI.run(["wallet", "change-password", "--new-password-file", wrong] + w.common + ["--password-file", wrong])
        #expect(change.status == 77)
        #expect(try snapshot() == before)
        #expect(try await w.run(["wallet", "open", "--json"], password: true).object["unlocked"] as? Bool == true)

        let newPassword = try w.file("new", "second password\n")
        #expect(try await w.run(["wallet", "change-password", "--new-password-file", newPassword], password: true).status == 0)
        #expect(try await w.run(["wallet", "open"], password: true).status == 77)
        #expect(try await CLI.run(["wallet", "open"] + w.common + ["--password-file", newPassword]).status == 0)
        // Secrets never go through argv: there is no --password option.
        #expect(try await CLI.run(["wallet", "open", "--password", "x"] + w.common).status == 64)
    }

    @Test func importGoMultisigKeysFile() async throws {
        let go = (Vectors.json("encryption.json")["go_kaspawallet_import"] as? [String: Any]) ?? [:]
        let m = (go["multisig_2_of_5"] as? [String: Any]) ?? [:]
        let mnemonics = (m["encryptedMnemonics"] as? [[String: Any]]) ?? []
        let file: [String: Any] = [
            "version": 1, "encryptedMnemonics": mnemonics.map { ["cipher": $0["cipher"] ?? "", "salt": $0["salt"] ?? ""] },
            "publicKeys": m["publicKeys"] ?? [], "minimumSignatures": 2, "cosignerIndex": m["fileCosignerIndex"] ?? 0,
            "lastUsedExternalIndex": 0, "lastUsedInternalIndex": 0, "ecdsa": false,
        ]
        let w = try CLIWallet()
        let path = try w.file("keys.json", String(decoding: try JSONSerialization.data(withJSONObject: file), as: UTF8.self))
        let r = try await CLI.run(["wallet", "import", "--keys-file", path, "--json", "--data-dir", w.dataDir, "--network", "mainnet", "--password-file", w.passwordFile.path])
        #expect(r.status == 0, "\(r.stderr)")
        let account = try #require((r.object["accounts"] as? [[String: Any]])?.first)
        #expect(account["kind"] as? String == "multisig")
        #expect(account["receiveAddress"] as? String == m["expectedReceiveAddress0"] as? String)
        #expect(account["requiredSignatures"] as? Int == 2)
        #expect((account["publicKeys"] as? [String])?.count == 5)
    }

    @Test func accountsAndAddresses() async throws {
        let w = try CLIWallet()
        try await w.create()
        let list = try await w.run(["account", "list", "--json"])
        let first = try #require((list.json as? [[String: Any]])?.first)
        let ktub = try ExtendedPublicKey("kpub2HtoTgsG6e1c7ixJ6JY49otNSzhEKkwnH6bsPHLAXUdYnfEuYw9LnhT7uRzaS4LSeit2rzutV6z8Fs9usdEGKnNe6p1JxfP71mK8rbUfYWo").serialized(prefix: .ktub)
        #expect(first["publicKeys"] as? [String] == [ktub])
        #expect(first["kind"] as? String == "bip32" && first["machine"] is NSNull)
        let created = try await w.run(["account", "create", "--name", "ops", "--json"], password: true)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.object["index"] as? Int == 1)
        let kpub = try #require(((Vectors.json("hd.json")["gen1"] as? [String: Any])?["master_key_to_addresses"] as? [String: Any])?["accountKpub"] as? String)
        let watched = try await w.run(["account", "watch", "--kpub", kpub, "--name", "cold", "--json"])
        #expect(watched.object["watchOnly"] as? Bool == true)
        let new = try await w.run(["address", "new", "--account", "ops", "--json"])
        #expect(new.object["index"] as? Int == 1 && new.object["account"] as? String == "ops")
        let addresses = try await w.run(["address", "list", "--account", "ops", "--chain", "receive", "--json"])
        #expect((addresses.json as? [[String: Any]])?.count == 2)
        #expect(try await w.run(["address", "list", "--account", "nobody"]).status == 66)
        let balance = try await w.run(["balance", "--json"])
        #expect(balance.object["mature"] as? Int == 0 && balance.object["utxoCount"] as? Int == 0)
        #expect((try await w.run(["utxo", "list", "--json"]).json as? [Any])?.isEmpty == true)
    }

    @Test func fleetBudgetPolicyAndHistory() async throws {
        let w = try CLIWallet()
        try await w.create()
        let key = try PrivateKey(bytes: [UInt8](repeating: 5, count: 32)).publicKey.compressed.hex
        let add = try await w.run(["fleet", "add", "drone-7", "--kind", "drone", "--group", "north", "--tag", "cam", "--public-key", key, "--json"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.object["group"] as? String == "north" && add.object["keySource"] as? String == "public-key")
        let derived = try await w.run(["fleet", "add", "charger-2", "--kind", "charger", "--json"], password: true)
        #expect(derived.object["keySource"] as? String == "account" && derived.object["account"] as? String == "machine:charger-2")
        #expect(try await w.run(["fleet", "add", "drone-7", "--public-key", key]).status == 65)

        let budget = try await w.run(["fleet", "budget", "drone-7", "--per-tx", "2", "--daily", "15", "--json"])
        #expect(((budget.object["budget"] as? [String: Any])?["dailyLimit"] as? Int) == 1_500_000_000)
        #expect((budget.object["budget"] as? [String: Any])?["hourlyLimit"] is NSNull)
        let target = try #require(derived.object["address"] as? String)
        let over = try await w.run(["fleet", "check", "drone-7", "--amount", "3", "--to", target, "--json"])
        #expect(over.status == 77)
        #expect((over.object["reasons"] as? [String]) == ["drone-7 would exceed its per-transaction limit: 3.00000000 KAS proposed, limit 2.00000000 KAS"])
        #expect(try await w.run(["fleet", "check", "drone-7", "--amount", "1.5", "--to", target]).status == 0)

        #expect(try await w.run(["fleet", "freeze", "drone-7"]).status == 0)
        let frozen = try await w.run(["fleet", "check", "drone-7", "--amount", "1", "--to", target])
        #expect(frozen.status == 77 && frozen.stdout.contains("drone-7 is frozen"))
        #expect(try await w.run(["fleet", "unfreeze", "drone-7"]).status == 0)
        let list = try await w.run(["fleet", "list", "--group", "north", "--json"])
        #expect((list.json as? [[String: Any]])?.map { $0["name"] as? String } == ["drone-7"])
        let show = try await w.run(["fleet", "show", "drone-7", "--json"])
        #expect((show.object["groupBudget"]) is NSNull)
        #expect(try await w.run(["fleet", "remove", "drone-7"]).status == 0)
        #expect(try await w.run(["fleet", "show", "nobody"]).status == 66)

        let events = try await w.run(["history", "events", "--json"])
        let kinds = (events.json as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        #expect(kinds.contains("budget.set") && kinds.contains("machine.status") && kinds.first == "wallet.created")
        let verify = try await w.run(["history", "verify", "--json"])
        #expect(verify.status == 0 && verify.object["intact"] as? Bool == true && verify.object["firstBroken"] is NSNull)

        // History export: a transaction recorded by the store comes out as CSV and JSON.
        let store = try WalletStore.open(at: w.databaseURL, network: .devnet)
        try store.recordHistory([HistoryRecord(transactionId: Hash32(storage: (1, 2, 3, 4)), direction: .outgoing, amount: 150_000_000,
                                               fee: 2_000, state: .accepted, counterparty: "=cmd", note: "top-up, \"north\"", at: 1_700_000_000)])
        try store.close()
        let csv = try await w.run(["history", "export", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "transactionId,direction,amountKas,feeKas,state,blockDaaScore,account,machine,counterparty,note,createdAt")
        #expect(lines.count == 2 && lines[1].contains("outgoing,1.50000000,0.00002000,accepted") && lines[1].contains("'=cmd,\"top-up, \"\"north\"\"\""))
        let json = try await w.run(["history", "export", "--format", "json"])
        #expect((json.json as? [[String: Any]])?.first?["amount"] as? Int == 150_000_000)
        let listed = try await w.run(["history", "list", "--json"])
        #expect((listed.json as? [[String: Any]])?.first?["blockDaaScore"] is NSNull)
    }

    @Test func tamperedAuditChainIsNamed() async throws {
        let w = try CLIWallet()
        try await w.create()
        let key = try PrivateKey(bytes: [UInt8](repeating: 6, count: 32)).publicKey.compressed.hex
        #expect(try await w.run(["fleet", "add", "drone-1", "--public-key", key]).status == 0)
        #expect(try await w.run(["fleet", "freeze", "drone-1"]).status == 0)
        let store = try WalletStore.open(at: w.databaseURL, network: .devnet)
        try store.write { db in
            try db.execute(sql: "DROP TRIGGER auditEventNoUpdate")
            try db.execute(sql: "UPDATE auditEvent SET subject = 'drone-2' WHERE seq = 2")
        }
        try store.close()
        let r = try await w.run(["history", "verify"])
        #expect(r.status == 65)
        #expect(r.stdout.contains("BROKEN at event 2"))
    }
}
